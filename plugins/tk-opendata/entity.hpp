// The Tweede Kamer's open-data entities in one neutral form, whichever API
// served them. SyncFeed XML and OData JSON carry the same entities with the
// same attributes (camelCase elements in one, PascalCase properties in the
// other); both readers turn them into `Entity` with the OData names, and
// everything after that — resolving a Document's related entities and
// mapping them onto the model — is shared, which is why the two formats
// give equal documents.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stukwerk::tk {

struct Entity {
    std::string type;          // OData entity set name: "Document", "DocumentVersie", "Zaak", ...
    std::string id;            // GUID
    bool deleted = false;      // Verwijderd / tk:verwijderd
    std::string modified;      // GewijzigdOp / tk:bijgewerkt: the source system's last change
    std::string api_modified;  // ApiGewijzigdOp / the Atom entry's <updated>
    // Every other attribute with a value, under its OData name; nulls are absent.
    std::vector<std::pair<std::string, std::string>> fields;
    // Links to other entities: relation name (OData navigation name) -> GUID.
    std::vector<std::pair<std::string, std::string>> refs;

    const std::string* field(std::string_view name) const {
        for (const auto& [k, v] : fields)
            if (k == name) return &v;
        return nullptr;
    }
    std::vector<std::string> refs_named(std::string_view name) const {
        std::vector<std::string> out;
        for (const auto& [k, v] : refs)
            if (k == name) out.push_back(v);
        return out;
    }
};

// Where a reader keeps the entities of one page (one feed, one JSON file),
// so a Document's relations can be looked up.
class EntityLookup {
public:
    virtual ~EntityLookup() = default;
    // The entity of `type` with GUID `id`, if the page holds it.
    virtual std::optional<Entity> by_id(std::string_view type, std::string_view id) const = 0;
    // The entities of `type` whose relation `relation` names `target`.
    virtual std::vector<Entity> referring(std::string_view type, std::string_view relation,
                                          std::string_view target) const = 0;
};

// A Document with the related entities found on its page.
struct DocumentRecord {
    Entity document;
    std::optional<Entity> version;      // the current DocumentVersie
    std::vector<Entity> zaken;          // the Zaak entities the page holds (others stay GUIDs)
    std::optional<Entity> dossier;      // its Kamerstukdossier (or its zaak's)
    std::vector<Entity> actors;         // DocumentActor
    std::vector<Entity> publications;   // OData DocumentPublicatie(Metadata) of the current version
};

// OData spells "ExterneIdentifier" where the XSD spells "externeidentifier":
// the canonical (OData) spelling of an attribute name.
std::string canonical_name(std::string_view name);

}  // namespace stukwerk::tk
