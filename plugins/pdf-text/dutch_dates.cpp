#include "dutch_dates.hpp"

#include <cstdio>
#include <vector>

#include "text_util.hpp"

namespace stukwerk::pdf {
namespace {

int month_number(std::string_view word) {
    static constexpr std::string_view months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                                  "juli",    "augustus", "september", "oktober", "november", "december"};
    const std::string w = ascii_lower(word);
    for (int i = 0; i < 12; ++i)
        if (w == months[i]) return i + 1;
    return 0;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// 0 = Sunday ... 6 = Saturday (Sakamoto's method).
int weekday(int y, int m, int d) {
    static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '.' || text[i] == '(' ||
                                   text[i] == ')' || text[i] == '\n'))
            ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != ',' && text[j] != '.' && text[j] != '(' &&
               text[j] != ')' && text[j] != '\n')
            ++j;
        if (j > i) out.push_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

}  // namespace

std::string iso_date_in(std::string_view text) {
    const auto words = words_of(text);
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        if (!all_digits(words[i]) || words[i].size() > 2) continue;
        const int month = month_number(words[i + 1]);
        if (!month || !all_digits(words[i + 2]) || words[i + 2].size() != 4) continue;
        const int day = std::stoi(std::string(words[i]));
        const int year = std::stoi(std::string(words[i + 2]));
        if (day < 1 || day > days_in_month(year, month)) continue;
        char buf[40];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        return buf;
    }
    return {};
}

std::string session_year_of(std::string_view iso) {
    if (iso.size() != 10) return {};
    const int year = std::stoi(std::string(iso.substr(0, 4)));
    const int month = std::stoi(std::string(iso.substr(5, 2)));
    const int day = std::stoi(std::string(iso.substr(8, 2)));
    const int first_tuesday = 1 + (9 - weekday(year, 9, 1)) % 7;
    const int prinsjesdag = first_tuesday + 14;
    const int start = month > 9 || (month == 9 && day >= prinsjesdag) ? year : year - 1;
    return std::to_string(start) + "-" + std::to_string(start + 1);
}

}  // namespace stukwerk::pdf
