#include "input_source.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <system_error>

#include <stukwerk/error.hpp>

namespace stukwerk::core {
namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_metadata_name(const std::string& name) {
    return name == "metadata.xml" || name == "metadata_owms.xml" || ends_with(name, ".metadata.xml") ||
           ends_with(name, ".metadata_owms.xml");
}

bool matches(const std::string& pattern, const std::string& relative) {
    const bool whole_path = pattern.find('/') != std::string::npos;
    const std::string subject = whole_path ? relative : fs::path(relative).filename().string();
    return ::fnmatch(pattern.c_str(), subject.c_str(), whole_path ? FNM_PATHNAME : 0) == 0;
}

std::optional<std::string> read_line(std::FILE* f) {
    std::string line;
    int c;
    bool any = false;
    while ((c = std::fgetc(f)) != EOF) {
        any = true;
        if (c == '\n') break;
        line += static_cast<char>(c);
    }
    if (!any) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

bool is_companion(const std::string& name, const std::vector<std::string>& folder_names) {
    if (!is_metadata_name(name)) return false;
    if (name == "metadata.xml" || name == "metadata_owms.xml") {
        return std::any_of(folder_names.begin(), folder_names.end(), [](const std::string& other) {
            if (is_metadata_name(other)) return false;
            const std::string ext = fs::path(other).extension().string();
            return ext == ".xml" || ext == ".html" || ext == ".htm" || ext == ".pdf";
        });
    }
    const std::string stem = name.substr(0, name.find(".metadata"));
    return std::any_of(folder_names.begin(), folder_names.end(), [&](const std::string& other) {
        return other != name && !is_metadata_name(other) && other.size() > stem.size() &&
               other.compare(0, stem.size() + 1, stem + ".") == 0;
    });
}

bool selected(const std::string& relative, const std::vector<std::string>& include,
              const std::vector<std::string>& exclude) {
    if (!include.empty() &&
        std::none_of(include.begin(), include.end(), [&](const std::string& p) { return matches(p, relative); }))
        return false;
    return std::none_of(exclude.begin(), exclude.end(), [&](const std::string& p) { return matches(p, relative); });
}

// A depth-first walk that holds one sorted listing per open folder.
struct InputCursor::Walk {
    struct Frame {
        fs::path dir;
        std::string relative;  // of dir, "" for the root
        std::vector<std::string> files;
        std::vector<std::string> names;  // files and folders, sorted
        std::vector<bool> is_dir;
        std::size_t next = 0;
    };
    std::vector<Frame> stack;

    explicit Walk(const fs::path& root) { open(root, ""); }

    void open(const fs::path& dir, std::string relative) {
        Frame f;
        f.dir = dir;
        f.relative = std::move(relative);
        std::vector<std::pair<std::string, bool>> entries;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            if (name.empty() || name.front() == '.') continue;  // hidden files, our own temporaries
            std::error_code type_ec;
            // Folder symlinks are not followed: they can make cycles.
            if (it->is_directory(type_ec) && !it->is_symlink(type_ec))
                entries.emplace_back(std::move(name), true);
            else if (it->is_regular_file(type_ec))
                entries.emplace_back(std::move(name), false);
        }
        if (ec) throw Error("cannot list folder " + dir.string() + ": " + ec.message());
        std::sort(entries.begin(), entries.end());
        for (auto& [name, is_dir] : entries) {
            if (!is_dir) f.files.push_back(name);
            f.names.push_back(std::move(name));
            f.is_dir.push_back(is_dir);
        }
        stack.push_back(std::move(f));
    }

    std::optional<fs::path> next(const InputSelection& sel) {
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (f.next >= f.names.size()) {
                stack.pop_back();
                continue;
            }
            const std::size_t i = f.next++;
            const std::string& name = f.names[i];
            const std::string relative = f.relative.empty() ? name : f.relative + "/" + name;
            if (f.is_dir[i]) {
                const fs::path dir = f.dir / name;
                open(dir, relative);  // invalidates f
                continue;
            }
            if (is_companion(name, f.files)) continue;
            if (!selected(relative, sel.include, sel.exclude)) continue;
            return f.dir / name;
        }
        return std::nullopt;
    }
};

InputCursor::InputCursor(InputSelection selection, std::FILE* list_stream)
    : selection_(std::move(selection)), list_stream_(list_stream) {
    if (selection_.files_from.empty()) return;
    if (selection_.files_from == "-") {
        list_ = list_stream_;
    } else {
        list_ = std::fopen(selection_.files_from.c_str(), "r");
        if (!list_) throw Error("cannot read the list of inputs " + selection_.files_from);
        owns_list_ = true;
    }
}

InputCursor::~InputCursor() {
    if (owns_list_) std::fclose(list_);
}

std::optional<fs::path> InputCursor::next() {
    for (;;) {
        if (walk_) {
            if (auto p = walk_->next(selection_)) return p;
            walk_.reset();
        }
        // Command-line arguments first, then the list.
        std::string item;
        if (arg_ < selection_.args.size()) {
            item = selection_.args[arg_++];
        } else if (list_) {
            std::optional<std::string> line = read_line(list_);
            if (!line) {
                if (owns_list_) std::fclose(list_);
                owns_list_ = false;
                list_ = nullptr;
                continue;
            }
            if (line->find_first_not_of(" \t") == std::string::npos) continue;
            item = std::move(*line);
        } else {
            return std::nullopt;
        }
        std::error_code ec;
        if (fs::is_directory(item, ec)) {
            walk_ = std::make_unique<Walk>(item);
            continue;
        }
        // A file (or something that is not there: the pipeline reports it).
        return fs::path(item);
    }
}

std::optional<std::size_t> count_inputs(const InputSelection& selection) {
    if (selection.files_from == "-") return std::nullopt;
    InputCursor cursor(selection);
    std::size_t n = 0;
    while (cursor.next()) ++n;
    return n;
}

}  // namespace stukwerk::core
