// Documents whose id walks out of the output folder ("../../etc/x") or holds
// control characters, through every importer that takes an id from the
// content, into every exporter at once, under strace. Expected: the run
// converts (exit 0); every file lands directly in the output folder under
// a sanitised name (no '/', no control character, not hidden);
// nothing is written anywhere else; the id itself is kept as data, exactly,
// in the JSON; and every output still parses with an independent reader
// (python's json and csv, serdi for N-Triples).
// oep-html takes ids only when they look like publication ids
// (metadata_reader.cpp), so it cannot meet these; the CLI test
// HostileIdsStayInsideTheOutputFolder covers the host's rule with a test plugin.
#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>

#include "hostile_case.hpp"

namespace stukwerk::test::hostile {
namespace {

const std::string escape_id = "../../etc/x";

struct IdCase {
    std::string label;
    std::string importer;
    std::string expected_id;
    // name, bytes; the first is the input. Made when the test runs, from the corpus.
    std::function<std::vector<std::pair<std::string, std::string>>()> files;
};

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    if (at == std::string::npos) throw std::runtime_error("the fixture no longer holds " + from);
    return s.replace(at, from.size(), to);
}

// The document's id is its DocumentNummer when it has no Kamerstuk number (record_mapping.cpp).
std::string odata(const std::string& id_json) {
    return R"({"value":[{"Id":"11111111-1111-4111-8111-111111111111","DocumentNummer":)" + id_json +
           R"(,"Soort":"Motie","Onderwerp":"Een motie","GewijzigdOp":"2024-03-01T11:00:00","Verwijderd":false}]})";
}
std::string syncfeed(const std::string& id_xml) {
    return "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:tk=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\">"
           "<entry><updated>2024-03-01T10:00:00Z</updated><content type=\"application/xml\">"
           "<document xmlns=\"http://www.tweedekamer.nl/xsd/tkData/v1-0\" id=\"" + id_xml + "\" "
           "tk:bijgewerkt=\"2024-03-01T11:00:00\" tk:verwijderd=\"false\"><soort>Motie</soort>"
           "<onderwerp>Een motie</onderwerp></document></content></entry></feed>\n";
}
std::string vlos(const std::string& id_xml) {
    return "<vlosCoreDocument xmlns=\"http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0\"><vergadering objectid=\"" + id_xml +
           "\" soort=\"Plenair\" kamer=\"Tweede Kamer\"><titel>Vergadering</titel><vergaderjaar>2014-2015</vergaderjaar>"
           "<vergaderingnummer>geen</vergaderingnummer><datum>2014-10-15T00:00:00</datum></vergadering></vlosCoreDocument>\n";
}

std::vector<IdCase> cases() {
    const std::string control_json = R"("a\u0001b\nc\u001fd")", control = "a\x01" "b\nc\x1f" "d";
    // XML 1.0 cannot hold U+0001 even as a reference; tab and newline it can.
    const std::string control_xml = "a&#9;b&#10;c", control_xml_value = "a\tb\nc";
    using Files = std::vector<std::pair<std::string, std::string>>;
    const auto metadata = [] { return read_file(corpus_dir() / "oep-xml" / "kst-32545-143.metadata.xml"); };
    const auto with_id = [metadata](const std::string& id) {
        return replace(metadata(), "content=\"kst-32545-143\"", "content=\"" + id + "\"");
    };
    return {
        {"json escape", "json", escape_id, [] { return Files{{"x.json", R"({"id":"../../etc/x","metadata":{"title":"x"},"body":[]})"}}; }},
        {"json control", "json", control,
         [=] { return Files{{"x.json", "{\"id\":" + control_json + ",\"metadata\":{\"title\":\"x\"},\"body\":[]}"}}; }},
        {"oep-xml escape", "oep-xml", escape_id,
         [=] { return Files{{"x.metadata.xml", with_id(escape_id)}}; }},
        // oep-xml collapses the white space of every metadata value, the id's too.
        {"oep-xml control", "oep-xml", "a b c",
         [=] { return Files{{"x.metadata.xml", with_id(control_xml)}}; }},
        {"tk-odata escape", "tk-odata", escape_id, [] { return Files{{"x.json", odata("\"../../etc/x\"")}}; }},
        {"tk-odata control", "tk-odata", control, [=] { return Files{{"x.json", odata(control_json)}}; }},
        {"tk-syncfeed escape", "tk-syncfeed", escape_id, [] { return Files{{"x.xml", syncfeed(escape_id)}}; }},
        {"tk-syncfeed control", "tk-syncfeed", control_xml_value, [=] { return Files{{"x.xml", syncfeed(control_xml)}}; }},
        {"tk-vlos escape", "tk-vlos", escape_id, [] { return Files{{"x.xml", vlos(escape_id)}}; }},
        {"tk-vlos control", "tk-vlos", control_xml_value, [=] { return Files{{"x.xml", vlos(control_xml)}}; }},
        {"pdf-text escape (from the companion metadata)", "pdf-text", escape_id,
         [=] {
             return Files{{"besluiten.pdf", read_file(corpus_dir() / "pdf" / "tk-besluitenlijst-2011-03-08.pdf")},
                          {"besluiten.metadata.xml",
                           replace(with_id(escape_id), "content=\"Kamerstuk\"/>", "content=\"Besluitenlijst\"/>")}};
         }},
    };
}

void PrintTo(const IdCase& c, std::ostream* os) { *os << c.label; }

class HostileIds : public ::testing::TestWithParam<IdCase> {};

TEST_P(HostileIds, StayInsideTheOutputFolderAndKeepTheIdAsData) {
    const IdCase& c = GetParam();
    const fs::path base = temp_dir("ids");
    const auto files = c.files();
    for (const auto& [name, bytes] : files) write_file(base / "in" / name, bytes);
    const fs::path input = base / "in" / files.front().first;
    const fs::path work = base / "work";
    const Observed o = run_observed(work, {"convert", input.string(), "-f", c.importer, "-t", "json,jsonl,csv,rdf,ntriples,jsonld",
                                           "-o", "out", "-j", "1"});
    SCOPED_TRACE(c.label + "\n" + o.result.err);
    expect_contained(o, {work / "out"}, c.label);
    ASSERT_EQ(o.result.exit_code, 0);
    std::vector<fs::path> json_docs, all;
    for (const std::string& p : tree(work)) {
        if (p == "out" || p == "out/.stukwerk-journal.jsonl") continue;
        ASSERT_EQ(p.rfind("out/", 0), 0u) << p;
        // A plain name in the folder: no separator, not "." or "..", not hidden.
        const std::string name = p.substr(4);
        EXPECT_EQ(name.find('/'), std::string::npos) << p;
        EXPECT_NE(name.front(), '.') << p;
        for (unsigned char ch : name) EXPECT_GE(ch, 0x20) << "a control character in " << p;
        all.push_back(work / p);
        if (fs::path(name).extension() == ".json") json_docs.push_back(work / p);
    }
    ASSERT_EQ(json_docs.size(), 1u);
    const auto doc = boost::json::parse(read_file(json_docs[0])).as_object();
    EXPECT_EQ(std::string(doc.at("id").as_string()), c.expected_id);
    EXPECT_EQ(std::string(doc.at("source").at("importer").at("name").as_string()), c.importer);
    EXPECT_EQ(schema_errors({json_docs[0], work / "out" / "documents.jsonl"}), "");
    // Every file parses with an independent reader.
    for (const fs::path& f : all) {
        const std::string ext = f.extension().string();
        ProcessResult check;
        if (ext == ".nt") {
            check = run({"serdi", "-i", "ntriples", "-o", "ntriples", f.string()});
        } else if (ext == ".csv") {
            check = run({python(), "-c", "import csv,sys; list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))",
                         f.string()});
        } else if (ext == ".ttl") {
            check = run({"serdi", "-i", "turtle", "-o", "ntriples", f.string()});
        } else if (ext == ".jsonl") {
            check = run({python(), "-c", "import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]", f.string()});
        } else {
            check = run({python(), "-c", "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))", f.string()});
        }
        EXPECT_EQ(check.exit_code, 0) << f << " does not parse: " << check.err.substr(0, 1000);
    }
}

INSTANTIATE_TEST_SUITE_P(Importers, HostileIds, ::testing::ValuesIn(cases()), [](const ::testing::TestParamInfo<IdCase>& i) {
    std::string n = i.param.label.substr(0, i.param.label.find(" ("));
    for (char& ch : n)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return n;
});

}  // namespace
}  // namespace stukwerk::test::hostile
