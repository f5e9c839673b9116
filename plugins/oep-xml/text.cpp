#include "text.hpp"

#include <array>
#include <cctype>

namespace stukwerk::oep {

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

}  // namespace

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


std::string chamber_of(std::string_view text) {
    const std::string low = lower_ascii(text);
    if (low.find("tweede kamer") != std::string::npos) return "Tweede Kamer";
    if (low.find("eerste kamer") != std::string::npos) return "Eerste Kamer";
    if (low.find("verenigde vergadering") != std::string::npos) return "Verenigde vergadering";
    return {};
}

}  // namespace stukwerk::oep
