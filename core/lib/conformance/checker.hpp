// `stukwerk plugins --check PATH`: does a plugin keep the promises a
// production batch relies on? Each check passes or fails on its own, with
// the reason; a plugin that crashes or hangs inside a check fails that
// check (the work runs in a child process) instead of taking the checker
// down.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "registry.hpp"

namespace stukwerk::core {

struct CheckResult {
    std::string name;    // "abi", "metadata", "identify-corpus", ...
    bool passed = false;
    std::string detail;
};

struct CheckSettings {
    std::filesystem::path plugin;  // the .so file to check
    std::filesystem::path corpus;  // real documents to identify, read and export
    const Registry* others = nullptr;  // the installed plugins, to compare claims and import the corpus
    double timeout_seconds = 20;   // per input for read(), per exporter run for export
};

std::vector<CheckResult> check_plugin(const CheckSettings& settings);

// Where the conformance corpus is: the installed copy beside the
// executable, else the source tree's tests/data/corpus.
std::filesystem::path default_conformance_corpus();

}  // namespace stukwerk::core
