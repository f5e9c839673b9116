// From the bytes of a file to the UTF-8 text the HTML parser reads, the way
// a browser decides: a byte-order mark first, then a <meta charset> or
// http-equiv declaration, then the XML declaration, else UTF-8 when the
// bytes are UTF-8 and windows-1252 when they are not. Bytes that are not
// valid in the chosen encoding become U+FFFD, as a browser shows them, and
// are reported as a warning. Binary data is refused with its cause.
//
// libxml2 is then told to ignore the document's own declaration
// (HTML_PARSE_IGNORE_ENC): its HTML parser, on meeting one bad UTF-8 byte,
// re-reads the rest of the page as Latin-1, which turns every later "é" into
// "Ã©". Deciding the encoding here avoids that.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <stukwerk/document.hpp>

namespace stukwerk::oep_html {

struct Decoded {
    // UTF-8 without BOM or NUL: the input itself when it needed no change.
    std::string_view text() const { return converted ? std::string_view(storage) : unchanged; }

    std::string_view unchanged;  // the input, when used as is
    std::string storage;         // the converted or repaired text otherwise
    bool converted = false;
    std::string encoding;   // the encoding used: "UTF-8", "windows-1252", "UTF-16LE", ...
    std::vector<Warning> warnings;
};

// Throws stukwerk::Error when the bytes are binary data (an image, a PDF, an
// archive, ...) rather than text.
Decoded decode_html(std::string_view bytes);

// The encoding a document declares in its first bytes (<meta charset>,
// http-equiv Content-Type, or the XML declaration); "" when none.
std::string declared_encoding(std::string_view head);

// Why these bytes are not text, or "" when they look like text.
std::string binary_cause(std::string_view head);

}  // namespace stukwerk::oep_html
