// `json`: reads stukwerk's own JSON back (one document per .json file, one
// per line of a .jsonl file), so a converted collection can be exported to
// other formats again without re-parsing the originals, and so exporters
// can be tested on hand-written documents.
#pragma once

#include <stukwerk/importer.hpp>

namespace stukwerk::plugins {

class JsonImporter final : public Importer {
public:
    static ImporterInfo describe();

private:
    Identification do_identify(const Probe& probe) const override;
    void do_read(const Source& source, DocumentSink& sink) const override;
};

}  // namespace stukwerk::plugins
