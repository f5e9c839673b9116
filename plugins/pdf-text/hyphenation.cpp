#include "hyphenation.hpp"

#include "text_util.hpp"

namespace stukwerk::pdf {
namespace {

bool is_vowel(char32_t c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Vowel pairs that Dutch reads as one sound: where a compound puts two of
// them together the spelling needs a hyphen (zee-egel) or a trema (ideeën).
bool is_digraph(char32_t a, char32_t b) {
    static constexpr std::string_view pairs[] = {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie",
                                                 "oe", "oi", "oo", "ou", "ui", "uu"};
    for (std::string_view p : pairs)
        if (static_cast<char32_t>(p[0]) == a && static_cast<char32_t>(p[1]) == b) return true;
    return false;
}

std::string letters_only(std::string_view s) {
    std::string out;
    for (char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) >= 0x80)) out += c;
    return out;
}

}  // namespace

LineJoin join_lines(std::string_view last_word, std::string_view next_word) {
    const char32_t end = last_code_point(last_word);
    if (end == 0xAD) return LineJoin::drop_hyphen;  // soft hyphen: a break by definition
    if (end != '-' && end != 0x2010) return LineJoin::space;
    std::string stem(last_word);
    pop_code_point(stem);
    const char32_t before = last_code_point(stem);
    const char32_t after = first_code_point(next_word);
    if (stem.empty() || next_word.empty()) return LineJoin::space;
    // "woning-" + "en": only a vowel-final stem ("idee-" + "en") is a word
    // broken where its trema was.
    const std::string next_letters = ascii_lower(letters_only(next_word));
    for (std::string_view conj : {"en", "of", "tot", "noch"}) {
        if (next_letters != conj) continue;
        if (conj == "en" && is_vowel(before)) return LineJoin::drop_hyphen_trema;
        return LineJoin::space;
    }
    if (!is_letter(before)) return LineJoin::keep_hyphen;       // "2021-2022", "(huur)-"
    if (!is_lower_letter(after)) return LineJoin::keep_hyphen;  // "Staten-Generaal", "anti-ISIS"
    if (is_upper_letter(before)) return LineJoin::keep_hyphen;  // "EU-partners", "NAVO-bondgenoten"
    for (char c : stem)
        if (c >= '0' && c <= '9') return LineJoin::keep_hyphen;  // "10-jarig"
    if (is_vowel(before) && is_vowel(after) && is_digraph(before, after)) {
        // Where the trema fell away at the break: after the prefixes that
        // take one (geïnformeerd, beëindigen, coördinatie) and before the
        // endings that take one (financi-ele, ide-eel); elsewhere the hyphen is the
        // compound's own (zee-egel, auto-ongeluk, mede-eigenaar).
        std::string lower_stem = ascii_lower(stem);
        const auto space = lower_stem.find_last_of(" (\"'");
        if (space != std::string::npos) lower_stem.erase(0, space + 1);
        for (std::string_view prefix : {"ge", "be", "co", "re", "zo", "pre", "de"})
            if (lower_stem == prefix) return LineJoin::drop_hyphen_trema;
        for (std::string_view ending : {"en", "ele", "elen", "eel", "ere", "eren"})
            if (next_letters == ending) return LineJoin::drop_hyphen_trema;
        return LineJoin::keep_hyphen;
    }
    return LineJoin::drop_hyphen;
}

std::string word_key(std::string_view word) {
    std::string w(word);
    auto outer = [](char32_t c) {
        return c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == '\'' || c == ',' || c == '.' ||
               c == ';' || c == ':' || c == '!' || c == '?' || c == 0xAB || c == 0xBB || c == 0x2018 ||
               c == 0x2019 || c == 0x201C || c == 0x201D;
    };
    while (!w.empty() && outer(last_code_point(w))) pop_code_point(w);
    std::size_t start = 0;
    while (start < w.size()) {
        const std::string rest = w.substr(start);
        if (!outer(first_code_point(rest))) break;
        std::size_t n = 1;
        while (start + n < w.size() && (static_cast<unsigned char>(w[start + n]) & 0xC0) == 0x80) ++n;
        start += n;
    }
    return ascii_lower(w.substr(start));
}

void Lexicon::add(std::string_view word) {
    if (word.empty() || last_code_point(word) == '-') return;  // the first half of a broken word
    std::string key = word_key(word);
    if (!key.empty()) words.insert(std::move(key));
}

LineJoin Lexicon::resolve(std::string_view last_word, std::string_view next_word) const {
    const LineJoin rule = join_lines(last_word, next_word);
    if (rule == LineJoin::space || last_code_point(last_word) == 0xAD) return rule;
    std::string stem = word_key(last_word);  // keeps the hyphen: it is not outer punctuation
    if (!stem.empty() && stem.back() == '-') stem.pop_back();
    const std::string next = word_key(next_word);
    if (stem.empty() || next.empty()) return rule;
    if (words.count(stem + "-" + next)) return LineJoin::keep_hyphen;
    if (words.count(stem + next)) return LineJoin::drop_hyphen;
    if (words.count(stem + with_trema(next))) return LineJoin::drop_hyphen_trema;
    if (!hyphenates) return LineJoin::keep_hyphen;
    return rule;
}

std::string with_trema(std::string_view word) {
    std::string out;
    bool done = false;
    for (char c : word) {
        if (!done) {
            const char* trema = nullptr;
            switch (c) {
                case 'a': trema = "\xC3\xA4"; break;
                case 'e': trema = "\xC3\xAB"; break;
                case 'i': trema = "\xC3\xAF"; break;
                case 'o': trema = "\xC3\xB6"; break;
                case 'u': trema = "\xC3\xBC"; break;
                default: break;
            }
            if (trema) {
                out += trema;
                done = true;
                continue;
            }
        }
        out += c;
    }
    return out;
}

}  // namespace stukwerk::pdf
