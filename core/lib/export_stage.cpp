#include "export_stage.hpp"

#include <map>

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

bool declares(const ExporterInfo& info, const std::string& name) {
    for (const OptionInfo& o : info.options)
        if (o.name == name) return true;
    return false;
}

}  // namespace

ExportPlan make_export_plan(const Registry& registry, const std::string& formats,
                            const std::vector<std::string>& option_args) {
    ExportPlan plan;
    for (const std::string& name : split(formats, ',')) {
        const ExporterSlot* slot = registry.find_exporter(name);
        if (!slot) {
            std::string known;
            for (const ExporterSlot& s : registry.exporters()) known += (known.empty() ? "" : ", ") + s.info.name;
            throw Error("unknown output format '" + name + "' (available: " + (known.empty() ? "none" : known) + ")");
        }
        bool twice = false;
        for (const ExporterSlot* s : plan.exporters) twice = twice || s == slot;
        if (!twice) plan.exporters.push_back(slot);
    }
    if (plan.exporters.empty()) throw Error("no output format given (-t FORMAT)");

    std::vector<std::map<std::string, std::string>> values(plan.exporters.size());
    for (const std::string& arg : option_args) {
        const auto eq = arg.find('=');
        std::string key = arg.substr(0, eq);
        const std::string value = eq == std::string::npos ? std::string() : arg.substr(eq + 1);
        std::string only;  // "csv.excel-safe" applies to csv alone
        if (const auto dot = key.find('.'); dot != std::string::npos && registry.find_exporter(key.substr(0, dot))) {
            only = key.substr(0, dot);
            key = key.substr(dot + 1);
        }
        bool used = false;
        for (std::size_t i = 0; i < plan.exporters.size(); ++i) {
            const ExporterInfo& info = plan.exporters[i]->info;
            if ((only.empty() || only == info.name) && declares(info, key)) {
                values[i][key] = value;
                used = true;
            }
        }
        if (!used) {
            std::string known;
            for (const ExporterSlot* s : plan.exporters)
                for (const OptionInfo& o : s->info.options) known += (known.empty() ? "" : ", ") + s->info.name + "." + o.name;
            throw Error("option '" + arg + "' is not an option of the chosen formats (options: " +
                        (known.empty() ? "none" : known) + ")");
        }
    }
    for (auto& v : values) plan.options.emplace_back(std::move(v));
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
