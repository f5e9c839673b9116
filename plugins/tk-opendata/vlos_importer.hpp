// `tk-vlos`: meeting transcripts from VLOS, the Tweede Kamer's reporting
// system, as the open-data Verslag resource serves them (<vlosCoreDocument>
// in http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0, and <vlosdocument>
// of VLOS2.0.xsd in http://www.tweedekamer.nl/vlos2). One document per
// transcript: the meeting's metadata, a section per agenda item, a
// speaker_turn per speech (interruptions attributed, role "interruption").
#pragma once

#include <stukwerk/importer.hpp>

namespace stukwerk::tk {

class VlosImporter final : public Importer {
public:
    static ImporterInfo describe();

private:
    Identification do_identify(const Probe& probe) const override;
    void do_read(const Source& source, DocumentSink& sink) const override;
};

}  // namespace stukwerk::tk
