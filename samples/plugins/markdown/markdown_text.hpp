// Markdown for text that came from somewhere else: escaping, inline runs,
// and YAML scalars for the front matter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <stukwerk/block.hpp>

namespace markdown {

// Escapes the characters Markdown would otherwise read as markup.
std::string escape(std::string_view text);

// A run of inlines: emphasis, links, footnote markers, hard breaks.
std::string render_inlines(const std::vector<stukwerk::Inline>& inlines);

// A double-quoted YAML scalar.
std::string yaml_string(std::string_view text);

}  // namespace markdown
