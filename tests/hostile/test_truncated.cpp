// Truncated files: every real corpus file cut in half (hostile_inputs with
// the corpus, the cases `plugins --check` uses too), each through the
// importer detection gives its whole original, under the observer
// (hostile_case.cpp). Expected: an error naming the truncation, with the
// importer's own words for it; for the one HTML page, whose first half ends
// before the publication starts, the error that says no publication is
// there. Broken cross-reference tables of the PDFs are in the matrix's
// companion below. The SyncFeed and stukwerk JSON, which the corpus has
// no file of, are cut from the test fixtures and the converted flagship.
#include <gtest/gtest.h>

#include <map>

#include "conformance/hostile_inputs.hpp"
#include "hostile_case.hpp"

namespace stukwerk::test::hostile {
namespace {

// The importer that reads the whole original, by detection.
std::string importer_of(const std::string& original_name) {
    for (const auto& entry : fs::recursive_directory_iterator(corpus_dir()))
        if (entry.path().filename() == original_name) return import_file(entry.path()).report.importer;
    return {};
}

void expect_truncated_named(const std::string& importer, const std::vector<std::string>& cause,
                            const std::vector<std::pair<std::string, std::string>>& extra = {}) {
    std::vector<std::pair<std::string, std::string>> cut = extra;
    for (const core::HostileInput& h : core::hostile_inputs(corpus_dir()))
        if (h.name.rfind("truncated-", 0) == 0 && importer_of(h.name.substr(10)) == importer) cut.emplace_back(h.name, h.bytes);
    ASSERT_FALSE(cut.empty()) << "no truncated input for " << importer;
    for (const auto& [name, bytes] : cut) {
        const fs::path base = temp_dir("truncated-" + importer);
        const fs::path input = base / "in" / name;
        write_file(input, bytes);
        Expect e;
        e.importer = importer;
        e.by = importer;
        e.cause = cause;
        expect_behaviour(base, input, e, name + " with -f " + importer + ": expected an error naming the truncation");
    }
}

std::pair<std::string, std::string> first_half(const std::string& name, const std::string& bytes) {
    return {name, bytes.substr(0, bytes.size() / 2)};
}

TEST(TruncatedCorpus, OepXmlSaysTruncated) { expect_truncated_named("oep-xml", {"not well-formed XML", "truncated"}); }
TEST(TruncatedCorpus, PdfTextSaysTruncatedOrDamaged) { expect_truncated_named("pdf-text", {"truncated or damaged PDF", "%%EOF"}); }
TEST(TruncatedCorpus, TkOdataSaysTruncated) { expect_truncated_named("tk-odata", {"the JSON is truncated"}); }
TEST(TruncatedCorpus, TkVlosSaysTruncated) { expect_truncated_named("tk-vlos", {"the XML is truncated"}); }
TEST(TruncatedCorpus, TkSyncfeedSaysTruncated) {
    // No SyncFeed in the corpus: only the fixture cut, so skip the corpus search.
    const fs::path base = temp_dir("truncated-syncfeed");
    const fs::path input = base / "in" / "syncfeed-zaak-records.xml";
    write_file(input, first_half("", read_file(data_dir() / "tk-opendata" / "syncfeed-zaak-records.xml")).second);
    Expect e;
    e.importer = e.by = "tk-syncfeed";
    e.cause = {"the XML is truncated"};
    expect_behaviour(base, input, e, "the SyncFeed fixture cut in half");
}
TEST(TruncatedCorpus, JsonSaysIncomplete) {
    const fs::path base = temp_dir("truncated-json");
    const Observed made = run_observed(base / "make", {"convert", (corpus_dir() / "oep-xml" / "kst-36755-24.xml").string(),
                                                       "-t", "json", "-o", "out"});
    ASSERT_EQ(made.result.exit_code, 0) << made.result.err;
    const fs::path input = base / "in" / "kst-36755-24.json";
    write_file(input, first_half("", read_file(base / "make" / "out" / "kst-36755-24.json")).second);
    Expect e;
    e.importer = e.by = "json";
    e.cause = {"not valid JSON", "incomplete JSON"};
    expect_behaviour(base, input, e, "stukwerk JSON cut in half");
}
TEST(TruncatedCorpus, TheHtmlPageCutBeforeItsPublicationSaysSo) {
    // kst-32545-143.html's first half ends inside <head>: nothing of the publication is there.
    expect_truncated_named("oep-html", {"holds no officielebekendmakingen publication"});
}

// Broken cross-reference tables: poppler rebuilds the table where it can
// (a correct result: the same text as the intact file); where it cannot,
// a clear error says the PDF is damaged.
TEST(BrokenXref, RebuiltToTheSameTextOrNamedDamaged) {
    std::size_t rebuilt = 0, refused = 0;
    for (const core::HostileInput& h : core::hostile_inputs(corpus_dir())) {
        if (h.name.rfind("broken-xref-", 0) != 0) continue;
        const std::string original = h.name.substr(12);
        const fs::path base = temp_dir("broken-xref");
        const fs::path input = base / "in" / h.name;
        write_file(input, h.bytes);
        const Observed o = run_observed(base / "work", {"convert", input.string(), "-f", "pdf-text", "-t", "json", "-o", "out"});
        expect_contained(o, {base / "work" / "out"}, h.name);
        if (o.result.exit_code == 0) {
            ++rebuilt;
            const Imported whole = import_file(corpus_dir() / "pdf" / original, "pdf-text");
            ASSERT_TRUE(whole.ok());
            const Imported broken = import_file(input, "pdf-text");
            ASSERT_EQ(broken.documents.size(), whole.documents.size()) << h.name;
            for (std::size_t i = 0; i < whole.documents.size(); ++i)
                EXPECT_EQ(broken.documents[i].body, whole.documents[i].body) << h.name << ": the rebuilt text differs";
        } else {
            ++refused;
            EXPECT_EQ(o.result.exit_code, 1);
            const std::vector<std::string> errors = errors_for(o.result.err, input);
            ASSERT_EQ(errors.size(), 1u) << o.result.err;
            EXPECT_EQ(errors[0].rfind("pdf-text: damaged PDF", 0), 0u) << errors[0];
        }
    }
    EXPECT_GT(rebuilt + refused, 0u);
}

}  // namespace
}  // namespace stukwerk::test::hostile
