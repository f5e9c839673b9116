// RFC 4180 records: fields separated by commas, records ended by CRLF, a
// field quoted when it holds a comma, a quote, CR or LF, quotes inside
// doubled. Nothing else is changed unless the caller asks for excel-safe
// cells (see guard_formula).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stukwerk::plugins::csv {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// Spreadsheets run a cell that starts with '=', '+', '-' or '@' as a
// formula (and some also after a leading tab or CR), so a hostile value can
// run commands when a CSV file is opened. Such a value gets a leading
// apostrophe, which spreadsheets show as "text" and do not display.
std::string guard_formula(std::string_view value);

// Appends one field, quoted only when RFC 4180 requires it.
void append_field(std::string& out, std::string_view value);

// Appends one record (fields and the closing CRLF).
void append_record(std::string& out, const std::vector<std::string>& fields, bool excel_safe);

}  // namespace stukwerk::plugins::csv
