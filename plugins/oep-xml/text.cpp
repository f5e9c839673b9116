#include "text.hpp"

#include <array>
#include <cctype>

namespace stukwerk::oep {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
        else return false;
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void normalise_inlines(std::vector<Inline>& inlines) {
    // In place. A collapsed space stays in the run where the whitespace
    // began ("De <nadruk>voorzitter </nadruk>zegt" keeps "voorzitter " bold),
    // except that links and footnote markers never carry a space at either
    // end: theirs goes to the neighbouring text.
    std::size_t kept = 0;
    bool last_space = true;     // the last character kept was a space (or nothing was kept yet)
    bool pending_space = false; // a link or marker ended in whitespace
    auto space_before = [&](std::size_t at) {
        // A space just before inlines[at], outside it.
        if (kept > 0 && inlines[kept - 1].kind == InlineKind::text) {
            inlines[kept - 1].text += ' ';
            return at;
        }
        inlines.insert(inlines.begin() + static_cast<std::ptrdiff_t>(at), text_run(" "));
        if (kept != at) inlines[kept] = std::move(inlines[at]);
        ++kept;
        return at + 1;
    };
    for (std::size_t i = 0; i < inlines.size(); ++i) {
        if (inlines[i].kind == InlineKind::line_break) {
            if (kept > 0 && inlines[kept - 1].kind == InlineKind::text && !inlines[kept - 1].text.empty() &&
                inlines[kept - 1].text.back() == ' ')
                inlines[kept - 1].text.pop_back();
            last_space = true;
            pending_space = false;
            if (kept != i) inlines[kept] = std::move(inlines[i]);
            ++kept;
            continue;
        }
        const bool plain = inlines[i].kind == InlineKind::text;
        const bool space_was_last = last_space;
        std::string& t = inlines[i].text;
        std::size_t w = 0;
        bool open_space = false;  // whitespace seen inside a link/marker, not yet written
        bool leading = false;     // a link/marker began with whitespace
        for (std::size_t r = 0; r < t.size(); ++r) {
            const char c = t[r];
            if (is_space(c)) {
                if (plain) {
                    if (!last_space) t[w++] = ' ', last_space = true;
                } else if (w == 0) {
                    leading = true;
                } else {
                    open_space = true;
                }
                continue;
            }
            if (plain && pending_space && !last_space && w == 0) {
                // Only possible at the start of a run: shift by one.
                t.insert(t.begin(), ' ');
                ++w, ++r;
            }
            if (!plain && open_space) t[w++] = ' ';
            open_space = false;
            pending_space = false;
            last_space = false;
            t[w++] = c;
        }
        t.resize(w);
        if (!plain && !t.empty() && (leading || pending_space) && !space_was_last && kept > 0) {
            i = space_before(i);
            last_space = false;
        }
        if (!plain) {
            pending_space = open_space || (t.empty() && (leading || pending_space));
            if (!t.empty()) last_space = false;
        }
        Inline& current = inlines[i];
        if (plain && current.text.empty()) continue;
        if (plain && kept > 0 && inlines[kept - 1].kind == InlineKind::text &&
            inlines[kept - 1].styles == current.styles) {
            inlines[kept - 1].text += current.text;
            continue;
        }
        if (kept != i) inlines[kept] = std::move(current);
        ++kept;
    }
    inlines.resize(kept);
    // No space at the end of the block, and no line break either.
    while (!inlines.empty()) {
        Inline& last = inlines.back();
        if (last.kind == InlineKind::line_break) {
            inlines.pop_back();
        } else if (last.kind == InlineKind::text && !last.text.empty() && last.text.back() == ' ') {
            last.text.pop_back();
            if (last.text.empty()) inlines.pop_back();
        } else {
            break;
        }
    }
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::array<std::string_view, 12> months{"januari", "februari", "maart",     "april",   "mei",      "juni",
                                                  "juli",    "augustus", "september", "oktober", "november", "december"};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string dutch_date_to_iso(std::string_view text) {
    // A no-break space often binds day and month ("6\u00a0juli 2021").
    std::string low;
    low.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
            low += ' ';
            ++i;
        } else {
            low += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        }
    }
    for (std::size_t i = 0; i < low.size(); ++i) {
        if (!is_digit(low[i]) || (i > 0 && is_digit(low[i - 1]))) continue;
        std::size_t j = i;
        int day = 0;
        while (j < low.size() && is_digit(low[j]) && j - i < 2) day = day * 10 + (low[j++] - '0');
        if (j < low.size() && is_digit(low[j])) continue;
        if (j >= low.size() || low[j] != ' ') continue;
        while (j < low.size() && low[j] == ' ') ++j;
        int month = 0;
        for (std::size_t m = 0; m < months.size(); ++m) {
            if (low.compare(j, months[m].size(), months[m]) == 0) {
                month = static_cast<int>(m) + 1;
                j += months[m].size();
                break;
            }
        }
        if (month == 0 || j >= low.size() || low[j] != ' ') continue;
        while (j < low.size() && low[j] == ' ') ++j;
        if (j + 4 > low.size()) continue;
        int year = 0;
        bool ok = true;
        for (std::size_t k = 0; k < 4; ++k) {
            if (!is_digit(low[j + k])) ok = false;
            else year = year * 10 + (low[j + k] - '0');
        }
        if (!ok || (j + 4 < low.size() && is_digit(low[j + 4])) || day < 1 || day > 31) continue;
        return std::to_string(year) + "-" + two(month) + "-" + two(day);
    }
    return {};
}

std::string session_year_of(std::string_view text) {
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if ((i > 0 && is_digit(text[i - 1])) || !is_digit(text[i]) || !is_digit(text[i + 1]) || !is_digit(text[i + 2]) ||
            !is_digit(text[i + 3]))
            continue;
        const int first = std::stoi(std::string(text.substr(i, 4)));
        std::size_t j = i + 4;
        if (j < text.size() && (text[j] == '-' || text[j] == '/')) ++j;
        std::size_t k = j;
        while (k < text.size() && is_digit(text[k])) ++k;
        const std::string_view second = text.substr(j, k - j);
        int next = -1;
        if (second.size() == 4) next = std::stoi(std::string(second));
        else if (second.size() == 2 && j > i + 4) next = first / 100 * 100 + std::stoi(std::string(second));
        if (next == first + 1) return std::to_string(first) + "-" + std::to_string(next);
    }
    return {};
}

bool looks_like_publication_id(std::string_view s) {
    if (s.size() < 5 || s.size() > 80) return false;
    std::size_t i = 0;
    while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
    if (i == 0 || i > 6 || i >= s.size() || s[i] != '-') return false;
    bool digit = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) digit = true;
        else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c == '-' && s[i - 1] != '-'))) return false;
    }
    return digit && s.back() != '-';
}

std::string publication_kind(std::string_view id) {
    static constexpr std::pair<std::string_view, std::string_view> kinds[] = {
        {"kst-", "kamerstuk"},     {"h-", "handelingen"},      {"ah-", "aanhangsel"},   {"blg-", "bijlage"},
        {"stb-", "staatsblad"},    {"stcrt-", "staatscourant"}, {"trb-", "tractatenblad"}, {"kv-", "kamervragen"},
    };
    for (const auto& [prefix, kind] : kinds)
        if (starts_with(id, prefix)) return std::string(kind);
    return "publication";
}

namespace {

// Lower case for ASCII and the Latin-1 capitals (À..Þ), enough for Dutch titles.
std::string lower_latin(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
            continue;
        }
        out += static_cast<char>(std::tolower(c));
    }
    return out;
}

bool has_lower(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 'a' && c <= 'z') return true;
        if (c == 0xC3 && i + 1 < s.size()) {
            const auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x9F && d <= 0xBF && d != 0xB7) return true;
        }
    }
    return false;
}

}  // namespace

std::string type_from_printed_title(std::string_view title) {
    const std::string t = collapse_space(title);
    if (t.empty() || has_lower(t)) return {};
    std::string words;
    std::size_t i = 0;
    while (i < t.size()) {
        std::size_t j = t.find(' ', i);
        if (j == std::string::npos) j = t.size();
        const std::string_view word = std::string_view(t).substr(i, j - i);
        if (word == "VAN" && !words.empty()) break;
        if (!words.empty()) words += ' ';
        words += word;
        i = j + 1;
    }
    std::string out = lower_latin(words);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string chamber_of(std::string_view text) {
    const std::string low = lower_ascii(text);
    if (low.find("tweede kamer") != std::string::npos) return "Tweede Kamer";
    if (low.find("eerste kamer") != std::string::npos) return "Eerste Kamer";
    if (low.find("verenigde vergadering") != std::string::npos) return "Verenigde vergadering";
    return {};
}

std::string compact_dossier_number(std::string_view s) {
    std::string digits, rest;
    std::size_t i = 0;
    while (i < s.size() && is_space(s[i])) ++i;
    for (; i < s.size() && (is_digit(s[i]) || s[i] == ' '); ++i)
        if (s[i] != ' ') digits += s[i];
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (is_space(c) || c == '-') {
            if (!rest.empty() && rest.back() != '-') rest += '-';
        } else {
            if (rest.empty()) rest += '-';
            rest += c;
        }
    }
    while (!rest.empty() && rest.back() == '-') rest.pop_back();
    return digits + rest;
}

}  // namespace stukwerk::oep
