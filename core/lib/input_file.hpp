// One input as the importers see it: its bytes (memory-mapped, so a large
// file costs address space rather than a copy), its name, and read access
// to the companion files beside it and to nothing else.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <stukwerk/importer.hpp>

namespace stukwerk::core {

class InputFile final : public Source {
public:
    // Opens and maps `path`. Throws stukwerk::Error with the cause ("no such
    // file", "is a directory", "larger than the limit of ...").
    static InputFile open(const std::filesystem::path& path, std::uint64_t max_size, Limits limits = {});
    // An input that is already in memory (standard input); no companions.
    static InputFile from_memory(std::string display_name, std::string bytes, Limits limits = {});

    InputFile(InputFile&& other) noexcept;
    InputFile& operator=(InputFile&&) = delete;
    InputFile(const InputFile&) = delete;
    ~InputFile() override;

    std::string_view bytes() const override { return {data_, size_}; }
    std::string_view file_name() const override { return file_name_; }
    std::optional<std::string> companion(std::string_view name) const override;
    const Limits& limits() const override { return limits_; }
    const Options& options() const override { return options_; }
    // The chosen importer's option values, set once the importer is known.
    void set_options(Options options) { options_ = std::move(options); }

    const std::filesystem::path& path() const { return path_; }
    std::uint64_t size() const { return size_; }
    Probe probe() const;

private:
    InputFile() = default;

    std::filesystem::path path_;
    std::string file_name_;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
    std::string owned_;  // for from_memory
    std::uint64_t max_size_ = 0;
    bool on_disk_ = false;
    Limits limits_;
    Options options_;
};

}  // namespace stukwerk::core
