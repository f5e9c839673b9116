// One fast pass over an XML text that checks what makes XML dangerous or
// broken before any parser builds a tree from it:
//
//  * a DOCTYPE is refused outright: SyncFeed and VLOS never carry one, and
//    refusing it removes entity expansion ("billion laughs"), external
//    entities (file reads) and external DTDs (network reads) in one rule;
//  * nesting deeper than the host's limit is refused before any recursive
//    code could see it;
//  * a truncated text (elements still open at the end, an unfinished tag,
//    comment or CDATA section) and mismatched end tags are named as such.
//
// It also reports where each child of the root starts and ends, so a
// 200 MB feed can be parsed one <entry> at a time instead of as one tree.
// Attribute values and text are not checked here; pugixml parses every
// fragment it is given in full.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

namespace stukwerk::tk {

struct ChildElement {
    std::string_view qname;  // as written, with any prefix
    std::size_t begin = 0;   // offset of its '<'
    std::size_t end = 0;     // one past its last '>'
};

struct RootElement {
    std::string_view qname;
    std::string_view start_tag;  // "<feed xmlns=...>" as written: its namespace declarations
    std::size_t children = 0;
};

using ChildCallback = std::function<void(const RootElement&, const ChildElement&)>;

// Throws stukwerk::Error naming the problem and its line. `on_child` (may be
// empty) sees each child element of the root as soon as it is complete,
// before the rest of the text has been checked.
RootElement scan_outline(std::string_view text, std::uint32_t max_depth, const ChildCallback& on_child = {});

// 1-based line number of `offset` in `text`.
std::size_t line_at(std::string_view text, std::size_t offset);

}  // namespace stukwerk::tk
