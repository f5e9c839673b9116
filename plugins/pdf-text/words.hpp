// The words of a PDF as poppler sees them: text, box, size and weight per
// word, page by page. Everything after this file works on these plain
// values and knows nothing of poppler.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stukwerk::pdf {

struct Word {
    std::string text;  // UTF-8, ligatures expanded
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, origin top left
    double size = 0;                        // font size in points
    bool bold = false;
    bool italic = false;
    bool space_after = false;  // poppler saw a space (or line end) after it

    double height() const { return y1 - y0; }
    double center_y() const { return (y0 + y1) / 2; }
};

struct Page {
    int number = 0;  // 1-based
    double width = 0, height = 0;
    std::vector<Word> words;
};

struct PdfText {
    std::vector<Page> pages;
    bool encrypted = false;             // opened without a password (owner password only)
    std::vector<std::string> problems;  // poppler's complaints while reading, in order
    std::string info_title;             // the Info dictionary's Title, if any
    std::string producer;
};

// Reads every page's words from the bytes of a PDF. Throws stukwerk::Error
// naming the cause when the bytes are not a readable PDF, need a password,
// or hold no text at all.
PdfText read_words(std::string_view bytes);

// One of poppler's messages as a cause: "error (14583): Illegal character"
// -> "at byte 14583: Illegal character".
std::string describe_problem(const std::string& message);

// Font style from a font name ("FCIBKP+Univers-Black", "Arial,BoldItalic").
bool font_is_bold(std::string_view font_name);
bool font_is_italic(std::string_view font_name);

}  // namespace stukwerk::pdf
