// The importer through the command line, as users run it: a folder of PDFs
// in, schema-valid JSON out, and the one PDF without text named on stderr.
#include <gtest/gtest.h>

#include "pdf_test_util.hpp"

namespace stukwerk::test::pdf {
namespace {

TEST(PdfTextCli, TheCorpusFolderConvertsToSchemaValidJson) {
    const fs::path out = temp_dir("pdf-cli");
    const ProcessResult r = stukwerk({"convert", (corpus_dir() / "pdf").string(), "-t", "json", "-o", out.string()});
    // blg-1007826.pdf is a scan: that input fails, the others convert
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("blg-1007826.pdf: pdf-text: no text layer"), std::string::npos) << r.err;
    std::vector<fs::path> written;
    for (const auto& e : fs::directory_iterator(out))
        if (e.path().extension() == ".json") written.push_back(e.path());
    std::sort(written.begin(), written.end());
    ASSERT_EQ(written.size(), 4u);
    EXPECT_EQ(written[0].filename(), "h-tk-20232024-40-6.json");
    EXPECT_EQ(written[1].filename(), "kst-32545-143.json");
    EXPECT_EQ(written[2].filename(), "tk-besluitenlijst-2009-04-03.json");
    EXPECT_EQ(written[3].filename(), "tk-besluitenlijst-2011-03-08.json");
    EXPECT_EQ(schema_errors(written), "");
}

TEST(PdfTextCli, TheFlagshipSampleConvertsToSchemaValidJson) {
    const fs::path out = temp_dir("pdf-cli-flagship");
    const ProcessResult r = stukwerk({"convert", (source_dir() / "samples" / "kst-33279-36" / "kst-33279-36.pdf").string(),
                                      "-t", "json", "-o", out.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(schema_errors({out / "kst-33279-36.json"}), "");
}

}  // namespace
}  // namespace stukwerk::test::pdf
