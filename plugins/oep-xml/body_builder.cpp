#include "body_builder.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <string_view>

#include <stukwerk/error.hpp>

#include "text.hpp"

namespace stukwerk::oep {

enum class BodyBuilder::Kind : std::uint8_t {
    paragraph,     // its inline content is one paragraph
    date_line,     // datumtekst
    container,     // no block of its own: its children are the content
    group,         // al-groep: a signature of names, or a container
    list,          // lijst
    lid,           // lid of an article: consecutive leden form one list
    division,      // divisie, bijlage: a section with its kop
    subheading,    // tussenkop
    heading,       // a kop outside a division
    table,         // CALS
    signature,     // ondertekening
    figure,        // plaatje, illustratie
    article,       // artikel: a section with its kop
    wijziging,     // an amendment's change: a section labelled by its nr
    speech,        // spreekbeurt
    question,      // vraag (aanhangsel)
    answer,        // antwoord (aanhangsel)
    agendapunt,    // agendapunt, handeling_bijlage
    definitions,   // definitielijst
    subject,       // onderwerp (Handelingen)
    header,        // kamerstukkop, kamervraagkop: kept in metadata.raw
    meta,          // metadata inside the content: kept in metadata.raw
    inline_level,  // belongs in running text
    unknown,
};

namespace {

std::string_view local_name(const char* qname) {
    const std::string_view q(qname);
    const auto colon = q.find(':');
    return colon == std::string_view::npos ? q : q.substr(colon + 1);
}

bool only_space(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return is_space(c); });
}

std::uint8_t style_of(std::string_view type) {
    if (type == "cur") return style::italic;
    if (type == "vet") return style::bold;
    if (type == "vetcur" || type == "curvet") return style::bold | style::italic;
    if (type == "onder" || type == "ondlijn") return style::underline;
    if (type == "kap" || type == "klkap") return style::small_caps;
    if (type == "sup" || type == "super") return style::superscript;
    if (type == "sub" || type == "inf") return style::subscript;
    return style::none;
}

bool is_bullet(std::string_view label) {
    return label.empty() || label == "-" || label == "–" || label == "—" || label == "•" || label == "·" ||
           label == "*" || label == "o" || label == "▪" || label == "■";
}

int to_int(std::string_view s, int fallback) {
    int v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() ? v : fallback;
}

// The function under a signature: "De Minister van Defensie," -> "Minister van Defensie".
std::string function_of(std::string line) {
    line = collapse_space(line);
    while (!line.empty() && (line.back() == ',' || line.back() == ' ')) line.pop_back();
    if (starts_with(line, "De ") || starts_with(line, "de ")) line.erase(0, 3);
    return line;
}

// A line that can be a name under a motion: short, starts with a capital,
// no sentence punctuation at the end.
bool name_like(const std::string& text) {
    if (text.empty() || text.size() > 80) return false;
    const auto first = static_cast<unsigned char>(text[0]);
    const bool capital = (first >= 'A' && first <= 'Z') || first == 0xC3;
    if (!capital) return false;
    const char last = text.back();
    if (last == ',' || last == ';' || last == ':' || last == '.') return false;
    return std::count(text.begin(), text.end(), ' ') < 6;
}

}  // namespace

std::string text_content(pugi::xml_node node) {
    std::string out;
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) return collapse_space(node.value());
    for (pugi::xml_node n = node.first_child(); n;) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
    return collapse_space(out);
}

BodyBuilder::BodyBuilder(Document& doc, const Limits& limits, Flavour flavour)
    : doc_(doc), limits_(limits), flavour_(flavour) {}

BodyBuilder::Kind BodyBuilder::kind_of(const char* qname) const {
    static const std::map<std::string_view, Kind> table = {
        {"al", Kind::paragraph},
        {"considerans.al", Kind::paragraph},
        {"wij", Kind::paragraph},
        {"wie", Kind::paragraph},
        {"wat", Kind::paragraph},
        {"tekstregel", Kind::paragraph},
        {"label", Kind::paragraph},
        {"lidnr", Kind::paragraph},
        {"li.nr", Kind::paragraph},
        {"nr", Kind::paragraph},
        {"titel", Kind::paragraph},
        {"item-titel", Kind::paragraph},
        {"herdruk", Kind::paragraph},
        {"stuknr", Kind::paragraph},
        {"term", Kind::paragraph},
        {"noot.nr", Kind::paragraph},
        {"noot.al", Kind::paragraph},
        {"kamervraagnummer", Kind::paragraph},
        {"kamervraagomschrijving", Kind::paragraph},
        {"spreker", Kind::paragraph},
        {"datumtekst", Kind::date_line},
        {"algemeen", Kind::container},
        {"vrije-tekst", Kind::container},
        {"tekst", Kind::container},
        {"wettekst", Kind::container},
        {"artikeltekst", Kind::container},
        {"voorstel-wet", Kind::container},
        {"amendement", Kind::container},
        {"amendement-lid", Kind::container},
        {"considerans", Kind::container},
        {"aanhef", Kind::container},
        {"afkondiging", Kind::container},
        {"voorstel-sluiting", Kind::container},
        {"slotformulering", Kind::container},
        {"wijzig-lid", Kind::container},
        {"wijzig-artikel", Kind::container},
        {"tekst-sluiting", Kind::container},
        {"officiele-publicatie", Kind::container},
        {"kamerstuk", Kind::container},
        {"handelingen", Kind::container},
        {"kamervragen", Kind::container},
        {"stuk", Kind::container},
        {"dossier", Kind::container},
        {"dossiernummer", Kind::paragraph},
        {"officiele-inhoudsopgave", Kind::container},
        {"definitie", Kind::container},
        {"li", Kind::container},
        {"entry", Kind::container},
        {"al-groep", Kind::group},
        {"lijst", Kind::list},
        {"lid", Kind::lid},
        {"divisie", Kind::division},
        {"wijzig-divisie", Kind::division},
        {"bijlage", Kind::division},
        {"tussenkop", Kind::subheading},
        {"kop", Kind::heading},
        {"table", Kind::table},
        {"ondertekening", Kind::signature},
        {"plaatje", Kind::figure},
        {"illustratie", Kind::figure},
        {"artikel", Kind::article},
        {"wijziging", Kind::wijziging},
        {"spreekbeurt", Kind::speech},
        {"vraag", Kind::question},
        {"antwoord", Kind::answer},
        {"agendapunt", Kind::agendapunt},
        {"handeling_bijlage", Kind::agendapunt},
        {"definitielijst", Kind::definitions},
        {"onderwerp", Kind::subject},
        {"kamerstukkop", Kind::header},
        {"kamervraagkop", Kind::header},
        {"metadata", Kind::meta},
        {"nadruk", Kind::inline_level},
        {"extref", Kind::inline_level},
        {"nootref", Kind::inline_level},
        {"noot", Kind::inline_level},
        {"datum", Kind::inline_level},
        {"naam", Kind::inline_level},
        {"voornaam", Kind::inline_level},
        {"achternaam", Kind::inline_level},
        {"functie", Kind::inline_level},
        {"organisatie", Kind::inline_level},
        {"kamervraagonderwerp", Kind::inline_level},
        {"ondernummer", Kind::inline_level},
        {"dossiernr", Kind::inline_level},
        {"raadnr", Kind::inline_level},
        {"begrotingshoofdstuk", Kind::inline_level},
        {"rijkswetnr", Kind::inline_level},
        {"dossierref", Kind::inline_level},
        {"sup", Kind::inline_level},
        {"inf", Kind::inline_level},
        {"br", Kind::inline_level},
        {"politiek", Kind::inline_level},
        {"voorvoegsels", Kind::inline_level},
    };
    const auto it = table.find(local_name(qname));
    return it == table.end() ? Kind::unknown : it->second;
}

void BodyBuilder::guard(int depth) const {
    if (depth > static_cast<int>(limits_.max_depth))
        throw Error("refused: elements nest more than " + std::to_string(limits_.max_depth) + " levels deep");
}

std::string BodyBuilder::step(pugi::xml_node node) {
    const char* name = node.name();
    int index = 1;
    bool several = false;
    for (pugi::xml_node s = node.previous_sibling(); s; s = s.previous_sibling())
        if (s.type() == pugi::node_element && std::strcmp(s.name(), name) == 0) ++index;
    several = index > 1;
    for (pugi::xml_node s = node.next_sibling(); s && !several; s = s.next_sibling())
        if (s.type() == pugi::node_element && std::strcmp(s.name(), name) == 0) several = true;
    std::string out = "/";
    out += name;
    if (several) out += "[" + std::to_string(index) + "]";
    return out;
}

SiblingSteps::SiblingSteps(pugi::xml_node parent) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) ++count(c.name()).total;
}

SiblingSteps::Count& SiblingSteps::count(std::string_view name) {
    constexpr std::size_t short_list = 16;
    if (counts_.size() <= short_list) {
        for (Count& c : counts_)
            if (c.name == name) return c;
        counts_.push_back(Count{name, 0, 0});
        if (counts_.size() > short_list)
            for (std::size_t i = 0; i < counts_.size(); ++i) index_.emplace(counts_[i].name, i);
        return counts_.back();
    }
    const auto [it, added] = index_.emplace(name, counts_.size());
    if (added) counts_.push_back(Count{name, 0, 0});
    return counts_[it->second];
}

std::string SiblingSteps::operator()(pugi::xml_node child) {
    Count& c = count(child.name());
    ++c.seen;
    std::string out = "/";
    out += child.name();
    if (c.total > 1) out += "[" + std::to_string(c.seen) + "]";
    return out;
}

void BodyBuilder::index_notes(pugi::xml_node root) {
    std::unordered_map<std::string, int> used;
    int unnamed = 0;
    for (pugi::xml_node n = root; n;) {
        if (n.type() == pugi::node_element && local_name(n.name()) == "noot") {
            NoteInfo info;
            for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
                if (c.type() == pugi::node_element && local_name(c.name()) == "noot.nr") info.label = text_content(c);
            const std::string source_id = n.attribute("id").value();
            std::string id = !source_id.empty() ? source_id
                             : !info.label.empty() ? "fn" + info.label
                                                   : "fn-" + std::to_string(++unnamed);
            if (int& seen = used[id]; seen++ > 0) id += "-" + std::to_string(seen);
            info.id = id;
            notes_by_node_[n.internal_object()] = info;
            if (!source_id.empty()) notes_by_source_id_.emplace(source_id, info);
        }
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != root && !n.next_sibling()) n = n.parent();
        if (!n || n == root) break;
        n = n.next_sibling();
    }
}

void BodyBuilder::unknown(pugi::xml_node node, const std::string& path) {
    const auto [it, added] = unknown_index_.emplace(node.name(), unknown_.size());
    if (added) unknown_.push_back({node.name(), Unknown{1, path}});
    else ++unknown_[it->second].second.count;
}

void BodyBuilder::finish() {
    for (const auto& [name, u] : unknown_)
        doc_.warn("unknown-element",
                  "element <" + name + "> is not in the oep-xml mapping; its text is kept where it stands" +
                      (u.count > 1 ? " (" + std::to_string(u.count) + " times)" : std::string()),
                  u.first_path);
    unknown_.clear();
    unknown_index_.clear();
}

// ---------------------------------------------------------------- inline

void BodyBuilder::inline_children(pugi::xml_node node, std::vector<Inline>& out, std::uint8_t styles,
                                  const std::string& path, int depth) {
    guard(depth);
    SiblingSteps steps(node);
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        inline_node(c, out, styles, c.type() == pugi::node_element ? path + steps(c) : path, depth);
}

void BodyBuilder::inline_node(pugi::xml_node node, std::vector<Inline>& out, std::uint8_t styles,
                              const std::string& path, int depth) {
    const pugi::xml_node_type type = node.type();
    if (type == pugi::node_pcdata || type == pugi::node_cdata) {
        out.push_back(text_run(node.value(), styles));
        return;
    }
    if (type != pugi::node_element) return;  // comments and processing instructions carry no text
    const std::string_view name = local_name(node.name());
    const Kind kind = kind_of(node.name());
    if (name == "noot") {
        out.push_back(footnote(node, path, depth + 1));
        return;
    }
    if (name == "br") {
        out.push_back(Inline{InlineKind::line_break, {}, styles, {}});
        return;
    }
    if (name == "nadruk") {
        inline_children(node, out, styles | style_of(node.attribute("type").value()), path, depth + 1);
    } else if (name == "sup") {
        inline_children(node, out, styles | style::superscript, path, depth + 1);
    } else if (name == "inf") {
        inline_children(node, out, styles | style::subscript, path, depth + 1);
    } else if (name == "extref" || name == "dossierref") {
        std::string target = node.attribute(name == "extref" ? "doc" : "dossier").value();
        if (target.empty()) target = node.attribute("href").value();
        std::vector<Inline> inner;
        inline_children(node, inner, styles, path, depth + 1);
        const bool simple = std::all_of(inner.begin(), inner.end(), [](const Inline& i) { return i.kind == InlineKind::text; });
        if (target.empty() || !simple) {
            out.insert(out.end(), inner.begin(), inner.end());
            return;
        }
        Inline link{InlineKind::link, {}, styles, collapse_space(target)};
        for (const Inline& i : inner) link.text += i.text;
        out.push_back(std::move(link));
    } else if (name == "nootref") {
        const std::string refid = node.attribute("refid").value();
        const auto it = notes_by_source_id_.find(refid);
        if (it != notes_by_source_id_.end()) {
            out.push_back(Inline{InlineKind::note_ref, it->second.label, style::superscript, it->second.id});
            inline_children(node, out, styles, path, depth + 1);  // a nootref is empty; keep any text all the same
        } else {
            out.push_back(Inline{InlineKind::note_ref, text_content(node), style::superscript, refid});
        }
    } else if (name == "naam") {
        // <voornaam>K.H.</voornaam><achternaam>Ollongren</achternaam>: the print has a space between.
        bool previous_element = false;
        SiblingSteps steps(node);
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
            const bool element = c.type() == pugi::node_element;
            if (element && previous_element) out.push_back(text_run(" ", styles));
            inline_node(c, out, styles, element ? path + steps(c) : path, depth + 1);
            previous_element = element;
        }
    } else {
        if (kind == Kind::unknown) unknown(node, path);
        inline_children(node, out, styles, path, depth + 1);
    }
}

Inline BodyBuilder::footnote(pugi::xml_node noot, const std::string& path, int depth) {
    guard(depth);
    const auto it = notes_by_node_.find(noot.internal_object());
    NoteInfo info = it != notes_by_node_.end() ? it->second : NoteInfo{"fn" + text_content(noot.child("noot.nr")), {}};
    if (info.label.empty()) info.label = text_content(noot.child("noot.nr"));
    Footnote f;
    f.id = info.id;
    f.label = info.label;
    f.source.path = path;
    bool first_paragraph = true;
    SiblingSteps steps(noot);
    for (pugi::xml_node c = noot.first_child(); c; c = c.next_sibling()) {
        const bool element = c.type() == pugi::node_element;
        const std::string_view name = element ? local_name(c.name()) : std::string_view{};
        const std::string c_path = element ? path + steps(c) : path;
        if (name == "noot.nr") continue;
        if (name == "noot.al" || name == "al") {
            if (!first_paragraph) f.inlines.push_back(Inline{InlineKind::line_break, {}, style::none, {}});
            first_paragraph = false;
            inline_children(c, f.inlines, style::none, c_path, depth + 1);
        } else {
            inline_node(c, f.inlines, style::none, c_path, depth + 1);
        }
    }
    normalise_inlines(f.inlines);
    doc_.footnotes.push_back(std::move(f));
    return Inline{InlineKind::note_ref, info.label, style::superscript, info.id};
}

Block BodyBuilder::text_block(pugi::xml_node node, BlockType type, const std::string& path, int depth, std::string role) {
    Block b;
    b.type = type;
    b.role = std::move(role);
    b.source.path = path;
    inline_children(node, b.inlines, style::none, path, depth + 1);
    normalise_inlines(b.inlines);
    return b;
}

// ---------------------------------------------------------------- blocks

void BodyBuilder::blocks(pugi::xml_node container, std::vector<Block>& out, const std::string& path, int depth,
                         pugi::xml_node skip_a, pugi::xml_node skip_b) {
    guard(depth);
    SiblingSteps steps(container);
    Block loose;  // running text directly in the container, between blocks
    loose.source.path = path;
    auto flush = [&] {
        normalise_inlines(loose.inlines);
        if (!loose.inlines.empty()) out.push_back(std::move(loose));
        loose = Block{};
        loose.source.path = path;
    };
    bool last_was_lid = false;
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
        const pugi::xml_node_type type = c.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            if (!loose.inlines.empty() || !only_space(c.value())) loose.inlines.push_back(text_run(c.value()));
            continue;
        }
        if (type != pugi::node_element) continue;
        const std::string child_path = path + steps(c);
        if (c == skip_a || c == skip_b) continue;
        const Kind kind = kind_of(c.name());
        if (kind == Kind::inline_level) {
            inline_node(c, loose.inlines, style::none, child_path, depth + 1);
            continue;
        }
        flush();
        block(c, kind, out, child_path, depth + 1, last_was_lid);
    }
    flush();
}

void BodyBuilder::one(pugi::xml_node element, std::vector<Block>& out, const std::string& path, int depth) {
    if (element.type() != pugi::node_element) return;
    bool last_was_lid = false;
    const Kind kind = kind_of(element.name());
    if (kind != Kind::inline_level) return block(element, kind, out, path, depth, last_was_lid);
    Block p;
    p.source.path = path;
    inline_node(element, p.inlines, style::none, path, depth);
    normalise_inlines(p.inlines);
    if (!p.inlines.empty()) out.push_back(std::move(p));
}

void BodyBuilder::block(pugi::xml_node c, Kind kind, std::vector<Block>& out, const std::string& path, int depth,
                        bool& last_was_lid) {
    guard(depth);
    const bool was_lid = last_was_lid;
    last_was_lid = false;
    switch (kind) {
        case Kind::paragraph: {
            // An al that holds a list or table: its running text and its blocks in order.
            const bool holds_blocks = [&] {
                for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling())
                    if (g.type() == pugi::node_element) {
                        const Kind k = kind_of(g.name());
                        if (k == Kind::list || k == Kind::table || k == Kind::paragraph || k == Kind::group) return true;
                    }
                return false;
            }();
            if (holds_blocks) {
                blocks(c, out, path, depth);
                return;
            }
            Block p = text_block(c, BlockType::paragraph, path, depth);
            if (!p.inlines.empty()) out.push_back(std::move(p));
            return;
        }
        case Kind::date_line: {
            Block p = text_block(c, BlockType::paragraph, path, depth, "date-line");
            if (!p.inlines.empty()) out.push_back(std::move(p));
            return;
        }
        case Kind::container: return blocks(c, out, path, depth);
        case Kind::group:
            if (flavour_ == Flavour::kamerstuk && is_name_group(c)) return out.push_back(name_group(c, path, depth));
            return blocks(c, out, path, depth);
        case Kind::list: return out.push_back(list(c, path, depth));
        case Kind::lid: {
            Block item = list_item(c, "lidnr", path, depth);
            if (was_lid && !out.empty() && out.back().type == BlockType::list) {
                out.back().children.push_back(std::move(item));
                out.back().ordered = out.back().ordered || !is_bullet(out.back().children.back().label);
            } else {
                Block l;
                l.type = BlockType::list;
                l.label = "leden";
                l.ordered = !is_bullet(item.label);
                l.source.path = path;
                l.children.push_back(std::move(item));
                out.push_back(std::move(l));
            }
            last_was_lid = true;
            return;
        }
        case Kind::division: return out.push_back(section(c, path, depth, local_name(c.name()) == "bijlage" ? "bijlage" : ""));
        case Kind::article: return out.push_back(section(c, path, depth, "article"));
        case Kind::subheading: {
            Block h = text_block(c, BlockType::heading, path, depth);
            h.level = section_level + 1;
            if (!h.inlines.empty()) out.push_back(std::move(h));
            return;
        }
        case Kind::heading: return out.push_back(heading_from_kop(c, path, section_level + 1, depth));
        case Kind::table: {
            std::vector<Block> after;  // content of the table element that is neither caption nor rows
            Block t = table(c, path, depth, after);
            out.push_back(std::move(t));
            for (Block& b : after) out.push_back(std::move(b));
            return;
        }
        case Kind::signature: return out.push_back(signature(c, path, depth));
        case Kind::figure: return out.push_back(figure(c, path, depth));
        case Kind::wijziging: return out.push_back(labelled_section(c, "nr", nullptr, path, depth, "wijziging"));
        case Kind::question: return out.push_back(labelled_section(c, "nr", nullptr, path, depth, "question"));
        case Kind::answer: return out.push_back(labelled_section(c, "nr", nullptr, path, depth, "answer"));
        case Kind::agendapunt:
            return out.push_back(labelled_section(c, "nr", "item-titel", path, depth, local_name(c.name()).data()));
        case Kind::speech: return out.push_back(speech(c, path, depth));
        case Kind::definitions: return out.push_back(definitions(c, path, depth));
        case Kind::subject: {
            const std::size_t first = out.size();
            blocks(c, out, path, depth);
            for (std::size_t i = first; i < out.size(); ++i)
                if (out[i].role.empty()) out[i].role = "subject";
            return;
        }
        case Kind::header: return header_lines(c, std::string(local_name(c.name())));
        case Kind::meta:
            for (pugi::xml_node m = c.first_child(); m; m = m.next_sibling())
                if (m.type() == pugi::node_element)
                    doc_.metadata.raw.push_back(Field{m.attribute("name").value(),
                                                      collapse_space(m.attribute("content").value()),
                                                      m.attribute("scheme").value()});
            return;
        case Kind::inline_level: {
            Block p;
            p.source.path = path;
            inline_node(c, p.inlines, style::none, path, depth);
            normalise_inlines(p.inlines);
            if (!p.inlines.empty()) out.push_back(std::move(p));
            return;
        }
        case Kind::unknown: {
            unknown(c, path);
            bool holds_blocks = false;
            for (pugi::xml_node g = c.first_child(); g && !holds_blocks; g = g.next_sibling())
                holds_blocks = g.type() == pugi::node_element && kind_of(g.name()) != Kind::inline_level &&
                               kind_of(g.name()) != Kind::unknown;
            if (holds_blocks) return blocks(c, out, path, depth);
            Block p = text_block(c, BlockType::paragraph, path, depth);
            if (!p.inlines.empty()) out.push_back(std::move(p));
            return;
        }
    }
}

void BodyBuilder::header_lines(pugi::xml_node node, const std::string& field_name) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) {
            const char* qualifier = c.attribute("inhoud").value();
            doc_.metadata.raw.push_back(Field{field_name + "/" + c.name(), text_content(c), qualifier});
        } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !only_space(c.value())) {
            doc_.metadata.raw.push_back(Field{field_name, collapse_space(c.value()), {}});
        }
    }
}

Block BodyBuilder::heading_from_kop(pugi::xml_node kop, const std::string& path, int level, int depth) {
    Block h;
    h.type = BlockType::heading;
    h.level = level;
    h.source.path = path;
    std::string label;
    SiblingSteps steps(kop);
    for (pugi::xml_node c = kop.first_child(); c; c = c.next_sibling()) {
        const bool element = c.type() == pugi::node_element;
        const std::string_view name = element ? local_name(c.name()) : std::string_view{};
        const std::string c_path = element ? path + steps(c) : path;
        if (name == "label" || name == "nr") {
            const std::string part = text_content(c);
            if (!part.empty()) label += (label.empty() ? "" : " ") + part;
        } else if (name == "titel") {
            inline_children(c, h.inlines, style::none, c_path, depth + 1);
        } else {
            inline_node(c, h.inlines, style::none, c_path, depth + 1);
        }
    }
    h.label = label;
    normalise_inlines(h.inlines);
    return h;
}

Block BodyBuilder::section(pugi::xml_node node, const std::string& path, int depth, const char* role) {
    Block s;
    s.type = BlockType::section;
    s.role = role;
    s.source.path = path;
    const int saved = section_level;
    section_level = saved + 1;
    pugi::xml_node kop;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == "kop") {
            kop = c;
            break;
        }
    if (kop) s.children.push_back(heading_from_kop(kop, path + step(kop), section_level, depth));
    blocks(node, s.children, path, depth, kop);
    section_level = saved;
    return s;
}

Block BodyBuilder::labelled_section(pugi::xml_node node, const char* label_element, const char* title_element,
                                    const std::string& path, int depth, const char* role) {
    Block s;
    s.type = BlockType::section;
    s.role = role;
    s.source.path = path;
    const int saved = section_level;
    section_level = saved + 1;
    pugi::xml_node label = node.child(label_element);
    pugi::xml_node title = title_element ? node.child(title_element) : pugi::xml_node();
    if (label || title) {
        Block h;
        h.type = BlockType::heading;
        h.level = section_level;
        h.source.path = path + step(title ? title : label);
        if (label) h.label = text_content(label);
        if (title) inline_children(title, h.inlines, style::none, h.source.path, depth + 1);
        normalise_inlines(h.inlines);
        s.children.push_back(std::move(h));
    }
    blocks(node, s.children, path, depth, label, title);
    section_level = saved;
    return s;
}

Block BodyBuilder::list(pugi::xml_node lijst, const std::string& path, int depth) {
    Block l;
    l.type = BlockType::list;
    l.label = lijst.attribute("type").value();
    l.source.path = path;
    bool lid_run = false;
    SiblingSteps steps(lijst);
    for (pugi::xml_node c = lijst.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            if (only_space(c.value())) continue;
            Block item;
            item.type = BlockType::list_item;
            item.source.path = path;
            item.inlines.push_back(text_run(c.value()));
            normalise_inlines(item.inlines);
            l.children.push_back(std::move(item));
            continue;
        }
        if (c.type() != pugi::node_element) continue;
        const std::string child_path = path + steps(c);
        if (local_name(c.name()) == "li") {
            l.children.push_back(list_item(c, "li.nr", child_path, depth + 1));
            continue;
        }
        // Anything else in a list becomes an unlabelled item holding it.
        Block item;
        item.type = BlockType::list_item;
        item.source.path = child_path;
        block(c, kind_of(c.name()), item.children, child_path, depth + 1, lid_run);
        if (!item.children.empty()) l.children.push_back(std::move(item));
    }
    l.ordered = std::any_of(l.children.begin(), l.children.end(), [](const Block& i) { return !is_bullet(i.label); });
    return l;
}

Block BodyBuilder::list_item(pugi::xml_node li, const char* label_element, const std::string& path, int depth) {
    Block item;
    item.type = BlockType::list_item;
    item.source.path = path;
    pugi::xml_node label, first_al;
    for (pugi::xml_node c = li.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) {
            if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !only_space(c.value())) break;
            continue;
        }
        const std::string_view name = local_name(c.name());
        if (name == label_element && !label) {
            label = c;
            continue;
        }
        if (name == "al" && !first_al) first_al = c;
        break;
    }
    if (label) item.label = text_content(label);
    if (first_al) {
        bool holds_blocks = false;
        for (pugi::xml_node g = first_al.first_child(); g && !holds_blocks; g = g.next_sibling())
            holds_blocks = g.type() == pugi::node_element &&
                           (kind_of(g.name()) == Kind::list || kind_of(g.name()) == Kind::table);
        if (holds_blocks) first_al = pugi::xml_node();
    }
    if (first_al) {
        inline_children(first_al, item.inlines, style::none, path + step(first_al), depth + 1);
        normalise_inlines(item.inlines);
    }
    blocks(li, item.children, path, depth, label, first_al);
    // Running text of the li itself (no al): it is the item's text.
    if (item.inlines.empty() && !item.children.empty() && item.children.front().type == BlockType::paragraph &&
        item.children.front().source.path == path && item.children.front().role.empty()) {
        item.inlines = std::move(item.children.front().inlines);
        item.children.erase(item.children.begin());
    }
    return item;
}

Block BodyBuilder::definitions(pugi::xml_node node, const std::string& path, int depth) {
    Block l;
    l.type = BlockType::list;
    l.label = "definitielijst";
    l.source.path = path;
    SiblingSteps steps(node);
    for (pugi::xml_node item = node.first_child(); item; item = item.next_sibling()) {
        if (item.type() != pugi::node_element) continue;
        const std::string item_path = path + steps(item);
        Block li;
        li.type = BlockType::list_item;
        li.source.path = item_path;
        pugi::xml_node term = item.child("term"), nr = item.child("li.nr");
        if (local_name(item.name()) != "definitie-item") {
            bool dummy = false;
            block(item, kind_of(item.name()), li.children, item_path, depth + 1, dummy);
        } else {
            if (nr) li.label = text_content(nr);
            if (term) inline_children(term, li.inlines, style::none, item_path + step(term), depth + 1);
            normalise_inlines(li.inlines);
            blocks(item, li.children, item_path, depth + 1, term, nr);
        }
        l.children.push_back(std::move(li));
    }
    l.ordered = std::any_of(l.children.begin(), l.children.end(), [](const Block& i) { return !i.label.empty() && !is_bullet(i.label); });
    return l;
}

Block BodyBuilder::table(pugi::xml_node table, const std::string& path, int depth, std::vector<Block>& after) {
    Block t;
    t.type = BlockType::table;
    t.source.path = path;
    SiblingSteps table_steps(table);
    for (pugi::xml_node c = table.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view name = local_name(c.name());
        const std::string c_path = path + table_steps(c);
        if (name == "title") {
            inline_children(c, t.inlines, style::none, c_path, depth + 1);
            continue;
        }
        if (name != "tgroup") {
            bool dummy = false;
            block(c, kind_of(c.name()), after, c_path, depth + 1, dummy);
            continue;
        }
        std::map<std::string, int, std::less<>> columns;
        std::map<std::string, std::pair<std::string, std::string>, std::less<>> spans;
        int next_column = 1;
        SiblingSteps part_steps(c);
        for (pugi::xml_node part = c.first_child(); part; part = part.next_sibling()) {
            if (part.type() != pugi::node_element) continue;
            const std::string_view part_name = local_name(part.name());
            const std::string part_path = c_path + part_steps(part);
            if (part_name == "colspec") {
                const int number = to_int(part.attribute("colnum").value(), next_column);
                next_column = number + 1;
                if (*part.attribute("colname").value()) columns[part.attribute("colname").value()] = number;
                continue;
            }
            if (part_name == "spanspec") {
                spans[part.attribute("spanname").value()] = {part.attribute("namest").value(), part.attribute("nameend").value()};
                continue;
            }
            const bool head = part_name == "thead";
            if (part_name != "thead" && part_name != "tbody" && part_name != "tfoot") {
                bool dummy = false;
                block(part, kind_of(part.name()), after, part_path, depth + 1, dummy);
                continue;
            }
            SiblingSteps row_steps(part);
            for (pugi::xml_node row = part.first_child(); row; row = row.next_sibling()) {
                if (row.type() != pugi::node_element) continue;
                const std::string row_path = part_path + row_steps(row);
                Block r;
                r.type = BlockType::table_row;
                r.header = head;
                r.source.path = row_path;
                SiblingSteps entry_steps(row);
                for (pugi::xml_node entry = row.first_child(); entry; entry = entry.next_sibling()) {
                    if (entry.type() != pugi::node_element) continue;
                    const std::string entry_path = row_path + entry_steps(entry);
                    Block cell;
                    cell.type = BlockType::table_cell;
                    cell.header = head;
                    cell.source.path = entry_path;
                    std::string start = entry.attribute("namest").value(), end = entry.attribute("nameend").value();
                    if (const char* span = entry.attribute("spanname").value(); *span && spans.count(span))
                        std::tie(start, end) = spans[span];
                    if (!start.empty() && !end.empty() && columns.count(start) && columns.count(end))
                        cell.col_span = std::clamp(columns[end] - columns[start] + 1, 1, 1000);
                    cell.row_span = std::clamp(to_int(entry.attribute("morerows").value(), 0) + 1, 1, 100000);
                    // One al: the cell's own text; anything more: its children.
                    int elements = 0;
                    pugi::xml_node only;
                    for (pugi::xml_node g = entry.first_child(); g; g = g.next_sibling())
                        if (g.type() == pugi::node_element) ++elements, only = g;
                    if (elements == 1 && local_name(only.name()) == "al") {
                        for (pugi::xml_node g = entry.first_child(); g; g = g.next_sibling()) {
                            if (g == only) inline_children(g, cell.inlines, style::none, entry_path + step(g), depth + 2);
                            else inline_node(g, cell.inlines, style::none, entry_path, depth + 1);  // text only
                        }
                        normalise_inlines(cell.inlines);
                    } else {
                        blocks(entry, cell.children, entry_path, depth + 1);
                        if (cell.children.size() == 1 && cell.children[0].type == BlockType::paragraph &&
                            cell.children[0].source.path == entry_path) {
                            cell.inlines = std::move(cell.children[0].inlines);
                            cell.children.clear();
                        }
                    }
                    r.children.push_back(std::move(cell));
                }
                t.children.push_back(std::move(r));
            }
        }
    }
    normalise_inlines(t.inlines);
    return t;
}

bool BodyBuilder::is_name_group(pugi::xml_node group) const {
    int names = 0;
    for (pugi::xml_node c = group.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            if (!only_space(c.value())) return false;
            continue;
        }
        if (c.type() != pugi::node_element) continue;
        if (local_name(c.name()) != "al" || !name_like(text_content(c))) return false;
        for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling())
            if (g.type() == pugi::node_element && kind_of(g.name()) != Kind::inline_level) return false;
        ++names;
    }
    return names > 0;
}

Block BodyBuilder::name_group(pugi::xml_node group, const std::string& path, int depth) {
    Block s;
    s.type = BlockType::signature;
    s.source.path = path;
    SiblingSteps steps(group);
    for (pugi::xml_node c = group.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        Block name = text_block(c, BlockType::paragraph, path + steps(c), depth + 1, "name");
        people.push_back(Person{plain_text(name), "signatory", {}, {}});
        s.children.push_back(std::move(name));
    }
    return s;
}

Block BodyBuilder::signature(pugi::xml_node node, const std::string& path, int depth) {
    Block s;
    s.type = BlockType::signature;
    s.source.path = path;
    Block pending;
    pending.source.path = path;
    auto flush = [&](const char* role) {
        normalise_inlines(pending.inlines);
        if (!pending.inlines.empty()) {
            pending.role = role;
            s.children.push_back(std::move(pending));
        }
        pending = Block{};
        pending.source.path = path;
    };
    bool named = false;
    SiblingSteps steps(node);
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        const bool element = c.type() == pugi::node_element;
        const std::string_view name = element ? local_name(c.name()) : std::string_view{};
        const std::string c_path = element ? path + steps(c) : path;
        if (name == "naam") {
            flush("function");
            Block n;
            n.source.path = c_path;
            inline_node(c, n.inlines, style::none, c_path, depth + 1);
            normalise_inlines(n.inlines);
            n.role = "name";
            s.children.push_back(std::move(n));
            named = true;
        } else if (name == "al") {
            flush(named ? "" : "function");
            Block p = text_block(c, BlockType::paragraph, c_path, depth + 1);
            const std::string text = plain_text(p);
            p.role = ends_with(text, ",") ? "function" : "name";
            if (!p.inlines.empty()) s.children.push_back(std::move(p));
        } else {
            inline_node(c, pending.inlines, style::none, c_path, depth + 1);
        }
    }
    flush(named ? "" : "name");
    std::string function;
    for (const Block& b : s.children) {
        if (b.role == "function") function = function_of(plain_text(b));
        if (b.role == "name") people.push_back(Person{plain_text(b), "signatory", function, {}});
    }
    return s;
}

Block BodyBuilder::speech(pugi::xml_node node, const std::string& path, int depth) {
    Block turn;
    turn.type = BlockType::speaker_turn;
    turn.source.path = path;
    pugi::xml_node speaker;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && (local_name(c.name()) == "spreker" || local_name(c.name()) == "wie")) {
            speaker = c;
            break;
        }
    if (speaker) {
        for (pugi::xml_node c = speaker.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view name = local_name(c.name());
            if (name == "naam") {
                std::vector<Inline> parts;
                inline_node(c, parts, style::none, path, depth + 1);  // its text only; no path is recorded
                normalise_inlines(parts);
                turn.speaker.name = plain_text(parts);
            } else if (name == "functie") {
                turn.speaker.function = text_content(c);
            } else if (name == "politiek") {
                turn.speaker.party = text_content(c);
            }
        }
        // "De voorzitter": a function in the name slot.
        const std::string& n = turn.speaker.name;
        if (!n.empty() && n[0] >= 'a' && n[0] <= 'z' && turn.speaker.function.empty()) {
            turn.speaker.function = n;
            turn.speaker.name.clear();
        }
        turn.children.push_back(text_block(speaker, BlockType::paragraph, path + step(speaker), depth + 1, "speaker"));
        if (!turn.speaker.name.empty())
            people.push_back(Person{turn.speaker.name, "speaker", turn.speaker.function, turn.speaker.party});
    }
    blocks(node, turn.children, path, depth, speaker);
    return turn;
}

Block BodyBuilder::figure(pugi::xml_node node, const std::string& path, int depth) {
    Block f;
    f.type = BlockType::figure;
    f.source.path = path;
    pugi::xml_node image = local_name(node.name()) == "illustratie" ? node : node.child("illustratie");
    if (image) f.label = image.attribute("naam").value();
    SiblingSteps steps(node);
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        const std::string c_path = c.type() == pugi::node_element ? path + steps(c) : path;
        if (c != image) inline_node(c, f.inlines, style::none, c_path, depth + 1);
    }
    const char* alt = image ? image.attribute("alt").value() : "";
    if (*alt) {
        if (!f.inlines.empty()) f.inlines.push_back(text_run(" "));
        f.inlines.push_back(text_run(alt));
    }
    normalise_inlines(f.inlines);
    return f;
}

}  // namespace stukwerk::oep
