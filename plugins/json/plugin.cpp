// Registers the json and jsonl exporters and the json importer.
#include <stukwerk/plugin.hpp>

#include "json_exporter.hpp"
#include "json_importer.hpp"
#include "jsonl_exporter.hpp"

STUKWERK_PLUGIN(stukwerk::plugins::JsonExporter, stukwerk::plugins::JsonlExporter, stukwerk::plugins::JsonImporter)
