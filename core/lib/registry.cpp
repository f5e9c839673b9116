#include "registry.hpp"

#include <algorithm>
#include <system_error>

namespace stukwerk::core {
namespace fs = std::filesystem;

void Registry::load_directories(const std::vector<fs::path>& dirs) {
    for (const fs::path& dir : dirs) load_directory(dir);
}

void Registry::load_directory(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->path().extension() == ".so" && it->is_regular_file(type_ec)) files.push_back(it->path());
    }
    if (ec) {
        diagnostics_.push_back({PluginDiagnostic::Kind::skipped, dir, "cannot list folder: " + ec.message()});
        return;
    }
    // Directory order is arbitrary; sorting makes "first found wins" mean
    // the same thing on every machine.
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) load_file(f);
}

bool Registry::load_file(const fs::path& file) {
    LoadResult result = load_plugin(file);
    if (auto* reason = std::get_if<std::string>(&result)) {
        diagnostics_.push_back({PluginDiagnostic::Kind::skipped, file, *reason});
        return false;
    }
    add(std::get<LoadedPlugin>(std::move(result)));
    return true;
}

void Registry::add(LoadedPlugin plugin) {
    auto duplicate = [&](std::string_view kind, const std::string& name, const fs::path& first) {
        diagnostics_.push_back({PluginDiagnostic::Kind::duplicate, plugin.path,
                                std::string(kind) + " '" + name + "' is already provided by " + first.string() +
                                    "; the first one found is used"});
    };
    for (ImporterEntry& e : plugin.manifest.importers) {
        if (const ImporterSlot* first = find_importer(e.info.name)) {
            duplicate("importer", e.info.name, first->library_path);
            continue;
        }
        std::unique_ptr<Importer> made;
        try {
            made = e.create();
        } catch (const std::exception& ex) {
            diagnostics_.push_back({PluginDiagnostic::Kind::skipped, plugin.path,
                                    "importer '" + e.info.name + "' failed to start: " + ex.what()});
            continue;
        }
        Library lib = plugin.library;
        std::shared_ptr<const Importer> importer(made.release(), PluginDeleter<const Importer>{std::move(lib)});
        importers_.push_back(ImporterSlot{std::move(e.info), plugin.path, std::move(importer)});
    }
    for (ExporterEntry& e : plugin.manifest.exporters) {
        if (const ExporterSlot* first = find_exporter(e.info.name)) {
            duplicate("exporter", e.info.name, first->library_path);
            continue;
        }
        exporters_.push_back(ExporterSlot{std::move(e.info), plugin.path, e.create, plugin.library});
    }
}

const ImporterSlot* Registry::find_importer(std::string_view name) const {
    auto it = std::find_if(importers_.begin(), importers_.end(), [&](const auto& s) { return s.info.name == name; });
    return it == importers_.end() ? nullptr : &*it;
}

const ExporterSlot* Registry::find_exporter(std::string_view name) const {
    auto it = std::find_if(exporters_.begin(), exporters_.end(), [&](const auto& s) { return s.info.name == name; });
    return it == exporters_.end() ? nullptr : &*it;
}

PluginPtr<Exporter> Registry::create_exporter(const ExporterSlot& slot) const {
    std::unique_ptr<Exporter> made = slot.create();
    return PluginPtr<Exporter>(made.release(), PluginDeleter<Exporter>{slot.library});
}

}  // namespace stukwerk::core
