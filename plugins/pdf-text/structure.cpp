#include "structure.hpp"

#include <algorithm>
#include <cmath>

#include <stukwerk/dutch.hpp>
#include "text_util.hpp"

namespace stukwerk::pdf {
namespace {

const Word* first_word(const Para& p) {
    for (const Segment& s : p.lines.front().segments)
        if (!s.words.empty()) return &s.words.front();
    return nullptr;
}

std::size_t word_count(const Para& p) {
    std::size_t n = 0;
    for (const Line& l : p.lines)
        for (const Segment& s : l.segments) n += s.words.size();
    return n;
}

// A heading's own numbering: "1.", "2.3", "3.1.2", "§ 4" (as one word).
bool is_heading_number(std::string_view w) {
    if (w.empty() || w.size() > 8 || !(w[0] >= '0' && w[0] <= '9')) return false;
    for (char c : w)
        if (!((c >= '0' && c <= '9') || c == '.')) return false;
    return true;
}

int heading_level(const Para& p, const Reading& r, int top_level) {
    const std::vector<double>& sizes = r.heading_sizes;
    for (std::size_t i = 0; i < sizes.size(); ++i)
        if (same_size(sizes[i], p.size())) return top_level + static_cast<int>(i);
    return top_level + static_cast<int>(sizes.size());
}

}  // namespace

std::vector<const Line*> Reading::furniture() const {
    std::vector<const Line*> out;
    for (const PageLines& p : pages)
        for (const Line& l : p.furniture) out.push_back(&l);
    return out;
}

std::vector<double> rank_heading_sizes(const Reading& r) {
    std::vector<double> sizes;
    for (const Para& p : r.paras) {
        if (p.size() < 1.1 * r.type.body_size || !is_heading(p, r)) continue;
        if (std::none_of(sizes.begin(), sizes.end(), [&](double s) { return same_size(s, p.size()); }))
            sizes.push_back(p.size());
    }
    std::sort(sizes.rbegin(), sizes.rend());
    return sizes;
}

std::string para_text(const Para& p) { return collapse_spaces(text_of(p.lines)); }

Block block_of(BlockType type, const std::vector<Line>& lines, const Reading& r, std::string role,
               const InlineOptions& options) {
    Block b;
    b.type = type;
    b.role = std::move(role);
    InlineOptions with_lexicon = options;
    with_lexicon.lexicon = &r.lexicon;
    b.inlines = inlines_of(lines, r.note_labels, with_lexicon);
    b.source = location_of(lines);
    return b;
}

bool is_heading(const Para& p, const Reading& r) {
    if (p.lines.size() > 4) return false;
    const std::string text = para_text(p);
    if (text.empty() || text.size() > 250) return false;
    const char32_t last = last_code_point(text);
    if (last == ',' || last == ';') return false;
    if (p.size() >= 1.15 * r.type.body_size) return true;
    return p.bold() && (same_size(p.size(), r.type.body_size) || p.size() > r.type.body_size);
}

void append_body(std::vector<Block>& out, const Reading& r, std::size_t from, std::size_t to, int top_level) {
    Block* list = nullptr;       // the open list, if the last block was one
    double list_label_x = 0;     // where its labels stand
    char list_kind_open = 0;
    for (std::size_t i = from; i < to; ++i) {
        const Para& p = r.paras[i];
        const Word* w = first_word(p);
        if (!w) continue;
        if (is_heading(p, r)) {
            list = nullptr;
            const bool numbered = is_heading_number(w->text) && word_count(p) > 1;
            Block h = block_of(BlockType::heading, p.lines, r, {}, InlineOptions{false, numbered ? 1u : 0u});
            h.level = heading_level(p, r, top_level);
            if (numbered) h.label = w->text;
            out.push_back(std::move(h));
            continue;
        }
        if (is_list_label(w->text) && word_count(p) > 1) {
            const char kind = list_kind(w->text);
            Block item = block_of(BlockType::list_item, p.lines, r, {}, InlineOptions{true, 1});
            item.label = w->text;
            const double em = p.size();
            if (list && kind == list_kind_open && std::fabs(w->x0 - list_label_x) < 0.8 * em) {
                list->children.push_back(std::move(item));
                continue;
            }
            if (list && w->x0 > list_label_x + 0.8 * em && !list->children.empty()) {
                // indented further: a list inside the last item
                Block& parent = list->children.back();
                if (!parent.children.empty() && parent.children.back().type == BlockType::list &&
                    list_kind(parent.children.back().children.front().label) == kind) {
                    parent.children.back().children.push_back(std::move(item));
                } else {
                    Block nested;
                    nested.type = BlockType::list;
                    nested.ordered = kind != '-';
                    nested.source = item.source;
                    nested.children.push_back(std::move(item));
                    parent.children.push_back(std::move(nested));
                }
                continue;
            }
            Block l;
            l.type = BlockType::list;
            l.ordered = kind != '-';
            l.source = item.source;
            l.children.push_back(std::move(item));
            out.push_back(std::move(l));
            list = &out.back();
            list_label_x = w->x0;
            list_kind_open = kind;
            continue;
        }
        list = nullptr;
        out.push_back(block_of(BlockType::paragraph, p.lines, r));
    }
}

void add_footnotes(Document& doc, const Reading& r) {
    std::set<std::string> used;
    for (const NoteDraft& n : r.notes) {
        Footnote f;
        f.label = n.label;
        f.id = "fn" + n.label;
        for (int k = 2; used.count(f.id); ++k) f.id = "fn" + n.label + "-" + std::to_string(k);
        used.insert(f.id);
        f.inlines = inlines_of(n.lines, {}, InlineOptions{true, 1, &r.lexicon});
        f.source = location_of(n.lines);
        doc.footnotes.push_back(std::move(f));
    }
}

namespace {

// "Document: Besluitenlijst van …", "Onderwerp: …", "Betreft: …": the
// subject line of letters and committee papers names the document.
std::string subject_field(const Reading& r) {
    for (const Para& p : r.paras) {
        if (p.page() > 1) break;
        const Line& first = p.lines.front();
        if (first.segments.size() < 2) continue;
        const std::string name = collapse_spaces(first.segments.front().text());
        if (name != "Document:" && name != "Onderwerp:" && name != "Betreft:") continue;
        Para rest = p;
        rest.lines.front().segments.erase(rest.lines.front().segments.begin());
        return para_text(rest);
    }
    return {};
}

}  // namespace

void read_generic(const Reading& r, Document& doc) {
    doc.warn("generic-document",
             "not a Kamerstuk, Aanhangsel or Handelingen publication (no KOOP header or colophon found); "
             "converted as a generic document");
    doc.metadata.language = "nl";
    std::vector<Block> body;
    std::size_t from = 0;
    for (std::size_t i = 0; i < r.paras.size(); ++i) {
        const Para& p = r.paras[i];
        const std::string text = para_text(p);
        if (doc.metadata.date.empty() && p.lines.size() == 1 &&
            (starts_with(text, "Den Haag, ") || starts_with(text, "\xE2\x80\x99s-Gravenhage, ")) &&
            !dutch::iso_date_in(text).empty()) {
            append_body(body, r, from, i);
            doc.metadata.date = dutch::iso_date_in(text);
            body.push_back(block_of(BlockType::paragraph, p.lines, r, "place-date"));
            from = i + 1;
        }
    }
    append_body(body, r, from, r.paras.size());
    doc.body = std::move(body);
    doc.metadata.title = subject_field(r);
    if (doc.metadata.title.empty())
        for (const Block& b : doc.body)
            if (b.type == BlockType::heading) {
                doc.metadata.title = plain_text(b);
                break;
            }
    add_footnotes(doc, r);
}

}  // namespace stukwerk::pdf
