// `stukwerk detect`: which importer would read each file, how sure it is,
// and who came next.
#include <iostream>

#include <boost/json.hpp>

#include "cli.hpp"
#include "detector.hpp"
#include "input_file.hpp"

namespace stukwerk::cli {

int cmd_detect(const std::vector<std::string>& args) {
    po::options_description desc(
        "Usage: stukwerk detect FILE... [--json]\n\n"
        "Shows, for each file, the importer chosen, its confidence and the runners-up.\n\nOptions");
    std::vector<std::string> files;
    bool json = false;
    PluginOptions plugins;
    desc.add_options()("help,h", "print this help")("json", po::bool_switch(&json), "print JSON Lines, one per file")(
        "file", po::value(&files), "files to look at");
    plugins.add_to(desc);
    po::positional_options_description pos;
    pos.add("file", -1);
    const po::variables_map vm = parse(args, desc, &pos);
    if (vm.count("help")) {
        std::cout << desc << '\n';
        return exit_ok;
    }
    if (files.empty()) throw UsageError("detect needs at least one FILE");

    const core::Registry registry = plugins.load();
    int status = exit_ok;
    for (const std::string& file : files) {
        std::vector<core::Candidate> ranked;
        std::string error;
        try {
            const core::InputFile input = core::InputFile::open(file, std::uint64_t(-1));
            if (input.size() == 0) error = "the file is empty";
            else ranked = core::rank_importers(registry, input.probe());
            if (error.empty() && ranked.empty()) error = "no importer recognises this file";
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (!error.empty()) status = exit_failed;
        if (json) {
            boost::json::array candidates;
            for (const core::Candidate& c : ranked)
                candidates.push_back(boost::json::object{{"importer", c.importer->info.name},
                                                         {"confidence", c.identification.confidence},
                                                         {"reason", c.identification.reason}});
            boost::json::object line{{"path", file}, {"candidates", std::move(candidates)}};
            if (!error.empty()) line["error"] = error;
            std::cout << boost::json::serialize(line) << '\n';
            continue;
        }
        if (!error.empty()) {
            std::cout << file << ": " << error << '\n';
            continue;
        }
        const core::Candidate& best = ranked.front();
        std::cout << file << ": " << best.importer->info.name << " (confidence " << best.identification.confidence
                  << ": " << best.identification.reason << ")";
        if (ranked.size() > 1) {
            std::cout << "; runners-up: "
                      << core::describe_candidates(std::vector<core::Candidate>(ranked.begin() + 1, ranked.end()));
        }
        std::cout << '\n';
    }
    return status;
}

}  // namespace stukwerk::cli
