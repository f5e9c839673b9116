// Where plugins are looked for, in order of precedence:
//   1. each --plugin-dir given on the command line;
//   2. each folder in STUKWERK_PLUGIN_PATH (colon-separated);
//   3. the build tree: plugins/ beside the executable's bin/ folder, so a
//      fresh build works with no install and no environment;
//   4. the installed location, <prefix>/lib/stukwerk/plugins, found
//      relative to the executable so an installed tree can be moved.
// A folder listed twice is searched once.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

namespace stukwerk::core {

std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::filesystem::path>& command_line_dirs,
                                                      std::string_view env_value,
                                                      const std::filesystem::path& executable);

// The same, reading STUKWERK_PLUGIN_PATH and this process's executable.
std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::filesystem::path>& command_line_dirs);

}  // namespace stukwerk::core
