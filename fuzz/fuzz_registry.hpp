// The plugins of the fuzz build, loaded once per fuzzing process.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "registry.hpp"

namespace stukwerk::fuzz {

inline const core::Registry& plugins() {
    static const core::Registry registry = [] {
        core::Registry r;
        r.load_directory(STUKWERK_PLUGIN_BUILD_DIR);
        for (const core::PluginDiagnostic& d : r.diagnostics())
            std::fprintf(stderr, "fuzz: plugin %s: %s\n", d.path.c_str(), d.message.c_str());
        return r;
    }();
    return registry;
}

}  // namespace stukwerk::fuzz
