// Small text helpers shared by the oep-xml importer: UTF-8 building and
// checking, whitespace collapsing over inline runs, and the few pieces of
// Dutch parliamentary text the mapping has to recognise (dates, session
// years, publication ids, the type word of a printed title).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <stukwerk/block.hpp>
#include <stukwerk/encoding.hpp>

namespace stukwerk::oep {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

using encoding::append_utf8;
inline bool valid_utf8(std::string_view s) { return encoding::is_utf8(s); }

// Whitespace runs become one space; leading and trailing whitespace goes.
std::string collapse_space(std::string_view s);

// Collapses whitespace across the runs of one block as if they were one
// string, trims the block, drops empty text runs and merges neighbouring
// text runs of the same style. A space between two runs goes to the start
// of the following text run, never into a link or a footnote marker.
void normalise_inlines(std::vector<Inline>& inlines);

std::string lower_ascii(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

// "2020-2021", "2020/21", "20202021" -> "2020-2021"; "" when not a session year.
std::string session_year_of(std::string_view text);

// "kst-32545-143", "h-tk-20172018-70-8", "blg-1007826": a KOOP publication id.
bool looks_like_publication_id(std::string_view s);

// "kamerstuk", "handelingen", "aanhangsel", "bijlage", ... for an id.
std::string publication_kind(std::string_view id);

// "Tweede Kamer der Staten-Generaal" -> "Tweede Kamer"; "" when the text
// names no chamber.
std::string chamber_of(std::string_view text);

}  // namespace stukwerk::oep
