#include "decode.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <stukwerk/encoding.hpp>
#include <stukwerk/error.hpp>
#include <stukwerk/sniff.hpp>

namespace stukwerk::oep_html {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from = 0) {
    for (std::size_t i = from; i + needle.size() <= hay.size(); ++i)
        if (iequals(hay.substr(i, needle.size()), needle)) return i;
    return std::string_view::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

using encoding::append_utf8;

// Length of the valid UTF-8 sequence at s[i], or 0 with `bad` set to the
// number of bytes forming the maximal invalid subpart (WHATWG decoder rule:
// each maximal subpart becomes one U+FFFD).
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t& bad) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        bad = 1;
        return 0;
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) {
            bad = k;
            return 0;
        }
        const unsigned char x = b(i + k);
        if (x < lo || x > hi) {
            bad = k;
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    return need + 1;
}

struct Counts {
    std::size_t invalid = 0;
    std::size_t first_invalid = 0;
    std::size_t nul = 0;
};

struct Utf8Check {
    bool valid = true;  // every sequence is valid UTF-8
    bool nul = false;   // holds a NUL byte
    bool clean() const { return valid && !nul; }
};

Utf8Check check_utf8(std::string_view s) {
    Utf8Check r;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == 0) r.nul = true;
            ++i;
            continue;
        }
        std::size_t bad = 0;
        const std::size_t n = utf8_sequence(s, i, bad);
        if (n == 0) {
            r.valid = false;
            return r;
        }
        i += n;
    }
    return r;
}

std::string repair_utf8(std::string_view s, Counts& counts) {
    std::string out;
    out.reserve(s.size() + 16);
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x01 && c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c == 0) {
            ++counts.nul;
            ++i;
            continue;
        }
        std::size_t bad = 0;
        const std::size_t n = utf8_sequence(s, i, bad);
        if (n) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            if (counts.invalid++ == 0) counts.first_invalid = i;
            out += replacement;
            i += bad;
        }
    }
    return out;
}

// windows-1252 0x80..0x9F; the five undefined bytes map to the C1 controls
// of the same value, as in the WHATWG encoding standard. The decoders here
// follow the browser's rules (undefined bytes kept, NUL dropped, the first
// bad offset reported), which is why they are not stukwerk/encoding.hpp's,
// whose strict reading suits XML.
constexpr std::uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string from_windows_1252(std::string_view s, Counts& counts) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (unsigned char c : s) {
        if (c == 0) {
            ++counts.nul;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0xA0) {
            append_utf8(out, cp1252_high[c - 0x80]);
        } else {
            append_utf8(out, c);
        }
    }
    return out;
}

std::string from_utf16(std::string_view s, bool little_endian, Counts& counts) {
    std::string out;
    out.reserve(s.size());
    auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
        return little_endian ? (a | (b << 8)) : ((a << 8) | b);
    };
    std::size_t i = 0;
    for (; i + 1 < s.size(); i += 2) {
        std::uint32_t u = unit(i);
        if (u == 0) {
            ++counts.nul;
            continue;
        }
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
            const std::uint32_t v = unit(i + 2);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            if (counts.invalid++ == 0) counts.first_invalid = i;
            out += replacement;
            continue;
        }
        append_utf8(out, u);
    }
    if (i < s.size()) {  // an odd trailing byte
        if (counts.invalid++ == 0) counts.first_invalid = i;
        out += replacement;
    }
    return out;
}

std::string from_utf32(std::string_view s, bool little_endian, Counts& counts) {
    std::string out;
    out.reserve(s.size() / 2);
    std::size_t i = 0;
    for (; i + 3 < s.size(); i += 4) {
        std::uint32_t u = 0;
        for (int k = 0; k < 4; ++k) {
            const auto byte = static_cast<unsigned char>(s[i + (little_endian ? 3 - k : k)]);
            u = (u << 8) | byte;
        }
        if (u == 0) {
            ++counts.nul;
        } else if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) {
            if (counts.invalid++ == 0) counts.first_invalid = i;
            out += replacement;
        } else {
            append_utf8(out, u);
        }
    }
    if (i < s.size()) {
        if (counts.invalid++ == 0) counts.first_invalid = i;
        out += replacement;
    }
    return out;
}

// Any other encoding glibc knows; false when it knows none by that name.
bool from_iconv(std::string_view s, const std::string& label, std::string& out, Counts& counts) {
    iconv_t cd = ::iconv_open("UTF-8", label.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.clear();
    out.reserve(s.size() + s.size() / 4);
    char buffer[16384];
    std::size_t pos = 0;
    while (pos < s.size()) {
        char* in = const_cast<char*>(s.data() + pos);
        std::size_t in_left = s.size() - pos;
        char* o = buffer;
        std::size_t o_left = sizeof buffer;
        const std::size_t rc = ::iconv(cd, &in, &in_left, &o, &o_left);
        const int err = errno;
        out.append(buffer, static_cast<std::size_t>(o - buffer));
        pos = s.size() - in_left;
        if (rc == static_cast<std::size_t>(-1) && err != E2BIG) {
            // EILSEQ or EINVAL: one byte that does not decode
            if (counts.invalid++ == 0) counts.first_invalid = pos;
            out += replacement;
            ++pos;
            ::iconv(cd, nullptr, nullptr, nullptr, nullptr);
        }
    }
    ::iconv_close(cd);
    // iconv passes NUL through; the HTML parser reads it as end of input.
    std::string clean;
    clean.reserve(out.size());
    for (char c : out) {
        if (c == '\0') ++counts.nul;
        else clean += c;
    }
    out = std::move(clean);
    return true;
}

enum class Family { utf8, windows_1252, utf16le, utf16be, other };

// WHATWG maps these labels to one decoder; everything else goes to iconv.
Family family_of(std::string_view label) {
    std::string l = sniff::lower(trim(label));
    if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8") return Family::utf8;
    for (const char* w : {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                          "l1", "iso-ir-100", "ibm819", "cp819", "us-ascii", "ascii", "ansi_x3.4-1968", "iso_8859-1:1987",
                          "csisolatin1"})
        if (l == w) return Family::windows_1252;
    // A page that could declare itself in ASCII bytes is not UTF-16: the
    // HTML standard reads a UTF-16 label found this way as UTF-8.
    if (l == "utf-16" || l == "utf-16le" || l == "utf-16be" || l == "unicode") return Family::utf8;
    return Family::other;
}

// The value of attribute `name` in the attribute text of one tag.
std::string tag_attribute(std::string_view tag, std::string_view name) {
    std::size_t i = 0;
    while (i < tag.size()) {
        while (i < tag.size() && (is_space(tag[i]) || tag[i] == '/')) ++i;
        const std::size_t n0 = i;
        while (i < tag.size() && !is_space(tag[i]) && tag[i] != '=' && tag[i] != '/') ++i;
        const std::string_view attr = tag.substr(n0, i - n0);
        while (i < tag.size() && is_space(tag[i])) ++i;
        std::string_view value;
        if (i < tag.size() && tag[i] == '=') {
            ++i;
            while (i < tag.size() && is_space(tag[i])) ++i;
            if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
                const char q = tag[i++];
                const std::size_t v0 = i;
                while (i < tag.size() && tag[i] != q) ++i;
                value = tag.substr(v0, i - v0);
                if (i < tag.size()) ++i;
            } else {
                const std::size_t v0 = i;
                while (i < tag.size() && !is_space(tag[i])) ++i;
                value = tag.substr(v0, i - v0);
            }
        }
        if (attr.empty()) {
            ++i;
            continue;
        }
        if (iequals(attr, name)) return std::string(value);
    }
    return {};
}

std::string charset_in_content(std::string_view content) {
    const std::size_t at = ifind(content, "charset");
    if (at == std::string_view::npos) return {};
    std::size_t i = at + 7;
    while (i < content.size() && is_space(content[i])) ++i;
    if (i >= content.size() || content[i] != '=') return {};
    ++i;
    while (i < content.size() && is_space(content[i])) ++i;
    if (i < content.size() && (content[i] == '"' || content[i] == '\'')) ++i;
    const std::size_t v0 = i;
    while (i < content.size() && !is_space(content[i]) && content[i] != ';' && content[i] != '"' && content[i] != '\'')
        ++i;
    return std::string(content.substr(v0, i - v0));
}

std::string warning_position(std::size_t offset) { return "byte " + std::to_string(offset); }

}  // namespace

std::string declared_encoding(std::string_view head) {
    constexpr std::size_t prescan = 8192;
    head = head.substr(0, prescan);
    for (std::size_t at = ifind(head, "<meta"); at != std::string_view::npos; at = ifind(head, "<meta", at + 5)) {
        const std::size_t after = at + 5;
        if (after < head.size() && !is_space(head[after]) && head[after] != '/') continue;
        const std::size_t end = head.find('>', after);
        const std::string_view tag = head.substr(after, end == std::string_view::npos ? head.size() - after : end - after);
        std::string charset = tag_attribute(tag, "charset");
        if (!charset.empty()) return std::string(trim(charset));
        if (iequals(trim(tag_attribute(tag, "http-equiv")), "content-type")) {
            charset = charset_in_content(tag_attribute(tag, "content"));
            if (!charset.empty()) return charset;
        }
    }
    if (starts_with(head, "<?xml")) {
        const std::size_t end = head.find("?>");
        if (end != std::string_view::npos) {
            std::string enc = tag_attribute(head.substr(5, end - 5), "encoding");
            if (!enc.empty()) return enc;
        }
    }
    return {};
}

std::string binary_cause(std::string_view head) {
    struct Magic {
        std::string_view bytes;
        const char* what;
    };
    static constexpr Magic magics[] = {
        {"%PDF-", "a PDF document"},
        {"\x89PNG\r\n\x1a\n", "a PNG image"},
        {"GIF87a", "a GIF image"},
        {"GIF89a", "a GIF image"},
        {"\xFF\xD8\xFF", "a JPEG image"},
        {"PK\x03\x04", "a ZIP archive (or an office document)"},
        {"\x1F\x8B", "gzip-compressed data"},
        {"\x7F" "ELF", "an executable"},
        {"BZh", "bzip2-compressed data"},
        {"\xFD" "7zXZ", "xz-compressed data"},
        {"\xD0\xCF\x11\xE0", "an old Microsoft Office document"},
    };
    for (const Magic& m : magics)
        if (starts_with(head, m.bytes)) return std::string("the file is ") + m.what + ", not HTML";
    const sniff::Bom bom = sniff::detect_bom(head);
    if (bom != sniff::Bom::none && bom != sniff::Bom::utf8) return {};
    if (starts_with(head, std::string_view("<\0", 2)) || starts_with(head, std::string_view("\0<", 2))) return {};
    std::size_t nul = 0, control = 0;
    for (unsigned char c : head) {
        if (c == 0) ++nul;
        else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    // A stray NUL in a text file is repaired; many of them, or many
    // control characters, mean the bytes are not text.
    if (nul * 100 > head.size() || (nul + control) * 10 > head.size())
        return "the file holds binary data, not HTML text";
    return {};
}

Decoded decode_html(std::string_view bytes) {
    if (std::string cause = binary_cause(bytes.substr(0, 8192)); !cause.empty()) throw Error(cause);

    Decoded d;
    Counts counts;
    const sniff::Bom bom = sniff::detect_bom(bytes);
    std::string label;
    Family family = Family::utf8;
    std::size_t skip = 0;
    switch (bom) {
        case sniff::Bom::utf8: skip = 3; break;
        case sniff::Bom::utf16le: family = Family::utf16le; skip = 2; break;
        case sniff::Bom::utf16be: family = Family::utf16be; skip = 2; break;
        case sniff::Bom::utf32le:
        case sniff::Bom::utf32be: {
            d.storage = from_utf32(bytes.substr(4), bom == sniff::Bom::utf32le, counts);
            d.converted = true;
            d.encoding = bom == sniff::Bom::utf32le ? "UTF-32LE" : "UTF-32BE";
            family = Family::other;
            label = "-";
            break;
        }
        case sniff::Bom::none:
            if (starts_with(bytes, std::string_view("<\0", 2))) family = Family::utf16le;
            else if (starts_with(bytes, std::string_view("\0<", 2))) family = Family::utf16be;
            else {
                label = declared_encoding(bytes);
                if (!label.empty()) {
                    family = family_of(label);
                } else if (!check_utf8(bytes).valid) {
                    // Undeclared and not UTF-8: what a browser in a Dutch
                    // locale falls back to.
                    family = Family::windows_1252;
                    d.warnings.push_back(Warning{"encoding-guessed",
                                                 "the page declares no encoding and its bytes are not UTF-8; read as "
                                                 "windows-1252, as a browser would",
                                                 {}});
                }
            }
            break;
    }
    const std::string_view body = bytes.substr(skip);
    switch (family) {
        case Family::utf8:
            d.encoding = "UTF-8";
            if (check_utf8(body).clean()) {
                d.unchanged = body;
            } else {
                d.storage = repair_utf8(body, counts);
                d.converted = true;
            }
            break;
        case Family::windows_1252:
            d.encoding = "windows-1252";
            d.storage = from_windows_1252(body, counts);
            d.converted = true;
            break;
        case Family::utf16le:
        case Family::utf16be:
            d.encoding = family == Family::utf16le ? "UTF-16LE" : "UTF-16BE";
            d.storage = from_utf16(body, family == Family::utf16le, counts);
            d.converted = true;
            break;
        case Family::other:
            if (label == "-") break;  // UTF-32, converted above
            if (from_iconv(body, label, d.storage, counts)) {
                d.encoding = label;
                d.converted = true;
            } else {
                d.warnings.push_back(Warning{"unknown-encoding",
                                             "the page declares encoding '" + label +
                                                 "', which is not known here; read as UTF-8",
                                             {}});
                d.encoding = "UTF-8";
                if (check_utf8(body).clean()) {
                    d.unchanged = body;
                } else {
                    d.storage = repair_utf8(body, counts);
                    d.converted = true;
                }
            }
            break;
    }
    if (counts.invalid) {
        const bool utf8 = d.encoding == "UTF-8";
        d.warnings.push_back(Warning{
            utf8 ? "invalid-utf8" : "invalid-encoding",
            std::to_string(counts.invalid) + " byte sequence(s) are not valid " + d.encoding +
                "; each is shown as U+FFFD, as a browser shows it (first at " + warning_position(counts.first_invalid) + ")",
            {}});
    }
    if (counts.nul)
        d.warnings.push_back(Warning{"nul-bytes", std::to_string(counts.nul) + " NUL byte(s) in the text were dropped", {}});
    return d;
}

}  // namespace stukwerk::oep_html
