#include "batch.hpp"

#include <system_error>

namespace stukwerk::core {
namespace fs = std::filesystem;

BatchSummary run_batch(const Registry& registry, const BatchSettings& settings, const std::vector<fs::path>& inputs,
                       const ReportCallback& on_report) {
    std::unique_ptr<Stream> stream;
    std::unique_ptr<OutputStore> store;
    if (settings.to_stdout) {
        stream = std::make_unique<Stream>(stdout);
        store = std::make_unique<StreamStore>(*stream);
    } else {
        std::error_code ec;
        fs::create_directories(settings.output_dir, ec);
        if (ec || !fs::is_directory(settings.output_dir))
            throw Error("cannot create output folder " + settings.output_dir.string() + ": " +
                        (ec ? ec.message() : "not a folder"));
        store = std::make_unique<DirectoryStore>(settings.output_dir);
    }

    ExportStage stage(registry, settings.plan, *store);
    const Pipeline pipeline(registry, settings.pipeline);
    BatchSummary summary;
    for (const fs::path& input : inputs) {
        InputReport report = pipeline.convert(input, stage);
        ++summary.inputs;
        summary.documents += report.documents.size();
        if (report.status == InputStatus::ok) ++summary.ok;
        else if (report.status != InputStatus::skipped) ++summary.failed;
        on_report(report);
    }
    summary.finish_failures = stage.finish();
    return summary;
}

}  // namespace stukwerk::core
