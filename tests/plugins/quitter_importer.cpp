// "test-quitter": ends the whole process with status 0 from inside read(),
// for the conformance checker's tests. A plugin that exits instead of
// crashing leaves no signal behind; the checker must still see that read()
// never answered.
#include <cstdlib>

#include <stukwerk/plugin.hpp>

namespace {

using namespace stukwerk;

class QuitterImporter final : public Importer {
public:
    static ImporterInfo describe() { return {"test-quitter", "1.0", "Test-only importer that exits", {"text/x-quitter"}, {"quit"}}; }

private:
    Identification do_identify(const Probe&) const override { return {0, "claims nothing"}; }

    void do_read(const Source&, DocumentSink&) const override { std::_Exit(0); }
};

}  // namespace

STUKWERK_PLUGIN(QuitterImporter)
