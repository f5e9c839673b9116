// Fuzzes the citation scanner every document's text goes through.
#include <cstdint>
#include <string_view>

#include "passes/reference_extractor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const stukwerk::core::Citation& c : stukwerk::core::find_citations(text)) {
        if (c.target.empty() || c.text.empty()) __builtin_trap();
    }
    stukwerk::core::publication_id_from_url(text);
    stukwerk::core::compact_session_year(text);
    return 0;
}
