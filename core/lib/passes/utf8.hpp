// UTF-8 validity. Exporters promise valid UTF-8 (JSON, RDF and CSV readers
// reject anything else), so the host repairs what an importer let through.
#pragma once

#include <string>
#include <string_view>

namespace stukwerk::core {

// Valid UTF-8 without U+0000, which no output format can carry.
bool is_valid_utf8(std::string_view s);

// Replaces each invalid sequence (and each U+0000) with U+FFFD; returns
// true when it changed s.
bool repair_utf8(std::string& s);

}  // namespace stukwerk::core
