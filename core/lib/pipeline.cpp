#include "pipeline.hpp"

#include <chrono>

#include <stukwerk/sniff.hpp>

#include "detector.hpp"
#include "passes/shared_passes.hpp"
#include "sha256.hpp"

namespace stukwerk::core {

const char* to_string(InputStatus s) {
    switch (s) {
        case InputStatus::ok: return "ok";
        case InputStatus::failed: return "failed";
        case InputStatus::skipped: return "skipped";
        case InputStatus::timeout: return "timeout";
        case InputStatus::crashed: return "crashed";
    }
    return "failed";
}

namespace {

void fail(InputReport& r, std::string cause) {
    r.status = InputStatus::failed;
    if (r.error.empty()) r.error = std::move(cause);
}

class PassingSink final : public DocumentSink {
public:
    PassingSink(const InputFacts& facts, DocumentConsumer& consumer, InputReport& report)
        : facts_(facts), consumer_(consumer), report_(report) {}

    void accept(Document&& doc) override {
        run_shared_passes(doc, facts_, record_++);
        report_.documents.push_back(doc.id);
        consumer_.consume(doc, report_);
    }

    std::uint32_t count() const { return record_; }

private:
    const InputFacts& facts_;
    DocumentConsumer& consumer_;
    InputReport& report_;
    std::uint32_t record_ = 0;
};

}  // namespace

Pipeline::Pipeline(const Registry& registry, PipelineSettings settings)
    : registry_(registry), settings_(std::move(settings)) {
    if (!settings_.forced_importer.empty()) forced_ = registry_.find_importer(settings_.forced_importer);
}

const ImporterSlot* Pipeline::choose(const InputFile& input, std::string& why_not) const {
    if (!settings_.forced_importer.empty()) {
        if (!forced_) why_not = "no importer named '" + settings_.forced_importer + "'";
        return forced_;
    }
    const Probe probe = input.probe();
    const std::vector<Candidate> ranked = rank_importers(registry_, probe);
    if (!ranked.empty()) return ranked.front().importer;
    if (registry_.importers().empty())
        why_not = "no importer plugins are loaded (see `stukwerk plugins`)";
    else if (sniff::looks_binary(probe.head))
        why_not = "not a recognised format: the file holds binary data";
    else
        why_not = "not a recognised format: no importer claims it (try `stukwerk detect`, or force one with -f)";
    return nullptr;
}

InputReport Pipeline::convert(const std::filesystem::path& path, DocumentConsumer& consumer) const {
    const auto start = std::chrono::steady_clock::now();
    InputReport report;
    report.path = path.string();
    try {
        InputFile input = InputFile::open(path, settings_.max_input_size, settings_.limits);
        report = convert(input, consumer);
    } catch (const std::exception& e) {
        fail(report, e.what());
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

InputReport Pipeline::convert(InputFile& input, DocumentConsumer& consumer) const {
    const auto start = std::chrono::steady_clock::now();
    InputReport report;
    report.path = input.path().string();
    auto finish = [&]() -> InputReport {
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return std::move(report);
    };
    if (input.size() == 0) {
        fail(report, "the file is empty");
        return finish();
    }
    std::string why_not;
    const ImporterSlot* slot = choose(input, why_not);
    if (!slot) {
        fail(report, why_not);
        return finish();
    }
    report.importer = slot->info.name;
    report.importer_version = slot->info.version;
    report.sha256 = sha256_hex(input.bytes());

    InputFacts facts;
    facts.path = report.path;
    facts.file_stem = input.path().stem().string();
    facts.sha256 = report.sha256;
    facts.size = input.size();
    facts.importer = &slot->info;

    PassingSink sink(facts, consumer, report);
    input.set_options(settings_.importer_options.of(slot->info.name));
    const ReadResult result = slot->importer->read(input, sink);
    if (!result.ok) {
        fail(report, slot->info.name + ": " + result.error);
    } else if (sink.count() == 0) {
        fail(report, slot->info.name + ": the input holds no document");
    }
    return finish();
}

}  // namespace stukwerk::core
