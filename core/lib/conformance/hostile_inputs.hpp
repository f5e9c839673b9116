// Inputs that break parsers: empty and tiny files, noise, bad encodings,
// entity bombs, external entities, deep nesting, endless lines, broken
// PDFs. Generated in memory, so the conformance checker and the test suite
// share one list without shipping hostile files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace stukwerk::core {

struct HostileInput {
    std::string name;       // a file name whose extension suggests a format ("billion-laughs.xml")
    std::string what;       // what it is, for messages
    std::string bytes;
};

// The fixed set; when `corpus` is given, also each real file of it cut in
// half and, for PDFs, with a broken cross-reference table.
std::vector<HostileInput> hostile_inputs(const std::filesystem::path& corpus = {});

}  // namespace stukwerk::core
