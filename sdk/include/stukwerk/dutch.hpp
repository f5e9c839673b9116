// How Dutch parliamentary documents print what the model holds as data:
// dates ("22 december 2022"), parliamentary years, and document types in
// printed titles ("BRIEF VAN DE MINISTER …" is a Brief). Shared here so
// that an HTML, XML and PDF importer of one publication read it alike.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <string_view>

namespace stukwerk::dutch {

// 1..12 for a Dutch month name in any letter case, else 0.
inline int month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> months = {"januari", "februari", "maart",     "april",
                                                                "mei",     "juni",     "juli",      "augustus",
                                                                "september", "oktober", "november", "december"};
    if (word.size() < 3 || word.size() > 9) return 0;
    std::string lower;
    for (char c : word) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    for (std::size_t i = 0; i < months.size(); ++i)
        if (lower == months[i]) return static_cast<int>(i) + 1;
    return 0;
}

inline int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

struct DateMatch {
    std::string iso;  // "2022-12-22"; empty when no date was found
    std::size_t begin = 0, end = 0;  // the printed date's bytes in the text
};

namespace detail {

// The length of the space at s[i]: ASCII blanks and the no-break spaces
// typeset text uses between a day and its month (U+00A0, U+202F); else 0.
inline std::size_t space_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0xAF)
        return 3;
    return 0;
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace detail

// The first "<day> <month name> <year>" in `text` ("Voorgesteld 6 juli
// 2021", "Den Haag, 22 december 2022", "dinsdag 8 maart 2011").
inline DateMatch find_date(std::string_view s) {
    using detail::is_digit;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
        std::size_t j = i;
        int day = 0;
        while (j < s.size() && is_digit(s[j]) && j - i < 2) day = day * 10 + (s[j++] - '0');
        if (j < s.size() && is_digit(s[j])) continue;
        std::size_t gap = detail::space_at(s, j);
        if (!gap) continue;
        while (gap) j += gap, gap = detail::space_at(s, j);
        const std::size_t m0 = j;
        while (j < s.size() && detail::is_letter(s[j])) ++j;
        const int month = month_number(s.substr(m0, j - m0));
        if (!month) continue;
        gap = detail::space_at(s, j);
        if (!gap) continue;
        while (gap) j += gap, gap = detail::space_at(s, j);
        const std::size_t y0 = j;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j - y0 != 4) continue;
        const int year = std::stoi(std::string(s.substr(y0, 4)));
        if (day < 1 || day > days_in_month(year, month)) continue;
        char iso[40];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
        return DateMatch{iso, i, j};
    }
    return {};
}

inline std::string iso_date_in(std::string_view text) { return find_date(text).iso; }

// The parliamentary year ("2022-2023") an ISO date falls in: a year runs
// from Prinsjesdag, the third Tuesday of September, to the day before the next.
inline std::string session_year_of(std::string_view iso) {
    if (iso.size() < 10) return {};
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!detail::is_digit(iso[i])) return {};
    int y = std::stoi(std::string(iso.substr(0, 4)));
    const int month = std::stoi(std::string(iso.substr(5, 2)));
    const int day = std::stoi(std::string(iso.substr(8, 2)));
    // Weekday of 1 September (0 = Sunday), by Sakamoto's method.
    static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    const int weekday = (y + y / 4 - y / 100 + y / 400 + t[8] + 1) % 7;
    const int prinsjesdag = 1 + (9 - weekday) % 7 + 14;
    if (!(month > 9 || (month == 9 && day >= prinsjesdag))) --y;
    return std::to_string(y) + "-" + std::to_string(y + 1);
}

// A dossier number as printed, in the form ids use: "32 545" -> "32545",
// "36 200 X" -> "36200-X", "21 501-20" -> "21501-20", "36\u00A0410 XVI" ->
// "36410-XVI". Characters other than digits, letters, spaces and '-' drop out.
inline std::string compact_dossier_number(std::string_view printed) {
    std::string digits, rest;
    std::size_t i = 0;
    while (i < printed.size() && detail::space_at(printed, i)) i += detail::space_at(printed, i);
    for (; i < printed.size(); ++i) {
        if (const std::size_t n = detail::space_at(printed, i)) {
            i += n - 1;
            continue;
        }
        if (!detail::is_digit(printed[i])) break;
        digits += printed[i];
    }
    for (; i < printed.size(); ++i) {
        const char c = printed[i];
        if (const std::size_t n = detail::space_at(printed, i); n || c == '-') {
            if (!rest.empty() && rest.back() != '-') rest += '-';
            i += n ? n - 1 : 0;
        } else if (detail::is_digit(c) || detail::is_letter(c)) {
            if (rest.empty()) rest += '-';
            rest += c;
        }
    }
    while (!rest.empty() && rest.back() == '-') rest.pop_back();
    return digits + rest;
}

// Capitals after the first letter made small, UTF-8 aware for the Latin-1
// capitals Dutch uses (É, Ë, Ï, Ö, Ü, ...): "GEWIJZIGDE MOTIE" -> "Gewijzigde motie".
inline std::string sentence_case(std::string_view words) {
    std::string out;
    bool first = true;
    for (std::size_t i = 0; i < words.size(); ++i) {
        char c = words[i];
        const auto u = static_cast<unsigned char>(c);
        if (u == 0xC3 && i + 1 < words.size()) {
            auto next = static_cast<unsigned char>(words[i + 1]);
            if (!first && next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
            out += static_cast<char>(u);
            out += static_cast<char>(next);
            ++i;
            first = false;
            continue;
        }
        if (!first && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (first && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c != ' ') first = false;
        out += c;
    }
    return out;
}

// The document type a printed title names: the words before "VAN",
// "OVER", "INZAKE", "NAAR", "BIJ" or "D.D.", in sentence case; known types
// whose own words hold "VAN" whole. "MOTIE VAN DE LEDEN …" -> "Motie",
// "VOORSTEL VAN WET" -> "Voorstel van wet". "" when the title names none
// (a long title without a connecting word).
inline std::string document_type_from_title(std::string_view printed) {
    std::string t;
    bool space = false;
    for (std::size_t i = 0; i < printed.size();) {
        if (const std::size_t n = detail::space_at(printed, i)) {
            space = !t.empty();
            i += n;
            continue;
        }
        if (space) t += ' ';
        space = false;
        t += printed[i++];
    }
    static constexpr std::string_view whole[] = {
        "GEWIJZIGD VOORSTEL VAN WET", "VOORSTEL VAN WET", "MEMORIE VAN TOELICHTING", "MEMORIE VAN ANTWOORD",
        "NOTA VAN WIJZIGING", "NOTA NAAR AANLEIDING VAN HET NADER VERSLAG", "NOTA NAAR AANLEIDING VAN HET VERSLAG",
        "ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT", "LIJST VAN VRAGEN EN ANTWOORDEN",
        "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "VERSLAG VAN EEN COMMISSIEDEBAT", "VERSLAG VAN EEN WETGEVINGSOVERLEG",
        "VERSLAG VAN EEN NOTAOVERLEG", "VERSLAG VAN EEN ALGEMEEN OVERLEG"};
    for (std::string_view w : whole)
        if (t.compare(0, w.size(), w) == 0 && (t.size() == w.size() || t[w.size()] == ' ' || t[w.size()] == ','))
            return sentence_case(w);
    std::size_t cut = t.size();
    for (std::string_view sep : {" VAN ", " OVER ", " INZAKE ", " NAAR ", " BIJ ", " D.D. ", " van ", " over ", " inzake "}) {
        const std::size_t at = t.find(sep);
        if (at != std::string::npos && at < cut) cut = at;
    }
    if (cut == t.size()) {
        std::size_t words = 1;
        for (char c : t) words += c == ' ';
        if (words > 4) return {};
    }
    return sentence_case(std::string_view(t).substr(0, cut));
}

}  // namespace stukwerk::dutch
