// The mapping of one document to RDF on the ELI vocabulary, written down
// in docs/rdf-mapping.md (a change here is a change there).
#pragma once

#include <string>
#include <string_view>

#include <stukwerk/document.hpp>

#include "graph.hpp"

namespace stukwerk::plugins::rdf {

// <base><id, percent-encoded>: "kst-33279-36" ->
// https://zoek.officielebekendmakingen.nl/kst-33279-36. The parts of a
// document (its expression, footnotes, people ...) are hash IRIs on it.
std::string document_iri(std::string_view base, std::string_view id);

// The IRI a reference target names: an http(s) URL as itself (made a valid
// IRI), anything else as a publication id on the base.
std::string cited_iri(std::string_view base, std::string_view target);

// The graph of `doc`, subjects in a fixed order and each subject's triples
// together. Throws stukwerk::Error for a value RDF cannot carry here (a
// U+0000 character, which serd cannot write).
Graph document_graph(const Document& doc, std::string_view base);

}  // namespace stukwerk::plugins::rdf
