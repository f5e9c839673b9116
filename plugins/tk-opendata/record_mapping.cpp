#include "record_mapping.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include <stukwerk/sniff.hpp>

namespace stukwerk::tk {
namespace {

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2022-12-22T00:00:00+01:00" -> "2022-12-22": the document's own date is
// the calendar date in the source's time zone.
std::string date_part(const std::string& s) {
    if (s.size() >= 10 && all_digits(s.substr(0, 4)) && s[4] == '-' && all_digits(s.substr(5, 2)) && s[7] == '-' &&
        all_digits(s.substr(8, 2)))
        return s.substr(0, 10);
    return s;
}

// Dossier number and toevoeging as one normalised number: {36410, "XVI"} -> "36410-XVI".
std::string dossier_number(std::string_view nummer, std::string_view toevoeging) {
    std::string out = trim(nummer);
    std::string extra;
    for (char c : trim(toevoeging)) extra += (c == ' ' ? '-' : c);
    if (!extra.empty()) out += "-" + extra;
    return out;
}

struct KstId {
    std::string dossier;
    std::string number;
};

// "kst-36410-XVI-104" -> {"36410-XVI", "104"}; nothing when `id` is no kst
// id or when its number contradicts the record's own item number.
std::optional<KstId> parse_kst(std::string_view id, const std::string& item) {
    if (id.substr(0, 4) != "kst-") return std::nullopt;
    const std::string_view rest = id.substr(4);
    const auto dash = rest.rfind('-');
    if (dash == std::string_view::npos || dash == 0) return std::nullopt;
    KstId k{std::string(rest.substr(0, dash)), std::string(rest.substr(dash + 1))};
    if (!all_digits(k.number) || !std::isdigit(static_cast<unsigned char>(k.dossier[0]))) return std::nullopt;
    if (!item.empty() && k.number != item) return std::nullopt;
    return k;
}

// DocumentActor.Relatie in the model's small role vocabulary; other values as given.
std::string role_of(const std::string& relatie) {
    const std::string r = sniff::lower(trim(relatie));
    if (r == "indiener" || r == "eerste indiener") return "submitter";
    if (r == "medeindiener" || r == "mede indiener" || r == "mede-indiener") return "co-submitter";
    if (r == "ondertekenaar" || r == "eerste ondertekenaar" || r == "mede ondertekenaar" || r == "medeondertekenaar")
        return "signatory";
    if (r == "aan" || r == "geadresseerde" || r == "ontvanger") return "addressee";
    if (r == "van" || r == "afzender") return "author";
    return trim(relatie);
}

std::string chamber_of(const std::string& kamer) {
    if (kamer == "1") return "Eerste Kamer";
    if (kamer == "2") return "Tweede Kamer";
    if (kamer == "3") return "Eerste Kamer en Tweede Kamer";
    return {};
}

// Relations the mapping turns into typed members or identifiers; any other
// link of the Document is kept in metadata.raw.
bool mapped_relation(std::string_view name) {
    return name == "HuidigeDocumentVersie" || name == "DocumentVersie" || name == "Zaak" ||
           name == "Kamerstukdossier" || name == "DocumentActor";
}

}  // namespace

DocumentRecord resolve(Entity document, const EntityLookup& lookup) {
    DocumentRecord r;
    const std::string id = document.id;
    r.document = std::move(document);
    const Entity& doc = r.document;
    auto live = [](std::optional<Entity> e) { return e && !e->deleted ? std::move(e) : std::nullopt; };

    for (const std::string& vid : doc.refs_named("HuidigeDocumentVersie"))
        if (!r.version) r.version = live(lookup.by_id("DocumentVersie", vid));
    if (!r.version) {
        // No current version named: the highest-numbered live one that points here.
        long best = -1;
        for (Entity& v : lookup.referring("DocumentVersie", "Document", id)) {
            if (v.deleted) continue;
            const std::string* n = v.field("Versienummer");
            const long number = n && all_digits(*n) && n->size() < 10 ? std::stol(*n) : 0;
            if (number > best) {
                best = number;
                r.version = std::move(v);
            }
        }
    }

    std::set<std::string> zaak_ids;
    for (const std::string& zid : doc.refs_named("Zaak")) zaak_ids.insert(zid);
    for (const std::string& zid : zaak_ids)
        if (auto z = live(lookup.by_id("Zaak", zid))) r.zaken.push_back(std::move(*z));

    for (const std::string& did : doc.refs_named("Kamerstukdossier"))
        if (!r.dossier) r.dossier = live(lookup.by_id("Kamerstukdossier", did));
    for (const Entity& z : r.zaken)
        for (const std::string& did : z.refs_named("Kamerstukdossier"))
            if (!r.dossier && doc.refs_named("Kamerstukdossier").empty())
                r.dossier = live(lookup.by_id("Kamerstukdossier", did));

    std::set<std::string> actor_ids;
    for (Entity& a : lookup.referring("DocumentActor", "Document", id))
        if (!a.deleted && actor_ids.insert(a.id).second) r.actors.push_back(std::move(a));
    for (const std::string& aid : doc.refs_named("DocumentActor"))
        if (!actor_ids.count(aid))
            if (auto a = live(lookup.by_id("DocumentActor", aid))) {
                actor_ids.insert(aid);
                r.actors.push_back(std::move(*a));
            }

    if (r.version) {
        std::set<std::string> seen;
        for (const char* type : {"DocumentPublicatie", "DocumentPublicatieMetadata"})
            for (Entity& p : lookup.referring(type, "DocumentVersie", r.version->id))
                if (!p.deleted && seen.insert(p.id).second) r.publications.push_back(std::move(p));
    }
    return r;
}

Document to_document(const DocumentRecord& r) {
    const Entity& e = r.document;
    Document d;
    Metadata& m = d.metadata;
    if (e.deleted) d.status = RecordStatus::deleted;

    std::set<std::string> used;
    auto take = [&](const char* name) -> std::string {
        const std::string* v = e.field(name);
        if (!v) return {};
        used.insert(name);
        return *v;
    };

    const std::string number = take("DocumentNummer");
    const std::string volgnummer = e.field("Volgnummer") ? *e.field("Volgnummer") : std::string();
    std::string item;
    if (all_digits(volgnummer) && volgnummer.size() < 10 && std::stol(volgnummer) > 0) {
        item = volgnummer;
        used.insert("Volgnummer");
    }

    // The publication's own identifier: the version's ExterneIdentifier, or
    // (OData) the Identifier of its publications.
    std::string externe;
    if (r.version && r.version->field("ExterneIdentifier")) externe = trim(*r.version->field("ExterneIdentifier"));
    if (externe.empty()) {
        std::set<std::string> identifiers;
        for (const Entity& p : r.publications)
            if (const std::string* v = p.field("Identifier"); v && !trim(*v).empty()) identifiers.insert(trim(*v));
        if (!identifiers.empty()) externe = *identifiers.begin();
    }

    // The dossier: its own entity, else the one the kst id names.
    Dossier dossier;
    if (r.dossier && r.dossier->field("Nummer")) {
        dossier.number = dossier_number(*r.dossier->field("Nummer"),
                                        r.dossier->field("Toevoeging") ? *r.dossier->field("Toevoeging") : "");
        if (const std::string* t = r.dossier->field("Titel")) dossier.title = trim(*t);
    }
    std::string kst;
    if (!dossier.number.empty() && !item.empty()) kst = "kst-" + dossier.number + "-" + item;
    if (kst.empty())
        if (auto k = parse_kst(externe, item)) {
            kst = externe;
            if (dossier.number.empty()) dossier.number = k->dossier;
            if (item.empty()) item = k->number;
        }
    // A Kamerstuk's Titel is its dossier's title (Onderwerp is its own).
    if (!dossier.number.empty() && dossier.title.empty() && e.field("Titel")) dossier.title = trim(take("Titel"));

    d.id = !kst.empty() ? kst : !number.empty() ? number : e.id;
    if (!kst.empty()) m.publication_type = "Kamerstuk";

    m.title = trim(take("Onderwerp"));
    if (m.title.empty()) m.title = trim(take("Titel"));
    m.document_type = trim(take("Soort"));
    m.date = date_part(take("Datum"));
    m.modified = e.modified;
    if (r.version)
        if (const std::string* v = r.version->field("Versienummer")) m.version = *v;
    m.session_year = take("Vergaderjaar");
    if (const std::string* k = e.field("Kamer"); k && !chamber_of(*k).empty()) {
        m.chamber = chamber_of(*k);
        used.insert("Kamer");
    } else {
        m.chamber = take("Organisatie");
    }
    if (!dossier.number.empty()) m.dossiers.push_back(dossier);
    m.item_number = item;
    if (!e.deleted) m.language = "nl";

    for (const Entity& a : r.actors) {
        Person p;
        if (const std::string* v = a.field("ActorNaam")) p.name = trim(*v);
        if (p.name.empty()) continue;
        if (const std::string* v = a.field("Relatie")) p.role = role_of(*v);
        if (const std::string* v = a.field("Functie")) p.function = trim(*v);
        if (const std::string* v = a.field("ActorFractie")) p.party = trim(*v);
        m.people.push_back(std::move(p));
    }
    std::sort(m.people.begin(), m.people.end(), [](const Person& a, const Person& b) {
        return std::tie(a.name, a.role, a.function, a.party) < std::tie(b.name, b.role, b.function, b.party);
    });

    // Identifiers in a fixed order of schemes, values sorted within each.
    auto add_ids = [&](const char* scheme, std::set<std::string> values) {
        for (const std::string& v : values)
            if (!v.empty()) m.identifiers.push_back(Identifier{scheme, v});
    };
    add_ids("tk-document-number", {number});
    add_ids("tk-document-id", {e.id});
    {
        std::set<std::string> versions;
        for (const std::string& v : e.refs_named("HuidigeDocumentVersie")) versions.insert(v);
        if (r.version) versions.insert(r.version->id);
        add_ids("tk-document-version-id", versions);
    }
    {
        std::set<std::string> numbers, ids;
        for (const Entity& z : r.zaken)
            if (const std::string* n = z.field("Nummer")) numbers.insert(trim(*n));
        for (const std::string& z : e.refs_named("Zaak")) ids.insert(z);
        add_ids("tk-zaak", numbers);
        add_ids("tk-zaak-id", ids);
    }
    {
        std::set<std::string> ids;
        for (const std::string& k : e.refs_named("Kamerstukdossier")) ids.insert(k);
        if (r.dossier) ids.insert(r.dossier->id);
        add_ids("tk-dossier-id", ids);
    }
    add_ids("oep-id", {externe});

    // Everything the record said that has no member of its own.
    std::vector<Field> raw;
    for (const auto& [name, value] : e.fields)
        if (!used.count(name)) raw.push_back(Field{name, value, {}});
    if (!e.api_modified.empty()) raw.push_back(Field{"ApiGewijzigdOp", e.api_modified, {}});
    for (const auto& [name, target] : e.refs)
        if (!mapped_relation(name)) raw.push_back(Field{name, target, "ref"});
    std::sort(raw.begin(), raw.end(), [](const Field& a, const Field& b) {
        return std::tie(a.name, a.scheme, a.value) < std::tie(b.name, b.scheme, b.value);
    });
    raw.erase(std::unique(raw.begin(), raw.end()), raw.end());
    m.raw = std::move(raw);
    return d;
}

}  // namespace stukwerk::tk
