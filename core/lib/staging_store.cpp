#include "staging_store.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include <stukwerk/error.hpp>

#include "output_store.hpp"

namespace stukwerk::core {
namespace fs = std::filesystem;

class StagedOutputFile final : public OutputFile {
public:
    StagedOutputFile(StagingStore& store, std::string name) : store_(store), name_(std::move(name)) {
        if (store_.dir_.empty()) return;
        static std::atomic<unsigned long> counter{0};
        temp_ = store_.dir_ / ("." + name_ + "." + std::to_string(::getpid()) + "." + std::to_string(counter++) +
                               ".stukwerk-tmp");
        file_ = std::fopen(temp_.c_str(), "wbx");
        if (!file_) throw Error("cannot create output " + temp_.string() + ": " + std::strerror(errno));
    }

    ~StagedOutputFile() override {
        if (file_) std::fclose(file_);
        if (!committed_ && !temp_.empty()) {
            std::error_code ec;
            fs::remove(temp_, ec);
        }
    }

    void write(std::string_view bytes) override {
        if (committed_) throw Error("output " + name_ + " is already committed");
        if (!file_) {
            bytes_.append(bytes);
        } else if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
            throw Error("cannot write output " + name_ + ": " + std::strerror(errno));
        }
    }

    void commit() override {
        if (committed_) throw Error("output " + name_ + " is already committed");
        if (file_) {
            std::FILE* f = std::exchange(file_, nullptr);
            if (std::fclose(f) != 0) throw Error("cannot write output " + name_ + ": " + std::strerror(errno));
        }
        committed_ = true;
        store_.staged_.push_back(StagedFile{name_, temp_, std::move(bytes_)});
    }

private:
    StagingStore& store_;
    std::string name_;
    fs::path temp_;
    std::FILE* file_ = nullptr;
    std::string bytes_;
    bool committed_ = false;
};

StagingStore::~StagingStore() { discard(staged_); }

std::unique_ptr<OutputFile> StagingStore::create(std::string_view name) {
    if (!is_safe_output_name(name)) throw Error("refusing output name '" + std::string(name) + "': not a plain file name");
    return std::make_unique<StagedOutputFile>(*this, std::string(name));
}

std::vector<StagedFile> StagingStore::take() { return std::exchange(staged_, {}); }

void discard(std::vector<StagedFile>& staged) {
    for (const StagedFile& f : staged) {
        if (f.temp.empty()) continue;
        std::error_code ec;
        fs::remove(f.temp, ec);
    }
    staged.clear();
}

}  // namespace stukwerk::core
