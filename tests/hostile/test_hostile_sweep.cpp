// Every hostile input (the fixed set, and each corpus file cut in half and,
// for PDFs, with a broken cross-reference table) through every importer
// forced, and through detection: one CLI run per importer, under strace.
// Where the matrix (test_hostile_matrix.cpp) states the exact behaviour of
// the cases an importer can meet, this sweep states what holds for every
// pair: an answer for each input (an error line naming the file, or a
// result in the output folder, as the run's report says), never a crash,
// never a connect(), never /etc/passwd, never a write outside the output
// folder. Truncated and broken corpus files also get their own facts.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "conformance/hostile_inputs.hpp"
#include "observed_run.hpp"

namespace stukwerk::test::hostile {
namespace {

struct Run {
    fs::path in, work;
    Observed observed;
    std::map<std::string, boost::json::object> report;  // by input path
};

const std::vector<core::HostileInput>& inputs() {
    static const std::vector<core::HostileInput> all = core::hostile_inputs(corpus_dir());
    return all;
}

Run sweep(const std::string& importer) {
    Run r;
    const fs::path base = temp_dir("sweep-" + (importer.empty() ? std::string("detect") : importer));
    r.in = base / "in";
    r.work = base / "work";
    std::string listing;
    for (const core::HostileInput& h : inputs()) {
        write_file(r.in / h.name, h.bytes);
        listing += (r.in / h.name).string() + "\n";
    }
    // Named one by one: walking the folder would skip the cut metadata
    // files as companions of the cut PDFs beside them.
    write_file(base / "inputs.txt", listing);
    std::vector<std::string> args{"convert", "--files-from", (base / "inputs.txt").string(), "-t", "json,jsonl", "-o", "out",
                                  "--report", "report.jsonl", "-q"};
    if (!importer.empty()) args.insert(args.end(), {"-f", importer});
    r.observed = run_observed(r.work, args);
    std::istringstream lines(read_file(r.work / "report.jsonl"));
    for (std::string line; std::getline(lines, line);) {
        boost::json::object o = boost::json::parse(line).as_object();
        r.report.emplace(std::string(o.at("path").as_string()), std::move(o));
    }
    return r;
}

void expect_sweep(const std::string& importer) {
    const Run r = sweep(importer);
    const std::string what = importer.empty() ? "detection" : "-f " + importer;
    expect_contained(r.observed, {r.work / "out", r.work / "report.jsonl"}, what);
    EXPECT_NE(std::find(r.observed.opened.begin(), r.observed.opened.end(), r.in / inputs().front().name),
              r.observed.opened.end())
        << "strace did not see the inputs opened";
    EXPECT_EQ(r.observed.result.exit_code, 1) << what << ": some inputs must fail";
    // documents.jsonl, and the run's journal of inputs converted without error (core/lib/journal.hpp).
    std::set<std::string> expected_files{"out", "out/documents.jsonl", "out/.stukwerk-journal.jsonl", "report.jsonl"};
    const std::string journal = read_file(r.work / "out" / ".stukwerk-journal.jsonl");
    std::size_t documents = 0;
    for (const core::HostileInput& h : inputs()) {
        const fs::path path = r.in / h.name;
        SCOPED_TRACE(what + ", " + h.name + " (" + h.what + ")");
        const auto it = r.report.find(path.string());
        ASSERT_NE(it, r.report.end()) << "no report line";
        const boost::json::object& line = it->second;
        const std::vector<std::string> errors = errors_for(r.observed.result.err, path);
        if (line.at("status") == "ok") {
            EXPECT_TRUE(errors.empty());
            for (const auto& o : line.at("outputs").as_array()) expected_files.insert("out/" + std::string(o.as_string()));
            documents += line.at("documents").as_array().size();
            if (!importer.empty()) {
                EXPECT_EQ(std::string(line.at("importer").at("name").as_string()), importer);
            }
        } else {
            EXPECT_EQ(line.at("status"), "failed");
            ASSERT_EQ(errors.size(), 1u) << "one error line naming the file";
            EXPECT_EQ(errors[0], std::string(line.at("error").as_string()));
            EXPECT_TRUE(line.at("outputs").as_array().empty());
            EXPECT_EQ(journal.find("\"" + path.string() + "\""), std::string::npos) << "the journal lists a failed input";
            // Forced, the importer answers, unless the host refused first (empty, too large).
            if (!importer.empty() && errors[0] != "the file is empty") {
                EXPECT_EQ(errors[0].rfind(importer + ": ", 0), 0u) << errors[0];
            }
        }
    }
    // The output folder holds exactly what the report lists: a failed
    // input left nothing, not even a temporary.
    const std::vector<std::string> listed = tree(r.work);
    EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), expected_files);
    std::size_t lines = 0;
    std::istringstream jsonl(read_file(r.work / "out" / "documents.jsonl"));
    for (std::string l; std::getline(jsonl, l);) ++lines;
    EXPECT_EQ(lines, documents);
}

TEST(HostileSweep, Detection) { expect_sweep(""); }
TEST(HostileSweep, ForcedJson) { expect_sweep("json"); }
TEST(HostileSweep, ForcedOepHtml) { expect_sweep("oep-html"); }
TEST(HostileSweep, ForcedOepXml) { expect_sweep("oep-xml"); }
TEST(HostileSweep, ForcedPdfText) { expect_sweep("pdf-text"); }
TEST(HostileSweep, ForcedTkSyncfeed) { expect_sweep("tk-syncfeed"); }
TEST(HostileSweep, ForcedTkOdata) { expect_sweep("tk-odata"); }
TEST(HostileSweep, ForcedTkVlos) { expect_sweep("tk-vlos"); }

}  // namespace
}  // namespace stukwerk::test::hostile
