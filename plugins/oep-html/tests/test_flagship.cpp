// The flagship sample, Kamerstuk 33 279 nr. 36, in the form of a
// zoek.officielebekendmakingen.nl page: a reconstruction (see
// samples/kst-33279-36/SOURCES.md). Its text is checked here against the
// published text (tests/data/oep-html/kst-33279-36.page.txt, a copy of the
// reference), not against the reconstruction itself.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "helpers.hpp"

namespace {

using namespace oep_html_test;

struct PublishedText {
    std::vector<std::string> body;                 // every line of the text, whitespace collapsed
    std::vector<std::pair<std::string, std::string>> notes;  // label, text
};

// The reference is the text an open-data viewer shows: the record's summary,
// "Preview document", the text, then the footnotes as "  N. text↩︎".
PublishedText reference_text() {
    const std::string all = read_file(oep_html_data() / "kst-33279-36.page.txt");
    const std::size_t start = all.find("Preview document");
    EXPECT_NE(start, std::string::npos);
    std::istringstream in(all.substr(start));
    std::string line;
    std::getline(in, line);  // "Preview document (🔗 origineel)"
    PublishedText r;
    const std::string back = "\xE2\x86\xA9\xEF\xB8\x8E";  // the viewer's "↩︎" back link
    while (std::getline(in, line)) {
        if (normalise_space(line).empty()) continue;
        const bool note = line.rfind("  ", 0) == 0 && line.size() > back.size() &&
                          line.compare(line.size() - back.size(), back.size(), back) == 0;
        if (note) {
            const std::string body = normalise_space(line.substr(0, line.size() - back.size()));
            const std::size_t dot = body.find(". ");
            r.notes.emplace_back(body.substr(0, dot), body.substr(dot + 2));
        } else {
            r.body.push_back(normalise_space(line));
        }
    }
    return r;
}

TEST(OepHtmlFlagship, Metadata) {
    const Document doc = import_one(flagship());
    EXPECT_EQ(doc.id, "kst-33279-36");
    const Metadata& m = doc.metadata;
    ASSERT_EQ(m.dossiers.size(), 1u);
    EXPECT_EQ(m.dossiers[0].number, "33279");
    EXPECT_EQ(m.dossiers[0].title, "Internationale militaire samenwerking");
    EXPECT_EQ(m.item_number, "36");
    EXPECT_EQ(m.date, "2022-12-22");
    EXPECT_EQ(m.session_year, "2022-2023");
    EXPECT_EQ(m.chamber, "Tweede Kamer");
    EXPECT_EQ(m.document_type, "Brief");
    EXPECT_EQ(m.publication_type, "Kamerstuk");
    EXPECT_EQ(m.title,
              "Europese defensiesamenwerking en specialisatie en appreciatie van rapport Specialising in European "
              "defence van Instituut Clingendael");
    EXPECT_EQ(m.identifiers, (std::vector<Identifier>{{"oep-url", "https://zoek.officielebekendmakingen.nl/kst-33279-36.html"}}));
    EXPECT_TRUE(doc.warnings.empty()) << doc.warnings.front().code << ": " << doc.warnings.front().message;
}

TEST(OepHtmlFlagship, SignatoriesWithTheirFunctions) {
    const Document doc = import_one(flagship());
    std::vector<Person> signatories;
    for (const Person& p : doc.metadata.people)
        if (p.role == "signatory") signatories.push_back(p);
    ASSERT_EQ(signatories.size(), 2u);
    EXPECT_EQ(signatories[0].name, "K.H. Ollongren");
    EXPECT_EQ(signatories[0].function, "Minister van Defensie");
    EXPECT_EQ(signatories[1].name, "C.A. van der Maat");
    EXPECT_EQ(signatories[1].function, "Staatssecretaris van Defensie");

    const auto closings = blocks_of_type(doc, BlockType::signature);
    ASSERT_EQ(closings.size(), 2u);
    ASSERT_EQ(closings[0]->children.size(), 2u);
    EXPECT_EQ(closings[0]->children[0].role, "function");
    EXPECT_EQ(text_of(closings[0]->children[0]), "De Minister van Defensie,");
    EXPECT_EQ(closings[0]->children[1].role, "name");
    EXPECT_EQ(text_of(closings[0]->children[1]), "K.H. Ollongren");
    EXPECT_EQ(text_of(closings[1]->children[0]), "De Staatssecretaris van Defensie,");
    EXPECT_EQ(text_of(closings[1]->children[1]), "C.A. van der Maat");

    bool addressee = false;
    for (const Person& p : doc.metadata.people)
        addressee = addressee || (p.role == "addressee" && p.name == "Voorzitter van de Tweede Kamer der Staten-Generaal");
    EXPECT_TRUE(addressee);
}

TEST(OepHtmlFlagship, HeadingsWithLevelsAndNumbers) {
    const Document doc = import_one(flagship());
    std::vector<std::tuple<int, std::string, std::string>> headings;
    for (const Block* h : blocks_of_type(doc, BlockType::heading)) headings.emplace_back(h->level, h->label, text_of(*h));
    const std::vector<std::tuple<int, std::string, std::string>> expected = {
        {1, "33 279", "Internationale militaire samenwerking"},
        {1, "Nr. 36", "BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE"},
        {2, "", "Aanleiding"},
        {2, "", "Specialisatie betekent \xC2\xABsamen sterker\xC2\xBB"},
        {2, "", "Duiding van \xC2\xABspecialisatie\xC2\xBB en appreciatie van het Clingendael-rapport"},
        {2, "", "Afwegingen bij specialisatie"},
        {2, "", "Nederlandse inzet en randvoorwaarden"},
        {3, "1.", "Inzet op interoperabiliteit, standaardisatie en het bouwen aan vertrouwen door gezamenlijke "
                  "verwerving van materieel en ontwikkeling van capaciteiten, met specialisatie als doel."},
        {3, "2.", "Gezamenlijk invullen van Europese capaciteitsgebreken."},
        {3, "3.", "Eigen bijdrage: Versterken van specialismen en investeren in kritische capaciteiten."},
        {2, "", "Tot slot"},
    };
    EXPECT_EQ(headings, expected);
    EXPECT_EQ(doc.body[0].role, "dossier-title");
    EXPECT_EQ(doc.body[1].role, "document-title");
    EXPECT_EQ(doc.body[2].role, "addressee");
    EXPECT_EQ(doc.body[3].role, "place-date");
    EXPECT_EQ(text_of(doc.body[3]), "Den Haag, 22 december 2022");
}

TEST(OepHtmlFlagship, TheTwoNumberedLists) {
    const Document doc = import_one(flagship());
    const auto lists = blocks_of_type(doc, BlockType::list);
    ASSERT_EQ(lists.size(), 2u);
    for (const Block* l : lists) {
        EXPECT_TRUE(l->ordered);
        ASSERT_EQ(l->children.size(), 3u);
        for (std::size_t i = 0; i < 3; ++i) {
            EXPECT_EQ(l->children[i].type, BlockType::list_item);
            EXPECT_EQ(l->children[i].label, std::to_string(i + 1) + ".");
            // the label is not repeated in the text
            EXPECT_NE(text_of(l->children[i]).substr(0, 2), std::to_string(i + 1) + ".");
        }
    }
    EXPECT_EQ(text_of(lists[0]->children[0]).rfind("Geco\xC3\xB6rdineerde Europese vermogensgroepen:", 0), 0u);
    EXPECT_EQ(text_of(lists[1]->children[2]).rfind("Het derde uitgangspunt is het behoud", 0), 0u);
}

TEST(OepHtmlFlagship, ThirteenFootnotesEachLinkedFromTheBody) {
    const Document doc = import_one(flagship());
    ASSERT_EQ(doc.footnotes.size(), 13u);
    std::map<std::string, int> markers;  // footnote id -> markers pointing at it
    std::vector<std::string> marker_labels;
    for_each_block(doc.body, [&](const Block& b) {
        for (const Inline& in : b.inlines)
            if (in.kind == InlineKind::note_ref) {
                ++markers[in.target];
                marker_labels.push_back(in.text);
            }
    });
    for (std::size_t i = 0; i < doc.footnotes.size(); ++i) {
        const Footnote& f = doc.footnotes[i];
        EXPECT_EQ(f.label, std::to_string(i + 1));
        EXPECT_EQ(markers[f.id], 1) << "footnote " << f.label << " (" << f.id << ")";
        EXPECT_EQ(f.id.rfind("ID-2022D56473-", 0), 0u) << f.id;  // the anchor the markers point at
    }
    std::vector<std::string> expected_labels;
    for (int i = 1; i <= 13; ++i) expected_labels.push_back(std::to_string(i));
    EXPECT_EQ(marker_labels, expected_labels);  // in reading order
    for (const Warning& w : doc.warnings) ADD_FAILURE() << w.code << ": " << w.message;
}

// The reconstruction against the published text: every line of the body,
// in order, and every footnote.
TEST(OepHtmlFlagship, TextEqualsThePublishedText) {
    const PublishedText ref = reference_text();
    // The first two lines are the printed Kamerstuk header ("Tweede Kamer der
    // Staten-Generaal 2", "Vergaderjaar 2022-2023"); KOOP's HTML leaves that
    // header out (compare the real kst-32545-143 XML and HTML): it is the
    // creator and session-year metadata.
    ASSERT_GE(ref.body.size(), 2u);
    EXPECT_EQ(ref.body[0], "Tweede Kamer der Staten-Generaal 2");
    EXPECT_EQ(ref.body[1], "Vergaderjaar 2022-2023");
    const std::vector<std::string> expected(ref.body.begin() + 2, ref.body.end());

    const Document doc = import_one(flagship());
    const std::vector<std::string> lines = reading_lines(doc);
    ASSERT_EQ(lines.size(), expected.size());
    for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i], expected[i]) << "line " << i;

    ASSERT_EQ(ref.notes.size(), 13u);
    ASSERT_EQ(doc.footnotes.size(), ref.notes.size());
    for (std::size_t i = 0; i < ref.notes.size(); ++i) {
        EXPECT_EQ(doc.footnotes[i].label, ref.notes[i].first);
        EXPECT_EQ(normalise_space(plain_text(doc.footnotes[i].inlines)), ref.notes[i].second) << "footnote " << i + 1;
    }
}

// The shared reference pass, run by the real pipeline, finds the citations
// of the text and the footnotes with their normalised targets.
TEST(OepHtmlFlagship, ReferencesToOtherPublications) {
    const Document doc = import_one(flagship());
    std::set<std::string> targets;
    std::map<std::string, std::string> kinds;
    for (const Reference& r : doc.references) {
        targets.insert(r.target);
        kinds[r.target] = r.kind;
    }
    for (const char* t : {"kst-36200-X-37", "kst-36200-X-26", "kst-35570-X-39", "kst-35570-X-54", "kst-35788-77",
                          "kst-36124-1", "kst-31125-123", "h-tk-20202021-33-4", "h-tk-20202021-33-10"})
        EXPECT_TRUE(targets.count(t)) << t;
    EXPECT_EQ(kinds["kst-35788-77"], "bijlage");
    EXPECT_EQ(kinds["h-tk-20202021-33-10"], "handelingen");
    EXPECT_FALSE(targets.count("kst-33279-36"));  // not its own id (the site's h1 says "Kamerstuk 33279, nr. 36")
    // "(Kamerstuk 35 570 X, nr. 39)" in footnote 1: where says which footnote.
    bool in_note = false;
    for (const Reference& r : doc.references)
        in_note = in_note || (r.target == "kst-35570-X-39" && r.where == "footnote/" + doc.footnotes.at(0).id);
    EXPECT_TRUE(in_note);
}

// The README's first command, and the JSON it writes, checked with the
// schema by an independent validator.
TEST(OepHtmlFlagship, ConvertsOnTheCommandLineToValidJson) {
    const fs::path out = temp_dir("oep-html-flagship-cli");
    const ProcessResult r = stukwerk::test::stukwerk({"convert", flagship().string(), "-t", "json,jsonl", "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(fs::exists(out / "kst-33279-36.json")) << r.err;
    EXPECT_EQ(schema_errors({out / "kst-33279-36.json", out / "documents.jsonl"}), "");
    const ProcessResult d = stukwerk::test::stukwerk({"detect", flagship().string()});
    EXPECT_NE(d.out.find("oep-html"), std::string::npos) << d.out;
}

}  // namespace
