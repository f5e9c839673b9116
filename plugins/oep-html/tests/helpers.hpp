// Shared by the oep-html tests: the fixtures and the texts of a document in
// reading order, compared the way the conventions say formats agree (plain
// text, whitespace collapsed).
#pragma once

#include <string>
#include <vector>

#include "test_support.hpp"

namespace oep_html_test {

using namespace stukwerk;
using namespace stukwerk::test;

inline fs::path oep_html_data() { return data_dir() / "oep-html"; }
inline fs::path motion_xhtml() { return corpus_dir() / "html" / "kst-32545-143.html"; }
inline fs::path motion_page() { return oep_html_data() / "kst-32545-143.page.html"; }
inline fs::path flagship() { return source_dir() / "samples" / "kst-33279-36" / "kst-33279-36.html"; }

inline std::string text_of(const Block& b) { return normalise_space(plain_text(b)); }

// Every block that carries text, in reading order, as a reader sees it: a
// heading or list item with its printed number in front.
inline std::vector<std::string> reading_lines(const Document& doc) {
    std::vector<std::string> lines;
    for_each_block(doc.body, [&](const Block& b) {
        if (b.inlines.empty()) return;
        std::string line = plain_text(b);
        if ((b.type == BlockType::heading || b.type == BlockType::list_item) && !b.label.empty())
            line = b.label + " " + line;
        lines.push_back(normalise_space(line));
    });
    return lines;
}

// Paragraph texts outside closings (signatures), in order.
inline std::vector<std::string> paragraph_texts(const Document& doc) {
    std::vector<std::string> out;
    std::vector<const Block*> stack;
    std::function<void(const std::vector<Block>&)> walk = [&](const std::vector<Block>& blocks) {
        for (const Block& b : blocks) {
            if (b.type == BlockType::signature) continue;
            if (b.type == BlockType::paragraph) out.push_back(text_of(b));
            walk(b.children);
        }
    };
    walk(doc.body);
    return out;
}

inline bool has_warning(const Document& doc, const std::string& code) {
    for (const Warning& w : doc.warnings)
        if (w.code == code) return true;
    return false;
}

inline std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

}  // namespace oep_html_test
