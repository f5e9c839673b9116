// The body of a document: a tree of blocks whose text is a flat run of
// inlines. The tree is kept as the source has it (sections hold headings and
// their content, lists hold items that hold nested lists) because flattening
// hierarchy away is the most common loss in document converters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace stukwerk {

enum class InlineKind : std::uint8_t {
    text,        // plain text run
    link,        // text pointing at `target` (a URL or a publication id)
    note_ref,    // footnote marker: `text` is the label, `target` the Footnote::id
    line_break,  // forced line break inside a block
};

// Style flags of an inline run; they combine.
namespace style {
inline constexpr std::uint8_t none = 0;
inline constexpr std::uint8_t italic = 1;
inline constexpr std::uint8_t bold = 2;
inline constexpr std::uint8_t underline = 4;
inline constexpr std::uint8_t superscript = 8;
inline constexpr std::uint8_t subscript = 16;
inline constexpr std::uint8_t small_caps = 32;
}  // namespace style

struct Inline {
    InlineKind kind = InlineKind::text;
    std::string text;
    std::uint8_t styles = style::none;
    std::string target;

    bool operator==(const Inline&) const = default;
};

// Where a block came from: an element path for markup ("/officiele-publicatie/
// kamerstuk/stuk/algemeen/vrije-tekst/tekst/al[3]"), or a page and a box in
// PDF points (origin top left) for page-based sources.
struct SourceLocation {
    std::string path;
    int page = 0;  // 1-based; 0 when not page-based
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    // How the text was obtained when it was not read from the source's own
    // text: "ocr" for text recognised in an image of the page. Empty otherwise.
    std::string method{};
    double confidence = -1;  // with a method: its mean word confidence, 0-100

    bool operator==(const SourceLocation&) const = default;
};

enum class BlockType : std::uint8_t {
    section,       // a division of the text; children: heading first, then content
    heading,       // `level` 1.., `label` the source numbering ("1.", "Artikel 2")
    paragraph,     // `role` may say more: "place-date", "addressee", "closing", ...
    list,          // children: list_item; `ordered`; `label` the source list style
    list_item,     // `label` as printed ("1.", "a.", "–"); inlines + nested children
    table,         // children: table_row; inlines: the caption
    table_row,     // children: table_cell; `header` for head rows
    table_cell,    // `row_span`, `col_span`, `header`; inlines or children
    quote,         // quoted or indented passage; children
    signature,     // closing signature block; children: paragraphs (function, name)
    speaker_turn,  // one speech; `speaker`; children: paragraphs
    figure,        // an image or chart; inlines: its caption or alt text
};

// The speaker of a speaker_turn.
struct Speaker {
    std::string name;
    std::string function;
    std::string party;

    bool operator==(const Speaker&) const = default;
};

struct Block {
    BlockType type = BlockType::paragraph;
    std::string role;            // finer kind in the source's terms, see BlockType
    std::vector<Inline> inlines; // the block's own text
    std::vector<Block> children;
    int level = 0;               // headings
    std::string label;           // source numbering of a heading or list item
    bool ordered = false;        // lists
    bool header = false;         // table rows and cells
    int row_span = 1;            // table cells
    int col_span = 1;
    Speaker speaker;             // speaker turns
    SourceLocation source;

    bool operator==(const Block&) const = default;
};

// The block's own text, derived from its inlines: links and markers keep
// their visible text, line breaks become '\n'.
inline std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    for (const Inline& in : inlines) {
        if (in.kind == InlineKind::line_break)
            out += '\n';
        else
            out += in.text;
    }
    return out;
}

inline std::string plain_text(const Block& b) { return plain_text(b.inlines); }

// Convenience constructors for the common cases.
inline Inline text_run(std::string text, std::uint8_t styles = style::none) {
    return Inline{InlineKind::text, std::move(text), styles, {}};
}

inline Block paragraph(std::string text, std::string role = {}) {
    Block b;
    b.type = BlockType::paragraph;
    b.role = std::move(role);
    b.inlines.push_back(text_run(std::move(text)));
    return b;
}

// Depth-first, pre-order walk over a block tree.
template <class Visit>
void for_each_block(const std::vector<Block>& blocks, Visit&& visit) {
    for (const Block& b : blocks) {
        visit(b);
        for_each_block(b.children, visit);
    }
}

template <class Visit>
void for_each_block(std::vector<Block>& blocks, Visit&& visit) {
    for (Block& b : blocks) {
        visit(b);
        for_each_block(b.children, visit);
    }
}

inline const char* to_string(BlockType t) {
    switch (t) {
        case BlockType::section: return "section";
        case BlockType::heading: return "heading";
        case BlockType::paragraph: return "paragraph";
        case BlockType::list: return "list";
        case BlockType::list_item: return "list_item";
        case BlockType::table: return "table";
        case BlockType::table_row: return "table_row";
        case BlockType::table_cell: return "table_cell";
        case BlockType::quote: return "quote";
        case BlockType::signature: return "signature";
        case BlockType::speaker_turn: return "speaker_turn";
        case BlockType::figure: return "figure";
    }
    return "paragraph";
}

inline const char* to_string(InlineKind k) {
    switch (k) {
        case InlineKind::text: return "text";
        case InlineKind::link: return "link";
        case InlineKind::note_ref: return "note_ref";
        case InlineKind::line_break: return "line_break";
    }
    return "text";
}

}  // namespace stukwerk
