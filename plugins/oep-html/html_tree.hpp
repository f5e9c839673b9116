// libxml2's HTML parser and the small node helpers the readers share.
//
// The parser runs as a browser would read a page: it recovers from broken
// markup, never touches the network or the file system (the XHTML DOCTYPE
// names a DTD at w3.org; it is not fetched), and keeps its own limits
// (nesting depth 256, 10 MB per text run), which become precise errors.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace stukwerk::oep_html {

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

struct ParseReport {
    std::size_t markup_errors = 0;  // broken markup the parser recovered from
    std::string first_error;        // "line 12: Unexpected end tag : p"
};

// Parses UTF-8 text (see decode.hpp). Throws stukwerk::Error when libxml2
// had to stop early, so that no half-read document passes as complete.
DocPtr parse_html(std::string_view utf8, ParseReport& report);

inline std::string_view name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

inline std::string_view content_of(const xmlNode* text) {
    return text->content ? std::string_view(reinterpret_cast<const char*>(text->content)) : std::string_view();
}

// An attribute's value ("" when absent or empty). HTML attribute names are
// lower case after parsing.
std::string_view attr(const xmlNode* n, std::string_view name);
bool has_attr(const xmlNode* n, std::string_view name);

// True when the class attribute holds `cls` as one of its tokens.
bool has_class(const xmlNode* n, std::string_view cls);
// True when any class token starts with `prefix`; the rest goes to `rest`.
bool class_with_prefix(const xmlNode* n, std::string_view prefix, std::string_view* rest = nullptr);

inline bool is_element(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }

// Element paths ("/html/body/div[2]/p[3]", an index only where a name
// repeats among siblings, as in the XML importer's paths). Siblings are
// numbered once per parent, when first needed; a path then costs its depth.
std::string path_of(const xmlNode* n);
std::string path_step(const xmlNode* n);  // "p[3]" or "p"

// The element's text with whitespace collapsed, as a browser shows it.
std::string collapsed_text(const xmlNode* n);

}  // namespace stukwerk::oep_html
