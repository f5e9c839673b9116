// "test-text": a tiny text format for the host's own tests.
//
//   STUKWERK-TEST
//   id: doc-1
//   title: A title
//   date: 2022-12-22
//   <blank line>
//   # A heading
//   A paragraph, with a footnote marker[^1].
//   [^1]: The footnote.
//   !fail            (the importer throws here)
//   ---              (next document)
#include <cctype>
#include <stukwerk/plugin.hpp>
#include <stukwerk/sniff.hpp>

namespace {

using namespace stukwerk;

std::vector<std::string_view> lines_of(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        const auto nl = s.find('\n');
        out.push_back(s.substr(0, nl));
        if (nl == std::string_view::npos) break;
        s.remove_prefix(nl + 1);
    }
    return out;
}

class TextImporter final : public Importer {
public:
    static ImporterInfo describe() {
        return {"test-text", "0.1.0", "Test-only text format", {"text/x-stukwerk-test"}, {"testdoc"},
                {{"title-prefix", "put this before every title", "", OptionKind::text},
                 {"shout", "titles in capitals", "", OptionKind::flag}}};
    }

private:
    Identification do_identify(const Probe& probe) const override {
        if (probe.head.substr(0, 13) == "STUKWERK-TEST") return {90, "starts with STUKWERK-TEST"};
        return {0, {}};
    }

    void do_read(const Source& source, DocumentSink& sink) const override {
        std::string_view bytes = source.bytes();
        if (bytes.substr(0, 13) != "STUKWERK-TEST") throw Error("missing STUKWERK-TEST header");
        Document doc;
        bool header = true;
        auto flush = [&] {
            sink.accept(std::move(doc));
            doc = Document{};
            header = true;
        };
        const auto lines = lines_of(bytes.substr(13));
        for (std::size_t i = 1; i < lines.size(); ++i) {
            std::string_view line = lines[i];
            if (line == "---") {
                flush();
                continue;
            }
            if (line == "!fail") throw Error("marked to fail at line " + std::to_string(i + 1));
            if (header) {
                if (line.empty()) {
                    header = false;
                } else if (line.substr(0, 4) == "id: ") {
                    doc.id = line.substr(4);
                } else if (line.substr(0, 7) == "title: ") {
                    doc.metadata.title = source.options().get("title-prefix") + std::string(line.substr(7));
                    if (source.options().flag("shout"))
                        for (char& c : doc.metadata.title) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                } else if (line.substr(0, 6) == "date: ") {
                    doc.metadata.date = line.substr(6);
                } else {
                    const auto colon = line.find(": ");
                    doc.metadata.raw.push_back(
                        Field{std::string(line.substr(0, colon)),
                              colon == std::string_view::npos ? "" : std::string(line.substr(colon + 2)), {}});
                }
                continue;
            }
            if (line.empty()) continue;
            if (line.substr(0, 2) == "# ") {
                Block h;
                h.type = BlockType::heading;
                h.level = 1;
                h.inlines.push_back(text_run(std::string(line.substr(2))));
                h.source.path = "line " + std::to_string(i + 1);
                doc.body.push_back(std::move(h));
            } else if (line.substr(0, 2) == "[^") {
                const auto close = line.find("]: ");
                Footnote f;
                f.label = std::string(line.substr(2, close - 2));
                f.id = "fn" + f.label;
                f.inlines.push_back(text_run(std::string(line.substr(close + 3))));
                doc.footnotes.push_back(std::move(f));
            } else {
                Block p;
                p.source.path = "line " + std::to_string(i + 1);
                while (!line.empty()) {
                    const auto mark = line.find("[^");
                    if (mark == std::string_view::npos) {
                        p.inlines.push_back(text_run(std::string(line)));
                        break;
                    }
                    if (mark > 0) p.inlines.push_back(text_run(std::string(line.substr(0, mark))));
                    const auto close = line.find(']', mark);
                    const std::string label(line.substr(mark + 2, close - mark - 2));
                    p.inlines.push_back(Inline{InlineKind::note_ref, label, style::superscript, "fn" + label});
                    line.remove_prefix(close + 1);
                }
                doc.body.push_back(std::move(p));
            }
        }
        flush();
    }
};

// Claims *.testdoc by its name alone: a weak, name-only claim that content
// evidence must beat.
class ExtensionImporter final : public Importer {
public:
    static ImporterInfo describe() {
        return {"test-ext", "0.1.0", "Test-only importer that trusts file names", {"text/plain"}, {"testdoc"}};
    }

private:
    Identification do_identify(const Probe& probe) const override {
        if (sniff::extension(probe.file_name) == "testdoc") return {15, "file name ends in .testdoc"};
        return {0, {}};
    }

    void do_read(const Source&, DocumentSink&) const override { throw Error("test-ext reads nothing"); }
};

}  // namespace

STUKWERK_PLUGIN(TextImporter, ExtensionImporter)
