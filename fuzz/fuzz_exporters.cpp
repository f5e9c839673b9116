// Fuzzes the exporters: the input is read as a stukwerk JSON document (the
// form any importer's output takes), and every document that parses goes
// through every exporter of the build, to memory.
#include <cstdint>
#include <cstdio>

#include "fuzz_registry.hpp"
#include "model_json.hpp"

namespace {

// Accepts whatever exporters write and keeps none of it.
class NullStore final : public stukwerk::OutputStore {
    class File final : public stukwerk::OutputFile {
    public:
        void write(std::string_view bytes) override { size_ += bytes.size(); }
        void commit() override {}

    private:
        std::size_t size_ = 0;
    };

public:
    std::unique_ptr<stukwerk::OutputFile> create(std::string_view name) override {
        if (name.empty() || name.find('/') != std::string_view::npos || name == "." || name == "..") {
            std::fprintf(stderr, "fuzz: an exporter asked for an unsafe output name\n");
            std::abort();
        }
        return std::make_unique<File>();
    }
    bool is_stream() const override { return false; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    stukwerk::Document doc;
    try {
        doc = stukwerk::json::parse_document(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const stukwerk::Error&) {
        return 0;
    }
    for (const stukwerk::core::ExporterSlot& slot : stukwerk::fuzz::plugins().exporters()) {
        NullStore store;
        const stukwerk::Options options;
        auto exporter = stukwerk::fuzz::plugins().create_exporter(slot);
        try {
            exporter->begin(stukwerk::ExportContext{store, options});
            exporter->write(doc);
            exporter->finish();
        } catch (const stukwerk::Error&) {
            // A refusal is an answer; only crashes and sanitizer reports are findings.
        }
    }
    return 0;
}
