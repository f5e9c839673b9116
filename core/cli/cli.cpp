#include "cli.hpp"

#include <iostream>

#include "plugin_paths.hpp"

namespace stukwerk::cli {

void PluginOptions::add_to(po::options_description& desc) {
    desc.add_options()("plugin-dir", po::value(&dirs)->composing(),
                       "look for plugins in DIR first (repeatable); then STUKWERK_PLUGIN_PATH, the build tree, "
                       "and the installed plugins");
}

core::Registry PluginOptions::load(bool report_diagnostics) const {
    std::vector<std::filesystem::path> cli_dirs(dirs.begin(), dirs.end());
    core::Registry registry;
    registry.load_directories(core::plugin_search_path(cli_dirs));
    if (report_diagnostics) {
        for (const core::PluginDiagnostic& d : registry.diagnostics()) {
            if (d.kind == core::PluginDiagnostic::Kind::skipped)
                print_warning("skipping plugin " + d.path.string() + ": " + d.message);
            else
                print_warning("plugin " + d.path.string() + ": " + d.message);
        }
    }
    return registry;
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& desc,
                        const po::positional_options_description* positional) {
    po::variables_map vm;
    try {
        po::command_line_parser parser(args);
        parser.options(desc);
        if (positional) parser.positional(*positional);
        po::store(parser.run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    return vm;
}

void print_error(const std::string& message) { std::cerr << "stukwerk: error: " << message << '\n'; }
void print_warning(const std::string& message) { std::cerr << "stukwerk: warning: " << message << '\n'; }

}  // namespace stukwerk::cli
