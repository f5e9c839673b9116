// The five tables of the csv exporter and how one document fills them. The
// column lists here are the contract documented in docs/csv-columns.md; a
// change here is a change there.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <stukwerk/document.hpp>

namespace stukwerk::plugins::csv {

enum class Table : std::size_t { documents, blocks, footnotes, references, people };
inline constexpr std::size_t table_count = 5;

struct TableSpec {
    std::string_view file;  // "documents.csv"
    std::vector<std::string_view> columns;
};

const std::array<TableSpec, table_count>& tables();

// Joins the values of a list field (dossier numbers, subjects) in one cell.
inline constexpr std::string_view list_separator = " | ";

using Row = std::vector<std::string>;

// Every row one document adds, per table, in the tables' order.
struct DocumentRows {
    std::array<std::vector<Row>, table_count> rows;
    std::vector<Row>& operator[](Table t) { return rows[static_cast<std::size_t>(t)]; }
};

DocumentRows rows_of(const Document& doc);

}  // namespace stukwerk::plugins::csv
