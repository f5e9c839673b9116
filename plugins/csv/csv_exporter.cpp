#include "csv_exporter.hpp"

#include "csv_format.hpp"

namespace stukwerk::plugins::csv {

ExporterInfo CsvExporter::describe() {
    ExporterInfo info;
    info.name = "csv";
    info.version = "1.0.0";
    info.description =
        "All documents of a run as RFC 4180 tables: documents.csv, blocks.csv, footnotes.csv, references.csv, "
        "people.csv (columns: README.md, CSV tables)";
    info.extension = "csv";
    info.media_type = "text/csv";
    info.aggregate = true;
    info.options = {{"excel-safe",
                     "for spreadsheets: prefix cells that start with = + - @ (or tab, CR) with an apostrophe so they "
                     "are not run as formulas, and start each file with a UTF-8 byte-order mark",
                     "", OptionKind::flag}};
    return info;
}

void CsvExporter::begin(const ExportContext& context) {
    if (context.output.is_stream())
        throw Error(
            "its five tables (documents.csv, blocks.csv, footnotes.csv, references.csv, people.csv) cannot go to "
            "standard output; give an output folder with -o DIR");
    excel_safe_ = context.options.flag("excel-safe");
    for (std::size_t t = 0; t < table_count; ++t) {
        const TableSpec& spec = tables()[t];
        std::string header = excel_safe_ ? std::string(utf8_bom) : std::string();
        append_record(header, std::vector<std::string>(spec.columns.begin(), spec.columns.end()), false);
        files_[t] = context.output.create(spec.file);
        files_[t]->write(header);
    }
}

void CsvExporter::write(const Document& document) {
    // Every row of the document is encoded before anything is written, so a
    // document that fails half-way adds nothing to any table.
    DocumentRows rows = rows_of(document);
    std::array<std::string, table_count> text;
    for (std::size_t t = 0; t < table_count; ++t)
        for (const Row& row : rows.rows[t]) append_record(text[t], row, excel_safe_);
    for (std::size_t t = 0; t < table_count; ++t)
        if (!text[t].empty()) files_[t]->write(text[t]);
}

void CsvExporter::finish() {
    for (auto& f : files_) {
        if (f) f->commit();
        f.reset();
    }
}

}  // namespace stukwerk::plugins::csv
