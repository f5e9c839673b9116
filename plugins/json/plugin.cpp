// Registers the json and jsonl exporters.
#include <stukwerk/plugin.hpp>

#include "json_exporter.hpp"
#include "jsonl_exporter.hpp"

STUKWERK_PLUGIN(stukwerk::plugins::JsonExporter, stukwerk::plugins::JsonlExporter)
