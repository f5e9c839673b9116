#include "page_scan.hpp"

#include "html_tree.hpp"

namespace stukwerk::oep_html {
namespace {

bool iprefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

bool is_footnote_container(const xmlNode* n) {
    return attr(n, "id") == "noten" || has_class(n, "noten") || has_class(n, "footnotes") ||
           attr(n, "role") == "doc-endnotes";
}

bool inside_footnote_container(const xmlNode* n) {
    for (const xmlNode* p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (is_footnote_container(p)) return true;
    return false;
}

// A KOOP footnote is div.voet.noot; an HTML5 one an element with
// role=doc-footnote or an <li id> in a footnotes list.
bool is_footnote_definition(const xmlNode* n) {
    if (has_class(n, "voet") && has_class(n, "noot")) return true;
    if (attr(n, "role") == "doc-footnote") return true;
    return name_of(n) == "li" && has_attr(n, "id") && inside_footnote_container(n);
}

const xmlNode* common_ancestor(const xmlNode* a, const xmlNode* b) {
    for (const xmlNode* x = a; x; x = x->parent)
        for (const xmlNode* y = b; y; y = y->parent)
            if (x == y) return x;
    return nullptr;
}

// Dublin Core alone is common on any web page; a publication says which one
// it is (OVERHEIDop.*, or an identifier such as kst-32545-143).
bool has_publication_metadata(const PageScan& s) {
    for (const xmlNode* m : s.metas) {
        const std::string_view name = attr(m, "name");
        if (iprefix(name, "overheidop.")) return true;
        if (iprefix(name, "dc.identifier") || iprefix(name, "dcterms.identifier")) {
            const std::string_view v = attr(m, "content");
            const auto dash = v.find('-');
            bool id_like = dash != std::string_view::npos && dash > 0 && dash < 8;
            for (char c : v)
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) id_like = false;
            if (id_like) return true;
        }
    }
    return false;
}

}  // namespace

bool is_document_meta_name(std::string_view name) {
    return iprefix(name, "dc.") || iprefix(name, "dcterms.") || iprefix(name, "overheid.") ||
           iprefix(name, "overheidop.");
}

PageScan scan_page(const xmlNode* root) {
    PageScan s;
    s.root = root;
    const xmlNode* n = root;
    while (n) {
        bool descend = true;
        if (n->type == XML_ELEMENT_NODE) {
            const std::string_view name = name_of(n);
            if (name == "script" || name == "style" || name == "template") {
                descend = false;
            } else if (name == "meta") {
                if (is_document_meta_name(attr(n, "name"))) s.metas.push_back(n);
            } else if (name == "link") {
                if (!s.canonical && attr(n, "rel") == "canonical") s.canonical = n;
            } else if (is_footnote_definition(n)) {
                s.footnote_definitions.push_back(n);
                descend = false;
            } else {
                if (name == "body" && !s.body) s.body = n;
                if (name == "article" && !s.article) s.article = n;
                if (name == "header" || name == "nav" || name == "footer" || name == "form") s.site_chrome = true;
                if (!s.broodtekst && attr(n, "id") == "broodtekst") s.broodtekst = n;
                if (!s.dossier_title && has_class(n, "dossiertitel")) s.dossier_title = n;
                if (!s.stuk && has_class(n, "stuk") && attr(n, "id") != "broodtekst") s.stuk = n;
                if (is_footnote_container(n)) s.footnote_containers.push_back(n);
            }
        }
        if (descend && n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) n = n->parent;
        if (!n || n == root) break;
        n = n->next;
    }
    return s;
}

const xmlNode* publication_root(const PageScan& s) {
    if (s.broodtekst) return s.broodtekst;
    if (s.dossier_title && s.stuk) return common_ancestor(s.dossier_title->parent, s.stuk);
    if (s.stuk) return s.stuk;
    if (s.dossier_title) return s.dossier_title->parent;
    if (has_publication_metadata(s)) {
        if (s.article) return s.article;
        if (!s.site_chrome) return s.body;
    }
    return nullptr;
}

}  // namespace stukwerk::oep_html
