#include "shared_passes.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

#include <stukwerk/dutch.hpp>

#include "reference_extractor.hpp"
#include "utf8.hpp"

namespace stukwerk::core {
namespace {

template <class F>
void each_string(std::vector<Inline>& inlines, F& f) {
    for (Inline& in : inlines) {
        f(in.text);
        f(in.target);
    }
}

template <class F>
void each_string(Block& b, F& f) {
    f(b.role);
    f(b.label);
    f(b.speaker.name);
    f(b.speaker.function);
    f(b.speaker.party);
    f(b.source.path);
    each_string(b.inlines, f);
    for (Block& c : b.children) each_string(c, f);
}

// Calls f on every string the document holds, so a pass over "all text"
// cannot forget a field.
template <class F>
void each_string(Document& d, F&& f) {
    f(d.id);
    Metadata& m = d.metadata;
    for (std::string* s : {&m.title, &m.document_type, &m.publication_type, &m.date, &m.published, &m.modified,
                           &m.version, &m.session_year, &m.chamber, &m.item_number, &m.language})
        f(*s);
    for (Dossier& x : m.dossiers) f(x.number), f(x.title);
    for (Person& p : m.people) f(p.name), f(p.role), f(p.function), f(p.party);
    for (std::string& s : m.subjects) f(s);
    for (Identifier& i : m.identifiers) f(i.scheme), f(i.value);
    for (Field& x : m.raw) f(x.name), f(x.value), f(x.scheme);
    for (Block& b : d.body) each_string(b, f);
    for (Footnote& n : d.footnotes) {
        f(n.id);
        f(n.label);
        f(n.source.path);
        each_string(n.inlines, f);
    }
    for (Reference& r : d.references) f(r.text), f(r.target), f(r.kind), f(r.where);
    for (Warning& w : d.warnings) f(w.code), f(w.message), f(w.where);
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

template <class F>
void each_block_with_path(std::vector<Block>& blocks, const std::string& prefix, F& f) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::string path = prefix + "/" + std::to_string(i);
        f(blocks[i], path);
        each_block_with_path(blocks[i].children, path, f);
    }
}

void cite(Document& doc, std::set<std::tuple<std::string, std::string, std::string>>& seen,
          const std::vector<Inline>& inlines, const std::string& where) {
    auto add = [&](Reference r) {
        if (r.target == doc.id) return;  // the document's own header
        if (seen.emplace(r.text, r.target, r.where).second) doc.references.push_back(std::move(r));
    };
    // Footnote markers are a boundary, not text: "nr. 37" followed by
    // marker 1 must not read as "nr. 371".
    std::string text;
    for (const Inline& in : inlines) text += in.kind == InlineKind::note_ref ? std::string(" ") : plain_text({in});
    for (Citation& c : find_citations(text)) add(Reference{std::move(c.text), std::move(c.target), std::move(c.kind), where});
    for (const Inline& in : inlines) {
        if (in.kind != InlineKind::link || in.target.empty()) continue;
        const std::string id = publication_id_from_url(in.target);
        if (!id.empty()) {
            // Already cited by the same words? Then the text citation stands for it.
            const bool known = std::any_of(doc.references.begin(), doc.references.end(), [&](const Reference& r) {
                return r.target == id && r.where == where;
            });
            if (!known) add(Reference{in.text, id, publication_kind(id), where});
        } else if (in.target.rfind("http://", 0) == 0 || in.target.rfind("https://", 0) == 0) {
            add(Reference{in.text, in.target, "url", where});
        }
    }
}

}  // namespace

void repair_text_encoding(Document& doc) {
    std::size_t repaired = 0;
    each_string(doc, [&](std::string& s) { repaired += repair_utf8(s) ? 1 : 0; });
    if (repaired)
        doc.warn("invalid-utf8",
                 std::to_string(repaired) +
                     " text value(s) held bytes that are not UTF-8, or NUL characters; each was replaced by U+FFFD");
}

void normalise_id(Document& doc, const InputFacts& input, std::uint32_t record) {
    doc.id = trim(doc.id);
    if (!doc.id.empty()) return;
    std::string fallback = input.file_stem.empty() ? std::string("document") : input.file_stem;
    if (record > 0) fallback += "-" + std::to_string(record + 1);
    doc.warn("missing-id", "the source gives no identifier; using '" + fallback + "' from the file name");
    doc.id = std::move(fallback);
}

namespace {

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    const int day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool is_iso_date_time(std::string_view s) {
    if (s.size() < 10 || !is_iso_date(s.substr(0, 10))) return false;
    if (s.size() == 10) return true;
    if (s[10] != 'T' || s.size() < 16) return false;
    for (char c : s.substr(11))
        if (!((c >= '0' && c <= '9') || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-')) return false;
    return true;
}

bool is_dossier_number(std::string_view s) {
    if (s.empty() || s.front() < '0' || s.front() > '9' || s.back() == '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c == '-' && s[i - 1] != '-');
        if (!ok) return false;
    }
    return true;
}

void demote(Document& doc, const char* name, std::string& value, const char* why) {
    doc.metadata.raw.push_back(Field{name, value, {}});
    doc.warn("bad-metadata", std::string(name) + " '" + value + "' " + why + "; kept in metadata.raw");
    value.clear();
}

}  // namespace

void normalise_metadata(Document& doc) {
    Metadata& m = doc.metadata;
    for (auto [name, value] : {std::pair{"date", &m.date}, std::pair{"published", &m.published}}) {
        *value = trim(*value);
        if (!value->empty() && !is_iso_date(*value)) {
            if (value->size() > 10 && is_iso_date_time(*value)) value->resize(10);  // a time the field does not hold
            else demote(doc, name, *value, "is not an ISO 8601 date");
        }
    }
    m.modified = trim(m.modified);
    if (!m.modified.empty() && !is_iso_date_time(m.modified)) demote(doc, "modified", m.modified, "is not an ISO 8601 date-time");
    m.session_year = trim(m.session_year);
    if (!m.session_year.empty()) {
        const std::string compact = compact_session_year(m.session_year);
        if (compact.size() == 8)
            m.session_year = compact.substr(0, 4) + "-" + compact.substr(4);
        else
            demote(doc, "session_year", m.session_year, "is not a session year");
    }
    for (auto it = m.dossiers.begin(); it != m.dossiers.end();) {
        const std::string given = trim(it->number);
        it->number = dutch::compact_dossier_number(given);
        if (is_dossier_number(it->number)) {
            ++it;
            continue;
        }
        m.raw.push_back(Field{"dossier", given + (it->title.empty() ? "" : " " + it->title), {}});
        doc.warn("bad-metadata", "dossier number '" + given + "' is not a dossier number; kept in metadata.raw");
        it = m.dossiers.erase(it);
    }
    for (auto it = m.people.begin(); it != m.people.end();) {
        it->name = trim(it->name);
        if (it->name.empty()) it = m.people.erase(it);
        else ++it;
    }
}

void check_footnote_links(Document& doc) {
    std::unordered_set<std::string> ids;
    for (const Footnote& f : doc.footnotes) ids.insert(f.id);
    std::unordered_set<std::string> referenced;
    auto check = [&](const std::vector<Inline>& inlines, const std::string& where) {
        for (const Inline& in : inlines) {
            if (in.kind != InlineKind::note_ref) continue;
            referenced.insert(in.target);
            if (!ids.count(in.target))
                doc.warn("dangling-note-ref", "footnote marker '" + in.text + "' points at no footnote", where);
        }
    };
    auto visit = [&](Block& b, const std::string& path) { check(b.inlines, path); };
    each_block_with_path(doc.body, "body", visit);
    for (const Footnote& f : doc.footnotes) check(f.inlines, "footnote/" + f.id);
    for (const Footnote& f : doc.footnotes)
        if (!referenced.count(f.id))
            doc.warn("unreferenced-footnote", "footnote '" + f.label + "' has no marker in the text", "footnote/" + f.id);
}

void extract_references(Document& doc) {
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const Reference& r : doc.references) seen.emplace(r.text, r.target, r.where);
    auto visit = [&](Block& b, const std::string& path) { cite(doc, seen, b.inlines, path); };
    each_block_with_path(doc.body, "body", visit);
    for (const Footnote& f : doc.footnotes) cite(doc, seen, f.inlines, "footnote/" + f.id);
}

void stamp_provenance(Document& doc, const InputFacts& input, std::uint32_t record) {
    Provenance& p = doc.source;
    p.path = input.path;
    p.sha256 = input.sha256;
    p.size = input.size;
    p.record = record;
    if (input.importer) {
        p.format = input.importer->name;
        if (p.media_type.empty() && !input.importer->media_types.empty()) p.media_type = input.importer->media_types.front();
        p.importer = ImporterStamp{input.importer->name, input.importer->version};
    }
}

void run_shared_passes(Document& doc, const InputFacts& input, std::uint32_t record) {
    repair_text_encoding(doc);
    normalise_id(doc, input, record);
    normalise_metadata(doc);
    check_footnote_links(doc);
    extract_references(doc);
    stamp_provenance(doc, input, record);
}

}  // namespace stukwerk::core
