#include "iri.hpp"

#include <array>

#include <stukwerk/error.hpp>

#include "vocabulary.hpp"

namespace stukwerk::plugins::rdf {
namespace {

constexpr char hex_digits[] = "0123456789ABCDEF";

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

void percent(std::string& out, unsigned char c) {
    out += '%';
    out += hex_digits[c >> 4];
    out += hex_digits[c & 0xF];
}

// Characters an IRI may not hold literally (RFC 3987), besides controls,
// space and non-ASCII, which url_to_iri encodes too.
bool excluded(char c) { return std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos; }

int number(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

bool all_digits(std::string_view s) {
    for (char c : s)
        if (!is_digit(c)) return false;
    return !s.empty();
}

}  // namespace

std::string encode_segment(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~')
            out += c;
        else
            percent(out, static_cast<unsigned char>(c));
    }
    return out;
}

bool is_http_url(std::string_view text) {
    auto starts = [&](std::string_view scheme) {
        if (text.size() < scheme.size()) return false;
        for (std::size_t i = 0; i < scheme.size(); ++i)
            if (static_cast<char>(text[i] | 0x20) != scheme[i]) return false;
        return true;
    };
    return starts("http://") || starts("https://");
}

std::string url_to_iri(std::string_view url) {
    std::string out;
    out.reserve(url.size());
    bool fragment = false;
    for (std::size_t i = 0; i < url.size(); ++i) {
        const auto c = static_cast<unsigned char>(url[i]);
        if (c <= 0x20 || c >= 0x7F || excluded(url[i])) {
            percent(out, c);
        } else if (c == '%' && !(i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2]))) {
            percent(out, c);
        } else if (c == '#' && fragment) {
            percent(out, c);
        } else {
            fragment = fragment || c == '#';
            out += url[i];
        }
    }
    return out;
}

void check_base(std::string_view base) {
    const auto colon = base.find(':');
    bool scheme = colon != std::string_view::npos && colon > 0 && is_alpha(base[0]);
    for (std::size_t i = 1; scheme && i < colon; ++i)
        scheme = is_alpha(base[i]) || is_digit(base[i]) || base[i] == '+' || base[i] == '-' || base[i] == '.';
    if (!scheme)
        throw Error("base '" + std::string(base) + "' is not an absolute IRI (it needs a scheme, as in https://...)");
    // JSON-LD would read "eli:..." as a compact IRI of the context's prefix.
    for (const vocab::Prefix& p : vocab::prefixes)
        if (base.substr(0, colon) == p.name)
            throw Error("base '" + std::string(base) + "' has the scheme '" + std::string(p.name) +
                        ":', which is a prefix of the JSON-LD context");
    for (char c : base) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || excluded(c))
            throw Error("base '" + std::string(base) + "' holds a character IRIs do not allow; percent-encode it");
    }
    if (base.find('#') != std::string_view::npos)
        throw Error("base '" + std::string(base) +
                    "' holds a fragment ('#'); document IRIs get fragments of their own (#footnote-1, ...)");
}

bool is_language_tag(std::string_view text) {
    std::size_t i = 0, run = 0;
    for (; i < text.size() && is_alpha(text[i]); ++i) ++run;
    if (run < 1 || run > 8) return false;
    while (i < text.size()) {
        if (text[i++] != '-') return false;
        run = 0;
        for (; i < text.size() && (is_alpha(text[i]) || is_digit(text[i])); ++i) ++run;
        if (run < 1 || run > 8) return false;
    }
    return true;
}

std::string eu_language_iri(std::string_view tag) {
    if (!is_language_tag(tag)) return {};
    std::string primary(tag.substr(0, tag.find('-')));
    for (char& c : primary) c = static_cast<char>(c | 0x20);
    // The languages of Dutch parliamentary publications and their neighbours;
    // the authority table's codes are ISO 639-2/T in upper case.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> table{{
        {"nl", "NLD"}, {"en", "ENG"}, {"fy", "FRY"}, {"de", "DEU"}, {"fr", "FRA"},
    }};
    for (const auto& [code, eu] : table)
        if (primary == code) return std::string(vocab::eu_language_authority) + std::string(eu);
    return {};
}

bool is_xsd_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) return false;
    const int year = number(s.substr(0, 4)), month = number(s.substr(5, 2)), day = number(s.substr(8, 2));
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string xsd_date_time(std::string_view s) {
    if (s.size() < 16 || !is_xsd_date(s.substr(0, 10)) || s[10] != 'T') return {};
    std::string_view rest = s.substr(11);
    auto two = [&](int max) {
        if (rest.size() < 2 || !all_digits(rest.substr(0, 2)) || number(rest.substr(0, 2)) > max) return std::string();
        std::string v(rest.substr(0, 2));
        rest.remove_prefix(2);
        return v;
    };
    std::string out(s.substr(0, 11));
    const std::string hour = two(23);
    if (hour.empty() || rest.empty() || rest[0] != ':') return {};
    rest.remove_prefix(1);
    const std::string minute = two(59);
    if (minute.empty()) return {};
    out += hour + ":" + minute + ":";
    if (!rest.empty() && rest[0] == ':') {
        rest.remove_prefix(1);
        const std::string second = two(59);
        if (second.empty()) return {};
        out += second;
        if (!rest.empty() && rest[0] == '.') {
            std::size_t n = 1;
            while (n < rest.size() && is_digit(rest[n])) ++n;
            if (n == 1) return {};
            out += rest.substr(0, n);
            rest.remove_prefix(n);
        }
    } else {
        out += "00";
    }
    if (rest.empty()) return out;
    if (rest == "Z") return out + "Z";
    if (rest[0] != '+' && rest[0] != '-') return {};
    const char sign = rest[0];
    rest.remove_prefix(1);
    const std::string zh = two(14);
    if (zh.empty()) return {};
    if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    const std::string zm = two(59);
    if (zm.empty() || !rest.empty()) return {};
    return out + sign + zh + ":" + zm;
}

bool is_media_type(std::string_view s) {
    const auto slash = s.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == s.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == slash) continue;
        // RFC 6838 also allows '#' and '^', which would not survive in the IRI.
        if (!(is_alpha(c) || is_digit(c) || std::string_view("!$&-_.+").find(c) != std::string_view::npos))
            return false;
    }
    return true;
}

bool is_sha256(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!(is_digit(c) || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace stukwerk::plugins::rdf
