// The real Kamerstuk PDF of the corpus (kst-32545-143, a motion typeset by
// KOOP with XPP). Every expected value below was read off the PDF itself
// (rendered with pdftoppm and extracted with pdftotext -layout) and agrees
// with the same publication's XML and HTML in tests/data/corpus.
#include <gtest/gtest.h>

#include <algorithm>

#include "pdf_test_util.hpp"

namespace stukwerk::test::pdf {
namespace {

const Document& motion() {
    static const Document doc = import_one(corpus_pdf("kst-32545-143.pdf"), "pdf-text");
    return doc;
}

TEST(PdfTextKamerstuk, HeaderAndColophonGiveTheMetadata) {
    const Metadata& m = motion().metadata;
    EXPECT_EQ(motion().id, "kst-32545-143");  // printed in the colophon
    EXPECT_EQ(m.chamber, "Tweede Kamer");
    EXPECT_EQ(m.session_year, "2020-2021");  // "Vergaderjaar 2020–2021"
    ASSERT_EQ(m.dossiers.size(), 1u);
    EXPECT_EQ(m.dossiers[0].number, "32545");
    EXPECT_EQ(m.dossiers[0].title, "Wet- en regelgeving financiële markten");
    EXPECT_EQ(m.item_number, "143");
    EXPECT_EQ(m.date, "2021-07-06");  // "Voorgesteld 6 juli 2021"
    EXPECT_EQ(m.title, "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS");  // no record beside it: the printed title
    EXPECT_EQ(m.document_type, "Motie");
    EXPECT_EQ(m.publication_type, "Kamerstuk");
    EXPECT_EQ(m.language, "nl");
    EXPECT_TRUE(motion().warnings.empty()) << motion().warnings.front().message;
    // the Info dictionary, kept as read (pdfinfo: an empty Title, Producer Acrobat Distiller)
    const std::vector<Field> info = {{"pdf-producer", "Acrobat Distiller Server 8.1.0 (Pentium Linux, Built: 2007-09-07)", {}}};
    EXPECT_EQ(m.raw, info);
    EXPECT_EQ(motion().source.importer.name, "pdf-text");
    EXPECT_EQ(motion().source.media_type, "application/pdf");
}

TEST(PdfTextKamerstuk, HeaderLinesAreHeadingsAndTheDateLineAParagraph) {
    ASSERT_GE(motion().body.size(), 3u);
    const Block& dossier = motion().body[0];
    EXPECT_EQ(dossier.type, BlockType::heading);
    EXPECT_EQ(dossier.role, "dossier-title");
    EXPECT_EQ(dossier.level, 1);
    EXPECT_EQ(dossier.label, "32 545");
    EXPECT_EQ(plain_text(dossier), "Wet- en regelgeving financiële markten");
    const Block& title = motion().body[1];
    EXPECT_EQ(title.role, "document-title");
    EXPECT_EQ(title.label, "Nr. 143");
    EXPECT_EQ(plain_text(title), "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS");
    const Block& date = motion().body[2];
    EXPECT_EQ(date.type, BlockType::paragraph);
    EXPECT_EQ(date.role, "date-line");
    EXPECT_EQ(plain_text(date), "Voorgesteld 6 juli 2021");
}

TEST(PdfTextKamerstuk, LinesJoinIntoTheTypesetParagraphs) {
    const std::vector<std::string> expected = {
        "Voorgesteld 6 juli 2021",
        "De Kamer,",
        "gehoord de beraadslaging,",
        "constaterende dat diverse financiële instellingen klanten laten betalen voor hun spaargeld en in sommige "
        "gevallen ook afscheid nemen van spaarders;",
        "constaterende dat veel financiële instellingen een negatieve spaarrente hanteren vanaf € 100.000;",
        "overwegende dat voorkomen dient te worden dat de grens van negatieve spaarrente de kleine spaarder nog "
        "verder gaat raken;",
        "verzoekt de regering, om een grensspaarsaldo te definiëren waaronder een negatieve spaarrente onwenselijk "
        "is en met de banken in gesprek te gaan om afspraken te maken over het borgen van deze ondergrens;",
        "verzoekt de regering tevens, om, indien de Minister constateert dat banken niet bereid zijn zich te beperken "
        "tot dit grenssaldo, een wetsvoorstel voor te bereiden met een verbod op negatieve spaarrente vanaf de "
        "geformuleerde spaarsaldogrens,",
        "en gaat over tot de orde van de dag.",
        "Inge van Dijk",
        "Grinwis",
    };
    EXPECT_EQ(paragraph_texts(motion()), expected);
}

TEST(PdfTextKamerstuk, TheSubmittersNamesAreASignatureBlock) {
    const auto signatures = blocks_of_type(motion(), BlockType::signature);
    ASSERT_EQ(signatures.size(), 1u);
    ASSERT_EQ(signatures[0]->children.size(), 2u);
    EXPECT_EQ(plain_text(signatures[0]->children[0]), "Inge van Dijk");
    EXPECT_EQ(signatures[0]->children[0].role, "name");
    EXPECT_EQ(plain_text(signatures[0]->children[1]), "Grinwis");
    ASSERT_EQ(motion().metadata.people.size(), 2u);
    EXPECT_EQ(motion().metadata.people[0].name, "Inge van Dijk");
    EXPECT_EQ(motion().metadata.people[0].role, "signatory");
    EXPECT_EQ(motion().body.back().type, BlockType::signature);
}

TEST(PdfTextKamerstuk, TheColophonAndRunningFootStayOutOfTheBody) {
    for (const Block* b : find_blocks(motion(), [](const Block&) { return true; })) {
        const std::string t = plain_text(*b);
        for (const char* furniture : {"ISSN", "kst-32545-143", "Gravenhage", "vergaderjaar 2020", "0921"})
            EXPECT_EQ(t.find(furniture), std::string::npos) << "'" << furniture << "' in: " << t;
    }
}

TEST(PdfTextKamerstuk, EveryBlockKnowsItsPageAndBox) {
    // The page is 558.4 x 771.0 points; the text column starts at x 202.7
    // and the dossier line stands at y 144-155 (pdftotext -bbox).
    double last_top = 0;
    for (const Block* b : find_blocks(motion(), [](const Block& x) { return x.type != BlockType::signature; })) {
        EXPECT_EQ(b->source.page, 1);
        EXPECT_GE(b->source.x0, 0);
        EXPECT_LE(b->source.x1, 558.5);
        EXPECT_LT(b->source.y0, b->source.y1);
        EXPECT_GE(b->source.y0, last_top) << plain_text(*b);  // reading order is top to bottom
        last_top = b->source.y0;
    }
    EXPECT_NEAR(motion().body[0].source.y0, 144.2, 1.0);
    EXPECT_NEAR(motion().body[3].source.x0, 202.7, 0.5);
}

TEST(PdfTextKamerstuk, TheMetadataRecordBesideThePdfCompletesTitleAndType) {
    const fs::path dir = temp_dir("pdf-companion");
    fs::copy_file(corpus_pdf("kst-32545-143.pdf"), dir / "kst-32545-143.pdf");
    fs::copy_file(corpus_dir() / "oep-xml" / "kst-32545-143.metadata.xml", dir / "kst-32545-143.metadata.xml");
    const Document doc = import_one(dir / "kst-32545-143.pdf", "pdf-text");
    const Metadata& m = doc.metadata;
    // OVERHEIDop.documenttitel, DC.type (KamerstukTypen), DCTERMS.available, OVERHEID.category, indieners
    EXPECT_EQ(m.title, "Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo voor "
                       "negatieve spaarrente");
    EXPECT_EQ(m.document_type, "Motie");
    EXPECT_EQ(m.published, "2021-07-07");
    EXPECT_EQ(m.subjects, (std::vector<std::string>{"Economie | Overige economische sectoren",
                                                   "Financiën | Financieel toezicht"}));
    std::vector<std::string> submitters;
    for (const Person& p : m.people)
        if (p.role == "submitter") submitters.push_back(p.name);
    EXPECT_EQ(submitters, (std::vector<std::string>{"I. (Inge) van Dijk", "P.A. Grinwis"}));
    const bool kept_doctype = std::any_of(m.raw.begin(), m.raw.end(), [](const Field& f) {
        return f.name == "OVERHEIDop.doctype" && f.value == "Officiële Publicaties, versie 1.1";
    });
    EXPECT_TRUE(kept_doctype);
    // The record agrees with the printed page: nothing to warn about.
    EXPECT_FALSE(has_warning(doc, "metadata-mismatch"));
    EXPECT_EQ(doc.id, "kst-32545-143");
    EXPECT_EQ(m.date, "2021-07-06");
}

TEST(PdfTextKamerstuk, ARecordThatContradictsThePrintedPageIsNamedNotBelieved) {
    const fs::path dir = temp_dir("pdf-companion-conflict");
    fs::copy_file(corpus_pdf("kst-32545-143.pdf"), dir / "kst-32545-143.pdf");
    std::string record = read_file(corpus_dir() / "oep-xml" / "kst-32545-143.metadata.xml");
    const std::string from = "content=\"143\"";
    record.replace(record.find(from), from.size(), "content=\"144\"");
    write_file(dir / "kst-32545-143.metadata.xml", record);
    const Document doc = import_one(dir / "kst-32545-143.pdf", "pdf-text");
    EXPECT_EQ(doc.metadata.item_number, "143");
    EXPECT_TRUE(has_warning(doc, "metadata-mismatch"));

    write_file(dir / "kst-32545-143.metadata.xml", "<metadata_gegevens><metadata name=");
    const Document broken = import_one(dir / "kst-32545-143.pdf", "pdf-text");
    EXPECT_TRUE(has_warning(broken, "bad-metadata"));
    EXPECT_EQ(broken.metadata.title, "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS");
}

TEST(PdfTextKamerstuk, DetectionChoosesPdfTextByContent) {
    const ProcessResult r = stukwerk({"detect", corpus_pdf("kst-32545-143.pdf").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("pdf-text"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("90"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace stukwerk::test::pdf
