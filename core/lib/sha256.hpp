// SHA-256 of an input's bytes, as lower-case hex: the provenance key that
// resume and deduplication rely on.
#pragma once

#include <string>
#include <string_view>

namespace stukwerk::core {

std::string sha256_hex(std::string_view bytes);

}  // namespace stukwerk::core
