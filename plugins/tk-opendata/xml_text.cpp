#include "xml_text.hpp"

#include <cstdint>

#include <stukwerk/error.hpp>
#include <stukwerk/sniff.hpp>

namespace stukwerk::tk {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string utf16_to_utf8(std::string_view s, bool little_endian) {
    if (s.size() % 2 != 0) throw Error("the UTF-16 text has an odd number of bytes: it is truncated");
    auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(s[i + 1]);
        return little_endian ? (a | (b << 8)) : ((a << 8) | b);
    };
    std::string out;
    out.reserve(s.size() / 2 + s.size() / 8);
    for (std::size_t i = 0; i < s.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= s.size()) throw Error("invalid UTF-16: a high surrogate at byte " + std::to_string(i) + " ends the text");
            const std::uint32_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                throw Error("invalid UTF-16: an unpaired high surrogate at byte " + std::to_string(i));
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            throw Error("invalid UTF-16: an unpaired low surrogate at byte " + std::to_string(i));
        }
        append_utf8(out, cp);
    }
    return out;
}

// windows-1252 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

enum class SingleByte { latin1, latin9, cp1252 };

std::uint32_t latin9(unsigned char c) {
    switch (c) {
        case 0xA4: return 0x20AC;
        case 0xA6: return 0x0160;
        case 0xA8: return 0x0161;
        case 0xB4: return 0x017D;
        case 0xB8: return 0x017E;
        case 0xBC: return 0x0152;
        case 0xBD: return 0x0153;
        case 0xBE: return 0x0178;
        default: return c;
    }
}

std::string single_byte_to_utf8(std::string_view s, SingleByte table) {
    std::string out;
    out.reserve(s.size() + s.size() / 16);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        if (c >= 0x80) {
            if (table == SingleByte::cp1252 && c < 0xA0) {
                cp = cp1252_high[c - 0x80];
                if (cp == 0) {
                    static const char* hex = "0123456789ABCDEF";
                    throw Error(std::string("byte 0x") + hex[c >> 4] + hex[c & 15] + " at offset " + std::to_string(i) +
                                " is not a character in windows-1252, the declared encoding");
                }
            } else if (table == SingleByte::latin9) {
                cp = latin9(c);
            }
        }
        append_utf8(out, cp);
    }
    return out;
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
    SingleByte table;
    if (declared == "windows-1252" || declared == "cp1252" || declared == "x-cp1252")
        table = SingleByte::cp1252;
    else if (declared == "iso-8859-1" || declared == "latin1" || declared == "latin-1" || declared == "iso_8859-1")
        table = SingleByte::latin1;
    else if (declared == "iso-8859-15" || declared == "latin-9" || declared == "latin9")
        table = SingleByte::latin9;
    else
        throw Error("unsupported encoding '" + declared_encoding(bytes) +
                    "' in the XML declaration (UTF-8, UTF-16, windows-1252 and ISO-8859-1/-15 are read)");
    t.owned_ = single_byte_to_utf8(bytes, table);
    t.view_ = t.owned_;
    t.owns_ = true;
    t.encoding_ = declared;
    return t;
}

}  // namespace stukwerk::tk
