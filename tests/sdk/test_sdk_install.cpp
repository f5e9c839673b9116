// The SDK as a plugin author meets it: stukwerk installed into a prefix,
// the two sample plugins built out of tree against that prefix alone,
// loaded with --plugin-dir, used on real documents, and checked by the
// conformance checker, which also fails a deliberately broken plugin.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace stukwerk::test {
namespace {

// One staged install and the two sample builds, shared by the tests here.
class SdkInstall : public ::testing::Test {
protected:
    // A failure here must fail every test (gtest would only skip them), so
    // it is kept and asserted in SetUp().
    static void SetUpTestSuite() {
        root_ = new fs::path(temp_dir("sdk-install"));
        setup_error_ = new std::string;
        const fs::path prefix = *root_ / "prefix";
        const ProcessResult install = run({"cmake", "--install", STUKWERK_BINARY_DIR, "--prefix", prefix.string()});
        if (install.exit_code != 0) {
            *setup_error_ = "cmake --install failed:\n" + install.out + install.err;
            return;
        }
        for (const char* sample : {"markdown", "headed-text"}) {
            const fs::path build = *root_ / sample;
            // Nothing of the source tree on the paths: only the installed prefix.
            const ProcessResult configure =
                run({"cmake", "-S", (source_dir() / "samples" / "plugins" / sample).string(), "-B", build.string(),
                     "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_PREFIX_PATH=" + prefix.string()});
            const ProcessResult compile =
                configure.exit_code == 0 ? run({"cmake", "--build", build.string()}) : configure;
            if (compile.exit_code != 0) {
                *setup_error_ = std::string("building the ") + sample + " sample failed:\n" + compile.out + compile.err;
                return;
            }
        }
    }
    static void TearDownTestSuite() {
        delete root_;
        delete setup_error_;
    }
    void SetUp() override { ASSERT_TRUE(setup_error_->empty()) << *setup_error_; }

    static fs::path prefix() { return *root_ / "prefix"; }
    static fs::path installed_cli() { return prefix() / "bin" / "stukwerk"; }
    static fs::path plugin(const std::string& sample) {
        return *root_ / sample / ("stukwerk-" + sample + ".so");
    }
    static ProcessResult installed(std::vector<std::string> args) {
        args.insert(args.begin(), installed_cli().string());
        return run(args);
    }

    static fs::path* root_;
    static std::string* setup_error_;
};
fs::path* SdkInstall::root_ = nullptr;
std::string* SdkInstall::setup_error_ = nullptr;

TEST_F(SdkInstall, ThePrefixHoldsTheSdkAndFindsItsOwnPlugins) {
    EXPECT_TRUE(fs::exists(prefix() / "include" / "stukwerk" / "plugin.hpp"));
    EXPECT_TRUE(fs::exists(prefix() / "share" / "stukwerk" / "schema" / "document.schema.json"));
    EXPECT_TRUE(fs::exists(prefix() / "lib" / "pkgconfig" / "stukwerk-sdk.pc"));
    EXPECT_TRUE(fs::exists(prefix() / "lib" / "cmake" / "stukwerk" / "stukwerkConfig.cmake"));
    // The installed binary finds the installed plugins with no environment.
    const ProcessResult r = installed({"plugins", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    bool json_exporter = false;
    const boost::json::value listed = boost::json::parse(r.out);
    for (const auto& p : listed.as_array())
        if (p.at("name") == "json" && p.at("kind") == "exporter") {
            json_exporter = true;
            EXPECT_EQ(fs::path(std::string(p.at("library").as_string())).parent_path(),
                      prefix() / "lib" / "stukwerk" / "plugins");
        }
    EXPECT_TRUE(json_exporter);
    // pkg-config gives what a plugin needs to compile.
    const ProcessResult pc = run({"env", "PKG_CONFIG_PATH=" + (prefix() / "lib" / "pkgconfig").string(), "pkg-config",
                                  "--cflags", "stukwerk-sdk"});
    const auto flag = pc.out.find("-I");
    ASSERT_NE(flag, std::string::npos) << pc.out << pc.err;
    const fs::path include = pc.out.substr(flag + 2, pc.out.find_first_of(" \n", flag) - flag - 2);
    EXPECT_TRUE(fs::exists(include / "stukwerk" / "plugin.hpp")) << include;
    EXPECT_TRUE(fs::equivalent(include, prefix() / "include")) << include;
}

TEST_F(SdkInstall, TheMarkdownSampleWritesWhatPandocReadsBack) {
    const fs::path out = *root_ / "markdown-out";
    const ProcessResult r = installed({"convert", (corpus_dir() / "oep-xml" / "kst-32545-143.xml").string(), "-t",
                                       "markdown,json", "-o", out.string(), "--plugin-dir", (*root_ / "markdown").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string md = read_file(out / "kst-32545-143.md");
    EXPECT_EQ(md.rfind("---\nid: \"kst-32545-143\"\n", 0), 0u) << md.substr(0, 200);
    // pandoc, an independent Markdown reader, sees the metadata and every paragraph of the model.
    const fs::path md_file = out / "kst-32545-143.md";
    const ProcessResult pandoc = run({"pandoc", "-f", "markdown", "-t", "json", md_file.string()});
    ASSERT_EQ(pandoc.exit_code, 0) << pandoc.err;
    const auto ast = boost::json::parse(pandoc.out);
    const auto model = boost::json::parse(read_file(out / "kst-32545-143.json"));
    const auto& title = ast.at("meta").at("title").at("c");
    std::string pandoc_title;
    for (const auto& inl : title.as_array())
        pandoc_title += inl.at("t") == "Str" ? std::string(inl.at("c").as_string()) : std::string(" ");
    EXPECT_EQ(pandoc_title, std::string(model.at("metadata").at("title").as_string()));
    const ProcessResult plain = run({"pandoc", "-f", "markdown", "-t", "plain", "--wrap=none", md_file.string()});
    for (const auto& b : model.at("body").as_array()) {
        if (b.at("type") != "paragraph") continue;
        const std::string text = normalise_space(std::string(b.at("text").as_string()));
        EXPECT_NE(normalise_space(plain.out).find(text), std::string::npos) << text;
    }
}

TEST_F(SdkInstall, TheHeadedTextSampleReadsItsExample) {
    const fs::path out = *root_ / "headed-out";
    const ProcessResult r = installed({"convert", (source_dir() / "samples" / "plugins" / "headed-text" / "example.txt").string(),
                                       "-t", "json", "-o", out.string(), "--plugin-dir", (*root_ / "headed-text").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto doc = boost::json::parse(read_file(out / "kst-33279-36-notes.json"));
    EXPECT_EQ(doc.at("source").at("importer").at("name"), "headed-text");
    EXPECT_EQ(doc.at("metadata").at("title"), "Europese defensiesamenwerking en specialisatie");
    EXPECT_EQ(doc.at("metadata").at("date"), "2022-12-22");
    EXPECT_EQ(doc.at("metadata").at("dossiers").at(0).at("number"), "33279");
    EXPECT_EQ(doc.at("metadata").at("people").at(0).at("function"), "Minister van Defensie");
    EXPECT_EQ(doc.at("metadata").at("raw").at(0).at("name"), "Archive-Box");
    const auto& body = doc.at("body").as_array();
    EXPECT_EQ(body.at(0).at("text"), "Aanleiding");
    EXPECT_EQ(body.at(1).at("text"), "De geopolitieke veiligheidssituatie vergt een groter Europees handelingsvermogen.");
    EXPECT_EQ(body.at(4).at("type"), "list");
    EXPECT_EQ(body.at(4).at("items").as_array().size(), 3u);
    // The host's shared citation pass works for a third-party importer too.
    bool cited = false;
    for (const auto& ref : doc.at("references").as_array()) cited = cited || ref.at("target") == "kst-35788-77";
    EXPECT_TRUE(cited);
    EXPECT_EQ(schema_errors({out / "kst-33279-36-notes.json"}), "");
}

TEST_F(SdkInstall, TheConformanceCheckerPassesTheSamples) {
    for (const char* sample : {"markdown", "headed-text"}) {
        const ProcessResult r = installed({"plugins", "--check", plugin(sample).string()});
        EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
        EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("PASS abi"), std::string::npos) << r.out;
    }
}

TEST_F(SdkInstall, TheConformanceCheckerFailsABrokenPluginNamingTheCheck) {
    const RealCrashSignals real_signals;
    const ProcessResult r =
        installed({"plugins", "--check", (test_plugin_dir("broken") / "stukwerk-test-broken.so").string()});
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find("FAIL metadata: importer 'test-broken' has no version"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("FAIL read-hostile: crashed (signal 11"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("PASS abi"), std::string::npos) << r.out;
    // A plugin that ends the process from read() leaves no signal, only silence.
    const ProcessResult quit =
        installed({"plugins", "--check", (test_plugin_dir("quitter") / "stukwerk-test-quitter.so").string()});
    EXPECT_EQ(quit.exit_code, 1) << quit.out;
    EXPECT_NE(quit.out.find("FAIL read-hostile: the process ended early (exit status 0) on "), std::string::npos)
        << quit.out;
    EXPECT_NE(quit.out.find("PASS metadata"), std::string::npos) << quit.out;
    const ProcessResult abi =
        installed({"plugins", "--check", (test_plugin_dir("wrong-abi") / "stukwerk-test-wrong-abi.so").string()});
    EXPECT_EQ(abi.exit_code, 1);
    EXPECT_NE(abi.out.find("FAIL abi: built for plugin ABI version 999"), std::string::npos) << abi.out;
}

}  // namespace
}  // namespace stukwerk::test
