// The RDF graph of one document, as plain values, so that the Turtle and
// N-Triples writer (serd) and the JSON-LD writer serialise the very same
// triples. Subjects are always IRIs: the mapping mints IRIs for every node
// and uses no blank nodes.
#pragma once

#include <string>
#include <vector>

namespace stukwerk::plugins::rdf {

struct Term {
    enum class Kind { iri, literal };
    Kind kind = Kind::literal;
    std::string value;     // the IRI, or the literal's lexical form
    std::string datatype;  // literals only; empty: xsd:string (or rdf:langString with a language)
    std::string language;  // literals only; a well-formed BCP 47 tag or empty
};

inline Term iri(std::string value) { return Term{Term::Kind::iri, std::move(value), {}, {}}; }
inline Term literal(std::string value, std::string datatype = {}, std::string language = {}) {
    return Term{Term::Kind::literal, std::move(value), std::move(datatype), std::move(language)};
}

struct Triple {
    std::string subject;  // an IRI
    std::string predicate;
    Term object;
};

using Graph = std::vector<Triple>;

}  // namespace stukwerk::plugins::rdf
