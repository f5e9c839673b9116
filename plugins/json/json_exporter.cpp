#include "json_exporter.hpp"

#include "model_json.hpp"

namespace stukwerk::plugins {

ExporterInfo JsonExporter::describe() {
    ExporterInfo info;
    info.name = "json";
    info.version = "1.0.0";
    info.description = "The document model as JSON, one file per document (schema: document.schema.json)";
    info.extension = "json";
    info.media_type = "application/json";
    info.aggregate = false;
    info.options = {{"compact", "write each document on one line instead of indented", ""}};
    return info;
}

void JsonExporter::begin(const ExportContext& context) {
    output_ = &context.output;
    compact_ = context.options.flag("compact");
}

void JsonExporter::write(const Document& document) {
    const boost::json::value v = json::to_json(document);
    std::string text = compact_ ? json::to_compact(v) : json::to_pretty(v);
    text += '\n';
    auto file = output_->create(file_name_for(document.id, "json"));
    file->write(text);
    file->commit();
}

}  // namespace stukwerk::plugins
