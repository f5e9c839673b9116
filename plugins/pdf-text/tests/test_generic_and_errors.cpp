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
