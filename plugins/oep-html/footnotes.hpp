// Footnotes: KOOP puts each one in a div.voet.noot at the end of the
// publication (inside div#noten), numbered by a span.nootnum that holds the
// anchor the markers in the text point at:
//
//   text:        <sup><a class="nootnum supernote-click-ID-..." href="#ID-2022-d37e61">1</a></sup>
//   definition:  <div class="voet noot ..." id="supernote-note-ID-2022-d37e61">
//                  <h5 class="note-close"><a ...>X</a> Noot</h5>
//                  <sup><span class="nootnum"><a id="ID-2022-d37e61"></a>1</span></sup>
//                  <p>De motie ...</p>
//                </div>
//
// The footnote's id is that anchor ("ID-2022-d37e61"), which is the id the
// XML of the same publication gives the note, else "fn" and its label.
// HTML5 footnotes (li[id] in section.footnotes, role=doc-footnote) are read
// the same way.
#pragma once

#include <vector>

#include <stukwerk/document.hpp>

#include "body_reader.hpp"
#include "page_scan.hpp"

namespace stukwerk::oep_html {

struct FootnoteDefinition {
    const xmlNode* node = nullptr;
    std::string id;
    std::string label;
    std::unordered_set<const xmlNode*> not_text;  // its number and close button
};

// The definitions of the page, and where markers that point at them lead.
std::vector<FootnoteDefinition> find_footnotes(const PageScan& scan, FootnoteTargets& targets);

// Each definition's text: its paragraphs joined by line breaks.
std::vector<Footnote> read_footnotes(const std::vector<FootnoteDefinition>& definitions, BodyReader& reader);

}  // namespace stukwerk::oep_html
