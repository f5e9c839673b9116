#include "xml_input.hpp"

#include <array>
#include <optional>

#include <stukwerk/encoding.hpp>
#include <stukwerk/error.hpp>
#include <stukwerk/sniff.hpp>

#include "text.hpp"

namespace stukwerk::oep {
namespace {

using encoding::SingleByte;

std::string from_utf16(std::string_view bytes, bool little_endian, std::vector<Warning>& warnings) {
    encoding::Decoded d = encoding::from_utf16(bytes, little_endian, encoding::OnError::replace);
    if (d.replaced)
        warnings.push_back(Warning{"invalid-utf16", std::to_string(d.replaced) +
                                                        " broken UTF-16 code unit(s) replaced by U+FFFD", {}});
    return std::move(d.text);
}

std::string from_utf32(std::string_view bytes, bool little_endian, std::vector<Warning>& warnings) {
    std::string out;
    std::size_t bad = 0;
    for (std::size_t i = 0; i + 3 < bytes.size(); i += 4) {
        char32_t u = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const auto b = static_cast<unsigned char>(bytes[i + (little_endian ? 3 - k : k)]);
            u = (u << 8) | b;
        }
        if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) {
            u = 0xFFFD;
            ++bad;
        }
        append_utf8(out, u);
    }
    if (bad) warnings.push_back(Warning{"invalid-utf32", std::to_string(bad) + " invalid code point(s) replaced", {}});
    return out;
}

// UTF-8 that was read as windows-1252/Latin-1 and written out as UTF-8 again:
// every code point maps back to one byte, and those bytes are valid UTF-8.
std::optional<std::string> undo_double_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        // Runs of ASCII are copied as they are.
        std::size_t ascii = i;
        while (ascii < s.size() && static_cast<unsigned char>(s[ascii]) < 0x80) ++ascii;
        out.append(s.data() + i, ascii - i);
        i = ascii;
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size()) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F), len = 2;
        else if (c >= 0xE0 && c <= 0xEF && i + 2 < s.size())
            cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F), len = 3;
        else if (c >= 0x80) return std::nullopt;
        i += len;
        if (cp < 0x100) {
            out += static_cast<char>(cp);
            continue;
        }
        bool found = false;
        for (unsigned b = 0x80; b < 0xA0 && !found; ++b) {
            if (encoding::single_byte_code_point(static_cast<unsigned char>(b), SingleByte::windows1252) == cp) {
                out += static_cast<char>(b);
                found = true;
            }
        }
        if (!found) return std::nullopt;
    }
    if (!valid_utf8(out)) return std::nullopt;
    return out;
}

// The encoding named in the XML declaration, lower case; "" when none.
std::string declared_encoding(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    if (text.substr(i, 5) != "<?xml") return {};
    const std::string_view decl = text.substr(i, std::min<std::size_t>(text.size() - i, 512));
    const auto end = decl.find("?>");
    const auto at = decl.find("encoding");
    if (at == std::string_view::npos || (end != std::string_view::npos && at > end)) return {};
    std::size_t j = decl.find('=', at);
    if (j == std::string_view::npos) return {};
    ++j;
    while (j < decl.size() && is_space(decl[j])) ++j;
    if (j >= decl.size() || (decl[j] != '"' && decl[j] != '\'')) return {};
    const char quote = decl[j];
    const auto close = decl.find(quote, j + 1);
    if (close == std::string_view::npos) return {};
    return lower_ascii(decl.substr(j + 1, close - j - 1));
}

bool is_ascii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// Looks at the prolog (before the first element) for a DOCTYPE. One that
// declares entities is refused; any other is ignored with a warning, and its
// DTD is never read.
void check_doctype(std::string_view text, std::vector<Warning>& warnings) {
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (text.substr(i, 2) == "<?") {
            const auto end = text.find("?>", i);
            if (end == std::string_view::npos) return;
            i = end + 2;
        } else if (text.substr(i, 4) == "<!--") {
            const auto end = text.find("-->", i);
            if (end == std::string_view::npos) return;
            i = end + 3;
        } else if (text.substr(i, 9) == "<!DOCTYPE") {
            break;
        } else {
            return;  // the root element (or text pugixml will reject)
        }
    }
    if (i >= text.size()) return;
    // Walk the declaration to its closing '>', outside quotes and the internal subset.
    std::size_t j = i + 9;
    char quote = 0;
    bool in_subset = false, external = false;
    std::size_t subset_start = 0, subset_end = 0;
    for (; j < text.size(); ++j) {
        const char c = text[j];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            if (!in_subset) external = true;
        } else if (c == '[' && !in_subset) {
            in_subset = true;
            subset_start = j + 1;
        } else if (c == ']' && in_subset) {
            in_subset = false;
            subset_end = j;
        } else if (c == '>' && !in_subset) {
            break;
        }
    }
    const std::string_view subset =
        subset_end > subset_start ? text.substr(subset_start, subset_end - subset_start) : std::string_view{};
    if (subset.find("<!ENTITY") != std::string_view::npos || (in_subset && text.find("<!ENTITY", i) != std::string_view::npos))
        throw Error("refused: the DOCTYPE declares entities (<!ENTITY …>); entities are never expanded here, "
                    "as protection against entity-expansion and external-entity attacks");
    const std::string_view decl = text.substr(i, std::min<std::size_t>(j - i + 1, 200));
    if (external)
        warnings.push_back(Warning{"dtd-ignored", "the DOCTYPE names an external DTD; it was not fetched: " +
                                                      collapse_space(decl),
                                   {}});
    else if (!subset.empty())
        warnings.push_back(Warning{"dtd-ignored", "the DOCTYPE's internal subset was ignored", {}});
}

std::string position_of(std::string_view text, std::ptrdiff_t offset) {
    const std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)), text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

void check_depth(const pugi::xml_document& tree, std::uint32_t max_depth) {
    std::uint32_t depth = 1;
    pugi::xml_node n = tree.first_child();
    while (n) {
        if (n.first_child()) {
            n = n.first_child();
            if (++depth > max_depth)
                throw Error("refused: elements nest more than " + std::to_string(max_depth) +
                            " levels deep (the limit for one document)");
            continue;
        }
        while (n && !n.next_sibling()) {
            n = n.parent();
            --depth;
            if (n == tree) return;
        }
        if (n) n = n.next_sibling();
    }
}

}  // namespace

std::string to_utf8(std::string_view bytes, std::vector<Warning>& warnings) {
    using sniff::Bom;
    switch (sniff::detect_bom(bytes)) {
        case Bom::utf8: return std::string(bytes.substr(3));
        case Bom::utf16le: return from_utf16(bytes.substr(2), true, warnings);
        case Bom::utf16be: return from_utf16(bytes.substr(2), false, warnings);
        case Bom::utf32le: return from_utf32(bytes.substr(4), true, warnings);
        case Bom::utf32be: return from_utf32(bytes.substr(4), false, warnings);
        case Bom::none: break;
    }
    if (bytes.size() >= 2 && bytes[0] == '<' && bytes[1] == '\0') return from_utf16(bytes, true, warnings);
    if (bytes.size() >= 2 && bytes[0] == '\0' && bytes[1] == '<') return from_utf16(bytes, false, warnings);
    if (sniff::looks_binary(bytes.substr(0, 8192))) throw Error("binary data, not XML");
    if (starts_with(bytes, "\xC3\xAF\xC2\xBB\xC2\xBF")) {
        if (std::optional<std::string> repaired = undo_double_utf8(bytes)) {
            warnings.push_back(Warning{"encoding-repaired",
                                       "the file's UTF-8 was encoded twice (it starts with \"ï»¿\", a byte-order mark "
                                       "read as Latin-1); decoded once more",
                                       {}});
            return repaired->substr(3);
        }
    }
    const std::string encoding = declared_encoding(bytes);
    if (encoding.empty() || encoding == "utf-8" || encoding == "utf8" || encoding == "us-ascii" || encoding == "ascii")
        return std::string(bytes);
    // ISO-8859-1 is read as windows-1252, as browsers do: files that say
    // Latin-1 routinely hold windows-1252 quotes and dashes at 0x80-0x9F.
    if (encoding == "windows-1252" || encoding == "cp1252" || encoding == "iso-8859-1" || encoding == "iso8859-1" ||
        encoding == "latin1" || encoding == "latin-1" || encoding == "iso_8859-1" || encoding == "l1")
        return is_ascii(bytes) ? std::string(bytes) : encoding::from_single_byte(bytes, SingleByte::windows1252);
    if (encoding == "iso-8859-15" || encoding == "iso8859-15" || encoding == "latin-9" || encoding == "latin9")
        return is_ascii(bytes) ? std::string(bytes) : encoding::from_single_byte(bytes, SingleByte::latin9);
    if (encoding == "utf-16" || encoding == "utf-32") {
        // Declared but not present: the bytes are 8-bit, so read them as UTF-8.
        warnings.push_back(Warning{"encoding-mismatch", "the declaration says " + encoding +
                                                            " but the bytes are 8-bit text; read as UTF-8",
                                   {}});
        return std::string(bytes);
    }
    throw Error("unsupported character encoding '" + encoding + "' in the XML declaration");
}

namespace {

// The name of the first element, or "" (declarations, comments and
// processing instructions before it are skipped).
std::string_view root_name(std::string_view text) {
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos && i + 1 < text.size() && (text[i + 1] == '?' || text[i + 1] == '!'))
        i += 2;
    if (i == std::string_view::npos) return {};
    std::size_t j = i + 1;
    while (j < text.size() && text[j] != '>' && text[j] != '/' && text[j] != ' ' && text[j] != '\t' && text[j] != '\r' &&
           text[j] != '\n')
        ++j;
    return text.substr(i + 1, j - i - 1);
}

// pugixml often reports a file cut short as a mismatch somewhere before its
// end; a root element whose end tag never comes says what happened.
bool root_never_closed(std::string_view text) {
    const std::string_view name = root_name(text);
    if (name.empty()) return false;
    const auto end = text.find_last_not_of(" \t\r\n");
    const std::string_view body = text.substr(0, end == std::string_view::npos ? 0 : end + 1);
    if (!body.empty() && body.back() == '>' && body.size() >= 2 && body[body.size() - 2] == '/') return false;
    const auto close = body.rfind("</");
    if (close == std::string_view::npos) return true;
    std::string_view last = body.substr(close + 2);
    while (!last.empty() && (last.back() == '>' || last.back() == ' ' || last.back() == '\t' || last.back() == '\r' ||
                             last.back() == '\n'))
        last.remove_suffix(1);
    return last != name;
}

}  // namespace

std::unique_ptr<ParsedXml> parse_xml(std::string_view bytes, const Limits& limits, std::string_view what) {
    const std::string prefix = what.empty() ? std::string() : std::string(what) + ": ";
    try {
        if (bytes.empty()) throw Error("empty file");
        auto parsed = std::make_unique<ParsedXml>();
        parsed->text = to_utf8(bytes, parsed->warnings);
        const std::string& text = parsed->text;
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw Error("no XML in the file (only whitespace)");
        check_doctype(text, parsed->warnings);
        // parse_ws_pcdata keeps the single spaces between inline elements
        // ("<nadruk>van</nadruk> <nadruk>Dijk</nadruk>"), which the default drops.
        const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
        // Read before the in-place parse writes into the text.
        const std::string root = std::string(root_name(text));
        const bool unclosed = root_never_closed(text);
        const pugi::xml_parse_result result =
            parsed->tree.load_buffer_inplace(parsed->text.data(), parsed->text.size(), options, pugi::encoding_utf8);
        if (!result) {
            if (result.status == pugi::status_no_document_element) throw Error("not XML: no element found");
            std::string message = std::string("not well-formed XML: ") + result.description() + " at " +
                                  position_of(text, result.offset);
            if (static_cast<std::size_t>(result.offset) + 2 >= text.size())
                message += "; the text ends there, so the file is probably truncated";
            else if (unclosed)
                message += "; the root element <" + root + "> is never closed, so the file is probably truncated";
            throw Error(message);
        }
        check_depth(parsed->tree, limits.max_depth);
        return parsed;
    } catch (const Error& e) {
        if (prefix.empty()) throw;
        throw Error(prefix + e.what());
    }
}

}  // namespace stukwerk::oep
