// Runs the stukwerk CLI under a real observer: strace records every file
// the process tree opens, creates or renames and every connect(), and the
// run happens in a fresh working folder so that anything written beside
// the output folder shows. "Never reads outside its input, never writes
// outside the output folder, never reaches the network" is then a fact
// read from the kernel's side, not an assumption.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace stukwerk::test::hostile {

struct Observed {
    ProcessResult result;
    std::vector<std::string> connects;  // every connect() call, as strace printed it
    std::vector<fs::path> opened;       // every path an open named, whatever the mode or the outcome
    std::vector<fs::path> written;      // paths opened for writing, created, made, renamed or linked to
    std::string trace;                  // strace's whole log, for failure messages
};

// Runs `stukwerk ARGS...` with `work` as its working folder, under
// `strace -f`. Throws when strace is missing (Debian package strace).
Observed run_observed(const fs::path& work, const std::vector<std::string>& args);
// The same for any program (the observer's own test).
Observed observe(const fs::path& work, const std::vector<std::string>& argv);

// Every path under `dir`, relative, sorted ("out", "out/x.json").
std::vector<std::string> tree(const fs::path& dir);

// The facts every hostile run must show, as gtest failures naming `what`:
// no connect(), no open of /etc/passwd, nothing written outside `allowed`
// (folders, or files and their temporaries) but /dev/null and terminals.
void expect_contained(const Observed& o, const std::vector<fs::path>& allowed, const std::string& what);

// The lines of `err` that start with "stukwerk: error: <path>: ".
std::vector<std::string> errors_for(const std::string& err, const fs::path& path);

}  // namespace stukwerk::test::hostile
