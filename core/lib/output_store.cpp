#include "output_store.hpp"

#include <unistd.h>

#include <atomic>
#include <utility>
#include <cerrno>
#include <cstring>

#include <stukwerk/error.hpp>

namespace stukwerk::core {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view temp_suffix = ".stukwerk-tmp";

std::string temp_name_for(std::string_view name) {
    static std::atomic<unsigned long> counter{0};
    return "." + std::string(name) + "." + std::to_string(::getpid()) + "." + std::to_string(counter++) +
           std::string(temp_suffix);
}

}  // namespace

bool is_safe_output_name(std::string_view name) {
    if (name.empty() || name == "." || name == ".." || name.size() > 220) return false;
    for (char c : name)
        if (c == '/' || c == '\\' || c == '\0' || static_cast<unsigned char>(c) < 0x20) return false;
    return true;
}

class DirectoryFile final : public OutputFile {
public:
    DirectoryFile(DirectoryStore& store, std::string name)
        : store_(store), name_(std::move(name)), temp_(store.dir() / temp_name_for(name_)) {
        file_ = std::fopen(temp_.c_str(), "wbx");
        if (!file_) throw Error("cannot create output " + (store.dir() / name_).string() + ": " + std::strerror(errno));
    }

    ~DirectoryFile() override {
        if (file_) std::fclose(file_);
        if (!committed_) {
            std::error_code ec;
            fs::remove(temp_, ec);
        }
    }

    void write(std::string_view bytes) override {
        if (!file_) throw Error("output " + name_ + " is already closed");
        if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
            throw Error("cannot write output " + name_ + ": " + std::strerror(errno));
    }

    void commit() override {
        if (!file_) throw Error("output " + name_ + " is already closed");
        std::FILE* f = file_;
        file_ = nullptr;
        if (std::fclose(f) != 0) throw Error("cannot write output " + name_ + ": " + std::strerror(errno));
        std::error_code ec;
        fs::rename(temp_, store_.dir() / name_, ec);
        if (ec) throw Error("cannot move output into place as " + name_ + ": " + ec.message());
        committed_ = true;
        store_.committed(name_);
    }

private:
    DirectoryStore& store_;
    std::string name_;
    fs::path temp_;
    std::FILE* file_ = nullptr;
    bool committed_ = false;
};

std::unique_ptr<OutputFile> DirectoryStore::create(std::string_view name) {
    if (!is_safe_output_name(name)) throw Error("refusing output name '" + std::string(name) + "': not a plain file name");
    return std::make_unique<DirectoryFile>(*this, std::string(name));
}

void DirectoryStore::committed(std::string name) {
    std::lock_guard lock(mutex_);
    committed_.push_back(std::move(name));
}

std::vector<std::string> DirectoryStore::take_committed() {
    std::lock_guard lock(mutex_);
    return std::exchange(committed_, {});
}

void Stream::write_whole(std::string_view bytes) {
    std::lock_guard lock(mutex_);
    if (std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size() || std::fflush(out_) != 0)
        throw Error(std::string("cannot write to standard output: ") + std::strerror(errno));
}

namespace {

class StreamFile final : public OutputFile {
public:
    explicit StreamFile(Stream& stream) : stream_(stream) {}
    void write(std::string_view bytes) override { buffer_.append(bytes); }
    void commit() override {
        stream_.write_whole(buffer_);
        buffer_.clear();
    }

private:
    Stream& stream_;
    std::string buffer_;
};

}  // namespace

std::unique_ptr<OutputFile> StreamStore::create(std::string_view name) {
    if (!is_safe_output_name(name)) throw Error("refusing output name '" + std::string(name) + "': not a plain file name");
    return std::make_unique<StreamFile>(stream_);
}

std::size_t remove_stale_temporaries(const fs::path& dir) {
    std::size_t removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() > temp_suffix.size() && name.front() == '.' &&
            name.compare(name.size() - temp_suffix.size(), temp_suffix.size(), temp_suffix) == 0) {
            std::error_code rm;
            if (fs::remove(it->path(), rm)) ++removed;
        }
    }
    return removed;
}

}  // namespace stukwerk::core
