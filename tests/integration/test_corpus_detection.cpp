// Detection on the real corpus: every file goes to the importer that reads
// its format, by content, whatever its name; schemas and other vocabularies
// are not taken for publications.
#include <gtest/gtest.h>

#include "detector.hpp"
#include "input_file.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

std::vector<core::Candidate> ranked(const fs::path& file) {
    const core::InputFile in = core::InputFile::open(file, 1ull << 31);
    return core::rank_importers(plugins(), in.probe());
}

// The expected importer of each corpus file, by folder and name.
std::string expected_importer(const fs::path& file) {
    const std::string folder = file.parent_path().filename().string();
    const std::string name = file.filename().string();
    if (folder == "html") return "oep-html";
    if (folder == "oep-xml") return "oep-xml";
    if (folder == "pdf") return "pdf-text";
    if (folder == "tk-opendata") return name.rfind("vlos-", 0) == 0 ? "tk-vlos" : "tk-odata";
    return "";  // schemas/: not publications
}

TEST(CorpusDetection, EveryFileGoesToItsImporter) {
    std::size_t checked = 0;
    for (const auto& e : fs::recursive_directory_iterator(corpus_dir())) {
        if (!e.is_regular_file() || e.path().filename() == "SOURCES.md") continue;
        const std::string want = expected_importer(e.path());
        const auto r = ranked(e.path());
        if (want.empty()) {
            // XSDs are claimed by nobody; other XML vocabularies (MDTO) only
            // weakly, as generic XML, never as a publication.
            if (!r.empty()) {
                EXPECT_LT(r.front().identification.confidence, 50) << e.path();
            }
            continue;
        }
        ASSERT_FALSE(r.empty()) << e.path() << ": no importer claims it";
        EXPECT_EQ(r.front().importer->info.name, want) << e.path() << ": " << core::describe_candidates(r);
        EXPECT_GE(r.front().identification.confidence, 50) << e.path();
        // The winner is clear: no other importer is as confident.
        if (r.size() > 1) {
            EXPECT_LT(r[1].identification.confidence, r.front().identification.confidence) << e.path();
        }
        ++checked;
    }
    EXPECT_GE(checked, 30u);
}

TEST(CorpusDetection, ContentWinsOverAMisleadingName) {
    const fs::path dir = temp_dir("detect-names");
    struct Case {
        fs::path source;
        const char* disguise;
        const char* importer;
    };
    const Case cases[] = {
        {corpus_dir() / "oep-xml" / "kst-32545-143.xml", "kst-32545-143.txt", "oep-xml"},
        {corpus_dir() / "html" / "kst-32545-143.html", "page.xml", "oep-html"},
        {corpus_dir() / "pdf" / "kst-32545-143.pdf", "kst-32545-143.html", "pdf-text"},
        {corpus_dir() / "tk-opendata" / "kst-36471-12.odata-zaak.json", "record.txt", "tk-odata"},
        {corpus_dir() / "tk-opendata" / "vlos-verslag-plenair-2014-10-15.xml", "verslag.pdf", "tk-vlos"},
    };
    for (const Case& c : cases) {
        const fs::path disguised = dir / c.disguise;
        fs::copy_file(c.source, disguised, fs::copy_options::overwrite_existing);
        const auto r = ranked(disguised);
        ASSERT_FALSE(r.empty()) << c.disguise;
        EXPECT_EQ(r.front().importer->info.name, c.importer) << c.disguise << ": " << core::describe_candidates(r);
    }
    // And detect says so on the command line, with the runner-up.
    const ProcessResult cli = stukwerk({"detect", (dir / "kst-32545-143.txt").string()});
    EXPECT_EQ(cli.exit_code, 0);
    EXPECT_NE(cli.out.find("kst-32545-143.txt: oep-xml (confidence "), std::string::npos) << cli.out;
}

}  // namespace
}  // namespace stukwerk::test
