// Reading the printed parts of a Kamerstuk that carry metadata when the
// meta tags are missing: the place-and-date line of a letter, its addressee
// line, item numbers and functions as printed, and the source numbering at
// the start of a heading. Dates, document types from printed titles and
// dossier numbers are read by the SDK's stukwerk/dutch.hpp, as in every
// importer.
#pragma once

#include <string>
#include <string_view>

namespace stukwerk::oep_html {

// "Den Haag, 22 december 2022" (a place, a comma, a full date).
bool is_place_date_line(std::string_view text);

// "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal".
bool is_addressee_line(std::string_view text);

// The number a heading starts with, as printed: "1.", "2.3", "IV.", "A.",
// "Artikel 12a", "§ 3"; "" when it starts with none.
std::string heading_number(std::string_view text);

// "Nr. 143" -> "143"; "Nr. 36" -> "36"; "B" -> "B".
std::string item_number_from_label(std::string_view label);

// "De Minister van Defensie," -> "Minister van Defensie".
std::string function_from_line(std::string_view line);

std::string trim(std::string_view s);

}  // namespace stukwerk::oep_html
