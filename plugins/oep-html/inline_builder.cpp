#include "inline_builder.hpp"

namespace stukwerk::oep_html {
namespace {

bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

void InlineBuilder::text(std::string_view s, std::uint8_t styles, const LinkRef* link) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (html_space(s[i])) {
            while (i < s.size() && html_space(s[i])) ++i;
            if (!out_.empty() && out_.back().kind != InlineKind::line_break) space_ = true;
            continue;
        }
        const std::size_t start = i;
        while (i < s.size() && !html_space(s[i])) ++i;
        visible(s.substr(start, i - start), styles, link);
    }
}

bool InlineBuilder::space_before_new_run(bool new_run_is_text, std::uint8_t new_styles) {
    if (!space_) return false;
    space_ = false;
    // The space goes to the plainer side: "wordt <em>in het lid</em> a" keeps
    // it out of the italic run.
    const bool last_is_text = !out_.empty() && out_.back().kind == InlineKind::text && last_link_ == 0;
    const bool last_plainer = last_is_text && (out_.back().styles & ~new_styles) == 0;
    if (last_is_text && (last_plainer || !new_run_is_text)) {
        out_.back().text.push_back(' ');
        return false;
    }
    if (new_run_is_text) return true;
    out_.push_back(text_run(" "));
    last_link_ = 0;
    return false;
}

void InlineBuilder::visible(std::string_view s, std::uint8_t styles, const LinkRef* link) {
    const unsigned serial = link ? link->serial : 0;
    if (!out_.empty()) {
        Inline& last = out_.back();
        const bool continues = last_link_ == serial && last.styles == styles &&
                               last.kind == (link ? InlineKind::link : InlineKind::text);
        if (continues) {
            if (space_) last.text.push_back(' ');
            space_ = false;
            last.text += s;
            return;
        }
    }
    const bool leading_space = space_before_new_run(link == nullptr, styles);
    Inline in;
    in.kind = link ? InlineKind::link : InlineKind::text;
    in.styles = styles;
    in.text.reserve(s.size() + 1);
    if (leading_space) in.text.push_back(' ');
    in.text.append(s.data(), s.size());
    if (link) in.target = link->target;
    out_.push_back(std::move(in));
    last_link_ = serial;
}

void InlineBuilder::line_break() {
    space_ = false;
    // None at the start of a block; two in a row are an empty line.
    if (!out_.empty()) out_.push_back(Inline{InlineKind::line_break, {}, style::none, {}});
    last_link_ = 0;
}

void InlineBuilder::note_ref(std::string label, std::string target) {
    space_before_new_run(false, style::none);
    out_.push_back(Inline{InlineKind::note_ref, std::move(label), style::superscript, std::move(target)});
    last_link_ = 0;
}

std::vector<Inline> InlineBuilder::take() {
    while (!out_.empty() && out_.back().kind == InlineKind::line_break) out_.pop_back();
    std::vector<Inline> result = std::move(out_);
    out_.clear();
    space_ = false;
    last_link_ = 0;
    return result;
}

}  // namespace stukwerk::oep_html
