#include "pdf_importer.hpp"

#include <stukwerk/sniff.hpp>

#include "companion.hpp"
#include "layout.hpp"
#include "paragraphs.hpp"
#include "structure.hpp"
#include "words.hpp"

namespace stukwerk::pdf {

ImporterInfo PdfTextImporter::describe() {
    return ImporterInfo{"pdf-text",
                        "1.0.0",
                        "PDF with a text layer: reading order, paragraphs, headings, lists, footnotes and the "
                        "KOOP header of Kamerstukken and Handelingen, from the words' positions and fonts (poppler)",
                        {"application/pdf"},
                        {"pdf"}};
}

Identification PdfTextImporter::do_identify(const Probe& probe) const {
    const auto at = probe.head.find("%PDF-");
    if (at == 0) return {90, "starts with %PDF-"};
    if (at != std::string_view::npos && at < 1024) return {70, "%PDF- header after " + std::to_string(at) + " bytes"};
    if (sniff::extension(probe.file_name) == "pdf") return {15, "file name ends in .pdf"};
    return {0, {}};
}

void PdfTextImporter::do_read(const Source& source, DocumentSink& sink) const {
    PdfText text = read_words(source.bytes());
    Reading r;
    r.pages = lay_out(text.pages);
    text.pages.clear();
    set_aside_furniture(r.pages);
    r.type = measure(r.pages);
    r.notes = take_footnotes(r.pages, r.type);
    for (const NoteDraft& n : r.notes) r.note_labels.insert(n.label);
    r.lexicon = build_lexicon(r.pages, r.notes);
    r.paras = group_paragraphs(r.pages, r.type);
    r.heading_sizes = rank_heading_sizes(r);

    Document doc;
    if (!read_kamerstuk(r, doc) && !read_handelingen(r, doc)) read_generic(r, doc);
    doc.source.media_type = "application/pdf";
    // The Info dictionary, kept verbatim: KOOP leaves its Title empty and
    // Word exports put a temporary file name there, so it names nothing.
    if (!text.info_title.empty()) doc.metadata.raw.push_back(Field{"pdf-info-title", text.info_title, {}});
    if (!text.producer.empty()) doc.metadata.raw.push_back(Field{"pdf-producer", text.producer, {}});
    if (text.encrypted)
        doc.metadata.raw.push_back(Field{"pdf-encryption", "encrypted with an owner password only; read without one", {}});
    if (!text.problems.empty())
        doc.warn("damaged-pdf", "poppler reported " + std::to_string(text.problems.size()) +
                                    " problem(s) while reading; the text may be incomplete. First: " +
                                    describe_problem(text.problems.front()));
    merge_companion(source, doc);
    sink.accept(std::move(doc));
}

}  // namespace stukwerk::pdf
