// Where a batch's inputs come from: files and folders named on the command
// line (folders walked recursively, in sorted order, with include/exclude
// patterns), a list of paths in a file or on standard input. Inputs are
// produced one at a time, so a collection of any size is never held whole.
//
// Inputs that belong together are handled together: in a walked folder,
// "X.metadata.xml" and "X.metadata_owms.xml" beside another file "X.*",
// and a bare "metadata.xml" or "metadata_owms.xml" beside a publication,
// are companions (read by the importer through Source::companion), not
// inputs of their own. Files named explicitly are always inputs.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stukwerk::core {

struct InputSelection {
    std::vector<std::string> args;         // files and folders from the command line
    std::string files_from;                // a file of paths, one per line; "-" for standard input
    std::vector<std::string> include;      // glob patterns; empty: every file
    std::vector<std::string> exclude;      // glob patterns
};

// True for file names that are companions of a publication in `folder_names`.
bool is_companion(const std::string& name, const std::vector<std::string>& folder_names);

// Whether `relative` (a path relative to the walked folder) passes the
// patterns: a pattern without '/' matches the file name, one with '/' the
// relative path (glob syntax of fnmatch).
bool selected(const std::string& relative, const std::vector<std::string>& include,
              const std::vector<std::string>& exclude);

class InputCursor {
public:
    // `list_stream` is read for files_from == "-" (standard input).
    explicit InputCursor(InputSelection selection, std::FILE* list_stream = stdin);
    ~InputCursor();
    InputCursor(const InputCursor&) = delete;
    InputCursor& operator=(const InputCursor&) = delete;

    // The next input, or nothing at the end.
    std::optional<std::filesystem::path> next();

private:
    struct Walk;
    bool next_arg();

    InputSelection selection_;
    std::FILE* list_stream_;
    std::FILE* list_ = nullptr;
    bool owns_list_ = false;
    std::size_t arg_ = 0;
    std::unique_ptr<Walk> walk_;
};

// How many inputs a selection holds (a walk without conversion), for the
// progress line; nothing when the list comes from standard input.
std::optional<std::size_t> count_inputs(const InputSelection& selection);

}  // namespace stukwerk::core
