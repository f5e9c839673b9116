// Minting IRIs and checking lexical forms, so that whatever a document
// holds, the RDF written from it is well-formed: ids become percent-encoded
// path segments, URLs lose the characters IRIs forbid, and a value becomes
// a typed or language-tagged literal only when its form is valid.
#pragma once

#include <string>
#include <string_view>

namespace stukwerk::plugins::rdf {

// The default base of document IRIs: the official publication site, where
// <base><id> is the publication's own address (kst-33279-36 ->
// https://zoek.officielebekendmakingen.nl/kst-33279-36).
inline constexpr std::string_view default_base = "https://zoek.officielebekendmakingen.nl/";

// Percent-encodes (UTF-8, upper-case hex) every byte that is not an RFC 3986
// unreserved character (A-Z a-z 0-9 - . _ ~), so any id is one path
// segment of a valid IRI: "kst 1/2" -> "kst%201%2F2".
std::string encode_segment(std::string_view text);

// True for an http: or https: URL (case-insensitive scheme).
bool is_http_url(std::string_view text);

// A URL as a valid IRI: spaces, controls, non-ASCII and the characters
// IRIs exclude (<>"{}|\^`) are percent-encoded, a '%' that starts no
// escape becomes %25, and only the first '#' stays a fragment mark.
std::string url_to_iri(std::string_view url);

// Throws stukwerk::Error naming the problem unless `base` is an absolute
// IRI without a fragment whose characters need no escaping, and whose
// scheme is not a prefix of the JSON-LD context ("eli:").
void check_base(std::string_view base);

// BCP 47 syntax as RDF language tags need it: letters, then '-'-separated
// groups of letters and digits ("nl", "nl-NL", "en-GB-oxendict").
bool is_language_tag(std::string_view text);

// The EU authority-table IRI of a language ("nl" -> .../language/NLD), or
// "" for a language the table is not mapped for here.
std::string eu_language_iri(std::string_view tag);

// YYYY-MM-DD naming a day that exists: a valid xsd:date.
bool is_xsd_date(std::string_view text);

// An ISO 8601 date-time in xsd:dateTime form ("2024-02-19T10:56" ->
// "2024-02-19T10:56:00", "+0100" -> "+01:00"), or "" when it is not one.
std::string xsd_date_time(std::string_view text);

// "type/subtype" in the token characters of RFC 6838 that an IRI path
// keeps as they are ("text/html", "application/ld+json").
bool is_media_type(std::string_view text);

// 64 lower-case hex digits.
bool is_sha256(std::string_view text);

}  // namespace stukwerk::plugins::rdf
