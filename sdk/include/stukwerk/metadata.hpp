// Descriptive metadata of one document: what it is, who made it, where it
// belongs. Values are plain strings in the source's own vocabulary where the
// model cannot know every value in advance (document types, roles), and
// normalised where consumers join on them (ISO dates, dossier numbers).
#pragma once

#include <string>
#include <vector>

namespace stukwerk {

// A Kamerstuk dossier. `number` is normalised: the digits without spaces and,
// where the dossier has a sub-number or chapter, joined by '-' in source
// order ("32545", "36200-X", "21501-20").
struct Dossier {
    std::string number;
    std::string title;

    bool operator==(const Dossier&) const = default;
};

// A person named by the document. `role` uses a small open vocabulary:
// "submitter", "co-submitter", "signatory", "addressee", "speaker",
// "author", "chair", "recipient"; importers may add others.
struct Person {
    std::string name;
    std::string role;
    std::string function;  // "Minister van Defensie", "lid", ...
    std::string party;     // parliamentary group, where the source gives one

    bool operator==(const Person&) const = default;
};

// Any identifier besides the canonical id, with its scheme:
// {"tk-document-number", "2022D56473"}, {"tk-zaak", "2022Z26183"},
// {"tk-document-id", "<guid>"}, {"url", "https://..."}.
struct Identifier {
    std::string scheme;
    std::string value;

    bool operator==(const Identifier&) const = default;
};

// A source field kept verbatim. Every field an importer reads but does not
// map to a typed member lands here, so nothing the source said is dropped.
struct Field {
    std::string name;
    std::string value;
    std::string scheme;  // the source's scheme/qualifier attribute, if any

    bool operator==(const Field&) const = default;
};

struct Metadata {
    std::string title;
    std::string document_type;     // source vocabulary: "Motie", "Brief regering", ...
    std::string publication_type;  // "Kamerstuk", "Handelingen", "Aanhangsel", "Bijlage", ...
    std::string date;              // ISO 8601 date of the document itself
    std::string published;         // ISO 8601 date of publication, where different
    std::string modified;          // ISO 8601 date-time of the last change of the record
    std::string version;           // the record's version, where the source counts them
    std::string session_year;      // "2022-2023"
    std::string chamber;           // "Tweede Kamer", "Eerste Kamer", ...
    std::vector<Dossier> dossiers;
    std::string item_number;       // number within the dossier ("36", "143")
    std::vector<Person> people;
    std::string language;          // BCP 47 ("nl")
    std::vector<std::string> subjects;
    std::vector<Identifier> identifiers;
    std::vector<Field> raw;

    bool operator==(const Metadata&) const = default;
};

}  // namespace stukwerk
