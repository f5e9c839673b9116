#include "footnotes.hpp"

#include <set>

#include "dutch_text.hpp"
#include "html_tree.hpp"

namespace stukwerk::oep_html {
namespace {

template <class F>
void each_element(const xmlNode* root, F&& f) {
    const xmlNode* n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE && n != root) f(n);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) n = n->parent;
        if (!n || n == root) break;
        n = n->next;
    }
}

// The element printing the note's number: span.nootnum (or the sup around
// it), else the first <sup>.
const xmlNode* number_element(const xmlNode* def) {
    const xmlNode* found = nullptr;
    const xmlNode* first_sup = nullptr;
    each_element(def, [&](const xmlNode* n) {
        if (!found && has_class(n, "nootnum")) found = n;
        if (!first_sup && name_of(n) == "sup") first_sup = n;
    });
    if (found && found->parent && name_of(found->parent) == "sup" && found->parent != def) return found->parent;
    return found ? found : first_sup;
}

std::string first_id(const xmlNode* n) {
    if (const std::string_view id = attr(n, "id"); !id.empty()) return std::string(id);
    std::string out;
    each_element(n, [&](const xmlNode* c) {
        if (out.empty()) out = std::string(attr(c, "id"));
    });
    return out;
}

bool is_back_link(const xmlNode* n) {
    return name_of(n) == "a" && (has_class(n, "footnote-back") || attr(n, "role") == "doc-backlink");
}

}  // namespace

std::vector<FootnoteDefinition> find_footnotes(const PageScan& scan, FootnoteTargets& targets) {
    std::vector<FootnoteDefinition> defs;
    std::set<std::string> used;
    std::size_t position = 0;
    for (const xmlNode* node : scan.footnote_definitions) {
        ++position;
        FootnoteDefinition d;
        d.node = node;
        const xmlNode* number = number_element(node);
        if (number) {
            d.label = collapsed_text(number);
            d.not_text.insert(number);
            d.id = first_id(number);
        }
        if (d.label.empty() && name_of(node) == "li") d.label = std::to_string(position);
        if (d.id.empty()) {
            std::string own(attr(node, "id"));
            constexpr std::string_view prefix = "supernote-note-";
            if (own.compare(0, prefix.size(), prefix) == 0) own.erase(0, prefix.size());
            d.id = own.empty() ? "fn" + d.label : own;
        }
        const std::string candidate = d.id;
        for (std::size_t k = position; used.count(d.id); ++k) d.id = candidate + "-" + std::to_string(k);
        used.insert(d.id);
        each_element(node, [&](const xmlNode* n) {
            if (has_class(n, "note-close") || is_back_link(n)) d.not_text.insert(n);
            if (const std::string_view id = attr(n, "id"); !id.empty()) targets.by_anchor.emplace(std::string(id), d.id);
        });
        if (const std::string_view id = attr(node, "id"); !id.empty()) targets.by_anchor.emplace(std::string(id), d.id);
        targets.not_body.insert(node);
        defs.push_back(std::move(d));
    }
    for (const xmlNode* c : scan.footnote_containers) targets.not_body.insert(c);
    return defs;
}

std::vector<Footnote> read_footnotes(const std::vector<FootnoteDefinition>& definitions, BodyReader& reader) {
    std::vector<Footnote> notes;
    notes.reserve(definitions.size());
    for (const FootnoteDefinition& d : definitions) {
        Footnote f;
        f.id = d.id;
        f.label = d.label;
        f.source.path = path_of(d.node);
        std::vector<Block> blocks = reader.read_part(d.node, d.not_text);
        auto add = [&](std::vector<Inline>& inlines) {
            if (inlines.empty()) return;
            if (!f.inlines.empty()) f.inlines.push_back(Inline{InlineKind::line_break, {}, style::none, {}});
            for (Inline& in : inlines) f.inlines.push_back(std::move(in));
        };
        for_each_block(blocks, [&](Block& b) { add(b.inlines); });
        // A back link drawn as text ("↩︎") is navigation, not part of the note.
        if (!f.inlines.empty() && f.inlines.back().kind == InlineKind::text) {
            std::string& t = f.inlines.back().text;
            auto drop_suffix = [&](std::string_view suffix) {
                if (t.size() < suffix.size() || t.compare(t.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
                t.erase(t.size() - suffix.size());
                return true;
            };
            const bool selector = drop_suffix("\xEF\xB8\x8E");  // U+FE0E text presentation
            if (drop_suffix("\xE2\x86\xA9")) {
                t = trim(t);
                if (t.empty()) f.inlines.pop_back();
            } else if (selector) {
                t += "\xEF\xB8\x8E";
            }
        }
        notes.push_back(std::move(f));
    }
    return notes;
}

}  // namespace stukwerk::oep_html
