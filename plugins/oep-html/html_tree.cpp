#include "html_tree.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>
#include <vector>

#include <stukwerk/error.hpp>

#include "inline_builder.hpp"

namespace stukwerk::oep_html {
namespace {

void init_libxml2() {
    // Once per process; libxml2 is thread-safe after this.
    static const bool done = (xmlInitParser(), true);
    (void)done;
}

// libxml2 2.9 reports errors through a per-thread structured handler; the
// HTML parser's own context has none. Installed for one parse on this
// thread and restored after, so parallel reads do not see each other.
class ErrorCapture {
public:
    ErrorCapture() : old_(xmlStructuredError), old_context_(xmlStructuredErrorContext) {
        xmlSetStructuredErrorFunc(this, &ErrorCapture::on_error);
    }
    ~ErrorCapture() { xmlSetStructuredErrorFunc(old_context_, old_); }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    bool too_deep = false;
    bool huge_text = false;
    bool out_of_memory = false;
    bool too_large = false;
    std::size_t markup_errors = 0;
    std::string first_error;

private:
    static void on_error(void* self, xmlErrorPtr e) {
        auto* c = static_cast<ErrorCapture*>(self);
        const std::string_view message = e->message ? e->message : "";
        if (e->code == XML_ERR_INTERNAL_ERROR && message.find("Excessive depth") != std::string_view::npos) {
            c->too_deep = true;
        } else if (message.find("huge text node") != std::string_view::npos) {
            c->huge_text = true;
        } else if (e->code == XML_ERR_NO_MEMORY) {
            c->out_of_memory = true;
        } else if (e->code == XML_ERR_NAME_TOO_LONG || message.find("too long") != std::string_view::npos) {
            c->too_large = true;
        } else if (e->code == XML_HTML_UNKNOWN_TAG || e->code == XML_DTD_ID_REDEFINED) {
            // HTML5 elements unknown to libxml2's HTML 4 tables, and the
            // id/name pairs of KOOP anchors: not errors a reader would see.
        } else if (e->level >= XML_ERR_ERROR) {
            if (c->markup_errors++ == 0) {
                std::string m(message);
                while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
                c->first_error = "line " + std::to_string(e->line) + ": " + m;
            }
        }
    }

    xmlStructuredErrorFunc old_;
    void* old_context_;
};

}  // namespace

DocPtr parse_html(std::string_view utf8, ParseReport& report) {
    init_libxml2();
    if (utf8.size() > static_cast<std::size_t>(INT_MAX))
        throw Error("the page is larger than libxml2's HTML parser reads (2 GiB)");
    // IGNORE_ENC: the text is UTF-8 already, whatever the page declares.
    // No HTML_PARSE_HUGE: libxml2's depth and text-size limits stay on.
    constexpr int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                            HTML_PARSE_IGNORE_ENC;
    ErrorCapture capture;
    DocPtr doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, nullptr, options));
    if (capture.too_deep)
        throw Error("elements are nested more than 256 levels deep, where libxml2's HTML parser stops; the rest of the "
                    "page would be lost");
    if (capture.huge_text)
        throw Error("one run of text is longer than 10,000,000 bytes, where libxml2's HTML parser stops; the rest of "
                    "the page would be lost");
    if (capture.too_large) throw Error("a name or value in the markup is longer than libxml2's HTML parser accepts");
    if (capture.out_of_memory) throw Error("out of memory while parsing the HTML");
    if (!doc) throw Error("libxml2 could not parse the HTML");
    report.markup_errors = capture.markup_errors;
    report.first_error = capture.first_error;
    return doc;
}

std::string_view attr(const xmlNode* n, std::string_view name) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (name_of(reinterpret_cast<const xmlNode*>(a)) != name) continue;
        if (a->children && a->children->type == XML_TEXT_NODE) return content_of(a->children);
        return {};
    }
    return {};
}

bool has_attr(const xmlNode* n, std::string_view name) {
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (name_of(reinterpret_cast<const xmlNode*>(a)) == name) return true;
    return false;
}

namespace {

bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

template <class F>
bool any_class(const xmlNode* n, F&& f) {
    const std::string_view list = attr(n, "class");
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && html_space(list[i])) ++i;
        const std::size_t start = i;
        while (i < list.size() && !html_space(list[i])) ++i;
        if (i > start && f(list.substr(start, i - start))) return true;
    }
    return false;
}

}  // namespace

bool has_class(const xmlNode* n, std::string_view cls) {
    return any_class(n, [&](std::string_view token) { return token == cls; });
}

bool class_with_prefix(const xmlNode* n, std::string_view prefix, std::string_view* rest) {
    return any_class(n, [&](std::string_view token) {
        if (token.substr(0, prefix.size()) != prefix) return false;
        if (rest) *rest = token.substr(prefix.size());
        return true;
    });
}

// Each element's position among its same-named siblings lives in its
// `_private` field (libxml2 leaves that field to the application), numbered
// the first time a path through the element's parent is asked for:
//   (index << 2) | (children numbered << 1) | (name repeats among siblings).
// Most elements (the inline markup inside paragraphs) are never numbered.
namespace {

constexpr std::uintptr_t repeats_bit = 1, numbered_bit = 2;

std::uintptr_t info_of(const xmlNode* n) { return reinterpret_cast<std::uintptr_t>(n->_private); }

void set_info(const xmlNode* n, std::uintptr_t info) {
    const_cast<xmlNode*>(n)->_private = reinterpret_cast<void*>(info);
}

void number_children(const xmlNode* parent) {
    std::vector<std::pair<const xmlChar*, std::uintptr_t>> counts;
    auto same = [](const xmlChar* a, const xmlChar* b) {
        return a == b || std::strcmp(reinterpret_cast<const char*>(a), reinterpret_cast<const char*>(b)) == 0;
    };
    auto count_of = [&](const xmlChar* name) -> std::uintptr_t& {
        for (auto& [n, count] : counts)
            if (same(n, name)) return count;
        return counts.emplace_back(name, 0).second;
    };
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            set_info(c, (++count_of(c->name) << 2) | (info_of(c) & numbered_bit));
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && count_of(c->name) > 1) set_info(c, info_of(c) | repeats_bit);
    set_info(parent, info_of(parent) | numbered_bit);
}

}  // namespace

std::string path_step(const xmlNode* n) {
    const xmlNode* parent = n->parent;
    if (parent && parent->type == XML_ELEMENT_NODE && !(info_of(parent) & numbered_bit)) number_children(parent);
    std::string step(name_of(n));
    const std::uintptr_t info = info_of(n);
    if (info & repeats_bit) step += "[" + std::to_string(info >> 2) + "]";
    return step;
}

std::string path_of(const xmlNode* n) {
    std::vector<const xmlNode*> chain;
    for (const xmlNode* p = n; p && p->type == XML_ELEMENT_NODE; p = p->parent) chain.push_back(p);
    std::string path;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        path += '/';
        path += path_step(*it);
    }
    return path;
}

std::string collapsed_text(const xmlNode* n) {
    InlineBuilder b;
    const xmlNode* cur = n->children;
    while (cur) {
        if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) b.text(content_of(cur), 0, nullptr);
        if (cur->type == XML_ELEMENT_NODE && cur->children && name_of(cur) != "script" && name_of(cur) != "style") {
            cur = cur->children;
            continue;
        }
        while (cur && cur != n && !cur->next) cur = cur->parent;
        if (!cur || cur == n) break;
        cur = cur->next;
    }
    return plain_text(b.take());
}

}  // namespace stukwerk::oep_html
