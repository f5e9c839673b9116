// `csv`: every document of a run as five RFC 4180 tables (documents.csv,
// blocks.csv, footnotes.csv, references.csv, people.csv) in UTF-8, rows in
// input order. Aggregate: one object per run; the tables are committed in
// finish(), so a run cut short leaves none behind.
#pragma once

#include <array>
#include <memory>

#include <stukwerk/exporter.hpp>

#include "csv_tables.hpp"

namespace stukwerk::plugins::csv {

class CsvExporter final : public Exporter {
public:
    static ExporterInfo describe();
    void begin(const ExportContext& context) override;
    void write(const Document& document) override;
    void finish() override;

private:
    bool excel_safe_ = false;
    std::array<std::unique_ptr<OutputFile>, table_count> files_;
};

}  // namespace stukwerk::plugins::csv
