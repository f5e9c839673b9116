// Detection: content evidence beats a file name; a name alone is a weak
// claim; nothing claims binary noise.
#include <gtest/gtest.h>

#include "detector.hpp"
#include "input_file.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

std::vector<core::Candidate> rank(const core::Registry& r, const std::string& name, const std::string& bytes) {
    const fs::path p = temp_dir("detect") / name;
    write_file(p, bytes);
    const core::InputFile in = core::InputFile::open(p, 1 << 20);
    return core::rank_importers(r, in.probe());
}

const core::Registry& test_registry() {
    static const core::Registry r = [] {
        core::Registry reg;
        reg.load_directory(test_plugin_dir("good"));
        return reg;
    }();
    return r;
}

TEST(Detection, ContentBeatsFileName) {
    const auto ranked = rank(test_registry(), "a.testdoc", "STUKWERK-TEST\nid: a\n");
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(ranked[0].importer->info.name, "test-text");
    EXPECT_EQ(ranked[0].identification.confidence, 90);
    EXPECT_EQ(ranked[1].importer->info.name, "test-ext");
    EXPECT_EQ(ranked[1].identification.confidence, 15);
    EXPECT_EQ(core::describe_candidates(ranked),
              "test-text (90: starts with STUKWERK-TEST), test-ext (15: file name ends in .testdoc)");
}

TEST(Detection, ContentIsFoundWhateverTheName) {
    const auto ranked = rank(test_registry(), "looks-like.txt", "STUKWERK-TEST\nid: b\n");
    ASSERT_EQ(ranked.size(), 1u);
    EXPECT_EQ(ranked[0].importer->info.name, "test-text");
}

TEST(Detection, NameAloneIsAWeakClaim) {
    const auto ranked = rank(test_registry(), "c.testdoc", "something else entirely\n");
    ASSERT_EQ(ranked.size(), 1u);
    EXPECT_EQ(ranked[0].importer->info.name, "test-ext");
    EXPECT_LE(ranked[0].identification.confidence, 20);
}

TEST(Detection, NobodyClaimsNoise) {
    EXPECT_TRUE(rank(test_registry(), "noise.bin", std::string("\x00\x01\x02\xff\xfe", 5)).empty());
}

}  // namespace
}  // namespace stukwerk::test
