// The oep-xml importer: KOOP's officiele-publicatie XML and its metadata.
#pragma once

#include <stukwerk/importer.hpp>

namespace stukwerk::oep {

class OepXmlImporter final : public Importer {
public:
    static ImporterInfo describe();

private:
    Identification do_identify(const Probe& probe) const override;
    void do_read(const Source& source, DocumentSink& sink) const override;
};

}  // namespace stukwerk::oep
