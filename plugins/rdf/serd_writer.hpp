// Turtle and N-Triples through serd's writer, so that every escape (quotes,
// backslashes, line breaks, controls, IRIs) is serd's, not hand-made.
#pragma once

#include <string>

#include "graph.hpp"

namespace stukwerk::plugins::rdf {

enum class Syntax { turtle, ntriples };

// The @prefix directives that open a Turtle file, and a blank line; "" for
// N-Triples.
std::string prefix_header(Syntax syntax);

// The statements of `graph`, each subject's together in order of first
// appearance. Turtle abbreviates with the prefixes of prefix_header() but
// does not repeat them, so files and runs can put one header before many
// graphs. Throws stukwerk::Error with serd's message if serd refuses a node.
std::string write_statements(const Graph& graph, Syntax syntax);

}  // namespace stukwerk::plugins::rdf
