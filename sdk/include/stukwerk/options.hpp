// Plugin options: what a plugin declares it accepts, and the values a run
// gives it (`-O NAME=VALUE`, or `-O PLUGIN.NAME=VALUE` for one plugin).
//
// Importers and exporters declare options the same way. The host checks
// every value against its declaration before any conversion starts, so a
// plugin never sees a value of the wrong kind ("-O json.compact=maybe" is a
// usage error, not a silently ignored flag).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace stukwerk {

enum class OptionKind : std::uint8_t {
    text,    // any value
    flag,    // on when given bare or as 1/true/yes/on; off as 0/false/no/off
    choice,  // one of OptionInfo::choices
    number,  // a non-negative decimal integer
};

struct OptionInfo {
    std::string name;           // "excel-safe"
    std::string description;
    std::string default_value;  // "" for flags that are off by default
    OptionKind kind = OptionKind::text;
    std::vector<std::string> choices{};  // the accepted values of a choice
};

// The values given for one plugin, without the "plugin." prefix.
class Options {
public:
    Options() = default;
    explicit Options(std::map<std::string, std::string> values) : values_(std::move(values)) {}

    bool has(std::string_view name) const { return values_.find(std::string(name)) != values_.end(); }

    std::string get(std::string_view name, std::string_view fallback = {}) const {
        auto it = values_.find(std::string(name));
        return it == values_.end() ? std::string(fallback) : it->second;
    }

    // A flag is on when given without a value or with 1/true/yes/on.
    bool flag(std::string_view name) const {
        auto it = values_.find(std::string(name));
        if (it == values_.end()) return false;
        const std::string& v = it->second;
        return v.empty() || v == "1" || v == "true" || v == "yes" || v == "on";
    }

    const std::map<std::string, std::string>& all() const { return values_; }

private:
    std::map<std::string, std::string> values_;
};

}  // namespace stukwerk
