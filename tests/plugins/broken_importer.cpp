// "test-broken": a plugin that breaks its promises, for the conformance
// checker's tests. Its metadata lacks a version, and read() dereferences a
// null pointer on any input that starts with '<' (every XML and HTML file).
#include <stukwerk/plugin.hpp>

namespace {

using namespace stukwerk;

class BrokenImporter final : public Importer {
public:
    static ImporterInfo describe() { return {"test-broken", "", "Test-only importer that crashes", {"text/xml"}, {"xml"}}; }

private:
    Identification do_identify(const Probe& probe) const override {
        return {probe.head.empty() ? 0 : 10, "claims anything that is not empty"};
    }

    // UBSan would stop the null store with its own report and exit status;
    // the checker is to meet the plain crash a user's build has.
    __attribute__((no_sanitize("undefined"))) void do_read(const Source& source, DocumentSink& sink) const override {
        if (!source.bytes().empty() && source.bytes().front() == '<') {
            volatile int* nothing = nullptr;
            *nothing = 1;  // the crash the checker must catch
        }
        Document doc;
        doc.id = "broken";
        sink.accept(std::move(doc));
    }
};

}  // namespace

STUKWERK_PLUGIN(BrokenImporter)
