// From open-data entities to the document model, shared by the SyncFeed
// and OData readers (the mapping is listed in this plugin's README).
#pragma once

#include <stukwerk/document.hpp>

#include "entity.hpp"

namespace stukwerk::tk {

// Gathers the entities on the page that belong to `document`: its current
// version, zaken, dossier, actors and (OData) publications. Deleted related
// entities are left out: a tombstone says nothing about the document.
DocumentRecord resolve(Entity document, const EntityLookup& lookup);

// The model's Document for one record. Deterministic in the record's
// content, not in the order entities appeared in, so the same record read
// from either API gives an equal Document.
Document to_document(const DocumentRecord& record);

}  // namespace stukwerk::tk
