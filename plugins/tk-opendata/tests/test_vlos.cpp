// tk-vlos on the real VLOS transcript of the corpus: the plenary meeting of
// 15 October 2014. Expected counts are taken from the XML by Python's
// ElementTree, independently of the importer.
#include <gtest/gtest.h>

#include <set>

#include "tk_test_util.hpp"

namespace stukwerk::test::tk {
namespace {

const fs::path& vlos_file() {
    static const fs::path p = corpus_tk() / "vlos-verslag-plenair-2014-10-15.xml";
    return p;
}

const Document& vlos_doc() {
    static const Document d = import_one(vlos_file(), "tk-vlos");
    return d;
}

// Counts of elements in the source, by ElementTree.
std::string count_in_source(const std::string& what) {
    return python_out(
        "import sys, xml.etree.ElementTree as ET\n"
        "ns='{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}'\n"
        "root=ET.parse(sys.argv[1]).getroot()\n"
        "print(sum(1 for t in sys.argv[2].split(',') for _ in root.iter(ns+t)))\n",
        {vlos_file().string(), what});
}

std::size_t count_of(const std::string& what) { return std::stoul(count_in_source(what)); }

TEST(TkVlos, MeetingMetadata) {
    const Document& d = vlos_doc();
    const Metadata& m = d.metadata;
    EXPECT_EQ(m.date, "2014-10-15");
    EXPECT_EQ(m.title, "14e vergadering, woensdag 15 oktober 2014");
    EXPECT_EQ(m.session_year, "2014-2015");
    EXPECT_EQ(m.chamber, "Tweede Kamer");
    EXPECT_EQ(d.id, "h-tk-20142015-14");  // vergadering 14 of 2014-2015, as Handelingen citations name it
    EXPECT_EQ(m.publication_type, "Verslag");
    EXPECT_EQ(m.document_type, "Tussenpublicatie");
    EXPECT_EQ(m.modified, "2014-10-15T23:06:40.7123056+02:00");
    EXPECT_EQ(ids_of(m, "tk-vergadering-id"), std::vector<std::string>{"462144d8-9742-4baa-bf07-4523b849e6eb"});
    EXPECT_EQ(raw_of(m, "status"), "Ongecorrigeerd");
    EXPECT_EQ(raw_of(m, "vergadering.zaal"), "Plenaire zaal");
    EXPECT_EQ(raw_of(m, "vergadering.sluiting"), "2014-10-15T22:41:54");
}

TEST(TkVlos, EverySpeechIsOneAttributedTurn) {
    const std::vector<const Block*> turns = blocks_of_type(vlos_doc(), BlockType::speaker_turn);
    const std::size_t speeches = count_of("woordvoerder,interrumpant");
    ASSERT_GT(speeches, 500u);
    EXPECT_EQ(turns.size(), speeches);
    std::size_t interruptions = 0;
    for (const Block* t : turns) {
        EXPECT_FALSE(t->speaker.name.empty()) << t->source.path;
        EXPECT_FALSE(t->speaker.function.empty()) << t->source.path;
        EXPECT_FALSE(t->children.empty()) << t->source.path;
        if (t->role == "interruption") {
            ++interruptions;
            EXPECT_NE(t->source.path.find("/interrumpant["), std::string::npos) << t->source.path;
        }
    }
    EXPECT_EQ(interruptions, count_of("interrumpant"));
}

TEST(TkVlos, SpeakersKeepNameFunctionAndParty) {
    const std::vector<const Block*> turns = blocks_of_type(vlos_doc(), BlockType::speaker_turn);
    // The fourth woordvoerder of the meeting: Pechtold (D66), interrupted by Verheijen (VVD).
    const Block* pechtold = nullptr;
    for (const Block* t : turns)
        if (t->source.path.find("/activiteitdeel[3]/activiteititem[1]/woordvoerder[2]") != std::string::npos &&
            t->source.path.find("/activiteit[3]/activiteithoofd[1]/") != std::string::npos && t->role.empty())
            pechtold = t;
    ASSERT_NE(pechtold, nullptr);
    EXPECT_EQ(pechtold->speaker, (Speaker{"Pechtold", "Lid Tweede Kamer", "D66"}));
    EXPECT_EQ(plain_text(pechtold->children.at(0)), "De heer Pechtold (D66):");
    EXPECT_EQ(pechtold->children.at(0).role, "speaker-label");
    EXPECT_EQ(plain_text(pechtold->children.at(1)).substr(0, 36), "Ik vind het moeilijk te zeggen. Dat ");
    const auto at = std::find(turns.begin(), turns.end(), pechtold);
    ASSERT_NE(at + 1, turns.end());
    EXPECT_EQ((*(at + 1))->role, "interruption");
    EXPECT_EQ((*(at + 1))->speaker, (Speaker{"Verheijen", "Lid Tweede Kamer", "VVD"}));
    // A minister has a function and no party.
    bool rutte = false;
    for (const Person& p : vlos_doc().metadata.people)
        if (p.name == "Rutte") {
            rutte = true;
            EXPECT_EQ(p.function, "minister-president, minister van Algemene Zaken");
            EXPECT_EQ(p.party, "");
        }
    EXPECT_TRUE(rutte);
}

TEST(TkVlos, OneSectionPerAgendaItemWithItsHeading) {
    const Document& d = vlos_doc();
    const std::string titles = python_out(
        "import sys, xml.etree.ElementTree as ET\n"
        "ns='{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}'\n"
        "v=ET.parse(sys.argv[1]).getroot().find(ns+'vergadering')\n"
        "print('\\n'.join(a.findtext(ns+'titel') for a in v.findall(ns+'activiteit')))\n",
        {vlos_file().string()});
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < titles.size();) {
        const auto nl = titles.find('\n', i);
        expected.push_back(titles.substr(i, nl - i));
        i = nl + 1;
    }
    std::vector<std::string> got;
    for (const Block& b : d.body)
        if (b.type == BlockType::section) {
            ASSERT_FALSE(b.children.empty());
            ASSERT_EQ(b.children[0].type, BlockType::heading);
            EXPECT_EQ(b.children[0].level, 2);
            got.push_back(plain_text(b.children[0]));
        }
    EXPECT_EQ(got, expected);
    EXPECT_EQ(got.size(), 7u);
    // activiteithoofd ("Termijn inbreng", ...) are sections inside them.
    std::size_t hoofden = 0;
    for (const Block* s : blocks_of_type(d, BlockType::section))
        if (!s->children.empty() && s->children[0].type == BlockType::heading && s->children[0].level == 3) ++hoofden;
    EXPECT_EQ(hoofden, count_of("activiteithoofd"));
}

TEST(TkVlos, KamerstukkenNamedInMarkupAreReferences) {
    const Document& d = vlos_doc();
    std::set<std::string> targets;
    for (const Reference& r : d.references) {
        targets.insert(r.target);
        EXPECT_FALSE(r.where.empty()) << r.target;
    }
    // Every Kamerstuk the transcript registers: <zaak> with dossier and stuk number.
    const std::string registered = python_out(
        "import sys, xml.etree.ElementTree as ET\n"
        "ns='{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}'\n"
        "r=ET.parse(sys.argv[1]).getroot()\n"
        "print(' '.join(sorted({'kst-%s-%s'%(z.findtext(ns+'dossiernummer').strip(),z.findtext(ns+'stuknummer').strip()) "
        "for z in r.iter(ns+'zaak') if (z.findtext(ns+'stuknummer') or '').strip()})))\n",
        {vlos_file().string()});
    std::set<std::string> expected;
    for (std::size_t i = 0; i < registered.size();) {
        const auto end = registered.find_first_of(" \n", i);
        expected.insert(registered.substr(i, end - i));
        i = end + 1;
    }
    std::set<std::string> cited;
    for (const Reference& r : d.references)
        if (r.kind == "kamerstuk") cited.insert(r.target);
    EXPECT_EQ(expected.size(), 26u);
    // (The host's citation pass may add Kamerstukken cited in running text.)
    for (const std::string& t : expected) EXPECT_TRUE(cited.count(t)) << t;
    EXPECT_TRUE(targets.count("kst-21501-20-915"));
    // A bill debated as a whole is cited as its dossier.
    EXPECT_TRUE(targets.count("kst-33972"));
    bool dossier_kind = false;
    for (const Reference& r : d.references)
        if (r.target == "kst-33972") dossier_kind = dossier_kind || r.kind == "dossier";
    EXPECT_TRUE(dossier_kind);
    // The meeting's dossiers.
    std::set<std::string> dossiers;
    for (const Dossier& x : d.metadata.dossiers) dossiers.insert(x.number);
    EXPECT_EQ(dossiers, (std::set<std::string>{"21501-20", "33964", "33972", "33976"}));
}

TEST(TkVlos, MotionsAreQuotedAndStylesKept) {
    const Document& d = vlos_doc();
    const std::vector<const Block*> motions =
        find_blocks(d, [](const Block& b) { return b.type == BlockType::quote && b.role == "motion"; });
    EXPECT_EQ(motions.size(), std::stoul(python_out(
                                  "import sys, xml.etree.ElementTree as ET\n"
                                  "ns='{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}'\n"
                                  "print(sum(1 for g in ET.parse(sys.argv[1]).getroot().iter(ns+'alineagroep') "
                                  "if g.get('type')=='Motietekst'))\n",
                                  {vlos_file().string()})));
    ASSERT_FALSE(motions.empty());
    EXPECT_EQ(plain_text(motions[0]->children.at(0)), "De Kamer,");
    EXPECT_EQ(plain_text(motions[0]->children.back()), "en gaat over tot de orde van de dag.");
    // <nadruk type="Vet"> is bold.
    bool bold = false;
    for (const Block* p : blocks_of_type(d, BlockType::paragraph))
        for (const Inline& in : p->inlines) bold = bold || (in.text == "Pechtold" && (in.styles & style::bold));
    EXPECT_TRUE(bold);
}

TEST(TkVlos, OutputValidatesAgainstTheModelSchema) {
    const fs::path dir = temp_dir("tk-vlos-schema");
    const ProcessResult r = stukwerk({"convert", vlos_file().string(), "-t", "json", "-o", dir.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(schema_errors({dir / "h-tk-20142015-14.json"}), "");
}

}  // namespace
}  // namespace stukwerk::test::tk
