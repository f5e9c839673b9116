// The progress line of a long run: done/total, rate, time left and
// failures so far, redrawn in place on a terminal at most a few times a
// second. Nothing at all when standard error is not a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

namespace stukwerk::core {

class Progress {
public:
    Progress(bool enabled, std::optional<std::size_t> total);
    ~Progress();
    void update(std::size_t done, std::size_t failed);
    void clear();

private:
    bool enabled_;
    std::optional<std::size_t> total_;
    std::chrono::steady_clock::time_point start_, last_;
    bool drawn_ = false;
};

}  // namespace stukwerk::core
