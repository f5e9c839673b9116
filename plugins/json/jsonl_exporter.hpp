// `jsonl`: every document of a run as one line of compact JSON, to
// documents.jsonl in the output folder or straight to standard output, so
// stukwerk can run as a stage of a streaming pipeline.
#pragma once

#include <memory>

#include <stukwerk/exporter.hpp>

namespace stukwerk::plugins {

class JsonlExporter final : public Exporter {
public:
    static ExporterInfo describe();
    void begin(const ExportContext& context) override;
    void write(const Document& document) override;
    void finish() override;

private:
    OutputStore* output_ = nullptr;
    std::unique_ptr<OutputFile> file_;  // the run's file; null when streaming
};

}  // namespace stukwerk::plugins
