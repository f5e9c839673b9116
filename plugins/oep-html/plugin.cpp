// Registers the oep-html importer.
#include <stukwerk/plugin.hpp>

#include "oep_html_importer.hpp"

STUKWERK_PLUGIN(stukwerk::oep_html::OepHtmlImporter)
