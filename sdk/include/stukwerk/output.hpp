// Where exporters write: an abstract sink, in the manner of pugixml's
// xml_writer, so one exporter serves a folder and standard output alike.
//
// The host's folder store writes each file under a temporary name and
// renames it into place on commit(); a file that is destroyed uncommitted
// is removed. So no half-written file ever carries its final name, whatever
// happens to the exporter or the process.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace stukwerk {

class OutputFile {
public:
    virtual ~OutputFile() = default;  // without commit(): discarded
    virtual void write(std::string_view bytes) = 0;
    virtual void commit() = 0;
};

class OutputStore {
public:
    virtual ~OutputStore() = default;
    // `name` is a plain file name ("kst-33279-36.json"); names with a
    // folder separator, "." or ".." are refused with stukwerk::Error. Use
    // file_name_for() to build names from document ids.
    virtual std::unique_ptr<OutputFile> create(std::string_view name) = 0;
    // True for standard output: every file goes to one stream, in order.
    virtual bool is_stream() const = 0;
};

// A safe file name for a document id: letters, digits, '.', '-' and '_' are
// kept, anything else becomes '_', a leading '.' becomes '_', and the length
// is bounded. An id read from a hostile document ("../../etc/x") can thus
// never name a file outside the output folder.
inline std::string file_name_for(std::string_view id, std::string_view extension) {
    constexpr std::size_t max_stem = 200;
    std::string stem;
    for (char c : id.substr(0, max_stem)) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        stem += safe ? c : '_';
    }
    if (stem.empty()) stem = "document";
    if (stem.front() == '.') stem.front() = '_';
    std::string name = stem;
    if (!extension.empty()) {
        name += '.';
        name += extension;
    }
    return name;
}

}  // namespace stukwerk
