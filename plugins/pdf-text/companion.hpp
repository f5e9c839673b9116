// The metadata record KOOP publishes beside each PDF ("<stem>.metadata.xml",
// <metadata_gegevens><metadata name=… scheme=… content=…/>…). A PDF carries
// no title of its own (KOOP's Info Title is empty); when the record lies
// beside the PDF, its fields complete what the printed page says.
#pragma once

#include <string_view>

#include <stukwerk/document.hpp>
#include <stukwerk/importer.hpp>

namespace stukwerk::pdf {

// The companion's name for a PDF's file name: "kst-32545-143.pdf" ->
// "kst-32545-143.metadata.xml".
std::string companion_name(std::string_view file_name);

// Merges the companion record into `doc`, if the host has one. The record
// gives the title and document type; the printed id, dossier, number and
// date stay, with a "metadata-mismatch" warning where the record differs.
// Every field not mapped lands in metadata.raw.
void merge_companion(const Source& source, Document& doc);

// The same, from the record's text (for a caller that already has it).
void merge_metadata_record(std::string_view xml, Document& doc);

}  // namespace stukwerk::pdf
