// `stukwerk convert`: inputs in, documents out in one or more formats.
#include <iostream>

#include "batch.hpp"
#include "cli.hpp"

namespace stukwerk::cli {
namespace {

std::uint64_t parse_size(const std::string& text) {
    std::size_t used = 0;
    unsigned long long n = 0;
    try {
        n = std::stoull(text, &used);
    } catch (const std::exception&) {
        throw UsageError("--max-input-size: '" + text + "' is not a size (for example 512M or 2G)");
    }
    const std::string unit = text.substr(used);
    if (unit.empty()) return n;
    if (unit == "K" || unit == "k") return n << 10;
    if (unit == "M" || unit == "m") return n << 20;
    if (unit == "G" || unit == "g") return n << 30;
    throw UsageError("--max-input-size: unknown unit '" + unit + "' (use K, M or G)");
}

}  // namespace

int cmd_convert(const std::vector<std::string>& args) {
    po::options_description desc(
        "Usage: stukwerk convert INPUT... -t FORMAT[,FORMAT...] -o DIR|- [options]\n\n"
        "Converts each INPUT with the importer detection chooses (or -f), and writes every\n"
        "document in each FORMAT: per-document formats as DIR/<id>.<ext>, aggregate formats\n"
        "as tables or streams for the whole run. `-o -` writes to standard output.\n\nOptions");
    std::vector<std::string> inputs, options;
    std::string formats, output, importer, max_size = "2G";
    bool quiet = false;
    PluginOptions plugins;
    desc.add_options()("help,h", "print this help")(
        "to,t", po::value(&formats)->value_name("FORMAT,..."), "output formats (see `stukwerk plugins`)")(
        "output,o", po::value(&output)->value_name("DIR|-"), "output folder, or - for standard output")(
        "from,f", po::value(&importer)->value_name("IMPORTER"), "use this importer instead of detecting")(
        "option,O", po::value(&options)->composing()->value_name("NAME=VALUE"),
        "exporter option, for all formats that have it or as FORMAT.NAME=VALUE for one")(
        "max-input-size", po::value(&max_size)->value_name("SIZE"), "refuse inputs larger than SIZE (default 2G)")(
        "quiet,q", po::bool_switch(&quiet), "print only errors")(
        "input", po::value(&inputs), "input files");
    plugins.add_to(desc);
    po::positional_options_description pos;
    pos.add("input", -1);
    const po::variables_map vm = parse(args, desc, &pos);
    if (vm.count("help")) {
        std::cout << desc << '\n';
        return exit_ok;
    }
    if (inputs.empty()) throw UsageError("convert needs at least one INPUT");
    if (formats.empty()) throw UsageError("convert needs an output format: -t FORMAT");
    if (output.empty()) throw UsageError("convert needs an output: -o DIR or -o -");

    const core::Registry registry = plugins.load();
    core::BatchSettings settings;
    settings.pipeline.forced_importer = importer;
    settings.pipeline.max_input_size = parse_size(max_size);
    settings.to_stdout = output == "-";
    settings.output_dir = output;
    if (!importer.empty() && !registry.find_importer(importer)) {
        std::string known;
        for (const core::ImporterSlot& s : registry.importers()) known += (known.empty() ? "" : ", ") + s.info.name;
        throw UsageError("unknown importer '" + importer + "' (available: " + (known.empty() ? "none" : known) + ")");
    }
    try {
        settings.plan = core::make_export_plan(registry, formats, options);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }

    std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
    const core::BatchSummary summary = core::run_batch(registry, settings, paths, [&](const core::InputReport& r) {
        if (r.status != core::InputStatus::ok && r.status != core::InputStatus::skipped)
            print_error(r.path + ": " + r.error);
    });
    for (const std::string& f : summary.finish_failures) print_error(f);
    if (!quiet) {
        std::cerr << "stukwerk: " << summary.ok << " of " << summary.inputs << " input(s) converted, "
                  << summary.documents << " document(s)";
        if (!settings.to_stdout) std::cerr << ", written to " << output;
        if (summary.failed) std::cerr << "; " << summary.failed << " failed";
        std::cerr << '\n';
    }
    return summary.all_ok() ? exit_ok : exit_failed;
}

}  // namespace stukwerk::cli
