// Kamerstuk 32 545 nr. 143, a motion, as repository.overheid.nl stores its
// HTML (tests/data/corpus/html/kst-32545-143.html, a real file). Expected
// values are read off that file.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "helpers.hpp"

namespace {

using namespace oep_html_test;

TEST(OepHtmlMotion, MetadataFromTheMetaTags) {
    const Document doc = import_one(motion_xhtml());
    EXPECT_EQ(doc.id, "kst-32545-143");
    EXPECT_EQ(doc.source.format, "oep-html");
    const Metadata& m = doc.metadata;
    ASSERT_EQ(m.dossiers.size(), 1u);
    EXPECT_EQ(m.dossiers[0].number, "32545");
    EXPECT_EQ(m.dossiers[0].title, "Wet- en regelgeving financi\xC3\xABle markten");
    EXPECT_EQ(m.item_number, "143");
    EXPECT_EQ(m.date, "2021-07-06");
    EXPECT_EQ(m.published, "2021-07-07");
    EXPECT_EQ(m.document_type, "Motie");
    EXPECT_EQ(m.publication_type, "Kamerstuk");
    EXPECT_EQ(m.session_year, "2020-2021");
    EXPECT_EQ(m.chamber, "Tweede Kamer");
    EXPECT_EQ(m.language, "nl");
    EXPECT_EQ(m.title,
              "Motie van de leden Inge van Dijk en Grinwis over het defini\xC3\xAB"
              "ren van een grensspaarsaldo voor negatieve spaarrente");
    EXPECT_EQ(m.subjects, (std::vector<std::string>{"Economie | Overige economische sectoren",
                                                    "Financi\xC3\xAB" "n | Financieel toezicht"}));
}

TEST(OepHtmlMotion, TheTwoSubmittersAndTheirSignatures) {
    const Document doc = import_one(motion_xhtml());
    std::vector<std::string> submitters, signatories;
    for (const Person& p : doc.metadata.people) {
        if (p.role == "submitter") submitters.push_back(p.name);
        if (p.role == "signatory") signatories.push_back(p.name);
    }
    EXPECT_EQ(submitters, (std::vector<std::string>{"P.A. Grinwis", "I. (Inge) van Dijk"}));
    // div.alineagroep under the motion: the names as printed.
    EXPECT_EQ(signatories, (std::vector<std::string>{"Inge van Dijk", "Grinwis"}));
    const auto sigs = blocks_of_type(doc, BlockType::signature);
    ASSERT_EQ(sigs.size(), 1u);
    ASSERT_EQ(sigs[0]->children.size(), 2u);
    EXPECT_EQ(sigs[0]->children[0].role, "name");
    EXPECT_EQ(text_of(sigs[0]->children[0]), "Inge van Dijk");
    EXPECT_EQ(text_of(sigs[0]->children[1]), "Grinwis");
}

TEST(OepHtmlMotion, EveryParagraphOfTheMotionInOrder) {
    const Document doc = import_one(motion_xhtml());
    const std::vector<std::string> expected = {
        "Voorgesteld 6 juli 2021",
        "De Kamer,",
        "gehoord de beraadslaging,",
        "constaterende dat diverse financi\xC3\xABle instellingen klanten laten betalen voor hun spaargeld en in "
        "sommige gevallen ook afscheid nemen van spaarders;",
        "constaterende dat veel financi\xC3\xABle instellingen een negatieve spaarrente hanteren vanaf "
        "\xE2\x82\xAC 100.000;",
        "overwegende dat voorkomen dient te worden dat de grens van negatieve spaarrente de kleine spaarder nog "
        "verder gaat raken;",
        "verzoekt de regering, om een grensspaarsaldo te defini\xC3\xAB"
        "ren waaronder een negatieve spaarrente onwenselijk is en met de banken in gesprek te gaan om afspraken te "
        "maken over het borgen van deze ondergrens;",
        "verzoekt de regering tevens, om, indien de Minister constateert dat banken niet bereid zijn zich te "
        "beperken tot dit grenssaldo, een wetsvoorstel voor te bereiden met een verbod op negatieve spaarrente "
        "vanaf de geformuleerde spaarsaldogrens,",
        "en gaat over tot de orde van de dag.",
    };
    EXPECT_EQ(paragraph_texts(doc), expected);
}

TEST(OepHtmlMotion, HeaderHeadingsAndDateLineFollowTheConventions) {
    const Document doc = import_one(motion_xhtml());
    ASSERT_GE(doc.body.size(), 3u);
    const Block& dossier = doc.body[0];
    EXPECT_EQ(dossier.type, BlockType::heading);
    EXPECT_EQ(dossier.role, "dossier-title");
    EXPECT_EQ(dossier.level, 1);
    EXPECT_EQ(dossier.label, "32 545");
    EXPECT_EQ(text_of(dossier), "Wet- en regelgeving financi\xC3\xABle markten");
    const Block& title = doc.body[1];
    EXPECT_EQ(title.role, "document-title");
    EXPECT_EQ(title.level, 1);
    EXPECT_EQ(title.label, "Nr. 143");
    EXPECT_EQ(text_of(title), "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS");
    EXPECT_EQ(doc.body[2].role, "date-line");
    // Element paths with an index only where a name repeats.
    EXPECT_EQ(dossier.source.path, "/html/body/div[3]/h1");
    const auto paragraphs = find_blocks(doc, [](const Block& b) { return b.type == BlockType::paragraph && b.role.empty(); });
    ASSERT_FALSE(paragraphs.empty());
    EXPECT_EQ(paragraphs[0]->source.path, "/html/body/div[3]/div/div/p[1]");
    EXPECT_TRUE(doc.footnotes.empty());
    EXPECT_TRUE(doc.warnings.empty()) << doc.warnings.front().code << ": " << doc.warnings.front().message;
}

// Without its head, the printed text still says what the document is.
TEST(OepHtmlMotion, MetadataFromTheBodyWhenTheHeadHasNone) {
    std::string html = read_file(motion_xhtml());
    const std::size_t head = html.find("<head>"), end = html.find("</head>");
    html.erase(head, end + 7 - head);
    ASSERT_EQ(html.find("OVERHEIDop"), std::string::npos);
    const Imported r = import_bytes("zonder-kop.html", html, "oep-html");
    ASSERT_TRUE(r.ok()) << r.report.error;
    const Document& doc = r.documents.at(0);
    EXPECT_EQ(doc.id, "kst-32545-143");  // from the dossier number and the stuknummer
    const Metadata& m = doc.metadata;
    EXPECT_EQ(m.dossiers, (std::vector<Dossier>{{"32545", "Wet- en regelgeving financi\xC3\xABle markten"}}));
    EXPECT_EQ(m.item_number, "143");
    EXPECT_EQ(m.date, "2021-07-06");  // "Voorgesteld 6 juli 2021"
    EXPECT_EQ(m.title, "MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS");
    EXPECT_EQ(m.document_type, "Motie");
    EXPECT_EQ(m.publication_type, "Kamerstuk");
    EXPECT_EQ(paragraph_texts(doc), paragraph_texts(import_one(motion_xhtml())));
}

// Nothing the head says is dropped: every DC/DCTERMS/OVERHEID meta is either
// mapped to its field or kept raw with its value and scheme.
TEST(OepHtmlMotion, EveryMetaTagIsMappedOrKeptRaw) {
    const std::string html = read_file(motion_xhtml());
    const Document doc = import_one(motion_xhtml());
    const Metadata& m = doc.metadata;
    const std::regex meta(R"re(<meta name="([^"]+)"(?:\s+scheme="([^"]*)")?\s+content="([^"]*)")re");
    std::size_t seen = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), meta); it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[1], scheme = (*it)[2], value = (*it)[3];
        ++seen;
        bool raw = false;
        for (const Field& f : m.raw) raw = raw || (f.name == name && f.value == value && f.scheme == scheme);
        bool mapped = false;
        if (name == "DC.identifier") mapped = doc.id == value;
        else if (name == "OVERHEIDop.ondernummer") mapped = m.item_number == value;
        else if (name == "DCTERMS.available") mapped = m.published == value;
        else if (name == "DCTERMS.issued") mapped = m.date == value;
        else if (name == "DC.type" && scheme == "OVERHEIDop.KamerstukTypen") mapped = m.document_type == value;
        else if (name == "OVERHEIDop.dossiernummer") mapped = m.dossiers.at(0).number == value;
        else if (name == "OVERHEIDop.dossiertitel") mapped = m.dossiers.at(0).title == value;
        else if (name == "OVERHEIDop.documenttitel") mapped = m.title == value;
        else if (name == "OVERHEIDop.vergaderjaar") mapped = m.session_year == value;
        else if (name == "OVERHEIDop.publicationName") mapped = m.publication_type == value;
        else if (name == "DCTERMS.language") mapped = m.language == value;
        else if (name == "OVERHEID.category")
            mapped = std::find(m.subjects.begin(), m.subjects.end(), value) != m.subjects.end();
        else if (name == "OVERHEIDop.indiener")
            mapped = std::any_of(m.people.begin(), m.people.end(),
                                 [&](const Person& p) { return p.name == value && p.role == "submitter"; });
        EXPECT_TRUE(mapped || raw) << name << " (" << scheme << ") = '" << value << "' is neither mapped nor raw";
    }
    EXPECT_EQ(seen, 23u);  // all of them; the http-equiv Content-Type line is no metadata
}

// The same publication from its real XML (oep-xml importer, with the
// companion metadata.xml beside it) gives the same metadata and the same
// paragraph texts.
TEST(OepHtmlMotion, AgreesWithTheXmlOfTheSamePublication) {
    ASSERT_NE(plugins().find_importer("oep-xml"), nullptr) << "the oep-xml plugin is part of this build";
    const Document html = import_one(motion_xhtml(), "oep-html");
    const Document xml = import_one(corpus_dir() / "oep-xml" / "kst-32545-143.xml", "oep-xml");
    EXPECT_EQ(html.id, xml.id);
    const Metadata& a = html.metadata;
    const Metadata& b = xml.metadata;
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.document_type, b.document_type);
    EXPECT_EQ(a.publication_type, b.publication_type);
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.published, b.published);
    EXPECT_EQ(a.session_year, b.session_year);
    EXPECT_EQ(a.chamber, b.chamber);
    EXPECT_EQ(a.dossiers, b.dossiers);
    EXPECT_EQ(a.item_number, b.item_number);
    EXPECT_EQ(a.language, b.language);
    EXPECT_EQ(a.subjects, b.subjects);
    auto people = [](const Metadata& m) {
        std::set<std::tuple<std::string, std::string, std::string>> s;
        for (const Person& p : m.people) s.emplace(p.name, p.role, p.function);
        return s;
    };
    EXPECT_EQ(people(a), people(b));
    EXPECT_EQ(paragraph_texts(html), paragraph_texts(xml));
    auto roles = [](const Document& d) {
        std::vector<std::string> r;
        for (const Block& blk : d.body) r.push_back(std::string(to_string(blk.type)) + ":" + blk.role);
        return r;
    };
    EXPECT_EQ(roles(html), roles(xml));
}

}  // namespace
