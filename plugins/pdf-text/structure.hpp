// From paragraphs to the document model. Each kind of publication the
// importer knows has its own reader (Kamerstuk and Aanhangsel, Handelingen),
// and anything else is read as a generic document; they share the body
// builder here: headings, lists and paragraphs, and the footnotes.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <stukwerk/document.hpp>

#include "layout.hpp"
#include "paragraphs.hpp"

namespace stukwerk::pdf {

// Everything the layout stage learned about one PDF.
struct Reading {
    std::vector<PageLines> pages;
    Typography type;
    std::vector<NoteDraft> notes;
    std::set<std::string> note_labels;
    std::vector<Para> paras;  // the body, in reading order
    Lexicon lexicon;
    std::vector<double> heading_sizes;  // sizes of headings larger than the body, largest first

    std::vector<const Line*> furniture() const;  // every page's furniture lines
};

// The sizes of headings set larger than the body, largest first: they rank
// above bold headings of body size. Call once the paragraphs are known.
std::vector<double> rank_heading_sizes(const Reading& r);

// A block of `type` from `lines`, with its inlines and source location.
Block block_of(BlockType type, const std::vector<Line>& lines, const Reading& r, std::string role = {},
               const InlineOptions& options = {});

// Builds headings, lists and paragraphs from paras[from, to) and appends
// them to `out`. Heading levels start at `top_level`.
void append_body(std::vector<Block>& out, const Reading& r, std::size_t from, std::size_t to, int top_level = 2);

// Is this paragraph set as a heading: short, and larger or bold throughout.
bool is_heading(const Para& p, const Reading& r);

// The footnotes, each with the label as printed and id "fn<label>".
void add_footnotes(Document& doc, const Reading& r);

// Readers: each returns false, touching nothing, when the PDF is not its kind.
bool read_kamerstuk(const Reading& r, Document& doc);
bool read_handelingen(const Reading& r, Document& doc);
void read_generic(const Reading& r, Document& doc);

// The text of a paragraph's lines, whitespace collapsed, hyphens rejoined.
std::string para_text(const Para& p);

}  // namespace stukwerk::pdf
