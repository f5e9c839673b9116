#include "dutch_text.hpp"

#include <stukwerk/dutch.hpp>

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

bool is_place_date_line(std::string_view text) {
    const std::string s = trim(fold_spaces(text));
    if (s.size() > 80) return false;
    const dutch::DateMatch m = dutch::find_date(s);
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
