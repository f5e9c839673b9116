#include "test_support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "input_file.hpp"

extern char** environ;

namespace stukwerk::test {

fs::path source_dir() { return STUKWERK_SOURCE_DIR; }
fs::path data_dir() { return source_dir() / "tests" / "data"; }
fs::path corpus_dir() { return data_dir() / "corpus"; }
fs::path plugin_build_dir() { return STUKWERK_PLUGIN_BUILD_DIR; }
fs::path test_plugin_dir(const std::string& name) { return fs::path(STUKWERK_TEST_PLUGIN_DIR) / name; }
fs::path cli_path() { return STUKWERK_CLI; }
std::string python() { return "/usr/bin/python3"; }

fs::path temp_dir(const std::string& name) {
    static const fs::path root = fs::path(STUKWERK_BINARY_DIR) / "test-tmp" / std::to_string(::getpid());
    fs::path dir = root / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << f.rdbuf();
    return std::move(ss).str();
}

void write_file(const fs::path& p, std::string_view bytes) {
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream f(p, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) throw std::runtime_error("cannot write " + p.string());
}

const core::Registry& plugins() {
    static const core::Registry registry = [] {
        core::Registry r;
        r.load_directory(plugin_build_dir());
        return r;
    }();
    return registry;
}

namespace {

class Keep final : public core::DocumentConsumer {
public:
    explicit Keep(std::vector<Document>& docs) : docs_(docs) {}
    void consume(Document& doc, core::InputReport&) override { docs_.push_back(doc); }

private:
    std::vector<Document>& docs_;
};

}  // namespace

Imported import_file(const fs::path& path, const std::string& importer) {
    Imported result;
    Keep keep(result.documents);
    core::PipelineSettings settings;
    settings.forced_importer = importer;
    result.report = core::Pipeline(plugins(), settings).convert(path, keep);
    return result;
}

Imported import_bytes(const std::string& name, std::string bytes, const std::string& importer) {
    Imported result;
    Keep keep(result.documents);
    core::PipelineSettings settings;
    settings.forced_importer = importer;
    core::InputFile input = core::InputFile::from_memory(name, std::move(bytes));
    result.report = core::Pipeline(plugins(), settings).convert(input, keep);
    return result;
}

Document import_one(const fs::path& path, const std::string& importer) {
    Imported r = import_file(path, importer);
    EXPECT_TRUE(r.ok()) << path << ": " << r.report.error;
    EXPECT_EQ(r.documents.size(), 1u) << path;
    if (r.documents.empty()) return {};
    return r.documents.front();
}

std::vector<const Block*> find_blocks(const Document& doc, const std::function<bool(const Block&)>& pred) {
    std::vector<const Block*> out;
    for_each_block(doc.body, [&](const Block& b) {
        if (pred(b)) out.push_back(&b);
    });
    return out;
}

std::vector<const Block*> blocks_of_type(const Document& doc, BlockType type) {
    return find_blocks(doc, [type](const Block& b) { return b.type == type; });
}

std::string normalise_space(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
            space = true;
            if (nbsp) ++i;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

ProcessResult run(const std::vector<std::string>& argv, const std::string& stdin_data) {
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC))
        throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        ::close(err[0]);
        throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    ProcessResult result;
    std::size_t written = 0;
    if (stdin_data.empty()) ::close(in[1]);
    bool in_open = !stdin_data.empty(), out_open = true, err_open = true;
    char buf[65536];
    while (out_open || err_open || in_open) {
        std::vector<pollfd> fds;
        if (out_open) fds.push_back({out[0], POLLIN, 0});
        if (err_open) fds.push_back({err[0], POLLIN, 0});
        if (in_open) fds.push_back({in[1], POLLOUT, 0});
        if (::poll(fds.data(), fds.size(), -1) < 0) break;
        for (const pollfd& p : fds) {
            if (!p.revents) continue;
            if (p.fd == in[1]) {
                const ssize_t n = ::write(in[1], stdin_data.data() + written, stdin_data.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n <= 0 || written == stdin_data.size()) {
                    ::close(in[1]);
                    in_open = false;
                }
                continue;
            }
            const ssize_t n = ::read(p.fd, buf, sizeof buf);
            std::string& target = p.fd == out[0] ? result.out : result.err;
            if (n > 0) {
                target.append(buf, static_cast<std::size_t>(n));
            } else {
                ::close(p.fd);
                (p.fd == out[0] ? out_open : err_open) = false;
            }
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

ProcessResult stukwerk(const std::vector<std::string>& args, const std::string& stdin_data) {
    std::vector<std::string> argv{cli_path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, stdin_data);
}

RealCrashSignals::RealCrashSignals() {
#ifdef STUKWERK_SANITIZE
    const char* old = std::getenv("ASAN_OPTIONS");
    had_ = old != nullptr;
    if (had_) saved_ = old;
    ::setenv("ASAN_OPTIONS", ((had_ && *old ? saved_ + ":" : std::string()) + "handle_segv=0:handle_abort=0").c_str(), 1);
#endif
}

RealCrashSignals::~RealCrashSignals() {
#ifdef STUKWERK_SANITIZE
    if (had_)
        ::setenv("ASAN_OPTIONS", saved_.c_str(), 1);
    else
        ::unsetenv("ASAN_OPTIONS");
#endif
}

std::string schema_errors(const std::vector<fs::path>& files) {
    std::vector<std::string> argv{python(), (source_dir() / "tests" / "support" / "validate_json.py").string(),
                                  (source_dir() / "sdk" / "schema" / "document.schema.json").string()};
    for (const fs::path& f : files) argv.push_back(f.string());
    const ProcessResult r = run(argv);
    if (r.exit_code == 0) return {};
    return "schema validation failed (exit " + std::to_string(r.exit_code) + "):\n" + r.out + r.err;
}

}  // namespace stukwerk::test
