// The oep-xml importer on the real corpus: every file converts and validates,
// every publication carries the facts of its own metadata, no word of a
// source is lost, companions are merged, and the XML of kst-32545-143 agrees
// with its HTML. Expected values come from the sources, read by Python's own
// XML parser (expected_facts.py, source_words.py, html_view.py).
#include <regex>
#include <set>

#include "oep_test_util.hpp"

namespace stukwerk::test::oep {
namespace {

TEST(OepXmlCorpus, EveryInputConvertsAndValidatesAgainstTheSchema) {
    const fs::path out = temp_dir("oep-all");
    std::vector<std::string> args{"convert"};
    for (const fs::path& p : all_xml_inputs()) args.push_back(p.string());
    args.insert(args.end(), {"-t", "json", "-o", out.string(), "-q"});
    const ProcessResult r = stukwerk(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<fs::path> written;
    for (const auto& e : fs::directory_iterator(out))
        if (e.path().extension() == ".json") written.push_back(e.path());
    // One document per publication and metadata record, one per gzd record of the SRU responses (1 + 5).
    EXPECT_EQ(written.size(), all_xml_inputs().size() - 2 + 1 + 5);
    EXPECT_EQ(schema_errors(written), "");
    for (const fs::path& p : all_xml_inputs()) {
        const Imported imported = import_file(p);
        EXPECT_TRUE(imported.ok()) << p << ": " << imported.report.error;
        EXPECT_EQ(imported.report.importer, "oep-xml") << p;
    }
}

TEST(OepXmlCorpus, PublicationsCarryTheFactsOfTheirOwnMetadata) {
    for (const fs::path& p : publications()) {
        SCOPED_TRACE(p.filename().string());
        const Facts want = expected_facts(p);
        const Document doc = import_one(p);
        const Metadata& m = doc.metadata;
        EXPECT_EQ(doc.id, want.values.at("id"));
        EXPECT_EQ(m.title, want.values.at("title"));
        EXPECT_EQ(m.date, want.values.at("date"));
        EXPECT_EQ(m.item_number, want.values.at("item_number"));
        EXPECT_EQ(m.document_type, want.values.at("document_type"));
        ASSERT_EQ(m.dossiers.size(), want.dossiers.size());
        for (std::size_t i = 0; i < m.dossiers.size(); ++i) {
            EXPECT_EQ(m.dossiers[i].number, want.dossiers[i].first);
            EXPECT_EQ(m.dossiers[i].title, want.dossiers[i].second);
        }
        // Facts from the printed text only where the record is an unreachable link, and then said so.
        const bool only_printed = want.values.at("source") == "printed";
        EXPECT_EQ(warning(doc, "missing-metadata") != nullptr, only_printed);
        EXPECT_EQ(m.language, "nl");
    }
}

TEST(OepXmlCorpus, NoWordOfASourceIsLost) {
    for (const fs::path& p : all_xml_inputs()) {
        SCOPED_TRACE(p.filename().string());
        const fs::path out = temp_dir("oep-words/" + p.filename().string());
        ASSERT_EQ(stukwerk({"convert", p.string(), "-t", "json", "-o", out.string(), "-q"}).exit_code, 0);
        const ProcessResult check = run({python(), script("source_words.py").string(), p.string(), out.string()});
        EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
        EXPECT_EQ(check.out.rfind("ok: ", 0), 0u) << check.out;
    }
}

TEST(OepXmlCorpus, TheWordCheckNoticesALostParagraph) {
    // The check above must be able to fail: drop one paragraph from an output and run it again.
    const fs::path source = corpus_oep() / "kst-36471-12.xml";
    const fs::path out = temp_dir("oep-words-negative");
    ASSERT_EQ(stukwerk({"convert", source.string(), "-t", "json", "-o", out.string(), "-q"}).exit_code, 0);
    std::string json = read_file(out / "kst-36471-12.json");
    const std::string paragraph = "gehoord de beraadslaging,";
    const auto at = json.find(paragraph);
    ASSERT_NE(at, std::string::npos);
    json.replace(at, paragraph.size(), "");
    write_file(out / "kst-36471-12.json", json);
    const ProcessResult check = run({python(), script("source_words.py").string(), source.string(), out.string()});
    EXPECT_EQ(check.exit_code, 1);
    EXPECT_NE(check.out.find("'beraadslaging'x1"), std::string::npos) << check.out;
}

TEST(OepXmlCorpus, TheCompanionRecordBesideTheFileIsMerged) {
    const Document doc = import_one(corpus_oep() / "kst-32545-143.xml");
    // Only kst-32545-143.metadata.xml states these; the XML itself holds an externMetadataRecord link.
    EXPECT_EQ(doc.metadata.published, "2021-07-07");
    EXPECT_EQ(doc.metadata.session_year, "2020-2021");
    EXPECT_EQ(doc.metadata.subjects, (std::vector<std::string>{"Economie | Overige economische sectoren",
                                                               "Financiën | Financieel toezicht"}));
    std::vector<std::string> submitters;
    for (const Person& p : doc.metadata.people)
        if (p.role == "submitter") submitters.push_back(p.name);
    EXPECT_EQ(submitters, (std::vector<std::string>{"I. (Inge) van Dijk", "P.A. Grinwis"}));
    EXPECT_EQ(warning(doc, "missing-metadata"), nullptr);
    bool status_kept = false;
    for (const Field& f : doc.metadata.raw)
        status_kept = status_kept || (f.name == "OVERHEIDop.documentStatus" && f.value == "Opgemaakt na onopgemaakt");
    EXPECT_TRUE(status_kept);
}

TEST(OepXmlCorpus, ABareMetadataOwmsBesideTheFileIsUsed) {
    const fs::path dir = temp_dir("oep-bare-owms");
    fs::copy_file(corpus_oep() / "kst-32545-143.xml", dir / "kst-32545-143.xml");
    fs::copy_file(corpus_oep() / "kst-32545-143.metadata_owms.xml", dir / "metadata_owms.xml");
    const Document doc = import_one(dir / "kst-32545-143.xml");
    EXPECT_EQ(doc.metadata.title,
              "Motie van de leden Inge van Dijk en Grinwis over het definiëren van een grensspaarsaldo voor negatieve "
              "spaarrente");
    EXPECT_EQ(doc.metadata.modified, "2021-07-07");  // <dcterms.modified> of the owms record
    EXPECT_EQ(warning(doc, "missing-metadata"), nullptr);
}

TEST(OepXmlCorpus, AnUnreachableExternalRecordIsNamedAndNeverFetched) {
    const fs::path dir = temp_dir("oep-extern");
    fs::copy_file(corpus_oep() / "kst-24515-782.xml", dir / "kst-24515-782.xml");
    // A metadata.xml of another publication in the same folder is not taken for this one's.
    fs::copy_file(corpus_oep() / "kst-32545-143.metadata.xml", dir / "metadata.xml");
    const Document doc = import_one(dir / "kst-24515-782.xml");
    const Warning* missing = warning(doc, "missing-metadata");
    ASSERT_NE(missing, nullptr);
    EXPECT_NE(missing->message.find("https://zoek.officielebekendmakingen.nl/kst-24515-782/metadata.xml"),
              std::string::npos);
    const Warning* other = warning(doc, "bad-metadata");
    ASSERT_NE(other, nullptr);
    EXPECT_NE(other->message.find("describes kst-32545-143, not kst-24515-782"), std::string::npos) << other->message;
    EXPECT_EQ(doc.id, "kst-24515-782");
    EXPECT_EQ(doc.metadata.title, "MOTIE VAN HET LID CEDER");  // as printed, not the other record's title
    EXPECT_EQ(doc.metadata.date, "2025-02-06");
}

TEST(OepXmlCorpus, AnUnreadableCompanionIsSkippedWithAWarning) {
    const fs::path dir = temp_dir("oep-broken-companion");
    fs::copy_file(corpus_oep() / "kst-32545-143.xml", dir / "kst-32545-143.xml");
    std::string record = read_file(corpus_oep() / "kst-32545-143.metadata.xml");
    write_file(dir / "kst-32545-143.metadata.xml", record.substr(0, record.size() / 2));
    fs::copy_file(corpus_oep() / "kst-32545-143.metadata_owms.xml", dir / "kst-32545-143.metadata_owms.xml");
    const Document doc = import_one(dir / "kst-32545-143.xml");
    const Warning* bad = warning(doc, "bad-metadata");
    ASSERT_NE(bad, nullptr);
    EXPECT_NE(bad->message.find("companion kst-32545-143.metadata.xml: not well-formed XML"), std::string::npos)
        << bad->message;
    EXPECT_EQ(doc.metadata.modified, "2021-07-07");  // the next companion, the owms record, was used
}

std::vector<std::string> html_lines(const std::string& view, const std::string& kind) {
    std::vector<std::string> out;
    std::istringstream lines(view);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(kind + "\t", 0) == 0) out.push_back(line.substr(kind.size() + 1));
    return out;
}

std::string html_meta(const std::vector<std::string>& metas, const std::string& name, const std::string& scheme = "") {
    for (const std::string& m : metas) {
        const auto a = m.find('\t'), b = m.find('\t', a + 1);
        if (m.substr(0, a) == name && (scheme.empty() || m.substr(a + 1, b - a - 1) == scheme)) return m.substr(b + 1);
    }
    return {};
}

TEST(OepXmlCorpus, MotionFromXmlAgreesWithItsHtml) {
    const ProcessResult view =
        run({python(), script("html_view.py").string(), (corpus_dir() / "html" / "kst-32545-143.html").string()});
    ASSERT_EQ(view.exit_code, 0) << view.err;
    const std::vector<std::string> metas = html_lines(view.out, "meta");
    const Document doc = import_one(corpus_oep() / "kst-32545-143.xml");
    const Metadata& m = doc.metadata;
    EXPECT_EQ(doc.id, html_meta(metas, "DC.identifier"));
    EXPECT_EQ(m.title, html_meta(metas, "OVERHEIDop.documenttitel"));
    EXPECT_EQ(m.document_type, html_meta(metas, "DC.type", "OVERHEIDop.KamerstukTypen"));
    EXPECT_EQ(m.publication_type, html_meta(metas, "OVERHEIDop.publicationName"));
    EXPECT_EQ(m.date, html_meta(metas, "DCTERMS.issued"));
    EXPECT_EQ(m.published, html_meta(metas, "DCTERMS.available"));
    EXPECT_EQ(m.session_year, html_meta(metas, "OVERHEIDop.vergaderjaar"));
    EXPECT_EQ(m.item_number, html_meta(metas, "OVERHEIDop.ondernummer"));
    ASSERT_EQ(m.dossiers.size(), 1u);
    EXPECT_EQ(m.dossiers[0].number, html_meta(metas, "OVERHEIDop.dossiernummer"));
    EXPECT_EQ(m.dossiers[0].title, html_meta(metas, "OVERHEIDop.dossiertitel"));
    std::set<std::string> html_submitters, xml_submitters;
    for (const std::string& line : metas)
        if (line.rfind("OVERHEIDop.indiener\t", 0) == 0) html_submitters.insert(line.substr(line.rfind('\t') + 1));
    for (const Person& p : m.people)
        if (p.role == "submitter") xml_submitters.insert(p.name);
    EXPECT_EQ(xml_submitters, html_submitters);
    // Paragraph for paragraph, headings included, as the HTML shows them.
    EXPECT_EQ(printed_lines(doc), html_lines(view.out, "text"));
}

TEST(OepXmlCorpus, HandelingenSpeechesBecomeSpeakerTurns) {
    const fs::path source = corpus_oep() / "h-tk-20172018-70-8.xml";
    const Document doc = import_one(source);
    // The speakers' parties and names in source order, found with a regular expression on the file.
    const std::string text = read_file(source);
    std::vector<std::string> names, parties;
    const std::regex spreker(R"(<spreker>([\s\S]*?)</spreker>)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), spreker); it != std::sregex_iterator(); ++it) {
        const std::string s = (*it)[1];
        std::smatch m;
        std::regex_search(s, m, std::regex(R"(<achternaam>\s*([^<]*?)\s*</achternaam>)"));
        names.push_back(m[1]);
        parties.push_back(std::regex_search(s, m, std::regex(R"(<politiek>\s*([^<]*?)\s*</politiek>)")) ? m[1].str() : "");
    }
    const auto turns = blocks_of_type(doc, BlockType::speaker_turn);
    ASSERT_EQ(turns.size(), names.size());
    ASSERT_EQ(turns.size(), 65u);
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Speaker& s = turns[i]->speaker;
        EXPECT_EQ(s.name.empty() ? s.function : s.name, names[i]) << i;
        EXPECT_EQ(s.party, parties[i]) << i;
        ASSERT_FALSE(turns[i]->children.empty());
        EXPECT_EQ(turns[i]->children[0].role, "speaker");
    }
    EXPECT_EQ(turns[2]->speaker.name, "Van Eijs");
    EXPECT_EQ(normalise_space(plain_text(turns[2]->children[0])), "Mevrouw Van Eijs ( D66 ):");
    EXPECT_EQ(doc.metadata.title, "Regeling van werkzaamheden");
    EXPECT_EQ(doc.metadata.publication_type, "Handelingen");
    EXPECT_EQ(doc.metadata.session_year, "2017-2018");
    EXPECT_EQ(doc.metadata.chamber, "Tweede Kamer");
}

TEST(OepXmlCorpus, DoublyEncodedHandelingenAreRepaired) {
    const Document doc = import_one(corpus_oep() / "h-tk-20172018-70-14.xml");
    ASSERT_NE(warning(doc, "encoding-repaired"), nullptr);
    std::string all;
    for_each_block(doc.body, [&](const Block& b) { all += plain_text(b) + "\n"; });
    EXPECT_NE(all.find("minister van Financiën, W.B. Hoekstra - 03 april 2018"), std::string::npos);
    EXPECT_NE(all.find("Geïntegreerde Buitenland- en Veiligheidsstrategie"), std::string::npos);
    EXPECT_EQ(all.find("Ã"), std::string::npos);
    // 68 al-groepen of three lines each under two division headings.
    EXPECT_EQ(blocks_of_type(doc, BlockType::section).size(), 2u);
    EXPECT_EQ(blocks_of_type(doc, BlockType::paragraph).size(), 202u);
}

}  // namespace
}  // namespace stukwerk::test::oep
