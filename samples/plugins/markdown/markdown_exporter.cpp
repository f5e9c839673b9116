// `markdown`: one <id>.md per document, for people who read and edit text.
// Metadata goes into YAML front matter; headings, lists, tables, quotes and
// speeches become their Markdown forms; footnotes become Markdown footnotes
// ([^1]) with their definitions at the end.
#include <stukwerk/plugin.hpp>

#include "markdown_text.hpp"

namespace {

using namespace stukwerk;

class MarkdownWriter {
public:
    std::string document(const Document& doc) {
        front_matter(doc);
        for (const Block& b : doc.body) block(b, "");
        if (!doc.footnotes.empty()) {
            out_ += "\n";
            for (const Footnote& f : doc.footnotes)
                out_ += "[^" + f.label + "]: " + markdown::render_inlines(f.inlines) + "\n";
        }
        return std::move(out_);
    }

private:
    void front_matter(const Document& doc) {
        const Metadata& m = doc.metadata;
        out_ += "---\n";
        out_ += "id: " + markdown::yaml_string(doc.id) + "\n";
        auto scalar = [&](const char* key, const std::string& value) {
            if (!value.empty()) out_ += std::string(key) + ": " + markdown::yaml_string(value) + "\n";
        };
        scalar("title", m.title);
        scalar("document_type", m.document_type);
        scalar("publication_type", m.publication_type);
        scalar("date", m.date);
        scalar("session_year", m.session_year);
        scalar("chamber", m.chamber);
        scalar("item_number", m.item_number);
        if (!m.dossiers.empty()) {
            out_ += "dossiers:\n";
            for (const Dossier& d : m.dossiers)
                out_ += "  - number: " + markdown::yaml_string(d.number) + "\n    title: " + markdown::yaml_string(d.title) + "\n";
        }
        if (!m.people.empty()) {
            out_ += "people:\n";
            for (const Person& p : m.people) {
                out_ += "  - name: " + markdown::yaml_string(p.name) + "\n    role: " + markdown::yaml_string(p.role) + "\n";
                if (!p.function.empty()) out_ += "    function: " + markdown::yaml_string(p.function) + "\n";
            }
        }
        if (!doc.source.sha256.empty()) {
            out_ += "source:\n  format: " + markdown::yaml_string(doc.source.format) +
                    "\n  sha256: " + markdown::yaml_string(doc.source.sha256) + "\n";
        }
        out_ += "---\n";
    }

    // Writes a block; `indent` prefixes every line (list nesting, quotes).
    void block(const Block& b, const std::string& indent) {
        const std::string text = markdown::render_inlines(b.inlines);
        switch (b.type) {
            case BlockType::section:
                for (const Block& c : b.children) block(c, indent);
                return;
            case BlockType::heading: {
                const int level = b.level < 1 ? 1 : b.level > 6 ? 6 : b.level;
                out_ += "\n" + indent + std::string(static_cast<std::size_t>(level), '#') + " " +
                        (b.label.empty() ? "" : markdown::escape(b.label) + " ") + text + "\n";
                return;
            }
            case BlockType::list: {
                out_ += "\n";
                int n = 1;
                for (const Block& item : b.children) {
                    const std::string marker = b.ordered ? std::to_string(n++) + ". " : "- ";
                    const std::string label =
                        !b.ordered && !item.label.empty() && item.label != "-" && item.label != "•"
                            ? markdown::escape(item.label) + " "
                            : "";
                    out_ += indent + marker + label + markdown::render_inlines(item.inlines) + "\n";
                    for (const Block& c : item.children) block(c, indent + std::string(marker.size(), ' '));
                }
                return;
            }
            case BlockType::table:
                table(b, indent, text);
                return;
            case BlockType::quote:
                for (const Block& c : b.children) block(c, indent + "> ");
                if (!text.empty()) out_ += "\n" + indent + "> " + text + "\n";
                return;
            case BlockType::signature: {
                out_ += "\n";
                bool first = true;
                for (const Block& c : b.children) {
                    out_ += (first ? "" : "  \n") + indent + markdown::render_inlines(c.inlines);
                    first = false;
                }
                out_ += "\n";
                return;
            }
            case BlockType::speaker_turn: {
                std::string who = "**" + markdown::escape(b.speaker.name) + "**";
                std::string about = b.speaker.function;
                if (!b.speaker.party.empty()) about += (about.empty() ? "" : ", ") + b.speaker.party;
                if (!about.empty()) who += " (" + markdown::escape(about) + ")";
                out_ += "\n" + indent + who + ":\n";
                for (const Block& c : b.children) block(c, indent);
                return;
            }
            case BlockType::figure:
                out_ += "\n" + indent + "*[figure" + (text.empty() ? "" : ": " + text) + "]*\n";
                return;
            case BlockType::paragraph:
            case BlockType::list_item:
            case BlockType::table_row:
            case BlockType::table_cell:
                out_ += "\n" + indent + text + "\n";
                for (const Block& c : b.children) block(c, indent);
                return;
        }
    }

    static std::string cell_text(const Block& cell) {
        std::string t = markdown::render_inlines(cell.inlines);
        for (const Block& c : cell.children) {
            if (!t.empty()) t += ' ';
            t += markdown::render_inlines(c.inlines);
        }
        for (std::string::size_type p; (p = t.find("  \n")) != std::string::npos;) t.replace(p, 3, "<br>");
        return t;
    }

    // A GitHub-flavoured pipe table. Markdown has no spans: a cell spanning
    // columns is followed by empty cells, so columns stay aligned.
    void table(const Block& t, const std::string& indent, const std::string& caption) {
        std::vector<std::vector<std::string>> rows;
        std::size_t width = 0;
        for (const Block& row : t.children) {
            std::vector<std::string> cells;
            for (const Block& cell : row.children) {
                cells.push_back(cell_text(cell));
                for (int i = 1; i < cell.col_span; ++i) cells.emplace_back();
            }
            width = std::max(width, cells.size());
            rows.push_back(std::move(cells));
        }
        if (width == 0) return;
        out_ += "\n";
        if (!caption.empty()) out_ += indent + "*" + caption + "*\n\n";
        auto line = [&](const std::vector<std::string>& cells) {
            out_ += indent + "|";
            for (std::size_t i = 0; i < width; ++i) out_.append(" ").append(i < cells.size() ? cells[i] : std::string()).append(" |");
            out_ += "\n";
        };
        const bool has_header = !t.children.empty() && t.children.front().header;
        line(has_header ? rows.front() : std::vector<std::string>(width));
        out_ += indent + "|";
        for (std::size_t i = 0; i < width; ++i) out_ += " --- |";
        out_ += "\n";
        for (std::size_t r = has_header ? 1 : 0; r < rows.size(); ++r) line(rows[r]);
    }

    std::string out_;
};

class MarkdownExporter final : public Exporter {
public:
    static ExporterInfo describe() {
        ExporterInfo info;
        info.name = "markdown";
        info.version = "1.0.0";
        info.description = "Markdown with YAML front matter and footnotes, one file per document (sample plugin)";
        info.extension = "md";
        info.media_type = "text/markdown";
        return info;
    }

    void begin(const ExportContext& context) override { output_ = &context.output; }

    void write(const Document& doc) override {
        const std::string text = MarkdownWriter().document(doc);
        auto file = output_->create(file_name_for(doc.id, "md"));
        file->write(text);
        file->commit();
    }

    void finish() override {}

private:
    OutputStore* output_ = nullptr;
};

}  // namespace

STUKWERK_PLUGIN(MarkdownExporter)
