#include "body_reader.hpp"

#include <string_view>

#include <stukwerk/error.hpp>

#include "dutch_text.hpp"
#include "html_tree.hpp"

namespace stukwerk::oep_html {
namespace {

enum class Kind : std::uint8_t {
    inline_element,
    skip,
    container,
    paragraph,
    heading,
    list,
    item,
    term,
    table,
    quote,
    pre,
    line_break,
    image,
    figure,
    rule,
    anchor,
};

struct Tag {
    Kind kind;
    std::uint8_t style = style::none;
};

// Elements not listed are inline, as a browser lays out unknown elements.
const Tag& tag_of(std::string_view name) {
    static const std::unordered_map<std::string_view, Tag> table = [] {
        std::unordered_map<std::string_view, Tag> t;
        for (const char* n : {"script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
                              "iframe", "object", "embed", "applet", "audio", "video", "canvas", "map", "area", "input",
                              "button", "select", "option", "optgroup", "textarea", "frame", "frameset", "noframes",
                              "param", "source", "track", "datalist", "svg", "math", "nav", "dialog", "colgroup", "col"})
            t.emplace(n, Tag{Kind::skip});
        for (const char* n : {"html", "body", "div", "section", "article", "main", "header", "footer", "aside", "center",
                              "address", "fieldset", "details", "summary", "hgroup", "form", "dd", "li", "search",
                              "thead", "tbody", "tfoot", "tr", "td", "th", "figcaption", "dl", "legend"})
            t.emplace(n, Tag{Kind::container});
        t.emplace("p", Tag{Kind::paragraph});
        t.emplace("caption", Tag{Kind::paragraph});
        for (const char* n : {"h1", "h2", "h3", "h4", "h5", "h6"}) t.emplace(n, Tag{Kind::heading});
        for (const char* n : {"ul", "ol", "menu", "dir"}) t.emplace(n, Tag{Kind::list});
        t.emplace("dt", Tag{Kind::term});
        t.emplace("table", Tag{Kind::table});
        t.emplace("blockquote", Tag{Kind::quote});
        for (const char* n : {"pre", "listing", "xmp", "plaintext"}) t.emplace(n, Tag{Kind::pre});
        t.emplace("br", Tag{Kind::line_break});
        t.emplace("img", Tag{Kind::image});
        t.emplace("figure", Tag{Kind::figure});
        t.emplace("hr", Tag{Kind::rule});
        t.emplace("a", Tag{Kind::anchor});
        for (const char* n : {"em", "i", "cite", "dfn", "var"}) t.emplace(n, Tag{Kind::inline_element, style::italic});
        for (const char* n : {"strong", "b"}) t.emplace(n, Tag{Kind::inline_element, style::bold});
        for (const char* n : {"u", "ins"}) t.emplace(n, Tag{Kind::inline_element, style::underline});
        t.emplace("sup", Tag{Kind::inline_element, style::superscript});
        t.emplace("sub", Tag{Kind::inline_element, style::subscript});
        return t;
    }();
    static const Tag inline_tag{Kind::inline_element};
    const auto it = table.find(name);
    return it == table.end() ? inline_tag : it->second;
}

// KOOP marks emphasis with classes as well as elements.
std::uint8_t class_style(const xmlNode* el) {
    std::uint8_t s = style::none;
    if (!has_attr(el, "class")) return s;
    if (has_class(el, "cur") || has_class(el, "italic")) s |= style::italic;
    if (has_class(el, "vet") || has_class(el, "bold")) s |= style::bold;
    if (has_class(el, "ond") || has_class(el, "onderstreept") || has_class(el, "underline")) s |= style::underline;
    if (has_class(el, "kap") || has_class(el, "klein-kapitaal") || has_class(el, "smallcaps")) s |= style::small_caps;
    return s;
}

// Spans that print the number of a heading, list item, member or stuk.
bool is_number_span(const xmlNode* el) {
    if (!has_attr(el, "class")) return false;
    for (std::string_view c : {"ol", "nr", "lidnr", "li-nr", "linr", "kopnr", "kopnummer", "divisienummer",
                               "artikelnummer", "dossiernummer", "stuknummer"})
        if (has_class(el, c)) return true;
    return false;
}

// Parts of bills, amendments and questions that nest in the source.
const char* section_role(const xmlNode* el) {
    if (!has_attr(el, "class")) return nullptr;
    for (const char* r : {"amendement-lid", "artikel", "divisie", "vraag", "antwoord", "wijziging", "wijzig-artikel",
                          "wijzig-lid", "wijzig-divisie"})
        if (has_class(el, r)) return r;
    return nullptr;
}

int heading_level(const xmlNode* el) {
    std::string_view rest;
    if (class_with_prefix(el, "divisiekop", &rest) && rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9')
        return rest[0] - '0' + 1;
    const std::string_view name = name_of(el);
    return name[1] - '0';
}

int parse_span(std::string_view v) {
    int n = 0;
    for (char c : v) {
        if (c < '0' || c > '9') break;
        n = n * 10 + (c - '0');
        if (n > 1000) return 1000;
    }
    return n < 1 ? 1 : n;
}

std::string alpha_label(int n, bool upper) {
    std::string s;
    while (n > 0) {
        --n;
        s.insert(s.begin(), static_cast<char>((upper ? 'A' : 'a') + n % 26));
        n /= 26;
    }
    return s;
}

std::string roman_label(int n, bool upper) {
    static constexpr std::pair<int, const char*> parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                            {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                            {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                            {1, "i"}};
    std::string s;
    for (auto [v, r] : parts)
        while (n >= v && n < 4000) {
            s += r;
            n -= v;
        }
    if (upper)
        for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string ordered_label(int n, std::string_view type) {
    if (type == "a") return alpha_label(n, false) + ".";
    if (type == "A") return alpha_label(n, true) + ".";
    if (type == "i") return roman_label(n, false) + ".";
    if (type == "I") return roman_label(n, true) + ".";
    return std::to_string(n) + ".";
}

std::string list_style(const xmlNode* el, bool ordered) {
    if (ordered) {
        const std::string_view type = attr(el, "type");
        if (type == "a") return "lower-alpha";
        if (type == "A") return "upper-alpha";
        if (type == "i") return "lower-roman";
        if (type == "I") return "upper-roman";
        return "decimal";
    }
    if (has_class(el, "expliciet")) return "expliciet";
    if (has_class(el, "streep") || has_class(el, "dash")) return "dash";
    return "disc";
}

bool numeric_label(std::string_view l) {
    return !l.empty() && ((l.front() >= '0' && l.front() <= '9') || ((l.back() == '.' || l.back() == ')') && l.size() <= 6));
}

// Removes `label` and the spaces after it from the start of the inlines.
void strip_leading(std::vector<Inline>& inlines, std::string_view label) {
    if (inlines.empty() || inlines.front().kind != InlineKind::text) return;
    std::string& t = inlines.front().text;
    if (t.compare(0, label.size(), label) != 0) return;
    t.erase(0, label.size());
    while (!t.empty() && t.front() == ' ') t.erase(0, 1);
    if (t.empty()) {
        inlines.erase(inlines.begin());
        if (!inlines.empty() && inlines.front().kind == InlineKind::text)
            while (!inlines.front().text.empty() && inlines.front().text.front() == ' ') inlines.front().text.erase(0, 1);
    }
}

std::string nr_label(std::string_view text) {
    if (text.substr(0, 4) != "Nr. ") return {};
    std::size_t j = 4;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j == 4 || (j < text.size() && text[j] != ' ')) return {};
    return std::string(text.substr(0, j));
}

}  // namespace

std::string BodyReader::path(const xmlNode* n) {
    const xmlNode* parent = n->parent;
    if (parent != memo_parent_) {
        memo_path_ = (parent && parent->type == XML_ELEMENT_NODE) ? path_of(parent) : std::string();
        memo_parent_ = parent;
    }
    std::string p = memo_path_;
    p += '/';
    p += path_step(n);
    return p;
}

std::vector<Block> BodyReader::read(const xmlNode* root) {
    std::vector<Block> out;
    children(root, root, out, 1);
    flush(out);
    return out;
}

std::vector<Block> BodyReader::read_part(const xmlNode* container, const std::unordered_set<const xmlNode*>& skip) {
    const auto* saved = skip_;
    skip_ = &skip;
    std::vector<Block> out;
    children(container, container, out, 1);
    flush(out);
    skip_ = saved;
    return out;
}

void BodyReader::children(const xmlNode* parent, const xmlNode* container, std::vector<Block>& out, unsigned depth) {
    for (const xmlNode* c = parent->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) text(c, container);
        else if (c->type == XML_ELEMENT_NODE) element(c, container, out, depth + 1);
    }
}

void BodyReader::text(const xmlNode* node, const xmlNode* container) {
    const std::string_view s = content_of(node);
    if (preformatted_) {
        std::size_t start = 0;
        for (std::size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', start)) {
            b_.text(s.substr(start, nl - start), style_, link_);
            b_.line_break();
            start = nl + 1;
        }
        b_.text(s.substr(start), style_, link_);
    } else {
        b_.text(s, style_, link_);
    }
    if (!b_.empty()) {
        if (!pending_.node) pending_.node = container;
        label_slot_ = nullptr;  // a number comes before the text or not at all
    }
}

void BodyReader::flush(std::vector<Block>& out) {
    if (!b_.empty()) {
        Block p;
        p.type = BlockType::paragraph;
        p.role = std::move(pending_.role);
        p.label = trim(pending_.label);
        p.inlines = b_.take();
        if (pending_.node) p.source.path = path(pending_.node);
        out.push_back(std::move(p));
        body_text_seen_ = true;
    }
    if (label_slot_ == &pending_.label) label_slot_ = nullptr;
    pending_ = Pending{};
}

void BodyReader::check_depth(unsigned depth) const {
    if (depth > limits_.max_depth)
        throw Error("elements are nested more than " + std::to_string(limits_.max_depth) +
                    " levels deep (the import limit)");
}

void BodyReader::element(const xmlNode* el, const xmlNode* container, std::vector<Block>& out, unsigned depth) {
    check_depth(depth);
    if (skip_ && skip_->count(el)) return;
    if (notes_.not_body.count(el)) return;
    const Tag& tag = tag_of(name_of(el));
    if (tag.kind == Kind::skip || has_attr(el, "hidden")) return;
    switch (tag.kind) {
        case Kind::inline_element: inline_element(el, tag.style, container, out, depth); return;
        case Kind::anchor: anchor(el, container, out, depth); return;
        case Kind::line_break:
            if (breaks_as_space_) b_.text(" ", style_, link_);
            else b_.line_break();
            return;
        case Kind::image: image(el, out); return;
        case Kind::rule: flush(out); return;
        case Kind::paragraph: flush(out); paragraph(el, out, depth); return;
        case Kind::term: flush(out); paragraph(el, out, depth, "term"); return;
        case Kind::heading: flush(out); heading(el, out, depth); return;
        case Kind::list: flush(out); list(el, out, depth); return;
        case Kind::table: flush(out); table(el, out, depth); return;
        case Kind::quote: flush(out); quote(el, out, depth); return;
        case Kind::pre: flush(out); preformatted(el, out, depth); return;
        case Kind::figure: flush(out); figure(el, out); return;
        case Kind::item:
        case Kind::container: flush(out); container_element(el, out, depth); return;
        case Kind::skip: return;
    }
}

void BodyReader::inline_element(const xmlNode* el, std::uint8_t style, const xmlNode* container,
                                std::vector<Block>& out, unsigned depth) {
    if (label_slot_ && b_.empty() && is_number_span(el)) {
        *label_slot_ = collapsed_text(el);
        label_slot_ = nullptr;
        return;
    }
    const std::uint8_t saved = style_;
    style_ |= style | class_style(el);
    children(el, container, out, depth);
    style_ = saved;
}

void BodyReader::anchor(const xmlNode* el, const xmlNode* container, std::vector<Block>& out, unsigned depth) {
    const std::string_view href = attr(el, "href");
    if (!href.empty() && href.front() == '#') {
        const std::string fragment(href.substr(1));
        const auto it = notes_.by_anchor.find(fragment);
        const bool marker = it != notes_.by_anchor.end() || class_with_prefix(el, "nootnum") ||
                            has_class(el, "footnote-ref") || attr(el, "role") == "doc-noteref";
        if (marker) {
            std::string label = collapsed_text(el);
            if (label.empty()) label = fragment;
            if (!pending_.node) pending_.node = container;
            // A marker whose footnote is missing keeps its own target; the
            // host reports it as dangling.
            b_.note_ref(std::move(label), it != notes_.by_anchor.end() ? it->second : fragment);
            label_slot_ = nullptr;
            return;
        }
    }
    if (href.empty()) {
        children(el, container, out, depth);
        return;
    }
    const LinkRef link{std::string(href), ++link_serial_};
    const LinkRef* saved = link_;
    link_ = &link;
    children(el, container, out, depth);
    link_ = saved;
}

void BodyReader::paragraph(const xmlNode* el, std::vector<Block>& out, unsigned depth, std::string role) {
    if (has_class(el, "ondertekening")) {
        signature_lines(el, out, depth);
        return;
    }
    pending_.node = el;
    if (has_class(el, "kamerstukdatum")) role = "date-line";
    else if (has_class(el, "wat")) role = "wat";
    pending_.role = std::move(role);
    const bool own_slot = label_slot_ == nullptr;
    if (own_slot) label_slot_ = &pending_.label;
    children(el, el, out, depth);
    if (label_slot_ == &pending_.label) label_slot_ = nullptr;
    if (b_.empty() && !pending_.label.empty()) {
        // p.lid holding only a member number: the number of its section,
        // else a paragraph of its own.
        if (section_label_ && section_label_->empty()) {
            *section_label_ = trim(pending_.label);
            pending_ = Pending{};
            return;
        }
        b_.text(pending_.label, style_, nullptr);
        pending_.label.clear();
    }
    flush(out);
}

void BodyReader::heading(const xmlNode* el, std::vector<Block>& out, unsigned depth) {
    Block h;
    h.type = BlockType::heading;
    h.source.path = path(el);
    if (has_class(el, "dossiertitel")) {
        h.level = 1;
        h.role = "dossier-title";
    } else if (!document_title_seen_ && (has_class(el, "stuktitel") || has_class(el, "kamervraagomschrijving") ||
                                         has_class(el, "kamervraagomschrijving_kop"))) {
        h.level = 1;
        h.role = "document-title";
    } else {
        h.level = heading_level(el);
        if (h.level == 1 && !document_title_seen_ && !body_text_seen_) h.role = "document-title";
        else if (h.level < 2) h.level = 2;
    }
    if (h.role == "document-title") document_title_seen_ = true;

    std::string* saved_slot = label_slot_;
    const bool saved_breaks = breaks_as_space_;
    label_slot_ = &h.label;
    breaks_as_space_ = true;
    pending_.node = el;
    children(el, el, out, depth);
    h.inlines = b_.take();
    pending_ = Pending{};
    label_slot_ = saved_slot;
    breaks_as_space_ = saved_breaks;

    h.label = trim(h.label);
    if (h.label.empty() && h.role != "dossier-title" && !h.inlines.empty() && h.inlines.front().kind == InlineKind::text) {
        const std::string& first = h.inlines.front().text;
        h.label = h.role == "document-title" ? nr_label(first) : heading_number(first);
        if (!h.label.empty() && first.size() > h.label.size()) strip_leading(h.inlines, h.label);
    }
    if (h.inlines.empty() && h.label.empty()) return;
    out.push_back(std::move(h));
}

void BodyReader::list(const xmlNode* el, std::vector<Block>& out, unsigned depth) {
    Block l;
    l.type = BlockType::list;
    l.ordered = name_of(el) == "ol";
    l.label = list_style(el, l.ordered);
    l.source.path = path(el);
    const std::string_view type = attr(el, "type");
    const std::string_view start = attr(el, "start");
    int counter = start.empty() ? 1 : parse_span(start);
    const std::string bullet = l.label == "dash" ? "\xE2\x80\x93" : l.label == "expliciet" ? "" : "\xE2\x80\xA2";
    bool explicit_numbers = false;
    for (const xmlNode* c = el->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const Tag& tag = tag_of(name_of(c));
        if (tag.kind == Kind::skip || has_attr(c, "hidden") || notes_.not_body.count(c)) continue;
        if (const std::string_view value = attr(c, "value"); !value.empty()) counter = parse_span(value);
        Block item = list_item(c, depth + 1);
        if (item.inlines.empty() && item.children.empty() && item.label.empty()) continue;
        if (!item.label.empty()) {
            explicit_numbers = explicit_numbers || numeric_label(item.label);
        } else {
            item.label = l.ordered ? ordered_label(counter, type) : bullet;
        }
        ++counter;
        l.children.push_back(std::move(item));
    }
    if (!l.ordered && explicit_numbers) l.ordered = true;
    if (!l.children.empty()) out.push_back(std::move(l));
}

Block BodyReader::list_item(const xmlNode* li, unsigned depth) {
    check_depth(depth);
    Block item;
    item.type = BlockType::list_item;
    item.source.path = path(li);
    std::vector<Block> content;
    std::string* saved = label_slot_;
    label_slot_ = &item.label;
    if (name_of(li) == "li") {
        children(li, li, content, depth);
    } else {
        element(li, li, content, depth);  // tag soup: a <p> or <div> straight in a list
    }
    flush(content);
    label_slot_ = saved;
    item.label = trim(item.label);
    if (!content.empty() && content.front().type == BlockType::paragraph && content.front().role.empty()) {
        item.inlines = std::move(content.front().inlines);
        if (item.label.empty()) item.label = std::move(content.front().label);
        content.erase(content.begin());
    }
    item.children = std::move(content);
    return item;
}

void BodyReader::table(const xmlNode* el, std::vector<Block>& out, unsigned depth) {
    Block t;
    t.type = BlockType::table;
    t.source.path = path(el);
    auto rows = [&](const xmlNode* section, bool header, auto& self) -> void {
        for (const xmlNode* c = section->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || has_attr(c, "hidden")) continue;
            const std::string_view name = name_of(c);
            if (name == "tr") {
                t.children.push_back(table_row(c, header, depth + 1));
            } else if (name == "thead" || name == "tbody" || name == "tfoot") {
                check_depth(depth + 2);
                self(c, header || name == "thead", self);
            } else if (name == "caption" && t.inlines.empty()) {
                t.inlines = inlines_of(c, depth + 1);
            }
        }
    };
    rows(el, false, rows);
    if (!t.children.empty() || !t.inlines.empty()) out.push_back(std::move(t));
}

Block BodyReader::table_row(const xmlNode* tr, bool header_section, unsigned depth) {
    check_depth(depth);
    Block row;
    row.type = BlockType::table_row;
    row.header = header_section;
    row.source.path = path(tr);
    bool all_th = true;
    for (const xmlNode* c = tr->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = name_of(c);
        if (name != "td" && name != "th") continue;
        Block cell;
        cell.type = BlockType::table_cell;
        cell.header = header_section || name == "th";
        all_th = all_th && name == "th";
        cell.source.path = path(c);
        if (const std::string_view v = attr(c, "rowspan"); !v.empty()) cell.row_span = parse_span(v);
        if (const std::string_view v = attr(c, "colspan"); !v.empty()) cell.col_span = parse_span(v);
        std::vector<Block> content;
        children(c, c, content, depth + 1);
        flush(content);
        if (content.size() == 1 && content.front().type == BlockType::paragraph && content.front().role.empty() &&
            content.front().label.empty()) {
            cell.inlines = std::move(content.front().inlines);
        } else {
            cell.children = std::move(content);
        }
        row.children.push_back(std::move(cell));
    }
    if (all_th && !row.children.empty()) row.header = true;
    return row;
}

void BodyReader::quote(const xmlNode* el, std::vector<Block>& out, unsigned depth) {
    Block q;
    q.type = BlockType::quote;
    q.source.path = path(el);
    children(el, el, q.children, depth);
    flush(q.children);
    if (!q.children.empty()) out.push_back(std::move(q));
}

void BodyReader::preformatted(const xmlNode* el, std::vector<Block>& out, unsigned depth) {
    const bool saved = preformatted_;
    preformatted_ = true;
    pending_.node = el;
    pending_.role = "preformatted";
    children(el, el, out, depth);
    preformatted_ = saved;
    flush(out);
}

void BodyReader::figure(const xmlNode* el, std::vector<Block>& out) {
    Block f;
    f.type = BlockType::figure;
    f.source.path = path(el);
    std::string alt;
    for (const xmlNode* c = el->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name_of(c) == "figcaption" && f.inlines.empty()) {
            const std::string caption = collapsed_text(c);
            if (!caption.empty()) f.inlines.push_back(text_run(caption));
        } else if (name_of(c) == "img" && alt.empty()) {
            alt = trim(attr(c, "alt"));
        }
    }
    if (f.inlines.empty() && !alt.empty()) f.inlines.push_back(text_run(alt));
    out.push_back(std::move(f));
}

void BodyReader::image(const xmlNode* el, std::vector<Block>& out) {
    if (!b_.empty()) return;  // an image inside running text (a formula, an icon) is not a figure of its own
    flush(out);
    Block f;
    f.type = BlockType::figure;
    f.source.path = path(el);
    const std::string alt = trim(attr(el, "alt"));
    if (!alt.empty()) f.inlines.push_back(text_run(alt));
    out.push_back(std::move(f));
}

namespace {

// A div.alineagroep that closes a motion holds only short lines of names;
// in Handelingen the same class groups the paragraphs of a speech.
bool is_name_group(const xmlNode* el) {
    std::size_t names = 0;
    for (const xmlNode* c = el->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (char ch : content_of(c))
                if (!(ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r')) return false;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        if (name_of(c) != "p") return false;
        const std::string t = collapsed_text(c);
        if (t.empty()) continue;
        if (t.size() > 80) return false;
        const char last = t.back();
        if (last == '.' || last == ';' || last == ':' || last == ',' || last == '?' || last == '!') return false;
        ++names;
    }
    if (names == 0) return false;
    for (const xmlNode* p = el->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (has_class(p, "spreekbeurt")) return false;
    return true;
}

}  // namespace

void BodyReader::container_element(const xmlNode* el, std::vector<Block>& out, unsigned depth) {
    if (has_class(el, "alineagroep") && is_name_group(el)) {
        name_group(el, out, depth);
        return;
    }
    if (const char* role = section_role(el)) {
        Block s;
        s.type = BlockType::section;
        s.role = role;
        s.source.path = path(el);
        std::string* saved = section_label_;
        section_label_ = &s.label;
        children(el, el, s.children, depth);
        flush(s.children);
        section_label_ = saved;
        if (!s.children.empty() || !s.label.empty()) out.push_back(std::move(s));
        return;
    }
    children(el, el, out, depth);
    flush(out);
}

std::vector<Inline> BodyReader::inlines_of(const xmlNode* el, unsigned depth) {
    std::vector<Block> tmp;
    pending_.node = el;
    children(el, el, tmp, depth);
    std::vector<Inline> inlines = b_.take();
    pending_ = Pending{};
    for (Block& b : tmp) {  // blocks inside (tag soup) join the line
        if (!inlines.empty() && !b.inlines.empty()) inlines.push_back(Inline{InlineKind::line_break, {}, style::none, {}});
        for (Inline& in : b.inlines) inlines.push_back(std::move(in));
    }
    return inlines;
}

void BodyReader::signature_lines(const xmlNode* el, std::vector<Block>& out, unsigned depth) {
    struct Line {
        std::string role;
        std::vector<Inline> inlines;
        std::string path;
    };
    std::vector<Line> lines;
    bool marked = false;  // span.functie / span.naam say which line is which
    for (const xmlNode* c = el->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (has_class(c, "functie") || has_class(c, "naam"))) marked = true;
    if (marked) {
        for (const xmlNode* c = el->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const bool function = has_class(c, "functie");
            if (!function && !has_class(c, "naam")) continue;
            Line line{function ? "function" : "name", inlines_of(c, depth + 1), path(c)};
            if (!line.inlines.empty()) lines.push_back(std::move(line));
        }
    } else {
        std::vector<Inline> all = inlines_of(el, depth);
        Line line;
        auto close = [&] {
            const std::string t = trim(plain_text(line.inlines));
            if (!t.empty()) {
                line.role = t.back() == ',' ? "function" : "name";
                line.path = path(el);
                lines.push_back(std::move(line));
            }
            line = Line{};
        };
        for (Inline& in : all) {
            if (in.kind == InlineKind::line_break) close();
            else line.inlines.push_back(std::move(in));
        }
        close();
    }
    // One signature block per function with its names.
    Block group;
    std::string function;
    auto finish = [&] {
        if (!group.children.empty()) out.push_back(std::move(group));
        group = Block{};
        function.clear();
    };
    for (Line& line : lines) {
        if (line.role == "function" && !group.children.empty() && group.children.back().role == "name") finish();
        if (group.children.empty()) {
            group.type = BlockType::signature;
            group.source.path = path(el);
        }
        if (line.role == "function") {
            function = function_from_line(plain_text(line.inlines));
        } else {
            signatories_.push_back(Person{trim(plain_text(line.inlines)), "signatory", function, {}});
        }
        Block p;
        p.type = BlockType::paragraph;
        p.role = line.role;
        p.inlines = std::move(line.inlines);
        p.source.path = std::move(line.path);
        group.children.push_back(std::move(p));
    }
    finish();
    body_text_seen_ = true;
}

void BodyReader::name_group(const xmlNode* el, std::vector<Block>& out, unsigned depth) {
    Block group;
    group.type = BlockType::signature;
    group.source.path = path(el);
    for (const xmlNode* c = el->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        Block p;
        p.type = BlockType::paragraph;
        p.role = "name";
        p.source.path = path(c);
        p.inlines = inlines_of(c, depth + 1);
        if (p.inlines.empty()) continue;
        signatories_.push_back(Person{trim(plain_text(p.inlines)), "signatory", {}, {}});
        group.children.push_back(std::move(p));
    }
    if (!group.children.empty()) out.push_back(std::move(group));
}

}  // namespace stukwerk::oep_html
