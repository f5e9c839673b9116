// JSON-LD of a graph, compacted with the published context
// (plugins/rdf/context.jsonld, embedded in every file). The writer reads
// its term definitions from that context, so the file in the repository is
// the one source of truth: a term is used for a triple only when its
// definition expands back to exactly that triple, otherwise the compact IRI
// with an explicit value object is written. Either way the JSON-LD expands
// to the graph the Turtle writer gets.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "graph.hpp"

namespace stukwerk::plugins::rdf {

class JsonLdWriter {
public:
    // Parses the embedded context; throws stukwerk::Error if it is broken.
    JsonLdWriter();

    // {"@context": {...}, "@graph": [one node object per subject]}.
    std::string write(const Graph& graph) const;

    // The "@context" object of the published context file.
    const boost::json::object& context() const { return context_; }

private:
    enum class Coercion { none, id, datatype };
    struct TermDefinition {
        std::string name;
        Coercion coercion = Coercion::none;
        std::string datatype;  // expanded, for Coercion::datatype
    };

    std::string expand(const std::string& value) const;
    std::string compact(const std::string& iri) const;
    // The key and value that express one object of predicate `p`.
    std::pair<std::string, boost::json::value> entry(const std::string& p, const Term& o) const;

    boost::json::object context_;
    std::vector<std::pair<std::string, std::string>> prefixes_;  // name, namespace IRI
    std::map<std::string, std::vector<TermDefinition>> terms_;   // by the IRI they expand to
};

}  // namespace stukwerk::plugins::rdf
