// One pass over the parsed page to find what the readers need: the
// publication inside it (the site around it is ignored), the meta tags, and
// the footnote definitions.
//
// Where the publication is, in order of evidence:
//  1. div#broodtekst, which holds the publication both in the repository's
//     bare XHTML and inside a zoek.officielebekendmakingen.nl page;
//  2. the element that holds both the dossier title (h1.dossiertitel) and the
//     stuk (div.stuk), or either of them;
//  3. <article> of a page that carries publication metadata, or its <body>
//     when the page has no site around it (no header, nav, footer, form).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace stukwerk::oep_html {

struct PageScan {
    const xmlNode* root = nullptr;  // <html>
    const xmlNode* body = nullptr;
    const xmlNode* broodtekst = nullptr;
    const xmlNode* dossier_title = nullptr;  // first h1.dossiertitel
    const xmlNode* stuk = nullptr;           // first div.stuk
    const xmlNode* article = nullptr;
    bool site_chrome = false;  // header, nav, footer or form: a site around the text
    const xmlNode* canonical = nullptr;      // <link rel="canonical">
    std::vector<const xmlNode*> metas;       // <meta name=...> of the document vocabularies
    std::vector<const xmlNode*> footnote_definitions;
    std::vector<const xmlNode*> footnote_containers;  // div#noten, section.footnotes: not body text
};

PageScan scan_page(const xmlNode* root);

// The element holding the publication, or nullptr when the page holds none.
const xmlNode* publication_root(const PageScan& scan);

// True for a meta name of the vocabularies the importer reads: DC.*,
// DCTERMS.*, OVERHEID.*, OVERHEIDop.* (in any letter case).
bool is_document_meta_name(std::string_view name);

}  // namespace stukwerk::oep_html
