// A plugin folder holding a file that is no plugin (garbage.so, a plain
// library) and a plugin built for another ABI. The registry's handling of
// each file is tested in tests/unit/test_registry.cpp (RefusesAWrongAbi...,
// SkipsFilesThatAreNoPlugin, GoodPluginsStillLoadBesideBadOnes) and the
// `plugins` command's report in tests/cli/test_cli.cpp
// (BadPluginFilesAreReportedOnceAndSkipped). What remains is the gap: the
// commands that do the work, `detect` and `convert`, keep working with the
// real plugins when such folders come first on --plugin-dir, say once what
// they skipped, and load nothing from them.
#include <gtest/gtest.h>

#include "hostile_case.hpp"

namespace stukwerk::test::hostile {
namespace {

std::vector<std::string> with_bad_folders(std::vector<std::string> args) {
    for (const char* d : {"not-a-plugin", "wrong-abi"}) args.insert(args.end(), {"--plugin-dir", test_plugin_dir(d).string()});
    return args;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

void expect_skipped_once(const std::string& err) {
    EXPECT_EQ(count(err, "stukwerk-test-wrong-abi.so: built for plugin ABI version 999"), 1u) << err;
    EXPECT_EQ(count(err, "libplain.so: not a stukwerk plugin"), 1u) << err;
    EXPECT_EQ(count(err, "garbage.so: cannot be loaded"), 1u) << err;
}

TEST(BadPluginFolders, DetectStillChoosesWithTheRealPlugins) {
    const fs::path html = corpus_dir() / "html" / "kst-32545-143.html";
    const ProcessResult r = stukwerk(with_bad_folders({"detect", html.string()}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(html.string() + ": oep-html (confidence"), std::string::npos) << r.out;
    expect_skipped_once(r.err);
}

TEST(BadPluginFolders, ConvertStillConvertsAndTheBadFilesStayUnused) {
    const fs::path xml = corpus_dir() / "oep-xml" / "kst-36755-24.xml";
    const fs::path base = temp_dir("bad-plugin-folders");
    const Observed o = run_observed(base / "work", with_bad_folders({"convert", xml.string(), "-t", "json", "-o", "out"}));
    expect_contained(o, {base / "work" / "out"}, "convert with bad plugin folders");
    EXPECT_EQ(o.result.exit_code, 0) << o.result.err;
    expect_skipped_once(o.result.err);
    EXPECT_EQ(tree(base / "work"),
              (std::vector<std::string>{"out", "out/.stukwerk-journal.jsonl", "out/kst-36755-24.json"}));
    const auto doc = boost::json::parse(read_file(base / "work" / "out" / "kst-36755-24.json")).as_object();
    EXPECT_EQ(doc.at("source").at("importer").at("name"), "oep-xml");
    // The wrong-ABI library is opened to read its ABI tag and then left;
    // nothing of it or the others is written to.
    for (const fs::path& p : o.written) EXPECT_EQ(p.string().find("test-plugins"), std::string::npos) << p;
}

}  // namespace
}  // namespace stukwerk::test::hostile
