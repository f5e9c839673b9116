// The flagship, kst-33279-36, as the reconstructed PDF rendered by
// LibreOffice from the reconstructed XML (samples/kst-33279-36/SOURCES.md).
// Expected values come from the reference text of the publication
// (/work/shared/reference/kst-33279-36.page.txt, mirrored in the XML) and
// the cross-format checks compare with the oep-xml import of the XML.
#include <gtest/gtest.h>

#include "cross_format.hpp"

namespace stukwerk::test::pdf {
namespace {

fs::path sample(const std::string& name) { return source_dir() / "samples" / "kst-33279-36" / name; }

// The PDF alone, without the metadata record that lies beside it in samples/.
const Document& printed() {
    static const Document doc = [] {
        const fs::path dir = temp_dir("pdf-flagship-alone");
        fs::copy_file(sample("kst-33279-36.pdf"), dir / "kst-33279-36.pdf");
        return import_one(dir / "kst-33279-36.pdf", "pdf-text");
    }();
    return doc;
}

TEST(PdfTextFlagship, ThePrintedPageGivesTheMetadata) {
    const Metadata& m = printed().metadata;
    EXPECT_EQ(printed().id, "kst-33279-36");
    ASSERT_EQ(m.dossiers.size(), 1u);
    EXPECT_EQ(m.dossiers[0].number, "33279");
    EXPECT_EQ(m.dossiers[0].title, "Internationale militaire samenwerking");
    EXPECT_EQ(m.item_number, "36");
    EXPECT_EQ(m.date, "2022-12-22");  // "Den Haag, 22 december 2022"
    EXPECT_EQ(m.session_year, "2022-2023");
    EXPECT_EQ(m.chamber, "Tweede Kamer");
    EXPECT_EQ(m.title, "BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE");
    EXPECT_EQ(m.document_type, "Brief");
    EXPECT_TRUE(printed().warnings.empty()) << printed().warnings.front().code << ": "
                                            << printed().warnings.front().message;
}

TEST(PdfTextFlagship, AddresseeDateAndSignaturesHaveTheirRoles) {
    const auto roles = find_blocks(printed(), [](const Block& b) { return !b.role.empty(); });
    std::vector<std::pair<std::string, std::string>> got;
    for (const Block* b : roles) got.emplace_back(b->role, plain_text(*b));
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"dossier-title", "Internationale militaire samenwerking"},
        {"document-title", "BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE"},
        {"addressee", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"},
        {"place-date", "Den Haag, 22 december 2022"},
        {"function", "De Minister van Defensie,"},
        {"name", "K.H. Ollongren"},
        {"function", "De Staatssecretaris van Defensie,"},
        {"name", "C.A. van der Maat"},
    };
    EXPECT_EQ(got, expected);
    EXPECT_EQ(blocks_of_type(printed(), BlockType::signature).size(), 2u);
    std::vector<std::string> people;
    for (const Person& p : printed().metadata.people) people.push_back(p.role + ": " + p.name + " / " + p.function);
    EXPECT_EQ(people, (std::vector<std::string>{"addressee: Voorzitter van de Tweede Kamer der Staten-Generaal / ",
                                               "signatory: K.H. Ollongren / Minister van Defensie",
                                               "signatory: C.A. van der Maat / Staatssecretaris van Defensie"}));
}

TEST(PdfTextFlagship, HeadingsFromBoldTypeWithTheirNumbers) {
    std::vector<std::string> headings;
    for (const Block* h : blocks_of_type(printed(), BlockType::heading))
        if (h->role.empty()) headings.push_back((h->label.empty() ? "" : h->label + " ") + plain_text(*h));
    const std::vector<std::string> expected = {
        "Aanleiding",
        "Specialisatie betekent «samen sterker»",
        "Duiding van «specialisatie» en appreciatie van het Clingendael-rapport",
        "Afwegingen bij specialisatie",
        "Nederlandse inzet en randvoorwaarden",
        "1. Inzet op interoperabiliteit, standaardisatie en het bouwen aan vertrouwen door gezamenlijke verwerving "
        "van materieel en ontwikkeling van capaciteiten, met specialisatie als doel.",
        "2. Gezamenlijk invullen van Europese capaciteitsgebreken.",
        "3. Eigen bijdrage: Versterken van specialismen en investeren in kritische capaciteiten.",
        "Tot slot",
    };
    EXPECT_EQ(headings, expected);
}

TEST(PdfTextFlagship, TheTwoNumberedListsAreLists) {
    const auto lists = blocks_of_type(printed(), BlockType::list);
    ASSERT_EQ(lists.size(), 2u);
    for (const Block* l : lists) {
        EXPECT_TRUE(l->ordered);
        ASSERT_EQ(l->children.size(), 3u);
        for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(l->children[i].label, std::to_string(i + 1) + ".");
    }
    EXPECT_EQ(plain_text(lists[0]->children[0]),
              "Gecoördineerde Europese vermogensgroepen: landen met specifieke capaciteiten (capabilities) kunnen zich "
              "binnen een groep specialiseren (bijvoorbeeld met land- of maritieme raketafweercapaciteiten).");
    EXPECT_EQ(plain_text(lists[1]->children[2]).rfind("Het derde uitgangspunt is het behoud en de versterking", 0), 0u);
}

TEST(PdfTextFlagship, FootnotesComeFromThePageFootAndLinkToTheirMarkers) {
    const Document& doc = printed();
    ASSERT_EQ(doc.footnotes.size(), 13u);
    for (std::size_t i = 0; i < 13; ++i) {
        EXPECT_EQ(doc.footnotes[i].label, std::to_string(i + 1));
        EXPECT_EQ(doc.footnotes[i].id, "fn" + std::to_string(i + 1));
        EXPECT_GT(doc.footnotes[i].source.page, 0);
    }
    EXPECT_EQ(plain_text(doc.footnotes[4].inlines), "MRTT: Multi Role Tanker and Transport.");
    EXPECT_EQ(plain_text(doc.footnotes[6].inlines), "Kamerstuk 35 570 X, nr.54.");
    EXPECT_EQ(plain_text(doc.footnotes[0].inlines),
              "De motie van de leden Van den Nieuwenhuijzen en Belhaj (Kamerstuk 35 570 X, nr. 39) verzocht om het "
              "opstellen van scenario’s voor mogelijke routes van specialisatie binnen de internationale "
              "partnerschappen en deze scenario’s voor te leggen aan de Kamer. De motie Stoffer/Van den Bosch "
              "(Kamerstuk 35 570 X, nr.54) verzocht om de Defensievisie aan te vullen met een nader uitgewerkt kader "
              "hoe taakspecialisatie kan worden vormgegeven inclusief de voor- en nadelen daarvan.");
    // "Met name op het gebied van strategic enablers2 is dit wenselijk."
    const auto with_two = find_blocks(doc, [](const Block& b) {
        return std::any_of(b.inlines.begin(), b.inlines.end(), [](const Inline& in) {
            return in.kind == InlineKind::note_ref && in.text == "2" && in.target == "fn2";
        });
    });
    ASSERT_EQ(with_two.size(), 1u);
    EXPECT_NE(plain_text(*with_two[0]).find("strategic enablers2 is dit wenselijk."), std::string::npos);
    // 13 markers, each once, and the host's link check found nothing amiss
    std::size_t markers = 0;
    for_each_block(doc.body, [&](const Block& b) {
        for (const Inline& in : b.inlines) markers += in.kind == InlineKind::note_ref ? 1 : 0;
    });
    EXPECT_EQ(markers, 13u);
    EXPECT_FALSE(has_warning(doc, "dangling-note-ref"));
    EXPECT_FALSE(has_warning(doc, "unreferenced-footnote"));
}

TEST(PdfTextFlagship, RunningHeadsAndTheColophonStayOutOfTheText) {
    for (const Block* b : find_blocks(printed(), [](const Block&) { return true; })) {
        const std::string t = plain_text(*b);
        for (const char* furniture : {"vergaderjaar 2022", "ISSN", "kst-33279-36", "Gravenhage 2022"})
            EXPECT_EQ(t.find(furniture), std::string::npos) << "'" << furniture << "' in: " << t;
    }
    // A paragraph broken over pages 1 and 2 is one paragraph.
    const auto paras = paragraph_texts(printed());
    const auto it = std::find_if(paras.begin(), paras.end(), [](const std::string& p) {
        return p.rfind("Deze Kamerbrief bevat de beleidsmatige uitwerking", 0) == 0;
    });
    ASSERT_NE(it, paras.end());
    EXPECT_NE(it->find("2020 zijn ingediend.1 Ook geeft deze brief"), std::string::npos) << *it;
}

TEST(PdfTextFlagship, AgreesWithTheXmlFromThePrintedPageAlone) {
    const Document xml = import_one(sample("kst-33279-36.xml"), "oep-xml");
    const Document& pdf = printed();
    EXPECT_EQ(pdf.id, xml.id);
    ASSERT_EQ(pdf.metadata.dossiers.size(), xml.metadata.dossiers.size());
    EXPECT_EQ(pdf.metadata.dossiers[0].number, xml.metadata.dossiers[0].number);
    EXPECT_EQ(pdf.metadata.item_number, xml.metadata.item_number);
    EXPECT_EQ(pdf.metadata.date, xml.metadata.date);
    const ParagraphAgreement a = compare_paragraphs(xml, pdf);
    EXPECT_GE(a.found, a.total - a.total / 50) << a.found << " of " << a.total << "; missing:\n" << a.missing;
    EXPECT_EQ(footnote_disagreements(xml, pdf), "");
}

TEST(PdfTextFlagship, AgreesWithTheXmlOnEverythingWithTheMetadataRecordBesideIt) {
    // In samples/ the PDF lies beside kst-33279-36.metadata.xml, as the XML does.
    const Document xml = import_one(sample("kst-33279-36.xml"), "oep-xml");
    const Document pdf = import_one(sample("kst-33279-36.pdf"), "pdf-text");
    EXPECT_EQ(pdf.id, xml.id);
    EXPECT_EQ(pdf.metadata.title, xml.metadata.title);
    EXPECT_EQ(pdf.metadata.document_type, xml.metadata.document_type);
    EXPECT_EQ(pdf.metadata.dossiers, xml.metadata.dossiers);
    EXPECT_EQ(pdf.metadata.item_number, xml.metadata.item_number);
    EXPECT_EQ(pdf.metadata.date, xml.metadata.date);
    EXPECT_EQ(pdf.metadata.session_year, xml.metadata.session_year);
    const ParagraphAgreement a = compare_paragraphs(xml, pdf);
    EXPECT_EQ(a.found, a.total) << "missing:\n" << a.missing;
    EXPECT_EQ(footnote_disagreements(xml, pdf), "");
    EXPECT_FALSE(has_warning(pdf, "metadata-mismatch"));
}

}  // namespace
}  // namespace stukwerk::test::pdf
