// Small text helpers for typeset Dutch: UTF-8 first/last letters and their
// case, whitespace, and masks for comparing running heads.
#pragma once

#include <string>
#include <string_view>

namespace stukwerk::pdf {

std::string trim(std::string_view s);
// Runs of spaces, tabs, newlines and no-break spaces become one space; trimmed.
std::string collapse_spaces(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string ascii_lower(std::string_view s);

// The first / last code point of a UTF-8 string (0 when empty).
char32_t first_code_point(std::string_view s);
char32_t last_code_point(std::string_view s);
// Removes the last code point.
void pop_code_point(std::string& s);

bool is_lower_letter(char32_t c);
bool is_upper_letter(char32_t c);
bool is_letter(char32_t c);
bool is_digit(char32_t c);
bool all_digits(std::string_view s);

// Lower case, each run of digits replaced by one '#', spaces collapsed:
// "Pagina 9 van 12" and "Pagina 10 van 12" both become "pagina # van #".
std::string furniture_key(std::string_view s);

}  // namespace stukwerk::pdf
