#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "text_util.hpp"

namespace stukwerk::pdf {
namespace {

struct Row {
    std::vector<Word> words;
    double core_y0 = 0, core_y1 = 0, core_size = 0;
};

// Groups words into rows: a word joins the row whose core (the extent of
// its full-size words) it overlaps most, by at least half of the smaller
// height. Superscripts overlap their own line and not the one above.
std::vector<Row> build_rows(std::vector<Word> words) {
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
        return a.center_y() < b.center_y() || (a.center_y() == b.center_y() && a.x0 < b.x0);
    });
    std::vector<Row> rows;
    for (Word& w : words) {
        std::size_t best = rows.size();
        double best_ratio = 0.5;
        const std::size_t reach = std::min<std::size_t>(rows.size(), 12);
        for (std::size_t k = rows.size(); k-- > rows.size() - reach;) {
            const Row& r = rows[k];
            const double overlap = std::min(w.y1, r.core_y1) - std::max(w.y0, r.core_y0);
            const double smaller = std::max(0.1, std::min(w.height(), r.core_y1 - r.core_y0));
            const double ratio = overlap / smaller;
            if (ratio >= best_ratio) {
                best_ratio = ratio;
                best = k;
            }
        }
        if (best == rows.size()) {
            rows.push_back(Row{{}, w.y0, w.y1, w.size});
        } else {
            Row& r = rows[best];
            if (same_size(w.size, r.core_size)) {
                r.core_y0 = std::min(r.core_y0, w.y0);
                r.core_y1 = std::max(r.core_y1, w.y1);
            } else if (w.size > r.core_size * 1.15 && r.words.size() == 1) {
                // the row began with a superscript: the full-size word is its core
                r.core_y0 = w.y0;
                r.core_y1 = w.y1;
                r.core_size = w.size;
            }
        }
        Row& r = best == rows.size() ? rows.back() : rows[best];
        r.words.push_back(std::move(w));
    }
    return rows;
}

// Splits a row into runs at gaps too wide for a word space: wider than 1.5
// em, or wider than 0.6 em where poppler itself ended its line.
std::vector<Segment> split_row(std::vector<Word> words) {
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    std::vector<Segment> out;
    for (Word& w : words) {
        bool fresh = out.empty();
        if (!fresh) {
            const Word& prev = out.back().words.back();
            const double em = std::max(prev.size, w.size);
            const double gap = w.x0 - prev.x1;
            fresh = gap > 1.5 * em || (gap > 0.6 * em && !prev.space_after);
        }
        if (fresh) {
            out.push_back(Segment{{}, w.x0, w.y0, w.x1, w.y1});
        } else {
            Segment& s = out.back();
            s.x0 = std::min(s.x0, w.x0);
            s.y0 = std::min(s.y0, w.y0);
            s.x1 = std::max(s.x1, w.x1);
            s.y1 = std::max(s.y1, w.y1);
        }
        out.back().words.push_back(std::move(w));
    }
    return out;
}

Line make_line(int page, int column, std::vector<Segment> segments) {
    Line line;
    line.page = page;
    line.column = column;
    line.segments = std::move(segments);
    line.x0 = line.y0 = 1e18;
    line.x1 = line.y1 = -1e18;
    std::map<long, std::size_t> chars_by_size;
    for (const Segment& s : line.segments) {
        line.x0 = std::min(line.x0, s.x0);
        line.y0 = std::min(line.y0, s.y0);
        line.x1 = std::max(line.x1, s.x1);
        line.y1 = std::max(line.y1, s.y1);
        for (const Word& w : s.words) chars_by_size[std::lround(w.size * 10)] += w.text.size();
    }
    long best = 0;
    std::size_t most = 0;
    for (const auto& [size, n] : chars_by_size)
        if (n > most || (n == most && size > best)) best = size, most = n;
    line.size = static_cast<double>(best) / 10;
    line.bold = line.italic = true;
    bool any = false;
    for (const Segment& s : line.segments)
        for (const Word& w : s.words) {
            if (w.size < line.size * 0.85) continue;
            any = true;
            line.baseline = std::max(line.baseline, w.y1);
            // punctuation carries no weight of its own
            if (!is_letter(first_code_point(w.text)) && !is_digit(first_code_point(w.text))) continue;
            line.bold = line.bold && w.bold;
            line.italic = line.italic && w.italic;
        }
    if (!any) line.baseline = line.y1, line.bold = line.italic = false;
    return line;
}

std::vector<Line> lines_of(int page, int column, std::vector<Word> words) {
    std::vector<Line> lines;
    for (Row& row : build_rows(std::move(words))) lines.push_back(make_line(page, column, split_row(std::move(row.words))));
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.baseline < b.baseline; });
    return lines;
}

// The x of a gutter between two columns of running text, or a negative
// number for a page without one. A gutter is a vertical strip near the
// middle that (almost) no run of words crosses while several wide runs lie
// on either side of it; narrow label columns ("Nr. 143", "Besluit:") do not
// count as columns.
double find_gutter(const std::vector<Segment>& segments, double width) {
    const double wide = 0.22 * width;
    double best_x = -1;
    std::size_t best_cross = static_cast<std::size_t>(-1);
    double run_start = -1, run_end = -1;
    for (double x = 0.3 * width; x <= 0.7 * width; x += 1) {
        std::size_t cross = 0, left = 0, right = 0;
        for (const Segment& s : segments) {
            if (s.x0 < x - 0.5 && s.x1 > x + 0.5) ++cross;
            else if (s.x1 <= x && s.x1 - s.x0 >= wide) ++left;
            else if (s.x0 >= x && s.x1 - s.x0 >= wide) ++right;
        }
        const bool valid = left >= 4 && right >= 4 && cross * 10 <= left + right;
        if (!valid) continue;
        if (cross < best_cross) {
            best_cross = cross;
            run_start = run_end = x;
        } else if (cross == best_cross && run_end >= x - 1.5) {
            run_end = x;
        }
    }
    if (run_start >= 0) best_x = (run_start + run_end) / 2;
    return best_x;
}

PageLines lay_out_page(const Page& page) {
    PageLines out;
    out.number = page.number;
    out.width = page.width;
    out.height = page.height;
    std::vector<std::vector<Segment>> rows;
    std::vector<Segment> rough;
    for (Row& row : build_rows(page.words)) rows.push_back(split_row(std::move(row.words)));
    for (const std::vector<Segment>& r : rows) rough.insert(rough.end(), r.begin(), r.end());
    const double gutter = find_gutter(rough, page.width);
    if (gutter < 0) {
        // one column: the rows are the lines
        for (std::vector<Segment>& r : rows) out.lines.push_back(make_line(page.number, 0, std::move(r)));
        std::sort(out.lines.begin(), out.lines.end(), [](const Line& a, const Line& b) { return a.baseline < b.baseline; });
        return out;
    }
    out.columns = 2;
    // Runs crossing the gutter (a full-width title or footer) cut the page
    // into bands; each band is read left column first.
    std::vector<Segment> spanning;
    std::vector<Word> left, right;
    for (Segment& s : rough) {
        if (s.x0 < gutter - 0.5 && s.x1 > gutter + 0.5) {
            spanning.push_back(std::move(s));
            continue;
        }
        for (Word& w : s.words) ((w.x0 + w.x1) / 2 < gutter ? left : right).push_back(std::move(w));
    }
    std::vector<Line> span_lines;
    for (Segment& s : spanning) span_lines.push_back(make_line(page.number, 0, {std::move(s)}));
    std::sort(span_lines.begin(), span_lines.end(), [](const Line& a, const Line& b) { return a.y0 < b.y0; });
    std::vector<Line> left_lines = lines_of(page.number, 0, std::move(left));
    std::vector<Line> right_lines = lines_of(page.number, 1, std::move(right));
    std::size_t li = 0, ri = 0;
    for (std::size_t si = 0; si <= span_lines.size(); ++si) {
        const double limit = si < span_lines.size() ? span_lines[si].y0 : 1e18;
        while (li < left_lines.size() && left_lines[li].y0 < limit) out.lines.push_back(std::move(left_lines[li++]));
        while (ri < right_lines.size() && right_lines[ri].y0 < limit) out.lines.push_back(std::move(right_lines[ri++]));
        if (si < span_lines.size()) out.lines.push_back(std::move(span_lines[si]));
    }
    return out;
}

bool looks_like_page_number(const std::string& text) {
    const std::string t = ascii_lower(collapse_spaces(text));
    if (all_digits(t) && t.size() <= 4) return true;
    std::string k = furniture_key(t);
    for (std::string_view form : {"- # -", "-#-", "– # –", "pagina #", "blz. #", "page #"})
        if (k == form) return true;
    if (starts_with(k, "pagina ") || starts_with(k, "page ")) {
        const auto rest = k.substr(k.find(' ') + 1);
        return rest.find_first_not_of("# vanof/") == std::string::npos;
    }
    return false;
}

// The printer's lines of a KOOP publication: its id, the ISSN, the place
// and year of printing, and the running foot naming chamber, year, dossier
// and number.
bool looks_like_koop_colophon(const std::string& text) {
    const std::string t = collapse_spaces(text);
    for (std::string_view prefix : {"kst-", "ah-tk-", "ah-ek-", "h-tk-", "h-ek-", "blg-", "stcrt-", "stb-"})
        if (starts_with(t, prefix) && t.find(' ') == std::string::npos) return true;
    if (starts_with(t, "ISSN ")) return true;
    if (starts_with(t, "\xE2\x80\x99s-Gravenhage ") || starts_with(t, "'s-Gravenhage ")) return t.size() < 24;
    const std::string k = furniture_key(t);
    return starts_with(k, "tweede kamer, vergaderjaar ") || starts_with(k, "eerste kamer, vergaderjaar ");
}

}  // namespace

std::string Segment::text() const {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            const Word& prev = words[i - 1];
            const double gap = words[i].x0 - prev.x1;
            if (prev.space_after || gap > 0.2 * std::min(prev.size, words[i].size)) out += ' ';
        }
        out += words[i].text;
    }
    return out;
}

std::string Line::text() const {
    std::string out;
    for (const Segment& s : segments) {
        if (!out.empty()) out += ' ';
        out += s.text();
    }
    return out;
}

bool Line::is_superscript(const Word& w) const {
    return w.size < size * 0.85 && w.y1 < baseline - 0.15 * size;
}

bool same_size(double a, double b) { return std::fabs(a - b) <= 0.06 * std::max(a, b); }

std::vector<PageLines> lay_out(const std::vector<Page>& pages) {
    std::vector<PageLines> out;
    out.reserve(pages.size());
    for (const Page& p : pages) out.push_back(lay_out_page(p));
    return out;
}

void set_aside_furniture(std::vector<PageLines>& pages) {
    auto in_margin = [](const PageLines& p, const Line& l) {
        return l.y1 < 0.09 * p.height || l.y0 > 0.88 * p.height;
    };
    // Running heads and feet stand at the same height on every page; text
    // that merely recurs near an edge (a "Zaak:" row) does not.
    std::map<std::string, std::vector<std::pair<int, double>>> seen;  // key -> (page, top)
    for (const PageLines& p : pages)
        for (const Line& l : p.lines)
            if (in_margin(p, l)) {
                seen[furniture_key(l.text())].emplace_back(p.number, l.y0);
                for (const Segment& s : l.segments) seen[furniture_key(s.text())].emplace_back(p.number, s.y0);
            }
    auto recurs = [&](const std::string& text, double y0) {
        auto it = seen.find(furniture_key(text));
        if (it == seen.end()) return false;
        std::set<int> pages_at_height;
        for (const auto& [page, top] : it->second)
            if (std::fabs(top - y0) <= 4) pages_at_height.insert(page);
        // on most pages (half, for heads that alternate between left and right pages)
        return pages_at_height.size() >= std::max<std::size_t>(2, (pages.size() - 1) / 2);
    };
    for (PageLines& p : pages) {
        std::vector<Line> keep;
        for (Line& l : p.lines) {
            bool furniture = false;
            if (in_margin(p, l)) {
                const std::string text = l.text();
                furniture = recurs(text, l.y0) || looks_like_page_number(text) || looks_like_koop_colophon(text);
                if (!furniture) {
                    // a footer row of separate pieces ("Tweede Kamer", "TK 40", "40-6-1")
                    furniture = std::all_of(l.segments.begin(), l.segments.end(), [&](const Segment& s) {
                        const std::string st = s.text();
                        return (st.size() <= 40 && recurs(st, s.y0)) || looks_like_page_number(st) || looks_like_koop_colophon(st);
                    });
                }
            }
            (furniture ? p.furniture : keep).push_back(std::move(l));
        }
        p.lines = std::move(keep);
    }
}

double Typography::pitch(double size) const {
    double best = 0, distance = 1e18;
    for (const auto& [s, p] : pitches)
        if (std::fabs(s - size) < distance) distance = std::fabs(s - size), best = p;
    if (best > 0 && distance <= 0.1 * size) return best;
    return 1.2 * size;
}

Typography measure(const std::vector<PageLines>& pages) {
    Typography t;
    std::map<long, std::size_t> chars;
    std::map<long, std::map<long, std::size_t>> gaps;  // size*10 -> pitch*4 -> count
    for (const PageLines& p : pages) {
        const Line* prev = nullptr;
        for (const Line& l : p.lines) {
            std::size_t n = 0;
            for (const Segment& s : l.segments)
                for (const Word& w : s.words) n += w.text.size();
            chars[std::lround(l.size * 10)] += n;
            if (prev && prev->column == l.column && same_size(prev->size, l.size)) {
                const double d = l.baseline - prev->baseline;
                if (d > 0.9 * l.size && d < 2.0 * l.size) gaps[std::lround(l.size * 10)][std::lround(d * 4)]++;
            }
            prev = &l;
        }
    }
    std::size_t most = 0;
    for (const auto& [size, n] : chars)
        if (n > most) most = n, t.body_size = static_cast<double>(size) / 10;
    for (const auto& [size, hist] : gaps) {
        long best = 0;
        std::size_t count = 0;
        for (const auto& [d, n] : hist)
            if (n > count) count = n, best = d;
        t.pitches.emplace_back(static_cast<double>(size) / 10, static_cast<double>(best) / 4);
    }
    return t;
}

}  // namespace stukwerk::pdf
