// The canonical JSON form of the document model (schema:
// sdk/schema/document.schema.json), both ways. Shared by the json/jsonl
// exporters and by the host, which sends documents between processes in
// this form when conversions run isolated.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include <stukwerk/document.hpp>

namespace stukwerk::json {

boost::json::value to_json(const Document& doc);

// Throws stukwerk::Error naming the offending key when `v` is not a
// document of this schema.
Document from_json(const boost::json::value& v);

// Serialisations: compact (one line, for JSON Lines) and indented (for
// files people read). Both end without a newline.
std::string to_compact(const boost::json::value& v);
std::string to_pretty(const boost::json::value& v);

// to_pretty's text and a final newline, handed to `sink` in pieces of about
// 64 KiB as they are made; the sink writes and empties the string it gets.
using TextSink = std::function<void(std::string&)>;
void write_pretty(const boost::json::value& v, const TextSink& sink);

// Appends `s` as a JSON string literal with the escapes Boost.JSON's
// serializer writes (so to_pretty and to_compact agree byte for byte).
void append_quoted(std::string& out, std::string_view s);

// Parses text produced by to_compact/to_pretty; throws stukwerk::Error.
Document parse_document(std::string_view text);

}  // namespace stukwerk::json
