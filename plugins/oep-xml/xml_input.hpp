// From the bytes of a file to a pugixml tree, safely.
//
// Before pugixml sees anything the text is brought to UTF-8: a BOM is
// honoured (UTF-8, UTF-16, UTF-32), a windows-1252 or ISO-8859-1/-15
// declaration is converted (pugixml itself would read those bytes as UTF-8),
// and a file whose UTF-8 was encoded twice (the Handelingen of 2018 in the
// corpus start with "ï»¿", a BOM read as Latin-1 and written again) is
// repaired when the repair gives valid UTF-8. A DOCTYPE that declares
// entities is refused outright; pugixml never expands entities or fetches a
// DTD, and refusing the declaration keeps a billion-laughs or external-entity
// document from passing as text. Nesting deeper than the host's limit is
// refused before any recursive code walks the tree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include <stukwerk/document.hpp>
#include <stukwerk/importer.hpp>

namespace stukwerk::oep {

struct ParsedXml {
    std::string text;  // the UTF-8 text the tree points into (parsed in place)
    pugi::xml_document tree;
    std::vector<Warning> warnings;  // what was repaired or ignored on the way in
};

// Throws stukwerk::Error naming the cause when the bytes are not XML this
// importer can read safely. `what` names the input in messages about a
// companion file ("companion kst-1-2.metadata.xml"); empty for the input.
std::unique_ptr<ParsedXml> parse_xml(std::string_view bytes, const Limits& limits, std::string_view what = {});

// The bytes as UTF-8 text, by the same rules parse_xml uses (exposed for
// the tests and the benchmark's checks).
std::string to_utf8(std::string_view bytes, std::vector<Warning>& warnings);

}  // namespace stukwerk::oep
