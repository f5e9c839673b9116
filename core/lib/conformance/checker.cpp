#include "checker.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

#include "config.hpp"
#include "conformance/hostile_inputs.hpp"
#include "input_file.hpp"
#include "output_store.hpp"
#include "pipeline.hpp"

namespace stukwerk::core {
namespace fs = std::filesystem;

namespace {

// ---- running a check in a child process -----------------------------------------

// What the child tells the parent, one line each: "at <item>" before it
// touches an item, "fail <text>" for a finding, "note <text>" for context.
class Reporter {
public:
    explicit Reporter(int fd) : fd_(fd) {}
    void at(const std::string& item) { send("at " + item); }
    void fail(const std::string& text) { send("fail " + text); }
    void note(const std::string& text) { send("note " + text); }
    void done() { send("done"); }

private:
    void send(std::string line) {
        for (char& c : line)
            if (c == '\n') c = ' ';
        line += '\n';
        for (std::string_view rest = line; !rest.empty();) {
            const ssize_t n = ::write(fd_, rest.data(), rest.size());
            if (n <= 0) return;
            rest.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    int fd_;
};

struct ChildOutcome {
    std::vector<std::string> failures;
    std::vector<std::string> notes;
    std::string last_item;
    bool crashed = false;
    bool timed_out = false;
    int signal = 0;
    // A child that ends without saying "done" left the check early: a plugin
    // that calls exit() (or a sanitizer that ends the process with a status
    // instead of a signal) must not pass for having answered everything.
    bool finished = false;
    int exit_status = 0;
};

// Runs `work` in a forked child; a crash or hang there is an outcome here.
// `timeout` restarts whenever the child reaches a new item.
ChildOutcome run_in_child(const std::function<void(Reporter&)>& work, double timeout) {
    ChildOutcome out;
    int fds[2];
    if (::pipe(fds) != 0) {
        out.failures.push_back(std::string("cannot create a pipe: ") + std::strerror(errno));
        out.finished = true;  // the failure says why; no child ran
        return out;
    }
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        // The plugin's own chatter must not reach the user's terminal.
        const int devnull = ::open("/dev/null", O_WRONLY);
        if (devnull >= 0) {
            ::dup2(devnull, STDOUT_FILENO);
            ::dup2(devnull, STDERR_FILENO);
        }
        Reporter r(fds[1]);
        try {
            work(r);
        } catch (const std::exception& e) {
            r.fail(std::string("the check stopped: ") + e.what());
        }
        r.done();
        ::_exit(0);
    }
    ::close(fds[1]);
    if (pid < 0) {
        ::close(fds[0]);
        out.failures.push_back(std::string("cannot fork: ") + std::strerror(errno));
        out.finished = true;
        return out;
    }
    std::string buffer;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            out.timed_out = true;
            ::kill(pid, SIGKILL);
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;
        char buf[4096];
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n <= 0) break;
        buffer.append(buf, static_cast<std::size_t>(n));
        for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos; buffer.erase(0, nl + 1)) {
            const std::string line = buffer.substr(0, nl);
            if (line.rfind("at ", 0) == 0) {
                out.last_item = line.substr(3);
                deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
            } else if (line.rfind("fail ", 0) == 0) {
                out.failures.push_back(line.substr(5));
            } else if (line.rfind("note ", 0) == 0) {
                out.notes.push_back(line.substr(5));
            } else if (line == "done") {
                out.finished = true;
            }
        }
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!out.timed_out && WIFSIGNALED(status)) {
        out.crashed = true;
        out.signal = WTERMSIG(status);
    } else if (WIFEXITED(status)) {
        out.exit_status = WEXITSTATUS(status);
    }
    return out;
}

CheckResult from_outcome(std::string name, const ChildOutcome& o, const std::string& success, std::size_t max_listed = 5) {
    CheckResult r{std::move(name), false, {}};
    if (o.crashed) {
        const char* sig = ::strsignal(o.signal);
        r.detail = "crashed (signal " + std::to_string(o.signal) + ", " + (sig ? sig : "?") + ")" +
                   (o.last_item.empty() ? "" : " on " + o.last_item);
    } else if (o.timed_out) {
        r.detail = "did not finish" + (o.last_item.empty() ? std::string() : " on " + o.last_item) + " within the time limit";
    } else if (!o.finished) {
        r.detail = "the process ended early (exit status " + std::to_string(o.exit_status) + ")" +
                   (o.last_item.empty() ? "" : " on " + o.last_item);
    }
    for (std::size_t i = 0; i < o.failures.size() && i < max_listed; ++i)
        r.detail += (r.detail.empty() ? "" : "; ") + o.failures[i];
    if (o.failures.size() > max_listed)
        r.detail += "; and " + std::to_string(o.failures.size() - max_listed) + " more";
    r.passed = !o.crashed && !o.timed_out && o.finished && o.failures.empty();
    if (r.passed) {
        r.detail = success;
        for (const std::string& n : o.notes) r.detail += "; " + n;
    }
    return r;
}

// ---- the checks -----------------------------------------------------------------

std::vector<fs::path> corpus_files(const fs::path& corpus) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(corpus, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (it->is_regular_file() && p.filename() != "SOURCES.md") files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string problems_of_name(const std::string& name) {
    static const std::regex ok("^[a-z0-9][a-z0-9-]*$");
    if (name.empty()) return "has no name";
    if (!std::regex_match(name, ok)) return "name '" + name + "' is not lower-case letters, digits and '-'";
    return {};
}

std::string problems_of_version(const std::string& what, const std::string& version) {
    static const std::regex ok("^[0-9]+\\.[0-9]+(\\.[0-9]+)?([-+][0-9A-Za-z.-]+)?$");
    if (version.empty()) return what + " has no version";
    if (!std::regex_match(version, ok)) return what + " has version '" + version + "', not MAJOR.MINOR[.PATCH]";
    return {};
}

bool sane_media_type(const std::string& t) {
    static const std::regex ok("^[a-z]+/[a-z0-9][a-z0-9.+-]*$");
    return std::regex_match(t, ok);
}

bool sane_extension(const std::string& e) {
    static const std::regex ok("^[a-z0-9][a-z0-9.+-]*$");
    return std::regex_match(e, ok) && e.front() != '.';
}

CheckResult check_metadata(const Manifest& m, const Registry* others, const fs::path& plugin) {
    std::vector<std::string> problems;
    std::string summary;
    auto taken = [&](bool importer, const std::string& name) -> std::string {
        if (!others) return {};
        if (importer) {
            const ImporterSlot* s = others->find_importer(name);
            if (s && fs::weakly_canonical(s->library_path) != fs::weakly_canonical(plugin)) return s->library_path.string();
        } else {
            const ExporterSlot* s = others->find_exporter(name);
            if (s && fs::weakly_canonical(s->library_path) != fs::weakly_canonical(plugin)) return s->library_path.string();
        }
        return {};
    };
    for (const ImporterEntry& e : m.importers) {
        const ImporterInfo& i = e.info;
        const std::string what = "importer '" + i.name + "'";
        if (auto p = problems_of_name(i.name); !p.empty()) problems.push_back("an importer " + p);
        if (auto p = problems_of_version(what, i.version); !p.empty()) problems.push_back(p);
        if (i.description.empty()) problems.push_back(what + " has no description");
        if (i.media_types.empty()) problems.push_back(what + " names no media type");
        for (const std::string& t : i.media_types)
            if (!sane_media_type(t)) problems.push_back(what + " has media type '" + t + "', not type/subtype");
        for (const std::string& x : i.extensions)
            if (!sane_extension(x)) problems.push_back(what + " has extension '" + x + "' (lower case, no dot)");
        if (auto where = taken(true, i.name); !where.empty())
            problems.push_back(what + " has the name of the importer in " + where);
        summary += (summary.empty() ? "" : ", ") + what + " " + i.version;
    }
    for (const ExporterEntry& e : m.exporters) {
        const ExporterInfo& x = e.info;
        const std::string what = "exporter '" + x.name + "'";
        if (auto p = problems_of_name(x.name); !p.empty()) problems.push_back("an exporter " + p);
        if (auto p = problems_of_version(what, x.version); !p.empty()) problems.push_back(p);
        if (x.description.empty()) problems.push_back(what + " has no description");
        if (!sane_media_type(x.media_type)) problems.push_back(what + " has media type '" + x.media_type + "', not type/subtype");
        if (!sane_extension(x.extension)) problems.push_back(what + " has extension '" + x.extension + "' (lower case, no dot)");
        for (const OptionInfo& o : x.options)
            if (auto p = problems_of_name(o.name); !p.empty()) problems.push_back(what + ": an option " + p);
        if (auto where = taken(false, x.name); !where.empty())
            problems.push_back(what + " has the name of the exporter in " + where);
        summary += (summary.empty() ? "" : ", ") + what + " " + x.version;
    }
    CheckResult r{"metadata", problems.empty(), {}};
    for (const std::string& p : problems) r.detail += (r.detail.empty() ? "" : "; ") + p;
    if (r.passed) r.detail = summary;
    return r;
}

Probe probe_of(const InputFile& f) { return f.probe(); }

}  // namespace

fs::path default_conformance_corpus() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / config::install_data_dir_relative / "stukwerk" /
                                   "conformance" / "corpus";
        if (fs::is_directory(installed, ec)) return installed;
    }
    return fs::path(config::source_dir) / "tests" / "data" / "corpus";
}

std::vector<CheckResult> check_plugin(const CheckSettings& s) {
    std::vector<CheckResult> results;
    LoadResult loaded = load_plugin(s.plugin);
    if (auto* reason = std::get_if<std::string>(&loaded)) {
        results.push_back({"abi", false, *reason});
        return results;
    }
    LoadedPlugin& plugin = std::get<LoadedPlugin>(loaded);
    results.push_back({"abi", true,
                       "plugin ABI version " + std::to_string(STUKWERK_ABI_VERSION) + ", toolchain " + STUKWERK_TOOLCHAIN});
    results.push_back(check_metadata(plugin.manifest, s.others, s.plugin));

    const std::vector<fs::path> corpus = corpus_files(s.corpus);
    if (corpus.empty()) {
        results.push_back({"corpus", false, "no corpus files found in " + s.corpus.string() + " (give one with --corpus)"});
        return results;
    }
    const std::vector<HostileInput> hostile = hostile_inputs(s.corpus);

    for (const ImporterEntry& entry : plugin.manifest.importers) {
        const std::string name = entry.info.name;
        // identify() on every corpus file: no crash, a confidence in 0..100,
        // and no confident claim on a file another importer is confident about.
        std::vector<std::pair<std::string, int>> theirs;  // file, best other confidence
        if (s.others)
            for (const fs::path& f : corpus) {
                int best = 0;
                std::string who;
                try {
                    const InputFile in = InputFile::open(f, 1ull << 31);
                    for (const ImporterSlot& other : s.others->importers()) {
                        if (other.info.name == name) continue;
                        const int c = other.importer->identify(probe_of(in)).confidence;
                        if (c > best) best = c, who = other.info.name;
                    }
                } catch (const std::exception&) {
                }
                theirs.emplace_back(who, best);
            }
        std::vector<int> mine(corpus.size(), 0);
        ChildOutcome identify = run_in_child(
            [&](Reporter& r) {
                const std::unique_ptr<Importer> imp = entry.create();
                for (const fs::path& f : corpus) {
                    r.at(f.filename().string());
                    const InputFile in = InputFile::open(f, 1ull << 31);
                    const Identification id = imp->identify(probe_of(in));
                    if (id.confidence < 0 || id.confidence > 100)
                        r.fail(f.filename().string() + ": confidence " + std::to_string(id.confidence) + " is outside 0..100");
                    r.note("claim " + std::to_string(id.confidence) + " " + f.string());
                }
            },
            s.timeout_seconds);
        // The child's claims come back as notes; keep them out of the summary.
        std::vector<std::string> claims;
        std::erase_if(identify.notes, [&](const std::string& n) {
            if (n.rfind("claim ", 0) != 0) return false;
            claims.push_back(n.substr(6));
            return true;
        });
        for (const std::string& c : claims) {
            const auto space = c.find(' ');
            const int conf = std::stoi(c.substr(0, space));
            const fs::path file = c.substr(space + 1);
            const auto it = std::find(corpus.begin(), corpus.end(), file);
            if (it != corpus.end()) mine[static_cast<std::size_t>(it - corpus.begin())] = conf;
        }
        results.push_back(from_outcome("identify-corpus", identify,
                                       name + ": identify() ran on " + std::to_string(corpus.size()) + " corpus files"));
        if (s.others) {
            std::vector<std::string> stolen;
            for (std::size_t i = 0; i < corpus.size() && i < theirs.size(); ++i)
                if (mine[i] >= 50 && theirs[i].second >= 50)
                    stolen.push_back(corpus[i].filename().string() + " (" + std::to_string(mine[i]) + "; it is " +
                                     theirs[i].first + "'s at " + std::to_string(theirs[i].second) + ")");
            CheckResult r{"identify-claims", stolen.empty(), {}};
            for (std::size_t i = 0; i < stolen.size() && i < 5; ++i) r.detail += (i ? ", " : "") + stolen[i];
            if (stolen.size() > 5) r.detail += " and " + std::to_string(stolen.size() - 5) + " more";
            if (!r.passed) r.detail = name + " claims other importers' files with high confidence: " + r.detail;
            else r.detail = name + " claims no other importer's corpus file with high confidence";
            results.push_back(r);
        }

        // read() on every hostile input and on the corpus files it claims:
        // an error or a result, never a crash or a hang.
        std::vector<HostileInput> inputs = hostile;
        for (std::size_t i = 0; i < corpus.size(); ++i)
            if (mine[i] > 0) {
                std::ifstream f(corpus[i], std::ios::binary);
                std::ostringstream ss;
                ss << f.rdbuf();
                inputs.push_back({corpus[i].filename().string(), "corpus file", std::move(ss).str()});
            }
        std::size_t errors = 0, results_ok = 0;
        ChildOutcome reads = run_in_child(
            [&](Reporter& r) {
                const std::unique_ptr<Importer> imp = entry.create();
                struct Discard : DocumentSink {
                    void accept(Document&&) override {}
                } sink;
                for (const HostileInput& h : inputs) {
                    r.at(h.name + " (" + h.what + ")");
                    InputFile in = InputFile::from_memory(h.name, h.bytes);
                    const ReadResult rr = imp->read(in, sink);
                    r.note(rr.ok ? "ok" : "error");
                }
            },
            s.timeout_seconds);
        for (const std::string& n : reads.notes) (n == "ok" ? results_ok : errors)++;
        reads.notes.clear();
        results.push_back(from_outcome("read-hostile", reads,
                                       name + ": read() answered all " + std::to_string(inputs.size()) +
                                           " hostile and corpus inputs (" + std::to_string(errors) + " errors, " +
                                           std::to_string(results_ok) + " results)"));
    }

    if (!plugin.manifest.exporters.empty()) {
        // The corpus as documents, read by the installed importers.
        std::vector<Document> documents;
        if (s.others) {
            struct Keep : DocumentConsumer {
                std::vector<Document>* out;
                void consume(Document& d, InputReport&) override { out->push_back(d); }
            } keep;
            keep.out = &documents;
            const Pipeline pipeline(*s.others, {});
            for (const fs::path& f : corpus) pipeline.convert(f, keep);
        }
        // And the hostile documents: escaping ids, control characters.
        Document escape;
        escape.id = "../../escaped";
        escape.metadata.title = "a document whose id walks out of the output folder";
        escape.body.push_back(paragraph("\x01\x02 <>&\"' \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"));
        documents.push_back(escape);
        Document control;
        control.id = std::string("a\x01" "b\nc", 5);
        control.metadata.title = "=cmd|' /C calc'!A0";
        documents.push_back(control);

        for (const ExporterEntry& entry : plugin.manifest.exporters) {
            const std::string name = entry.info.name;
            char tmpl[] = "/tmp/stukwerk-check-XXXXXX";
            const char* made = ::mkdtemp(tmpl);
            if (!made) {
                results.push_back({"export-corpus", false, "cannot make a temporary folder"});
                continue;
            }
            const fs::path root = made;
            const fs::path out = root / "out";
            const fs::path cwd = root / "work" / "a" / "b";
            fs::create_directories(out);
            fs::create_directories(cwd);
            ChildOutcome run = run_in_child(
                [&](Reporter& r) {
                    // The exporter's working folder is deep inside the sandbox,
                    // so a relative path that climbs out still lands where we look.
                    if (::chdir(cwd.c_str()) != 0) r.fail("cannot enter the sandbox folder");
                    DirectoryStore store(out);
                    const std::unique_ptr<Exporter> exp = entry.create();
                    const Options options;
                    r.at("begin");
                    exp->begin(ExportContext{store, options});
                    for (const Document& d : documents) {
                        r.at("document " + d.id);
                        try {
                            exp->write(d);
                        } catch (const std::exception& e) {
                            r.fail("refused document '" + d.id + "': " + e.what());
                        }
                    }
                    r.at("finish");
                    exp->finish();
                },
                s.timeout_seconds * 4);
            results.push_back(from_outcome("export-corpus", run,
                                           name + ": wrote all " + std::to_string(documents.size()) +
                                               " documents (corpus and hostile)"));
            std::vector<std::string> outside;
            std::error_code ec;
            for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
                if (it->path() == out) {
                    it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_directory()) outside.push_back(fs::relative(it->path(), root).string());
            }
            std::size_t inside = 0;
            for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec)) ++inside;
            CheckResult confined{"export-confined", outside.empty(), {}};
            if (confined.passed)
                confined.detail = name + ": " + std::to_string(inside) + " files, all inside the output folder";
            else
                for (const std::string& o : outside) confined.detail += (confined.detail.empty() ? name + " wrote outside its output folder: " : ", ") + o;
            results.push_back(confined);
            fs::remove_all(root, ec);
        }
    }
    return results;
}

}  // namespace stukwerk::core
