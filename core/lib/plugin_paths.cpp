#include "plugin_paths.hpp"

#include <cstdlib>
#include <system_error>

#include "config.hpp"

namespace stukwerk::core {
namespace fs = std::filesystem;

namespace {

void add_unique(std::vector<fs::path>& out, const fs::path& dir) {
    if (dir.empty()) return;
    std::error_code ec;
    fs::path key = fs::weakly_canonical(dir, ec);
    if (ec) key = dir.lexically_normal();
    for (const fs::path& p : out) {
        std::error_code ec2;
        fs::path other = fs::weakly_canonical(p, ec2);
        if ((ec2 ? p.lexically_normal() : other) == key) return;
    }
    out.push_back(dir);
}

fs::path this_executable() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe;
}

}  // namespace

std::vector<fs::path> plugin_search_path(const std::vector<fs::path>& command_line_dirs, std::string_view env_value,
                                         const fs::path& executable) {
    std::vector<fs::path> out;
    for (const fs::path& d : command_line_dirs) add_unique(out, d);

    std::size_t start = 0;
    while (start <= env_value.size()) {
        std::size_t colon = env_value.find(':', start);
        if (colon == std::string_view::npos) colon = env_value.size();
        add_unique(out, fs::path(env_value.substr(start, colon - start)));
        start = colon + 1;
    }

    if (!executable.empty()) {
        const fs::path bin = executable.parent_path();
        std::error_code ec;
        const fs::path build_tree = bin.parent_path() / "plugins";
        if (fs::is_directory(build_tree, ec)) add_unique(out, build_tree);
        add_unique(out, bin.parent_path() / config::install_plugin_dir_relative);
    }
    add_unique(out, fs::path(config::install_plugin_dir_absolute));
    return out;
}

std::vector<fs::path> plugin_search_path(const std::vector<fs::path>& command_line_dirs) {
    const char* env = std::getenv("STUKWERK_PLUGIN_PATH");
    return plugin_search_path(command_line_dirs, env ? env : "", this_executable());
}

}  // namespace stukwerk::core
