// Documents that are not Kamerstukken or Handelingen, and inputs that cannot
// be read: each gives a generic document with a warning or one precise
// error, never a crash.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "pdf_test_util.hpp"

namespace stukwerk::test::pdf {
namespace {

TEST(PdfTextGeneric, CommitteeDecisionListsAreGenericDocumentsWithAWarning) {
    const Document doc = import_one(corpus_pdf("tk-besluitenlijst-2011-03-08.pdf"), "pdf-text");
    EXPECT_TRUE(has_warning(doc, "generic-document"));
    EXPECT_EQ(doc.metadata.date, "2011-03-08");  // "Den Haag, 8 maart 2011"
    EXPECT_EQ(doc.metadata.title, "Besluitenlijst van de extra procedurevergadering van dinsdag 8 maart 2011");
    // the Info Title names Word's temporary file (pdfinfo), so it is kept in raw only
    ASSERT_FALSE(doc.metadata.raw.empty());
    EXPECT_EQ(doc.metadata.raw[0].name, "pdf-info-title");
    EXPECT_EQ(doc.metadata.raw[0].value, "Microsoft Word - 23309tmp3771~-1-d03ef422-6d80-4255-bae5-787bff6b48bf~.xml");
    const std::vector<std::string> paras = paragraph_texts(doc);
    ASSERT_FALSE(paras.empty());
    EXPECT_EQ(paras.front(), "Den Haag, 8 maart 2011");
    EXPECT_NE(std::find(paras.begin(), paras.end(), "Voortouwcommissie: vaste commissie voor Buitenlandse Zaken"),
              paras.end());
    EXPECT_EQ(paras.back(), "Activiteitnummer: 2011A00915");
    const auto headings = texts_of(blocks_of_type(doc, BlockType::heading));
    EXPECT_NE(std::find(headings.begin(), headings.end(), "Activiteiten commissie"), headings.end());
    const auto items = texts_of(blocks_of_type(doc, BlockType::list_item));
    ASSERT_FALSE(items.empty());
    EXPECT_EQ(items.front().rfind("Agendapunt: Situatie drie Nederlandse militairen in Libië", 0), 0u) << items.front();
}

TEST(PdfTextGeneric, PageNumbersOfALongListAreNotText) {
    const Document doc = import_one(corpus_pdf("tk-besluitenlijst-2009-04-03.pdf"), "pdf-text");
    EXPECT_TRUE(has_warning(doc, "generic-document"));
    EXPECT_EQ(doc.metadata.date, "2009-04-03");
    int last_page = 0;
    for (const Block* b : find_blocks(doc, [](const Block&) { return true; })) {
        const std::string t = plain_text(*b);
        EXPECT_FALSE(t.size() <= 2 && !t.empty() && t.find_first_not_of("0123456789") == std::string::npos) << t;
        last_page = std::max(last_page, b->source.page);
    }
    EXPECT_EQ(last_page, 10);
    // A row split over pages 1 and 2 stays one: "Zaak: Brief regering - staatssecretaris …" heads page 2.
    const auto paras = paragraph_texts(doc);
    EXPECT_NE(std::find(paras.begin(), paras.end(),
                        "Zaak: Brief regering - staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, "
                        "Bijleveld-Schouten A.Th.B. - 24 maart 2009 Nota van wijziging - 30569-8"),
              paras.end());
}

TEST(PdfTextErrors, AScanWithoutTextLayerIsNamed) {
    const Imported r = import_file(corpus_pdf("blg-1007826.pdf"), "pdf-text");
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.report.error.find("no text layer"), std::string::npos) << r.report.error;
    EXPECT_NE(r.report.error.find("2 pages"), std::string::npos) << r.report.error;
}

TEST(PdfTextErrors, OwnerPasswordOnlyIsRead) {
    // qpdf --encrypt "" <owner> 256 --extract=n --modify=none --print=none (tests/data/pdf-text/SOURCES.md)
    const Document locked = import_one(data_dir() / "pdf-text" / "kst-32545-143.owner-password.pdf", "pdf-text");
    const Document plain = import_one(corpus_pdf("kst-32545-143.pdf"), "pdf-text");
    EXPECT_EQ(locked.id, "kst-32545-143");
    EXPECT_EQ(locked.body, plain.body);
    EXPECT_EQ(locked.metadata.title, plain.metadata.title);
    const bool noted = std::any_of(locked.metadata.raw.begin(), locked.metadata.raw.end(),
                                   [](const Field& f) { return f.name == "pdf-encryption"; });
    EXPECT_TRUE(noted);
}

TEST(PdfTextErrors, AUserPasswordIsAClearError) {
    const Imported r = import_file(data_dir() / "pdf-text" / "kst-32545-143.user-password.pdf", "pdf-text");
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.report.error.find("needs a user password"), std::string::npos) << r.report.error;
}

TEST(PdfTextErrors, TruncatedPdfsAreNamedTruncated) {
    const std::string pdf = read_file(corpus_pdf("kst-32545-143.pdf"));
    for (double part : {0.1, 0.25, 0.5, 0.9, 0.999}) {
        const Imported r = import_bytes("cut.pdf", pdf.substr(0, static_cast<std::size_t>(pdf.size() * part)), "pdf-text");
        EXPECT_FALSE(r.ok()) << part;
        EXPECT_NE(r.report.error.find("truncated"), std::string::npos) << part << ": " << r.report.error;
    }
    // This PDF is linearised: its first kilobyte ends with an %%EOF of its
    // own, so a cut there passes the end-marker check and poppler names the
    // damage instead.
    const Imported first_part = import_bytes("cut.pdf", pdf.substr(0, 750), "pdf-text");
    EXPECT_FALSE(first_part.ok());
    EXPECT_NE(first_part.report.error.find("damaged PDF: poppler cannot open it"), std::string::npos)
        << first_part.report.error;
    // Every cut inside the last 40 bytes before the final end marker.
    const std::size_t eof = pdf.rfind("%%EOF");
    ASSERT_NE(eof, std::string::npos);
    for (std::size_t cut = eof + 4; cut > eof - 40; --cut) {
        const Imported r = import_bytes("cut.pdf", pdf.substr(0, cut), "pdf-text");
        EXPECT_FALSE(r.ok()) << cut;
        EXPECT_NE(r.report.error.find("truncated"), std::string::npos) << cut << ": " << r.report.error;
    }
}

TEST(PdfTextErrors, CorruptBytesGiveAnErrorOrAWarningNeverACrash) {
    const std::string pdf = read_file(corpus_pdf("kst-32545-143.pdf"));
    // The header and first objects gone: poppler finds no trailer.
    std::string head = pdf;
    std::fill(head.begin() + 10, head.begin() + 1500, '\0');
    const Imported broken = import_bytes("head.pdf", head, "pdf-text");
    EXPECT_FALSE(broken.ok());
    EXPECT_NE(broken.report.error.find("damaged PDF: poppler cannot open it (Couldn't find trailer dictionary)"),
              std::string::npos)
        << broken.report.error;
    // A damaged stretch in the middle: poppler repairs what it can, and says so.
    std::string middle = pdf;
    std::fill(middle.begin() + static_cast<long>(pdf.size() / 3), middle.begin() + static_cast<long>(pdf.size() / 3 + 2000), '\0');
    const Imported repaired = import_bytes("middle.pdf", middle, "pdf-text");
    ASSERT_TRUE(repaired.ok()) << repaired.report.error;
    EXPECT_TRUE(has_warning(repaired.documents.front(), "damaged-pdf"));
}

TEST(PdfTextErrors, EmptyAndForeignBytesAreNotPdfs) {
    const Imported empty = import_bytes("empty.pdf", "", "pdf-text");
    EXPECT_FALSE(empty.ok());
    EXPECT_NE(empty.report.error.find("empty"), std::string::npos) << empty.report.error;
    const Imported html = import_file(corpus_dir() / "html" / "kst-32545-143.html", "pdf-text");
    EXPECT_NE(html.report.error.find("not a PDF"), std::string::npos) << html.report.error;
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 131 + 7) % 256);
    const Imported noise = import_bytes("noise.pdf", binary, "pdf-text");
    EXPECT_NE(noise.report.error.find("not a PDF"), std::string::npos) << noise.report.error;
    // A PDF header on garbage: poppler is asked and says why not.
    const Imported fake = import_bytes("fake.pdf", "%PDF-1.7\n" + binary + "\n%%EOF\n", "pdf-text");
    EXPECT_FALSE(fake.ok());
    EXPECT_NE(fake.report.error.find("damaged PDF"), std::string::npos) << fake.report.error;
}

// A small PDF with a correct cross-reference table, from object bodies.
std::string make_pdf(const std::vector<std::string>& objects) {
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        std::string n = std::to_string(o);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    out += "trailer<</Size " + std::to_string(objects.size() + 1) + "/Root 1 0 R>>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

std::vector<std::string> hello_pdf(const std::string& content, const std::string& page_extra = {}) {
    return {"<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R" +
                page_extra + ">>",
            "<</Length " + std::to_string(content.size()) + ">>stream\n" + content + "\nendstream",
            "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"};
}

TEST(PdfTextErrors, HostileStructuresEndCleanly) {
    const std::string text = "BT /F1 12 Tf 72 700 Td (Hallo wereld) Tj ET ";
    // 200,000 nested arrays in the page's content: poppler stops nesting,
    // complains for every stray bracket; the text before them is read.
    const Imported deep = import_bytes("deep.pdf", make_pdf(hello_pdf(text + std::string(200000, '[') +
                                                                      std::string(200000, ']'))), "pdf-text");
    ASSERT_TRUE(deep.ok()) << deep.report.error;
    EXPECT_EQ(paragraph_texts(deep.documents.front()), std::vector<std::string>{"Hallo wereld"});
    EXPECT_TRUE(has_warning(deep.documents.front(), "damaged-pdf"));
    // A page dictionary nested 100,000 levels deep.
    std::string nested;
    for (int i = 0; i < 100000; ++i) nested += "<</A ";
    nested += "1";
    for (int i = 0; i < 100000; ++i) nested += ">>";
    const Imported dict = import_bytes("dict.pdf", make_pdf(hello_pdf(text, "/X " + nested)), "pdf-text");
    EXPECT_TRUE(dict.ok() || dict.report.error.find("damaged PDF") != std::string::npos) << dict.report.error;
    // A page tree that claims 20,000 pages over one page object.
    std::vector<std::string> liar = hello_pdf(text);
    liar[1] = "<</Type/Pages/Kids[3 0 R 3 0 R 3 0 R]/Count 20000>>";
    const Imported pages = import_bytes("pages.pdf", make_pdf(liar), "pdf-text");
    EXPECT_FALSE(pages.ok());
    EXPECT_NE(pages.report.error.find("damaged PDF: it has no pages"), std::string::npos) << pages.report.error;
}

TEST(PdfTextErrors, AFileNamedPdfIsNotClaimedOnItsNameAlone) {
    const fs::path dir = temp_dir("pdf-name-only");
    write_file(dir / "letter.pdf", "just text, not a PDF");
    const ProcessResult r = stukwerk({"detect", (dir / "letter.pdf").string()});
    EXPECT_NE(r.out.find("15"), std::string::npos) << r.out;
}

TEST(PdfTextThreads, ConcurrentReadsGiveTheSameDocuments) {
    const std::vector<std::string> names = {"kst-32545-143.pdf", "handelingen-2024-02-08-tweeminutendebat-volkshuisvesting.pdf",
                                            "tk-besluitenlijst-2009-04-03.pdf", "tk-besluitenlijst-2011-03-08.pdf"};
    std::vector<Document> alone;
    for (const std::string& n : names) alone.push_back(import_one(corpus_pdf(n), "pdf-text"));
    std::vector<std::future<std::vector<Document>>> runs;
    for (int t = 0; t < 4; ++t)
        runs.push_back(std::async(std::launch::async, [&, t] {
            std::vector<Document> out(names.size());
            for (std::size_t k = 0; k < names.size(); ++k) {
                const std::size_t i = (k + static_cast<std::size_t>(t)) % names.size();
                Imported r = import_file(corpus_pdf(names[i]), "pdf-text");
                if (r.ok() && r.documents.size() == 1) out[i] = std::move(r.documents.front());
            }
            return out;
        }));
    for (auto& run : runs) {
        std::vector<Document> got = run.get();
        for (std::size_t i = 0; i < names.size(); ++i) {
            EXPECT_EQ(got[i].body, alone[i].body) << names[i];
            EXPECT_EQ(got[i].metadata, alone[i].metadata) << names[i];
        }
    }
    // The blg scan fails the same way on every thread.
    std::vector<std::future<std::string>> scans;
    for (int t = 0; t < 3; ++t)
        scans.push_back(std::async(std::launch::async, [] { return import_file(corpus_pdf("blg-1007826.pdf"), "pdf-text").report.error; }));
    for (auto& s : scans) EXPECT_NE(s.get().find("no text layer"), std::string::npos);
}

}  // namespace
}  // namespace stukwerk::test::pdf
