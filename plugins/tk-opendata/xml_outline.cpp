#include "xml_outline.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <stukwerk/error.hpp>

namespace stukwerk::tk {

std::size_t line_at(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

class Scanner {
public:
    Scanner(std::string_view text, std::uint32_t max_depth) : s_(text), max_depth_(max_depth) {}

    [[noreturn]] void fail(const std::string& what, std::size_t at) const {
        throw Error(what + " (line " + std::to_string(line_at(s_, at)) + ")");
    }

    [[noreturn]] void truncated(const std::string& what, std::size_t at) const {
        fail("the XML is truncated: " + what + " never ends", at);
    }

    // Past the end of `close`, searching from `from`; fails as truncated.
    std::size_t skip_to(std::size_t from, std::string_view close, const char* what, std::size_t started) const {
        const auto at = s_.find(close, from);
        if (at == std::string_view::npos) truncated(what, started);
        return at + close.size();
    }

    // Comments, processing instructions and DOCTYPE outside the root.
    std::size_t misc(std::size_t i, bool before_root) const {
        for (;;) {
            while (i < s_.size() && is_space(s_[i])) ++i;
            if (i >= s_.size() || s_[i] != '<') return i;
            if (s_.substr(i, 4) == "<!--") {
                i = skip_to(i + 4, "-->", "a comment", i);
            } else if (s_.substr(i, 2) == "<?") {
                i = skip_to(i + 2, "?>", "a processing instruction", i);
            } else if (s_.substr(i, 9) == "<!DOCTYPE") {
                fail("the XML has a DOCTYPE declaration, which is refused: it could define entities that expand "
                     "without bound or that read files or network addresses",
                     i);
            } else if (s_.substr(i, 2) == "<!") {
                fail("unexpected markup declaration", i);
            } else if (!before_root) {
                fail("more than one root element", i);
            } else {
                return i;
            }
        }
    }

    // The end of the start tag whose name ends at `i` (past its '>'), and
    // whether it closes itself.
    std::size_t start_tag_end(std::size_t i, std::size_t tag_start, bool& empty) const {
        char quote = 0;
        for (; i < s_.size(); ++i) {
            const char c = s_[i];
            if (quote) {
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                empty = s_[i - 1] == '/';
                return i + 1;
            } else if (c == '<') {
                fail("'<' inside a start tag", i);
            }
        }
        truncated("a start tag", tag_start);
    }

    std::string_view name_at(std::size_t i) const {
        std::size_t j = i;
        while (j < s_.size() && !is_space(s_[j]) && s_[j] != '>' && s_[j] != '/' && s_[j] != '<') ++j;
        return s_.substr(i, j - i);
    }

    RootElement run(const ChildCallback& on_child) {
        RootElement root;
        // XML text holds no C0 control but tab, line feed and carriage
        // return: one near the start means binary data, which deserves that
        // name rather than a complaint about "text before the root element".
        for (std::size_t k = 0; k < s_.size() && k < 1024; ++k) {
            const auto c = static_cast<unsigned char>(s_[k]);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') fail("binary data, not XML (a control byte)", k);
        }
        std::size_t i = misc(0, true);
        if (i >= s_.size()) fail("no root element", i);
        if (s_[i] != '<') fail("text before the root element", i);
        std::vector<std::string_view> open;
        std::size_t child_begin = 0;
        std::string_view child_name;
        while (i < s_.size()) {
            if (s_[i] != '<') {
                const void* next = std::memchr(s_.data() + i, '<', s_.size() - i);
                if (!next) break;
                i = static_cast<std::size_t>(static_cast<const char*>(next) - s_.data());
                continue;
            }
            const std::size_t at = i;
            if (s_.substr(i, 4) == "<!--") {
                i = skip_to(i + 4, "-->", "a comment", at);
            } else if (s_.substr(i, 9) == "<![CDATA[") {
                i = skip_to(i + 9, "]]>", "a CDATA section", at);
            } else if (s_.substr(i, 9) == "<!DOCTYPE") {
                fail("a DOCTYPE declaration inside an element", at);
            } else if (s_.substr(i, 2) == "<!") {
                fail("unexpected markup declaration", at);
            } else if (s_.substr(i, 2) == "<?") {
                i = skip_to(i + 2, "?>", "a processing instruction", at);
            } else if (s_.substr(i, 2) == "</") {
                const std::string_view name = name_at(i + 2);
                std::size_t j = i + 2 + name.size();
                while (j < s_.size() && is_space(s_[j])) ++j;
                if (j >= s_.size()) truncated("an end tag", at);
                if (s_[j] != '>') fail("malformed end tag </" + std::string(name) + ">", at);
                if (open.empty() || open.back() != name)
                    fail("end tag </" + std::string(name) + "> does not match " +
                             (open.empty() ? std::string("any open element") : "<" + std::string(open.back()) + ">"),
                         at);
                open.pop_back();
                i = j + 1;
                if (open.size() == 1 && on_child) on_child(root, ChildElement{child_name, child_begin, i});
                if (open.empty()) {
                    i = misc(i, false);
                    if (i < s_.size()) fail("text after the root element", i);
                    return root;
                }
            } else {
                const std::string_view name = name_at(i + 1);
                if (name.empty()) fail("'<' not followed by an element name", at);
                bool empty = false;
                i = start_tag_end(i + 1 + name.size(), at, empty);
                if (open.empty()) {
                    root.qname = name;
                    root.start_tag = s_.substr(at, i - at);
                    if (empty) {
                        i = misc(i, false);
                        if (i < s_.size()) fail("text after the root element", i);
                        return root;
                    }
                    open.push_back(name);
                    continue;
                }
                if (open.size() == 1) {
                    child_begin = at;
                    child_name = name;
                    ++root.children;
                }
                if (empty) {
                    if (open.size() == 1 && on_child) on_child(root, ChildElement{name, at, i});
                    continue;
                }
                if (open.size() >= max_depth_)
                    fail("elements are nested deeper than " + std::to_string(max_depth_) + " levels, the limit", at);
                open.push_back(name);
            }
        }
        if (open.empty()) fail("no root element", i);
        fail("the XML is truncated: " + std::to_string(open.size()) + " element(s) are still open at the end (innermost <" +
                 std::string(open.back()) + ">)",
             s_.size());
    }

private:
    std::string_view s_;
    std::uint32_t max_depth_;
};

}  // namespace

RootElement scan_outline(std::string_view text, std::uint32_t max_depth, const ChildCallback& on_child) {
    return Scanner(text, max_depth).run(on_child);
}

}  // namespace stukwerk::tk
