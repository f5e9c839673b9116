// stukwerk: official documents to structured data.
//
//   stukwerk --version
//   stukwerk plugins [--json] [--check PATH]
//   stukwerk detect FILE...
//   stukwerk convert INPUT... -t FORMAT[,FORMAT...] -o DIR|-
#include <iostream>
#include <string>
#include <vector>

#include <stukwerk/abi.hpp>

#include "cli.hpp"
#include "config.hpp"

namespace {

constexpr const char* usage =
    "Usage: stukwerk COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Turns official documents (Kamerstukken as HTML, XML and PDF; Tweede Kamer\n"
    "open data) into structured data (JSON, CSV, RDF) through plugins.\n"
    "\n"
    "Commands:\n"
    "  convert INPUT... -t FORMAT -o DIR|-   convert documents\n"
    "  detect FILE...                        show which importer would read each file, and why\n"
    "  plugins [--json]                      list the importers and exporters found\n"
    "\n"
    "Options:\n"
    "  --version                             print the version and exit\n"
    "  -h, --help                            print this help; `stukwerk COMMAND --help` for a command\n"
    "\n"
    "Exit status: 0 all inputs converted, 1 some failed (each named on stderr), 2 usage error.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace stukwerk::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << usage;
        return exit_usage;
    }
    const std::string command = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
        if (command == "--version" || command == "version") {
            std::cout << "stukwerk " << stukwerk::core::config::version << " (plugin ABI " << STUKWERK_ABI_VERSION
                      << ", " << STUKWERK_TOOLCHAIN << ", " << stukwerk::compiler_name << ")\n";
            return exit_ok;
        }
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << usage;
            return exit_ok;
        }
        if (command == "plugins") return cmd_plugins(rest);
        if (command == "detect") return cmd_detect(rest);
        if (command == "convert") return cmd_convert(rest);
        if (command == "__worker") return cmd_worker(rest);
        throw UsageError("unknown command '" + command + "'");
    } catch (const UsageError& e) {
        print_error(e.what());
        const bool known = command == "plugins" || command == "detect" || command == "convert";
        std::cerr << "Try `stukwerk " << (known ? command + " --help" : std::string("--help")) << "`.\n";
        return exit_usage;
    } catch (const std::exception& e) {
        print_error(e.what());
        return exit_failed;
    }
}
