// Shared pieces of the `stukwerk` command line: exit codes, the plugin
// options every command accepts, and how a command is run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "registry.hpp"

namespace stukwerk::cli {

namespace po = boost::program_options;

// Exit status of every command.
enum Exit : int {
    exit_ok = 0,     // everything done
    exit_failed = 1, // some inputs failed; each is named on stderr
    exit_usage = 2,  // the command line was wrong
};

// Thrown for command-line mistakes; main() prints it with a hint and exits 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// --plugin-dir, accepted by every command.
struct PluginOptions {
    std::vector<std::string> dirs;
    void add_to(po::options_description& desc);
    // Loads the registry and reports each refused plugin file once on stderr.
    core::Registry load(bool report_diagnostics = true) const;
};

// Parses `args` against `desc` (+ positional), throwing UsageError.
po::variables_map parse(const std::vector<std::string>& args, const po::options_description& desc,
                        const po::positional_options_description* positional = nullptr);

void print_error(const std::string& message);
void print_warning(const std::string& message);

int cmd_plugins(const std::vector<std::string>& args);
int cmd_detect(const std::vector<std::string>& args);
int cmd_convert(const std::vector<std::string>& args);
int cmd_worker(const std::vector<std::string>& args);

// The size syntax of --max-input-size: bytes, or with K, M or G.
std::uint64_t parse_size(const std::string& text);

}  // namespace stukwerk::cli
