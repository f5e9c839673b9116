#include "plugin_options.hpp"

#include <functional>

#include <stukwerk/error.hpp>

namespace stukwerk::core {

namespace {

const OptionInfo* declared(const std::vector<OptionInfo>& options, const std::string& name) {
    for (const OptionInfo& o : options)
        if (o.name == name) return &o;
    return nullptr;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
}

// One -O argument split into its plugin (if named), option name and value.
struct OptionArg {
    std::string plugin;  // "" applies to every plugin that declares the name
    std::string name;
    std::string value;
};

OptionArg split_arg(const Registry& registry, const std::string& arg) {
    const auto eq = arg.find('=');
    OptionArg a{{}, arg.substr(0, eq), eq == std::string::npos ? std::string() : arg.substr(eq + 1)};
    if (const auto dot = a.name.find('.'); dot != std::string::npos) {
        const std::string plugin = a.name.substr(0, dot);
        if (registry.find_exporter(plugin) || registry.find_importer(plugin)) {
            a.plugin = plugin;
            a.name = a.name.substr(dot + 1);
        }
    }
    return a;
}

// Puts the value in place if `options` declares it; throws on a bad value.
bool take(const std::string& plugin, const std::vector<OptionInfo>& options, const OptionArg& a,
          const std::string& arg, const std::function<void()>& store) {
    if (!a.plugin.empty() && a.plugin != plugin) return false;
    const OptionInfo* info = declared(options, a.name);
    if (!info) return false;
    if (std::string why = option_value_problem(*info, a.value); !why.empty())
        throw Error("option '" + arg + "': " + why);
    store();
    return true;
}

std::string known_options(const Registry& registry, const std::vector<const ExporterSlot*>& exporters) {
    std::vector<std::string> known;
    for (const ExporterSlot* s : exporters)
        for (const OptionInfo& o : s->info.options) known.push_back(s->info.name + "." + o.name);
    for (const ImporterSlot& s : registry.importers())
        for (const OptionInfo& o : s.info.options) known.push_back(s.info.name + "." + o.name);
    return known.empty() ? "none" : join(known, ", ");
}

}  // namespace

const Options& ImportOptions::of(const std::string& importer) const {
    static const Options none;
    auto it = values_.find(importer);
    return it == values_.end() ? none : it->second;
}

void ImportOptions::set(const std::string& importer, const std::string& name, const std::string& value) {
    std::map<std::string, std::string> values = of(importer).all();
    values[name] = value;
    values_[importer] = Options(std::move(values));
}

std::string ImportOptions::stamp() const {
    std::string out;
    for (const auto& [importer, options] : values_) {
        out += importer + "{";
        std::vector<std::string> pairs;
        for (const auto& [k, v] : options.all()) pairs.push_back(k + "=" + v);
        out += join(pairs, ",") + "}";
    }
    return out;
}

std::string option_value_problem(const OptionInfo& option, std::string_view value) {
    switch (option.kind) {
        case OptionKind::text:
            return {};
        case OptionKind::flag:
            for (std::string_view ok : {"", "1", "true", "yes", "on", "0", "false", "no", "off"})
                if (value == ok) return {};
            return "a flag takes no value, or one of 1/true/yes/on or 0/false/no/off";
        case OptionKind::choice:
            for (const std::string& c : option.choices)
                if (value == c) return {};
            return "expected one of " + join(option.choices, ", ");
        case OptionKind::number:
            if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string_view::npos)
                return "expected a whole number (0 or more)";
            return {};
    }
    return "unknown kind of option";
}

AssignedOptions assign_options(const Registry& registry, const std::vector<const ExporterSlot*>& exporters,
                               const std::vector<std::string>& option_args) {
    std::vector<std::map<std::string, std::string>> values(exporters.size());
    AssignedOptions out;
    for (const std::string& arg : option_args) {
        const OptionArg a = split_arg(registry, arg);
        bool used = false;
        for (std::size_t i = 0; i < exporters.size(); ++i) {
            const ExporterInfo& info = exporters[i]->info;
            used |= take(info.name, info.options, a, arg, [&] { values[i][a.name] = a.value; });
        }
        for (const ImporterSlot& s : registry.importers())
            used |= take(s.info.name, s.info.options, a, arg, [&] { out.importers.set(s.info.name, a.name, a.value); });
        if (!used)
            throw Error("option '" + arg + "' is not an option of the chosen formats or of an importer (options: " +
                        known_options(registry, exporters) + ")");
    }
    for (auto& v : values) out.exporters.emplace_back(std::move(v));
    return out;
}

}  // namespace stukwerk::core
