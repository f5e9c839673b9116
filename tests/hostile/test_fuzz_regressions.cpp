// Every input the fuzzers found a bug with, replayed through the normal
// build: fuzz/regressions/importer-<name>/* through that importer and the
// host's passes, with the same JSON round-trip invariant the fuzz target
// checks.
#include <gtest/gtest.h>

#include "model_json.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

fs::path regressions() { return source_dir() / "fuzz" / "regressions"; }

TEST(FuzzRegressions, ImportersSurviveAndRoundTripEveryKeptInput) {
    std::size_t replayed = 0;
    for (const auto& dir : fs::directory_iterator(regressions())) {
        const std::string folder = dir.path().filename().string();
        if (folder.rfind("importer-", 0) != 0) continue;
        const std::string importer = folder.substr(9);
        ASSERT_NE(plugins().find_importer(importer), nullptr) << "no importer " << importer << " for " << dir.path();
        for (const auto& input : fs::directory_iterator(dir.path())) {
            const Imported r = import_bytes(input.path().filename().string(), read_file(input.path()), importer);
            for (const Document& d : r.documents)
                EXPECT_EQ(json::from_json(json::to_json(d)), d) << input.path() << ": document " << d.id;
            ++replayed;
        }
    }
    EXPECT_GT(replayed, 0u);
}

}  // namespace
}  // namespace stukwerk::test
