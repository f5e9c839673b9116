// The exporters on real publications, through the importers of this build:
// the flagship sample (samples/kst-33279-36/, read by oep-html) and every
// file of the corpus (tests/data/corpus/) that an importer claims, each
// converted to every output format at once.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>

#include "test_support.hpp"

namespace stukwerk::test {
namespace {

namespace bj = boost::json;

const std::string prefixes =
    "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
    "PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
    "PREFIX org: <http://www.w3.org/ns/org#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n";

std::vector<std::vector<std::string>> rows_of(const bj::value& v) {
    std::vector<std::vector<std::string>> rows;
    for (const bj::value& row : v.as_array()) {
        rows.emplace_back();
        for (const bj::value& cell : row.as_array()) rows.back().emplace_back(cell.as_string());
    }
    return rows;
}

std::int64_t rapper_count(const fs::path& file, const std::string& syntax) {
    const ProcessResult r = run({"rapper", "-i", syntax, "-c", file.string()});
    EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
    EXPECT_EQ(r.err.find("Error"), std::string::npos) << r.err;
    const auto at = r.err.find("Parsing returned ");
    return r.exit_code == 0 && at != std::string::npos ? std::stoll(r.err.substr(at + 17)) : -1;
}

std::size_t count_files(const fs::path& dir, const std::string& extension) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().extension() == extension;
    return n;
}

TEST(RealDocuments, FlagshipSampleGivesTheLettersFactsInEveryFormat) {
    const fs::path sample = source_dir() / "samples" / "kst-33279-36" / "kst-33279-36.html";
    const fs::path dir = temp_dir("real-flagship");
    const ProcessResult r = stukwerk({"convert", sample.string(), "-t", "csv,rdf,jsonld,ntriples", "-o", dir.string(), "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    const fs::path ttl = dir / "kst-33279-36.ttl";
    const std::int64_t n = rapper_count(ttl, "turtle");
    EXPECT_EQ(rapper_count(dir / "kst-33279-36.nt", "ntriples"), n);

    const std::string D = "<https://zoek.officielebekendmakingen.nl/kst-33279-36>";
    std::vector<std::string> argv{python(), (source_dir() / "plugins/rdf/tests/check_rdf.py").string(), ttl.string(),
                                  (dir / "kst-33279-36.nt").string(), (dir / "kst-33279-36.jsonld").string()};
    for (const std::string& q : {
             "SELECT ?title ?date WHERE { " + D + " dcterms:title ?title ; eli:date_document ?date }",
             "SELECT ?name ?function WHERE { ?act eli-dl:created_a_realization_of " + D +
                 " ; eli-dl:had_participation ?p . ?p eli-dl:participation_role/skos:notation \"signatory\" ; "
                 "eli-dl:had_participant_person ?person . ?person foaf:name ?name ; org:holds/skos:prefLabel "
                 "?function } ORDER BY ?name",
             "SELECT ?id WHERE { " + D + " eli:cites/dcterms:identifier ?id } ORDER BY ?id",
         })
        argv.insert(argv.end(), {"--query", prefixes + q});
    const ProcessResult checked = run(argv);
    ASSERT_EQ(checked.exit_code, 0) << checked.err;
    const bj::value v = bj::parse(checked.out);
    EXPECT_EQ(v.at("isomorphic"), (bj::array{true, true, true}));
    for (const bj::value& per_graph : v.at("results").as_array()) {
        const bj::array& q = per_graph.as_array();
        // The open-data title, and the letter's date ("Den Haag, 22 december
        // 2022"), its two signatures and the Kamerstukken and Handelingen its
        // text and notes name.
        EXPECT_EQ(rows_of(q[0]), (std::vector<std::vector<std::string>>{
                                     {"Europese defensiesamenwerking en specialisatie en appreciatie van rapport "
                                      "Specialising in European defence van Instituut Clingendael",
                                      "2022-12-22"}}));
        EXPECT_EQ(rows_of(q[1]), (std::vector<std::vector<std::string>>{
                                     {"C.A. van der Maat", "Staatssecretaris van Defensie"},
                                     {"K.H. Ollongren", "Minister van Defensie"}}));
        std::vector<std::vector<std::string>> cited;
        for (const char* id : {"h-tk-20202021-33-10", "h-tk-20202021-33-4", "kst-31125-123", "kst-35570-X-39",
                               "kst-35570-X-54", "kst-35788-77", "kst-36124-1", "kst-36200-X-26", "kst-36200-X-37"})
            cited.push_back({id});
        EXPECT_EQ(rows_of(q[2]), cited);
    }

    // The CSV tables say the same.
    const ProcessResult tables = run({python(), (source_dir() / "plugins/csv/tests/read_tables.py").string(),
                                      (dir / "documents.csv").string(), (dir / "people.csv").string()});
    ASSERT_EQ(tables.exit_code, 0) << tables.err;
    const bj::value t = bj::parse(tables.out);
    const auto docs = rows_of(t.at((dir / "documents.csv").string()));
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[1][0], "kst-33279-36");
    EXPECT_EQ(docs[1][5], "2022-12-22");  // date
    const auto people = rows_of(t.at((dir / "people.csv").string()));
    std::vector<std::vector<std::string>> signatories;
    for (std::size_t i = 1; i < people.size(); ++i)
        if (people[i][2] == "signatory") signatories.push_back({people[i][3], people[i][4]});
    EXPECT_EQ(signatories, (std::vector<std::vector<std::string>>{{"K.H. Ollongren", "Minister van Defensie"},
                                                                  {"C.A. van der Maat", "Staatssecretaris van Defensie"}}));
}

TEST(RealDocuments, EveryCorpusDocumentConvertsToEveryFormat) {
    const fs::path root = temp_dir("real-corpus");
    const fs::path dir = root / "out";
    const fs::path report = root / "report.jsonl";
    const ProcessResult run_all = stukwerk({"convert", corpus_dir().string(), "-t", "csv,rdf,ntriples,jsonld", "-o",
                                            dir.string(), "-q", "--report", report.string()});
    ASSERT_TRUE(run_all.exit_code == 0 || run_all.exit_code == 1) << "exit " << run_all.exit_code << ": " << run_all.err;

    // Inputs no importer claims (schemas, SOURCES.md) or cannot read (an
    // image-only PDF) fail before export; no document may fail in an exporter.
    std::size_t documents = 0, inputs_ok = 0;
    std::ifstream lines(report);
    for (std::string line; std::getline(lines, line);) {
        const bj::object r = bj::parse(line).as_object();
        if (r.at("status") == "ok") {
            ++inputs_ok;
            documents += r.at("documents").as_array().size();
        } else {
            const std::string error(r.at("error").as_string());
            EXPECT_EQ(error.find(" could not write "), std::string::npos) << r.at("path") << ": " << error;
        }
    }
    ASSERT_GT(inputs_ok, 0u) << "no importer of this build read a corpus file";
    for (const char* ext : {".ttl", ".nt", ".jsonld"}) EXPECT_EQ(count_files(dir, ext), documents) << ext;

    const ProcessResult tables = run({python(), (source_dir() / "plugins/csv/tests/read_tables.py").string(),
                                      (dir / "documents.csv").string(), (dir / "blocks.csv").string(),
                                      (dir / "footnotes.csv").string(), (dir / "references.csv").string(),
                                      (dir / "people.csv").string()});
    ASSERT_EQ(tables.exit_code, 0) << tables.err;
    EXPECT_EQ(bj::parse(tables.out).at((dir / "documents.csv").string()).as_array().size(), documents + 1);

    // Each document's Turtle, N-Triples and JSON-LD parse and are one graph.
    const ProcessResult graphs = run({python(), (source_dir() / "plugins/rdf/tests/check_rdf_folder.py").string(),
                                      dir.string()});
    ASSERT_EQ(graphs.exit_code, 0) << graphs.err;
    const bj::object per_doc = bj::parse(graphs.out).as_object();
    EXPECT_EQ(per_doc.size(), documents);
    std::int64_t triples = 0;
    for (const auto& [stem, g] : per_doc) {
        EXPECT_EQ(g.at("isomorphic"), true) << stem;
        triples += g.at("triples").as_array().at(0).as_int64();
    }

    // And raptor reads the whole run as one file of each syntax.
    const fs::path single = root / "single";
    stukwerk({"convert", corpus_dir().string(), "-t", "rdf,ntriples", "-O", "single-file", "-o", single.string(), "-q"});
    EXPECT_EQ(rapper_count(single / "documents.ttl", "turtle"), triples);
    EXPECT_EQ(rapper_count(single / "documents.nt", "ntriples"), triples);
}

}  // namespace
}  // namespace stukwerk::test
