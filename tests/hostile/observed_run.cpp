#include "observed_run.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace stukwerk::test::hostile {
namespace {

// A C-style string literal as strace prints it, from `at` (the opening quote).
std::string unquote(std::string_view s, std::size_t& at) {
    std::string out;
    for (std::size_t i = at + 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            at = i + 1;
            return out;
        }
        if (c != '\\' || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        const char e = s[++i];
        switch (e) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'v': out += '\v'; break;
            case 'f': out += '\f'; break;
            case 'x': {
                out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
                i += 2;
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    std::size_t n = 0;
                    int v = 0;
                    while (n < 3 && i + n < s.size() && s[i + n] >= '0' && s[i + n] <= '7') v = v * 8 + (s[i + n++] - '0');
                    out += static_cast<char>(v);
                    i += n - 1;
                } else {
                    out += e;
                }
        }
    }
    at = s.size();
    return out;
}

// The folder a dirfd argument names: strace -y prints "AT_FDCWD</dir>" or "5</dir>".
fs::path dirfd_path(std::string_view arg) {
    const auto lt = arg.find('<');
    const auto gt = arg.rfind('>');
    if (lt == std::string_view::npos || gt == std::string_view::npos || gt < lt) return {};
    return fs::path(std::string(arg.substr(lt + 1, gt - lt - 1)));
}

fs::path resolve(const fs::path& dir, const std::string& p) {
    const fs::path path(p);
    return (path.is_absolute() || dir.empty() ? path : dir / path).lexically_normal();
}

struct Call {
    std::string name;
    std::vector<std::string> strings;  // the quoted arguments, in order
    std::vector<fs::path> dirs;        // the dirfd before each quoted argument, if any
    std::string rest;                  // everything after the last quoted argument
};

// "1234 openat(AT_FDCWD</w>, "x", O_RDONLY) = 3</w/x>" and its <unfinished ...> form.
bool parse(const std::string& line, Call& call) {
    // strace pads the pid to five columns: "123   openat(...".
    std::size_t at = line.find(' ');
    if (at == std::string::npos) return false;
    while (at < line.size() && line[at] == ' ') ++at;
    const std::size_t open = line.find('(', at);
    if (open == std::string::npos) return false;
    call.name = line.substr(at, open - at);
    if (call.name.empty() || call.name[0] == '<' || call.name.find(' ') != std::string::npos) return false;
    std::size_t i = open + 1;
    std::string pending_arg;
    while (i < line.size()) {
        if (line[i] == '"') {
            call.dirs.push_back(dirfd_path(pending_arg));
            call.strings.push_back(unquote(line, i));
            pending_arg.clear();
            continue;
        }
        if (line[i] == ',') pending_arg.clear();
        else pending_arg += line[i];
        ++i;
    }
    const auto last = line.rfind('"');
    call.rest = last == std::string::npos ? line.substr(open) : line.substr(last);
    return true;
}

bool writes(const std::string& flags) {
    return flags.find("O_WRONLY") != std::string::npos || flags.find("O_RDWR") != std::string::npos ||
           flags.find("O_CREAT") != std::string::npos || flags.find("O_TRUNC") != std::string::npos;
}

bool under(const fs::path& p, const fs::path& root) {
    const std::string a = p.lexically_normal().string(), b = root.lexically_normal().string();
    return a == b || (a.size() > b.size() && a.compare(0, b.size(), b) == 0 && (b.back() == '/' || a[b.size()] == '/'));
}

}  // namespace

Observed run_observed(const fs::path& work, const std::vector<std::string>& args) {
    std::vector<std::string> argv{cli_path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return observe(work, argv);
}

Observed observe(const fs::path& work, const std::vector<std::string>& program) {
    static const bool have_strace = run({"sh", "-c", "command -v strace"}).exit_code == 0;
    if (!have_strace) throw std::runtime_error("strace is not installed (Debian package strace); the hostile suite needs it");
    fs::create_directories(work);
    const fs::path log = fs::path(work.string() + ".strace");
    std::vector<std::string> argv{"strace", "-f", "-y", "-qq", "-s", "4096", "-o", log.string(), "-e",
                                  "trace=connect,open,openat,openat2,creat,mkdir,mkdirat,rename,renameat,renameat2,"
                                  "link,linkat,symlink,symlinkat",
                                  "env", "-C", work.string()};
#ifdef STUKWERK_SANITIZE
    // LeakSanitizer stops the process with ptrace at exit, which a process
    // strace already traces refuses: leaks are checked by every run not
    // under strace, so they are not checked here.
    const char* asan = std::getenv("ASAN_OPTIONS");
    argv.push_back(std::string("ASAN_OPTIONS=") + (asan && *asan ? std::string(asan) + ":" : "") + "detect_leaks=0");
#endif
    argv.insert(argv.end(), program.begin(), program.end());
    Observed o;
    o.result = run(argv);
    o.trace = read_file(log);
    fs::remove(log);
    std::istringstream lines(o.trace);
    for (std::string line; std::getline(lines, line);) {
        Call c;
        if (!parse(line, c)) continue;
        if (c.name == "connect") {
            o.connects.push_back(line);
            continue;
        }
        std::vector<fs::path> paths;
        for (std::size_t k = 0; k < c.strings.size(); ++k) paths.push_back(resolve(c.dirs[k].empty() ? work : c.dirs[k], c.strings[k]));
        if (paths.empty()) continue;
        if (c.name == "open" || c.name == "openat" || c.name == "openat2" || c.name == "creat") {
            o.opened.push_back(paths[0]);
            if (c.name == "creat" || writes(c.rest)) o.written.push_back(paths[0]);
        } else if (c.name == "mkdir" || c.name == "mkdirat") {
            o.written.push_back(paths[0]);
        } else {  // rename, link, symlink: the second name is the one made
            o.written.push_back(paths.back());
        }
    }
    return o;
}

std::vector<std::string> tree(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        out.push_back(fs::relative(it->path(), dir).string());
    std::sort(out.begin(), out.end());
    return out;
}

void expect_contained(const Observed& o, const std::vector<fs::path>& allowed, const std::string& what) {
    EXPECT_TRUE(o.connects.empty()) << what << ": the process connected somewhere:\n" << o.connects.front();
    for (const fs::path& p : o.opened) EXPECT_NE(p, fs::path("/etc/passwd")) << what << ": /etc/passwd was opened";
    for (const fs::path& p : o.written) {
        // A file the run may write is also written under a temporary name
        // beside it first (".NAME.<pid>.stukwerk-tmp", core/lib/output_store.cpp).
        const auto temporary_of = [&](const fs::path& a) {
            return p.parent_path() == a.parent_path() && p.filename().string().rfind("." + a.filename().string() + ".", 0) == 0;
        };
        const bool ok = p == "/dev/null" || under(p, "/dev/pts") || p == "/dev/tty" ||
                        std::any_of(allowed.begin(), allowed.end(),
                                    [&](const fs::path& a) { return under(p, a) || temporary_of(a); });
        EXPECT_TRUE(ok) << what << ": wrote " << p << " outside the output folder";
    }
    EXPECT_LT(o.result.exit_code, 2) << what << ": exit " << o.result.exit_code << "\n" << o.result.err.substr(0, 4000);
}

std::vector<std::string> errors_for(const std::string& err, const fs::path& path) {
    std::vector<std::string> out;
    const std::string prefix = "stukwerk: error: " + path.string() + ": ";
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(prefix, 0) == 0) out.push_back(line.substr(prefix.size()));
    return out;
}

}  // namespace stukwerk::test::hostile
