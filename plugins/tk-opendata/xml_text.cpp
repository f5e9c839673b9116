#include "xml_text.hpp"

#include <cstdint>

#include <stukwerk/encoding.hpp>
#include <stukwerk/error.hpp>
#include <stukwerk/sniff.hpp>

namespace stukwerk::tk {
namespace {

// Strict: a broken UTF-16 file is an error with its byte offset, not a
// result with replacement characters.
std::string utf16_to_utf8(std::string_view s, bool little_endian) {
    return encoding::from_utf16(s, little_endian, encoding::OnError::fail).text;
}

}  // namespace

std::string declared_encoding(std::string_view text) {
    if (text.substr(0, 5) != "<?xml") return {};
    const auto end = text.find("?>");
    const std::string_view decl = text.substr(0, end);
    const auto at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    std::size_t i = at + 8;
    while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' || decl[i] == '\n')) ++i;
    if (i >= decl.size() || decl[i] != '=') return {};
    ++i;
    while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' || decl[i] == '\n')) ++i;
    if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
    const char quote = decl[i];
    const auto close = decl.find(quote, i + 1);
    if (close == std::string_view::npos) return {};
    return std::string(decl.substr(i + 1, close - i - 1));
}

Utf8Text::Utf8Text(Utf8Text&& other) noexcept
    : owned_(std::move(other.owned_)), owns_(other.owns_), encoding_(std::move(other.encoding_)) {
    // A moved std::string may keep short text inline, so a view into the
    // old object is re-pointed at the new one.
    view_ = owns_ ? std::string_view(owned_) : other.view_;
}

Utf8Text Utf8Text::decode(std::string_view bytes) {
    Utf8Text t;
    using sniff::Bom;
    const Bom bom = sniff::detect_bom(bytes);
    if (bom == Bom::utf32le || bom == Bom::utf32be) throw Error("UTF-32 text is not supported; convert it to UTF-8");
    if (bom == Bom::utf16le || bom == Bom::utf16be) {
        t.owned_ = utf16_to_utf8(bytes.substr(2), bom == Bom::utf16le);
        t.view_ = t.owned_;
        t.owns_ = true;
        t.encoding_ = bom == Bom::utf16le ? "UTF-16LE" : "UTF-16BE";
        return t;
    }
    // UTF-16 without a byte-order mark still opens with "<?" or "<" and a NUL.
    if (bom == Bom::none && bytes.size() >= 4 && bytes[0] == '<' && bytes[1] == '\0' && bytes[3] == '\0') {
        t.owned_ = utf16_to_utf8(bytes, true);
        t.view_ = t.owned_;
        t.owns_ = true;
        t.encoding_ = "UTF-16LE";
        return t;
    }
    if (bom == Bom::none && bytes.size() >= 4 && bytes[0] == '\0' && bytes[1] == '<' && bytes[2] == '\0') {
        t.owned_ = utf16_to_utf8(bytes, false);
        t.view_ = t.owned_;
        t.owns_ = true;
        t.encoding_ = "UTF-16BE";
        return t;
    }
    if (bom == Bom::utf8) bytes.remove_prefix(3);
    const std::string declared = sniff::lower(declared_encoding(bytes));
    if (declared.empty() || declared == "utf-8" || declared == "utf8" || declared == "us-ascii" || declared == "ascii") {
        t.view_ = bytes;
        t.encoding_ = "UTF-8";
        return t;
    }
    if (declared == "utf-16" || declared == "utf-16le" || declared == "utf-16be")
        throw Error("the XML declaration says " + declared + " but the bytes are not UTF-16");
    const std::optional<encoding::SingleByte> table = encoding::single_byte_charset(declared);
    if (!table)
        throw Error("unsupported encoding '" + declared_encoding(bytes) +
                    "' in the XML declaration (UTF-8, UTF-16, windows-1252 and ISO-8859-1/-15 are read)");
    t.owned_ = encoding::from_single_byte(bytes, *table);
    t.view_ = t.owned_;
    t.owns_ = true;
    t.encoding_ = declared;
    return t;
}

}  // namespace stukwerk::tk
