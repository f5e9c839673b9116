#include "companion.hpp"

#include <pugixml.hpp>

#include <algorithm>

#include "text_util.hpp"

namespace stukwerk::pdf {
namespace {

void check(Document& doc, const char* what, const std::string& printed, const std::string& recorded) {
    if (!printed.empty() && !recorded.empty() && printed != recorded)
        doc.warn("metadata-mismatch", std::string("the PDF prints ") + what + " '" + printed +
                                          "' but its metadata record says '" + recorded + "'; the printed value is kept");
}

std::string compact(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

}  // namespace

std::string companion_name(std::string_view file_name) {
    std::string stem(file_name);
    if (stem.size() > 4 && ascii_lower(stem.substr(stem.size() - 4)) == ".pdf") stem.resize(stem.size() - 4);
    return stem + ".metadata.xml";
}

void merge_companion(const Source& source, Document& doc) {
    const std::string name = companion_name(source.file_name());
    const std::optional<std::string> xml = source.companion(name);
    if (!xml) return;
    merge_metadata_record(*xml, doc);
}

void merge_metadata_record(std::string_view xml, Document& doc) {
    pugi::xml_document record;
    // No DOCTYPE processing: pugixml expands no entities beyond the five
    // predefined ones and reads no external files.
    const pugi::xml_parse_result parsed = record.load_buffer(xml.data(), xml.size(), pugi::parse_default);
    if (!parsed) {
        doc.warn("bad-metadata", std::string("the metadata record beside the PDF is not well-formed XML (") +
                                     parsed.description() + " at byte " + std::to_string(parsed.offset) +
                                     "); it was not used");
        return;
    }
    const pugi::xml_node root = record.document_element();
    if (std::string_view(root.name()) != "metadata_gegevens") {
        doc.warn("bad-metadata", std::string("the metadata record beside the PDF has root <") + root.name() +
                                     ">, not <metadata_gegevens>; it was not used");
        return;
    }
    Metadata& m = doc.metadata;
    std::string documenttitel, dc_title;
    bool had_dossiers = !m.dossiers.empty();
    for (const pugi::xml_node field : root.children("metadata")) {
        const std::string name = field.attribute("name").value();
        const std::string scheme = field.attribute("scheme").value();
        const std::string content = trim(field.attribute("content").value());
        if (name == "OVERHEIDop.documenttitel") {
            documenttitel = content;
        } else if (name == "DC.title") {
            dc_title = content;
        } else if (name == "DC.type" && scheme == "OVERHEIDop.KamerstukTypen") {
            m.document_type = content;
        } else if (name == "OVERHEIDop.publicationName") {
            m.publication_type = content;
        } else if (name == "DC.identifier" && scheme == "OVERHEIDop.ParlID") {
            check(doc, "the id", doc.id, content);
            if (doc.id.empty()) doc.id = content;
        } else if (name == "DCTERMS.issued") {
            check(doc, "the date", m.date, content);
            if (m.date.empty()) m.date = content;
        } else if (name == "DCTERMS.available") {
            m.published = content;
        } else if (name == "DCTERMS.language") {
            m.language = content;
        } else if (name == "OVERHEIDop.vergaderjaar") {
            if (m.session_year.empty()) m.session_year = content;
        } else if (name == "OVERHEIDop.dossiernummer") {
            if (!had_dossiers) m.dossiers.push_back(Dossier{content, {}});
            else if (std::none_of(m.dossiers.begin(), m.dossiers.end(),
                                  [&](const Dossier& d) { return compact(d.number) == compact(content); }))
                check(doc, "dossier", compact(m.dossiers.front().number), content);
        } else if (name == "OVERHEIDop.dossiertitel") {
            if (!m.dossiers.empty() && m.dossiers.front().title.empty()) m.dossiers.front().title = content;
        } else if (name == "OVERHEIDop.ondernummer") {
            check(doc, "the number", m.item_number, content);
            if (m.item_number.empty()) m.item_number = content;
        } else if (name == "OVERHEIDop.indiener") {
            m.people.push_back(Person{content, "submitter", {}, {}});
        } else if (name == "OVERHEID.category") {
            m.subjects.push_back(content);
        } else if (name == "DC.creator" && m.chamber.empty() &&
                   (starts_with(content, "Tweede Kamer") || starts_with(content, "Eerste Kamer"))) {
            m.chamber = content.substr(0, 12);
        } else {
            m.raw.push_back(Field{name, content, scheme});
        }
    }
    if (!documenttitel.empty()) {
        m.title = documenttitel;
        if (!dc_title.empty()) m.raw.push_back(Field{"DC.title", dc_title, {}});
    } else if (!dc_title.empty()) {
        m.title = dc_title;
    }
}

}  // namespace stukwerk::pdf
