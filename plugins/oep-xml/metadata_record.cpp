#include "metadata_record.hpp"

#include <stukwerk/dutch.hpp>

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>

#include "text.hpp"

namespace stukwerk::oep {
namespace {

std::string_view local_of(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view prefix_of(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

// The namespace a prefix is bound to at `node` ("" when unbound).
std::string_view namespace_of(pugi::xml_node node, std::string_view prefix) {
    const std::string attr = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent())
        if (pugi::xml_attribute a = n.attribute(attr.c_str())) return a.value();
    return {};
}

// Prefixes are the document's choice; namespaces are not. The canonical
// prefix of a namespace KOOP uses, or the document's own prefix.
std::string canonical_prefix(pugi::xml_node node, std::string_view prefix) {
    static constexpr std::pair<std::string_view, std::string_view> known[] = {
        {"http://purl.org/dc/terms/", "dcterms"},
        {"http://standaarden.overheid.nl/owms/terms/", "overheid"},
        {"http://standaarden.overheid.nl/oep/meta/", "overheidop"},
        {"http://standaarden.overheid.nl/wetgeving/", "overheidwetgeving"},
        {"http://standaarden.overheid.nl/sru", "gzd"},
        {"http://standaarden.overheid.nl/collectie/", "c"},
        {"http://standaarden.overheid.nl/cup/data", "cd"},
    };
    const std::string_view uri = namespace_of(node, prefix);
    for (const auto& [u, p] : known)
        if (uri == u) return std::string(p);
    return std::string(prefix);
}

// The OVERHEIDop-vocabulary name of an element of an owms or SRU record.
std::string canonical_name(pugi::xml_node node) {
    const std::string_view qname = node.name();
    std::string prefix = canonical_prefix(node, prefix_of(qname));
    std::string local(local_of(qname));
    if (prefix.empty() && starts_with(local, "dcterms.")) {  // owms writes <dcterms.modified> without a prefix
        prefix = "dcterms";
        local = local.substr(8);
    }
    if (prefix == "dcterms") {
        static constexpr std::pair<std::string_view, std::string_view> dc[] = {
            {"identifier", "DC.identifier"}, {"title", "DC.title"},     {"type", "DC.type"},
            {"creator", "DC.creator"},       {"subject", "OVERHEID.category"}};
        for (const auto& [from, to] : dc)
            if (local == from) return std::string(to);
        return "DCTERMS." + local;
    }
    if (prefix == "overheidop") return "OVERHEIDop." + local;
    if (prefix == "overheid") return "OVERHEID." + local;
    if (prefix == "overheidwetgeving") {
        static constexpr std::pair<std::string_view, std::string_view> ow[] = {
            {"publicatienaam", "OVERHEIDop.publicationName"},
            {"documentstatus", "OVERHEIDop.documentStatus"},
            {"organisatietype", "OVERHEID.organisationType"},
            {"subrubriek", "DC.type"},
            {"adviesRvs", "OVERHEIDop.adviesRvS"}};
        for (const auto& [from, to] : ow)
            if (local == from) return std::string(to);
        static constexpr std::string_view same[] = {"documenttitel", "dossiertitel", "dossiernummer",  "indiener",
                                                    "ondernummer",   "vergaderjaar", "aanhangselnummer", "ontvanger",
                                                    "vraagnummer",   "hoofddocument", "datumOntvangst"};
        if (std::find(std::begin(same), std::end(same), local) != std::end(same)) return "OVERHEIDop." + local;
        return "overheidwetgeving:" + local;
    }
    return prefix.empty() ? local : prefix + ":" + local;
}

std::string text_of(pugi::xml_node node) {
    std::string out;
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

bool has_element_child(pugi::xml_node node) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) return true;
    return false;
}

// Every leaf element under `node` as a field; attributes other than
// `scheme` become fields of their own, so no value is dropped.
void read_leaves(pugi::xml_node node, MetaRecord& out, int depth) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        if (has_element_child(c) && depth < 64) {
            read_leaves(c, out, depth + 1);
            continue;
        }
        const std::string name = canonical_name(c);
        MetaField field{name, c.attribute("scheme").value(), text_of(c)};
        if (local_of(c.name()) == "itemUrl") field.scheme = c.attribute("manifestation").value();
        out.push_back(std::move(field));
        for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
            const std::string_view an = a.name();
            if (an == "scheme" || (an == "manifestation" && local_of(c.name()) == "itemUrl")) continue;
            out.push_back(MetaField{name + "@" + std::string(an), {}, collapse_space(a.value())});
        }
    }
}

void read_name_content(pugi::xml_node parent, const char* element, MetaRecord& out) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        if (local_of(c.name()) == element) {
            out.push_back(MetaField{c.attribute("name").value(), c.attribute("scheme").value(),
                                    collapse_space(c.attribute("content").value())});
        } else {
            out.push_back(MetaField{c.name(), c.attribute("scheme").value(), text_of(c)});
        }
    }
}

}  // namespace

MetaRecord read_inline_meta(pugi::xml_node metadata) {
    MetaRecord out;
    read_name_content(metadata, "meta", out);
    return out;
}

MetaRecord read_metadata_gegevens(pugi::xml_node root) {
    MetaRecord out;
    read_name_content(root, "metadata", out);
    return out;
}

MetaRecord read_owms(pugi::xml_node root) {
    MetaRecord out;
    read_leaves(root, out, 0);
    return out;
}

MetaRecord read_gzd(pugi::xml_node gzd) {
    MetaRecord out;
    read_leaves(gzd, out, 0);
    return out;
}

MetaRecord read_metadata_file(pugi::xml_node root) {
    const std::string_view name = local_of(root.name());
    if (name == "metadata_gegevens") return read_metadata_gegevens(root);
    if (name == "owms-metadata") return read_owms(root);
    if (name == "gzd") return read_gzd(root);
    return {};
}

std::string identifier_of(const MetaRecord& record) {
    for (const MetaField& f : record)
        if (f.name == "DC.identifier" && !f.value.empty()) return f.value;
    return {};
}

std::string extern_record_url(const MetaRecord& record) {
    for (const MetaField& f : record)
        if (f.name == "OVERHEIDop.externMetadataRecord" && !f.value.empty()) return f.value;
    return {};
}

std::string extern_record_id(const MetaRecord& record) {
    const std::string link = extern_record_url(record);
    std::string_view url = link;
    if (ends_with(url, "/metadata.xml")) url.remove_suffix(13);
    const auto slash = url.rfind('/');
    const std::string_view id = slash == std::string_view::npos ? url : url.substr(slash + 1);
    return looks_like_publication_id(id) ? std::string(id) : std::string();
}

namespace {

// Single-valued fields: the first value wins; a different later value is kept in raw.
class Mapper {
public:
    explicit Mapper(Document& doc) : doc_(doc), m_(doc.metadata) {}

    void raw(const MetaField& f) {
        if (seen_.emplace(f.name, f.value, f.scheme).second) m_.raw.push_back(Field{f.name, f.value, f.scheme});
    }

    // Sets `slot` from the field when empty; the source's verbatim form goes
    // to raw when the mapped value differs from it, or when the slot was taken.
    void single(std::string& slot, const MetaField& f, const std::string& mapped) {
        if (slot.empty() && !mapped.empty()) {
            slot = mapped;
            if (mapped != f.value) raw(f);
        } else if (slot != mapped || mapped.empty()) {
            raw(f);
        }
    }

    // Repeated fields keep their first occurrence only; sets keep that linear for long records.
    void add_unique(std::vector<std::string>& list, const std::string& value) {
        if (!value.empty() && unique_.emplace(&list, value).second) list.push_back(value);
    }

    void person(const Person& p) {
        if (people_.emplace(p.name, p.role).second) m_.people.push_back(p);
    }

    void identifier(const std::string& scheme, const std::string& value) {
        if (identifiers_.emplace(scheme, value).second) m_.identifiers.push_back(Identifier{scheme, value});
    }

    void field(const MetaField& f) {
        const std::string& n = f.name;
        const std::string& v = f.value;
        if (v.empty()) return raw(f);
        if (n == "DC.identifier") {
            if (doc_.id.empty()) doc_.id = v;
            else if (doc_.id != v) raw(f);
        } else if (n == "OVERHEIDop.documenttitel") {
            single(documenttitel, f, v);
        } else if (n == "DC.title") {
            single(dc_title, f, v);
        } else if (n == "DC.type") {
            if (starts_with(f.scheme, "OVERHEIDop.") && ends_with(f.scheme, "Typen") && f.scheme != "OVERHEIDop.Parlementair")
                single(m_.document_type, f, v);
            else if (f.scheme == "OVERHEIDop.Parlementair")
                single(parlementair, f, v);
            else
                raw(f);
        } else if (n == "OVERHEIDop.publicationName") {
            single(publication_name, f, v);
        } else if (n == "DCTERMS.issued") {
            single(m_.date, f, v);
        } else if (n == "DCTERMS.available") {
            single(m_.published, f, v);
        } else if (n == "DCTERMS.modified") {
            single(m_.modified, f, v);
        } else if (n == "OVERHEIDop.vergaderjaar") {
            single(m_.session_year, f, session_year_of(v).empty() ? v : session_year_of(v));
        } else if (n == "DC.creator") {
            const std::string chamber = chamber_of(v);
            if (chamber.empty()) raw(f);
            else single(m_.chamber, f, chamber);
        } else if (n == "OVERHEIDop.dossiernummer") {
            add_unique(dossier_numbers, v);
        } else if (n == "OVERHEIDop.dossiertitel") {
            add_unique(dossier_titles, v);
        } else if (n == "OVERHEIDop.ondernummer") {
            single(m_.item_number, f, v);
        } else if (n == "OVERHEIDop.aanhangselnummer" || n == "OVERHEIDop.aanhangselNummer") {
            single(aanhangselnummer, f, v);
        } else if (n == "OVERHEIDop.indiener") {
            person(Person{v, "submitter", {}, {}});
        } else if (n == "OVERHEIDop.ontvanger") {
            person(Person{v, "recipient", {}, {}});
        } else if (n == "DCTERMS.language") {
            single(m_.language, f, v);
        } else if (n == "OVERHEID.category") {
            add_unique(m_.subjects, v);
        } else if (n == "OVERHEIDop.vraagnummer") {
            identifier("tk-zaak", v);
        } else if (n == "OVERHEIDop.externMetadataRecord") {
            identifier("oep-metadata-url", v);
        } else if (n == "gzd:preferredUrl") {
            identifier("oep-url", v);
        } else if (n == "gzd:url") {
            identifier("oep-record-url", v);
        } else if (n == "gzd:itemUrl") {
            identifier(f.scheme.empty() ? "oep-item-url" : "oep-" + f.scheme + "-url", v);
        } else {
            raw(f);
        }
    }

    void finish(const PrintedFacts& printed, const std::vector<const MetaRecord*>& records) {
        // title: documenttitel, else DC.title, else as printed
        const std::string* title = !documenttitel.empty() ? &documenttitel : !dc_title.empty() ? &dc_title : &printed.title;
        m_.title = *title;
        if (title != &dc_title && !dc_title.empty()) raw({"DC.title", {}, dc_title});
        const std::string* type = !publication_name.empty() ? &publication_name
                                  : !parlementair.empty()   ? &parlementair
                                                            : &printed.publication_type;
        m_.publication_type = *type;
        if (type != &parlementair && !parlementair.empty()) raw({"DC.type", "OVERHEIDop.Parlementair", parlementair});
        if (m_.document_type.empty()) m_.document_type = printed.document_type;
        if (m_.date.empty()) m_.date = printed.date;
        if (m_.session_year.empty()) m_.session_year = printed.session_year;
        if (m_.chamber.empty()) m_.chamber = printed.chamber;
        if (m_.item_number.empty()) m_.item_number = !aanhangselnummer.empty() ? aanhangselnummer : printed.item_number;
        else if (!aanhangselnummer.empty()) raw({"OVERHEIDop.aanhangselnummer", {}, aanhangselnummer});
        if (m_.language.empty()) m_.language = "nl";
        dossiers(printed);
        for (const Person& p : printed.people) person(p);
        if (doc_.id.empty()) {
            for (const MetaRecord* r : records) {
                doc_.id = extern_record_id(*r);
                if (!doc_.id.empty()) break;
            }
        }
        if (doc_.id.empty()) doc_.id = printed.id;
    }

private:
    // Printed dossiers carry sub-numbers and titles as printed; the metadata
    // fills in what the text does not print.
    void dossiers(const PrintedFacts& printed) {
        m_.dossiers = printed.dossiers;
        std::set<std::string> printed_numbers, printed_titles;
        for (const Dossier& d : printed.dossiers) {
            printed_numbers.insert(d.number);
            printed_numbers.insert(d.number.substr(0, d.number.find('-')));  // "36410" for "36410-XVI"
            printed_titles.insert(collapse_space(d.title));
        }
        std::vector<std::string> unmatched;
        for (const std::string& number : dossier_numbers)
            if (!printed_numbers.count(dutch::compact_dossier_number(number))) unmatched.push_back(number);
        std::vector<std::string> titles;
        for (const std::string& t : dossier_titles)
            if (!printed_titles.count(t)) titles.push_back(t);
        if (!unmatched.empty() && (titles.size() == unmatched.size() || titles.empty())) {
            for (std::size_t i = 0; i < unmatched.size(); ++i)
                m_.dossiers.push_back(Dossier{unmatched[i], titles.empty() ? std::string() : titles[i]});
            titles.clear();
        } else {
            for (const std::string& n : unmatched) raw({"OVERHEIDop.dossiernummer", {}, n});
        }
        for (const std::string& t : titles) {
            if (m_.dossiers.size() == 1 && m_.dossiers[0].title.empty()) m_.dossiers[0].title = t;
            else raw({"OVERHEIDop.dossiertitel", {}, t});
        }
    }

    Document& doc_;
    Metadata& m_;
    std::set<std::tuple<std::string, std::string, std::string>> seen_;
    std::set<std::pair<const void*, std::string>> unique_;
    std::set<std::pair<std::string, std::string>> people_, identifiers_;

public:
    std::string documenttitel, dc_title, publication_name, parlementair, aanhangselnummer;
    std::vector<std::string> dossier_numbers, dossier_titles;
};

}  // namespace

void apply_metadata(const std::vector<const MetaRecord*>& records, const PrintedFacts& printed, Document& doc) {
    Mapper mapper(doc);
    for (const MetaRecord* r : records)
        for (const MetaField& f : *r) mapper.field(f);
    mapper.finish(printed, records);
}

}  // namespace stukwerk::oep
