// Shared by the pdf-text tests: the corpus PDFs and small look-ups.
#pragma once

#include <string>
#include <vector>

#include "test_support.hpp"

namespace stukwerk::test::pdf {

inline fs::path corpus_pdf(const std::string& name) { return corpus_dir() / "pdf" / name; }

inline std::vector<std::string> texts_of(const std::vector<const Block*>& blocks) {
    std::vector<std::string> out;
    for (const Block* b : blocks) out.push_back(normalise_space(plain_text(*b)));
    return out;
}

inline std::vector<std::string> paragraph_texts(const Document& doc) {
    return texts_of(blocks_of_type(doc, BlockType::paragraph));
}

inline bool has_warning(const Document& doc, const std::string& code) {
    for (const Warning& w : doc.warnings)
        if (w.code == code) return true;
    return false;
}

}  // namespace stukwerk::test::pdf
