// A 1 GB sparse file (made with truncate(1), never committed): the host maps
// inputs, so detection costs the first 8 KiB and nothing more; every
// importer forced on it answers with a clear error and bounded memory, and
// the size limit refuses it before anything is read.
//
// Memory is observed two ways. GNU time's peak RSS counts the pages of the
// mapped file the process touched: once an importer is chosen the host
// hashes the whole input (SHA-256 for provenance), so with -f it reaches
// the file's size, all of it page cache the kernel can drop. A copy of the
// input would add as much again, so the bound is the file plus a margin.
// The process's own memory, RssAnon in /proc/PID/status sampled every
// millisecond while it runs, must stay far below the file.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "observed_run.hpp"

namespace stukwerk::test::hostile {
namespace {

constexpr long gib = 1L << 30;

struct Measured {
    ProcessResult result;
    long peak_kib = -1;       // peak RSS, file pages included (GNU time)
    long peak_anon_kib = -1;  // the largest RssAnon seen while it ran
};

long rss_anon_kib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("RssAnon:", 0) == 0) return std::stol(line.substr(8));
    return -1;
}

// The CLI under GNU time, its output to files, its RssAnon sampled until it ends.
Measured measured(const std::vector<std::string>& args) {
    const fs::path dir = temp_dir("sparse-run");
    std::vector<std::string> argv{"/usr/bin/time", "-f", "%M", "-o", (dir / "time.txt").string(), cli_path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (std::string& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, (dir / "out.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (dir / "err.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t time_pid = 0;
    const int rc = ::posix_spawn(&time_pid, cargv[0], &actions, nullptr, cargv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start /usr/bin/time");
    Measured m;
    pid_t cli = 0;
    int status = 0;
    while (::waitpid(time_pid, &status, WNOHANG) == 0) {
        if (cli == 0) {  // GNU time's one child
            std::ifstream children("/proc/" + std::to_string(time_pid) + "/task/" + std::to_string(time_pid) + "/children");
            children >> cli;
        }
        if (cli > 0) m.peak_anon_kib = std::max(m.peak_anon_kib, rss_anon_kib(cli));
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    m.result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    m.result.out = read_file(dir / "out.txt");
    m.result.err = read_file(dir / "err.txt");
    // GNU time writes "Command exited with non-zero status N" first, then the figure.
    std::string text = read_file(dir / "time.txt");
    while (!text.empty() && text.back() == '\n') text.pop_back();
    m.peak_kib = std::stol(text.substr(text.rfind('\n') + 1));
    // The CLI exit status, not time's.
    if (text.find("non-zero status ") != std::string::npos)
        m.result.exit_code = std::stoi(text.substr(text.find("non-zero status ") + 16));
    return m;
}

fs::path sparse_gigabyte(const std::string& name) {
    const fs::path dir = temp_dir("sparse");
    const fs::path file = dir / name;
    EXPECT_EQ(run({"truncate", "-s", "1G", file.string()}).exit_code, 0);
    EXPECT_EQ(fs::file_size(file), static_cast<std::uintmax_t>(gib));
    return file;
}

// Far below the file: a sixteenth of it (64 MiB), plus what the
// sanitizers' own bookkeeping costs in that build.
long memory_bound_kib() {
#ifdef STUKWERK_SANITIZE
    return (gib / 16 + (256L << 20)) / 1024;
#else
    return gib / 16 / 1024;
#endif
}

TEST(SparseGigabyte, DetectionReadsOnlyTheHeadAndNamesTheCause) {
    const fs::path file = sparse_gigabyte("huge.xml");
    const Measured d = measured({"detect", file.string()});
    EXPECT_EQ(d.result.exit_code, 1);
    EXPECT_NE(d.result.out.find(file.string() + ": no importer recognises this file"), std::string::npos)
        << d.result.out << d.result.err;
    EXPECT_LT(d.peak_kib, memory_bound_kib()) << "detection touched the whole file";
    // convert without -f detects the same way and names the cause.
    const fs::path out = temp_dir("sparse-detect-out");
    const Measured c = measured({"convert", file.string(), "-t", "json", "-o", out.string()});
    EXPECT_EQ(c.result.exit_code, 1);
    EXPECT_NE(c.result.err.find(file.string() + ": not a recognised format: the file holds binary data"), std::string::npos)
        << c.result.err;
    EXPECT_LT(c.peak_kib, memory_bound_kib()) << "detection touched the whole file";
    EXPECT_EQ(tree(out), std::vector<std::string>{".stukwerk-journal.jsonl"});
}

TEST(SparseGigabyte, TheSizeLimitRefusesItBeforeReading) {
    const fs::path file = sparse_gigabyte("huge.xml");
    const fs::path out = temp_dir("sparse-limit-out");
    const Measured m = measured({"convert", file.string(), "-t", "json", "-o", out.string(), "--max-input-size", "100M"});
    EXPECT_EQ(m.result.exit_code, 1);
    EXPECT_NE(m.result.err.find(file.string() + ": "), std::string::npos) << m.result.err;
    EXPECT_NE(m.result.err.find("larger than"), std::string::npos) << m.result.err;
    EXPECT_LT(m.peak_kib, memory_bound_kib());
    EXPECT_TRUE(tree(out).empty() || tree(out) == std::vector<std::string>{".stukwerk-journal.jsonl"});
}

// Forced, each importer meets 1 GiB of NUL bytes: a clear error, memory
// bounded, nothing written.
class SparseForced : public ::testing::TestWithParam<std::string> {};

TEST_P(SparseForced, AClearErrorInBoundedMemory) {
    const std::string importer = GetParam();
    const fs::path file = sparse_gigabyte(importer == "pdf-text" ? "huge.pdf" : importer.rfind("tk-odata", 0) == 0 || importer == "json" ? "huge.json" : "huge.xml");
    const fs::path out = temp_dir("sparse-out-" + importer);
    const Measured m = measured({"convert", file.string(), "-f", importer, "-t", "json", "-o", out.string()});
    EXPECT_EQ(m.result.exit_code, 1) << m.result.err;
    const std::vector<std::string> errors = errors_for(m.result.err, file);
    ASSERT_EQ(errors.size(), 1u) << m.result.err;
    EXPECT_EQ(errors[0].rfind(importer + ": ", 0), 0u) << errors[0];
    const std::map<std::string, std::string> cause{
        {"json", "not valid JSON"},      {"oep-html", "binary data"}, {"oep-xml", "binary data"},
        {"pdf-text", "not a PDF"},       {"tk-syncfeed", "binary data"}, {"tk-odata", "not valid JSON"},
        {"tk-vlos", "binary data"}};
    EXPECT_NE(errors[0].find(cause.at(importer)), std::string::npos) << errors[0];
    EXPECT_GT(m.peak_anon_kib, 0) << "RssAnon was never sampled";
    EXPECT_LT(m.peak_anon_kib, memory_bound_kib()) << importer << " copied the file into memory";
    EXPECT_LT(m.peak_kib, (gib + (128L << 20)) / 1024 + memory_bound_kib()) << importer << " holds more than the mapped file";
    EXPECT_EQ(tree(out), std::vector<std::string>{".stukwerk-journal.jsonl"}) << "no output but the run's journal";
}

INSTANTIATE_TEST_SUITE_P(Importers, SparseForced,
                         ::testing::Values("json", "oep-html", "oep-xml", "pdf-text", "tk-syncfeed", "tk-odata", "tk-vlos"),
                         [](const ::testing::TestParamInfo<std::string>& i) {
                             std::string n = i.param;
                             for (char& c : n)
                                 if (c == '-') c = '_';
                             return n;
                         });

}  // namespace
}  // namespace stukwerk::test::hostile
