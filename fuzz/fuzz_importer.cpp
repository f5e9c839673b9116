// Fuzzes one importer: identify() on the head, read() on the whole input,
// then the host's shared passes and the JSON round trip on every document
// it yields. The importer is chosen with STUKWERK_FUZZ_IMPORTER=<name>.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_registry.hpp"
#include "input_file.hpp"
#include "model_json.hpp"
#include "passes/shared_passes.hpp"

namespace {

const stukwerk::core::ImporterSlot* importer = nullptr;

class Check final : public stukwerk::DocumentSink {
public:
    explicit Check(const stukwerk::ImporterInfo& info) { facts_.importer = &info; }
    void accept(stukwerk::Document&& doc) override {
        stukwerk::core::run_shared_passes(doc, facts_, record_++);
        // What the host writes it must read back the same.
        const stukwerk::Document back = stukwerk::json::from_json(stukwerk::json::to_json(doc));
        if (!(back == doc)) {
            std::fprintf(stderr, "fuzz: the JSON round trip changed document '%s'\n", doc.id.c_str());
            std::abort();
        }
    }

private:
    stukwerk::core::InputFacts facts_;
    std::uint32_t record_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* name = std::getenv("STUKWERK_FUZZ_IMPORTER");
    if (!name) {
        std::fprintf(stderr, "fuzz: set STUKWERK_FUZZ_IMPORTER to an importer name\n");
        std::exit(2);
    }
    importer = stukwerk::fuzz::plugins().find_importer(name);
    if (!importer) {
        std::fprintf(stderr, "fuzz: no importer named %s\n", name);
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    auto input = stukwerk::core::InputFile::from_memory("fuzz.input", std::move(bytes));
    importer->importer->identify(input.probe());
    Check check(importer->info);
    importer->importer->read(input, check);
    return 0;
}
