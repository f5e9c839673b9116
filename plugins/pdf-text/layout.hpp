// From words to lines in reading order: rows of words, columns, and the
// page furniture (running headers, footers, page numbers, colophon) set
// aside so that it never reaches the body.
#pragma once

#include <string>
#include <vector>

#include "words.hpp"

namespace stukwerk::pdf {

// Words on one row that belong together: a run without a wide gap. A row
// holds several when a layout puts a label beside the text ("Nr. 143"
// beside the title) or a value beside its name.
struct Segment {
    std::vector<Word> words;  // left to right
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::string text() const;  // the words, separated where poppler saw a space
};

struct Line {
    int page = 0;
    int column = 0;  // 0 for the left (or only) column, 1 for the right one
    std::vector<Segment> segments;  // left to right
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double size = 0;      // the font size of most of its characters
    double baseline = 0;  // bottom of its full-size words
    bool bold = false;    // all its full-size words are bold
    bool italic = false;  // all its full-size words are italic
    std::string text() const;  // segments joined by a space

    // Smaller than the line's own size and raised: a superscript (a
    // footnote marker, an exponent).
    bool is_superscript(const Word& w) const;
};

struct PageLines {
    int number = 0;
    double width = 0, height = 0;
    int columns = 1;
    std::vector<Line> lines;      // the text, in reading order
    std::vector<Line> furniture;  // running headers and footers, page numbers, colophon
};

// Lines in reading order for every page.
std::vector<PageLines> lay_out(const std::vector<Page>& pages);

// Moves running headers, footers, page numbers and the printer's colophon
// from `lines` to `furniture`: lines near the top or bottom edge whose text
// (with digits masked) recurs on other pages, or that have the form of a
// page number or a KOOP colophon line.
void set_aside_furniture(std::vector<PageLines>& pages);

// The text's typography, measured over the whole document.
struct Typography {
    double body_size = 10;  // the size most characters have
    // The usual distance between baselines of consecutive lines of `size`.
    double pitch(double size) const;
    std::vector<std::pair<double, double>> pitches;  // size -> baseline distance
};
Typography measure(const std::vector<PageLines>& pages);

bool same_size(double a, double b);

}  // namespace stukwerk::pdf
