// Output stores: a file appears under its final name only when committed;
// names that could leave the output folder are refused.
#include <gtest/gtest.h>

#include <stukwerk/output.hpp>

#include "output_store.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(DirectoryStore, CommitPutsTheFileInPlace) {
    const fs::path dir = temp_dir("store-commit");
    core::DirectoryStore store(dir);
    auto f = store.create("a.json");
    f->write("{\"id\":");
    EXPECT_EQ(names_in(dir).size(), 1u);  // only the temporary so far
    EXPECT_FALSE(fs::exists(dir / "a.json"));
    f->write("\"a\"}");
    f->commit();
    EXPECT_EQ(read_file(dir / "a.json"), "{\"id\":\"a\"}");
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"a.json"});
    EXPECT_EQ(store.take_committed(), std::vector<std::string>{"a.json"});
}

TEST(DirectoryStore, AFileNotCommittedLeavesNothing) {
    const fs::path dir = temp_dir("store-discard");
    core::DirectoryStore store(dir);
    {
        auto f = store.create("half.json");
        f->write("{\"id\":");
    }
    EXPECT_TRUE(names_in(dir).empty());
}

TEST(DirectoryStore, RefusesNamesOutsideTheFolder) {
    core::DirectoryStore store(temp_dir("store-names"));
    for (const char* bad : {"../x.json", "a/b.json", "", ".", "..", "/etc/passwd"})
        EXPECT_THROW(store.create(bad), Error) << bad;
}

TEST(DirectoryStore, StaleTemporariesOfAKilledRunAreRemoved) {
    const fs::path dir = temp_dir("store-stale");
    write_file(dir / ".a.json.123.0.stukwerk-tmp", "half");
    write_file(dir / "b.json", "{}");
    EXPECT_EQ(core::remove_stale_temporaries(dir), 1u);
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"b.json"});
}

TEST(FileNameFor, NoIdCanEscapeTheOutputFolder) {
    EXPECT_EQ(file_name_for("kst-33279-36", "json"), "kst-33279-36.json");
    for (const char* hostile : {"../../etc/x", "/etc/passwd", "..", ".hidden", "a\nb", "a\x01" "b", "", "x/../../y"}) {
        const std::string name = file_name_for(hostile, "json");
        EXPECT_TRUE(core::is_safe_output_name(name)) << name;
        EXPECT_EQ(name.find('/'), std::string::npos) << name;
        EXPECT_NE(name.front(), '.') << name;
    }
    EXPECT_EQ(file_name_for("../../etc/x", "json"), "_._.._etc_x.json");
    EXPECT_LE(file_name_for(std::string(10000, 'a'), "json").size(), 205u);
}

TEST(StreamStore, WritesWholeFilesOnlyOnCommit) {
    const fs::path path = temp_dir("stream") / "out.txt";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    {
        core::Stream stream(f);
        core::StreamStore store(stream);
        auto a = store.create("a");
        a->write("first\n");
        {
            auto dropped = store.create("b");
            dropped->write("never\n");
        }
        a->commit();
    }
    std::fclose(f);
    EXPECT_EQ(read_file(path), "first\n");
}

}  // namespace
}  // namespace stukwerk::test
