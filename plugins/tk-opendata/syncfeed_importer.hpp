// `tk-syncfeed`: the Tweede Kamer's SyncFeed API (Atom pages of tkData
// entities, https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed), and a
// single entity as the Entiteiten/<id> endpoint serves it.
//
// One document per Document entity, with the related entities on the same
// page resolved into it; deleted entities come out as deletion records.
// A feed of any size is read in two passes over the mapped input, parsing
// one <entry> at a time: the first indexes where each entity is, the second
// builds the documents. Memory is the index, not a tree of the whole feed.
#pragma once

#include <stukwerk/importer.hpp>

namespace stukwerk::tk {

class SyncFeedImporter final : public Importer {
public:
    static ImporterInfo describe();

private:
    Identification do_identify(const Probe& probe) const override;
    void do_read(const Source& source, DocumentSink& sink) const override;
};

}  // namespace stukwerk::tk
