#include "jsonl_exporter.hpp"

#include "model_json.hpp"

namespace stukwerk::plugins {

ExporterInfo JsonlExporter::describe() {
    ExporterInfo info;
    info.name = "jsonl";
    info.version = "1.0.0";
    info.description = "All documents of a run as JSON Lines (documents.jsonl, or standard output with -o -)";
    info.extension = "jsonl";
    info.media_type = "application/jsonl";
    info.aggregate = true;
    return info;
}

void JsonlExporter::begin(const ExportContext& context) {
    output_ = &context.output;
    // On a stream every line is committed on its own, so a consumer sees
    // each document as soon as it is done and nothing is held for the run.
    if (!output_->is_stream()) file_ = output_->create("documents.jsonl");
}

void JsonlExporter::write(const Document& document) {
    std::string line = json::to_compact(json::to_json(document));
    line += '\n';
    if (file_) {
        file_->write(line);
    } else {
        auto f = output_->create("documents.jsonl");
        f->write(line);
        f->commit();
    }
}

void JsonlExporter::finish() {
    if (file_) file_->commit();
    file_.reset();
}

}  // namespace stukwerk::plugins
