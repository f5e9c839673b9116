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
