// The real Handelingen PDF of the corpus: the tweeminutendebat "Staat van de
// Volkshuisvesting" of 8 February 2024 (TK 40, item 6), two columns on 13
// pages. Expected values were read off the PDF; the number of speeches is
// counted independently in pdftotext's reading-order output.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "pdf_test_util.hpp"

namespace stukwerk::test::pdf {
namespace {

const fs::path& debate_pdf() {
    static const fs::path p = corpus_pdf("handelingen-2024-02-08-tweeminutendebat-volkshuisvesting.pdf");
    return p;
}

const Document& debate() {
    static const Document doc = import_one(debate_pdf(), "pdf-text");
    return doc;
}

TEST(PdfTextHandelingen, HeadAndPageFeetGiveTheMetadata) {
    const Metadata& m = debate().metadata;
    EXPECT_EQ(debate().id, "h-tk-20232024-40-6");  // meeting 40 ("TK 40"), item 6 ("40-6-1")
    EXPECT_EQ(m.publication_type, "Handelingen");
    EXPECT_EQ(m.chamber, "Tweede Kamer");
    EXPECT_EQ(m.date, "2024-02-08");
    EXPECT_EQ(m.session_year, "2023-2024");
    EXPECT_EQ(m.title, "Staat van de Volkshuisvesting");
    ASSERT_FALSE(m.people.empty());
    EXPECT_EQ(m.people[0].name, "Martin Bosma");
    EXPECT_EQ(m.people[0].role, "chair");
    EXPECT_FALSE(has_warning(debate(), "generic-document"));
    const Block& title = debate().body.front();
    EXPECT_EQ(title.type, BlockType::heading);
    EXPECT_EQ(title.role, "document-title");
    EXPECT_EQ(title.label, "6");
}

TEST(PdfTextHandelingen, EverySpeechIsASpeakerTurn) {
    // Speaker lines in pdftotext's own reading order, counted independently.
    const ProcessResult text = run({"pdftotext", debate_pdf().string(), "-"});
    ASSERT_EQ(text.exit_code, 0);
    const std::regex speaker(R"(^(De heer|Mevrouw|De voorzitter|Minister) ?.*:$)");
    std::istringstream lines(text.out);
    std::size_t expected = 0;
    for (std::string line; std::getline(lines, line);) expected += std::regex_match(line, speaker) ? 1 : 0;
    const auto turns = blocks_of_type(debate(), BlockType::speaker_turn);
    EXPECT_EQ(turns.size(), expected);
    EXPECT_GT(turns.size(), 100u);

    ASSERT_FALSE(turns.empty());
    // "De voorzitter:" names no one; the chair is named once, in the head
    EXPECT_EQ(turns[0]->speaker.function, "voorzitter");
    EXPECT_EQ(turns[0]->speaker.name, "");
    ASSERT_GE(turns[0]->children.size(), 2u);
    EXPECT_EQ(turns[0]->children[0].role, "speaker");
    EXPECT_EQ(plain_text(turns[0]->children[0]), "De voorzitter:");
    const auto by = [&](const std::string& name) {
        return std::count_if(turns.begin(), turns.end(), [&](const Block* b) { return b->speaker.name == name; });
    };
    const Block* de_hoop = *std::find_if(turns.begin(), turns.end(), [](const Block* b) { return b->speaker.name == "De Hoop"; });
    EXPECT_EQ(de_hoop->speaker.party, "GroenLinks-PvdA");
    EXPECT_EQ(plain_text(de_hoop->children[0]), "De heer De Hoop (GroenLinks-PvdA):");
    EXPECT_EQ(plain_text(de_hoop->children[1]),
              "Dank, voorzitter. Ik heb vier moties, te beginnen met een motie op basis van de inbreng van de PVV. Ik "
              "denk dat dit het middel is om de huurstijging tegen te gaan. Het lijkt mij onmogelijk om hiertegen te "
              "stemmen, dus ik ben nieuwsgierig.");
    const Block* minister = *std::find_if(turns.begin(), turns.end(), [](const Block* b) { return b->speaker.name == "De Jonge"; });
    EXPECT_EQ(minister->speaker.function, "minister");
    EXPECT_GT(by("De Jonge"), 10);
    EXPECT_GT(by("Madlener"), 5);
}

TEST(PdfTextHandelingen, EachMotionIsAQuoteWithItsNumber) {
    const auto motions = find_blocks(debate(), [](const Block& b) { return b.role == "motion"; });
    // "Zij krijgt nr. 1136 (32847)." … "nr. 1151": sixteen motions
    ASSERT_EQ(motions.size(), 16u);
    for (std::size_t i = 0; i < motions.size(); ++i) {
        const Block& m = *motions[i];
        EXPECT_EQ(m.type, BlockType::quote);
        EXPECT_EQ(m.label, "nr. " + std::to_string(1136 + i) + " (32847)");
        ASSERT_GE(m.children.size(), 4u);
        EXPECT_EQ(plain_text(m.children[0]), "Motie");
        EXPECT_EQ(plain_text(m.children[1]), "De Kamer,");
        EXPECT_EQ(plain_text(m.children[2]), "gehoord de beraadslaging,");
        EXPECT_EQ(plain_text(m.children.back()), "en gaat over tot de orde van de dag.") << m.label;
    }
    // Motion 1137's dictum ends at the foot of page 1's right column; its
    // closing formula opens page 2.
    const Block& second = *motions[1];
    EXPECT_EQ(plain_text(second.children[second.children.size() - 2]),
              "verzoekt de regering om te onderzoeken hoe we de bouw gaande kunnen houden middels instrumenten als de "
              "SBI, om te voorkomen dat de bouw stilvalt, en opties ter dekking voor te leggen aan de Kamer,");
    EXPECT_EQ(second.children.back().source.page, 2);
}

TEST(PdfTextHandelingen, NoPageFurnitureIsLeftInTheText) {
    // Each page's foot: "8 februari 2024" over "Tweede Kamer  Staat van de
    // Volkshuisvesting  TK 40  40-6-<page>".
    std::size_t titles = 0;
    for (const Block* b : find_blocks(debate(), [](const Block&) { return true; })) {
        const std::string t = plain_text(*b);
        EXPECT_EQ(t.find("8 februari 2024"), std::string::npos) << t;
        EXPECT_EQ(t.find("TK 40"), std::string::npos) << t;
        EXPECT_EQ(t.find("40-6-"), std::string::npos) << t;
        EXPECT_NE(t, "Tweede Kamer");
        titles += t == "Staat van de Volkshuisvesting" ? 1 : 0;
    }
    EXPECT_EQ(titles, 2u);  // the item's title and the line under the chair, both on page 1 only
}

TEST(PdfTextHandelingen, ColumnsAreReadInOrderAndBrokenWordsRejoined) {
    const std::vector<std::string> paras = paragraph_texts(debate());
    auto has = [&](const std::string& s) { return std::find(paras.begin(), paras.end(), s) != paras.end(); };
    // "Volks-" / "huisvesting" at a line end
    EXPECT_TRUE(has("Aan de orde is het tweeminutendebat Staat van de Volkshuisvesting (CD d.d. 31/01)."));
    // "stimu-" at the foot of page 4's right column, "leert," on top of page 5's left one
    EXPECT_TRUE(has("overwegende dat de verbouwing van leegstaande schuren tot woningen duurzaam hergebruik van "
                    "materialen stimuleert, de veiligheid op het platteland bevordert, weinig effect heeft op het "
                    "energie- en waterverbruik, en betaalbare huisvesting kan bieden aan jongeren in landelijke "
                    "gebieden;"));
    // the left column of page 1 ends with the poem's source, the right one starts the chair's next paragraph
    const auto at = std::find(paras.begin(), paras.end(), "Aldus Hendrik Marsman.");
    ASSERT_NE(at, paras.end());
    ASSERT_NE(at + 1, paras.end());
    EXPECT_EQ((at + 1)->rfind("Het is altijd moeilijk om dan weer over te gaan tot de orde van de dag", 0), 0u);
}

TEST(PdfTextHandelingen, BoldWordsKeepTheirStyle) {
    const auto p = find_blocks(debate(), [](const Block& b) {
        return b.type == BlockType::paragraph && plain_text(b).rfind("Aan de orde is het tweeminutendebat", 0) == 0;
    });
    ASSERT_FALSE(p.empty());
    // "Aan de orde is het" in roman, the rest (with its full stop) in bold
    ASSERT_EQ(p[0]->inlines.size(), 2u);
    EXPECT_EQ(p[0]->inlines[0].text, "Aan de orde is het ");
    EXPECT_EQ(p[0]->inlines[0].styles, style::none);
    EXPECT_EQ(p[0]->inlines[1].text, "tweeminutendebat Staat van de Volkshuisvesting (CD d.d. 31/01).");
    EXPECT_EQ(p[0]->inlines[1].styles, style::bold);
    EXPECT_EQ(p[0]->source.page, 1);
    EXPECT_NEAR(p[0]->source.x0, 55.3, 0.5);
}

}  // namespace
}  // namespace stukwerk::test::pdf
