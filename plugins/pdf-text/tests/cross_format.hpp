// How a PDF import agrees with the XML import of the same publication: the
// identity fields, the paragraphs (each of the XML's paragraph and list item
// texts found among the PDF's, whitespace normalised) and the footnotes
// (each recovered with its text and linked from a marker with its label).
#pragma once

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pdf_test_util.hpp"

namespace stukwerk::test::pdf {

inline std::vector<std::string> paragraph_and_item_texts(const Document& doc) {
    return texts_of(find_blocks(doc, [](const Block& b) {
        return b.type == BlockType::paragraph || b.type == BlockType::list_item;
    }));
}

struct ParagraphAgreement {
    std::size_t total = 0;
    std::size_t found = 0;
    std::string missing;  // the XML texts the PDF lacks, one a line
    double share() const { return total == 0 ? 1.0 : static_cast<double>(found) / static_cast<double>(total); }
};

inline ParagraphAgreement compare_paragraphs(const Document& xml, const Document& pdf) {
    const std::vector<std::string> theirs = paragraph_and_item_texts(pdf);
    const std::multiset<std::string> available(theirs.begin(), theirs.end());
    ParagraphAgreement a;
    for (const std::string& t : paragraph_and_item_texts(xml)) {
        if (t.empty()) continue;
        ++a.total;
        if (available.count(t)) ++a.found;
        else a.missing += "  " + t + "\n";
    }
    return a;
}

// Every XML footnote has a PDF footnote with the same label and text, and
// the PDF body has a note_ref with that label pointing at it.
inline std::string footnote_disagreements(const Document& xml, const Document& pdf) {
    std::ostringstream out;
    std::multiset<std::pair<std::string, std::string>> markers;  // label, target
    for_each_block(pdf.body, [&](const Block& b) {
        for (const Inline& in : b.inlines)
            if (in.kind == InlineKind::note_ref) markers.emplace(in.text, in.target);
    });
    for (const Footnote& x : xml.footnotes) {
        const auto it = std::find_if(pdf.footnotes.begin(), pdf.footnotes.end(),
                                     [&](const Footnote& p) { return p.label == x.label; });
        if (it == pdf.footnotes.end()) {
            out << "footnote " << x.label << " not recovered\n";
            continue;
        }
        const std::string want = normalise_space(plain_text(x.inlines));
        const std::string got = normalise_space(plain_text(it->inlines));
        if (want != got) out << "footnote " << x.label << " text differs:\n  xml: " << want << "\n  pdf: " << got << "\n";
        if (!markers.count({x.label, it->id})) out << "footnote " << x.label << " has no marker linked to it\n";
    }
    if (pdf.footnotes.size() != xml.footnotes.size())
        out << "the PDF has " << pdf.footnotes.size() << " footnotes, the XML " << xml.footnotes.size() << "\n";
    return out.str();
}

}  // namespace stukwerk::test::pdf
