// The batch engine, through the CLI as users run it: collections from
// folders and lists, the same output whatever the number of workers,
// isolation from crashing and hanging importers, reports, and resuming a
// killed run to exactly the output of an uninterrupted one.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "test_support.hpp"

extern char** environ;

namespace stukwerk::test {
namespace {

using Files = std::map<std::string, std::string>;

// Every visible file under `dir` (relative name -> bytes); hidden files
// (the journal, temporaries) are the run's own bookkeeping.
Files visible_files(const fs::path& dir) {
    Files out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        const std::string rel = fs::relative(e.path(), dir).string();
        if (e.path().filename().string().front() == '.') continue;
        out[rel] = read_file(e.path());
    }
    return out;
}

std::vector<std::string> hidden_files(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().front() == '.') out.push_back(e.path().filename().string());
    return out;
}

std::vector<boost::json::object> report_lines(const fs::path& file) {
    std::vector<boost::json::object> out;
    std::istringstream in(read_file(file));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(boost::json::parse(line).as_object());
    return out;
}

std::vector<std::string> crashy(std::vector<std::string> args) {
    args.insert(args.end(), {"--plugin-dir", test_plugin_dir("crashy").string(), "--plugin-dir",
                             test_plugin_dir("good").string()});
    return args;
}

// A collection of `n` small inputs in nested folders, in the crashy format.
fs::path make_collection(const std::string& name, int n, const std::string& extra = {}) {
    const fs::path dir = temp_dir(name) / "in";
    for (int i = 0; i < n; ++i) {
        const fs::path f = dir / ("part" + std::to_string(i % 3)) / ("doc" + std::to_string(1000 + i) + ".crashy");
        write_file(f, "STUKWERK-CRASHY document " + std::to_string(i) + " " + extra + "\n");
    }
    return dir;
}

TEST(Batch, FoldersAreWalkedInOrderWithPatterns) {
    const fs::path root = temp_dir("batch-walk");
    write_file(root / "in" / "b" / "two.crashy", "STUKWERK-CRASHY\n");
    write_file(root / "in" / "a" / "one.crashy", "STUKWERK-CRASHY\n");
    write_file(root / "in" / "a" / "skip.crashy", "STUKWERK-CRASHY\n");
    write_file(root / "in" / "a" / "notes.txt", "not an input\n");
    write_file(root / "in" / ".hidden.crashy", "STUKWERK-CRASHY\n");
    const ProcessResult r = stukwerk(crashy({"convert", (root / "in").string(), "--include", "*.crashy", "--exclude",
                                             "a/skip.*", "-t", "json", "-o", (root / "out").string(), "--report",
                                             (root / "report.jsonl").string(), "-q"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = report_lines(root / "report.jsonl");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].at("path").as_string(), (root / "in" / "a" / "one.crashy").string());
    EXPECT_EQ(lines[1].at("path").as_string(), (root / "in" / "b" / "two.crashy").string());
}

TEST(Batch, CompanionMetadataTravelsWithItsPublication) {
    const fs::path root = temp_dir("batch-companions");
    write_file(root / "in" / "kst-1.crashy", "STUKWERK-CRASHY\n");
    write_file(root / "in" / "kst-1.metadata.xml", "<metadata_gegevens/>\n");
    write_file(root / "in" / "other.metadata.xml", "<metadata_gegevens/>\n");  // no publication beside it
    const ProcessResult r = stukwerk(crashy({"convert", (root / "in").string(), "-t", "json", "-o",
                                             (root / "out").string(), "--report", (root / "r.jsonl").string(), "-q"}));
    const auto lines = report_lines(root / "r.jsonl");
    ASSERT_EQ(lines.size(), 2u) << r.err;
    EXPECT_EQ(lines[0].at("path").as_string(), (root / "in" / "kst-1.crashy").string());
    // Alone, a metadata file is an input of its own (no importer here reads it).
    EXPECT_EQ(lines[1].at("path").as_string(), (root / "in" / "other.metadata.xml").string());
}

TEST(Batch, ListsOfPathsFromAFileAndFromStandardInput) {
    const fs::path in = make_collection("batch-lists", 4);
    std::string list;
    for (int i = 3; i >= 0; --i) list += (in / ("part" + std::to_string(i % 3)) / ("doc" + std::to_string(1000 + i) + ".crashy")).string() + "\n";
    write_file(in.parent_path() / "list.txt", list);
    const ProcessResult from_file = stukwerk(crashy({"convert", "--files-from", (in.parent_path() / "list.txt").string(),
                                                     "-t", "jsonl", "-o", "-", "-q"}));
    ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
    const ProcessResult from_stdin = stukwerk(crashy({"convert", "-", "-t", "jsonl", "-q"}), list);
    ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
    EXPECT_EQ(from_file.out, from_stdin.out);
    // In list order, one line per document.
    std::istringstream lines(from_stdin.out);
    std::vector<std::string> ids;
    for (std::string line; std::getline(lines, line);) ids.emplace_back(boost::json::parse(line).at("id").as_string());
    EXPECT_EQ(ids, (std::vector<std::string>{"doc1003", "doc1002", "doc1001", "doc1000"}));
}

TEST(Batch, OneDocumentOnStandardInput) {
    const ProcessResult r = stukwerk(crashy({"convert", "-", "-t", "jsonl", "-q"}), "STUKWERK-TEST\nid: piped\n\nUit een pijp.\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto doc = boost::json::parse(r.out);
    EXPECT_EQ(doc.at("id"), "piped");
    EXPECT_EQ(doc.at("source").at("path"), "-");
}

TEST(Batch, OutputIsTheSameWhateverTheNumberOfWorkers) {
    const fs::path in = make_collection("batch-jobs", 60, "!twice id=shared");
    // Every input yields "shared" and "shared-dup": 60 documents per id, so
    // the names given to the copies must be decided in input order.
    Files first;
    for (const char* jobs : {"1", "4", "3"}) {
        const fs::path out = in.parent_path() / ("out-j" + std::string(jobs));
        const ProcessResult r = stukwerk(crashy({"convert", in.string(), "-t", "json,jsonl", "-o", out.string(), "-j", jobs,
                                                 "--report", (in.parent_path() / ("report-" + std::string(jobs))).string(), "-q"}));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        Files files = visible_files(out);
        EXPECT_EQ(files.size(), 121u);  // 120 documents + documents.jsonl
        if (first.empty())
            first = files;
        else
            EXPECT_TRUE(files == first) << "-j " << jobs << " differs from -j 1";
    }
    EXPECT_TRUE(first.count("shared.json") && first.count("shared~2.json") && first.count("shared~60.json"));
    EXPECT_TRUE(first.count("shared-dup~60.json"));
    // The copy names follow input order. Folders are walked in sorted order,
    // so part0 (inputs 0, 3, 6, ...) comes first and its 7th file, input 18,
    // made shared~7.
    EXPECT_NE(first.at("shared~7.json").find("document 18 "), std::string::npos);
}

TEST(Batch, TheReportHasOneLinePerInput) {
    const fs::path root = temp_dir("batch-report");
    write_file(root / "in" / "a.testdoc", "STUKWERK-TEST\nid: a\n\nTekst.\n");
    write_file(root / "in" / "b.testdoc", "STUKWERK-TEST\nid: b\n\nTekst.\n!fail\n");
    write_file(root / "in" / "c.bin", std::string("\x01\x02\x00\x03", 4));
    const ProcessResult r = stukwerk(crashy({"convert", (root / "in").string(), "-t", "json", "-o", (root / "out").string(),
                                             "--report", (root / "report.jsonl").string(), "-j", "2", "-q"}));
    EXPECT_EQ(r.exit_code, 1);
    const auto lines = report_lines(root / "report.jsonl");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].at("status"), "ok");
    EXPECT_EQ(lines[0].at("documents").as_array(), boost::json::array{"a"});
    EXPECT_EQ(lines[0].at("outputs").as_array(), boost::json::array{"a.json"});
    EXPECT_EQ(lines[0].at("importer").at("name"), "test-text");
    EXPECT_EQ(lines[0].at("importer").at("version"), "0.1.0");
    EXPECT_EQ(lines[0].at("sha256").as_string().size(), 64u);
    EXPECT_TRUE(lines[0].at("seconds").is_double());
    EXPECT_EQ(lines[1].at("status"), "failed");
    EXPECT_EQ(lines[1].at("error"), "test-text: marked to fail at line 5");
    EXPECT_EQ(lines[2].at("status"), "failed");
    EXPECT_EQ(lines[2].at("error"), "not a recognised format: the file holds binary data");
    EXPECT_TRUE(hidden_files(root).empty()) << "the report's temporary was left behind";
}

TEST(Batch, IsolationSurvivesCrashesAbortsAndHangs) {
    const fs::path root = temp_dir("batch-isolate");
    write_file(root / "in" / "1-ok.crashy", "STUKWERK-CRASHY\n");
    write_file(root / "in" / "2-segv.crashy", "STUKWERK-CRASHY !segfault\n");
    write_file(root / "in" / "3-ok.crashy", "STUKWERK-CRASHY\n");
    write_file(root / "in" / "4-abort.crashy", "STUKWERK-CRASHY !abort\n");
    write_file(root / "in" / "5-hang.crashy", "STUKWERK-CRASHY !hang\n");
    write_file(root / "in" / "6-ok.crashy", "STUKWERK-CRASHY\n");
    // With one worker, the inputs queued behind a crashing one must be sent
    // again to its replacement; with two, the other worker goes on meanwhile,
    // and an input sent again may queue behind a finished one whose file is
    // still waiting for its turn (which a worker's death must not remove).
    // That last case depends on timing, so the run with two workers repeats.
    const RealCrashSignals real_signals;
    for (const char* jobs : {"1", "2", "2", "2"}) {
        SCOPED_TRACE(std::string("-j ") + jobs);
        fs::remove_all(root / "out");
        const ProcessResult r = stukwerk(crashy({"convert", (root / "in").string(), "-t", "json,jsonl", "-o",
                                                 (root / "out").string(), "--isolate", "--timeout", "2", "-j", jobs,
                                                 "--report", (root / "report.jsonl").string()}));
        EXPECT_EQ(r.exit_code, 1);
        const auto lines = report_lines(root / "report.jsonl");
        ASSERT_EQ(lines.size(), 6u);
        std::vector<std::string> statuses;
        for (const auto& l : lines) statuses.emplace_back(l.at("status").as_string());
        EXPECT_EQ(statuses, (std::vector<std::string>{"ok", "crashed", "ok", "crashed", "timeout", "ok"})) << r.err;
        EXPECT_NE(std::string(lines[1].at("error").as_string()).find("crashed (signal 11"), std::string::npos) << lines[1];
        EXPECT_NE(std::string(lines[3].at("error").as_string()).find("signal 6"), std::string::npos) << lines[3];
        EXPECT_NE(std::string(lines[4].at("error").as_string()).find("longer than the timeout of 2 s"), std::string::npos);
        EXPECT_NE(r.err.find("2-segv.crashy: the conversion crashed"), std::string::npos) << r.err;
        // The inputs around the bad ones were converted, and nothing half-made is left.
        const Files files = visible_files(root / "out");
        EXPECT_EQ(files.size(), 4u);
        EXPECT_TRUE(files.count("1-ok.json") && files.count("3-ok.json") && files.count("6-ok.json"));
        const std::string jsonl = files.at("documents.jsonl");
        EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 3);
        for (const std::string& h : hidden_files(root / "out")) EXPECT_EQ(h, ".stukwerk-journal.jsonl");
    }
}

TEST(Batch, IsolatedAndThreadedRunsWriteTheSameFiles) {
    const fs::path in = make_collection("batch-isolate-same", 12, "!twice id=same");
    const ProcessResult threads = stukwerk(crashy({"convert", in.string(), "-t", "json,jsonl", "-o",
                                                   (in.parent_path() / "threads").string(), "-j", "2", "-q"}));
    const ProcessResult procs = stukwerk(crashy({"convert", in.string(), "-t", "json,jsonl", "-o",
                                                 (in.parent_path() / "procs").string(), "-j", "2", "--isolate", "-q"}));
    ASSERT_EQ(threads.exit_code, 0) << threads.err;
    ASSERT_EQ(procs.exit_code, 0) << procs.err;
    EXPECT_TRUE(visible_files(in.parent_path() / "threads") == visible_files(in.parent_path() / "procs"));
    const ProcessResult to_stdout = stukwerk(crashy({"convert", in.string(), "-t", "jsonl", "--isolate", "-j", "2", "-q"}));
    EXPECT_EQ(to_stdout.out, visible_files(in.parent_path() / "procs").at("documents.jsonl"));
}

// Starts the CLI without waiting for it.
pid_t spawn_stukwerk(const std::vector<std::string>& args) {
    std::vector<std::string> argv{cli_path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (std::string& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

TEST(Batch, AKilledRunResumesToExactlyTheUninterruptedOutput) {
    const fs::path in = make_collection("batch-resume", 40, "!slow !twice id=r");
    const fs::path root = in.parent_path();
    const auto args = [&](const fs::path& out, bool resume) {
        std::vector<std::string> a{"convert", in.string(), "-t", "json,jsonl", "-o", out.string(), "-j", "2", "-q"};
        if (resume) a.push_back("--resume");
        return crashy(a);
    };
    ASSERT_EQ(stukwerk(args(root / "whole", false)).exit_code, 0);

    // 40 inputs at 150 ms on 2 workers take about 3 s: kill it part-way.
    const pid_t pid = spawn_stukwerk(args(root / "resumed", false));
    std::size_t done_before_kill = 0;
    for (int i = 0; i < 200 && done_before_kill < 10; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        done_before_kill = fs::exists(root / "resumed") ? visible_files(root / "resumed").size() : 0;
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";
    const std::size_t partial = visible_files(root / "resumed").size();
    EXPECT_GT(partial, 0u);
    EXPECT_LT(partial, 81u);
    EXPECT_FALSE(visible_files(root / "resumed").count("documents.jsonl")) << "an aggregate table appeared half-made";

    const ProcessResult resumed = stukwerk(args(root / "resumed", true));
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_TRUE(visible_files(root / "resumed") == visible_files(root / "whole"));
    for (const std::string& h : hidden_files(root / "resumed")) EXPECT_EQ(h, ".stukwerk-journal.jsonl");
}

TEST(Batch, ResumeRedoesWhatChanged) {
    const fs::path in = make_collection("batch-resume-changes", 3);
    const fs::path out = in.parent_path() / "out";
    const fs::path report = in.parent_path() / "report.jsonl";
    auto run = [&](std::vector<std::string> extra = {}) {
        std::vector<std::string> a{"convert", in.string(), "-t", "json", "-o", out.string(), "--resume", "--report",
                                   report.string(), "-q"};
        a.insert(a.end(), extra.begin(), extra.end());
        return stukwerk(crashy(a));
    };
    ASSERT_EQ(run().exit_code, 0);
    auto statuses = [&] {
        std::vector<std::string> s;
        for (const auto& l : report_lines(report)) s.emplace_back(l.at("status").as_string());
        return s;
    };
    ASSERT_EQ(run().exit_code, 0);
    EXPECT_EQ(statuses(), (std::vector<std::string>{"skipped", "skipped", "skipped"}));
    // Changed bytes, a missing output, other exporter options: redone.
    write_file(in / "part0" / "doc1000.crashy", "STUKWERK-CRASHY changed\n");
    fs::remove(out / "doc1001.json");
    ASSERT_EQ(run().exit_code, 0);
    EXPECT_EQ(statuses(), (std::vector<std::string>{"ok", "ok", "skipped"}));
    EXPECT_NE(read_file(out / "doc1000.json").find("changed"), std::string::npos);
    ASSERT_EQ(run({"-O", "compact"}).exit_code, 0);
    EXPECT_EQ(statuses(), (std::vector<std::string>{"ok", "ok", "ok"}));
}

TEST(Batch, ProgressOnlyOnATerminalAndNeverWhenQuiet) {
    const fs::path in = make_collection("batch-progress", 5);
    const std::string cmd = cli_path().string() + " convert " + in.string() + " -t jsonl -o " +
                            (in.parent_path() / "out").string() + " --plugin-dir " + test_plugin_dir("crashy").string();
    // script(1) gives the command a terminal.
    const ProcessResult tty = run({"script", "-qec", cmd, "/dev/null"});
    EXPECT_EQ(tty.exit_code, 0) << tty.out;
    EXPECT_NE(tty.out.find("stukwerk: 5/5 inputs"), std::string::npos) << tty.out;
    const ProcessResult quiet = run({"script", "-qec", cmd + " --quiet", "/dev/null"});
    EXPECT_EQ(quiet.out.find("inputs"), std::string::npos) << quiet.out;
    const ProcessResult pipe = stukwerk(crashy({"convert", in.string(), "-t", "jsonl", "-o", (in.parent_path() / "out2").string()}));
    EXPECT_EQ(pipe.err.find('\r'), std::string::npos);
    EXPECT_NE(pipe.err.find("5 of 5 input(s) converted"), std::string::npos) << pipe.err;
}

}  // namespace
}  // namespace stukwerk::test
