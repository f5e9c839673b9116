// Format detection: every importer looks at the same first bytes and the
// file name; the most confident wins, and the runners-up are kept so that
// `stukwerk detect` and error messages can say why.
#pragma once

#include <string>
#include <vector>

#include "registry.hpp"

namespace stukwerk::core {

struct Candidate {
    const ImporterSlot* importer = nullptr;
    Identification identification;
};

// Importers that claim the input (confidence > 0), most confident first;
// ties go to the importer found first.
std::vector<Candidate> rank_importers(const Registry& registry, const Probe& probe);

// "oep-xml (95: root element officiele-publicatie), tk-opendata (10: ...)".
std::string describe_candidates(const std::vector<Candidate>& candidates, std::size_t max = 3);

}  // namespace stukwerk::core
