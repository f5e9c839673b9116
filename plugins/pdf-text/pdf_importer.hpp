// The pdf-text importer: reads the text layer of a PDF with poppler and
// recovers the document from the words' positions and fonts.
#pragma once

#include <stukwerk/importer.hpp>

namespace stukwerk::pdf {

class PdfTextImporter final : public Importer {
public:
    static ImporterInfo describe();

private:
    Identification do_identify(const Probe& probe) const override;
    void do_read(const Source& source, DocumentSink& sink) const override;
};

}  // namespace stukwerk::pdf
