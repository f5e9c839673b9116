// The set of importers and exporters available to this process, found in
// plugin folders. Every file that cannot be used is reported once, with its
// path and the reason, and skipped: the registry never fails as a whole.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugin_library.hpp"

namespace stukwerk::core {

struct ImporterSlot {
    ImporterInfo info;
    std::filesystem::path library_path;
    std::shared_ptr<const Importer> importer;  // holds the library alive
};

struct ExporterSlot {
    ExporterInfo info;
    std::filesystem::path library_path;
    std::unique_ptr<Exporter> (*create)() = nullptr;
    Library library;
};

struct PluginDiagnostic {
    enum class Kind { skipped, duplicate };
    Kind kind;
    std::filesystem::path path;
    std::string message;
};

class Registry {
public:
    // Loads every plugin file (*.so) in each folder, in the order given;
    // folders that do not exist are ignored.
    void load_directories(const std::vector<std::filesystem::path>& dirs);
    void load_directory(const std::filesystem::path& dir);
    // Loads one file; returns false (with a diagnostic) when it is refused.
    bool load_file(const std::filesystem::path& file);

    const std::vector<ImporterSlot>& importers() const { return importers_; }
    const std::vector<ExporterSlot>& exporters() const { return exporters_; }
    const std::vector<PluginDiagnostic>& diagnostics() const { return diagnostics_; }

    const ImporterSlot* find_importer(std::string_view name) const;
    const ExporterSlot* find_exporter(std::string_view name) const;

    // A new exporter object, which keeps its library loaded until destroyed.
    PluginPtr<Exporter> create_exporter(const ExporterSlot& slot) const;

private:
    void add(LoadedPlugin plugin);

    std::vector<ImporterSlot> importers_;
    std::vector<ExporterSlot> exporters_;
    std::vector<PluginDiagnostic> diagnostics_;
};

}  // namespace stukwerk::core
