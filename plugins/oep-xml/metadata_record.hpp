// KOOP metadata in its four shapes, read into one list of fields with the
// names of the OVERHEIDop vocabulary, and mapped onto the model:
//
//   <metadata><meta name= scheme= content=/>       inline, in the publication
//   <metadata_gegevens><metadata name= .../>        metadata.xml
//   <owms-metadata><owmskern><dcterms:title>…       metadata_owms.xml
//   <gzd:gzd><gzd:originalData><overheidwetgeving:meta>…   one SRU record
//
// Mapping rules are those of docs/model-conventions.md; every field that has
// no typed home lands in Metadata::raw with its scheme, so nothing is lost.
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>

#include <stukwerk/document.hpp>

namespace stukwerk::oep {

struct MetaField {
    std::string name;    // "DC.title", "OVERHEIDop.indiener", or the source's own qualified name
    std::string scheme;  // the scheme/qualifier attribute, if any
    std::string value;
};

using MetaRecord = std::vector<MetaField>;

MetaRecord read_inline_meta(pugi::xml_node metadata);         // <metadata> of an officiele-publicatie
MetaRecord read_metadata_gegevens(pugi::xml_node root);       // <metadata_gegevens>
MetaRecord read_owms(pugi::xml_node root);                    // <owms-metadata>
MetaRecord read_gzd(pugi::xml_node gzd);                      // one <gzd:gzd> record
// A metadata file's record by its root element; empty when the root is not one of the shapes above.
MetaRecord read_metadata_file(pugi::xml_node root);

// The DC.identifier of a record ("" when it has none).
std::string identifier_of(const MetaRecord& record);
// The publication id an OVERHEIDop.externMetadataRecord URL names
// (".../kst-32545-143/metadata.xml" -> "kst-32545-143"); "" when none.
std::string extern_record_id(const MetaRecord& record);
std::string extern_record_url(const MetaRecord& record);

// What the printed text says, used where the metadata is silent.
struct PrintedFacts {
    std::string id;                // derived from the printed numbers
    std::string title;             // the stuk's title as printed
    std::string document_type;     // from the printed title ("MOTIE VAN ..." -> "Motie")
    std::string date;              // datum/@isodatum or a printed date line
    std::string session_year;
    std::string chamber;
    std::string publication_type;  // from the root element ("Kamerstuk", "Handelingen", ...)
    std::string item_number;
    std::vector<Dossier> dossiers;  // numbers compact, titles as printed
    std::vector<Person> people;     // signatories and speakers
};

// Fills doc.id (when empty) and doc.metadata from the records, given in
// precedence order (the first value of a single-valued field wins), and
// from what the text prints.
void apply_metadata(const std::vector<const MetaRecord*>& records, const PrintedFacts& printed, Document& doc);

}  // namespace stukwerk::oep
