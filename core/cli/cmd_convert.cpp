// `stukwerk convert`: inputs in, documents out in one or more formats, for
// one file or a collection of hundreds of thousands.
#include <unistd.h>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <thread>

#include "batch.hpp"
#include "cli.hpp"
#include "progress.hpp"

namespace stukwerk::cli {

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

namespace {

// Standard input holds either a list of paths (one per line) or one
// document. The first line decides: a path that exists means a list.
struct StandardInput {
    std::optional<std::string> first_path;  // list mode
    std::string document;                   // document mode
};

StandardInput read_standard_input_head() {
    StandardInput in;
    std::string consumed;
    for (;;) {
        std::string line;
        int c;
        while ((c = std::fgetc(stdin)) != EOF && c != '\n' && line.size() < 4096) line += static_cast<char>(c);
        consumed += line;
        if (c == '\n') consumed += '\n';
        std::string trimmed = line;
        if (!trimmed.empty() && trimmed.back() == '\r') trimmed.pop_back();
        if (trimmed.find_first_not_of(" \t") == std::string::npos) {
            if (c == EOF) break;
            continue;  // blank lines before the first path
        }
        std::error_code ec;
        if (c != EOF && line.size() < 4096 && std::filesystem::exists(trimmed, ec)) {
            in.first_path = trimmed;
            return in;
        }
        break;
    }
    in.document = std::move(consumed);
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, stdin)) > 0;) in.document.append(buf, n);
    return in;
}

}  // namespace

int cmd_convert(const std::vector<std::string>& args) {
    po::options_description desc(
        "Usage: stukwerk convert INPUT... -t FORMAT[,FORMAT...] [-o DIR|-] [options]\n\n"
        "Converts each INPUT (a file, or a folder walked recursively) with the importer\n"
        "detection chooses (or -f), and writes every document in each FORMAT: per-document\n"
        "formats as DIR/<id>.<ext>, aggregate formats as tables or streams for the whole\n"
        "run. `-o -` (the default) writes to standard output. INPUT `-` reads standard\n"
        "input: a list of paths, one per line, or one document.\n\nOptions");
    std::vector<std::string> inputs, options, include, exclude;
    std::string formats, output = "-", importer, max_size = "2G", files_from, report;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    double timeout = 0;
    bool quiet = false, isolate = false, resume = false;
    PluginOptions plugins;
    desc.add_options()("help,h", "print this help")(
        "to,t", po::value(&formats)->value_name("FORMAT,..."), "output formats (see `stukwerk plugins`)")(
        "output,o", po::value(&output)->value_name("DIR|-"), "output folder, or - for standard output (default)")(
        "from,f", po::value(&importer)->value_name("IMPORTER"), "use this importer instead of detecting")(
        "option,O", po::value(&options)->composing()->value_name("NAME=VALUE"),
        "a plugin option: for every chosen format and importer that has it, or as PLUGIN.NAME=VALUE for one")(
        "jobs,j", po::value(&jobs)->value_name("N"), "convert N inputs at a time (default: the number of cores)")(
        "files-from", po::value(&files_from)->value_name("FILE"), "read input paths from FILE, one per line (- for standard input)")(
        "include", po::value(&include)->composing()->value_name("GLOB"), "in folders, convert only files matching GLOB (repeatable)")(
        "exclude", po::value(&exclude)->composing()->value_name("GLOB"), "in folders, skip files matching GLOB (repeatable)")(
        "report", po::value(&report)->value_name("FILE"), "write a JSON Lines report, one line per input")(
        "isolate", po::bool_switch(&isolate), "convert in worker processes: a crash or hang costs only its input")(
        "timeout", po::value(&timeout)->value_name("SECONDS"), "with --isolate (implied): stop a conversion after SECONDS")(
        "resume", po::bool_switch(&resume), "skip inputs whose outputs exist from an earlier run with the same input and plugins")(
        "max-input-size", po::value(&max_size)->value_name("SIZE"), "refuse inputs larger than SIZE (default 2G)")(
        "quiet,q", po::bool_switch(&quiet), "print only errors: no progress line, no summary")(
        "input", po::value(&inputs), "input files and folders");
    plugins.add_to(desc);
    po::positional_options_description pos;
    pos.add("input", -1);
    const po::variables_map vm = parse(args, desc, &pos);
    if (vm.count("help")) {
        std::cout << desc << '\n';
        return exit_ok;
    }
    if (inputs.empty() && files_from.empty()) throw UsageError("convert needs at least one INPUT (or --files-from)");
    if (formats.empty()) throw UsageError("convert needs an output format: -t FORMAT");
    if (jobs == 0) throw UsageError("--jobs must be at least 1");
    if (timeout < 0) throw UsageError("--timeout must not be negative");
    if (timeout > 0) isolate = true;
    if (resume && output == "-") throw UsageError("--resume needs an output folder (-o DIR)");
    const bool stdin_input = std::count(inputs.begin(), inputs.end(), "-") > 0;
    if (stdin_input && (inputs.size() > 1 || files_from == "-"))
        throw UsageError("standard input (-) can only be the one input");

    const core::Registry registry = plugins.load();
    core::BatchSettings settings;
    settings.pipeline.forced_importer = importer;
    settings.pipeline.max_input_size = parse_size(max_size);
    settings.to_stdout = output == "-";
    settings.output_dir = output;
    settings.jobs = jobs;
    settings.isolate = isolate;
    settings.timeout_seconds = timeout;
    settings.resume = resume;
    settings.report_file = report;
    if (!importer.empty() && !registry.find_importer(importer)) {
        std::string known;
        for (const core::ImporterSlot& s : registry.importers()) known += (known.empty() ? "" : ", ") + s.info.name;
        throw UsageError("unknown importer '" + importer + "' (available: " + (known.empty() ? "none" : known) + ")");
    }
    try {
        core::ConversionPlan plan = core::make_conversion_plan(registry, formats, options);
        settings.plan = std::move(plan.exports);
        settings.pipeline.importer_options = std::move(plan.imports);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    settings.worker_args = {"-t", formats, "--max-input-size", max_size};
    for (const std::string& o : options) settings.worker_args.insert(settings.worker_args.end(), {"-O", o});
    if (!importer.empty()) settings.worker_args.insert(settings.worker_args.end(), {"-f", importer});
    for (const std::string& d : plugins.dirs) settings.worker_args.insert(settings.worker_args.end(), {"--plugin-dir", d});

    core::InputSelection selection{inputs, files_from, include, exclude};
    std::optional<core::InputFile> document;
    if (stdin_input) {
        StandardInput in = read_standard_input_head();
        if (in.first_path) {
            selection.args = {*in.first_path};
            selection.files_from = "-";
        } else {
            document.emplace(core::InputFile::from_memory("-", std::move(in.document)));
        }
    }

    const bool show_progress = !quiet && ::isatty(STDERR_FILENO) && !document;
    core::Progress progress(show_progress, show_progress ? core::count_inputs(selection) : std::nullopt);
    std::size_t done = 0, failed = 0;
    core::BatchObserver observer;
    observer.on_report = [&](const core::InputReport& r) {
        ++done;
        if (r.status != core::InputStatus::ok && r.status != core::InputStatus::skipped) {
            ++failed;
            progress.clear();
            print_error(r.path + ": " + r.error);
        }
        for (const std::string& w : r.warnings)
            if (!quiet) {
                progress.clear();
                print_warning(r.path + ": " + w);
            }
        progress.update(done, failed);
    };

    core::BatchSummary summary;
    if (document) {
        summary = core::run_single(registry, settings, *document, observer);
    } else {
        core::InputCursor cursor(selection);
        summary = core::run_batch(registry, settings, cursor, observer);
    }
    progress.clear();
    for (const std::string& f : summary.finish_failures) print_error(f);
    if (!quiet) {
        std::cerr << "stukwerk: " << summary.ok + summary.skipped << " of " << summary.inputs << " input(s) converted";
        if (summary.skipped) std::cerr << " (" << summary.skipped << " already done)";
        std::cerr << ", " << summary.documents << " document(s) in " << std::fixed << std::setprecision(1)
                  << summary.seconds << " s";
        if (!settings.to_stdout) std::cerr << ", written to " << output;
        if (summary.failed) std::cerr << "; " << summary.failed << " failed";
        std::cerr << '\n';
    }
    return summary.all_ok() ? exit_ok : exit_failed;
}

}  // namespace stukwerk::cli
