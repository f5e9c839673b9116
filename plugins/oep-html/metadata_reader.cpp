#include "metadata_reader.hpp"

#include "dutch_text.hpp"
#include "html_tree.hpp"

namespace stukwerk::oep_html {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool looks_like_publication_id(std::string_view v) {
    if (v.empty() || v.size() > 64) return false;
    const auto dash = v.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > 8) return false;
    for (char c : v)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

std::string chamber_of(std::string_view creator) {
    if (creator.find("Tweede Kamer") != std::string_view::npos) return "Tweede Kamer";
    if (creator.find("Eerste Kamer") != std::string_view::npos) return "Eerste Kamer";
    return {};
}

}  // namespace

void read_meta_tags(const PageScan& scan, Document& doc) {
    Metadata& m = doc.metadata;
    std::vector<std::string> dossier_numbers, dossier_titles;
    std::string document_title, dc_title, parlementair;
    bool publication_name = false;
    std::vector<Field> fallbacks;  // DC.title and DC.type/Parlementair: raw unless they stand in for a missing field
    for (const xmlNode* meta : scan.metas) {
        const std::string name(attr(meta, "name"));
        const std::string value = trim(attr(meta, "content"));
        std::string scheme(attr(meta, "scheme"));
        if (scheme.empty()) scheme = std::string(attr(meta, "data-scheme"));
        const std::string key = lower(name);
        const std::string scheme_key = lower(scheme);
        Field raw{name, std::string(attr(meta, "content")), scheme};
        bool used = !value.empty();
        if (key == "dc.identifier" || key == "dcterms.identifier") {
            if (doc.id.empty() && looks_like_publication_id(value)) doc.id = value;
            else if (value.find("officielebekendmakingen.nl") != std::string::npos)
                m.identifiers.push_back(Identifier{"oep-url", value});
            else used = false;
        } else if (key == "overheidop.documenttitel") {
            if (document_title.empty()) document_title = value;
            else used = false;
        } else if (key == "dc.title" || key == "dcterms.title") {
            if (dc_title.empty() && !value.empty()) {
                dc_title = value;
                fallbacks.push_back(std::move(raw));
                continue;
            }
            used = false;
        } else if (key == "dc.type" || key == "dcterms.type") {
            if (scheme_key == "overheidop.parlementair" && parlementair.empty() && !value.empty()) {
                parlementair = value;
                fallbacks.push_back(std::move(raw));
                continue;
            }
            if (ends_with(scheme_key, "typen") && m.document_type.empty()) m.document_type = value;
            else used = false;
        } else if (key == "overheidop.publicationname") {
            if (m.publication_type.empty()) m.publication_type = value;
            else used = false;
            publication_name = publication_name || !value.empty();
        } else if (key == "dcterms.issued") {
            if (m.date.empty()) m.date = value;
            else used = false;
        } else if (key == "dcterms.available") {
            if (m.published.empty()) m.published = value;
            else used = false;
        } else if (key == "dcterms.modified") {
            if (m.modified.empty()) m.modified = value;
            else used = false;
        } else if (key == "overheidop.vergaderjaar") {
            if (m.session_year.empty()) m.session_year = value;
            else used = false;
        } else if (key == "dc.creator" || key == "dcterms.creator") {
            const std::string chamber = chamber_of(value);
            if (!chamber.empty() && m.chamber.empty()) m.chamber = chamber;
            used = false;  // the creator's own words stay in raw; chamber is a reading of them
        } else if (key == "overheidop.dossiernummer") {
            if (!value.empty()) dossier_numbers.push_back(value);
        } else if (key == "overheidop.dossiertitel") {
            if (!value.empty()) dossier_titles.push_back(value);
        } else if (key == "overheidop.ondernummer") {
            if (m.item_number.empty()) m.item_number = value;
            else used = false;
        } else if (key == "overheidop.indiener") {
            if (!value.empty()) m.people.push_back(Person{value, "submitter", {}, {}});
        } else if (key == "overheidop.medeindiener") {
            if (!value.empty()) m.people.push_back(Person{value, "co-submitter", {}, {}});
        } else if (key == "overheidop.ontvanger") {
            if (!value.empty()) m.people.push_back(Person{value, "addressee", {}, {}});
        } else if (key == "dcterms.language" || key == "dc.language") {
            if (m.language.empty()) m.language = value;
            else used = false;
        } else if (key == "overheid.category" || key == "dc.subject" || key == "dcterms.subject") {
            if (!value.empty()) m.subjects.push_back(value);
        } else {
            used = false;
        }
        if (!used) m.raw.push_back(std::move(raw));
    }
    for (std::size_t i = 0; i < dossier_numbers.size(); ++i)
        m.dossiers.push_back(Dossier{dossier_numbers[i], i < dossier_titles.size() ? dossier_titles[i] : std::string()});
    for (std::size_t i = dossier_numbers.size(); i < dossier_titles.size(); ++i)
        m.raw.push_back(Field{"OVERHEIDop.dossiertitel", dossier_titles[i], {}});
    m.title = !document_title.empty() ? document_title : dc_title;
    if (!publication_name) m.publication_type = parlementair;
    for (Field& f : fallbacks) {
        const bool is_title = lower(f.name) != "dc.type" && lower(f.name) != "dcterms.type";
        const bool stood_in = is_title ? document_title.empty() : !publication_name;
        if (!stood_in) m.raw.push_back(std::move(f));
    }
    if (scan.canonical) {
        const std::string href(attr(scan.canonical, "href"));
        if (href.find("officielebekendmakingen.nl") != std::string::npos) {
            bool known = false;
            for (const Identifier& i : m.identifiers) known = known || i.value == href;
            if (!known) m.identifiers.push_back(Identifier{"oep-url", href});
        }
    }
}

}  // namespace stukwerk::oep_html
