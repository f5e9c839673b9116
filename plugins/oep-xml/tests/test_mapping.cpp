// The element mapping on structures the corpus motions do not show:
// sections and heading levels, lists, CALS tables, footnotes and nootref,
// amendments and articles, signatures, figures, unknown elements, explicit
// references, Aanhangsel questions and answers, Handelingen items. Inputs:
// tests/data/oep-xml/synthetic-*.xml (written for these tests, see
// SOURCES.md) and ah-tk-20202021-3235.xml (a real KOOP file).
#include "oep_test_util.hpp"

namespace stukwerk::test::oep {
namespace {

const Block& child(const Block& b, std::size_t i) {
    EXPECT_LT(i, b.children.size());
    return b.children.at(i);
}

TEST(OepXmlMapping, SectionsNestWithTheirHeadingsAndLevels) {
    const Document doc = import_one(fixtures() / "synthetic-structures.xml");
    const auto sections = blocks_of_type(doc, BlockType::section);
    ASSERT_GE(sections.size(), 2u);
    const Block& first = *sections[0];
    EXPECT_EQ(first.source.path, "/officiele-publicatie/kamerstuk/stuk/algemeen/vrije-tekst/tekst/divisie");
    EXPECT_EQ(child(first, 0).type, BlockType::heading);
    EXPECT_EQ(child(first, 0).level, 2);
    EXPECT_EQ(child(first, 0).label, "1.");
    EXPECT_EQ(plain_text(child(first, 0)), "Eerste");
    // tussenkop: one level under its section's heading
    EXPECT_EQ(child(first, 2).type, BlockType::heading);
    EXPECT_EQ(child(first, 2).level, 3);
    EXPECT_EQ(plain_text(child(first, 2)), "Tussenkop zonder nummer");
    const Block& nested = child(first, 3);
    EXPECT_EQ(nested.type, BlockType::section);
    EXPECT_EQ(child(nested, 0).level, 3);
    EXPECT_EQ(child(nested, 0).label, "1.1");
    // The header: dossier line and title, then the date line.
    ASSERT_GE(doc.body.size(), 4u);
    EXPECT_EQ(doc.body[0].role, "dossier-title");
    EXPECT_EQ(doc.body[0].label, "99 999 (R1234)");
    EXPECT_EQ(doc.body[1].role, "document-title");
    EXPECT_EQ(doc.body[1].label, "Nr. 7");
    EXPECT_EQ(doc.body[2].role, "date-line");
    EXPECT_EQ(plain_text(doc.body[2]), "Ontvangen 28 februari 2023");
    EXPECT_EQ(doc.metadata.chamber, "Eerste Kamer");
    ASSERT_EQ(doc.metadata.dossiers.size(), 1u);
    EXPECT_EQ(doc.metadata.dossiers[0].number, "99999");  // the rijkswet number is no sub-number...
    bool rijkswet = false;
    for (const Field& f : doc.metadata.raw) rijkswet = rijkswet || (f.name == "rijkswetnr" && f.value == "(R1234)");
    EXPECT_TRUE(rijkswet);  // ...but it is kept
}

TEST(OepXmlMapping, EmphasisAndLinksAreInlineRuns) {
    const Document doc = import_one(fixtures() / "synthetic-structures.xml");
    const Block& p = doc.body[3];
    EXPECT_EQ(plain_text(p), "De voorzitter zegt dit en dat, zie de site.");
    // A collapsed space stays in the run it began in ("voorzitter " is bold, as in the source).
    const std::vector<Inline> want{
        text_run("De "), text_run("voorzitter ", style::bold), text_run("zegt "), text_run("dit", style::italic),
        text_run(" en "), text_run("dat", style::bold | style::italic), text_run(", zie "),
        Inline{InlineKind::link, "de site", style::none, "https://example.org/a"}, text_run(".")};
    EXPECT_EQ(p.inlines, want);
}

TEST(OepXmlMapping, ListsKeepTheirLabelsAndNesting) {
    const Document doc = import_one(fixtures() / "synthetic-structures.xml");
    const auto lists = blocks_of_type(doc, BlockType::list);
    ASSERT_GE(lists.size(), 2u);
    const Block& outer = *lists[0];
    EXPECT_TRUE(outer.ordered);
    EXPECT_EQ(outer.label, "expliciet");
    ASSERT_EQ(outer.children.size(), 2u);
    EXPECT_EQ(outer.children[0].label, "a.");
    EXPECT_EQ(plain_text(outer.children[0]), "een");
    const Block& b = outer.children[1];
    EXPECT_EQ(b.label, "b.");
    EXPECT_EQ(plain_text(b), "twee");
    ASSERT_EQ(b.children.size(), 2u);
    EXPECT_EQ(plain_text(b.children[0]), "met een tweede alinea");
    EXPECT_EQ(b.children[1].type, BlockType::list);
    EXPECT_FALSE(b.children[1].ordered);
    EXPECT_EQ(b.children[1].children.at(0).label, "–");
    EXPECT_EQ(plain_text(b.children[1].children.at(0)), "genest");
}

TEST(OepXmlMapping, FootnotesStandWhereTheirMarkersAre) {
    const Document doc = import_one(fixtures() / "synthetic-structures.xml");
    ASSERT_EQ(doc.footnotes.size(), 3u);
    // In the title
    EXPECT_EQ(plain_text(doc.body[1]), "VOORBEELD1");
    EXPECT_EQ(doc.body[1].inlines.back(), (Inline{InlineKind::note_ref, "1", style::superscript, "t1"}));
    EXPECT_EQ(doc.footnotes[0].id, "t1");
    EXPECT_EQ(plain_text(doc.footnotes[0].inlines), "Titelnoot.");
    // Two paragraphs in one note; a nootref repeats the marker of the note it names.
    const Block& p = *find_blocks(doc, [](const Block& b) { return plain_text(b).rfind("Tekst met", 0) == 0; }).at(0);
    EXPECT_EQ(plain_text(p), "Tekst met een noot.2 Nogmaals2.");
    const Footnote& two = doc.footnotes[1];
    EXPECT_EQ(two.id, "ID-a");
    EXPECT_EQ(two.label, "2");
    EXPECT_EQ(plain_text(two.inlines), "Eerste alinea.\nTweede alinea met 36 200 X, nr. 37.");
    EXPECT_EQ(two.source.path, "/officiele-publicatie/kamerstuk/stuk/algemeen/vrije-tekst/tekst/divisie/al/noot");
    // A table note
    EXPECT_EQ(doc.footnotes[2].id, "tn");
    EXPECT_EQ(plain_text(doc.footnotes[2].inlines), "Tabelnoot.");
    EXPECT_EQ(warning(doc, "dangling-note-ref"), nullptr);
    EXPECT_EQ(warning(doc, "unreferenced-footnote"), nullptr);
}

TEST(OepXmlMapping, CalsTablesKeepSpansAndHeaderRows) {
    const Document doc = import_one(fixtures() / "synthetic-structures.xml");
    const auto tables = blocks_of_type(doc, BlockType::table);
    ASSERT_EQ(tables.size(), 1u);
    const Block& t = *tables[0];
    EXPECT_EQ(plain_text(t), "Staat");
    ASSERT_EQ(t.children.size(), 3u);
    const Block& head = t.children[0];
    EXPECT_TRUE(head.header);
    ASSERT_EQ(head.children.size(), 2u);
    EXPECT_EQ(plain_text(head.children[1]), "Begroting");
    EXPECT_EQ(head.children[1].col_span, 2);  // namest c2 .. nameend c3
    EXPECT_TRUE(head.children[1].header);
    const Block& row = t.children[1];
    EXPECT_FALSE(row.header);
    EXPECT_EQ(row.children[0].row_span, 2);  // morerows="1"
    EXPECT_EQ(plain_text(row.children[1]), "uitgaven1");
    const Block& last = t.children[2];
    ASSERT_EQ(last.children.size(), 2u);
    ASSERT_EQ(last.children[0].children.size(), 2u);  // two al in one entry: the cell's paragraphs
    EXPECT_EQ(plain_text(last.children[0].children[1]), "5");
    EXPECT_TRUE(last.children[1].inlines.empty());  // an empty entry stays an empty cell
}

TEST(OepXmlMapping, AmendmentsArticlesAndSignatures) {
    const Document doc = import_one(fixtures() / "synthetic-structures.xml");
    const auto change = find_blocks(doc, [](const Block& b) { return b.role == "wijziging"; });
    ASSERT_EQ(change.size(), 1u);
    EXPECT_EQ(change[0]->children.at(0).label, "I");
    EXPECT_EQ(plain_text(change[0]->children.at(1)), "Artikel 1 wordt als volgt gewijzigd:");
    const auto article = find_blocks(doc, [](const Block& b) { return b.role == "article"; });
    ASSERT_EQ(article.size(), 1u);
    EXPECT_EQ(article[0]->children.at(0).label, "Artikel 2");
    EXPECT_EQ(plain_text(article[0]->children.at(0)), "Reikwijdte");
    const Block& leden = article[0]->children.at(1);
    EXPECT_EQ(leden.type, BlockType::list);
    EXPECT_TRUE(leden.ordered);
    ASSERT_EQ(leden.children.size(), 2u);
    EXPECT_EQ(leden.children[1].label, "2.");
    EXPECT_EQ(plain_text(leden.children[1]), "Tweede lid.");
    // <functie>De Minister</functie> voor Rechtsbescherming,<naam><voornaam>S.</voornaam><achternaam>Dekker</achternaam></naam>
    const auto signatures = blocks_of_type(doc, BlockType::signature);
    ASSERT_EQ(signatures.size(), 1u);
    ASSERT_EQ(signatures[0]->children.size(), 2u);
    EXPECT_EQ(signatures[0]->children[0].role, "function");
    EXPECT_EQ(plain_text(signatures[0]->children[0]), "De Minister voor Rechtsbescherming,");
    EXPECT_EQ(signatures[0]->children[1].role, "name");
    EXPECT_EQ(plain_text(signatures[0]->children[1]), "S. Dekker");
    bool signatory = false;
    for (const Person& p : doc.metadata.people)
        signatory = signatory || (p == Person{"S. Dekker", "signatory", "Minister voor Rechtsbescherming", {}});
    EXPECT_TRUE(signatory);
}

TEST(OepXmlMapping, UnknownElementsKeepTheirTextAndAreNamed) {
    const Document doc = import_one(fixtures() / "synthetic-structures.xml");
    std::vector<std::string> named;
    for (const Warning& w : doc.warnings)
        if (w.code == "unknown-element") named.push_back(w.where);
    EXPECT_EQ(named, (std::vector<std::string>{"/officiele-publicatie/kamerstuk/stuk/algemeen/vrije-tekst/tekst/nieuwsoort",
                                               "/officiele-publicatie/kamerstuk/stuk/algemeen/vrije-tekst/tekst/al[2]/raadsel"}));
    const auto kept = find_blocks(doc, [](const Block& b) {
        return plain_text(b) == "Onbekende inhoud" || plain_text(b) == "Met onbekend woord erin.";
    });
    EXPECT_EQ(kept.size(), 2u);
    const auto figures = blocks_of_type(doc, BlockType::figure);
    ASSERT_EQ(figures.size(), 1u);
    EXPECT_EQ(figures[0]->label, "kst-99999-7-001.png");
}

TEST(OepXmlMapping, ExplicitReferencesCarryTheirBlockPath) {
    const Document corpus = import_one(corpus_oep() / "kst-33836-106.xml");
    // <extref doc="kst-33836-91" soort="document">33 836, nr. 91</extref> in the fourth al of the text
    const Reference want{"33\u00a0836, nr. 91", "kst-33836-91", "kamerstuk", "body/6"};
    EXPECT_NE(std::find(corpus.references.begin(), corpus.references.end(), want), corpus.references.end());
    const Block& p = corpus.body.at(6);
    EXPECT_EQ(p.source.path, "/officiele-publicatie/kamerstuk/stuk/algemeen/vrije-tekst/tekst/al[4]");
    const Document doc = import_one(fixtures() / "synthetic-structures.xml");
    const Reference in_note{"36 200 X, nr. 37", "kst-36200-X-37", "kamerstuk", "footnote/ID-a"};
    EXPECT_NE(std::find(doc.references.begin(), doc.references.end(), in_note), doc.references.end());
}

TEST(OepXmlMapping, AanhangselQuestionsAndAnswers) {
    const Document doc = import_one(fixtures() / "ah-tk-20202021-3235.xml");
    EXPECT_EQ(doc.id, "ah-tk-20202021-3235");
    EXPECT_EQ(doc.metadata.publication_type, "Kamervragen (Aanhangsel)");
    EXPECT_EQ(doc.metadata.document_type, "Antwoord");
    EXPECT_EQ(doc.metadata.item_number, "3235");
    ASSERT_GE(doc.body.size(), 2u);
    EXPECT_EQ(doc.body[0].role, "document-title");
    EXPECT_EQ(doc.body[0].label, "3235");
    EXPECT_EQ(plain_text(doc.body[0]),
              "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66) aan de Minister van Sociale Zaken en "
              "Werkgelegenheid over de TOZO (ingezonden 3 juni 2021).");
    EXPECT_EQ(doc.body[1].role, "answer-intro");
    const auto questions = find_blocks(doc, [](const Block& b) { return b.role == "question"; });
    const auto answers = find_blocks(doc, [](const Block& b) { return b.role == "answer"; });
    ASSERT_EQ(questions.size(), 9u);
    ASSERT_EQ(answers.size(), 9u);
    EXPECT_EQ(questions[4]->children.at(0).label, "Vraag 5");
    EXPECT_EQ(answers[8]->children.size(), 3u);  // heading and two paragraphs
    EXPECT_EQ(doc.references.at(0), (Reference{"Staatsblad 2020, 118", "stb-2020-118", "staatsblad", "body/5/1"}));
}

TEST(OepXmlMapping, HandelingenItemsAndGovernmentSpeakers) {
    const Document doc = import_one(fixtures() / "synthetic-handelingen.xml");
    ASSERT_EQ(doc.body.size(), 2u);  // two agenda items: a section each
    EXPECT_EQ(doc.body[0].type, BlockType::section);
    EXPECT_EQ(doc.body[0].children.at(0).label, "1");
    EXPECT_EQ(plain_text(doc.body[0].children.at(0)), "Eerste punt");
    const auto turns = blocks_of_type(doc, BlockType::speaker_turn);
    ASSERT_EQ(turns.size(), 2u);
    EXPECT_EQ(turns[0]->speaker, (Speaker{"Ollongren", "Minister", ""}));
    EXPECT_EQ(plain_text(turns[0]->children.at(0)), "Minister Ollongren:");
    EXPECT_EQ(plain_text(turns[0]->children.at(1)), "Voorzitter. Dank u wel.");
    EXPECT_EQ(turns[1]->speaker, (Speaker{"Boswijk", "", "CDA"}));
    std::vector<std::string> speakers;
    for (const Person& p : doc.metadata.people)
        if (p.role == "speaker") speakers.push_back(p.name);
    EXPECT_EQ(speakers, (std::vector<std::string>{"Ollongren", "Boswijk"}));
}

TEST(OepXmlMapping, MotionSignaturesAreNamesUnderTheText) {
    const Document doc = import_one(corpus_oep() / "kst-36755-24.xml");
    // The first al-groep holds the whole motion (lists in it): not a signature. The second holds two names.
    const auto signatures = blocks_of_type(doc, BlockType::signature);
    ASSERT_EQ(signatures.size(), 1u);
    ASSERT_EQ(signatures[0]->children.size(), 2u);
    EXPECT_EQ(plain_text(signatures[0]->children[0]), "Holman");
    EXPECT_EQ(signatures[0]->children[1].role, "name");
    EXPECT_EQ(blocks_of_type(doc, BlockType::list).size(), 3u);
    EXPECT_EQ(blocks_of_type(doc, BlockType::list_item).size(), 16u);
    // A motion signed by one member has no al-groep: the name stays a paragraph.
    const Document single = import_one(corpus_oep() / "kst-24515-782.xml");
    EXPECT_TRUE(blocks_of_type(single, BlockType::signature).empty());
    EXPECT_EQ(plain_text(single.body.back()), "Ceder");
}

TEST(OepXmlMapping, ABijlageOnItsOwnIsTitledByItsKop) {
    const Imported r = import_bytes(
        "blg.xml", "<officiele-publicatie><bijlage><kop><titel>Overzicht van moties</titel></kop>"
                   "<al>Eerste regel.</al></bijlage></officiele-publicatie>");
    ASSERT_TRUE(r.ok()) << r.report.error;
    const Document& doc = r.documents.at(0);
    EXPECT_EQ(doc.metadata.publication_type, "Bijlage");
    EXPECT_EQ(doc.metadata.title, "Overzicht van moties");
    ASSERT_EQ(doc.body.size(), 2u);
    EXPECT_EQ(doc.body[0].role, "document-title");
    EXPECT_EQ(plain_text(doc.body[1]), "Eerste regel.");
    EXPECT_EQ(warning(doc, "generic-document"), nullptr);
}

}  // namespace
}  // namespace stukwerk::test::oep
