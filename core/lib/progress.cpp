#include "progress.hpp"

#include <cstdio>

namespace stukwerk::core {

Progress::Progress(bool enabled, std::optional<std::size_t> total)
    : enabled_(enabled), total_(total), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { clear(); }

void Progress::update(std::size_t done, std::size_t failed) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = total_ && done == *total_;
    if (drawn_ && !last && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
    char line[160];
    int n = 0;
    if (total_)
        n = std::snprintf(line, sizeof line, "stukwerk: %zu/%zu inputs, %.0f/s", done, *total_, rate);
    else
        n = std::snprintf(line, sizeof line, "stukwerk: %zu inputs, %.0f/s", done, rate);
    if (total_ && rate > 0 && done < *total_) {
        const auto left = static_cast<long long>(static_cast<double>(*total_ - done) / rate);
        n += std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", ETA %lld:%02lld", left / 60, left % 60);
    }
    if (failed) std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", %zu failed", failed);
    std::fprintf(stderr, "\r\x1b[K%s", line);
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::clear() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\x1b[K");
    std::fflush(stderr);
    drawn_ = false;
}

}  // namespace stukwerk::core
