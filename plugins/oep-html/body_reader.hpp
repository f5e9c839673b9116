// The publication's elements in reading order, as blocks of the model.
//
// The walk follows a browser's layout: block elements (p, h1-h6, lists,
// tables, blockquote, div) start and end blocks; text and inline elements
// between them form paragraphs, also where tag soup puts a block inside an
// inline element. KOOP's class names add meaning on top:
//
//   h1.dossiertitel > span.dossiernummer   heading 1, role dossier-title, label
//   h1.stuktitel > span.stuknummer         heading 1, role document-title, label
//   h2.divisiekopN                         heading N+1; a leading "1." or "Artikel 2" is its label
//   p.kamerstukdatum                       paragraph, role date-line
//   p.ondertekening (span.functie/.naam)   signature blocks: function and name paragraphs
//   div.alineagroep of names               signature block of name paragraphs (a motion's submitters)
//   div.amendement-lid, div.artikel, ...   section, label from span.lidnr
//   p.wat                                  paragraph, role wat
//   ul.expliciet > li > p > span.ol        list item with its printed label
//   a.nootnum[href="#ID-..."]              note_ref to the footnote with that anchor
//   em/i, strong/b, u, sup, sub, span.cur/.vet/.ond/.kap  inline styles
#pragma once

#include <libxml/tree.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <stukwerk/document.hpp>
#include <stukwerk/importer.hpp>

#include "inline_builder.hpp"

namespace stukwerk::oep_html {

// Where footnote markers point: every id inside a footnote definition,
// mapped to that footnote's id; and the elements that are footnotes rather
// than body text.
struct FootnoteTargets {
    std::unordered_map<std::string, std::string> by_anchor;
    std::unordered_set<const xmlNode*> not_body;
};

class BodyReader {
public:
    BodyReader(const Limits& limits, const FootnoteTargets& notes) : limits_(limits), notes_(notes) {}

    // The blocks inside `root`.
    std::vector<Block> read(const xmlNode* root);
    // The blocks inside `container`, leaving out the elements in `skip`
    // (a footnote's own number and its close button).
    std::vector<Block> read_part(const xmlNode* container, const std::unordered_set<const xmlNode*>& skip);

    // The signatories found under closings, in order.
    const std::vector<Person>& signatories() const { return signatories_; }

private:
    struct Pending {
        const xmlNode* node = nullptr;  // the <p>, or the container of loose text
        std::string role;
        std::string label;
    };

    void check_depth(unsigned depth) const;
    void children(const xmlNode* parent, const xmlNode* container, std::vector<Block>& out, unsigned depth);
    void element(const xmlNode* el, const xmlNode* container, std::vector<Block>& out, unsigned depth);
    void text(const xmlNode* node, const xmlNode* container);
    void flush(std::vector<Block>& out);

    void inline_element(const xmlNode* el, std::uint8_t style, const xmlNode* container, std::vector<Block>& out,
                        unsigned depth);
    void anchor(const xmlNode* el, const xmlNode* container, std::vector<Block>& out, unsigned depth);
    void paragraph(const xmlNode* el, std::vector<Block>& out, unsigned depth, std::string role = {});
    void heading(const xmlNode* el, std::vector<Block>& out, unsigned depth);
    void list(const xmlNode* el, std::vector<Block>& out, unsigned depth);
    Block list_item(const xmlNode* li, unsigned depth);
    void table(const xmlNode* el, std::vector<Block>& out, unsigned depth);
    Block table_row(const xmlNode* tr, bool header_section, unsigned depth);
    void quote(const xmlNode* el, std::vector<Block>& out, unsigned depth);
    void preformatted(const xmlNode* el, std::vector<Block>& out, unsigned depth);
    void figure(const xmlNode* el, std::vector<Block>& out);
    void image(const xmlNode* el, std::vector<Block>& out);
    void container_element(const xmlNode* el, std::vector<Block>& out, unsigned depth);
    void signature_lines(const xmlNode* el, std::vector<Block>& out, unsigned depth);
    void name_group(const xmlNode* el, std::vector<Block>& out, unsigned depth);
    std::vector<Inline> inlines_of(const xmlNode* el, unsigned depth);

    std::string path(const xmlNode* n);

    const Limits& limits_;
    const FootnoteTargets& notes_;
    const std::unordered_set<const xmlNode*>* skip_ = nullptr;

    InlineBuilder b_;
    Pending pending_;
    std::uint8_t style_ = 0;
    const LinkRef* link_ = nullptr;
    unsigned link_serial_ = 0;
    bool breaks_as_space_ = false;  // in headings a <br> only separates words
    bool preformatted_ = false;
    std::string* label_slot_ = nullptr;    // takes the first numbering span (span.ol, span.lidnr ...)
    std::string* section_label_ = nullptr; // a section waiting for its number
    bool document_title_seen_ = false;
    bool body_text_seen_ = false;
    std::vector<Person> signatories_;

    const xmlNode* memo_parent_ = nullptr;  // most blocks share their parent
    std::string memo_path_;
};

}  // namespace stukwerk::oep_html
