#include "plugin_library.hpp"

#include <boost/dll/shared_library.hpp>

#include <cstring>

namespace stukwerk::core {
namespace {

constexpr const char* abi_symbol = "stukwerk_abi_version";
constexpr const char* toolchain_symbol = "stukwerk_toolchain";
constexpr const char* manifest_symbol = "stukwerk_manifest";

}  // namespace

LoadResult load_plugin(const std::filesystem::path& path) {
    Library lib;
    try {
        // rtld_now: a library with unresolved symbols fails here, with the
        // loader's message, rather than crashing later in the middle of a batch.
        lib = std::make_shared<boost::dll::shared_library>(
            path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        return std::string("cannot be loaded: ") + e.what();
    }

    try {
        if (!lib->has(abi_symbol))
            return std::string("not a stukwerk plugin (no ") + abi_symbol + " symbol)";
        // The symbols are BOOST_DLL_ALIAS pointers, so they are read with
        // get_alias (get<> on an alias would call the pointer itself).
        const int abi = lib->get_alias<int()>(abi_symbol)();
        if (abi != STUKWERK_ABI_VERSION)
            return "built for plugin ABI version " + std::to_string(abi) + ", this stukwerk has ABI version " +
                   std::to_string(STUKWERK_ABI_VERSION);
        if (!lib->has(toolchain_symbol))
            return std::string("incomplete plugin: no ") + toolchain_symbol + " symbol";
        const char* tc = lib->get_alias<const char*()>(toolchain_symbol)();
        if (tc == nullptr || std::strcmp(tc, STUKWERK_TOOLCHAIN) != 0)
            return std::string("built with toolchain '") + (tc ? tc : "?") + "', this stukwerk uses '" +
                   STUKWERK_TOOLCHAIN + "'";
        if (!lib->has(manifest_symbol))
            return std::string("incomplete plugin: no ") + manifest_symbol + " symbol";
        Manifest manifest = lib->get_alias<Manifest()>(manifest_symbol)();
        if (manifest.importers.empty() && manifest.exporters.empty())
            return std::string("plugin declares no importer and no exporter");
        return LoadedPlugin{path, std::move(lib), std::move(manifest)};
    } catch (const std::exception& e) {
        return std::string("failed while reading its manifest: ") + e.what();
    } catch (...) {
        return std::string("failed while reading its manifest");
    }
}

}  // namespace stukwerk::core
