// The bytes of an XML input as UTF-8 text, whatever encoding it arrived in.
//
// pugixml and the outline scanner work on UTF-8 only, so every XML importer
// of this plugin decodes first: a UTF-8 byte-order mark is skipped, UTF-16
// (with a BOM, or recognisable from its first "<?") is transcoded, and a
// declared single-byte encoding (windows-1252, ISO-8859-1/-15) is transcoded
// by table. Anything else is refused with the encoding's name, rather than
// read as if it were UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace stukwerk::tk {

class Utf8Text {
public:
    // Throws stukwerk::Error naming the problem (UTF-32, odd-length or
    // broken UTF-16, an undefined windows-1252 byte, an unknown encoding).
    static Utf8Text decode(std::string_view bytes);

    std::string_view view() const { return view_; }
    // The encoding the input was read as ("UTF-8", "UTF-16LE", "windows-1252", ...).
    const std::string& encoding() const { return encoding_; }

    Utf8Text(Utf8Text&& other) noexcept;
    Utf8Text& operator=(Utf8Text&&) = delete;
    Utf8Text(const Utf8Text&) = delete;

private:
    Utf8Text() = default;
    std::string owned_;      // the transcoding, when the input needed one
    bool owns_ = false;
    std::string_view view_;  // into owned_ or into the caller's bytes
    std::string encoding_;
};

// The value of the encoding pseudo-attribute of an XML declaration at the
// start of `text` ("" when there is no declaration or no encoding).
std::string declared_encoding(std::string_view text);

}  // namespace stukwerk::tk
