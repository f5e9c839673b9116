// The oep-xml importer alone, without the host's passes and exporters: reads
// every file named on the command line into memory, then times (CPU, best of
// three) oep::read_input over all of them into a sink that drops the
// documents. Companion files are not offered. Prints the seconds.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "publication.hpp"

namespace {

class MemorySource final : public stukwerk::Source {
public:
    MemorySource(std::string name, std::string bytes) : name_(std::move(name)), bytes_(std::move(bytes)) {}
    std::string_view bytes() const override { return bytes_; }
    std::string_view file_name() const override { return name_; }
    std::optional<std::string> companion(std::string_view) const override { return std::nullopt; }
    const stukwerk::Limits& limits() const override { return limits_; }
    const stukwerk::Options& options() const override { return options_; }

private:
    std::string name_, bytes_;
    stukwerk::Limits limits_;
    stukwerk::Options options_;
};

class Drop final : public stukwerk::DocumentSink {
public:
    void accept(stukwerk::Document&& doc) override { blocks += doc.body.size(); }
    std::size_t blocks = 0;
};

}  // namespace

int main(int argc, char** argv) {
    std::vector<MemorySource> sources;
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        sources.emplace_back(argv[i], std::move(bytes).str());
    }
    double best = -1;
    std::size_t failed = 0;
    for (int run = 0; run < 3; ++run) {
        Drop sink;
        failed = 0;
        const std::clock_t start = std::clock();
        for (const MemorySource& s : sources) {
            try {
                stukwerk::oep::read_input(s, sink);
            } catch (const std::exception&) {
                ++failed;
            }
        }
        const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
        best = best < 0 ? seconds : std::min(best, seconds);
    }
    std::printf("%.4f\n", best);
    return failed == 0 ? 0 : 1;
}
