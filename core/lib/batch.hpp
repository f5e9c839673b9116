// A run over many inputs: each goes through the pipeline, its documents to
// the exporters; every input gets a report, whatever happens to the others.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "export_stage.hpp"
#include "pipeline.hpp"

namespace stukwerk::core {

struct BatchSettings {
    PipelineSettings pipeline;
    ExportPlan plan;
    std::filesystem::path output_dir;  // ignored when to_stdout
    bool to_stdout = false;
};

struct BatchSummary {
    std::size_t inputs = 0;
    std::size_t ok = 0;
    std::size_t failed = 0;  // failed, timeout or crashed
    std::size_t documents = 0;
    std::vector<std::string> finish_failures;  // exporters that could not complete the run
    bool all_ok() const { return failed == 0 && finish_failures.empty(); }
};

using ReportCallback = std::function<void(const InputReport&)>;

// Converts `inputs` in order. Throws stukwerk::Error only when the run
// cannot start (an output folder that cannot be made, an exporter that
// cannot begin); a failing input never stops it.
BatchSummary run_batch(const Registry& registry, const BatchSettings& settings,
                       const std::vector<std::filesystem::path>& inputs, const ReportCallback& on_report);

}  // namespace stukwerk::core
