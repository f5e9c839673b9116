// Reading the printed parts of a Kamerstuk that carry metadata when the
// meta tags are missing: dates written out in Dutch, the place-and-date line
// of a letter, its addressee line, the type in a printed title, and the
// source numbering at the start of a heading.
#pragma once

#include <string>
#include <string_view>

namespace stukwerk::oep_html {

// "22 december 2022" anywhere in the text -> "2022-12-22"; "" when none.
std::string dutch_date(std::string_view text);

// "Den Haag, 22 december 2022" (a place, a comma, a full date).
bool is_place_date_line(std::string_view text);

// "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal".
bool is_addressee_line(std::string_view text);

// The document type in a printed title, in sentence case: "MOTIE VAN DE
// LEDEN ..." -> "Motie", "MEMORIE VAN TOELICHTING" -> "Memorie van toelichting".
std::string type_from_printed_title(std::string_view title);

// The number a heading starts with, as printed: "1.", "2.3", "IV.", "A.",
// "Artikel 12a", "§ 3"; "" when it starts with none.
std::string heading_number(std::string_view text);

// "Nr. 143" -> "143"; "Nr. 36" -> "36"; "B" -> "B".
std::string item_number_from_label(std::string_view label);

// A dossier number as printed, in the id form: "32 545" -> "32545",
// "36 200 X" -> "36200-X", "21 501-20" -> "21501-20".
std::string compact_dossier_number(std::string_view printed);

// "De Minister van Defensie," -> "Minister van Defensie".
std::string function_from_line(std::string_view line);

std::string trim(std::string_view s);

}  // namespace stukwerk::oep_html
