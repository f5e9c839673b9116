// `headed-text`: plain text with a header of "Name: value" lines, the form
// of exported e-mail, notes and many hand-kept archives:
//
//   Title: Europese defensiesamenwerking en specialisatie
//   Id: kst-33279-36
//   Date: 2022-12-22
//   Type: Brief
//   Dossier: 33279 Internationale militaire samenwerking
//   Author: K.H. Ollongren; Minister van Defensie
//
//   # Aanleiding
//   A paragraph, which may run
//   over several lines.
//
//   - a list item
//   1. a numbered item
//
// The header ends at the first blank line. Known names map to the model;
// every other header line is kept in metadata.raw. The body: "#" lines are
// headings, "- "/"* " and "1. " lines list items, other lines paragraphs
// (a blank line ends a paragraph).
#include <cctype>

#include <stukwerk/plugin.hpp>
#include <stukwerk/sniff.hpp>

namespace {

using namespace stukwerk;

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// "Title: x" -> {"title", "x"}; nothing when the line is not a header line.
bool header_line(std::string_view line, std::string& name, std::string& value) {
    const auto colon = line.find(": ");
    if (colon == std::string_view::npos || colon == 0 || colon > 40) return false;
    for (char c : line.substr(0, colon))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    name = sniff::lower(line.substr(0, colon));
    value = std::string(trim(line.substr(colon + 2)));
    return true;
}

// An ordered list label at the start of a line: "1. ", "12) ".
std::size_t ordered_label(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && i < 4 && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    if (i == 0 || i + 1 >= line.size() || (line[i] != '.' && line[i] != ')') || line[i + 1] != ' ') return 0;
    return i + 1;
}

class HeadedTextImporter final : public Importer {
public:
    static ImporterInfo describe() {
        return {"headed-text", "1.0.0", "Plain text with a 'Name: value' header (sample plugin)", {"text/plain"}, {"txt"}};
    }

private:
    Identification do_identify(const Probe& probe) const override {
        if (sniff::looks_binary(probe.head)) return {0, {}};
        // Content: the first line is a header line and a Title header follows.
        std::string_view head = probe.head;
        if (sniff::detect_bom(head) == sniff::Bom::utf8) head.remove_prefix(3);
        std::string name, value;
        const std::string_view first = head.substr(0, head.find('\n'));
        if (header_line(first, name, value)) {
            for (std::string_view rest = head; !rest.empty();) {
                const auto nl = rest.find('\n');
                const std::string_view line = rest.substr(0, nl);
                if (trim(line).empty()) break;
                if (header_line(line, name, value) && name == "title") return {60, "a 'Name: value' header with a Title"};
                if (nl == std::string_view::npos) break;
                rest.remove_prefix(nl + 1);
            }
        }
        if (sniff::extension(probe.file_name) == "txt") return {10, "file name ends in .txt"};
        return {0, {}};
    }

    void do_read(const Source& source, DocumentSink& sink) const override {
        std::string_view text = source.bytes();
        if (sniff::detect_bom(text) == sniff::Bom::utf8) text.remove_prefix(3);
        if (sniff::looks_binary(text.substr(0, 8192))) throw Error("not text: the file holds binary data");
        Document doc;
        doc.metadata.language = "nl";
        bool in_header = true;
        std::string paragraph;
        Block* list = nullptr;
        std::size_t line_no = 0;

        auto end_paragraph = [&] {
            if (!paragraph.empty()) doc.body.push_back(stukwerk::paragraph(std::move(paragraph)));
            paragraph.clear();
        };
        auto located = [&](Block b) {
            b.source.path = "line " + std::to_string(line_no);
            return b;
        };

        while (!text.empty()) {
            ++line_no;
            const auto nl = text.find('\n');
            std::string_view line = text.substr(0, nl);
            text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

            if (in_header) {
                std::string name, value;
                if (trim(line).empty()) {
                    in_header = false;
                } else if (!header_line(line, name, value)) {
                    throw Error("line " + std::to_string(line_no) + ": not a 'Name: value' header line");
                } else {
                    header(doc, name, value, std::string(line.substr(0, line.find(':'))));
                }
                continue;
            }
            const std::string_view t = trim(line);
            if (t.empty()) {
                end_paragraph();
                list = nullptr;
                continue;
            }
            if (t.front() == '#') {
                end_paragraph();
                list = nullptr;
                std::size_t level = 0;
                while (level < t.size() && t[level] == '#') ++level;
                Block h;
                h.type = BlockType::heading;
                h.level = static_cast<int>(std::min<std::size_t>(level, 6)) + 1;  // level 1 is the document title
                h.inlines.push_back(text_run(std::string(trim(t.substr(level)))));
                doc.body.push_back(located(std::move(h)));
                continue;
            }
            const bool bullet = t.size() > 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ';
            const std::size_t ordered = ordered_label(t);
            if (bullet || ordered) {
                end_paragraph();
                if (!list || list->ordered != (ordered > 0)) {
                    Block l;
                    l.type = BlockType::list;
                    l.ordered = ordered > 0;
                    doc.body.push_back(located(std::move(l)));
                    list = &doc.body.back();
                }
                Block item;
                item.type = BlockType::list_item;
                item.label = std::string(bullet ? t.substr(0, 1) : t.substr(0, ordered));
                item.inlines.push_back(text_run(std::string(trim(t.substr(bullet ? 2 : ordered + 1)))));
                list->children.push_back(located(std::move(item)));
                continue;
            }
            list = nullptr;
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += t;
        }
        end_paragraph();
        if (in_header && doc.metadata.title.empty()) throw Error("no header: the file does not start with 'Name: value' lines");
        sink.accept(std::move(doc));
    }

    static void header(Document& doc, const std::string& name, const std::string& value, const std::string& as_written) {
        Metadata& m = doc.metadata;
        if (name == "title") m.title = value;
        else if (name == "id") doc.id = value;
        else if (name == "date") m.date = value;
        else if (name == "type") m.document_type = value;
        else if (name == "language") m.language = value;
        else if (name == "subject") m.subjects.push_back(value);
        else if (name == "dossier") {
            const auto space = value.find(' ');
            m.dossiers.push_back(Dossier{value.substr(0, space), space == std::string::npos ? "" : value.substr(space + 1)});
        } else if (name == "author" || name == "signatory") {
            const auto semi = value.find(';');
            m.people.push_back(Person{std::string(trim(std::string_view(value).substr(0, semi))), name == "author" ? "author" : "signatory",
                                      semi == std::string::npos ? "" : std::string(trim(std::string_view(value).substr(semi + 1))), ""});
        } else {
            m.raw.push_back(Field{as_written, value, {}});
        }
    }
};

}  // namespace

STUKWERK_PLUGIN(HeadedTextImporter)
