#include "batch.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <system_error>
#include <thread>

#include <boost/json.hpp>

#include "batch_run.hpp"
#include "report_json.hpp"
#include "sha256.hpp"

namespace stukwerk::core {
namespace fs = std::filesystem;

// ---- the in-order publisher -------------------------------------------------

namespace {

std::string read_whole(const fs::path& p) {
    std::FILE* in = std::fopen(p.c_str(), "rb");
    if (!in) throw Error("cannot read staged output " + p.string());
    std::string all;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) all.append(buf, n);
    std::fclose(in);
    return all;
}

}  // namespace

RunPublisher::RunPublisher(const Registry& registry, const BatchSettings& settings, const BatchObserver& observer)
    : settings_(settings), observer_(observer) {
    OutputStore* store = nullptr;
    if (settings.to_stdout) {
        stream_ = std::make_unique<Stream>(stdout);
        stream_store_ = std::make_unique<StreamStore>(*stream_);
        store = stream_store_.get();
        if (settings.isolate) {
            // Worker processes stage files on disk; the parent copies them out.
            std::string tmpl = (fs::temp_directory_path() / "stukwerk-staging-XXXXXX").string();
            if (!::mkdtemp(tmpl.data())) throw Error("cannot make a staging folder: " + std::string(std::strerror(errno)));
            staging_ = tmpl;
            own_staging_ = true;
        }
    } else {
        std::error_code ec;
        fs::create_directories(settings.output_dir, ec);
        if (ec || !fs::is_directory(settings.output_dir))
            throw Error("cannot create output folder " + settings.output_dir.string() + ": " +
                        (ec ? ec.message() : "not a folder"));
        dir_store_ = std::make_unique<DirectoryStore>(settings.output_dir);
        store = dir_store_.get();
        staging_ = settings.output_dir;
        if (settings.resume) remove_stale_temporaries(settings.output_dir);
        journal_ = std::make_unique<Journal>(settings.output_dir, settings.resume,
                                             settings.plan.only_aggregate(false).stamp() +
                                                 settings.pipeline.importer_options.stamp());
    }
    const ExportPlan aggregates = settings.plan.only_aggregate(true);
    if (!aggregates.empty()) aggregate_ = std::make_unique<ExportStage>(registry, aggregates, *store);
    if (!settings.report_file.empty()) {
        const fs::path& f = settings.report_file;
        report_temp_ = f.parent_path() / ("." + f.filename().string() + "." + std::to_string(::getpid()) + ".stukwerk-tmp");
        report_ = std::fopen(report_temp_.c_str(), "w");
        if (!report_) throw Error("cannot write the report " + f.string() + ": " + std::strerror(errno));
    }
}

RunPublisher::~RunPublisher() {
    if (report_) {
        std::fclose(report_);
        std::error_code ec;
        fs::remove(report_temp_, ec);
    }
    if (own_staging_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

std::string RunPublisher::aggregate(const Document& doc) { return aggregate_ ? aggregate_->write(doc) : std::string(); }

namespace {

std::uint64_t name_key(std::string_view name) { return std::hash<std::string_view>{}(name); }

// "x~3.json" -> {"x.json", 3}; any other name -> {name, 1}. Document ids
// never hold '~' (file_name_for() maps it away), so the form is ours.
std::pair<std::string, std::uint32_t> split_copy_number(const std::string& name) {
    const auto tilde = name.rfind('~');
    if (tilde == std::string::npos) return {name, 1};
    const auto dot = name.find('.', tilde);
    const std::string digits = name.substr(tilde + 1, (dot == std::string::npos ? name.size() : dot) - tilde - 1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9)
        return {name, 1};
    return {name.substr(0, tilde) + (dot == std::string::npos ? "" : name.substr(dot)),
            static_cast<std::uint32_t>(std::stoul(digits))};
}

}  // namespace

void RunPublisher::reserve_name(const std::string& name) {
    const auto [wanted, n] = split_copy_number(name);
    std::uint32_t& count = names_[name_key(wanted)];
    count = std::max(count, n);
}

std::string RunPublisher::unique_name(const std::string& wanted) {
    const std::uint32_t n = ++names_[name_key(wanted)];
    if (n == 1) return wanted;
    const auto dot = wanted.rfind('.');
    const std::string stem = dot == std::string::npos ? wanted : wanted.substr(0, dot);
    const std::string ext = dot == std::string::npos ? std::string() : wanted.substr(dot);
    return stem + "~" + std::to_string(n) + ext;
}

void RunPublisher::publish(std::vector<StagedFile>& staged, InputReport& report) {
    if (report.status == InputStatus::skipped)
        for (const std::string& name : report.outputs) reserve_name(name);
    for (StagedFile& f : staged) {
        try {
            if (settings_.to_stdout) {
                if (!f.temp.empty()) f.bytes = read_whole(f.temp);
                stream_->write_whole(f.bytes);
                report.outputs.push_back(f.name);
                continue;
            }
            const std::string name = unique_name(f.name);
            if (name != f.name)
                report.warnings.push_back("another document of this run is already named " + f.name + "; this one is " + name);
            std::error_code ec;
            fs::rename(f.temp, settings_.output_dir / name, ec);
            if (ec) throw Error("cannot move output into place as " + name + ": " + ec.message());
            f.temp.clear();
            report.outputs.push_back(name);
        } catch (const std::exception& e) {
            report.status = InputStatus::failed;
            report.error = report.error.empty() ? e.what() : report.error + "; " + e.what();
        }
    }
    ++counts_.inputs;
    counts_.documents += report.documents.size();
    switch (report.status) {
        case InputStatus::ok: ++counts_.ok; break;
        case InputStatus::skipped: ++counts_.skipped; break;
        default: ++counts_.failed;
    }
    if (journal_ && report.status == InputStatus::ok) journal_->record(report);
    if (report_) {
        const std::string line = boost::json::serialize(report_to_json(report)) + "\n";
        std::fwrite(line.data(), 1, line.size(), report_);
        std::fflush(report_);
    }
    if (observer_.on_report) observer_.on_report(report);
}

void RunPublisher::finish(BatchSummary& summary) {
    const double seconds = summary.seconds;
    summary = counts_;
    summary.seconds = seconds;
    if (aggregate_) {
        summary.finish_failures = aggregate_->finish();
        if (dir_store_) summary.run_outputs = dir_store_->take_committed();
    }
    if (report_) {
        const bool ok = std::fclose(report_) == 0;
        report_ = nullptr;
        std::error_code ec;
        if (ok) fs::rename(report_temp_, settings_.report_file, ec);
        if (!ok || ec) summary.finish_failures.push_back("cannot write the report " + settings_.report_file.string());
    }
}

// ---- resume -------------------------------------------------------------------

std::optional<InputReport> resume_skip(const Pipeline& pipeline, const BatchSettings& settings, Journal& journal,
                                       const fs::path& path) {
    const JournalEntry* entry = journal.find(path.string());
    if (!entry || entry->exporters != journal.exporters_stamp()) return std::nullopt;
    for (const std::string& out : entry->outputs) {
        std::error_code ec;
        if (!fs::is_regular_file(settings.output_dir / out, ec)) return std::nullopt;
    }
    try {
        InputFile input = InputFile::open(path, settings.pipeline.max_input_size, settings.pipeline.limits);
        if (input.size() == 0) return std::nullopt;
        std::string why_not;
        const ImporterSlot* slot = pipeline.choose(input, why_not);
        if (!slot || slot->info.name + " " + slot->info.version != entry->importer) return std::nullopt;
        const std::string sha = sha256_hex(input.bytes());
        if (sha != entry->sha256) return std::nullopt;
        InputReport r;
        r.path = path.string();
        r.status = InputStatus::skipped;
        r.importer = slot->info.name;
        r.importer_version = slot->info.version;
        r.sha256 = sha;
        r.documents = entry->documents;
        r.outputs = entry->outputs;
        return r;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// ---- the thread mode ------------------------------------------------------------

namespace {

// A worker thread's view of one input: its per-document exporters write to
// the staging store, its documents go to the sequencer for the aggregates.
class WorkerConsumer final : public DocumentConsumer {
public:
    WorkerConsumer(ExportStage* per_document, Sequencer& seq, bool aggregates)
        : per_document_(per_document), seq_(seq), aggregates_(aggregates) {}
    void start(std::size_t index) { index_ = index; }
    void consume(Document& doc, InputReport& report) override {
        if (per_document_) per_document_->consume(doc, report);
        if (aggregates_) seq_.document(index_, doc);
    }

private:
    ExportStage* per_document_;
    Sequencer& seq_;
    bool aggregates_;
    std::size_t index_ = 0;
};

// Returns the causes of per-document exporters that failed to finish.
std::vector<std::string> run_threads(const Registry& registry, const BatchSettings& settings, InputCursor& inputs,
                                     RunPublisher& publisher, Sequencer& sequencer) {
    const Pipeline pipeline(registry, settings.pipeline);
    const ExportPlan per_document = settings.plan.only_aggregate(false);
    std::mutex cursor_mutex;
    std::size_t next_index = 0;
    bool exhausted = false;
    std::exception_ptr fatal;
    std::vector<std::string> finish_failures;
    std::mutex fatal_mutex;

    auto worker = [&] {
        try {
            StagingStore store(publisher.staging_dir(), settings.to_stdout);
            std::unique_ptr<ExportStage> stage;
            if (!per_document.empty()) stage = std::make_unique<ExportStage>(registry, per_document, store);
            WorkerConsumer consumer(stage.get(), sequencer, publisher.has_aggregates());
            WorkerConsumer aggregate_only(nullptr, sequencer, publisher.has_aggregates());
            for (;;) {
                std::optional<fs::path> path;
                std::size_t index = 0;
                {
                    std::lock_guard lock(cursor_mutex);
                    if (exhausted) break;
                    path = inputs.next();
                    if (!path) {
                        exhausted = true;
                        break;
                    }
                    index = next_index++;
                }
                sequencer.wait_to_start(index);
                std::optional<InputReport> skip;
                if (settings.resume && publisher.journal())
                    skip = resume_skip(pipeline, settings, *publisher.journal(), *path);
                if (skip) {
                    // Its files stand; the aggregate tables still need its documents.
                    if (publisher.has_aggregates()) {
                        aggregate_only.start(index);
                        pipeline.convert(*path, aggregate_only);
                    }
                    sequencer.complete(index, {}, std::move(*skip));
                    continue;
                }
                consumer.start(index);
                InputReport report = pipeline.convert(*path, consumer);
                sequencer.complete(index, store.take(), std::move(report));
            }
            if (stage) {
                std::vector<std::string> failed = stage->finish();
                std::lock_guard lock(fatal_mutex);
                finish_failures.insert(finish_failures.end(), failed.begin(), failed.end());
            }
        } catch (...) {
            std::lock_guard lock(fatal_mutex);
            if (!fatal) fatal = std::current_exception();
            std::lock_guard cursor(cursor_mutex);
            exhausted = true;
        }
    };

    const unsigned jobs = std::max(1u, settings.jobs);
    std::vector<std::thread> threads;
    for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    if (fatal) std::rethrow_exception(fatal);
    return finish_failures;
}

}  // namespace

BatchSummary run_batch(const Registry& registry, const BatchSettings& settings, InputCursor& inputs,
                       const BatchObserver& observer) {
    const auto start = std::chrono::steady_clock::now();
    RunPublisher publisher(registry, settings, observer);
    const std::size_t window = 4 * std::max(1u, settings.jobs) + 4;
    // Threads stream the oldest input's documents straight to the aggregate
    // exporters; processes hold an input's documents until it is done, so a
    // crashed input can be dropped whole.
    Sequencer sequencer(publisher, window, !settings.isolate);
    std::vector<std::string> worker_failures;
    if (settings.isolate)
        run_isolated(registry, settings, inputs, publisher, sequencer);
    else
        worker_failures = run_threads(registry, settings, inputs, publisher, sequencer);
    BatchSummary summary;
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    publisher.finish(summary);
    summary.finish_failures.insert(summary.finish_failures.end(), worker_failures.begin(), worker_failures.end());
    return summary;
}

BatchSummary run_single(const Registry& registry, const BatchSettings& settings, InputFile& input,
                        const BatchObserver& observer) {
    const auto start = std::chrono::steady_clock::now();
    BatchSettings in_process = settings;
    in_process.isolate = false;
    RunPublisher publisher(registry, in_process, observer);
    Sequencer sequencer(publisher, 1, true);
    StagingStore store(publisher.staging_dir(), in_process.to_stdout);
    const ExportPlan per_document = in_process.plan.only_aggregate(false);
    std::unique_ptr<ExportStage> stage;
    if (!per_document.empty()) stage = std::make_unique<ExportStage>(registry, per_document, store);
    WorkerConsumer consumer(stage.get(), sequencer, publisher.has_aggregates());
    consumer.start(0);
    InputReport report = Pipeline(registry, in_process.pipeline).convert(input, consumer);
    sequencer.complete(0, store.take(), std::move(report));
    BatchSummary summary;
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    publisher.finish(summary);
    if (stage)
        for (std::string& f : stage->finish()) summary.finish_failures.push_back(std::move(f));
    return summary;
}

}  // namespace stukwerk::core
