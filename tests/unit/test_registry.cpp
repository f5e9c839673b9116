// The registry: good plugins load, bad files are reported once with their
// path and reason and skipped, duplicates warn, and plugin objects keep
// their library loaded for as long as they live.
#include <algorithm>

#include <gtest/gtest.h>

#include "plugin_paths.hpp"
#include "registry.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

using core::PluginDiagnostic;
using core::Registry;

TEST(Registry, LoadsAGoodPlugin) {
    Registry r;
    r.load_directory(test_plugin_dir("good"));
    EXPECT_TRUE(r.diagnostics().empty());
    ASSERT_NE(r.find_importer("test-text"), nullptr);
    ASSERT_NE(r.find_importer("test-ext"), nullptr);
    EXPECT_EQ(r.find_importer("test-text")->info.version, "0.1.0");
    EXPECT_EQ(r.find_importer("test-text")->library_path.filename(), "stukwerk-test-text.so");
}

TEST(Registry, RefusesAWrongAbiNamingBothVersions) {
    Registry r;
    r.load_directory(test_plugin_dir("wrong-abi"));
    EXPECT_TRUE(r.importers().empty());
    ASSERT_EQ(r.diagnostics().size(), 1u);
    const PluginDiagnostic& d = r.diagnostics().front();
    EXPECT_EQ(d.kind, PluginDiagnostic::Kind::skipped);
    EXPECT_EQ(d.path.filename(), "stukwerk-test-wrong-abi.so");
    EXPECT_NE(d.message.find("ABI version 999"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("ABI version " + std::to_string(STUKWERK_ABI_VERSION)), std::string::npos) << d.message;
}

TEST(Registry, SkipsFilesThatAreNoPlugin) {
    Registry r;
    r.load_directory(test_plugin_dir("not-a-plugin"));
    EXPECT_TRUE(r.importers().empty());
    EXPECT_TRUE(r.exporters().empty());
    ASSERT_EQ(r.diagnostics().size(), 2u);
    // Sorted by path: garbage.so, then libplain.so.
    EXPECT_EQ(r.diagnostics()[0].path.filename(), "garbage.so");
    EXPECT_NE(r.diagnostics()[0].message.find("cannot be loaded"), std::string::npos) << r.diagnostics()[0].message;
    EXPECT_EQ(r.diagnostics()[1].path.filename(), "libplain.so");
    EXPECT_NE(r.diagnostics()[1].message.find("not a stukwerk plugin"), std::string::npos)
        << r.diagnostics()[1].message;
}

TEST(Registry, FirstOfTwoSameNamedPluginsWinsWithAWarning) {
    Registry r;
    r.load_directory(test_plugin_dir("duplicate"));
    ASSERT_EQ(r.importers().size(), 1u);
    EXPECT_EQ(r.importers().front().info.description, "duplicate a");
    ASSERT_EQ(r.diagnostics().size(), 1u);
    const PluginDiagnostic& d = r.diagnostics().front();
    EXPECT_EQ(d.kind, PluginDiagnostic::Kind::duplicate);
    EXPECT_EQ(d.path.filename(), "stukwerk-test-dup-b.so");
    EXPECT_NE(d.message.find("test-dup"), std::string::npos);
    EXPECT_NE(d.message.find("stukwerk-test-dup-a.so"), std::string::npos) << d.message;
}

TEST(Registry, GoodPluginsStillLoadBesideBadOnes) {
    Registry r;
    r.load_directories({test_plugin_dir("not-a-plugin"), test_plugin_dir("wrong-abi"), test_plugin_dir("good"),
                        "/nonexistent/folder"});
    EXPECT_NE(r.find_importer("test-text"), nullptr);
    EXPECT_EQ(r.diagnostics().size(), 3u);
}

TEST(Registry, PluginObjectsOutliveTheRegistry) {
    // The exporter's destructor is code in the plugin library: if the
    // library were unloaded with the registry, destroying it would crash.
    core::PluginPtr<Exporter> exporter;
    std::shared_ptr<const Importer> importer;
    {
        Registry r;
        r.load_directory(plugin_build_dir());
        r.load_directory(test_plugin_dir("good"));
        const core::ExporterSlot* json = r.find_exporter("json");
        ASSERT_NE(json, nullptr);
        exporter = r.create_exporter(*json);
        importer = r.find_importer("test-text")->importer;
    }
    const Identification id = importer->identify(Probe{"STUKWERK-TEST\n", "a.testdoc", 14});
    EXPECT_EQ(id.confidence, 90);
    exporter.reset();
    importer.reset();
}

TEST(PluginPaths, CommandLineThenEnvironmentThenBuildTreeThenInstalled) {
    const fs::path root = temp_dir("plugin-paths");
    fs::create_directories(root / "bin");
    fs::create_directories(root / "plugins");
    const auto dirs = core::plugin_search_path({"/opt/a", "/opt/b"}, "/env/one:/env/two::/opt/a", root / "bin" / "stukwerk");
    ASSERT_GE(dirs.size(), 6u);
    EXPECT_EQ(dirs[0], "/opt/a");
    EXPECT_EQ(dirs[1], "/opt/b");
    EXPECT_EQ(dirs[2], "/env/one");
    EXPECT_EQ(dirs[3], "/env/two");
    EXPECT_EQ(dirs[4], root / "plugins");  // the build tree, beside bin/
    EXPECT_EQ(dirs[5], root / "lib" / "stukwerk" / "plugins");
    // "/opt/a" from the environment is not searched twice.
    EXPECT_EQ(std::count(dirs.begin(), dirs.end(), fs::path("/opt/a")), 1);
}

TEST(PluginPaths, NoBuildTreeWhenThereIsNone) {
    const fs::path root = temp_dir("plugin-paths-installed");
    fs::create_directories(root / "bin");
    const auto dirs = core::plugin_search_path({}, "", root / "bin" / "stukwerk");
    ASSERT_FALSE(dirs.empty());
    EXPECT_EQ(dirs[0], root / "lib" / "stukwerk" / "plugins");
}

}  // namespace
}  // namespace stukwerk::test
