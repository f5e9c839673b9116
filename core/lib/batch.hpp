// A run over many inputs. Each input goes through the pipeline on one of
// N workers (threads, or with `isolate` child processes that may crash or
// hang without taking the run down); the sequencer puts the results back in
// input order; every input gets a report, whatever happens to the others.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "export_stage.hpp"
#include "input_file.hpp"
#include "input_source.hpp"
#include "pipeline.hpp"

namespace stukwerk::core {

struct BatchSettings {
    PipelineSettings pipeline;
    ExportPlan plan;
    std::filesystem::path output_dir;  // ignored when to_stdout
    bool to_stdout = false;
    unsigned jobs = 1;
    bool isolate = false;
    double timeout_seconds = 0;        // with isolate; 0 = none
    bool resume = false;
    std::filesystem::path report_file; // JSON Lines, one per input; empty = none
    // With isolate: the arguments a worker process needs to rebuild the same
    // registry, importer choice and plan (`stukwerk __worker ...`).
    std::vector<std::string> worker_args;
};

struct BatchSummary {
    std::size_t inputs = 0;
    std::size_t ok = 0;
    std::size_t skipped = 0;
    std::size_t failed = 0;  // failed, timeout or crashed
    std::size_t documents = 0;
    double seconds = 0;
    std::vector<std::string> run_outputs;      // aggregate files, in the output folder
    std::vector<std::string> finish_failures;  // exporters that could not complete the run
    bool all_ok() const { return failed == 0 && finish_failures.empty(); }
};

struct BatchObserver {
    std::function<void(const InputReport&)> on_report;  // in input order
};

// Converts every input the cursor yields. Throws stukwerk::Error only when
// the run cannot start (an output folder that cannot be made, an exporter
// that cannot begin); a failing input never stops it.
BatchSummary run_batch(const Registry& registry, const BatchSettings& settings, InputCursor& inputs,
                       const BatchObserver& observer);

// Converts one input held in memory (a document on standard input).
BatchSummary run_single(const Registry& registry, const BatchSettings& settings, InputFile& input,
                        const BatchObserver& observer);

// The loop of a worker process (`stukwerk __worker`): reads requests on
// `in`, converts, and answers on `out`. Returns when `in` closes.
int run_worker(const Registry& registry, const BatchSettings& settings, const std::filesystem::path& staging,
               std::FILE* in, std::FILE* out);

}  // namespace stukwerk::core
