// The exporters of a run, fed one document at a time. A document an
// exporter refuses is recorded against its input; the other exporters and
// the other documents go on.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "output_store.hpp"
#include "pipeline.hpp"
#include "registry.hpp"

namespace stukwerk::core {

// Which exporters, with which options, writing where.
struct ExportPlan {
    std::vector<const ExporterSlot*> exporters;
    std::vector<Options> options;  // one per exporter
};

// Parses "-t json,csv" and "-O name=value" / "-O exporter.name=value" into
// a plan; throws stukwerk::Error naming the unknown format or option.
ExportPlan make_export_plan(const Registry& registry, const std::string& formats,
                            const std::vector<std::string>& option_args);

class ExportStage final : public DocumentConsumer {
public:
    // Creates and begins every exporter of the plan. Throws stukwerk::Error
    // when one cannot begin (for example, a format that needs a folder was
    // asked to write to standard output).
    ExportStage(const Registry& registry, const ExportPlan& plan, OutputStore& store);
    ~ExportStage() override;

    void consume(Document& doc, InputReport& report) override;
    // Finishes every exporter; returns the causes of those that failed.
    std::vector<std::string> finish();
    // Outputs committed during finish() (aggregate tables).
    std::vector<std::string> take_outputs();

private:
    struct Active {
        const ExporterSlot* slot;
        PluginPtr<Exporter> exporter;
        Options options;
    };
    OutputStore& store_;
    DirectoryStore* dir_store_;  // null for streams
    std::vector<Active> active_;
    bool finished_ = false;
};

}  // namespace stukwerk::core
