#include "export_stage.hpp"

#include "plugin_options.hpp"

namespace stukwerk::core {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (c != ' ') {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

}  // namespace

ConversionPlan make_conversion_plan(const Registry& registry, const std::string& formats,
                                    const std::vector<std::string>& option_args) {
    ExportPlan exports;
    for (const std::string& name : split(formats, ',')) {
        const ExporterSlot* slot = registry.find_exporter(name);
        if (!slot) {
            std::string known;
            for (const ExporterSlot& s : registry.exporters()) known += (known.empty() ? "" : ", ") + s.info.name;
            throw Error("unknown output format '" + name + "' (available: " + (known.empty() ? "none" : known) + ")");
        }
        bool twice = false;
        for (const ExporterSlot* s : exports.exporters) twice = twice || s == slot;
        if (!twice) exports.exporters.push_back(slot);
    }
    if (exports.exporters.empty()) throw Error("no output format given (-t FORMAT)");

    ConversionPlan plan{std::move(exports), {}};
    AssignedOptions assigned = assign_options(registry, plan.exports.exporters, option_args);
    plan.exports.options = std::move(assigned.exporters);
    plan.imports = std::move(assigned.importers);
    return plan;
}

bool ExportPlan::is_aggregate(std::size_t i) const {
    const ExporterInfo& info = exporters[i]->info;
    return info.aggregate || (!info.aggregate_when.empty() && options[i].flag(info.aggregate_when));
}

ExportPlan ExportPlan::only_aggregate(bool aggregate) const {
    ExportPlan part;
    for (std::size_t i = 0; i < exporters.size(); ++i)
        if (is_aggregate(i) == aggregate) {
            part.exporters.push_back(exporters[i]);
            part.options.push_back(options[i]);
        }
    return part;
}

std::string ExportPlan::stamp() const {
    std::string out;
    for (std::size_t i = 0; i < exporters.size(); ++i) {
        if (i) out += "; ";
        out += exporters[i]->info.name + " " + exporters[i]->info.version + " {";
        bool first = true;
        for (const auto& [k, v] : options[i].all()) {
            out += (first ? "" : ",") + k + "=" + v;
            first = false;
        }
        out += "}";
    }
    return out;
}

ExportStage::ExportStage(const Registry& registry, const ExportPlan& plan, OutputStore& store) : store_(store) {
    for (std::size_t i = 0; i < plan.exporters.size(); ++i) {
        const ExporterSlot* slot = plan.exporters[i];
        Active a{slot, registry.create_exporter(*slot), plan.options[i]};
        try {
            a.exporter->begin(ExportContext{store_, a.options});
        } catch (const std::exception& e) {
            throw Error(slot->info.name + ": " + e.what());
        }
        active_.push_back(std::move(a));
    }
}

std::string ExportStage::write(const Document& doc) {
    std::string causes;
    for (Active& a : active_) {
        try {
            a.exporter->write(doc);
        } catch (const std::exception& e) {
            const std::string cause = a.slot->info.name + " could not write " + doc.id + ": " + e.what();
            causes = causes.empty() ? cause : causes + "; " + cause;
        }
    }
    return causes;
}

void ExportStage::consume(Document& doc, InputReport& report) {
    const std::string causes = write(doc);
    if (causes.empty()) return;
    report.status = InputStatus::failed;
    report.error = report.error.empty() ? causes : report.error + "; " + causes;
}

std::vector<std::string> ExportStage::finish() {
    std::vector<std::string> failures;
    if (finished_) return failures;
    finished_ = true;
    for (Active& a : active_) {
        try {
            a.exporter->finish();
        } catch (const std::exception& e) {
            failures.push_back(a.slot->info.name + ": " + e.what());
        }
    }
    return failures;
}

}  // namespace stukwerk::core
