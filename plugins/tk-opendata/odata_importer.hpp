// `tk-odata`: the Tweede Kamer's OData API as JSON
// (https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/): a collection page
// ({"value": [...]}), a bare array of entities, or one entity, with any
// $expand-ed related entities nested inside. The same entities as the
// SyncFeed, mapped by the same code (record_mapping.cpp), so one record
// gives the same document from either API. Read without a DOM, one record
// at a time, after a first pass has checked the whole text.
#pragma once

#include <stukwerk/importer.hpp>

namespace stukwerk::tk {

class ODataImporter final : public Importer {
public:
    static ImporterInfo describe();

private:
    Identification do_identify(const Probe& probe) const override;
    void do_read(const Source& source, DocumentSink& sink) const override;
};

}  // namespace stukwerk::tk
