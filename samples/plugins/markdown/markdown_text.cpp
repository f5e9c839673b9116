#include "markdown_text.hpp"

namespace markdown {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
                out += '\\';
                out += c;
                break;
            case '#': case '+': case '-':
                if (line_start) out += '\\';
                out += c;
                break;
            case '\n':
                out += "  \n";  // keep the line break the text has
                break;
            default:
                // "1. " at the start of a line would start a list.
                if (line_start && c >= '0' && c <= '9') {
                    std::size_t j = i;
                    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
                    if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
                        out.append(text.substr(i, j - i));
                        out += '\\';
                        i = j - 1;
                        break;
                    }
                }
                out += c;
        }
        line_start = c == '\n' || (line_start && c == ' ');
    }
    return out;
}

std::string render_inlines(const std::vector<stukwerk::Inline>& inlines) {
    using stukwerk::InlineKind;
    std::string out;
    for (const stukwerk::Inline& in : inlines) {
        switch (in.kind) {
            case InlineKind::line_break: out += "  \n"; continue;
            case InlineKind::note_ref:
                out.append("[^").append(in.text).append("]");
                continue;
            case InlineKind::link:
                out.append("[").append(escape(in.text)).append("](<").append(in.target).append(">)");
                continue;
            case InlineKind::text: break;
        }
        std::string text = escape(in.text);
        // Markdown emphasis must hug the text: move surrounding spaces outside.
        const auto first = text.find_first_not_of(' ');
        if (first == std::string::npos || !(in.styles & (stukwerk::style::italic | stukwerk::style::bold))) {
            out += text;
            continue;
        }
        const auto last = text.find_last_not_of(' ');
        const std::string mark = std::string((in.styles & stukwerk::style::bold) ? "**" : "") +
                                 ((in.styles & stukwerk::style::italic) ? "*" : "");
        out += text.substr(0, first) + mark + text.substr(first, last - first + 1) +
               std::string(mark.rbegin(), mark.rend()) + text.substr(last + 1);
    }
    return out;
}

std::string yaml_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static constexpr char hex[] = "0123456789abcdef";
                    out += "\\x";
                    out += hex[(c >> 4) & 15];
                    out += hex[c & 15];
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

}  // namespace markdown
