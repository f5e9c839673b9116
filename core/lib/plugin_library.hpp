// Loading one plugin file, checking that it is safe to use, and keeping its
// library alive exactly as long as any object it made.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

#include <stukwerk/plugin.hpp>

namespace boost::dll {
class shared_library;
}

namespace stukwerk::core {

using Library = std::shared_ptr<boost::dll::shared_library>;

// Deletes a plugin-made object, then lets go of the library: the object's
// destructor is code inside the library, so the library must outlive it.
template <class T>
struct PluginDeleter {
    Library library;
    void operator()(T* p) const { delete p; }
};

template <class T>
using PluginPtr = std::unique_ptr<T, PluginDeleter<T>>;

struct LoadedPlugin {
    std::filesystem::path path;
    Library library;
    Manifest manifest;
};

// The outcome of loading one file: the plugin, or why it was refused.
using LoadResult = std::variant<LoadedPlugin, std::string>;

// Loads `path`, checks its ABI version and toolchain against the host's
// before calling anything else in it, then reads its manifest. Never throws.
LoadResult load_plugin(const std::filesystem::path& path);

}  // namespace stukwerk::core
