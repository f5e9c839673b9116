// The record a run keeps in its output folder so that `--resume` can tell
// which inputs are already done: for each input converted without error,
// the sha256 of its bytes, the importer and exporters (with versions and
// options) that made its outputs, and the outputs. An input is skipped on
// resume only when all of that still holds; anything else is redone.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline.hpp"

namespace stukwerk::core {

struct JournalEntry {
    std::string sha256;
    std::string importer;          // "name version"
    std::string exporters;         // the per-document exporters' stamp
    std::vector<std::string> documents;
    std::vector<std::string> outputs;
};

class Journal {
public:
    static constexpr const char* file_name = ".stukwerk-journal.jsonl";

    // Opens the journal of `dir`: with `resume`, keeps and reads what is
    // there; otherwise starts it afresh.
    Journal(const std::filesystem::path& dir, bool resume, std::string exporters_stamp);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    const JournalEntry* find(const std::string& path) const;
    const std::string& exporters_stamp() const { return exporters_; }
    // Appends a converted input (status ok) and flushes, so a killed run
    // loses at most the input in flight.
    void record(const InputReport& report);

private:
    std::FILE* file_ = nullptr;
    std::string exporters_;
    std::unordered_map<std::string, JournalEntry> entries_;
};

}  // namespace stukwerk::core
