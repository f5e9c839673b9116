// Helpers shared by every test: where things are, the plugins of this build
// tree, running a file through the real pipeline, running the CLI, and
// checking output with independent tools.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <stukwerk/document.hpp>

#include "pipeline.hpp"
#include "registry.hpp"

namespace stukwerk::test {

namespace fs = std::filesystem;

fs::path source_dir();        // the repository
fs::path data_dir();          // tests/data
fs::path corpus_dir();        // tests/data/corpus (copies of ../shared/corpus)
fs::path plugin_build_dir();  // the plugins this build made
fs::path test_plugin_dir(const std::string& name);  // tests/plugins/<name> of this build
fs::path cli_path();          // the stukwerk executable of this build
std::string python();         // Debian's python3, which has jsonschema, rdflib

// A fresh, empty folder under the build tree, removed at exit.
fs::path temp_dir(const std::string& name);

std::string read_file(const fs::path& p);
void write_file(const fs::path& p, std::string_view bytes);

// The registry of this build's real plugins, loaded once.
const core::Registry& plugins();

// Runs one file through the same pipeline `stukwerk convert` uses (detection
// or a forced importer, then the shared passes) and keeps the documents.
struct Imported {
    core::InputReport report;
    std::vector<Document> documents;
    bool ok() const { return report.status == core::InputStatus::ok; }
};
Imported import_file(const fs::path& path, const std::string& importer = {});
Imported import_bytes(const std::string& name, std::string bytes, const std::string& importer = {});

// The one document of a file; fails the test when there is not exactly one.
Document import_one(const fs::path& path, const std::string& importer = {});

// Blocks anywhere in the tree that satisfy `pred`, in reading order.
std::vector<const Block*> find_blocks(const Document& doc, const std::function<bool(const Block&)>& pred);
std::vector<const Block*> blocks_of_type(const Document& doc, BlockType type);
// Whitespace collapsed to single spaces, trimmed.
std::string normalise_space(std::string_view s);

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
// Runs a program with arguments (no shell), capturing its output.
ProcessResult run(const std::vector<std::string>& argv, const std::string& stdin_data = {});
// Runs the stukwerk CLI of this build.
ProcessResult stukwerk(const std::vector<std::string>& args, const std::string& stdin_data = {});

// While one lives, the processes a test starts die of the signal a crash
// raises, as in a user's build. Under AddressSanitizer a SIGSEGV is caught
// and reported, and the process then ends with SIGABRT or status 1; the
// tests that crash a plugin on purpose assert the signal itself.
class RealCrashSignals {
public:
    RealCrashSignals();
    ~RealCrashSignals();
    RealCrashSignals(const RealCrashSignals&) = delete;
    RealCrashSignals& operator=(const RealCrashSignals&) = delete;

private:
    bool had_ = false;
    std::string saved_;
};

// Validates JSON files (or JSON Lines files, one document a line) against
// sdk/schema/document.schema.json with python3-jsonschema. Returns "" when
// all are valid, else the validator's report.
std::string schema_errors(const std::vector<fs::path>& files);

}  // namespace stukwerk::test
