// The passes every document goes through between its importer and the
// exporters, whatever its format. Importers stay small because these live
// here once: UTF-8 repair, id normalisation, footnote link checks,
// citation extraction, and provenance.
#pragma once

#include <cstdint>
#include <string>

#include <stukwerk/document.hpp>
#include <stukwerk/importer.hpp>

namespace stukwerk::core {

// What the host knows about the input a document came from.
struct InputFacts {
    std::string path;
    std::string file_stem;  // fallback id when the document has none
    std::string sha256;
    std::uint64_t size = 0;
    const ImporterInfo* importer = nullptr;
};

void run_shared_passes(Document& doc, const InputFacts& input, std::uint32_t record);

// The passes one by one, for tests and for importers' own test suites.
void repair_text_encoding(Document& doc);
void normalise_id(Document& doc, const InputFacts& input, std::uint32_t record);
// Dates, session years and dossier numbers in the schema's forms; a value
// that cannot be brought into form moves to metadata.raw with a warning.
void normalise_metadata(Document& doc);
void check_footnote_links(Document& doc);
void extract_references(Document& doc);
void stamp_provenance(Document& doc, const InputFacts& input, std::uint32_t record);

}  // namespace stukwerk::core
