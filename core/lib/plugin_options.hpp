// `-O NAME=VALUE` and `-O PLUGIN.NAME=VALUE`, for importers and exporters
// alike: which plugin each value belongs to, checked against what the plugin
// declares (stukwerk/options.hpp) before anything is converted.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <stukwerk/options.hpp>

#include "registry.hpp"

namespace stukwerk::core {

// The values given to importers, by importer name. Detection picks the
// importer per input, so every importer that declares an option gets it.
class ImportOptions {
public:
    // The values for one importer; empty when none were given.
    const Options& of(const std::string& importer) const;
    void set(const std::string& importer, const std::string& name, const std::string& value);
    // "pdf-text{ocr=force}" for every importer with values; "" when none.
    // Part of the run's stamp: a resumed run redoes inputs when it changes.
    std::string stamp() const;
    const std::map<std::string, Options>& all() const { return values_; }

private:
    std::map<std::string, Options> values_;
};

// Why `value` does not fit the option's declared kind, or "" when it does.
std::string option_value_problem(const OptionInfo& option, std::string_view value);

// The values of every -O argument, per chosen exporter (in the order of
// `exporters`) and per importer. Throws stukwerk::Error naming an option no
// chosen exporter and no importer declares, or a value of the wrong kind.
struct AssignedOptions {
    std::vector<Options> exporters;
    ImportOptions importers;
};
AssignedOptions assign_options(const Registry& registry, const std::vector<const ExporterSlot*>& exporters,
                               const std::vector<std::string>& option_args);

}  // namespace stukwerk::core
