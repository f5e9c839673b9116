#include "csv_format.hpp"

namespace stukwerk::plugins::csv {

std::string guard_formula(std::string_view value) {
    if (!value.empty()) {
        const char c = value.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
            return "'" + std::string(value);
    }
    return std::string(value);
}

void append_field(std::string& out, std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_record(std::string& out, const std::vector<std::string>& fields, bool excel_safe) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        if (excel_safe)
            append_field(out, guard_formula(fields[i]));
        else
            append_field(out, fields[i]);
    }
    out += "\r\n";
}

}  // namespace stukwerk::plugins::csv
