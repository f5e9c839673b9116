// From lines to the units a reader sees: footnotes taken off the foot of
// each page, paragraphs joined from lines, and the inline text of a run of
// lines with hyphens rejoined, styles kept and footnote markers linked.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <stukwerk/block.hpp>

#include "hyphenation.hpp"
#include "layout.hpp"

namespace stukwerk::pdf {

struct NoteDraft {
    std::string label;
    std::vector<Line> lines;
};

// Takes footnotes off the foot of every page: the run of lines at the
// bottom of a column set smaller than the body, beginning with a number.
// Unlabelled lines at the top of such a run continue the previous page's
// last note.
std::vector<NoteDraft> take_footnotes(std::vector<PageLines>& pages, const Typography& t);

struct Para {
    std::vector<Line> lines;

    int page() const { return lines.front().page; }
    bool bold() const;   // every line bold
    double size() const { return lines.front().size; }
    std::string first_line() const { return lines.front().text(); }
};

// Joins consecutive lines into paragraphs. A paragraph ends at a wider
// gap than the usual line distance, a change of size or of boldness, a
// label in the margin, a list marker after a closed sentence, or a short
// line closing a sentence; it continues over a column or page break when
// the sentence does.
// The lines move from `pages` into the paragraphs; the furniture stays.
std::vector<Para> group_paragraphs(std::vector<PageLines>& pages, const Typography& t);

// The page and box of a run of lines (the part on its first page).
SourceLocation location_of(const std::vector<Line>& lines);

struct InlineOptions {
    bool keep_styles = true;       // bold/italic of the words; off for headings
    std::size_t skip_words = 0;    // leading words of the first line to leave out (a list label)
    const Lexicon* lexicon = nullptr;  // the document's own words, to settle line-end hyphens
};

// The words the document prints whole, and whether it hyphenates: more
// than one line in 25 ending in a letter and a hyphen before a lower-case
// word means a typesetter that breaks words.
Lexicon build_lexicon(const std::vector<PageLines>& pages, const std::vector<NoteDraft>& notes);

// The inline runs of `lines`: words joined with single spaces, line-end
// hyphens resolved (see hyphenation.hpp), superscript numbers that name a
// footnote turned into note_ref inlines, and runs of one style merged.
std::vector<Inline> inlines_of(const std::vector<Line>& lines, const std::set<std::string>& note_labels,
                               const InlineOptions& options = {});

// The plain text of `lines` the same way, without styles.
std::string text_of(const std::vector<Line>& lines);

// A list label at the start of a line: "1.", "2)", "a.", "b)", "–", "•".
bool is_list_label(std::string_view word);
// The kind of a list label: "1" numbers, "a" letters, "-" bullets.
char list_kind(std::string_view label);

}  // namespace stukwerk::pdf
