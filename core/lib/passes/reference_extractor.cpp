#include "reference_extractor.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace stukwerk::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

// The text with typographic spaces and dashes folded to ASCII, and the way
// back: where each byte of it came from, so a citation can be cut from the
// original text as written. Most text needs no folding and is scanned in
// place; where it does, the offsets are kept only at the folds (a vector of
// offsets per byte made this pass the costliest of a conversion).
class Folded {
public:
    explicit Folded(std::string_view s) : original_size_(s.size()) {
        std::size_t copied = 0, extra = 0;
        for (std::size_t i = 0; i < s.size();) {
            const std::size_t len = fold_length(s, i);
            if (len == 0) {
                ++i;
                continue;
            }
            if (folded_.empty() && folds_.empty()) folded_.reserve(s.size());
            folded_.append(s, copied, i - copied);
            folded_ += (len == 3 && is_dash(s[i + 2])) ? '-' : ' ';
            extra += len - 1;
            folds_.push_back({folded_.size(), extra});
            i += len;
            copied = i;
        }
        if (folds_.empty()) {
            text_ = s;
        } else {
            folded_.append(s, copied, s.size() - copied);
            text_ = folded_;
        }
    }
    Folded(const Folded&) = delete;
    Folded& operator=(const Folded&) = delete;

    std::string_view text() const { return text_; }

    // The offset in the original of byte `j` of text() (or of its end).
    std::size_t origin(std::size_t j) const {
        if (j >= text_.size()) return original_size_;
        const auto after = std::upper_bound(folds_.begin(), folds_.end(), j,
                                            [](std::size_t v, const Fold& f) { return v < f.folded_end; });
        return j + (after == folds_.begin() ? 0 : std::prev(after)->extra);
    }

private:
    struct Fold {
        std::size_t folded_end;  // the folded byte's position + 1
        std::size_t extra;       // original bytes dropped up to here
    };
    static bool is_dash(char c2) {
        const auto c = static_cast<unsigned char>(c2);
        return c == 0x93 || c == 0x94 || c == 0x90 || c == 0x91;  // en, em dash, hyphen, non-breaking hyphen
    }
    // The length of a sequence to fold at `i`, or 0.
    static std::size_t fold_length(std::string_view s, std::size_t i) {
        const auto c0 = static_cast<unsigned char>(s[i]);
        if (c0 == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;  // no-break space
        if (c0 == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            const auto c2 = static_cast<unsigned char>(s[i + 2]);
            // narrow no-break, thin, hair, punctuation space; the dashes
            if (c2 == 0xAF || c2 == 0x89 || c2 == 0x8A || c2 == 0x88 || is_dash(s[i + 2])) return 3;
        }
        return 0;
    }

    std::size_t original_size_;
    std::string folded_;
    std::string_view text_;
    std::vector<Fold> folds_;
};

class Scanner {
public:
    explicit Scanner(std::string_view s, std::size_t pos = 0) : s_(s), pos_(pos) {}

    std::size_t pos() const { return pos_; }
    void seek(std::size_t p) { pos_ = p; }
    bool at_end() const { return pos_ >= s_.size(); }
    char peek(std::size_t ahead = 0) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }

    std::size_t skip_spaces() {
        const std::size_t start = pos_;
        while (!at_end() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n')) ++pos_;
        return pos_ - start;
    }

    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    std::string digits(std::size_t max = 12) {
        std::string out;
        while (!at_end() && is_digit(s_[pos_]) && out.size() < max) out += s_[pos_++];
        if (!at_end() && is_digit(s_[pos_])) {  // too long to be a number we want
            pos_ -= out.size();
            return {};
        }
        return out;
    }

private:
    std::string_view s_;
    std::size_t pos_;
};

// "II" -> "tk", "I" -> "ek"; "" and the cursor unmoved when absent.
std::string chamber(Scanner& sc) {
    const std::size_t start = sc.pos();
    sc.skip_spaces();
    std::string code;
    if (sc.literal("II")) code = "tk";
    else if (sc.literal("I")) code = "ek";
    if (!code.empty() && !is_alnum(sc.peek())) return code;
    sc.seek(start);
    return {};
}

// A session year "2020/21", "2020-2021", "2020/2021" -> "20202021".
std::string session_year(Scanner& sc) {
    const std::size_t start = sc.pos();
    sc.skip_spaces();
    std::string first = sc.digits(4);
    if (first.size() == 4 && (sc.literal("/") || sc.literal("-"))) {
        std::string second = sc.digits(4);
        if (second.size() == 2) {
            int next = (std::stoi(first) + 1) % 100;
            if (std::stoi(second) == next) return first + std::to_string(std::stoi(first) + 1);
        } else if (second.size() == 4 && std::stoi(second) == std::stoi(first) + 1) {
            return first + second;
        }
    }
    sc.seek(start);
    return {};
}

// "nr.", "nr", "nrs.", "nummer"; the cursor after it.
bool number_word(Scanner& sc) {
    const std::size_t start = sc.pos();
    sc.skip_spaces();
    if (sc.literal("nrs.") || sc.literal("nrs") || sc.literal("nr.") || sc.literal("nr") ||
        sc.literal("nummers") || sc.literal("nummer")) {
        if (!is_alpha(sc.peek())) return true;
    }
    sc.seek(start);
    return false;
}

// One number or a list of them: "37", "39 en 54", "4, 5 en 10".
std::vector<std::string> number_list(Scanner& sc) {
    std::vector<std::string> out;
    sc.skip_spaces();
    std::string n = sc.digits(6);
    if (n.empty()) return out;
    out.push_back(n);
    for (;;) {
        const std::size_t save = sc.pos();
        sc.skip_spaces();
        const bool sep = sc.literal(",") || sc.literal("en") || sc.literal("&");
        if (!sep) {
            sc.seek(save);
            break;
        }
        sc.skip_spaces();
        std::string more = sc.digits(6);
        // "nr. 37, 38" continues; "nr. 37, blz. 4" or "nr. 37 en 36 200 X, nr. 5" does not.
        if (more.empty() || (sc.peek() == ' ' && is_digit(sc.peek(1)))) {
            sc.seek(save);
            break;
        }
        out.push_back(more);
    }
    return out;
}

// A dossier number: "36 200", "36200", "36 200 X", "21 501-20", "36 410 XVI".
// Returns the normalised form ("36200-X", "21501-20").
std::string dossier_number(Scanner& sc, std::size_t min_digits = 4) {
    const std::size_t start = sc.pos();
    sc.skip_spaces();
    std::string num = sc.digits(6);
    if (num.empty() || num.size() > 6) {
        sc.seek(start);
        return {};
    }
    if (num.size() <= 3 && sc.peek() == ' ' && is_digit(sc.peek(1))) {
        const std::size_t save = sc.pos();
        sc.literal(" ");
        std::string rest = sc.digits(3);
        if (rest.size() == 3 && !is_digit(sc.peek()))
            num += rest;
        else
            sc.seek(save);
    }
    if (num.size() < min_digits) {
        sc.seek(start);
        return {};
    }
    // A suffix: "-20", "-XVI", or a space and capitals ("X", "XVI", "A").
    if (sc.peek() == '-' && is_alnum(sc.peek(1))) {
        sc.literal("-");
        std::string suffix;
        while (is_alnum(sc.peek()) && suffix.size() < 8) suffix += sc.peek(), sc.seek(sc.pos() + 1);
        num += "-" + suffix;
    } else if (sc.peek() == ' ' && is_upper(sc.peek(1))) {
        const std::size_t save = sc.pos();
        sc.literal(" ");
        std::string suffix;
        while (is_upper(sc.peek()) && suffix.size() < 6) suffix += sc.peek(), sc.seek(sc.pos() + 1);
        if (!suffix.empty() && !is_alpha(sc.peek()))
            num += "-" + suffix;
        else
            sc.seek(save);
    }
    // A rijkswet number "(R2150)" belongs to the dossier; it is not part of the id.
    {
        const std::size_t save = sc.pos();
        sc.skip_spaces();
        if (!(sc.literal("(R") && !sc.digits(6).empty() && sc.literal(")"))) sc.seek(save);
    }
    return num;
}

struct Parsed {
    std::size_t begin = 0;  // set for addresses, which start before their keyword
    std::size_t end = 0;
    std::vector<Citation> found;  // text filled in by the caller
};

// One dossier's citations: "<dossier>, nr. <n> [en <n>...]", or the
// hyphenated id form "<dossier>-<sub>-<n>" ("21501-20-2070"). Returns the
// target ids, or none with the cursor unmoved.
std::vector<std::string> dossier_items(Scanner& sc, std::size_t min_digits) {
    const std::size_t start = sc.pos();
    const std::string dossier = dossier_number(sc, min_digits);
    if (dossier.empty()) return {};
    std::vector<std::string> targets;
    if (dossier.find('-') != std::string::npos && sc.peek() == '-' && is_digit(sc.peek(1))) {
        sc.literal("-");
        targets.push_back("kst-" + dossier + "-" + sc.digits(6));
        return targets;
    }
    sc.skip_spaces();
    sc.literal(",");
    if (!number_word(sc)) {
        sc.seek(start);
        return {};
    }
    for (const std::string& n : number_list(sc)) targets.push_back("kst-" + dossier + "-" + n);
    if (targets.empty()) sc.seek(start);
    return targets;
}

std::optional<Parsed> kamerstuk(Scanner& sc, std::string_view kind, std::size_t min_digits = 4) {
    chamber(sc);
    {
        const std::size_t save = sc.pos();
        if (!session_year(sc).empty()) {
            sc.skip_spaces();
            sc.literal(",");
        } else {
            sc.seek(save);
        }
    }
    Parsed p{};
    for (bool first = true;; first = false) {
        const std::size_t save = sc.pos();
        if (!first) {
            sc.skip_spaces();
            if (!(sc.literal(";") || sc.literal("en") || sc.literal(","))) break;
        }
        sc.skip_spaces();
        const std::vector<std::string> targets = dossier_items(sc, min_digits);
        if (targets.empty()) {
            sc.seek(save);
            break;
        }
        for (const std::string& t : targets) p.found.push_back(Citation{{}, t, std::string(kind)});
        p.end = sc.pos();
    }
    if (p.found.empty()) return std::nullopt;
    return p;
}

// "nr. 915 (21501-20)": a number, then its dossier in brackets.
std::optional<Parsed> number_then_dossier(Scanner& sc) {
    sc.skip_spaces();
    const std::string n = sc.digits(6);
    if (n.empty()) return std::nullopt;
    sc.skip_spaces();
    if (!sc.literal("(")) return std::nullopt;
    const std::string dossier = dossier_number(sc, 5);
    if (dossier.empty() || !sc.literal(")")) return std::nullopt;
    Parsed p{};
    p.end = sc.pos();
    p.found.push_back(Citation{{}, "kst-" + dossier + "-" + n, "kamerstuk"});
    return p;
}

std::optional<Parsed> handelingen(Scanner& sc, bool aanhangsel) {
    std::string ch = chamber(sc);
    if (ch.empty()) ch = "tk";
    const std::string year = session_year(sc);
    if (year.empty()) return std::nullopt;
    sc.skip_spaces();
    sc.literal(",");
    if (!number_word(sc)) return std::nullopt;
    sc.skip_spaces();
    const std::string nr = sc.digits(6);
    if (nr.empty()) return std::nullopt;
    Parsed p{};
    p.end = sc.pos();
    const std::string base = (aanhangsel ? "ah-" : "h-") + ch + "-" + year + "-" + nr;
    if (!aanhangsel) {
        const std::size_t save = sc.pos();
        sc.skip_spaces();
        sc.literal(",");
        sc.skip_spaces();
        if (sc.literal("items") || sc.literal("item")) {
            std::vector<std::string> items = number_list(sc);
            for (const std::string& i : items) p.found.push_back(Citation{{}, base + "-" + i, "handelingen"});
            if (!items.empty()) p.end = sc.pos();
        }
        if (p.found.empty()) sc.seek(save);
    }
    if (p.found.empty()) p.found.push_back(Citation{{}, base, aanhangsel ? "aanhangsel" : "handelingen"});
    return p;
}

// "Stb. 2021, 123" and the like.
std::optional<Parsed> gazette(Scanner& sc, std::string_view prefix, std::string_view kind) {
    sc.skip_spaces();
    const std::string year = sc.digits(4);
    if (year.size() != 4) return std::nullopt;
    sc.skip_spaces();
    if (!sc.literal(",")) return std::nullopt;
    number_word(sc);  // "Stcrt. 2021, nr. 4567" as well as "Stcrt. 2021, 4567"
    sc.skip_spaces();
    const std::string nr = sc.digits(7);
    if (nr.empty()) return std::nullopt;
    Parsed p{};
    p.end = sc.pos();
    p.found.push_back(Citation{{}, std::string(prefix) + "-" + year + "-" + nr, std::string(kind)});
    return p;
}

}  // namespace

std::string publication_kind(std::string_view id) {
    auto starts = [&](std::string_view p) { return id.substr(0, p.size()) == p; };
    if (starts("kst-")) return "kamerstuk";
    if (starts("ah-")) return "aanhangsel";
    if (starts("h-")) return "handelingen";
    if (starts("blg-")) return "bijlage";
    if (starts("stb-")) return "staatsblad";
    if (starts("stcrt-")) return "staatscourant";
    if (starts("trb-")) return "tractatenblad";
    return "publication";
}

namespace {

bool looks_like_publication_id(std::string_view seg) {
    const auto dash = seg.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > 6) return false;
    for (std::size_t i = 0; i < dash; ++i)
        if (!(seg[i] >= 'a' && seg[i] <= 'z')) return false;
    bool digit = false;
    for (std::size_t i = dash + 1; i < seg.size(); ++i) {
        if (is_digit(seg[i])) digit = true;
        else if (!is_alpha(seg[i]) && seg[i] != '-') return false;
    }
    return digit;
}

struct Keyword {
    std::string_view word;
    enum Kind { kamerstuk, bijlage, handelingen, aanhangsel, stb, stcrt, trb, url, bracket, number, replaces } kind;
};

constexpr Keyword keywords[] = {
    {"bijlage bij Kamerstukken", Keyword::bijlage},   {"bijlage bij Kamerstuk", Keyword::bijlage},
    {"Bijlage bij Kamerstukken", Keyword::bijlage},   {"Bijlage bij Kamerstuk", Keyword::bijlage},
    {"Kamerstukken", Keyword::kamerstuk},             {"Kamerstuk", Keyword::kamerstuk},
    {"kamerstukken", Keyword::kamerstuk},             {"kamerstuk", Keyword::kamerstuk},
    {"Aanhangsel Handelingen", Keyword::aanhangsel},  {"Aanhangsel van de Handelingen", Keyword::aanhangsel},
    {"Handelingen", Keyword::handelingen},            {"Stb.", Keyword::stb},
    {"Staatsblad", Keyword::stb},                     {"Stcrt.", Keyword::stcrt},
    {"Staatscourant", Keyword::stcrt},                {"Trb.", Keyword::trb},
    {"officielebekendmakingen.nl/", Keyword::url},    {"repository.overheid.nl/", Keyword::url},
    // Without a keyword, as Handelingen and open data write them: a dossier
    // and number in brackets "(21 501-20, nr. 915)", a number and its dossier
    // "nr. 915 (21501-20)", a motion replaced "t.v.v. 21501-20-2070". These
    // need a five-digit dossier, so years in brackets are not taken for one.
    {"(", Keyword::bracket},                          {"nr.", Keyword::number},
    {"t.v.v.", Keyword::replaces},
};

// The first bytes keywords can start with, so the scan compares only where
// one might begin instead of trying every keyword at every position.
struct FirstBytes {
    bool table[256] = {};
    constexpr FirstBytes() {
        for (const Keyword& k : keywords) table[static_cast<unsigned char>(k.word[0])] = true;
    }
};
constexpr FirstBytes first_bytes;

std::optional<Parsed> url_citation(std::string_view s, std::size_t start, std::size_t after_host) {
    // Back up to the start of the address ("https://zoek.").
    std::size_t begin = start;
    while (begin > 0 && !std::isspace(static_cast<unsigned char>(s[begin - 1])) && s[begin - 1] != '(' &&
           s[begin - 1] != '"' && s[begin - 1] != '<')
        --begin;
    std::size_t end = after_host;
    while (end < s.size() && (is_alnum(s[end]) || s[end] == '-' || s[end] == '_' || s[end] == '.' || s[end] == '/' ||
                              s[end] == '?' || s[end] == '=' || s[end] == '&' || s[end] == '#' || s[end] == '%'))
        ++end;
    while (end > after_host && (s[end - 1] == '.' || s[end - 1] == ',')) --end;  // sentence punctuation
    const std::string id = publication_id_from_url(s.substr(begin, end - begin));
    if (id.empty()) return std::nullopt;
    Parsed p{};
    p.begin = begin;
    p.end = end;
    p.found.push_back(Citation{{}, id, publication_kind(id)});
    return p;
}

}  // namespace

std::string compact_session_year(std::string_view year) {
    const Folded f(year);
    Scanner sc(f.text());
    std::string out = session_year(sc);
    sc.skip_spaces();
    return sc.at_end() ? out : std::string();
}

std::string publication_id_from_url(std::string_view url) {
    std::size_t host = url.find("officielebekendmakingen.nl/");
    std::size_t skip = std::string_view("officielebekendmakingen.nl/").size();
    if (host == std::string_view::npos) {
        host = url.find("repository.overheid.nl/");
        skip = std::string_view("repository.overheid.nl/").size();
    }
    if (host == std::string_view::npos) return {};
    std::string_view path = url.substr(host + skip);
    path = path.substr(0, path.find_first_of("?#"));
    while (!path.empty()) {
        const auto slash = path.find('/');
        std::string_view seg = path.substr(0, slash);
        for (std::string_view ext : {".html", ".pdf", ".xml", ".odt"})
            if (seg.size() > ext.size() && seg.substr(seg.size() - ext.size()) == ext) seg.remove_suffix(ext.size());
        if (looks_like_publication_id(seg)) return std::string(seg);
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return {};
}

std::vector<Citation> find_citations(std::string_view original) {
    std::vector<Citation> out;
    const Folded f(original);
    const std::string_view s = f.text();
    for (std::size_t i = 0; i < s.size();) {
        if (!first_bytes.table[static_cast<unsigned char>(s[i])]) {
            ++i;
            continue;
        }
        const bool boundary = i == 0 || !is_alnum(s[i - 1]);
        const Keyword* hit = nullptr;
        for (const Keyword& k : keywords)
            if ((boundary || k.kind == Keyword::url || k.kind == Keyword::bracket) && s.substr(i, k.word.size()) == k.word) {
                hit = &k;
                break;
            }
        if (!hit) {
            ++i;
            continue;
        }
        Scanner sc(s, i + hit->word.size());
        std::optional<Parsed> p;
        switch (hit->kind) {
            case Keyword::kamerstuk: p = kamerstuk(sc, "kamerstuk"); break;
            case Keyword::bijlage: p = kamerstuk(sc, "bijlage"); break;
            case Keyword::handelingen: p = handelingen(sc, false); break;
            case Keyword::aanhangsel: p = handelingen(sc, true); break;
            case Keyword::stb: p = gazette(sc, "stb", "staatsblad"); break;
            case Keyword::stcrt: p = gazette(sc, "stcrt", "staatscourant"); break;
            case Keyword::trb: p = gazette(sc, "trb", "tractatenblad"); break;
            case Keyword::url: p = url_citation(s, i, i + hit->word.size()); break;
            case Keyword::bracket: p = kamerstuk(sc, "kamerstuk", 5); break;
            case Keyword::number: p = number_then_dossier(sc); break;
            case Keyword::replaces: p = kamerstuk(sc, "kamerstuk", 5); break;
        }
        if (!p) {
            i += hit->word.size();
            continue;
        }
        const std::size_t begin = hit->kind == Keyword::url ? p->begin : hit->kind == Keyword::bracket ? i + 1 : i;
        const std::string text(original.substr(f.origin(begin), f.origin(p->end) - f.origin(begin)));
        for (Citation& c : p->found) {
            c.text = text;
            out.push_back(std::move(c));
        }
        i = std::max(p->end, i + 1);
    }
    return out;
}

}  // namespace stukwerk::core
