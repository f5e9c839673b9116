#include "words.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <dlfcn.h>

#include <climits>
#include <cmath>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <stukwerk/encoding.hpp>
#include <stukwerk/error.hpp>

namespace stukwerk::pdf {
namespace {

// poppler reports problems through one process-wide callback and prints
// them to stderr unless told otherwise. Each read collects the messages of
// its own thread here (poppler parses on the caller's thread), so that they
// become the cause of an error or a warning instead of noise.
thread_local std::vector<std::string>* t_messages = nullptr;

void collect_message(const std::string& message, void*) {
    if (t_messages && t_messages->size() < 32) t_messages->push_back(message);
}

class MessageScope {
public:
    explicit MessageScope(std::vector<std::string>& sink) : previous_(t_messages) { t_messages = &sink; }
    ~MessageScope() { t_messages = previous_; }
    MessageScope(const MessageScope&) = delete;
    MessageScope& operator=(const MessageScope&) = delete;

private:
    std::vector<std::string>* previous_;
};

// A valid one-page PDF (offsets checked). poppler builds its GlobalParams
// when the first document opens and frees them when the last one closes,
// which costs ~0.7 ms per document in a batch; keeping this one open for the
// plugin's lifetime keeps them built.
constexpr std::string_view keepalive_pdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>> endobj\nxref\n0 4\n0000000000 65535 f \n"
    "0000000009 00000 n \n0000000053 00000 n \n0000000103 00000 n \ntrailer<</Size 4/Root 1 0 R>>\n"
    "startxref\n165\n%%EOF\n";

// poppler-cpp's font information (text_list_include_font) looks up a
// system substitute for every font a PDF does not embed, through
// fontconfig, which then reads the machine's font configuration and caches
// (and leaks a little doing so). Text extraction needs no substitute, so the
// importer gives fontconfig an empty configuration: no file is read beyond
// the input, and the lookup is trivially quick. libfontconfig is already in
// the process (libpoppler links it); its two functions are found at run
// time, so this adds no build dependency. stukwerk renders nothing, so no
// one else in the process needs fontconfig's fonts.
void quiet_fontconfig() {
    using Create = void* (*)();
    using SetCurrent = int (*)(void*);
    const auto create = reinterpret_cast<Create>(dlsym(RTLD_DEFAULT, "FcConfigCreate"));
    const auto set_current = reinterpret_cast<SetCurrent>(dlsym(RTLD_DEFAULT, "FcConfigSetCurrent"));
    if (!create || !set_current) return;
    if (void* empty = create()) set_current(empty);
}

void prepare_poppler() {
    static std::once_flag once;
    static std::unique_ptr<poppler::document> keepalive;
    std::call_once(once, [] {
        quiet_fontconfig();
        poppler::set_debug_error_function(collect_message, nullptr);
        keepalive.reset(poppler::document::load_from_raw_data(keepalive_pdf.data(),
                                                              static_cast<int>(keepalive_pdf.size())));
    });
}

// poppler's ustring is UTF-16; its own to_utf8() opens an iconv converter
// per call, which dominates the cost on pages of short words.
std::string to_utf8(const poppler::ustring& s) {
    std::string out;
    out.reserve(s.size() + 4);
    for (std::size_t i = 0; i < s.size(); ++i) {
        char32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            ++i;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        switch (c) {  // typographic ligatures stand for their letters
            case 0xFB00: out += "ff"; continue;
            case 0xFB01: out += "fi"; continue;
            case 0xFB02: out += "fl"; continue;
            case 0xFB03: out += "ffi"; continue;
            case 0xFB04: out += "ffl"; continue;
            case 0xFB05:
            case 0xFB06: out += "st"; continue;
            case 0: continue;
            default: break;
        }
        encoding::append_utf8(out, c);
    }
    return out;
}

bool contains_nocase(std::string_view haystack, std::string_view needle) {
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        bool match = true;
        for (std::size_t j = 0; j < needle.size() && match; ++j) {
            char a = haystack[i + j];
            if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
            match = a == needle[j];
        }
        if (match) return true;
    }
    return false;
}

std::string_view without_subset_prefix(std::string_view name) {
    const auto plus = name.find('+');
    return plus == 6 ? name.substr(7) : name;
}

std::string first_message(const std::vector<std::string>& messages) {
    return messages.empty() ? std::string() : describe_problem(messages.front());
}

bool has_pdf_header(std::string_view bytes) {
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool has_eof_marker(std::string_view bytes) {
    const std::size_t tail = bytes.size() > 1024 ? bytes.size() - 1024 : 0;
    return bytes.substr(tail).find("%%EOF") != std::string_view::npos;
}

}  // namespace

std::string describe_problem(const std::string& message) {
    std::string m = message;
    if (m.rfind("error: ", 0) == 0) m.erase(0, 7);
    if (m.rfind("error (", 0) == 0) {
        const auto close = m.find("): ");
        if (close != std::string::npos) m = "at byte " + m.substr(7, close - 7) + ": " + m.substr(close + 3);
    }
    return m;
}

bool font_is_bold(std::string_view font_name) {
    const std::string_view n = without_subset_prefix(font_name);
    for (std::string_view w : {"bold", "black", "heavy", "demi", "semibold", "ultra", "extrab"})
        if (contains_nocase(n, w)) return true;
    return false;
}

bool font_is_italic(std::string_view font_name) {
    const std::string_view n = without_subset_prefix(font_name);
    return contains_nocase(n, "italic") || contains_nocase(n, "oblique") || contains_nocase(n, "kursiv");
}

PdfText read_words(std::string_view bytes) {
    if (bytes.empty()) throw Error("empty file: a PDF starts with %PDF-");
    if (!has_pdf_header(bytes)) throw Error("not a PDF: no %PDF- header in its first 1024 bytes");
    if (!has_eof_marker(bytes))
        throw Error("truncated or damaged PDF: it does not end with the %%EOF marker every complete PDF ends with");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw Error("PDF larger than 2 GiB, more than poppler can read");

    prepare_poppler();
    PdfText result;
    MessageScope scope(result.problems);

    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        const std::string why = first_message(result.problems);
        throw Error("damaged PDF: poppler cannot open it" + (why.empty() ? std::string() : " (" + why + ")"));
    }
    if (doc->is_locked())
        throw Error("encrypted PDF that needs a user password to open; stukwerk reads only PDFs that open without one");
    result.encrypted = doc->is_encrypted();
    result.info_title = to_utf8(doc->info_key("Title"));
    result.producer = to_utf8(doc->info_key("Producer"));

    const int count = doc->pages();
    if (count <= 0) {
        const std::string why = first_message(result.problems);
        throw Error("damaged PDF: it has no pages" + (why.empty() ? std::string() : " (" + why + ")"));
    }
    std::size_t total_words = 0;
    std::unordered_map<std::string, std::pair<bool, bool>> styles;  // font name -> bold, italic
    for (int i = 0; i < count; ++i) {
        Page page;
        page.number = i + 1;
        std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (!p) {
            result.problems.push_back("page " + std::to_string(i + 1) + " cannot be read");
            result.pages.push_back(std::move(page));
            continue;
        }
        const poppler::rectf box = p->page_rect();
        const bool turned = p->orientation() == poppler::page::landscape || p->orientation() == poppler::page::seascape;
        page.width = turned ? box.height() : box.width();
        page.height = turned ? box.width() : box.height();
        std::vector<poppler::text_box> boxes = p->text_list(poppler::page::text_list_include_font);
        page.words.reserve(boxes.size());
        for (const poppler::text_box& tb : boxes) {
            if (tb.rotation() != 0) continue;  // vertical margin text is never body text
            const poppler::rectf b = tb.bbox();
            if (!std::isfinite(b.left()) || !std::isfinite(b.top()) || !std::isfinite(b.right()) ||
                !std::isfinite(b.bottom()) || b.right() < b.left() || b.bottom() < b.top())
                continue;
            Word w;
            w.text = to_utf8(tb.text());
            if (w.text.empty()) continue;
            w.x0 = b.left();
            w.y0 = b.top();
            w.x1 = b.right();
            w.y1 = b.bottom();
            w.size = tb.has_font_info() ? tb.get_font_size() : b.height();
            if (!std::isfinite(w.size) || w.size <= 0) w.size = b.height();
            if (tb.has_font_info()) {
                std::string font = tb.get_font_name();
                auto known = styles.find(font);
                if (known == styles.end())
                    known = styles.emplace(font, std::pair{font_is_bold(font), font_is_italic(font)}).first;
                w.bold = known->second.first;
                w.italic = known->second.second;
            }
            w.space_after = tb.has_space_after();
            page.words.push_back(std::move(w));
        }
        total_words += page.words.size();
        result.pages.push_back(std::move(page));
    }
    if (total_words == 0) {
        const std::string why = first_message(result.problems);
        if (!why.empty()) throw Error("damaged PDF: no text could be read from it (" + why + ")");
        throw Error("no text layer: its " + std::to_string(count) + " page" + (count == 1 ? "" : "s") +
                    " hold no text, only images or drawings (a scan needs OCR first)");
    }
    return result;
}

}  // namespace stukwerk::pdf
