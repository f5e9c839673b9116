// Joining typeset lines again: whether the hyphen at the end of a line is a
// break inside a word (dropped), part of the word (kept), or a Dutch
// "weglatingsstreepje" ("koop- en huurwoningen", kept with its space).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace stukwerk::pdf {

enum class LineJoin {
    space,              // not a hyphen: the lines join with a space
    keep_hyphen,        // a real hyphen: "Staten-" + "Generaal" -> "Staten-Generaal"
    drop_hyphen,        // a break: "Volks-" + "huisvesting" -> "Volkshuisvesting"
    drop_hyphen_trema,  // a break where the trema fell away: "financi-" + "ele" -> "financiële"
};

// How a line ending in `last_word` joins the next line starting with `next_word`.
LineJoin join_lines(std::string_view last_word, std::string_view next_word);

// What the document itself says about its hyphens. A word it prints
// whole elsewhere ("Volkshuisvesting", "landmacht-samenwerking") settles a
// break; and a typesetter that does not hyphenate at all (few lines end in
// a hyphen) only ever breaks at hyphens that belong to the word.
struct Lexicon {
    std::unordered_set<std::string> words;  // as printed, lower case, outer punctuation stripped
    bool hyphenates = true;

    void add(std::string_view word);
    LineJoin resolve(std::string_view last_word, std::string_view next_word) const;
};

// A word without its outer punctuation, lower case: "«Volkshuisvesting»," -> "volkshuisvesting".
std::string word_key(std::string_view word);

// `word` with a trema on its first vowel ("ele" -> "ële", "informeerd" -> "ïnformeerd").
std::string with_trema(std::string_view word);

}  // namespace stukwerk::pdf
