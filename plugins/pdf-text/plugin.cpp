// Registers the pdf-text importer.
#include <stukwerk/plugin.hpp>

#include "pdf_importer.hpp"

STUKWERK_PLUGIN(stukwerk::pdf::PdfTextImporter)
