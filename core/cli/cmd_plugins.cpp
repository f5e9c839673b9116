// `stukwerk plugins`: what this installation can read and write.
#include <iostream>

#include <boost/json.hpp>

#include "cli.hpp"

namespace stukwerk::cli {
namespace {

std::string joined(const std::vector<std::string>& v, const char* sep = " ") {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

boost::json::array strings(const std::vector<std::string>& v) {
    boost::json::array a;
    for (const std::string& s : v) a.emplace_back(s);
    return a;
}

void print_json(const core::Registry& registry) {
    boost::json::array out;
    for (const core::ImporterSlot& s : registry.importers()) {
        out.push_back(boost::json::object{{"name", s.info.name},
                                          {"kind", "importer"},
                                          {"version", s.info.version},
                                          {"description", s.info.description},
                                          {"media_types", strings(s.info.media_types)},
                                          {"extensions", strings(s.info.extensions)},
                                          {"library", s.library_path.string()}});
    }
    for (const core::ExporterSlot& s : registry.exporters()) {
        boost::json::array options;
        for (const OptionInfo& o : s.info.options)
            options.push_back(boost::json::object{{"name", o.name}, {"description", o.description}, {"default", o.default_value}});
        out.push_back(boost::json::object{{"name", s.info.name},
                                          {"kind", "exporter"},
                                          {"version", s.info.version},
                                          {"description", s.info.description},
                                          {"media_types", boost::json::array{boost::json::string(s.info.media_type)}},
                                          {"extensions", boost::json::array{boost::json::string(s.info.extension)}},
                                          {"aggregate", s.info.aggregate},
                                          {"options", std::move(options)},
                                          {"library", s.library_path.string()}});
    }
    std::cout << boost::json::serialize(out) << '\n';
}

void print_text(const core::Registry& registry) {
    std::cout << "Importers:\n";
    if (registry.importers().empty()) std::cout << "  (none)\n";
    for (const core::ImporterSlot& s : registry.importers()) {
        std::cout << "  " << s.info.name << "  " << s.info.version << "  " << s.info.description << '\n'
                  << "      formats: " << joined(s.info.media_types, ", ") << "; extensions: " << joined(s.info.extensions)
                  << '\n';
    }
    std::cout << "Exporters:\n";
    if (registry.exporters().empty()) std::cout << "  (none)\n";
    for (const core::ExporterSlot& s : registry.exporters()) {
        std::cout << "  " << s.info.name << "  " << s.info.version << "  " << s.info.description << '\n'
                  << "      format: " << s.info.media_type << " (." << s.info.extension << ", "
                  << (s.info.aggregate ? "one output per run" : "one file per document") << ")\n";
        for (const OptionInfo& o : s.info.options)
            std::cout << "      -O " << s.info.name << "." << o.name
                      << (o.default_value.empty() ? "" : " (default " + o.default_value + ")") << ": " << o.description
                      << '\n';
    }
}

}  // namespace

int cmd_plugins(const std::vector<std::string>& args) {
    po::options_description desc(
        "Usage: stukwerk plugins [--json]\n\n"
        "Lists the importers and exporters found, with their versions and formats.\n\nOptions");
    bool json = false;
    PluginOptions plugins;
    desc.add_options()("help,h", "print this help")("json", po::bool_switch(&json), "print as JSON");
    plugins.add_to(desc);
    const po::variables_map vm = parse(args, desc);
    if (vm.count("help")) {
        std::cout << desc << '\n';
        return exit_ok;
    }
    const core::Registry registry = plugins.load();
    if (json)
        print_json(registry);
    else
        print_text(registry);
    return exit_ok;
}

}  // namespace stukwerk::cli
