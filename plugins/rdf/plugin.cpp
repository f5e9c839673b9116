// Registers the rdf (Turtle), ntriples and jsonld exporters.
#include <stukwerk/plugin.hpp>

#include "rdf_exporters.hpp"

STUKWERK_PLUGIN(stukwerk::plugins::rdf::RdfExporter, stukwerk::plugins::rdf::NTriplesExporter,
                stukwerk::plugins::rdf::JsonLdExporter)
