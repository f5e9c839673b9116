#include "csv_tables.hpp"

namespace stukwerk::plugins::csv {

const std::array<TableSpec, table_count>& tables() {
    static const std::array<TableSpec, table_count> specs{{
        {"documents.csv",
         {"id", "status", "document_type", "publication_type", "title", "date", "published", "modified", "version",
          "session_year", "chamber", "dossier_numbers", "dossier_titles", "item_number", "language", "subjects",
          "identifiers", "source_format", "source_media_type", "source_sha256", "source_size", "block_count",
          "footnote_count", "reference_count", "person_count", "warning_count"}},
        {"blocks.csv",
         {"document_id", "sequence", "path", "parent", "depth", "type", "role", "level", "label", "speaker",
          "speaker_function", "speaker_party", "text"}},
        {"footnotes.csv", {"document_id", "sequence", "id", "label", "text"}},
        {"references.csv", {"document_id", "sequence", "target", "kind", "where", "text"}},
        {"people.csv", {"document_id", "sequence", "role", "name", "function", "party"}},
    }};
    return specs;
}

namespace {

template <class T, class F>
std::string join(const std::vector<T>& items, F&& value) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += list_separator;
        out += value(items[i]);
    }
    return out;
}

// The body tree in reading order (pre-order), one row per block. An
// explicit stack rather than recursion: an importer may hand over a tree
// as deep as its input allows, and the exporter must not be the one to
// run out of stack.
void add_blocks(const Document& doc, std::vector<Row>& out) {
    struct Level {
        const std::vector<Block>* blocks;
        std::size_t next;
        std::string path;
        std::size_t parent;  // sequence of the parent block, 0 at the top
    };
    std::vector<Level> stack{{&doc.body, 0, "body", 0}};
    std::size_t sequence = 0;
    while (!stack.empty()) {
        Level& top = stack.back();
        if (top.next == top.blocks->size()) {
            stack.pop_back();
            continue;
        }
        const std::size_t index = top.next++;
        const Block& b = (*top.blocks)[index];
        std::string path = top.path + "/" + std::to_string(index);
        const std::size_t parent = top.parent;
        const std::size_t depth = stack.size();
        ++sequence;
        out.push_back(Row{doc.id, std::to_string(sequence), path, parent ? std::to_string(parent) : std::string(),
                          std::to_string(depth), to_string(b.type), b.role,
                          b.type == BlockType::heading ? std::to_string(b.level) : std::string(), b.label,
                          b.speaker.name, b.speaker.function, b.speaker.party, plain_text(b)});
        if (!b.children.empty()) stack.push_back(Level{&b.children, 0, std::move(path), sequence});
    }
}

}  // namespace

DocumentRows rows_of(const Document& doc) {
    DocumentRows r;
    const Metadata& m = doc.metadata;

    add_blocks(doc, r[Table::blocks]);
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
        const Footnote& f = doc.footnotes[i];
        r[Table::footnotes].push_back(Row{doc.id, std::to_string(i + 1), f.id, f.label, plain_text(f.inlines)});
    }
    for (std::size_t i = 0; i < doc.references.size(); ++i) {
        const Reference& x = doc.references[i];
        r[Table::references].push_back(Row{doc.id, std::to_string(i + 1), x.target, x.kind, x.where, x.text});
    }
    for (std::size_t i = 0; i < m.people.size(); ++i) {
        const Person& p = m.people[i];
        r[Table::people].push_back(Row{doc.id, std::to_string(i + 1), p.role, p.name, p.function, p.party});
    }

    r[Table::documents].push_back(Row{
        doc.id,
        doc.status == RecordStatus::deleted ? "deleted" : "active",
        m.document_type,
        m.publication_type,
        m.title,
        m.date,
        m.published,
        m.modified,
        m.version,
        m.session_year,
        m.chamber,
        join(m.dossiers, [](const Dossier& d) { return d.number; }),
        join(m.dossiers, [](const Dossier& d) { return d.title; }),
        m.item_number,
        m.language,
        join(m.subjects, [](const std::string& s) { return s; }),
        join(m.identifiers, [](const Identifier& i) { return i.scheme + "=" + i.value; }),
        doc.source.format,
        doc.source.media_type,
        doc.source.sha256,
        std::to_string(doc.source.size),
        std::to_string(r[Table::blocks].size()),
        std::to_string(doc.footnotes.size()),
        std::to_string(doc.references.size()),
        std::to_string(m.people.size()),
        std::to_string(doc.warnings.size()),
    });
    return r;
}

}  // namespace stukwerk::plugins::csv
