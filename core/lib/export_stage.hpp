// The exporters of a run, fed one document at a time. A document an
// exporter refuses is recorded against its input; the other exporters and
// the other documents go on.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline.hpp"
#include "plugin_options.hpp"
#include "registry.hpp"

namespace stukwerk::core {

// Which exporters, with which options.
struct ExportPlan {
    std::vector<const ExporterSlot*> exporters;
    std::vector<Options> options;  // one per exporter

    // Whether exporter i writes one output for the run: declared so, or
    // switched so by its aggregate_when option.
    bool is_aggregate(std::size_t i) const;
    // The part of the plan whose exporters are (or are not) aggregate.
    ExportPlan only_aggregate(bool aggregate) const;
    bool empty() const { return exporters.empty(); }
    // "json 1.0.0 {compact=}; ..." — what made a run's outputs, for resume.
    std::string stamp() const;
};

// What a run converts with: the exporters with their options, and the
// options given to importers.
struct ConversionPlan {
    ExportPlan exports;
    ImportOptions imports;
};

// Parses "-t json,csv" and "-O name=value" / "-O plugin.name=value" into a
// plan; throws stukwerk::Error naming the unknown format or option, or a
// value that does not fit its option.
ConversionPlan make_conversion_plan(const Registry& registry, const std::string& formats,
                                    const std::vector<std::string>& option_args);

class ExportStage final : public DocumentConsumer {
public:
    // Creates and begins every exporter of the plan. Throws stukwerk::Error
    // when one cannot begin (for example, a format that needs a folder was
    // asked to write to standard output).
    ExportStage(const Registry& registry, const ExportPlan& plan, OutputStore& store);
    // Exporters not finished (a run cut short) are dropped without finish():
    // their uncommitted files are discarded, never left half-written.
    ~ExportStage() override = default;

    void consume(Document& doc, InputReport& report) override;
    // Writes one document to every exporter; returns the causes of refusals ("" if none).
    std::string write(const Document& doc);
    // Finishes every exporter; returns the causes of those that failed.
    std::vector<std::string> finish();

private:
    struct Active {
        const ExporterSlot* slot;
        PluginPtr<Exporter> exporter;
        Options options;
    };
    OutputStore& store_;
    std::vector<Active> active_;
    bool finished_ = false;
};

}  // namespace stukwerk::core
