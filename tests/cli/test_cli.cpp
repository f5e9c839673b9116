// The command line, run as a user runs it: exit codes, messages that name
// the file and the cause, and outputs that exist only when complete.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "test_support.hpp"

namespace stukwerk::test {
namespace {

std::vector<std::string> with_test_plugins(std::vector<std::string> args) {
    args.push_back("--plugin-dir");
    args.push_back(test_plugin_dir("good").string());
    return args;
}

// The files of a folder, without the run's journal (the record --resume reads).
std::vector<std::string> files_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename() != ".stukwerk-journal.jsonl") out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

const std::string good_doc = "STUKWERK-TEST\nid: good-1\ntitle: Goed\ndate: 2022-12-22\n\n# Kop\nTekst[^1].\n[^1]: Noot.\n";

TEST(Cli, VersionNamesTheAbi) {
    const ProcessResult r = stukwerk({"--version"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("plugin ABI " + std::to_string(STUKWERK_ABI_VERSION)), std::string::npos) << r.out;
}

TEST(Cli, EveryCommandHasHelp) {
    for (const char* cmd : {"plugins", "detect", "convert"}) {
        const ProcessResult r = stukwerk({cmd, "--help"});
        EXPECT_EQ(r.exit_code, 0) << cmd;
        EXPECT_NE(r.out.find("Usage: stukwerk " + std::string(cmd)), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("--plugin-dir"), std::string::npos) << cmd;
    }
    EXPECT_EQ(stukwerk({"--help"}).exit_code, 0);
}

TEST(Cli, UsageErrorsExitTwo) {
    EXPECT_EQ(stukwerk({}).exit_code, 2);
    const ProcessResult unknown = stukwerk({"transmogrify"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("unknown command 'transmogrify'"), std::string::npos);
    EXPECT_EQ(stukwerk({"convert", "x.html", "-o", "out"}).exit_code, 2);  // no -t
    EXPECT_EQ(stukwerk({"convert", "-t", "json", "-o", "out"}).exit_code, 2);  // no input
    EXPECT_EQ(stukwerk({"detect"}).exit_code, 2);
    EXPECT_EQ(stukwerk({"plugins", "--bogus"}).exit_code, 2);
    const ProcessResult format = stukwerk({"convert", "x.html", "-t", "docx", "-o", "out"});
    EXPECT_EQ(format.exit_code, 2);
    EXPECT_NE(format.err.find("unknown output format 'docx' (available: "), std::string::npos) << format.err;
    EXPECT_NE(format.err.find("json, jsonl"), std::string::npos) << format.err;
    const ProcessResult importer = stukwerk({"convert", "x.html", "-t", "json", "-o", "out", "-f", "nope"});
    EXPECT_EQ(importer.exit_code, 2);
    EXPECT_NE(importer.err.find("unknown importer 'nope'"), std::string::npos) << importer.err;
    const ProcessResult option = stukwerk({"convert", "x.html", "-t", "json", "-o", "out", "-O", "colour=red"});
    EXPECT_EQ(option.exit_code, 2);
    EXPECT_NE(option.err.find("json.compact"), std::string::npos) << option.err;
}

TEST(Cli, PluginsListsKindsVersionsAndFormats) {
    const ProcessResult r = stukwerk(with_test_plugins({"plugins", "--json"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const boost::json::array list = boost::json::parse(r.out).as_array();
    bool json = false, test_text = false;
    for (const auto& v : list) {
        const auto& o = v.as_object();
        if (o.at("name") == "json" && o.at("kind") == "exporter") {
            json = true;
            EXPECT_EQ(o.at("version"), "1.0.0");
            EXPECT_EQ(o.at("media_types").at(0), "application/json");
        }
        if (o.at("name") == "test-text") {
            test_text = true;
            EXPECT_EQ(o.at("kind"), "importer");
            EXPECT_EQ(o.at("extensions").at(0), "testdoc");
        }
    }
    EXPECT_TRUE(json);
    EXPECT_TRUE(test_text);
    const ProcessResult text = stukwerk(with_test_plugins({"plugins"}));
    EXPECT_NE(text.out.find("test-text  0.1.0"), std::string::npos) << text.out;
}

TEST(Cli, BadPluginFilesAreReportedOnceAndSkipped) {
    const ProcessResult r = stukwerk({"plugins", "--plugin-dir", test_plugin_dir("wrong-abi").string(), "--plugin-dir",
                            test_plugin_dir("not-a-plugin").string(), "--plugin-dir", test_plugin_dir("good").string()});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.err.find("stukwerk-test-wrong-abi.so: built for plugin ABI version 999, this stukwerk has ABI version " +
                         std::to_string(STUKWERK_ABI_VERSION)),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("libplain.so: not a stukwerk plugin"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("garbage.so: cannot be loaded"), std::string::npos) << r.err;
    const auto count = [&](const std::string& s) {
        std::size_t n = 0;
        for (auto p = r.err.find(s); p != std::string::npos; p = r.err.find(s, p + 1)) ++n;
        return n;
    };
    EXPECT_EQ(count("wrong-abi.so"), 1u);
    EXPECT_NE(r.out.find("test-text"), std::string::npos);
}

TEST(Cli, DetectShowsChoiceConfidenceAndRunnersUp) {
    const fs::path dir = temp_dir("cli-detect");
    write_file(dir / "a.testdoc", good_doc);
    write_file(dir / "b.txt", good_doc);
    write_file(dir / "empty.testdoc", "");
    const ProcessResult r = stukwerk(with_test_plugins({"detect", (dir / "a.testdoc").string(), (dir / "b.txt").string()}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("a.testdoc: test-text (confidence 90: starts with STUKWERK-TEST); runners-up: test-ext (15: "
                         "file name ends in .testdoc)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("b.txt: test-text (confidence 90"), std::string::npos) << r.out;
    const ProcessResult bad = stukwerk(with_test_plugins({"detect", (dir / "empty.testdoc").string(), (dir / "nope").string()}));
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.out.find("empty.testdoc: the file is empty"), std::string::npos) << bad.out;
    EXPECT_NE(bad.out.find("nope: cannot open: No such file or directory"), std::string::npos) << bad.out;
}

TEST(Cli, ConvertWritesValidJson) {
    const fs::path dir = temp_dir("cli-convert");
    write_file(dir / "in" / "good.testdoc", good_doc);
    const ProcessResult r = stukwerk(with_test_plugins({"convert", (dir / "in" / "good.testdoc").string(), "-t", "json,jsonl", "-o",
                                              (dir / "out").string()}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(files_in(dir / "out"), (std::vector<std::string>{"documents.jsonl", "good-1.json"}));
    EXPECT_EQ(schema_errors({dir / "out" / "good-1.json", dir / "out" / "documents.jsonl"}), "");
    const auto v = boost::json::parse(read_file(dir / "out" / "good-1.json"));
    EXPECT_EQ(v.at("metadata").at("title"), "Goed");
    EXPECT_EQ(v.at("footnotes").at(0).at("text"), "Noot.");
    EXPECT_EQ(v.at("source").at("importer").at("name"), "test-text");
}

TEST(Cli, AFailingInputIsNamedAndTheRestGoesOn) {
    const fs::path dir = temp_dir("cli-batch");
    write_file(dir / "1-good.testdoc", good_doc);
    write_file(dir / "2-fails.testdoc", "STUKWERK-TEST\nid: bad\n\nEerste alinea.\n!fail\n");
    write_file(dir / "3-empty.testdoc", "");
    write_file(dir / "4-noise.bin", std::string("\x00\x01\x02\x03garbage", 11));
    write_file(dir / "5-good.testdoc", "STUKWERK-TEST\nid: good-2\n\nTweede.\n");
    std::vector<std::string> args{"convert"};
    for (const char* f : {"1-good.testdoc", "2-fails.testdoc", "3-empty.testdoc", "4-noise.bin", "missing.testdoc",
                          "5-good.testdoc"})
        args.push_back((dir / f).string());
    for (const char* a : {"-t", "json", "-o"}) args.push_back(a);
    args.push_back((dir / "out").string());
    const ProcessResult r = stukwerk(with_test_plugins(args));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("2-fails.testdoc: test-text: marked to fail at line 5"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("3-empty.testdoc: the file is empty"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("4-noise.bin: not a recognised format: the file holds binary data"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("missing.testdoc: cannot open: No such file or directory"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("2 of 6 input(s) converted"), std::string::npos) << r.err;
    // The good ones are there; the failed one left nothing, not even a temporary.
    EXPECT_EQ(files_in(dir / "out"), (std::vector<std::string>{"good-1.json", "good-2.json"}));
}

TEST(Cli, HostileIdsStayInsideTheOutputFolder) {
    const fs::path dir = temp_dir("cli-hostile-id");
    write_file(dir / "in" / "evil.testdoc", "STUKWERK-TEST\nid: ../../escaped\n\nTekst.\n");
    const ProcessResult r = stukwerk(with_test_plugins({"convert", (dir / "in" / "evil.testdoc").string(), "-t", "json", "-o",
                                              (dir / "out" / "deep").string()}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(files_in(dir / "out" / "deep"), std::vector<std::string>{"_._.._escaped.json"});
    EXPECT_EQ(files_in(dir / "out"), std::vector<std::string>{"deep"});
    EXPECT_FALSE(fs::exists(dir / "escaped.json"));
}

TEST(Cli, StandardOutputGetsJsonLines) {
    const fs::path dir = temp_dir("cli-stdout");
    write_file(dir / "two.testdoc", "STUKWERK-TEST\nid: a\n\nEen.\n---\nid: b\n\nTwee.\n");
    const ProcessResult r = stukwerk(with_test_plugins({"convert", (dir / "two.testdoc").string(), "-t", "jsonl", "-o", "-", "-q"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto nl = r.out.find('\n');
    ASSERT_NE(nl, std::string::npos);
    EXPECT_EQ(boost::json::parse(r.out.substr(0, nl)).at("id"), "a");
    EXPECT_EQ(boost::json::parse(r.out.substr(nl + 1)).at("id"), "b");
}

TEST(Cli, ForcedImporterOverridesDetection) {
    const fs::path dir = temp_dir("cli-forced");
    write_file(dir / "x.testdoc", good_doc);
    const ProcessResult r = stukwerk(with_test_plugins({"convert", (dir / "x.testdoc").string(), "-f", "test-ext", "-t", "json",
                                              "-o", (dir / "out").string()}));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("x.testdoc: test-ext: test-ext reads nothing"), std::string::npos) << r.err;
}

// Importers take -O options as exporters do, through the same checks; the
// values reach the importer in threads and in isolated workers alike.
TEST(Cli, ImporterOptionsReachTheImporter) {
    const fs::path dir = temp_dir("cli-importer-options");
    write_file(dir / "x.testdoc", good_doc);
    auto title = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"convert", (dir / "x.testdoc").string(), "-t", "jsonl", "-q"};
        args.insert(args.end(), extra.begin(), extra.end());
        const ProcessResult r = stukwerk(with_test_plugins(args));
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return std::string(boost::json::parse(r.out).at("metadata").at("title").as_string());
    };
    EXPECT_EQ(title({}), "Goed");
    EXPECT_EQ(title({"-O", "test-text.title-prefix=Nr. 1: "}), "Nr. 1: Goed");
    EXPECT_EQ(title({"-O", "title-prefix=Zonder naam: "}), "Zonder naam: Goed");
    EXPECT_EQ(title({"-O", "test-text.shout", "--isolate"}), "GOED");
    EXPECT_EQ(title({"-O", "test-text.shout=off", "--isolate"}), "Goed");
}

TEST(Cli, OptionValuesAreCheckedBeforeTheRun) {
    const fs::path dir = temp_dir("cli-option-values");
    write_file(dir / "x.testdoc", good_doc);
    const std::string in = (dir / "x.testdoc").string(), out = (dir / "out").string();
    const ProcessResult flag = stukwerk(with_test_plugins({"convert", in, "-t", "json", "-o", out, "-O", "json.compact=maybe"}));
    EXPECT_EQ(flag.exit_code, 2);
    EXPECT_NE(flag.err.find("option 'json.compact=maybe': a flag takes no value, or one of"), std::string::npos) << flag.err;
    const ProcessResult choice = stukwerk(with_test_plugins({"convert", in, "-t", "rdf", "-o", out, "-O", "rdf.syntax=xml"}));
    EXPECT_EQ(choice.exit_code, 2);
    EXPECT_NE(choice.err.find("option 'rdf.syntax=xml': expected one of turtle, ttl, ntriples, nt"), std::string::npos)
        << choice.err;
    const ProcessResult unknown = stukwerk(with_test_plugins({"convert", in, "-t", "json", "-o", out, "-O", "colour=red"}));
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("test-text.title-prefix"), std::string::npos) << unknown.err;
    EXPECT_FALSE(fs::exists(dir / "out")) << "nothing is written before the options are checked";
}

// A resumed run redoes what an importer option changed.
TEST(Cli, ResumeRedoesInputsWhenAnImporterOptionChanges) {
    const fs::path dir = temp_dir("cli-option-resume");
    write_file(dir / "x.testdoc", good_doc);
    const std::string in = (dir / "x.testdoc").string(), out = (dir / "out").string();
    ASSERT_EQ(stukwerk(with_test_plugins({"convert", in, "-t", "json", "-o", out, "-q"})).exit_code, 0);
    const ProcessResult same = stukwerk(with_test_plugins({"convert", in, "-t", "json", "-o", out, "--resume"}));
    EXPECT_NE(same.err.find("(1 already done)"), std::string::npos) << same.err;
    const ProcessResult changed =
        stukwerk(with_test_plugins({"convert", in, "-t", "json", "-o", out, "--resume", "-O", "test-text.shout"}));
    EXPECT_EQ(changed.exit_code, 0) << changed.err;
    EXPECT_EQ(changed.err.find("already done"), std::string::npos) << changed.err;
    EXPECT_EQ(boost::json::parse(read_file(dir / "out" / "good-1.json")).at("metadata").at("title"), "GOED");
}

}  // namespace
}  // namespace stukwerk::test
