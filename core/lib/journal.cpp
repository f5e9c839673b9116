#include "journal.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <boost/json.hpp>

#include <stukwerk/error.hpp>

namespace stukwerk::core {
namespace bj = boost::json;

Journal::Journal(const std::filesystem::path& dir, bool resume, std::string exporters_stamp)
    : exporters_(std::move(exporters_stamp)) {
    const std::filesystem::path path = dir / file_name;
    if (resume) {
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            bj::error_code ec;
            const bj::value v = bj::parse(line, ec);
            if (ec || !v.is_object()) continue;  // a line cut short by a kill
            const bj::object& o = v.get_object();
            try {
                JournalEntry e;
                e.sha256 = o.at("sha256").as_string();
                e.importer = o.at("importer").as_string();
                e.exporters = o.at("exporters").as_string();
                for (const auto& d : o.at("documents").as_array()) e.documents.emplace_back(d.as_string());
                for (const auto& f : o.at("outputs").as_array()) e.outputs.emplace_back(f.as_string());
                entries_[std::string(o.at("path").as_string())] = std::move(e);
            } catch (const std::exception&) {
                continue;
            }
        }
    }
    file_ = std::fopen(path.c_str(), resume ? "a" : "w");
    if (!file_) throw Error("cannot write the run's journal " + path.string() + ": " + std::strerror(errno));
}

Journal::~Journal() {
    if (file_) std::fclose(file_);
}

const JournalEntry* Journal::find(const std::string& path) const {
    auto it = entries_.find(path);
    return it == entries_.end() ? nullptr : &it->second;
}

void Journal::record(const InputReport& r) {
    bj::array docs, outs;
    for (const std::string& d : r.documents) docs.emplace_back(d);
    for (const std::string& f : r.outputs) outs.emplace_back(f);
    const bj::object o{{"path", r.path},
                       {"sha256", r.sha256},
                       {"importer", r.importer + " " + r.importer_version},
                       {"exporters", exporters_},
                       {"documents", std::move(docs)},
                       {"outputs", std::move(outs)}};
    const std::string line = bj::serialize(o) + "\n";
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0)
        throw Error(std::string("cannot write the run's journal: ") + std::strerror(errno));
}

}  // namespace stukwerk::core
