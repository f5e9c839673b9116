// The isolated mode of the batch engine: conversions run in worker
// processes (`stukwerk __worker`), so an importer that crashes or hangs
// costs the one input it was reading. The parent hands out inputs, reads
// the workers' answers (documents for the aggregate exporters, staged
// files, reports), kills a worker that passes the timeout, and starts a new
// one in place of any that died.
//
// Messages are JSON, one per line: parent -> worker
//   {"index": 7, "path": "...", "aggregate_only": false}
// worker -> parent
//   {"index": 7, "doc": {...}}                       a document, when the run has aggregate formats
//   {"index": 7, "report": {...}, "staged": [{"name": "...", "temp": "..."}]}
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <deque>
#include <functional>
#include <optional>

#include <boost/json.hpp>

#include "batch_run.hpp"
#include "model_json.hpp"
#include "report_json.hpp"

extern char** environ;

namespace stukwerk::core {
namespace fs = std::filesystem;
namespace bj = boost::json;
using Clock = std::chrono::steady_clock;

namespace {

fs::path this_executable() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw Error("cannot find the stukwerk executable to start workers: " + ec.message());
    return exe;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Removes the temporaries a dead worker left (their names carry its pid).
void remove_temporaries_of(const fs::path& dir, pid_t pid) {
    const std::string marker = "." + std::to_string(pid) + ".";
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() > 1 && name.front() == '.' && name.find(marker) != std::string::npos &&
            name.size() > 13 && name.compare(name.size() - 13, 13, ".stukwerk-tmp") == 0) {
            std::error_code rm;
            fs::remove(it->path(), rm);
        }
    }
}

std::string death_cause(int status) {
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* name = ::strsignal(sig);
        return "the conversion crashed (signal " + std::to_string(sig) + ", " + (name ? name : "?") +
               "); its worker process was replaced";
    }
    if (WIFEXITED(status))
        return "the worker process exited with status " + std::to_string(WEXITSTATUS(status)) +
               " during the conversion; it was replaced";
    return "the worker process stopped during the conversion; it was replaced";
}

// An input handed to a worker.
struct Job {
    std::size_t index = 0;
    fs::path path;
    std::optional<InputReport> skipped;  // an aggregate-only re-read for a resumed input
    Clock::time_point started;           // when the worker began on it (front of its queue)
};

struct Worker {
    pid_t pid = -1;
    int to = -1;    // its standard input
    int from = -1;  // its answers
    std::string buffer;
    // Inputs sent and not yet answered, in order; the front one is being
    // converted. A second one waits in the pipe, so the worker never sits
    // idle waiting for the parent's round trip.
    std::deque<Job> jobs;

    bool alive() const { return pid > 0; }
};

class Pool {
public:
    static constexpr std::size_t depth = 2;

    Pool(const BatchSettings& settings, RunPublisher& publisher, Sequencer& sequencer)
        : settings_(settings), publisher_(publisher), sequencer_(sequencer), exe_(this_executable()) {
        workers_.resize(std::max(1u, settings.jobs));
    }

    ~Pool() {
        for (Worker& w : workers_) stop(w, false);
    }

    bool has_room() const {
        for (const Worker& w : workers_)
            if (w.jobs.size() < depth) return true;
        return false;
    }

    bool busy() const {
        if (!retry_.empty()) return true;
        for (const Worker& w : workers_)
            if (!w.jobs.empty()) return true;
        return false;
    }

    // Inputs whose worker died before it got to them, to send again first.
    bool has_retry() const { return !retry_.empty(); }
    Job take_retry() {
        Job j = std::move(retry_.front());
        retry_.pop_front();
        return j;
    }

    // Sends `job` to the least busy worker with room, starting one if needed.
    void dispatch(Job job) {
        Worker* best = nullptr;
        for (Worker& w : workers_)
            if (w.jobs.size() < depth && (!best || w.jobs.size() < best->jobs.size())) best = &w;
        if (!best) throw Error("no worker has room");
        Worker& w = *best;
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (!w.alive()) spawn(w);
            const bj::object request{
                {"index", job.index}, {"path", job.path.string()}, {"aggregate_only", job.skipped.has_value()}};
            if (write_all(w.to, bj::serialize(request) + "\n")) {
                if (w.jobs.empty()) job.started = Clock::now();
                w.jobs.push_back(std::move(job));
                return;
            }
            // It died: what it held is answered by died(); then a fresh one.
            if (!w.jobs.empty())
                died(w);
            else
                stop(w, true);
        }
        throw Error("cannot start a worker process");
    }

    // Waits up to `max_wait` for answers and handles them, deaths and timeouts.
    void poll_once(std::chrono::milliseconds max_wait) {
        std::vector<pollfd> fds;
        std::vector<Worker*> owners;
        for (Worker& w : workers_)
            if (!w.jobs.empty()) {
                fds.push_back({w.from, POLLIN, 0});
                owners.push_back(&w);
            }
        if (fds.empty()) return;
        int wait_ms = static_cast<int>(max_wait.count());
        if (settings_.timeout_seconds > 0) {
            for (Worker* w : owners) {
                const auto deadline = w->jobs.front().started + std::chrono::duration<double>(settings_.timeout_seconds);
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
                wait_ms = static_cast<int>(std::max<long long>(0, std::min<long long>(wait_ms, left + 1)));
            }
        }
        const int n = ::poll(fds.data(), fds.size(), wait_ms);
        if (n < 0 && errno != EINTR) throw Error(std::string("poll failed: ") + std::strerror(errno));
        for (std::size_t i = 0; n > 0 && i < fds.size(); ++i) {
            if (!fds[i].revents) continue;
            Worker& w = *owners[i];
            char buf[65536];
            const ssize_t got = ::read(w.from, buf, sizeof buf);
            if (got > 0) {
                w.buffer.append(buf, static_cast<std::size_t>(got));
                handle_lines(w);
            } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                died(w);
            }
        }
        if (settings_.timeout_seconds > 0)
            for (Worker& w : workers_)
                if (!w.jobs.empty() &&
                    Clock::now() - w.jobs.front().started > std::chrono::duration<double>(settings_.timeout_seconds))
                    timed_out(w);
    }

private:
    void spawn(Worker& w) {
        int in[2], out[2];
        if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
            throw Error(std::string("cannot create a pipe for a worker: ") + std::strerror(errno));
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], 0);
        posix_spawn_file_actions_adddup2(&actions, out[1], 1);
        std::vector<std::string> args{exe_.string(), "__worker", "--staging", publisher_.staging_dir().string()};
        if (settings_.to_stdout) args.push_back("--stream");
        args.insert(args.end(), settings_.worker_args.begin(), settings_.worker_args.end());
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        pid_t pid = 0;
        const int rc = ::posix_spawn(&pid, exe_.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        if (rc != 0) {
            ::close(in[1]);
            ::close(out[0]);
            throw Error(std::string("cannot start a worker process: ") + std::strerror(rc));
        }
        w = Worker{};
        w.pid = pid;
        w.to = in[1];
        w.from = out[0];
    }

    // Ends a worker, politely (close its input, wait) or by force, and
    // returns its exit status. Its queue is left for the caller.
    int stop(Worker& w, bool force) {
        int status = 0;
        if (!w.alive()) return status;
        if (force) ::kill(w.pid, SIGKILL);
        if (w.to >= 0) ::close(w.to);
        if (w.from >= 0) ::close(w.from);
        while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
        }
        remove_temporaries_of(publisher_.staging_dir(), w.pid);
        w.pid = -1;
        w.to = w.from = -1;
        w.buffer.clear();
        return status;
    }

    void handle_lines(Worker& w) {
        std::size_t start = 0;
        for (std::size_t nl; !w.jobs.empty() && (nl = w.buffer.find('\n', start)) != std::string::npos; start = nl + 1) {
            const std::string_view line(w.buffer.data() + start, nl - start);
            bj::error_code ec;
            bj::parse_options opt;
            opt.max_depth = 20000;
            const bj::value msg = bj::parse(bj::string_view(line.data(), line.size()), ec, {}, opt);
            const bj::object* o = ec ? nullptr : msg.if_object();
            const bj::value* index = o ? o->if_contains("index") : nullptr;
            if (!index || !index->is_number() || index->to_number<std::uint64_t>() != w.jobs.front().index) {
                fail_worker(w, "the worker process sent a malformed answer");
                return;
            }
            if (const bj::value* doc = o->if_contains("doc")) {
                sequencer_.document(w.jobs.front().index, json::from_json(*doc));
            } else if (const bj::value* report = o->if_contains("report")) {
                InputReport r = report_from_json(*report);
                std::vector<StagedFile> staged;
                if (const bj::value* s = o->if_contains("staged"))
                    for (const bj::value& f : s->as_array()) {
                        StagedFile file{std::string(f.at("name").as_string()),
                                        fs::path(std::string(f.at("temp").as_string())), {}};
                        if (adopt(file, r)) staged.push_back(std::move(file));
                    }
                Job done = std::move(w.jobs.front());
                w.jobs.pop_front();
                if (!w.jobs.empty()) w.jobs.front().started = Clock::now();
                if (done.skipped) {
                    discard(staged);
                    r = std::move(*done.skipped);
                }
                sequencer_.complete(done.index, std::move(staged), std::move(r));
            }
        }
        w.buffer.erase(0, start);
    }

    // Takes a staged file over from the worker that wrote it: its temporary
    // is renamed to one named after this process. A worker's leftovers are
    // cleaned by its pid when it dies, and a file it finished may still be
    // waiting for its turn in the sequencer then (a worker that converted
    // input 6 and then hangs on input 5, sent again after a crash elsewhere).
    bool adopt(StagedFile& file, InputReport& report) {
        static unsigned long counter = 0;
        const fs::path mine = file.temp.parent_path() / ("." + file.name + "." + std::to_string(::getpid()) + ".p" +
                                                         std::to_string(counter++) + ".stukwerk-tmp");
        std::error_code ec;
        fs::rename(file.temp, mine, ec);
        if (ec) {
            report.status = InputStatus::failed;
            const std::string cause = "lost the staged output " + file.name + ": " + ec.message();
            report.error = report.error.empty() ? cause : report.error + "; " + cause;
            return false;
        }
        file.temp = mine;
        return true;
    }

    // Ends the worker's current input with `status` (its documents dropped
    // whole) and sends the inputs queued behind it again, to a new worker.
    void finish_badly(Worker& w, bool force, InputStatus status, const std::function<std::string(int)>& cause) {
        const int exit_status = stop(w, force);
        Job job = std::move(w.jobs.front());
        w.jobs.pop_front();
        for (Job& waiting : w.jobs) retry_.push_back(std::move(waiting));
        w.jobs.clear();
        InputReport r;
        r.path = job.path.string();
        r.status = status;
        r.error = cause(exit_status);
        r.seconds = std::chrono::duration<double>(Clock::now() - job.started).count();
        sequencer_.complete(job.index, {}, std::move(r), false);
    }

    void died(Worker& w) { finish_badly(w, false, InputStatus::crashed, death_cause); }

    void timed_out(Worker& w) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%g", settings_.timeout_seconds);
        const std::string cause = std::string("the conversion took longer than the timeout of ") + seconds +
                                  " s; its worker process was stopped and replaced";
        finish_badly(w, true, InputStatus::timeout, [&](int) { return cause; });
    }

    void fail_worker(Worker& w, const std::string& cause) {
        finish_badly(w, true, InputStatus::crashed, [&](int) { return cause; });
    }

    const BatchSettings& settings_;
    RunPublisher& publisher_;
    Sequencer& sequencer_;
    fs::path exe_;
    std::vector<Worker> workers_;
    std::deque<Job> retry_;
};

}  // namespace

void run_isolated(const Registry& registry, const BatchSettings& settings, InputCursor& inputs, RunPublisher& publisher,
                  Sequencer& sequencer) {
    // A worker that dies while we write to it must not kill the parent.
    ::signal(SIGPIPE, SIG_IGN);
    const Pipeline pipeline(registry, settings.pipeline);
    Pool pool(settings, publisher, sequencer);
    std::size_t next_index = 0;
    bool exhausted = false;
    for (;;) {
        while (pool.has_room()) {
            if (pool.has_retry()) {
                pool.dispatch(pool.take_retry());
                continue;
            }
            if (exhausted || !sequencer.may_start(next_index)) break;
            std::optional<fs::path> path = inputs.next();
            if (!path) {
                exhausted = true;
                break;
            }
            const std::size_t index = next_index++;
            std::optional<InputReport> skip;
            if (settings.resume && publisher.journal()) skip = resume_skip(pipeline, settings, *publisher.journal(), *path);
            if (skip && !publisher.has_aggregates()) {
                sequencer.complete(index, {}, std::move(*skip));
                continue;
            }
            pool.dispatch(Job{index, *path, std::move(skip), {}});
        }
        if (exhausted && !pool.busy()) break;
        pool.poll_once(std::chrono::milliseconds(200));
    }
}

int run_worker(const Registry& registry, const BatchSettings& settings, const fs::path& staging, std::FILE* in,
               std::FILE* out) {
    const Pipeline pipeline(registry, settings.pipeline);
    StagingStore store(staging, settings.to_stdout);
    const ExportPlan per_document = settings.plan.only_aggregate(false);
    const bool aggregates = !settings.plan.only_aggregate(true).empty();
    std::unique_ptr<ExportStage> stage;
    if (!per_document.empty()) stage = std::make_unique<ExportStage>(registry, per_document, store);

    auto send = [&](const bj::object& msg) {
        const std::string line = bj::serialize(msg) + "\n";
        if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) throw Error("lost the parent process");
    };

    struct Consumer final : DocumentConsumer {
        ExportStage* stage = nullptr;
        bool aggregates = false;
        std::size_t index = 0;
        std::function<void(const bj::object&)> send;
        void consume(Document& doc, InputReport& report) override {
            if (stage) stage->consume(doc, report);
            if (aggregates) send(bj::object{{"index", index}, {"doc", json::to_json(doc)}});
        }
    } consumer;
    consumer.aggregates = aggregates;
    consumer.send = send;

    std::string line;
    for (int c; (c = std::fgetc(in)) != EOF;) {
        if (c != '\n') {
            line += static_cast<char>(c);
            continue;
        }
        const bj::value request = bj::parse(line);
        line.clear();
        const bj::object& o = request.as_object();
        consumer.index = static_cast<std::size_t>(o.at("index").to_number<std::uint64_t>());
        const bool aggregate_only = o.at("aggregate_only").as_bool();
        consumer.stage = aggregate_only ? nullptr : stage.get();
        InputReport report = pipeline.convert(fs::path(std::string(o.at("path").as_string())), consumer);
        bj::array staged;
        for (StagedFile& f : store.take()) staged.push_back(bj::object{{"name", f.name}, {"temp", f.temp.string()}});
        send(bj::object{{"index", consumer.index}, {"report", report_to_json(report)}, {"staged", std::move(staged)}});
        std::fflush(out);
    }
    if (stage) stage->finish();
    return 0;
}

}  // namespace stukwerk::core
