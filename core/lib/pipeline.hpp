// The journey of one input: open -> detect -> import -> shared passes ->
// hand each document on. Every failure on the way becomes the input's
// status and one message naming the cause; nothing here throws.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "input_file.hpp"
#include "plugin_options.hpp"
#include "registry.hpp"

namespace stukwerk::core {

enum class InputStatus { ok, failed, skipped, timeout, crashed };
const char* to_string(InputStatus s);

// What happened to one input; one line of the batch report.
struct InputReport {
    std::string path;
    InputStatus status = InputStatus::ok;
    std::string error;  // the cause, for failed/timeout/crashed
    std::string importer;
    std::string importer_version;
    std::string sha256;
    std::vector<std::string> documents;  // ids produced
    std::vector<std::string> outputs;    // files written, relative to the output folder
    std::vector<std::string> warnings;   // about the run, not the documents (renamed outputs, ...)
    double seconds = 0;
};

// Takes each document after the shared passes. A failure is recorded in the
// report (status failed, cause in error) rather than thrown.
class DocumentConsumer {
public:
    virtual ~DocumentConsumer() = default;
    virtual void consume(Document& doc, InputReport& report) = 0;
};

struct PipelineSettings {
    std::string forced_importer;                // -f NAME; empty: detect
    std::uint64_t max_input_size = 2ull << 30;  // bytes
    Limits limits;
    ImportOptions importer_options;             // -O IMPORTER.NAME=VALUE
};

class Pipeline {
public:
    Pipeline(const Registry& registry, PipelineSettings settings);

    InputReport convert(const std::filesystem::path& path, DocumentConsumer& consumer) const;
    InputReport convert(InputFile& input, DocumentConsumer& consumer) const;

    // The importer detection would choose, or the reason there is none.
    const ImporterSlot* choose(const InputFile& input, std::string& why_not) const;

private:
    const Registry& registry_;
    PipelineSettings settings_;
    const ImporterSlot* forced_ = nullptr;
};

}  // namespace stukwerk::core
