#include "vlos_body.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include <stukwerk/error.hpp>

#include "xml_names.hpp"

namespace stukwerk::tk {
namespace {

// Calls f(child, local name, path) for each child element, with the path
// indexed among same-named siblings as the conventions ask (".../alinea[3]").
template <class F>
void each_child(pugi::xml_node node, const std::string& path, F&& f) {
    std::vector<std::pair<std::string_view, int>> counts;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view local = local_name(c.name());
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == local; });
        if (it == counts.end()) it = counts.insert(counts.end(), {local, 0});
        ++it->second;
        f(c, local, path + "/" + std::string(local) + "[" + std::to_string(it->second) + "]");
    }
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
    return {};
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string collapse(std::string_view s) {
    std::string out;
    bool space = true;
    for (char c : s) {
        if (is_ws(c)) {
            if (!space) out += ' ';
            space = true;
        } else {
            out += c;
            space = false;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string child_text(pugi::xml_node node, std::string_view local) { return collapse(text_of(child(node, local))); }

// Whitespace collapsed across runs and trimmed; adjacent runs of one style merged.
void normalise(std::vector<Inline>& runs) {
    std::vector<Inline> out;
    bool space = true;
    for (Inline& in : runs) {
        if (in.kind == InlineKind::line_break) {
            out.push_back(std::move(in));
            space = true;
            continue;
        }
        std::string text;
        for (char c : in.text) {
            if (is_ws(c)) {
                if (!space) text += ' ';
                space = true;
            } else {
                text += c;
                space = false;
            }
        }
        if (text.empty()) continue;
        if (!out.empty() && out.back().kind == in.kind && out.back().styles == in.styles && out.back().target == in.target &&
            in.kind == InlineKind::text) {
            out.back().text += text;
        } else {
            in.text = std::move(text);
            out.push_back(std::move(in));
        }
    }
    while (!out.empty()) {
        std::string& t = out.back().text;
        while (!t.empty() && t.back() == ' ') t.pop_back();
        if (!t.empty() || out.back().kind == InlineKind::line_break) break;
        out.pop_back();
    }
    runs = std::move(out);
}

std::uint8_t style_of(std::string_view type) {
    if (type == "Vet") return style::bold;
    if (type == "Schuin") return style::italic;
    if (type == "Bovenschrift") return style::superscript;
    if (type == "Onderschrift") return style::subscript;
    return style::none;
}

// The label line a turn opens with ("De heer Pechtold (D66):").
void mark_speaker_label(Block& turn) {
    if (turn.children.empty()) return;
    Block& first = turn.children.front();
    const std::string text = plain_text(first);
    if (first.type == BlockType::paragraph && first.role.empty() && !text.empty() && text.back() == ':' &&
        text.size() <= 150)
        first.role = "speaker-label";
}

bool is_true(pugi::xml_node node) {
    const std::string v = collapse(text_of(node));
    return v == "true" || v == "1";
}

// Block paths ("body/3/0") for every block's source path.
void map_paths(const std::vector<Block>& blocks, const std::string& prefix,
               std::unordered_map<std::string, std::string>& out) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::string path = prefix + "/" + std::to_string(i);
        if (!blocks[i].source.path.empty()) out.emplace(blocks[i].source.path, path);
        map_paths(blocks[i].children, path, out);
    }
}

}  // namespace

std::string compact_dossier(std::string_view s) {
    std::string digits, rest;
    std::size_t i = 0;
    while (i < s.size() && is_ws(s[i])) ++i;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == ' '); ++i)
        if (s[i] != ' ') digits += s[i];
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (is_ws(c) || c == '-') {
            if (!rest.empty() && rest.back() != '-') rest += '-';
        } else {
            if (rest.empty()) rest += '-';
            rest += c;
        }
    }
    while (!rest.empty() && rest.back() == '-') rest.pop_back();
    return digits.empty() ? std::string() : digits + rest;
}

void VlosBody::build(pugi::xml_node vergadering, const std::string& path) {
    each_child(vergadering, path, [&](pugi::xml_node c, std::string_view name, const std::string& p) {
        if (name == "activiteit") activiteit(c, p, doc_.body);
        else if (name == "draadboekfragment") fragment(c, p, doc_.body, {});
        else if (name == "bijlages") bijlages(c, p, doc_.body);
        else if (name == "zaken") zaken(c, p, doc_.body, {}, false);
    });
}

void VlosBody::finish() {
    std::unordered_map<std::string, std::string> where;
    map_paths(doc_.body, "body", where);
    for (PendingReference& p : pending_) {
        const auto it = where.find(p.anchor);
        p.reference.where = it == where.end() ? std::string() : it->second;
        doc_.references.push_back(std::move(p.reference));
    }
    pending_.clear();
}

// An activiteit (agenda item, heading level 2) or activiteithoofd (a part
// of it, level 3) as a section: its title as heading, its subject when it
// says more than the title, then its content; `part` reads the children
// that differ between the two and answers false for any it does not know.
void VlosBody::section(pugi::xml_node node, const std::string& path, int level, std::vector<Block>& out,
                       const std::function<bool(pugi::xml_node, std::string_view, const std::string&, Block&)>& part) {
    Block sec;
    sec.type = BlockType::section;
    sec.role = node.attribute("soort").value();
    sec.source.path = path;
    const std::string titel = child_text(node, "titel");
    const std::string onderwerp = child_text(node, "onderwerp");
    each_child(node, path, [&](pugi::xml_node c, std::string_view name, const std::string& p) {
        if (name == "titel") {
            Block h;
            h.type = BlockType::heading;
            h.level = level;
            h.inlines.push_back(text_run(titel));
            h.source.path = p;
            sec.children.push_back(std::move(h));
        } else if (name == "onderwerp") {
            if (!onderwerp.empty() && onderwerp != titel) {
                Block s = paragraph(onderwerp, "subject");
                s.source.path = p;
                sec.children.push_back(std::move(s));
            }
        } else if (name == "tekst") {
            tekst(c, p, sec.children);
        } else if (name == "zaken") {
            zaken(c, p, sec.children, path, true);
        } else if (name == "draadboekfragment") {
            fragment(c, p, sec.children, {});
        } else if (!part(c, name, p, sec)) {
            unknown(c, p, sec.children);
        }
    });
    out.push_back(std::move(sec));
}

void VlosBody::activiteit(pugi::xml_node node, const std::string& path, std::vector<Block>& out) {
    section(node, path, 2, out, [&](pugi::xml_node c, std::string_view name, const std::string& p, Block& sec) {
        if (name == "parlisid") {
            const std::string id = collapse(text_of(c));
            if (!id.empty()) identifiers_.push_back(Identifier{"tk-activiteit", id});
        } else if (name == "activiteitenindex") {
            each_child(c, p, [&](pugi::xml_node cat, std::string_view, const std::string&) {
                const std::string s = collapse(text_of(cat));
                if (!s.empty() && std::find(subjects_.begin(), subjects_.end(), s) == subjects_.end()) subjects_.push_back(s);
            });
        } else if (name == "activiteithoofd") {
            hoofd(c, p, sec.children);
        } else {
            return name == "aanvangstijd" || name == "eindtijd" || name == "voortzetting" || name == "relaties";
        }
        return true;
    });
}

void VlosBody::hoofd(pugi::xml_node node, const std::string& path, std::vector<Block>& out) {
    section(node, path, 3, out, [&](pugi::xml_node c, std::string_view name, const std::string& p, Block& sec) {
        if (name == "activiteitdeel") {
            deel_or_item(c, p, sec.children);
            return true;
        }
        return name == "markeertijdbegin" || name == "markeertijdeind" || name == "sprekers" ||
               name == "activiteitenindex";
    });
}

// An activiteitdeel (one speaker's turn at the lectern) and the
// activiteititem inside it only group speeches: their content joins the
// enclosing section in order.
void VlosBody::deel_or_item(pugi::xml_node node, const std::string& path, std::vector<Block>& out) {
    each_child(node, path, [&](pugi::xml_node c, std::string_view name, const std::string& p) {
        if (name == "activiteititem") {
            deel_or_item(c, p, out);
        } else if (name == "woordvoerder") {
            speech(c, p, out);
        } else if (name == "tekst") {
            tekst(c, p, out);
        } else if (name == "draadboekfragment") {
            fragment(c, p, out, {});
        } else if (name == "stemmingen") {
            stemmingen(c, p, out);
        } else if (name == "besluitvorm" || name == "uitslag") {
            const std::string v = collapse(text_of(c));
            if (!v.empty()) {
                Block b = paragraph(v, std::string(name));
                b.source.path = p;
                out.push_back(std::move(b));
            }
        } else if (name == "titel" && local_name(node.name()) == "activiteititem" &&
                   std::string_view(node.attribute("soort").value()) != "Woordvoerder") {
            // A decision's or vote's title says what was decided.
            const std::string v = collapse(text_of(c));
            if (!v.empty()) {
                Block b = paragraph(v, "item-title");
                b.source.path = p;
                out.push_back(std::move(b));
            }
        } else if (name != "spreker" && name != "titel" && name != "isnieuw" && name != "markeertijdbegin" &&
                   name != "markeertijdeind") {
            unknown(c, p, out);
        }
    });
}

Speaker VlosBody::speaker(pugi::xml_node spreker, bool chair) {
    Speaker s;
    s.name = child_text(spreker, "verslagnaam");
    if (s.name.empty()) s.name = child_text(spreker, "weergavenaam");
    if (s.name.empty()) s.name = collapse(child_text(spreker, "voornaam") + " " + child_text(spreker, "achternaam"));
    s.function = child_text(spreker, "functie");
    const pugi::xml_node fractie = child(spreker, "fractie");
    // VLOS 2.0 gives <fractie><naam/><afkorting/></fractie>; older messages the abbreviation as text.
    s.party = child(fractie, "afkorting") ? child_text(fractie, "afkorting") : collapse(text_of(fractie));
    if (s.name.empty()) return s;
    const std::string role = chair ? "chair" : "speaker";
    std::string key = spreker.attribute("objectid").value();
    if (key.empty()) key = s.name;
    key += '\n' + role;
    if (!person_index_.count(key)) {
        person_index_.emplace(key, people_.size());
        people_.push_back(Person{s.name, role, s.function, s.party});
    }
    return s;
}

Block VlosBody::turn(pugi::xml_node node, const std::string& path, const std::string& role) {
    Block t;
    t.type = BlockType::speaker_turn;
    t.role = role;
    t.source.path = path;
    t.speaker = speaker(child(node, "spreker"), is_true(child(node, "isvoorzitter")));
    return t;
}

// A woordvoerder's turn, then each interruption of it as a turn of its own.
void VlosBody::speech(pugi::xml_node node, const std::string& path, std::vector<Block>& out) {
    Block main = turn(node, path, is_true(child(node, "isvoorzitter")) ? "chair" : "");
    std::vector<Block> interruptions;
    each_child(node, path, [&](pugi::xml_node c, std::string_view name, const std::string& p) {
        if (name == "tekst") {
            tekst(c, p, main.children);
        } else if (name == "draadboekfragment") {
            fragment(c, p, main.children, path);
        } else if (name == "interrumpant") {
            Block in = turn(c, p, "interruption");
            each_child(c, p, [&](pugi::xml_node ic, std::string_view iname, const std::string& ip) {
                if (iname == "tekst") tekst(ic, ip, in.children);
                else if (iname == "draadboekfragment") fragment(ic, ip, in.children, p);
            });
            interruptions.push_back(std::move(in));
        }
    });
    mark_speaker_label(main);
    for (Block& in : interruptions) mark_speaker_label(in);
    out.push_back(std::move(main));
    for (Block& in : interruptions) out.push_back(std::move(in));
}

// A standard text of the meeting (a motion submitted, a suspension, a
// change of chair): its paragraphs, with role "fragment".
void VlosBody::fragment(pugi::xml_node node, const std::string& path, std::vector<Block>& out,
                        const std::string& anchor) {
    const std::size_t first = out.size();
    std::string zaken_path;
    each_child(node, path, [&](pugi::xml_node c, std::string_view name, const std::string& p) {
        if (name == "tekst") tekst(c, p, out, "fragment");
        else if (name == "zaken") zaken_path = p;
    });
    // Its zaken cite from the block that holds the fragment, or from the
    // fragment's first paragraph when it stands on its own.
    if (const pugi::xml_node z = child(node, "zaken")) {
        std::string at = anchor;
        if (at.empty() && out.size() > first) at = out[first].source.path;
        zaken(z, zaken_path, out, at, false);
    }
}

void VlosBody::tekst(pugi::xml_node node, const std::string& path, std::vector<Block>& out, const std::string& role) {
    each_child(node, path, [&](pugi::xml_node c, std::string_view name, const std::string& p) {
        if (name == "alinea") {
            alinea(c, p, out, role);
        } else if (name == "alineagroep") {
            const std::string_view type = c.attribute("type").value();
            if (type == "Motietekst") {
                Block q;
                q.type = BlockType::quote;
                q.role = "motion";
                q.source.path = p;
                each_child(c, p, [&](pugi::xml_node a, std::string_view, const std::string& ap) { alinea(a, ap, q.children, {}); });
                out.push_back(std::move(q));
            } else {
                const std::string group_role = type == "Motieinfo" ? "motion-info" : role;
                each_child(c, p, [&](pugi::xml_node a, std::string_view, const std::string& ap) {
                    alinea(a, ap, out, group_role);
                });
            }
        } else {
            unknown(c, p, out);
        }
    });
}

void VlosBody::alinea(pugi::xml_node node, const std::string& path, std::vector<Block>& out, const std::string& role) {
    each_child(node, path, [&](pugi::xml_node c, std::string_view name, const std::string& p) {
        if (name == "alineaitem") {
            Block b = alineaitem(c, p, BlockType::paragraph, role);
            if (!b.inlines.empty()) out.push_back(std::move(b));
        } else if (name == "lijst") {
            Block list;
            list.type = BlockType::list;
            list.source.path = p;
            each_child(c, p, [&](pugi::xml_node item, std::string_view, const std::string& ip) {
                Block li = alineaitem(item, ip, BlockType::list_item, {});
                if (!li.inlines.empty()) list.children.push_back(std::move(li));
            });
            if (!list.children.empty()) out.push_back(std::move(list));
        } else {
            unknown(c, p, out);
        }
    });
}

Block VlosBody::alineaitem(pugi::xml_node node, const std::string& path, BlockType type, const std::string& role) {
    Block b;
    b.type = type;
    b.role = role;
    b.source.path = path;
    inlines(node, style::none, b.inlines);
    normalise(b.inlines);
    // "Zij krijgt nr. <stuknummer>915</stuknummer> (<dossiernummer>21501-20</dossiernummer>)":
    // the markup names the Kamerstuk, so it is cited explicitly.
    std::vector<pugi::xml_node> stukken, dossiers;
    for (pugi::xml_node n = node.first_child(); n;) {
        if (n.type() == pugi::node_element) {
            const std::string_view local = local_name(n.name());
            if (local == "stuknummer") stukken.push_back(n);
            if (local == "dossiernummer") dossiers.push_back(n);
        }
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
    for (std::size_t i = 0; i < dossiers.size(); ++i) {
        const std::string dossier = compact_dossier(collapse(text_of(dossiers[i])));
        if (dossier.empty()) continue;
        const std::string stuk = i < stukken.size() ? collapse(text_of(stukken[i])) : std::string();
        add_dossier(dossier, {});
        if (!stuk.empty())
            cite(Reference{stuk + " (" + collapse(text_of(dossiers[i])) + ")", "kst-" + dossier + "-" + stuk, "kamerstuk", {}},
                 path);
        else
            cite(Reference{collapse(text_of(dossiers[i])), "kst-" + dossier, "dossier", {}}, path);
    }
    return b;
}

// Recursive over nested <nadruk>: bounded by the depth limit that
// scan_outline enforced before the tree was built.
void VlosBody::inlines(pugi::xml_node node, std::uint8_t styles, std::vector<Inline>& out) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out.push_back(text_run(c.value(), styles));
        } else if (c.type() == pugi::node_element) {
            const std::string_view local = local_name(c.name());
            const std::uint8_t s = local == "nadruk" ? static_cast<std::uint8_t>(styles | style_of(c.attribute("type").value()))
                                                     : styles;
            inlines(c, s, out);
        }
    }
}

// With `named`, a paragraph in `out` names each zaak and the citation is
// made from it; otherwise (a fragment's zaken, whose text already names
// them) the citation is made from `anchor`.
void VlosBody::zaken(pugi::xml_node node, const std::string& path, std::vector<Block>& out, const std::string& anchor,
                     bool named) {
    each_child(node, path, [&](pugi::xml_node z, std::string_view name, const std::string& p) {
        if (name != "zaak") return;
        const std::string titel = child_text(z, "titel");
        const std::string onderwerp = child_text(z, "onderwerp");
        const std::string dossier_text = child_text(z, "dossiernummer");
        const std::string dossier = compact_dossier(dossier_text);
        const std::string stuk = child_text(z, "stuknummer");
        const std::string parlis = child_text(z, "parlisid");
        if (!parlis.empty()) identifiers_.push_back(Identifier{"tk-zaak", parlis});
        std::string at = anchor;
        if (named) {
            std::string text = titel;
            if (!onderwerp.empty() && onderwerp != titel) text += (text.empty() ? "" : ": ") + onderwerp;
            if (!dossier_text.empty()) text += " (" + dossier_text + (stuk.empty() ? "" : ", nr. " + stuk) + ")";
            if (!text.empty()) {
                Block b = paragraph(text, "zaak");
                b.source.path = p;
                out.push_back(std::move(b));
                at = p;
            }
        }
        if (dossier.empty()) return;
        add_dossier(dossier, stuk.empty() ? onderwerp : std::string());
        // The zaak's title as the citation, unless it only repeats its kind ("Wetgeving").
        std::string cited = titel == z.attribute("soort").value() ? onderwerp : titel;
        if (cited.empty()) cited = dossier_text;
        if (!stuk.empty())
            cite(Reference{cited, "kst-" + dossier + "-" + stuk, "kamerstuk", {}}, at);
        else
            cite(Reference{cited, "kst-" + dossier, "dossier", {}}, at);
    });
}

void VlosBody::bijlages(pugi::xml_node node, const std::string& path, std::vector<Block>& out) {
    each_child(node, path, [&](pugi::xml_node b, std::string_view name, const std::string& p) {
        if (name != "bijlage") return;
        Block sec;
        sec.type = BlockType::section;
        sec.role = b.attribute("soort").value();
        sec.source.path = p;
        each_child(b, p, [&](pugi::xml_node c, std::string_view cname, const std::string& cp) {
            if (cname == "titel") {
                Block h;
                h.type = BlockType::heading;
                h.level = 2;
                h.inlines.push_back(text_run(collapse(text_of(c))));
                h.source.path = cp;
                sec.children.push_back(std::move(h));
            } else if (cname == "tekst") {
                tekst(c, cp, sec.children);
            } else if (cname == "onderwerp" || cname == "omschrijving") {
                const std::string v = collapse(text_of(c));
                if (!v.empty()) {
                    Block s = paragraph(v, std::string(cname));
                    s.source.path = cp;
                    sec.children.push_back(std::move(s));
                }
            }
        });
        out.push_back(std::move(sec));
    });
}

// Votes are listed as they are recorded: one paragraph per stemming.
void VlosBody::stemmingen(pugi::xml_node node, const std::string& path, std::vector<Block>& out) {
    each_child(node, path, [&](pugi::xml_node s, std::string_view, const std::string& p) {
        std::string text;
        each_child(s, p, [&](pugi::xml_node c, std::string_view, const std::string&) {
            const std::string v = collapse(text_of(c));
            if (!v.empty()) text += (text.empty() ? "" : "; ") + v;
        });
        if (text.empty()) return;
        Block b = paragraph(text, "vote");
        b.source.path = p;
        out.push_back(std::move(b));
    });
}

void VlosBody::add_dossier(const std::string& number, const std::string& title) {
    for (Dossier& d : dossiers_)
        if (d.number == number) {
            if (d.title.empty()) d.title = title;
            return;
        }
    dossiers_.push_back(Dossier{number, title});
}

void VlosBody::cite(Reference r, const std::string& anchor) {
    for (const PendingReference& p : pending_)
        if (p.reference.target == r.target && p.reference.text == r.text && p.anchor == anchor) return;
    pending_.push_back(PendingReference{std::move(r), anchor});
}

void VlosBody::unknown(pugi::xml_node node, const std::string& path, std::vector<Block>& out) {
    const std::string text = collapse(text_of(node));
    doc_.warn("unknown-element", "<" + std::string(local_name(node.name())) + "> is not part of VLOS as this importer knows it" +
                                     (text.empty() ? "" : "; its text is kept as a paragraph"),
              path);
    if (text.empty()) return;
    Block b = paragraph(text);
    b.source.path = path;
    out.push_back(std::move(b));
}

}  // namespace stukwerk::tk
