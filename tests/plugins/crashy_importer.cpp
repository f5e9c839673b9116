// "test-crashy": misbehaves on purpose, for the isolation and resume tests
// of the batch engine. A file starting with STUKWERK-CRASHY and holding the
// word !segfault, !abort or !hang makes it crash, abort or hang; !slow makes
// it take 150 ms; otherwise (and after !slow) it yields one document named
// after the file, and a second one ("<name>-dup": an id another input may
// also produce) when the file holds !twice.
#include <csignal>
#include <cstdlib>
#include <thread>

#include <stukwerk/plugin.hpp>

namespace {

using namespace stukwerk;

class CrashyImporter final : public Importer {
public:
    static ImporterInfo describe() {
        return {"test-crashy", "0.1.0", "Test-only importer that crashes on request", {"text/x-crashy"}, {"crashy"}};
    }

private:
    Identification do_identify(const Probe& probe) const override {
        if (probe.head.substr(0, 15) == "STUKWERK-CRASHY") return {90, "starts with STUKWERK-CRASHY"};
        return {0, {}};
    }

    void do_read(const Source& source, DocumentSink& sink) const override {
        const std::string_view bytes = source.bytes();
        if (bytes.find("!segfault") != std::string_view::npos) std::raise(SIGSEGV);
        if (bytes.find("!abort") != std::string_view::npos) std::abort();
        if (bytes.find("!hang") != std::string_view::npos)
            for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
        if (bytes.find("!slow") != std::string_view::npos) std::this_thread::sleep_for(std::chrono::milliseconds(150));
        std::string name(source.file_name());
        std::string id = name.substr(0, name.find('.'));
        if (const auto at = bytes.find("id="); at != std::string_view::npos)
            id = std::string(bytes.substr(at + 3, bytes.find_first_of(" \n", at) - at - 3));
        Document doc;
        doc.id = id;
        doc.metadata.title = "crashy " + doc.id;
        doc.body.push_back(paragraph(std::string(bytes.substr(0, 200))));
        sink.accept(std::move(doc));
        if (bytes.find("!twice") != std::string_view::npos) {
            Document second;
            second.id = id + "-dup";
            second.metadata.title = "second of " + id;
            sink.accept(std::move(second));
        }
    }
};

}  // namespace

STUKWERK_PLUGIN(CrashyImporter)
