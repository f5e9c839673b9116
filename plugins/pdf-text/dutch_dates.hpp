// Dates as Dutch documents print them ("6 juli 2021", "dinsdag 8 maart
// 2011") and the parliamentary year they fall in.
#pragma once

#include <string>
#include <string_view>

namespace stukwerk::pdf {

// The ISO date of the first "<day> <month name> <year>" in `text`, or "".
std::string iso_date_in(std::string_view text);

// The parliamentary year ("2023-2024") of an ISO date: a year runs from
// Prinsjesdag, the third Tuesday of September, to the day before the next.
std::string session_year_of(std::string_view iso_date);

}  // namespace stukwerk::pdf
