// Small helpers for identify(): looking at the first bytes of a file
// without parsing it. Shared here so every importer recognises byte-order
// marks, XML prologues and binary data the same way.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace stukwerk::sniff {

enum class Bom { none, utf8, utf16le, utf16be, utf32le, utf32be };

inline Bom detect_bom(std::string_view s) {
    auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    if (s.size() >= 4 && at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) return Bom::utf32le;
    if (s.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) return Bom::utf32be;
    if (s.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return Bom::utf8;
    if (s.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return Bom::utf16le;
    if (s.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return Bom::utf16be;
    return Bom::none;
}

// A view of `head` as 8-bit text: a UTF-8 BOM is skipped; UTF-16 text is
// reduced to its low bytes (enough to find ASCII markup names).
inline std::string ascii_view(std::string_view head) {
    switch (detect_bom(head)) {
        case Bom::utf8: return std::string(head.substr(3));
        case Bom::utf16le:
        case Bom::utf16be: {
            const bool le = detect_bom(head) == Bom::utf16le;
            std::string out;
            for (std::size_t i = 2; i + 1 < head.size(); i += 2) {
                const char lo = le ? head[i] : head[i + 1];
                const char hi = le ? head[i + 1] : head[i];
                out += hi == 0 ? lo : '?';
            }
            return out;
        }
        default: return std::string(head);
    }
}

// True when the bytes look like binary data rather than text: a NUL byte
// (outside UTF-16/32) or many control characters.
inline bool looks_binary(std::string_view head) {
    const Bom bom = detect_bom(head);
    if (bom != Bom::none && bom != Bom::utf8) return false;
    std::size_t control = 0;
    for (unsigned char c : head) {
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return !head.empty() && control * 10 > head.size();
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The file name's extension, lower case, without the dot ("" when none).
inline std::string extension(std::string_view file_name) {
    const auto slash = file_name.find_last_of("/\\");
    if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
    const auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return lower(file_name.substr(dot + 1));
}

inline bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// The name of the first element of an XML text (after the prologue,
// comments, processing instructions and a DOCTYPE), with any prefix; "" if
// the head holds none.
inline std::string xml_root_name(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        i = text.find('<', i);
        if (i == std::string_view::npos || i + 1 >= text.size()) return {};
        const char next = text[i + 1];
        if (next == '?') {
            i = text.find("?>", i);
        } else if (text.substr(i, 4) == "<!--") {
            i = text.find("-->", i);
        } else if (next == '!') {
            // DOCTYPE, possibly with an internal subset in [...]
            const auto bracket = text.find('[', i);
            const auto close = text.find('>', i);
            if (bracket != std::string_view::npos && bracket < close)
                i = text.find("]>", bracket);
            else
                i = close;
        } else {
            std::size_t j = i + 1;
            while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j])) &&
                   text[j] != '>' && text[j] != '/')
                ++j;
            return std::string(text.substr(i + 1, j - i - 1));
        }
        if (i == std::string_view::npos) return {};
    }
    return {};
}

// The local part of a possibly prefixed XML name ("tk:Document" -> "Document").
inline std::string_view local_name(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

}  // namespace stukwerk::sniff
