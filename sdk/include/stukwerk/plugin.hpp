// Registering a plugin.
//
// One plugin library holds one or more importers and exporters. Each class
// has a static `describe()` returning its ImporterInfo or ExporterInfo and a
// default constructor; list the classes once:
//
//     STUKWERK_PLUGIN(MyImporter)
//     STUKWERK_PLUGIN(TurtleExporter, JsonLdExporter)
//
// The macro exports three symbols through BOOST_DLL_ALIAS:
//   stukwerk_abi_version  int()          checked first, before anything else runs
//   stukwerk_toolchain    const char*()  checked second
//   stukwerk_manifest     Manifest()     the components, their info and factories
// A host refuses a library whose ABI version or toolchain differs from its
// own, with a message naming both, and never calls its manifest.
#pragma once

#ifndef BOOST_DLL_USE_STD_FS
#define BOOST_DLL_USE_STD_FS
#endif
#include <boost/dll/alias.hpp>

#include <memory>
#include <type_traits>
#include <vector>

#include <stukwerk/abi.hpp>
#include <stukwerk/exporter.hpp>
#include <stukwerk/importer.hpp>

namespace stukwerk {

struct ImporterEntry {
    ImporterInfo info;
    std::unique_ptr<Importer> (*create)();
};

struct ExporterEntry {
    ExporterInfo info;
    std::unique_ptr<Exporter> (*create)();
};

struct Manifest {
    std::vector<ImporterEntry> importers;
    std::vector<ExporterEntry> exporters;
};

namespace detail {

template <class T>
void add_component(Manifest& m) {
    if constexpr (std::is_base_of_v<Importer, T>) {
        m.importers.push_back(ImporterEntry{
            T::describe(), []() -> std::unique_ptr<Importer> { return std::make_unique<T>(); }});
    } else {
        static_assert(std::is_base_of_v<Exporter, T>,
                      "STUKWERK_PLUGIN lists importers and exporters only");
        m.exporters.push_back(ExporterEntry{
            T::describe(), []() -> std::unique_ptr<Exporter> { return std::make_unique<T>(); }});
    }
}

template <class... T>
Manifest manifest_of() {
    Manifest m;
    (add_component<T>(m), ...);
    return m;
}

}  // namespace detail
}  // namespace stukwerk

#define STUKWERK_PLUGIN(...)                                                            \
    namespace stukwerk_plugin_entry_ {                                                  \
    int abi_version() { return STUKWERK_ABI_VERSION; }                                  \
    const char* toolchain() { return STUKWERK_TOOLCHAIN; }                              \
    ::stukwerk::Manifest manifest() { return ::stukwerk::detail::manifest_of<__VA_ARGS__>(); } \
    }                                                                                   \
    BOOST_DLL_ALIAS(stukwerk_plugin_entry_::abi_version, stukwerk_abi_version)          \
    BOOST_DLL_ALIAS(stukwerk_plugin_entry_::toolchain, stukwerk_toolchain)              \
    BOOST_DLL_ALIAS(stukwerk_plugin_entry_::manifest, stukwerk_manifest)
