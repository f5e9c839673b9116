#include "entity.hpp"

#include <cctype>

namespace stukwerk::tk {

std::string canonical_name(std::string_view name) {
    // The XSDs and OData agree on every name but these, apart from the case
    // of the first letter.
    static constexpr std::pair<std::string_view, std::string_view> exceptions[] = {
        {"externeidentifier", "ExterneIdentifier"},
    };
    for (const auto& [xsd, odata] : exceptions)
        if (name == xsd) return std::string(odata);
    std::string out(name);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace stukwerk::tk
