// The corpus copy in tests/data/corpus is byte-for-byte what its SOURCES.md
// records: every file listed with a sha256 is present and unchanged.
#include <regex>

#include <gtest/gtest.h>

#include "sha256.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

TEST(Corpus, EveryRecordedChecksumMatches) {
    const std::string sources = read_file(corpus_dir() / "SOURCES.md");
    const std::regex heading("^### `([^`]+)`");
    const std::regex checksum("sha256 `([0-9a-f]{64})`");
    std::string current;
    int checked = 0;
    std::istringstream lines(sources);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_search(line, m, heading)) current = m[1];
        if (!current.empty() && std::regex_search(line, m, checksum)) {
            const fs::path file = corpus_dir() / current;
            ASSERT_TRUE(fs::exists(file)) << file;
            EXPECT_EQ(core::sha256_hex(read_file(file)), m[1].str()) << file;
            ++checked;
            current.clear();
        }
    }
    EXPECT_GE(checked, 70);
}

}  // namespace
}  // namespace stukwerk::test
