// Turning the bytes of a source into the UTF-8 the model holds. Shared
// here so that every importer decodes UTF-16 and the single-byte code pages
// of older Dutch publications (windows-1252, ISO-8859-1/-15) the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <stukwerk/error.hpp>

namespace stukwerk::encoding {

inline void append_utf8(std::string& out, char32_t cp) {
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

// The length of the well-formed UTF-8 sequence at s[i] (1..4), or 0 when
// none starts there (overlong forms, surrogates and values past U+10FFFF
// are not well-formed).
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else return 0;
    if (i + len > s.size() || b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
    return len;
}

inline bool is_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

// What a decoder does with bytes that are not a character: replace each
// with U+FFFD (counting them), or throw stukwerk::Error naming the offset.
enum class OnError { replace, fail };

struct Decoded {
    std::string text;
    std::size_t replaced = 0;  // with OnError::replace
};

// UTF-16 (without its byte-order mark) to UTF-8.
inline Decoded from_utf16(std::string_view bytes, bool little_endian, OnError on_error) {
    Decoded d;
    d.text.reserve(bytes.size() / 2 + bytes.size() / 8);
    auto bad = [&](const std::string& what, std::size_t at) {
        if (on_error == OnError::fail) throw Error("invalid UTF-16: " + what + " at byte " + std::to_string(at));
        d.text += "\xEF\xBF\xBD";
        ++d.replaced;
    };
    auto unit = [&](std::size_t i) -> char32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
    };
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
                i += 2;
            } else {
                bad("an unpaired high surrogate", i);
                continue;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            bad("an unpaired low surrogate", i);
            continue;
        }
        append_utf8(d.text, cp);
    }
    if (i < bytes.size()) bad("an odd number of bytes (the text is cut short)", i);
    return d;
}

// The single-byte code pages older publications declare.
enum class SingleByte { latin1, latin9, windows1252 };

// The code page a declared charset label names ("windows-1252", "cp1252",
// "ISO-8859-1", "latin1", "ISO-8859-15", ...), case-insensitively.
inline std::optional<SingleByte> single_byte_charset(std::string_view label) {
    std::string l;
    for (char c : label) l += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (l == "windows-1252" || l == "cp1252" || l == "x-cp1252" || l == "us-ascii" || l == "ascii")
        return SingleByte::windows1252;
    if (l == "iso-8859-1" || l == "iso8859-1" || l == "iso_8859-1" || l == "latin1" || l == "latin-1" || l == "l1")
        return SingleByte::latin1;
    if (l == "iso-8859-15" || l == "iso8859-15" || l == "iso_8859-15" || l == "latin9" || l == "latin-9")
        return SingleByte::latin9;
    return std::nullopt;
}

// One byte of a code page as a code point. The five bytes windows-1252
// leaves undefined map to the C1 control of the same number, as browsers
// (the WHATWG encoding standard) do, so no byte is lost or refused.
inline char32_t single_byte_code_point(unsigned char c, SingleByte table) {
    static constexpr char16_t cp1252_high[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    if (c < 0x80) return c;
    if (table == SingleByte::windows1252 && c < 0xA0) return cp1252_high[c - 0x80];
    if (table == SingleByte::latin9) {
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
    return c;
}

// Every byte of these code pages is a character, so this cannot fail.
inline std::string from_single_byte(std::string_view bytes, SingleByte table) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 16);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) out += c;
        else append_utf8(out, single_byte_code_point(b, table));
    }
    return out;
}

}  // namespace stukwerk::encoding
