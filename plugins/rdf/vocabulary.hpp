// The vocabularies the RDF mapping uses (docs/rdf-mapping.md). Every term
// here exists in its vocabulary as published; none is invented.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace stukwerk::plugins::rdf::vocab {

// ELI (European Legislation Identifier) ontology and its draft-legislation
// extension ELI-DL, as published by the EU Publications Office. Note the
// namespaces are http:, not https:.
inline constexpr std::string_view eli = "http://data.europa.eu/eli/ontology#";
inline constexpr std::string_view eli_dl = "http://data.europa.eu/eli/eli-draft-legislation-ontology#";
inline constexpr std::string_view dcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view foaf = "http://xmlns.com/foaf/0.1/";
inline constexpr std::string_view org = "http://www.w3.org/ns/org#";
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view skos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view spdx = "http://spdx.org/rdf/terms#";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";

struct Prefix {
    std::string_view name;
    std::string_view iri;
};

// The prefixes written at the head of Turtle output, in this order.
inline constexpr std::array<Prefix, 9> prefixes{{
    {"eli", eli},
    {"eli-dl", eli_dl},
    {"dcterms", dcterms},
    {"foaf", foaf},
    {"org", org},
    {"rdf", rdf},
    {"skos", skos},
    {"spdx", spdx},
    {"xsd", xsd},
}};

inline std::string term(std::string_view ns, std::string_view local) {
    std::string s(ns);
    s += local;
    return s;
}

// EU Publications Office authority table of languages, the value space of
// eli:language.
inline constexpr std::string_view eu_language_authority = "http://publications.europa.eu/resource/authority/language/";
// IANA media types, the value space of eli:media_type.
inline constexpr std::string_view iana_media_types = "https://www.iana.org/assignments/media-types/";

}  // namespace stukwerk::plugins::rdf::vocab
