#include "input_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <stukwerk/error.hpp>

namespace stukwerk::core {
namespace fs = std::filesystem;

namespace {

std::string human_size(std::uint64_t bytes) {
    if (bytes >= (1ull << 30) && bytes % (1ull << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
    if (bytes >= (1ull << 20)) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

// A plain file name: no folder part, not "." or "..".
bool is_plain_name(std::string_view name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos &&
           name.find('\0') == std::string_view::npos;
}

}  // namespace

InputFile InputFile::open(const fs::path& path, std::uint64_t max_size, Limits limits) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        throw Error(std::string("cannot read: ") + std::strerror(err));
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw Error("is a folder, not a file");
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error("is not a regular file");
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_size) {
        ::close(fd);
        throw Error("is " + human_size(size) + ", larger than the limit of " + human_size(max_size) +
                    " (raise it with --max-input-size)");
    }
    InputFile in;
    in.path_ = path;
    in.file_name_ = path.filename().string();
    in.max_size_ = max_size;
    in.limits_ = limits;
    in.on_disk_ = true;
    if (size > 0) {
        void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            throw Error(std::string("cannot map into memory: ") + std::strerror(err));
        }
        ::madvise(p, size, MADV_SEQUENTIAL);
        in.data_ = static_cast<const char*>(p);
        in.size_ = size;
        in.mapped_ = true;
    }
    ::close(fd);
    return in;
}

InputFile InputFile::from_memory(std::string display_name, std::string bytes, Limits limits) {
    InputFile in;
    in.path_ = display_name;
    in.file_name_ = std::move(display_name);
    in.owned_ = std::move(bytes);
    in.data_ = in.owned_.data();
    in.size_ = in.owned_.size();
    in.limits_ = limits;
    return in;
}

InputFile::InputFile(InputFile&& o) noexcept
    : path_(std::move(o.path_)),
      file_name_(std::move(o.file_name_)),
      data_(o.data_),
      size_(o.size_),
      mapped_(o.mapped_),
      owned_(std::move(o.owned_)),
      max_size_(o.max_size_),
      on_disk_(o.on_disk_),
      limits_(o.limits_),
      options_(std::move(o.options_)) {
    if (!mapped_) data_ = owned_.data();
    o.data_ = nullptr;
    o.size_ = 0;
    o.mapped_ = false;
}

InputFile::~InputFile() {
    if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

std::optional<std::string> InputFile::companion(std::string_view name) const {
    if (!on_disk_) return std::nullopt;  // standard input has no folder
    if (!is_plain_name(name) || name == file_name_) return std::nullopt;
    const fs::path p = path_.parent_path() / fs::path(std::string(name));
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    const auto size = fs::file_size(p, ec);
    if (ec || size > max_size_) return std::nullopt;
    std::ifstream f(p, std::ios::binary);
    if (!f) return std::nullopt;
    std::ostringstream ss;
    ss << f.rdbuf();
    return std::move(ss).str();
}

Probe InputFile::probe() const {
    return Probe{bytes().substr(0, Probe::head_size), file_name_, size_};
}

}  // namespace stukwerk::core
