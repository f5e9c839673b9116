// One document as it travels from importer to exporter.
//
// Importers fill `id`, `metadata`, `body`, `footnotes`, and may add
// `references` and `warnings`. The host's shared passes then normalise the
// id, extract references from the text, check links, and fill `source`;
// exporters only read. The JSON form of this struct (sdk/schema/
// document.schema.json) is the stable, language-neutral contract.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <stukwerk/block.hpp>
#include <stukwerk/metadata.hpp>

namespace stukwerk {

struct Footnote {
    std::string id;              // target of the markers that point here
    std::string label;           // as printed ("1", "*")
    std::vector<Inline> inlines; // paragraphs separated by line_break inlines
    SourceLocation source;

    bool operator==(const Footnote&) const = default;
};

// A citation of another publication. `target` is the normalised id of the
// cited publication ("kst-36200-X-37", "h-tk-20202021-33-4"), or a URL when
// the citation names no publication id.
struct Reference {
    std::string text;    // the citation as written
    std::string target;
    std::string kind;    // "kamerstuk", "handelingen", "bijlage", "url", ...
    std::string where;   // "body/3/0" (block path) or "footnote/7"

    bool operator==(const Reference&) const = default;
};

struct ImporterStamp {
    std::string name;
    std::string version;

    bool operator==(const ImporterStamp&) const = default;
};

// Where the document came from. Filled by the host, not by importers.
struct Provenance {
    std::string format;     // the importer's format name ("oep-xml")
    std::string media_type;
    std::string path;
    std::string sha256;     // of the input file's bytes
    std::uint64_t size = 0;
    std::uint32_t record = 0;  // position of this document within its input
    ImporterStamp importer;

    bool operator==(const Provenance&) const = default;
};

struct Warning {
    std::string code;     // stable, machine-readable ("unknown-element")
    std::string message;  // for people
    std::string where;    // element path, block path or page

    bool operator==(const Warning&) const = default;
};

enum class RecordStatus : std::uint8_t {
    active,
    deleted,  // a feed's tombstone: the source withdrew this record
};

struct Document {
    std::string id;
    RecordStatus status = RecordStatus::active;
    Metadata metadata;
    std::vector<Block> body;
    std::vector<Footnote> footnotes;
    std::vector<Reference> references;
    Provenance source;
    std::vector<Warning> warnings;

    void warn(std::string code, std::string message, std::string where = {}) {
        warnings.push_back(Warning{std::move(code), std::move(message), std::move(where)});
    }

    bool operator==(const Document&) const = default;
};

}  // namespace stukwerk
