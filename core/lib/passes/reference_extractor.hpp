// Finds citations of other publications in running Dutch parliamentary text
// and gives each a normalised target id:
//
//   Kamerstuk 36 200 X, nr. 37                     -> kst-36200-X-37
//   Kamerstukken II 2020/21, 35 570 X, nr. 39      -> kst-35570-X-39
//   (bijlage bij Kamerstuk 35 788, nr. 77)         -> kst-35788-77 (kind "bijlage")
//   Kamerstuk 35 570 X, nrs. 39 en 54              -> kst-35570-X-39, kst-35570-X-54
//   Handelingen II 2020/21, nr. 33, items 4 en 10  -> h-tk-20202021-33-4, h-tk-20202021-33-10
//   Aanhangsel Handelingen II 2020/21, nr. 1234    -> ah-tk-20202021-1234
//   Stb. 2021, 123 / Stcrt. 2021, 4567             -> stb-2021-123 / stcrt-2021-4567
//   https://zoek.officielebekendmakingen.nl/kst-33279-36.html -> kst-33279-36
//
// A hand-written scanner rather than regular expressions: it runs in one
// pass, cannot blow the stack on hostile input, and reads like the grammar.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stukwerk::core {

struct Citation {
    std::string text;    // as written
    std::string target;  // normalised publication id, or the URL
    std::string kind;    // "kamerstuk", "bijlage", "handelingen", "aanhangsel", "staatsblad", "staatscourant", "tractatenblad", "url"
};

std::vector<Citation> find_citations(std::string_view text);

// The publication id a link points at, for officielebekendmakingen.nl and
// repository.overheid.nl addresses ("https://zoek.officielebekendmakingen.nl/
// kst-33279-36.html" -> "kst-33279-36"); "" for any other address.
std::string publication_id_from_url(std::string_view url);

// The kind of publication an id names: "kst-..." -> "kamerstuk", "h-..." ->
// "handelingen", "blg-..." -> "bijlage", ...; "publication" when unknown.
std::string publication_kind(std::string_view id);

// "2020/21", "2020-2021", "2020–2021" -> "20202021"; "" when not a session year.
std::string compact_session_year(std::string_view year);

}  // namespace stukwerk::core
