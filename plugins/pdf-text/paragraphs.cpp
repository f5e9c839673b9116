#include "paragraphs.hpp"

#include <algorithm>
#include <map>

#include "hyphenation.hpp"
#include "text_util.hpp"

namespace stukwerk::pdf {
namespace {

const Word* first_word(const Line& l) {
    for (const Segment& s : l.segments)
        if (!s.words.empty()) return &s.words.front();
    return nullptr;
}

std::size_t word_count(const Line& l) {
    std::size_t n = 0;
    for (const Segment& s : l.segments) n += s.words.size();
    return n;
}

bool is_note_label(const Line& l) {
    const Word* w = first_word(l);
    if (!w || word_count(l) < 2) return false;
    return (all_digits(w->text) && w->text.size() <= 3) || w->text == "*";
}

// The sentence is closed at the end of this line.
bool ends_closed(const std::string& text, bool comma_too = false) {
    std::string t = trim(text);
    while (!t.empty()) {
        const char32_t c = last_code_point(t);
        if (c == ')' || c == '"' || c == '\'' || c == 0xBB || c == 0x201D || c == 0x2019) pop_code_point(t);
        else break;
    }
    const char32_t c = last_code_point(t);
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || (comma_too && c == ',');
}

}  // namespace

bool Para::bold() const {
    return std::all_of(lines.begin(), lines.end(), [](const Line& l) { return l.bold; });
}

bool is_list_label(std::string_view w) {
    // dashes and bullets: – - — • · ● and the Symbol font's bullet (U+F0B7)
    for (std::string_view bullet : {"\xE2\x80\x93", "-", "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x97\x8F",
                                    "\xEF\x82\xB7"})
        if (w == bullet) return true;
    if (w.size() < 2 || w.size() > 4) return false;
    const char last = w.back();
    if (last != '.' && last != ')') return false;
    const std::string_view body = w.substr(0, w.size() - 1);
    if (all_digits(body)) return true;
    return body.size() == 1 && body[0] >= 'a' && body[0] <= 'z';
}

char list_kind(std::string_view label) {
    if (!label.empty() && label[0] >= '0' && label[0] <= '9') return '1';
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z' && label.size() <= 3) return 'a';
    return '-';
}

std::vector<NoteDraft> take_footnotes(std::vector<PageLines>& pages, const Typography& t) {
    std::vector<NoteDraft> notes;
    auto small = [&](const Line& l) { return l.size <= 0.88 * t.body_size; };
    for (PageLines& p : pages) {
        std::vector<bool> taken(p.lines.size(), false);
        for (int column = 0; column < p.columns; ++column) {
            std::vector<std::size_t> index;
            for (std::size_t i = 0; i < p.lines.size(); ++i)
                if (p.lines[i].column == column) index.push_back(i);
            std::size_t start = index.size();
            while (start > 0 && small(p.lines[index[start - 1]])) --start;
            std::size_t first_label = start;
            while (first_label < index.size() && !is_note_label(p.lines[index[first_label]])) ++first_label;
            if (first_label == index.size()) continue;
            // Lines above the first label continue the last note of an
            // earlier page; without one they are not footnote text.
            const std::size_t from = notes.empty() ? first_label : start;
            for (std::size_t k = from; k < index.size(); ++k) {
                Line& l = p.lines[index[k]];
                if (k >= first_label && is_note_label(l)) notes.push_back(NoteDraft{first_word(l)->text, {}});
                notes.back().lines.push_back(l);
                taken[index[k]] = true;
            }
        }
        std::vector<Line> keep;
        for (std::size_t i = 0; i < p.lines.size(); ++i)
            if (!taken[i]) keep.push_back(std::move(p.lines[i]));
        p.lines = std::move(keep);
    }
    return notes;
}

std::vector<Para> group_paragraphs(std::vector<PageLines>& pages, const Typography& t) {
    std::map<std::pair<int, int>, double> right_edge;
    for (const PageLines& p : pages)
        for (const Line& l : p.lines) {
            double& edge = right_edge[{l.page, l.column}];
            edge = std::max(edge, l.x1);
        }
    // Justified text fills every line but a paragraph's last; ragged text
    // ends lines anywhere. Spaced paragraphs are told apart by their gaps,
    // unspaced ones only by a short last line.
    std::map<std::pair<int, int>, double> left_edge;
    for (const PageLines& p : pages)
        for (const Line& l : p.lines) {
            auto [it, fresh] = left_edge.emplace(std::pair{l.page, l.column}, l.x0);
            if (!fresh) it->second = std::min(it->second, l.x0);
        }
    std::size_t full_lines = 0, long_lines = 0, all_lines = 0, gaps = 0;
    for (const PageLines& p : pages) {
        const Line* before = nullptr;
        for (const Line& l : p.lines) {
            ++all_lines;
            const double left = left_edge[{l.page, l.column}], right = right_edge[{l.page, l.column}];
            if (l.x1 > left + 0.7 * (right - left)) {
                ++long_lines;
                if (l.x1 >= right - 1.5) ++full_lines;
            }
            if (before && before->column == l.column && same_size(before->size, l.size)) {
                const double pitch = l.baseline - before->baseline;
                const double usual = t.pitch(l.size);
                if (pitch > 1.35 * usual && pitch < 2.6 * usual) ++gaps;
            }
            before = &l;
        }
    }
    const bool justified = full_lines * 10 > long_lines * 6;
    const bool spaced = gaps * 20 >= all_lines;

    std::vector<Para> paras;
    const Line* prev = nullptr;
    for (PageLines& p : pages)
        for (Line& l : p.lines) {
            bool fresh = paras.empty() || !prev;
            if (!fresh) {
                const Para& cur = paras.back();
                const std::string prev_text = prev->text();
                const Word* w = first_word(l);
                const char32_t next = w ? first_code_point(w->text) : 0;
                if (prev->page != l.page || prev->column != l.column) {
                    // Over a column or page break a paragraph goes on only
                    // from a broken word, or from an open sentence on a full
                    // last line: up to the edge in justified text, most of the
                    // way in ragged text ("De Kamer," alone is a paragraph).
                    const bool broken_word = last_code_point(prev_text) == '-';
                    const double edge = right_edge[{prev->page, prev->column}];
                    const double left = left_edge[{prev->page, prev->column}];
                    const bool full = justified ? prev->x1 >= edge - 3 * prev->size
                                                : prev->x1 - left >= 0.6 * (edge - left);
                    fresh = !(same_size(prev->size, l.size) && prev->bold == l.bold &&
                              (broken_word || (full && !ends_closed(prev_text))));
                } else {
                    const double pitch = l.baseline - prev->baseline;
                    const double usual = t.pitch(std::max(l.size, prev->size));
                    const double edge = right_edge[{l.page, l.column}];
                    fresh = pitch > 1.35 * usual || !same_size(prev->size, l.size) || (cur.bold() && !l.bold) ||
                            (l.bold != prev->bold && ends_closed(prev_text)) ||
                            (l.segments.size() >= 2 && l.segments[0].x1 < prev->x0 - 0.5 * l.size) ||
                            (w && is_list_label(w->text) && word_count(l) > 1 && ends_closed(prev_text, true)) ||
                            (!spaced && prev->x1 < edge - 3 * l.size && ends_closed(prev_text) && !is_lower_letter(next));
                }
            }
            if (fresh) paras.emplace_back();
            paras.back().lines.push_back(std::move(l));
            prev = &paras.back().lines.back();
        }
    return paras;
}

SourceLocation location_of(const std::vector<Line>& lines) {
    SourceLocation loc;
    if (lines.empty()) return loc;
    loc.page = lines.front().page;
    loc.x0 = loc.y0 = 1e18;
    loc.x1 = loc.y1 = -1e18;
    for (const Line& l : lines) {
        if (l.page != loc.page) continue;
        loc.x0 = std::min(loc.x0, l.x0);
        loc.y0 = std::min(loc.y0, l.y0);
        loc.x1 = std::max(loc.x1, l.x1);
        loc.y1 = std::max(loc.y1, l.y1);
    }
    auto round2 = [](double v) { return static_cast<double>(static_cast<long long>(v * 100 + (v < 0 ? -0.5 : 0.5))) / 100; };
    loc.x0 = round2(loc.x0);
    loc.y0 = round2(loc.y0);
    loc.x1 = round2(loc.x1);
    loc.y1 = round2(loc.y1);
    return loc;
}

namespace {

class InlineBuilder {
public:
    explicit InlineBuilder(bool keep_styles) : keep_styles_(keep_styles) {}

    void space() { pending_space_ = true; }

    void word(const std::string& text, std::uint8_t styles) {
        if (!keep_styles_) styles = style::none;
        if (styles != style_ && !run_.empty()) {
            if (pending_space_) run_ += ' ', pending_space_ = false;
            flush();
        }
        style_ = styles;
        if (pending_space_ && !(run_.empty() && out_.empty())) {
            if (run_.empty() && !out_.empty() && out_.back().kind == InlineKind::text) out_.back().text += ' ';
            else run_ += ' ';
        }
        pending_space_ = false;
        run_ += text;
        last_word_ = text;
    }

    void note(const std::string& label) {
        if (pending_space_ && !(run_.empty() && out_.empty())) run_ += ' ';
        pending_space_ = false;
        flush();
        out_.push_back(Inline{InlineKind::note_ref, label, style::superscript, "fn" + label});
        last_word_ = label;
    }

    // Resolves the end of the previous line against the first word of the next.
    std::string join(const std::string& next_word, const Lexicon* lexicon) {
        switch (lexicon ? lexicon->resolve(last_word_, next_word) : join_lines(last_word_, next_word)) {
            case LineJoin::space: pending_space_ = true; return next_word;
            case LineJoin::keep_hyphen: return next_word;
            case LineJoin::drop_hyphen: drop_last_char(); return next_word;
            case LineJoin::drop_hyphen_trema: drop_last_char(); return with_trema(next_word);
        }
        return next_word;
    }

    std::vector<Inline> finish() {
        flush();
        if (!out_.empty() && out_.front().kind == InlineKind::text) out_.front().text = ltrim(out_.front().text);
        if (!out_.empty() && out_.back().kind == InlineKind::text) {
            std::string& t = out_.back().text;
            while (!t.empty() && t.back() == ' ') t.pop_back();
        }
        std::vector<Inline> result;
        for (Inline& in : out_)
            if (in.kind != InlineKind::text || !in.text.empty()) result.push_back(std::move(in));
        return result;
    }

private:
    static std::string ltrim(const std::string& s) {
        const auto i = s.find_first_not_of(' ');
        return i == std::string::npos ? std::string() : s.substr(i);
    }

    void drop_last_char() {
        std::string& t = run_.empty() && !out_.empty() && out_.back().kind == InlineKind::text ? out_.back().text : run_;
        pop_code_point(t);
    }

    void flush() {
        if (run_.empty()) return;
        if (!out_.empty() && out_.back().kind == InlineKind::text && out_.back().styles == style_)
            out_.back().text += run_;
        else
            out_.push_back(Inline{InlineKind::text, run_, style_, {}});
        run_.clear();
    }

    bool keep_styles_;
    std::vector<Inline> out_;
    std::string run_;
    std::uint8_t style_ = style::none;
    bool pending_space_ = false;
    std::string last_word_;
};

}  // namespace

std::vector<Inline> inlines_of(const std::vector<Line>& lines, const std::set<std::string>& note_labels,
                               const InlineOptions& options) {
    InlineBuilder b(options.keep_styles);
    bool first = true;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const Line& line = lines[li];
        std::size_t skip = li == 0 ? options.skip_words : 0;
        bool line_start = true;
        const Word* prev = nullptr;
        for (const Segment& s : line.segments) {
            for (const Word& w : s.words) {
                if (skip > 0) {
                    --skip;
                    continue;
                }
                const bool raised = line.is_superscript(w);
                std::string text = w.text;
                if (line_start && !first) {
                    text = b.join(text, options.lexicon);
                } else if (prev) {
                    const double gap = w.x0 - prev->x1;
                    if (prev->space_after || gap > 0.2 * std::min(prev->size, w.size) || &s.words.front() == &w) b.space();
                }
                line_start = false;
                first = false;
                prev = &w;
                if (raised && note_labels.count(w.text)) {
                    b.note(w.text);
                    continue;
                }
                std::uint8_t st = style::none;
                if (w.bold) st |= style::bold;
                if (w.italic) st |= style::italic;
                if (raised) st |= style::superscript;
                b.word(text, st);
            }
        }
    }
    return b.finish();
}

Lexicon build_lexicon(const std::vector<PageLines>& pages, const std::vector<NoteDraft>& notes) {
    Lexicon lex;
    std::size_t lines = 0, hyphen_ends = 0;
    auto add_line = [&](const Line& l, const Line* next) {
        ++lines;
        const Word* last = nullptr;
        for (const Segment& s : l.segments)
            for (const Word& w : s.words) {
                lex.add(w.text);
                last = &w;
            }
        if (!last || !next || next->column != l.column) return;
        const std::string& t = last->text;
        if (t.size() < 2 || t.back() != '-') return;
        std::string stem = t;
        stem.pop_back();
        const Word* first = first_word(*next);
        if (is_lower_letter(last_code_point(stem)) && first && is_lower_letter(first_code_point(first->text)))
            ++hyphen_ends;
    };
    for (const PageLines& p : pages)
        for (std::size_t i = 0; i < p.lines.size(); ++i)
            add_line(p.lines[i], i + 1 < p.lines.size() ? &p.lines[i + 1] : nullptr);
    for (const NoteDraft& n : notes)
        for (std::size_t i = 0; i < n.lines.size(); ++i)
            add_line(n.lines[i], i + 1 < n.lines.size() ? &n.lines[i + 1] : nullptr);
    lex.hyphenates = hyphen_ends * 25 > lines;
    return lex;
}

std::string text_of(const std::vector<Line>& lines) {
    return plain_text(inlines_of(lines, {}, InlineOptions{false, 0}));
}

}  // namespace stukwerk::pdf
