// One of two plugins that both provide an importer named "test-dup".
#include <stukwerk/plugin.hpp>

namespace {

class DuplicateImporter final : public stukwerk::Importer {
public:
    static stukwerk::ImporterInfo describe() {
        return {"test-dup", "0.1.0", "duplicate b", {"text/plain"}, {"dup"}};
    }

private:
    stukwerk::Identification do_identify(const stukwerk::Probe&) const override { return {0, {}}; }
    void do_read(const stukwerk::Source&, stukwerk::DocumentSink&) const override {}
};

}  // namespace

STUKWERK_PLUGIN(DuplicateImporter)
