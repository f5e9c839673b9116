// The reconstructed flagship XML (samples/kst-33279-36/) checked against the
// published text of the letter (tests/data/oep-xml/kst-33279-36.page.txt, a
// copy of the reference), not against itself: every heading, paragraph, list
// item, the closing and all thirteen footnotes, in order and character for
// character, and the metadata of its companion record.
#include "oep_test_util.hpp"

namespace stukwerk::test::oep {
namespace {

struct PublishedText {
    std::string header;               // "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2022-2023"
    std::vector<std::string> body;    // paragraphs as printed, after the header
    std::vector<std::string> notes;   // footnote texts, 1..13
};

std::string trim(std::string s) {
    while (!s.empty() && (s.front() == '\n' || s.front() == ' ')) s.erase(s.begin());
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

PublishedText read_reference() {
    const std::string page = read_file(fixtures() / "kst-33279-36.page.txt");
    const std::string marker = "Preview document (\xF0\x9F\x94\x97 origineel)";
    std::string text = page.substr(page.find(marker) + marker.size());
    PublishedText ref;
    std::vector<std::string> paragraphs;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        const std::string p = text.substr(start, end - start);
        if (!trim(p).empty()) paragraphs.push_back(p);
        start = end + 2;
    }
    const std::string back = "\xE2\x86\xA9\xEF\xB8\x8E";  // "↩︎", the page's back link
    for (const std::string& raw : paragraphs) {
        const std::string p = trim(raw);
        if (raw.find("  ") == 0 || raw.find("\n  ") == 0) {  // "  7. Kamerstuk …↩︎"
            std::string note = p.substr(p.find(". ") + 2);
            if (note.size() >= back.size() && note.compare(note.size() - back.size(), back.size(), back) == 0)
                note.resize(note.size() - back.size());
            ref.notes.push_back(note);
        } else if (ref.header.empty()) {
            ref.header = p;
        } else {
            ref.body.push_back(p);
        }
    }
    return ref;
}

// The body as printed: label before text; a signature's lines joined as on the page.
void lines_of(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const Block& b : blocks) {
        if (b.type == BlockType::signature) {
            std::string s;
            for (const Block& line : b.children) s += (s.empty() ? "" : "\n") + plain_text(line);
            out.push_back(s);
            continue;
        }
        if (b.type == BlockType::heading || b.type == BlockType::paragraph || b.type == BlockType::list_item)
            out.push_back(printed(b));
        lines_of(b.children, out);
    }
}

TEST(OepXmlFlagship, EveryParagraphHeadingAndListItemMatchesThePublishedText) {
    const PublishedText ref = read_reference();
    ASSERT_EQ(ref.body.size(), 58u);  // from the dossier line to the second signature
    const Document doc = import_one(flagship());
    std::vector<std::string> lines;
    lines_of(doc.body, lines);
    ASSERT_EQ(lines.size(), ref.body.size());
    for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i], ref.body[i]) << "paragraph " << i;
}

TEST(OepXmlFlagship, AllThirteenFootnotesStandWhereThePageHasTheirMarkers) {
    const PublishedText ref = read_reference();
    ASSERT_EQ(ref.notes.size(), 13u);
    const Document doc = import_one(flagship());
    ASSERT_EQ(doc.footnotes.size(), 13u);
    for (std::size_t i = 0; i < 13; ++i) {
        EXPECT_EQ(doc.footnotes[i].label, std::to_string(i + 1));
        EXPECT_EQ(doc.footnotes[i].id, "fn" + std::to_string(i + 1));
        EXPECT_EQ(plain_text(doc.footnotes[i].inlines), ref.notes[i]) << "note " << i + 1;
    }
    // Every marker is a note_ref whose label is printed where the page prints it.
    std::size_t markers = 0;
    for_each_block(doc.body, [&](const Block& b) {
        for (const Inline& in : b.inlines)
            if (in.kind == InlineKind::note_ref) {
                ++markers;
                EXPECT_EQ(in.target, "fn" + in.text);
            }
    });
    EXPECT_EQ(markers, 13u);
    EXPECT_EQ(warning(doc, "dangling-note-ref"), nullptr);
    EXPECT_EQ(warning(doc, "unreferenced-footnote"), nullptr);
}

TEST(OepXmlFlagship, TheStructureIsThatOfALetter) {
    const Document doc = import_one(flagship());
    ASSERT_GE(doc.body.size(), 6u);
    EXPECT_EQ(doc.body[0].role, "dossier-title");
    EXPECT_EQ(doc.body[0].label, "33 279");
    EXPECT_EQ(doc.body[1].role, "document-title");
    EXPECT_EQ(doc.body[1].label, "Nr. 36");
    EXPECT_EQ(doc.body[2].role, "addressee");
    EXPECT_EQ(doc.body[3].role, "place-date");
    const auto sections = blocks_of_type(doc, BlockType::section);
    EXPECT_EQ(sections.size(), 9u);  // six headed parts, three numbered lines of effort in the fifth
    const auto lists = blocks_of_type(doc, BlockType::list);
    ASSERT_EQ(lists.size(), 2u);
    for (const Block* l : lists) {
        EXPECT_TRUE(l->ordered);
        ASSERT_EQ(l->children.size(), 3u);
        EXPECT_EQ(l->children[2].label, "3.");
    }
    const auto signatures = blocks_of_type(doc, BlockType::signature);
    ASSERT_EQ(signatures.size(), 2u);
    EXPECT_EQ(signatures[1]->children.at(0).role, "function");
    EXPECT_EQ(signatures[1]->children.at(1).role, "name");
    std::vector<Person> signatories;
    for (const Person& p : doc.metadata.people)
        if (p.role == "signatory") signatories.push_back(p);
    EXPECT_EQ(signatories, (std::vector<Person>{{"K.H. Ollongren", "signatory", "Minister van Defensie", {}},
                                                {"C.A. van der Maat", "signatory", "Staatssecretaris van Defensie", {}}}));
}

TEST(OepXmlFlagship, MetadataComesFromItsCompanionRecord) {
    const PublishedText ref = read_reference();
    const Document doc = import_one(flagship());
    const Metadata& m = doc.metadata;
    EXPECT_EQ(doc.id, "kst-33279-36");
    EXPECT_EQ(m.title, "Europese defensiesamenwerking en specialisatie en appreciatie van rapport Specialising in "
                       "European defence van Instituut Clingendael");
    EXPECT_EQ(m.document_type, "Brief");
    EXPECT_EQ(m.publication_type, "Kamerstuk");
    EXPECT_EQ(m.date, "2022-12-22");
    EXPECT_EQ(m.session_year, "2022-2023");
    EXPECT_EQ(m.chamber, "Tweede Kamer");
    EXPECT_EQ(m.item_number, "36");
    ASSERT_EQ(m.dossiers.size(), 1u);
    EXPECT_EQ(m.dossiers[0], (Dossier{"33279", "Internationale militaire samenwerking"}));
    EXPECT_EQ(warning(doc, "missing-metadata"), nullptr);
    EXPECT_TRUE(doc.warnings.empty());
    // The page's header lines are the kamerstukkop, kept in metadata.raw.
    std::string kop;
    for (const Field& f : m.raw)
        if (f.name == "kamerstukkop/tekstregel") kop += f.value + "|";
    EXPECT_EQ(kop, "Vergaderjaar 2022-2023|Tweede Kamer der Staten-Generaal|2|Kamerstukken|");
    EXPECT_EQ(ref.header, "Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2022-2023");
}

}  // namespace
}  // namespace stukwerk::test::oep
