// Registers the oep-xml importer.
#include <stukwerk/plugin.hpp>

#include "oep_importer.hpp"

STUKWERK_PLUGIN(stukwerk::oep::OepXmlImporter)
