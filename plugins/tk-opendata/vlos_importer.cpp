#include "vlos_importer.hpp"

#include <stukwerk/sniff.hpp>

#include "vlos_body.hpp"
#include "xml_names.hpp"
#include "xml_outline.hpp"
#include "xml_text.hpp"

namespace stukwerk::tk {

ImporterInfo VlosImporter::describe() {
    return {"tk-vlos", "1.0.0",
            "Tweede Kamer meeting transcripts from VLOS (vlosCoreDocument / VLOS 2.0 vlosdocument)",
            {"application/xml"},
            {"xml"}};
}

namespace {

constexpr std::string_view vlos_core_ns = "http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0";
constexpr std::string_view vlos2_ns = "http://www.tweedekamer.nl/vlos2";

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
    return {};
}

std::string trimmed_text(pugi::xml_node node) {
    const std::string s = text_of(node);
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// "2014-2015" -> "20142015", as Handelingen ids spell the session year.
std::string compact_year(const std::string& year) {
    std::string digits;
    for (char c : year)
        if (c >= '0' && c <= '9') digits += c;
    return digits.size() == 8 ? digits : std::string();
}

void metadata(pugi::xml_node root, pugi::xml_node vergadering, Document& doc) {
    Metadata& m = doc.metadata;
    const std::string titel = trimmed_text(child(vergadering, "titel"));
    const std::string jaar = trimmed_text(child(vergadering, "vergaderjaar"));
    const std::string nummer = trimmed_text(child(vergadering, "vergaderingnummer"));
    const std::string kamer = vergadering.attribute("kamer").value();
    const std::string datum = trimmed_text(child(vergadering, "datum"));

    // The meeting's Handelingen id, the form citations of it take
    // ("Handelingen II 2014/15, nr. 14" -> h-tk-20142015-14).
    const std::string chamber_code = kamer == "Tweede Kamer" ? "tk" : kamer == "Eerste Kamer" ? "ek" : "";
    if (!chamber_code.empty() && !compact_year(jaar).empty() && !nummer.empty() &&
        nummer.find_first_not_of("0123456789") == std::string::npos)
        doc.id = "h-" + chamber_code + "-" + compact_year(jaar) + "-" + nummer;
    else
        doc.id = vergadering.attribute("objectid").value();

    m.title = titel;
    m.document_type = root.attribute("soort").value();
    m.publication_type = "Verslag";
    m.date = datum.substr(0, std::min<std::size_t>(datum.size(), 10));
    m.session_year = jaar;
    m.chamber = kamer;
    m.language = "nl";
    // VLOS core messages stamp their Timestamp, VLOS 2.0 documents their datum.
    m.modified = root.attribute("Timestamp") ? root.attribute("Timestamp").value() : root.attribute("datum").value();
    m.version = root.attribute("versie").value();

    if (const char* v = vergadering.attribute("objectid").value(); *v) m.identifiers.push_back({"tk-vergadering-id", v});
    if (const char* v = root.attribute("MessageID").value(); *v) m.identifiers.push_back({"tk-vlos-message-id", v});
    if (const char* v = root.attribute("objectid").value(); *v) m.identifiers.push_back({"tk-verslag-id", v});

    for (const pugi::xml_attribute& a : root.attributes()) {
        const std::string_view name = a.name();
        if (name == "xmlns" || name.substr(0, 6) == "xmlns:" || name == "soort" || name == "Timestamp" ||
            name == "datum" || name == "versie" || name == "MessageID" || name == "objectid")
            continue;
        m.raw.push_back(Field{std::string(name), a.value(), "vlos"});
    }
    for (const char* name : {"rectificatieomschrijving", "omschrijving"})
        if (const std::string v = trimmed_text(child(root, name)); !v.empty()) m.raw.push_back(Field{name, v, "vlos"});
    m.raw.push_back(Field{"vergadering.soort", vergadering.attribute("soort").value(), "vlos"});
    for (const char* name : {"zaal", "vergaderingnummer", "aanvangstijd", "sluiting"})
        if (const std::string v = trimmed_text(child(vergadering, name)); !v.empty())
            m.raw.push_back(Field{std::string("vergadering.") + name, v, "vlos"});
}

}  // namespace

Identification VlosImporter::do_identify(const Probe& probe) const {
    const std::string head = sniff::ascii_view(probe.head);
    const std::string root_qname = sniff::xml_root_name(head);
    const std::string_view root = local_name(root_qname);
    if (root != "vlosCoreDocument" && root != "vlosdocument") return {0, {}};
    if (sniff::contains(head, vlos_core_ns) || sniff::contains(head, vlos2_ns))
        return {95, "VLOS meeting transcript (<" + std::string(root) + "> in the VLOS namespace)"};
    return {75, "root element <" + std::string(root) + ">"};
}

void VlosImporter::do_read(const Source& source, DocumentSink& sink) const {
    const Utf8Text text = Utf8Text::decode(source.bytes());
    const std::string_view xml = text.view();
    const RootElement outline = scan_outline(xml, source.limits().max_depth);
    const std::string_view root_name = local_name(outline.qname);
    if (root_name != "vlosCoreDocument" && root_name != "vlosdocument")
        throw Error("the root element is <" + std::string(outline.qname) + ">, not a VLOS <vlosCoreDocument> or <vlosdocument>");

    pugi::xml_document tree;
    const pugi::xml_parse_result ok = tree.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!ok)
        throw Error(std::string("not well-formed XML at line ") +
                    std::to_string(line_at(xml, static_cast<std::size_t>(ok.offset))) + ": " + ok.description());
    const pugi::xml_node root = tree.document_element();
    const pugi::xml_node vergadering = child(root, "vergadering");
    if (!vergadering) throw Error("the VLOS document has no <vergadering>");

    Document doc;
    metadata(root, vergadering, doc);

    Block title;
    title.type = BlockType::heading;
    title.level = 1;
    title.role = "document-title";
    title.inlines.push_back(text_run(doc.metadata.title));
    title.source.path = "/" + std::string(root_name) + "/vergadering/titel[1]";
    if (!doc.metadata.title.empty()) doc.body.push_back(std::move(title));

    VlosBody body(doc);
    body.build(vergadering, "/" + std::string(root_name) + "/vergadering");
    body.finish();
    doc.metadata.people = body.people();
    doc.metadata.dossiers = body.dossiers();
    doc.metadata.subjects = body.subjects();
    for (Identifier& i : body.identifiers()) {
        bool known = false;
        for (const Identifier& k : doc.metadata.identifiers) known = known || k == i;
        if (!known) doc.metadata.identifiers.push_back(std::move(i));
    }
    sink.accept(std::move(doc));
}

}  // namespace stukwerk::tk
