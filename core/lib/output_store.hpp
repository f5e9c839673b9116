// The host's two output stores: a folder, where every file is written under
// a temporary name and renamed into place on commit, and a stream (standard
// output), where each file is buffered and written whole on commit. Either
// way a file that fails half-way leaves nothing behind.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <stukwerk/output.hpp>

namespace stukwerk::core {

class DirectoryStore final : public OutputStore {
public:
    explicit DirectoryStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

    std::unique_ptr<OutputFile> create(std::string_view name) override;
    bool is_stream() const override { return false; }

    const std::filesystem::path& dir() const { return dir_; }
    // Names committed since the last call, in commit order.
    std::vector<std::string> take_committed();

private:
    friend class DirectoryFile;
    void committed(std::string name);

    std::filesystem::path dir_;
    std::mutex mutex_;
    std::vector<std::string> committed_;
};

// Shared by every StreamStore writing to the same stream, so that whole
// files from parallel workers never interleave.
class Stream {
public:
    explicit Stream(std::FILE* out) : out_(out) {}
    void write_whole(std::string_view bytes);

private:
    std::FILE* out_;
    std::mutex mutex_;
};

class StreamStore final : public OutputStore {
public:
    explicit StreamStore(Stream& stream) : stream_(stream) {}
    std::unique_ptr<OutputFile> create(std::string_view name) override;
    bool is_stream() const override { return true; }

private:
    Stream& stream_;
};

// True for names a store accepts: a plain file name, no folder part.
bool is_safe_output_name(std::string_view name);

// Removes temporary files a killed run left in `dir`; returns how many.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace stukwerk::core
