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

namespace stukwerk::oep {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void append_utf8(std::string& out, char32_t cp);
bool valid_utf8(std::string_view s);

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

// "6 juli 2021" anywhere in the text -> "2021-07-06"; "" when none.
std::string dutch_date_to_iso(std::string_view text);

// "2020-2021", "2020/21", "20202021" -> "2020-2021"; "" when not a session year.
std::string session_year_of(std::string_view text);

// "kst-32545-143", "h-tk-20172018-70-8", "blg-1007826": a KOOP publication id.
bool looks_like_publication_id(std::string_view s);

// "kamerstuk", "handelingen", "aanhangsel", "bijlage", ... for an id.
std::string publication_kind(std::string_view id);

// The type word(s) of a printed title in sentence case: "MOTIE VAN HET LID
// X" -> "Motie", "GEWIJZIGDE MOTIE VAN ..." -> "Gewijzigde motie". "" when
// the title is not printed in capitals.
std::string type_from_printed_title(std::string_view title);

// "Tweede Kamer der Staten-Generaal" -> "Tweede Kamer"; "" when the text
// names no chamber.
std::string chamber_of(std::string_view text);

// "32 545" -> "32545", "21 501-20" -> "21501-20", "36 410 XVI" -> "36410-XVI".
std::string compact_dossier_number(std::string_view printed);

}  // namespace stukwerk::oep
