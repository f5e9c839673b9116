#include "document_graph.hpp"

#include <algorithm>
#include <set>

#include <stukwerk/error.hpp>

#include "iri.hpp"
#include "vocabulary.hpp"

namespace stukwerk::plugins::rdf {
namespace {

std::string ELI(std::string_view local) { return vocab::term(vocab::eli, local); }
std::string ELI_DL(std::string_view local) { return vocab::term(vocab::eli_dl, local); }
std::string DCT(std::string_view local) { return vocab::term(vocab::dcterms, local); }
std::string FOAF(std::string_view local) { return vocab::term(vocab::foaf, local); }
std::string ORG(std::string_view local) { return vocab::term(vocab::org, local); }
std::string RDF(std::string_view local) { return vocab::term(vocab::rdf, local); }
std::string SKOS(std::string_view local) { return vocab::term(vocab::skos, local); }
std::string SPDX(std::string_view local) { return vocab::term(vocab::spdx, local); }
std::string XSD(std::string_view local) { return vocab::term(vocab::xsd, local); }

class Builder {
public:
    explicit Builder(Graph& graph) : graph_(graph) {}

    void link(const std::string& s, const std::string& p, const std::string& o) { graph_.push_back({s, p, iri(o)}); }
    void type(const std::string& s, const std::string& cls) { link(s, RDF("type"), cls); }
    // Empty values are absent values: no triple.
    void text(const std::string& s, const std::string& p, const std::string& v, const std::string& lang = {}) {
        if (!v.empty()) graph_.push_back({s, p, literal(v, {}, lang)});
    }
    void typed(const std::string& s, const std::string& p, const std::string& v, const std::string& datatype) {
        graph_.push_back({s, p, literal(v, datatype)});
    }

private:
    Graph& graph_;
};

std::string numbered(const std::string& doc, std::string_view what, std::size_t n) {
    return doc + "#" + std::string(what) + "-" + std::to_string(n);
}

void refuse_nul(const Graph& graph) {
    for (const Triple& t : graph)
        if (t.object.kind == Term::Kind::literal && t.object.value.find('\0') != std::string::npos)
            throw Error("a text value holds the character U+0000 (NUL), which the RDF writer cannot carry");
}

}  // namespace

std::string document_iri(std::string_view base, std::string_view id) { return std::string(base) + encode_segment(id); }

std::string cited_iri(std::string_view base, std::string_view target) {
    return is_http_url(target) ? url_to_iri(target) : document_iri(base, target);
}

Graph document_graph(const Document& doc, std::string_view base) {
    const Metadata& m = doc.metadata;
    const std::string lang = is_language_tag(m.language) ? m.language : std::string();
    const std::string D = document_iri(base, doc.id);
    const std::string expression = D + "#expression";
    const std::string source = D + "#source";
    const std::string checksum = D + "#source-sha256";
    const std::string drafting = D + "#drafting";

    // Each publication cited once, in the order first cited.
    std::vector<std::pair<std::string, std::string>> cited;  // IRI, target
    {
        std::set<std::string> seen;
        for (const Reference& r : doc.references)
            if (!r.target.empty() && seen.insert(r.target).second) cited.emplace_back(cited_iri(base, r.target), r.target);
    }
    std::vector<std::string> roles;  // distinct roles, in order of appearance
    for (const Person& p : m.people)
        if (!p.role.empty() && std::find(roles.begin(), roles.end(), p.role) == roles.end()) roles.push_back(p.role);
    auto role_iri = [&](const std::string& role) { return D + "#role-" + encode_segment(role); };
    auto dossier_iri = [&](const Dossier& d) { return std::string(base) + "dossier/" + encode_segment(d.number); };

    Graph graph;
    Builder g(graph);

    // The document: an ELI Work (not eli:LegalResource, which ELI keeps for
    // enacted legislation).
    g.type(D, ELI("Work"));
    g.text(D, DCT("identifier"), doc.id);
    g.text(D, DCT("title"), m.title, lang);
    g.text(D, DCT("language"), m.language);
    if (is_xsd_date(m.date)) g.typed(D, ELI("date_document"), m.date, XSD("date"));
    if (is_xsd_date(m.published)) g.typed(D, ELI("date_publication"), m.published, XSD("date"));
    if (const std::string dt = xsd_date_time(m.modified); !dt.empty())
        g.typed(D, DCT("modified"), dt, XSD("dateTime"));
    else if (is_xsd_date(m.modified))
        g.typed(D, DCT("modified"), m.modified, XSD("date"));
    else
        g.text(D, DCT("modified"), m.modified);
    g.text(D, ELI("number"), m.item_number);
    if (!m.document_type.empty()) g.link(D, ELI("work_type"), D + "#work-type");
    if (!m.publication_type.empty()) g.link(D, ELI("work_type"), D + "#publication-type");
    for (const Dossier& d : m.dossiers) g.link(D, ELI("is_member_of"), dossier_iri(d));
    for (std::size_t i = 0; i < m.subjects.size(); ++i) g.link(D, ELI("is_about"), numbered(D, "subject", i + 1));
    g.link(D, ELI("is_realized_by"), expression);
    for (const auto& c : cited) g.link(D, ELI("cites"), c.first);

    // Its expression (the text in its language) and the source file that
    // embodies it, with the file's SHA-256.
    g.type(expression, ELI("Expression"));
    g.link(expression, ELI("realizes"), D);
    g.text(expression, ELI("title"), m.title, lang);
    if (const std::string eu = eu_language_iri(m.language); !eu.empty()) g.link(expression, ELI("language"), eu);
    g.link(expression, ELI("is_embodied_by"), source);

    g.type(source, ELI("Manifestation"));
    g.link(source, ELI("embodies"), expression);
    if (is_media_type(doc.source.media_type))
        g.link(source, ELI("media_type"), std::string(vocab::iana_media_types) + doc.source.media_type);
    if (is_sha256(doc.source.sha256)) {
        g.link(source, SPDX("checksum"), checksum);
        g.type(checksum, SPDX("Checksum"));
        g.link(checksum, SPDX("algorithm"), SPDX("checksumAlgorithm_sha256"));
        g.typed(checksum, SPDX("checksumValue"), doc.source.sha256, XSD("hexBinary"));
    }

    // Types, dossiers and subjects in the source's own words. No public
    // vocabulary holds them, so each is a concept local to the document.
    for (const auto& [fragment, label] :
         {std::pair{"#work-type", &m.document_type}, std::pair{"#publication-type", &m.publication_type}}) {
        if (label->empty()) continue;
        g.type(D + fragment, ELI("WorkType"));
        g.type(D + fragment, SKOS("Concept"));
        g.text(D + fragment, SKOS("prefLabel"), *label, lang);
    }
    for (const Dossier& d : m.dossiers) {
        g.type(dossier_iri(d), ELI("ComplexWork"));
        g.text(dossier_iri(d), DCT("identifier"), d.number);
        g.text(dossier_iri(d), DCT("title"), d.title, lang);
    }
    for (std::size_t i = 0; i < m.subjects.size(); ++i) {
        g.type(numbered(D, "subject", i + 1), SKOS("Concept"));
        g.text(numbered(D, "subject", i + 1), SKOS("prefLabel"), m.subjects[i], lang);
    }

    // People with their role (ELI-DL): each takes part, in that role, in the
    // activity that produced the document.
    if (!m.people.empty()) {
        g.type(drafting, ELI_DL("Activity"));
        g.link(drafting, ELI_DL("created_a_realization_of"), D);
        if (is_xsd_date(m.date)) g.typed(drafting, ELI_DL("activity_date"), m.date, XSD("date"));
        for (std::size_t i = 0; i < m.people.size(); ++i)
            g.link(drafting, ELI_DL("had_participation"), numbered(D, "participation", i + 1));
    }
    for (std::size_t i = 0; i < m.people.size(); ++i) {
        const Person& p = m.people[i];
        const std::string participation = numbered(D, "participation", i + 1);
        const std::string person = numbered(D, "person", i + 1);
        g.type(participation, ELI_DL("Participation"));
        g.link(participation, ELI_DL("had_participant_person"), person);
        if (!p.role.empty()) g.link(participation, ELI_DL("participation_role"), role_iri(p.role));
        g.type(person, FOAF("Person"));
        g.text(person, FOAF("name"), p.name);
        if (!p.function.empty()) g.link(person, ORG("holds"), person + "-post");
        if (!p.party.empty()) g.link(person, ORG("memberOf"), person + "-party");
        if (!p.function.empty()) {
            g.type(person + "-post", ORG("Post"));
            g.text(person + "-post", SKOS("prefLabel"), p.function, lang);
        }
        if (!p.party.empty()) {
            g.type(person + "-party", ORG("Organization"));
            g.text(person + "-party", SKOS("prefLabel"), p.party);
        }
    }
    for (const std::string& role : roles) {
        g.type(role_iri(role), ELI_DL("ParticipationRole"));
        g.type(role_iri(role), SKOS("Concept"));
        g.text(role_iri(role), SKOS("notation"), role);
    }

    // Footnotes: subdivisions of the work, with their text.
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
        const Footnote& f = doc.footnotes[i];
        const std::string note = numbered(D, "footnote", i + 1);
        g.type(note, ELI("WorkSubdivision"));
        g.link(note, ELI("is_part_of"), D);
        g.text(note, DCT("identifier"), f.id);
        g.text(note, ELI("number"), f.label);
        g.text(note, RDF("value"), plain_text(f.inlines), lang);
    }

    // The cited publications, by the id they are cited with.
    for (const auto& [cited_uri, target] : cited) {
        if (is_http_url(target)) continue;
        g.type(cited_uri, ELI("Work"));
        g.text(cited_uri, DCT("identifier"), target);
    }

    refuse_nul(graph);
    return graph;
}

}  // namespace stukwerk::plugins::rdf
