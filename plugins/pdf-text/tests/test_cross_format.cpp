// Cross-format agreement: a publication read from its PDF and from its XML
// (through the oep-xml importer of this build) is the same document. The
// real kst-32545-143 is in the corpus as PDF and XML; the flagship
// kst-33279-36 as reconstructed XML and the PDF rendered from it.
#include <gtest/gtest.h>

#include "cross_format.hpp"

namespace stukwerk::test::pdf {
namespace {

void expect_same_identity(const Document& xml, const Document& pdf) {
    EXPECT_EQ(pdf.id, xml.id);
    ASSERT_EQ(pdf.metadata.dossiers.size(), xml.metadata.dossiers.size());
    for (std::size_t i = 0; i < xml.metadata.dossiers.size(); ++i) {
        EXPECT_EQ(pdf.metadata.dossiers[i].number, xml.metadata.dossiers[i].number);
        EXPECT_EQ(pdf.metadata.dossiers[i].title, xml.metadata.dossiers[i].title);
    }
    EXPECT_EQ(pdf.metadata.item_number, xml.metadata.item_number);
    EXPECT_EQ(pdf.metadata.date, xml.metadata.date);
    EXPECT_EQ(pdf.metadata.session_year, xml.metadata.session_year);
    EXPECT_EQ(pdf.metadata.chamber, xml.metadata.chamber);
    EXPECT_EQ(pdf.metadata.publication_type, xml.metadata.publication_type);
}

std::string heading_text(const Document& doc, const std::string& role) {
    const auto h = find_blocks(doc, [&](const Block& b) { return b.type == BlockType::heading && b.role == role; });
    return h.empty() ? std::string() : normalise_space(plain_text(*h.front()));
}

void expect_same_text(const Document& xml, const Document& pdf) {
    const ParagraphAgreement a = compare_paragraphs(xml, pdf);
    EXPECT_GT(a.total, 0u);
    // 98% of the XML's paragraphs, rounded up: with fewer than 50, all of them
    const std::size_t needed = a.total - a.total / 50;
    EXPECT_GE(a.found, needed) << a.found << " of " << a.total << " XML paragraphs found in the PDF; missing:\n"
                               << a.missing;
    EXPECT_EQ(footnote_disagreements(xml, pdf), "");
    EXPECT_EQ(heading_text(pdf, "dossier-title"), heading_text(xml, "dossier-title"));
    EXPECT_EQ(heading_text(pdf, "document-title"), heading_text(xml, "document-title"));
}

TEST(PdfTextCrossFormat, TheRealMotionAgreesWithItsXmlFromThePrintedPageAlone) {
    const Document xml = import_one(corpus_dir() / "oep-xml" / "kst-32545-143.xml", "oep-xml");
    const Document pdf = import_one(corpus_pdf("kst-32545-143.pdf"), "pdf-text");
    expect_same_identity(xml, pdf);
    expect_same_text(xml, pdf);
    // Without the metadata record the title is the one printed, which the
    // XML holds as the document-title heading.
    EXPECT_EQ(pdf.metadata.title, heading_text(xml, "document-title"));
}

TEST(PdfTextCrossFormat, TheRealMotionAgreesOnTheTitleWithItsMetadataRecord) {
    const fs::path dir = temp_dir("pdf-cross-companion");
    fs::copy_file(corpus_pdf("kst-32545-143.pdf"), dir / "kst-32545-143.pdf");
    fs::copy_file(corpus_dir() / "oep-xml" / "kst-32545-143.metadata.xml", dir / "kst-32545-143.metadata.xml");
    const Document xml = import_one(corpus_dir() / "oep-xml" / "kst-32545-143.xml", "oep-xml");
    const Document pdf = import_one(dir / "kst-32545-143.pdf", "pdf-text");
    expect_same_identity(xml, pdf);
    expect_same_text(xml, pdf);
    EXPECT_EQ(pdf.metadata.title, xml.metadata.title);
    EXPECT_EQ(pdf.metadata.document_type, xml.metadata.document_type);
    EXPECT_EQ(pdf.metadata.published, xml.metadata.published);
    EXPECT_EQ(pdf.metadata.subjects, xml.metadata.subjects);
}

}  // namespace
}  // namespace stukwerk::test::pdf

namespace stukwerk::test::pdf {
namespace {

// The real motion kst-36755-24 rendered from its real XML (a reconstructed
// PDF, tests/data/pdf-text/SOURCES.md): three dash lists and a dossier title
// set over two lines.
TEST(PdfTextCrossFormat, AMotionWithDashListsAgreesWithItsXml) {
    const Document xml = import_one(corpus_dir() / "oep-xml" / "kst-36755-24.xml", "oep-xml");
    const Document pdf = import_one(data_dir() / "pdf-text" / "kst-36755-24.pdf", "pdf-text");
    expect_same_identity(xml, pdf);
    expect_same_text(xml, pdf);
    EXPECT_EQ(pdf.metadata.dossiers[0].title, "Wijziging van de Omgevingswet (maatwerkaanpak PAS-projecten)");
    const auto lists = blocks_of_type(pdf, BlockType::list);
    ASSERT_EQ(lists.size(), 3u);
    std::vector<std::size_t> sizes;
    for (const Block* l : lists) {
        EXPECT_FALSE(l->ordered);
        sizes.push_back(l->children.size());
        for (const Block& item : l->children) EXPECT_EQ(item.label, "\xE2\x80\x93");  // "–", as printed
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{6, 6, 4}));
    EXPECT_EQ(plain_text(lists[2]->children.back()),
              "de lessen die hier geleerd worden op gebied van borging en vergunningverlening breed te implementeren,");
}

}  // namespace
}  // namespace stukwerk::test::pdf
