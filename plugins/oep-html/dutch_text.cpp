#include "dutch_text.hpp"

#include <array>

namespace stukwerk::oep_html {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// U+00A0 counts as a space in printed dates ("22&nbsp;december").
std::string fold_spaces(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            out += ' ';
            ++i;
        } else {
            out += is_space(s[i]) ? ' ' : s[i];
        }
    }
    return out;
}

constexpr std::array<std::string_view, 12> months = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                                     "juli",    "augustus", "september", "oktober", "november", "december"};

struct DateMatch {
    std::size_t begin = std::string_view::npos, end = 0;
    std::string iso;
};

DateMatch find_date(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
        std::size_t j = i;
        int day = 0;
        while (j < s.size() && is_digit(s[j]) && j - i < 2) day = day * 10 + (s[j++] - '0');
        if (j < s.size() && is_digit(s[j])) continue;
        if (j >= s.size() || s[j] != ' ') continue;
        ++j;
        int month = 0;
        for (std::size_t m = 0; m < months.size(); ++m) {
            std::string_view name = months[m];
            if (s.substr(j, name.size()) == name) {
                month = static_cast<int>(m) + 1;
                j += name.size();
                break;
            }
        }
        if (!month || j >= s.size() || s[j] != ' ') continue;
        ++j;
        const std::size_t y0 = j;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j - y0 != 4 || day < 1 || day > 31) continue;
        DateMatch m;
        m.begin = i;
        m.end = j;
        m.iso = std::string(s.substr(y0, 4)) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-" +
                (day < 10 ? "0" : "") + std::to_string(day);
        return m;
    }
    return {};
}

std::string sentence_case(std::string_view words) {
    std::string out;
    bool first = true;
    for (std::size_t i = 0; i < words.size(); ++i) {
        char c = words[i];
        const auto u = static_cast<unsigned char>(c);
        if (u == 0xC3 && i + 1 < words.size()) {  // Latin-1 capitals in UTF-8 (É, Ë, Ï, Ö, Ü ...)
            auto next = static_cast<unsigned char>(words[i + 1]);
            if (!first && next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
            out += static_cast<char>(u);
            out += static_cast<char>(next);
            ++i;
            first = false;
            continue;
        }
        if (!first && is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
        if (first && is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
        if (!is_space(c)) first = false;
        out += c;
    }
    return out;
}

bool is_roman(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
    return true;
}

}  // namespace

std::string trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

std::string dutch_date(std::string_view text) { return find_date(fold_spaces(text)).iso; }

bool is_place_date_line(std::string_view text) {
    const std::string s = trim(fold_spaces(text));
    if (s.size() > 80) return false;
    const DateMatch m = find_date(s);
    if (m.iso.empty()) return false;
    std::string_view rest(s);
    rest.remove_prefix(m.end);
    if (!(rest.empty() || rest == ".")) return false;
    std::string_view place(s);
    place = place.substr(0, m.begin);
    if (place.size() < 3 || place.substr(place.size() - 2) != ", ") return false;
    place.remove_suffix(2);
    // "’s-Gravenhage" and "'s-Hertogenbosch" start with an apostrophe.
    for (std::string_view elision : {"\xE2\x80\x99s-", "'s-"})
        if (place.substr(0, elision.size()) == elision) place.remove_prefix(elision.size());
    if (place.empty() || !is_upper(place.front())) return false;
    std::size_t words = 1;
    for (char c : place) {
        if (is_digit(c) || c == ',' || c == '.' || c == ';' || c == ':') return false;
        if (c == ' ') ++words;
    }
    return words <= 4;
}

bool is_addressee_line(std::string_view text) {
    const std::string s = trim(fold_spaces(text));
    if (s.size() > 200 || s.size() < 8) return false;
    if (s.substr(0, 4) != "Aan ") return false;
    return s.back() != '.' && s.back() != ';' && s.back() != ':';
}

std::string type_from_printed_title(std::string_view title) {
    const std::string t = trim(fold_spaces(title));
    // Multi-word types whose own words contain "VAN".
    static constexpr std::string_view fixed[] = {
        "GEWIJZIGD VOORSTEL VAN WET", "VOORSTEL VAN WET", "MEMORIE VAN TOELICHTING", "MEMORIE VAN ANTWOORD",
        "NOTA VAN WIJZIGING", "NOTA NAAR AANLEIDING VAN HET VERSLAG", "NOTA NAAR AANLEIDING VAN HET NADER VERSLAG",
        "ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT", "LIJST VAN VRAGEN EN ANTWOORDEN",
        "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "VERSLAG VAN EEN COMMISSIEDEBAT", "VERSLAG VAN EEN WETGEVINGSOVERLEG",
        "VERSLAG VAN EEN NOTAOVERLEG", "VERSLAG VAN EEN ALGEMEEN OVERLEG"};
    for (std::string_view f : fixed)
        if (t.substr(0, f.size()) == f && (t.size() == f.size() || t[f.size()] == ' ' || t[f.size()] == ','))
            return sentence_case(f);
    std::size_t cut = t.size();
    for (std::string_view sep : {" VAN ", " OVER ", " INZAKE ", " van ", " over ", " inzake "}) {
        const std::size_t at = t.find(sep);
        if (at != std::string::npos && at < cut) cut = at;
    }
    if (cut == t.size()) {
        // No connecting word: the title is the type when it is short.
        std::size_t words = 1;
        for (char c : t) words += c == ' ';
        if (words > 4) return {};
    }
    return sentence_case(std::string_view(t).substr(0, cut));
}

std::string heading_number(std::string_view text) {
    const std::string s = fold_spaces(text);
    std::size_t i = 0;
    auto boundary = [&](std::size_t at) { return at == s.size() || s[at] == ' '; };
    // "1.", "2.3", "2.3.", "10"
    if (i < s.size() && is_digit(s[i])) {
        std::size_t j = i;
        bool dot_inside = false, dot_end = false;
        while (j < s.size() && (is_digit(s[j]) || s[j] == '.')) {
            if (s[j] == '.') {
                if (j + 1 < s.size() && is_digit(s[j + 1])) dot_inside = true;
                else dot_end = true;
            }
            ++j;
        }
        if ((dot_inside || dot_end) && boundary(j) && j < s.size()) return s.substr(0, j);
        return {};
    }
    // "IV.", "A."
    {
        std::size_t j = 0;
        while (j < s.size() && is_upper(s[j])) ++j;
        if (j > 0 && j < s.size() && s[j] == '.' && boundary(j + 1) && j + 1 < s.size() &&
            (j == 1 || is_roman(s.substr(0, j))))
            return s.substr(0, j + 1);
    }
    // "§ 3", "§3."
    if (s.substr(0, 2) == "\xC2\xA7") {
        std::size_t j = 2;
        while (j < s.size() && s[j] == ' ') ++j;
        const std::size_t d0 = j;
        while (j < s.size() && (is_digit(s[j]) || is_lower(s[j]) || s[j] == '.')) ++j;
        if (j > d0 && boundary(j)) return s.substr(0, j);
        return {};
    }
    // "Artikel 12a", "Hoofdstuk IV", "Paragraaf 2.1"
    for (std::string_view word : {"Artikel ", "Hoofdstuk ", "Paragraaf ", "Afdeling ", "Titel ", "Deel ", "Bijlage "}) {
        if (s.substr(0, word.size()) != word) continue;
        std::size_t j = word.size();
        const std::size_t d0 = j;
        while (j < s.size() && (is_digit(s[j]) || is_upper(s[j]) || is_lower(s[j]) || s[j] == '.') && j - d0 < 12) ++j;
        const std::string_view number = std::string_view(s).substr(d0, j - d0);
        if (number.empty() || !boundary(j)) return {};
        if (!is_digit(number.front()) && !is_roman(number.substr(0, number.find('.')))) return {};
        return s.substr(0, j);
    }
    return {};
}

std::string item_number_from_label(std::string_view label) {
    std::string s = trim(fold_spaces(label));
    for (std::string_view p : {"Nr.", "nr.", "NR.", "Nr", "nr"})
        if (s.substr(0, p.size()) == p) {
            s = trim(std::string_view(s).substr(p.size()));
            break;
        }
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

std::string compact_dossier_number(std::string_view printed) {
    const std::string s = trim(fold_spaces(printed));
    std::string digits, rest;
    std::size_t i = 0;
    for (; i < s.size() && (is_digit(s[i]) || s[i] == ' '); ++i)
        if (s[i] != ' ') digits += s[i];
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '-') {
            if (!rest.empty() && rest.back() != '-') rest += '-';
        } else if (is_digit(c) || is_upper(c) || is_lower(c)) {
            if (rest.empty()) rest += '-';
            rest += c;
        }
    }
    while (!rest.empty() && rest.back() == '-') rest.pop_back();
    return digits + rest;
}

std::string function_from_line(std::string_view line) {
    std::string s = trim(fold_spaces(line));
    while (!s.empty() && (s.back() == ',' || s.back() == ' ')) s.pop_back();
    for (std::string_view article : {"De ", "de ", "Het ", "het "})
        if (s.substr(0, article.size()) == article) {
            s.erase(0, article.size());
            break;
        }
    return s;
}

}  // namespace stukwerk::oep_html
