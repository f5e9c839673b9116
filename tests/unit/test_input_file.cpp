// Inputs: clear causes for files that cannot be read, and companion files
// limited to plain names in the same folder.
#include <gtest/gtest.h>

#include "input_file.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

std::string open_error(const fs::path& p, std::uint64_t max = 1 << 20) {
    try {
        core::InputFile::open(p, max);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

TEST(InputFile, ClearCausesForUnreadableInputs) {
    const fs::path dir = temp_dir("input-errors");
    EXPECT_EQ(open_error(dir / "missing.xml"), "cannot open: No such file or directory");
    EXPECT_EQ(open_error(dir), "is a folder, not a file");
    write_file(dir / "big.xml", std::string(2048, 'x'));
    EXPECT_NE(open_error(dir / "big.xml", 1024).find("larger than the limit of 1024 bytes"), std::string::npos);
}

TEST(InputFile, MapsTheBytesAndProbesTheHead) {
    const fs::path dir = temp_dir("input-map");
    const std::string bytes = std::string(10000, 'a') + "end";
    write_file(dir / "a.txt", bytes);
    const core::InputFile in = core::InputFile::open(dir / "a.txt", 1 << 20);
    EXPECT_EQ(in.bytes(), bytes);
    EXPECT_EQ(in.probe().head.size(), Probe::head_size);
    EXPECT_EQ(in.probe().file_name, "a.txt");
    EXPECT_EQ(in.probe().size, bytes.size());
    write_file(dir / "empty.txt", "");
    EXPECT_EQ(core::InputFile::open(dir / "empty.txt", 1 << 20).bytes().size(), 0u);
}

TEST(InputFile, CompanionsArePlainNamesInTheSameFolder) {
    const fs::path dir = temp_dir("input-companion");
    write_file(dir / "sub" / "kst-1.xml", "<x/>");
    write_file(dir / "sub" / "kst-1.metadata.xml", "<metadata/>");
    write_file(dir / "secret.txt", "secret");
    const core::InputFile in = core::InputFile::open(dir / "sub" / "kst-1.xml", 1 << 20);
    EXPECT_EQ(in.companion("kst-1.metadata.xml").value_or(""), "<metadata/>");
    EXPECT_FALSE(in.companion("metadata.xml").has_value());
    EXPECT_FALSE(in.companion("../secret.txt").has_value());
    EXPECT_FALSE(in.companion("/etc/passwd").has_value());
    EXPECT_FALSE(in.companion("..").has_value());
    EXPECT_FALSE(in.companion("kst-1.xml").has_value());  // not itself
    const core::InputFile mem = core::InputFile::from_memory("-", "<x/>");
    EXPECT_FALSE(mem.companion("kst-1.metadata.xml").has_value());
}

}  // namespace
}  // namespace stukwerk::test
