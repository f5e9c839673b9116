// `json`: one pretty-printed <id>.json per document, in the canonical form
// described by sdk/schema/document.schema.json.
#pragma once

#include <stukwerk/exporter.hpp>

namespace stukwerk::plugins {

class JsonExporter final : public Exporter {
public:
    static ExporterInfo describe();
    void begin(const ExportContext& context) override;
    void write(const Document& document) override;
    void finish() override {}

private:
    OutputStore* output_ = nullptr;
    bool compact_ = false;
};

}  // namespace stukwerk::plugins
