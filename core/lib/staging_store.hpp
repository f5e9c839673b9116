// Where the per-document exporters of a batch write. A committed file is
// not put in place at once: it is staged, and the batch's sequencer puts it
// in place (or on standard output) in input order, so that the output of a
// run is the same whatever the number of workers, and two documents with
// one id get distinct names deterministically.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <stukwerk/output.hpp>

namespace stukwerk::core {

struct StagedFile {
    std::string name;                   // the name the exporter asked for
    std::filesystem::path temp;         // its bytes on disk ...
    std::string bytes;                  // ... or in memory (when temp is empty)
};

class StagingStore final : public OutputStore {
public:
    // Files are staged as temporaries in `dir`; with an empty dir they are
    // held in memory. `stream` is what exporters see as is_stream().
    StagingStore(std::filesystem::path dir, bool stream) : dir_(std::move(dir)), stream_(stream) {}
    ~StagingStore() override;

    std::unique_ptr<OutputFile> create(std::string_view name) override;
    bool is_stream() const override { return stream_; }

    // The files committed since the last call, in commit order.
    std::vector<StagedFile> take();

private:
    friend class StagedOutputFile;
    std::filesystem::path dir_;
    bool stream_;
    std::vector<StagedFile> staged_;
};

// Removes the temporaries of staged files that will not be used.
void discard(std::vector<StagedFile>& staged);

}  // namespace stukwerk::core
