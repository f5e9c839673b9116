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
    info.options = {{"compact", "write each document on one line instead of indented", "", OptionKind::flag}};
    return info;
}

void JsonExporter::begin(const ExportContext& context) {
    output_ = &context.output;
    compact_ = context.options.flag("compact");
}

void JsonExporter::write(const Document& document) {
    const boost::json::value v = json::to_json(document);
    auto file = output_->create(file_name_for(document.id, "json"));
    if (compact_) {
        file->write(json::to_compact(v) + '\n');
    } else {
        json::write_pretty(v, [&](std::string& text) {
            file->write(text);
            text.clear();
        });
    }
    file->commit();
}

}  // namespace stukwerk::plugins
