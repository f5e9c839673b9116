// A block's text as a browser lays it out: every run of HTML whitespace
// (space, tab, line feed, carriage return, form feed) is one space, there is
// none at the start of a block, after a forced line break or at the end, and
// a no-break space stays what it is. Runs of one style merge; a link is one
// inline however much markup its text has inside.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <stukwerk/block.hpp>

namespace stukwerk::oep_html {

// The <a href> an inline run belongs to; `serial` tells two neighbouring
// links to the same address apart.
struct LinkRef {
    std::string target;
    unsigned serial = 0;
};

class InlineBuilder {
public:
    void text(std::string_view s, std::uint8_t styles, const LinkRef* link);
    void line_break();
    void note_ref(std::string label, std::string target);

    bool empty() const { return out_.empty(); }
    // The inlines so far, without a trailing line break; the builder is
    // empty afterwards.
    std::vector<Inline> take();

private:
    void visible(std::string_view s, std::uint8_t styles, const LinkRef* link);
    // Places a pending space; true when it belongs at the start of the new run.
    bool space_before_new_run(bool new_run_is_text, std::uint8_t new_styles);

    std::vector<Inline> out_;
    unsigned last_link_ = 0;  // serial of the link the last inline belongs to
    bool space_ = false;      // a space is due before the next visible character
};

}  // namespace stukwerk::oep_html
