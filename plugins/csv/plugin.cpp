// Registers the csv exporter.
#include <stukwerk/plugin.hpp>

#include "csv_exporter.hpp"

STUKWERK_PLUGIN(stukwerk::plugins::csv::CsvExporter)
