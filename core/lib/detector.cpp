#include "detector.hpp"

#include <algorithm>

namespace stukwerk::core {

std::vector<Candidate> rank_importers(const Registry& registry, const Probe& probe) {
    std::vector<Candidate> out;
    for (const ImporterSlot& slot : registry.importers()) {
        Identification id = slot.importer->identify(probe);
        id.confidence = std::clamp(id.confidence, 0, 100);
        if (id.confidence > 0) out.push_back(Candidate{&slot, std::move(id)});
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
        return a.identification.confidence > b.identification.confidence;
    });
    return out;
}

std::string describe_candidates(const std::vector<Candidate>& candidates, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < candidates.size() && i < max; ++i) {
        if (i) out += ", ";
        const Candidate& c = candidates[i];
        out += c.importer->info.name + " (" + std::to_string(c.identification.confidence);
        if (!c.identification.reason.empty()) out += ": " + c.identification.reason;
        out += ')';
    }
    return out;
}

}  // namespace stukwerk::core
