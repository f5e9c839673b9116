#include "publication.hpp"

#include <stukwerk/dutch.hpp>

#include <optional>
#include <set>

#include <stukwerk/error.hpp>

#include "body_builder.hpp"
#include "metadata_record.hpp"
#include "text.hpp"
#include "xml_input.hpp"

namespace stukwerk::oep {
namespace {

std::string_view local(pugi::xml_node node) {
    const std::string_view q = node.name();
    const auto colon = q.find(':');
    return colon == std::string_view::npos ? q : q.substr(colon + 1);
}

std::string stem_of(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return std::string(file_name);
    return std::string(file_name.substr(0, dot));
}

void add_warnings(Document& doc, const std::vector<Warning>& warnings, const std::string& where = {}) {
    for (Warning w : warnings) {
        if (w.where.empty()) w.where = where;
        doc.warnings.push_back(std::move(w));
    }
}

struct Companion {
    std::string name;
    MetaRecord record;
};

// The first companion metadata record beside the input that describes the
// same publication. Only Source::companion() is used to read it.
std::optional<Companion> find_companion(const Source& source, const std::string& expected_id, Document& doc) {
    const std::string stem = stem_of(source.file_name());
    for (const std::string& name : {stem + ".metadata.xml", stem + ".metadata_owms.xml", std::string("metadata.xml"),
                                    std::string("metadata_owms.xml")}) {
        if (name == source.file_name()) continue;
        const std::optional<std::string> bytes = source.companion(name);
        if (!bytes) continue;
        std::unique_ptr<ParsedXml> parsed;
        try {
            parsed = parse_xml(*bytes, source.limits(), "companion " + name);
        } catch (const Error& e) {
            doc.warn("bad-metadata", std::string(e.what()) + "; not used", name);
            continue;
        }
        MetaRecord record = read_metadata_file(parsed->tree.document_element());
        if (record.empty()) {
            doc.warn("bad-metadata",
                     "companion " + name + " is not a metadata record (root <" +
                         std::string(parsed->tree.document_element().name()) + ">); not used",
                     name);
            continue;
        }
        const std::string id = identifier_of(record);
        if (!expected_id.empty() && !id.empty() && id != expected_id) {
            doc.warn("bad-metadata", "companion " + name + " describes " + id + ", not " + expected_id + "; not used", name);
            continue;
        }
        add_warnings(doc, parsed->warnings, name);
        return Companion{name, std::move(record)};
    }
    return std::nullopt;
}

// Plain text of inlines without footnote markers (for titles in metadata).
std::string text_without_markers(const std::vector<Inline>& inlines) {
    std::string out;
    for (const Inline& in : inlines)
        if (in.kind != InlineKind::note_ref) out += in.kind == InlineKind::line_break ? std::string(" ") : in.text;
    return collapse_space(out);
}

void read_header_lines(pugi::xml_node kop, const std::string& name, BodyBuilder& body, PrintedFacts& printed) {
    body.header_lines(kop, name);
    for (pugi::xml_node line = kop.first_child(); line; line = line.next_sibling()) {
        if (line.type() != pugi::node_element) continue;
        const std::string_view what = line.attribute("inhoud").value();
        const std::string text = text_content(line);
        if (what == "vergaderjaar" && printed.session_year.empty()) printed.session_year = session_year_of(text);
        if (what == "kameraanduiding" && printed.chamber.empty()) printed.chamber = chamber_of(text);
        if (what == "kamernummer" && printed.chamber.empty())
            printed.chamber = text == "2" ? "Tweede Kamer" : text == "1" ? "Eerste Kamer" : "";
    }
}

// The date a <datum isodatum> or the printed words give.
std::string date_of(pugi::xml_node node) {
    for (pugi::xml_node n = node; n;) {
        if (n.type() == pugi::node_element && local(n) == "datum" && *n.attribute("isodatum").value())
            return n.attribute("isodatum").value();
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (!n || n == node) break;
        n = n.next_sibling();
    }
    return dutch::iso_date_in(text_content(node));
}

Block dossier_heading(pugi::xml_node dossier, const std::string& path, BodyBuilder& body, Document& doc,
                      PrintedFacts& printed) {
    Block h;
    h.type = BlockType::heading;
    h.level = 1;
    h.role = "dossier-title";
    h.source.path = path;
    std::string number;  // dossiernr with its sub-number or budget chapter, not the rijkswet number
    SiblingSteps steps(dossier);
    for (pugi::xml_node c = dossier.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string c_path = path + steps(c);
        const std::string_view name = local(c);
        if (name == "dossiernummer") {
            h.label = text_content(c);
            for (pugi::xml_node part = c.first_child(); part; part = part.next_sibling()) {
                if (part.type() == pugi::node_element && local(part) == "rijkswetnr") {
                    doc.metadata.raw.push_back(Field{"rijkswetnr", text_content(part), {}});
                    continue;
                }
                number += part.type() == pugi::node_element ? " " + text_content(part) : std::string(part.value());
            }
        } else if (name == "titel") {
            body.inline_children(c, h.inlines, style::none, c_path, 2);
        } else {
            body.one(c, doc.body, c_path, 2);
        }
    }
    normalise_inlines(h.inlines);
    printed.dossiers.push_back(Dossier{dutch::compact_dossier_number(collapse_space(number)), text_without_markers(h.inlines)});
    return h;
}

void read_stuk(pugi::xml_node stuk, const std::string& path, BodyBuilder& body, Document& doc, PrintedFacts& printed) {
    pugi::xml_node stuknr = stuk.child("stuknr"), titel = stuk.child("titel");
    if (stuknr || titel) {
        Block h;
        h.type = BlockType::heading;
        h.level = 1;
        h.role = "document-title";
        h.source.path = path + BodyBuilder::step(titel ? titel : stuknr);
        if (stuknr) h.label = text_content(stuknr);
        if (titel) body.inline_children(titel, h.inlines, style::none, h.source.path, 2);
        normalise_inlines(h.inlines);
        if (printed.item_number.empty()) printed.item_number = text_content(stuknr.child("ondernummer"));
        if (printed.title.empty()) printed.title = text_without_markers(h.inlines);
        doc.body.push_back(std::move(h));
    }
    if (pugi::xml_node datumtekst = stuk.child("datumtekst"); datumtekst && printed.date.empty())
        printed.date = date_of(datumtekst);
    body.blocks(stuk, doc.body, path, 1, stuknr, titel);
}

void read_kamerstuk(pugi::xml_node ks, const std::string& path, BodyBuilder& body, Document& doc, PrintedFacts& printed) {
    SiblingSteps steps(ks);
    for (pugi::xml_node c = ks.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string c_path = path + steps(c);
        const std::string_view name = local(c);
        if (name == "kamerstukkop") read_header_lines(c, "kamerstukkop", body, printed);
        else if (name == "dossier") doc.body.push_back(dossier_heading(c, c_path, body, doc, printed));
        else if (name == "stuk") read_stuk(c, c_path, body, doc, printed);
        else body.one(c, doc.body, c_path, 1);
    }
    printed.publication_type = "Kamerstuk";
    printed.document_type = dutch::document_type_from_title(printed.title);
    if (!printed.dossiers.empty() && !printed.dossiers.front().number.empty() && !printed.item_number.empty())
        printed.id = "kst-" + printed.dossiers.front().number + "-" + printed.item_number;
}

void read_handelingen(pugi::xml_node h, const std::string& path, BodyBuilder& body, Document& doc, PrintedFacts& printed) {
    printed.publication_type = "Handelingen";
    std::vector<pugi::xml_node> items;
    for (pugi::xml_node c = h.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) items.push_back(c);
    const bool single = items.size() == 1 && (local(items[0]) == "agendapunt" || local(items[0]) == "handeling_bijlage");
    if (!single) return body.blocks(h, doc.body, path, 1);
    // One item: its number and title are the document's title, as printed.
    const pugi::xml_node item = items[0];
    const std::string item_path = path + BodyBuilder::step(item);
    pugi::xml_node nr = item.child("nr"), titel = item.child("item-titel");
    Block heading;
    heading.type = BlockType::heading;
    heading.level = 1;
    heading.role = "document-title";
    heading.source.path = item_path + BodyBuilder::step(titel ? titel : nr);
    if (nr) heading.label = text_content(nr);
    if (titel) body.inline_children(titel, heading.inlines, style::none, heading.source.path, 2);
    normalise_inlines(heading.inlines);
    printed.title = text_without_markers(heading.inlines);
    if (nr || titel) doc.body.push_back(std::move(heading));
    body.blocks(item, doc.body, item_path, 1, nr, titel);
}

void read_kamervragen(pugi::xml_node kv, const std::string& path, BodyBuilder& body, Document& doc, PrintedFacts& printed) {
    printed.publication_type = "Aanhangsel";
    const std::string number = text_content(kv.child("kamervraagnummer"));
    printed.item_number = number;
    std::string asked, answered;
    SiblingSteps steps(kv);
    for (pugi::xml_node c = kv.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string c_path = path + steps(c);
        const std::string_view name = local(c);
        if (name == "kamervraagkop") {
            read_header_lines(c, "kamervraagkop", body, printed);
        } else if (name == "kamervraagnummer") {
            doc.metadata.raw.push_back(Field{"kamervraagnummer", number, {}});
        } else if (name == "kamervraagomschrijving" && std::string_view(c.attribute("type").value()) == "vraag") {
            Block h = body.text_block(c, BlockType::heading, c_path, 1, "document-title");
            h.level = 1;
            h.label = number;
            printed.title = text_without_markers(h.inlines);
            asked = date_of(c);
            doc.body.push_back(std::move(h));
        } else if (name == "kamervraagomschrijving") {
            doc.body.push_back(body.text_block(c, BlockType::paragraph, c_path, 1, "answer-intro"));
            answered = date_of(c);
        } else {
            body.one(c, doc.body, c_path, 1);
        }
    }
    // The date of an aanhangsel is the day the answer came in.
    printed.date = !answered.empty() ? answered : asked;
    const std::string chamber = printed.chamber == "Eerste Kamer" ? "ek" : printed.chamber == "Tweede Kamer" ? "tk" : "";
    if (!chamber.empty() && !number.empty() && printed.session_year.size() == 9)
        printed.id = "ah-" + chamber + "-" + printed.session_year.substr(0, 4) + printed.session_year.substr(5) + "-" + number;
}

// A bijlage published on its own: its kop is the document's title.
void read_bijlage(pugi::xml_node bijlage, const std::string& path, BodyBuilder& body, Document& doc,
                  PrintedFacts& printed) {
    printed.publication_type = "Bijlage";
    pugi::xml_node kop = bijlage.child("kop");
    if (kop) {
        Block h = body.heading_from_kop(kop, path + BodyBuilder::step(kop), 1, 2);
        h.role = "document-title";
        printed.title = text_without_markers(h.inlines);
        doc.body.push_back(std::move(h));
    }
    body.blocks(bijlage, doc.body, path, 1, kop);
}

// The addressee and the place-and-date line open a letter's text.
void mark_letter_opening(Document& doc, PrintedFacts& printed) {
    int looked = 0;
    for (Block& b : doc.body) {
        if (b.type == BlockType::heading && (b.role == "dossier-title" || b.role == "document-title")) continue;
        if (b.type == BlockType::paragraph && b.role == "date-line") continue;
        if (b.type != BlockType::paragraph || !b.role.empty() || ++looked > 3) break;
        const std::string text = plain_text(b);
        if (starts_with(text, "Aan de ") || starts_with(text, "Aan het ")) {
            b.role = "addressee";
            printed.people.push_back(Person{text.substr(text.find(' ', 4) + 1), "addressee", {}, {}});
        } else if (text.size() <= 60 && text.find(", ") != std::string::npos && !dutch::iso_date_in(text).empty()) {
            b.role = "place-date";
            if (printed.date.empty()) printed.date = dutch::iso_date_in(text);
        }
    }
}

// Explicit markup only: an extref naming a publication id.
void add_references(Document& doc) {
    std::set<std::pair<std::string, std::string>> seen;
    auto scan = [&](const std::vector<Inline>& inlines, const std::string& where) {
        for (const Inline& in : inlines) {
            if (in.kind != InlineKind::link || !looks_like_publication_id(in.target) || in.target == doc.id) continue;
            if (seen.emplace(in.target, where).second)
                doc.references.push_back(Reference{in.text, in.target, publication_kind(in.target), where});
        }
    };
    auto walk = [&](auto& self, const std::vector<Block>& blocks, const std::string& prefix) -> void {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            const std::string path = prefix + "/" + std::to_string(i);
            scan(blocks[i].inlines, path);
            self(self, blocks[i].children, path);
        }
    };
    walk(walk, doc.body, "body");
    for (const Footnote& f : doc.footnotes) scan(f.inlines, "footnote/" + f.id);
}

Document read_publication(pugi::xml_node root, const Source& source, const ParsedXml& parsed) {
    Document doc;
    add_warnings(doc, parsed.warnings);
    MetaRecord inline_record;
    std::vector<pugi::xml_node> contents;
    const bool wrapped = local(root) == "officiele-publicatie";
    if (wrapped) {
        for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            if (local(c) == "metadata") {
                MetaRecord r = read_inline_meta(c);
                inline_record.insert(inline_record.end(), r.begin(), r.end());
            } else {
                contents.push_back(c);
            }
        }
    } else {
        contents.push_back(root);
    }
    const std::string root_path = "/" + std::string(root.name());
    const std::string_view first = contents.empty() ? std::string_view{} : local(contents.front());
    const Flavour flavour = first == "kamerstuk" || first == "bijlage" ? Flavour::kamerstuk
                            : first == "handelingen"                  ? Flavour::handelingen
                            : first == "kamervragen"                  ? Flavour::kamervragen
                                                                      : Flavour::generic;
    BodyBuilder body(doc, source.limits(), flavour);
    body.index_notes(root);
    PrintedFacts printed;
    SiblingSteps steps(root);
    for (std::size_t i = 0; i < contents.size(); ++i) {
        const pugi::xml_node c = contents[i];
        const std::string path = wrapped ? root_path + steps(c) : root_path;
        const std::string_view name = local(c);
        if (i == 0 && name == "kamerstuk") read_kamerstuk(c, path, body, doc, printed);
        else if (i == 0 && name == "handelingen") read_handelingen(c, path, body, doc, printed);
        else if (i == 0 && name == "kamervragen") read_kamervragen(c, path, body, doc, printed);
        else if (i == 0 && name == "bijlage") read_bijlage(c, path, body, doc, printed);
        else body.one(c, doc.body, path, 1);
    }
    if (flavour == Flavour::generic)
        doc.warn("generic-document",
                 contents.empty() ? std::string("the publication holds no content, only metadata")
                                  : "<" + std::string(first) + "> is not a publication type the importer maps "
                                    "(kamerstuk, handelingen, kamervragen, bijlage); converted generically",
                 root_path);
    mark_letter_opening(doc, printed);
    body.finish();
    printed.people.insert(printed.people.end(), body.people.begin(), body.people.end());

    // The id the companion record must carry, when it carries one.
    std::string expected = identifier_of(inline_record);
    if (expected.empty()) expected = extern_record_id(inline_record);
    if (expected.empty()) expected = printed.id;
    if (printed.session_year.empty()) printed.session_year = session_year_of(expected);
    if (printed.chamber.empty() && expected.find("-tk-") != std::string::npos) printed.chamber = "Tweede Kamer";
    if (printed.chamber.empty() && expected.find("-ek-") != std::string::npos) printed.chamber = "Eerste Kamer";

    const std::optional<Companion> companion = find_companion(source, expected, doc);
    std::vector<const MetaRecord*> records;
    if (companion) records.push_back(&companion->record);
    records.push_back(&inline_record);
    const std::string extern_url = extern_record_url(inline_record);
    if (!extern_url.empty() && !companion && identifier_of(inline_record).empty())
        doc.warn("missing-metadata",
                 "the inline metadata only points to an external record (" + extern_url +
                     "), which is not beside the file (looked for " + stem_of(source.file_name()) +
                     ".metadata.xml, .metadata_owms.xml, metadata.xml, metadata_owms.xml); it was not fetched, so "
                     "metadata comes from the printed text",
                 root_path + "/metadata");
    apply_metadata(records, printed, doc);
    add_references(doc);
    return doc;
}

Document read_metadata_only(const MetaRecord& record, const std::vector<Warning>& warnings, const MetaRecord* envelope) {
    Document doc;
    add_warnings(doc, warnings);
    std::vector<const MetaRecord*> records{&record};
    if (envelope) records.push_back(envelope);
    apply_metadata(records, PrintedFacts{}, doc);
    return doc;
}

// Leaf fields of the SRU envelope (version, query, ...) outside the records;
// they say how the records were found, so every record keeps them.
void envelope_fields(pugi::xml_node node, const std::string& prefix, MetaRecord& out, int depth) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || local(c) == "records") continue;
        bool leaf = true;
        for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling())
            if (g.type() == pugi::node_element) leaf = false;
        const std::string name = prefix + c.name();
        if (leaf) out.push_back(MetaField{name, {}, text_content(c)});
        else if (depth < 16) envelope_fields(c, name + "/", out, depth + 1);
    }
}

void read_sru(pugi::xml_node root, const ParsedXml& parsed, std::vector<Document>& out) {
    MetaRecord envelope;
    envelope_fields(root, "", envelope, 0);
    std::vector<std::pair<pugi::xml_node, MetaRecord>> records;
    std::string diagnostics;
    for (pugi::xml_node n = root.first_child(); n;) {
        bool descend = true;
        if (n.type() == pugi::node_element) {
            const std::string_view name = local(n);
            if (name == "gzd") {
                MetaRecord record = read_gzd(n);
                // The record's own envelope: its schema, packing and position.
                for (pugi::xml_node r = n.parent(); r && r != root; r = r.parent()) {
                    if (local(r) != "record") continue;
                    for (pugi::xml_node f = r.first_child(); f; f = f.next_sibling())
                        if (f.type() == pugi::node_element && local(f) != "recordData")
                            record.push_back(MetaField{f.name(), {}, text_content(f)});
                    break;
                }
                records.emplace_back(n, std::move(record));
                descend = false;
            } else if (name == "diagnostic") {
                diagnostics += (diagnostics.empty() ? "" : "; ") + text_content(n);
                descend = false;
            }
        }
        if (descend && n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != root && !n.next_sibling()) n = n.parent();
        if (!n || n == root) break;
        n = n.next_sibling();
    }
    if (records.empty()) {
        if (!diagnostics.empty()) throw Error("the SRU response reports an error: " + diagnostics);
        throw Error("the SRU response holds no gzd records");
    }
    for (const auto& [node, record] : records) out.push_back(read_metadata_only(record, parsed.warnings, &envelope));
}

}  // namespace

void read_input(const Source& source, DocumentSink& sink) {
    std::vector<Document> documents;
    {
        const std::unique_ptr<ParsedXml> parsed = parse_xml(source.bytes(), source.limits());
        const pugi::xml_node root = parsed->tree.document_element();
        const std::string_view name = local(root);
        if (name == "metadata_gegevens" || name == "owms-metadata" || name == "gzd")
            documents.push_back(read_metadata_only(read_metadata_file(root), parsed->warnings, nullptr));
        else if (name == "searchRetrieveResponse")
            read_sru(root, *parsed, documents);
        else
            documents.push_back(read_publication(root, source, *parsed));
    }  // the tree and its text are freed before the documents travel on
    for (Document& doc : documents) sink.accept(std::move(doc));
}

}  // namespace stukwerk::oep
