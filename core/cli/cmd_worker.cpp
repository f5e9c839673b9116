// `stukwerk __worker`: the worker process of `convert --isolate`. Not for
// people: it speaks the batch engine's line protocol on standard input and
// output (see core/lib/batch_isolated.cpp).
#include <unistd.h>

#include <cstdio>

#include "batch.hpp"
#include "cli.hpp"

namespace stukwerk::cli {

int cmd_worker(const std::vector<std::string>& args) {
    po::options_description desc("stukwerk __worker (internal)");
    std::vector<std::string> options;
    std::string formats, importer, max_size = "2G", staging;
    bool stream = false;
    PluginOptions plugins;
    desc.add_options()("staging", po::value(&staging)->required())("stream", po::bool_switch(&stream))(
        "to,t", po::value(&formats)->required())("option,O", po::value(&options)->composing())(
        "from,f", po::value(&importer))("max-input-size", po::value(&max_size));
    plugins.add_to(desc);
    parse(args, desc);

    // The protocol owns the real standard output; anything a plugin prints
    // goes to standard error instead of corrupting it.
    const int protocol_fd = ::dup(STDOUT_FILENO);
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    std::FILE* out = ::fdopen(protocol_fd, "w");
    if (!out) return exit_failed;

    const core::Registry registry = plugins.load(false);
    core::BatchSettings settings;
    settings.pipeline.forced_importer = importer;
    settings.pipeline.max_input_size = parse_size(max_size);
    core::ConversionPlan plan = core::make_conversion_plan(registry, formats, options);
    settings.plan = std::move(plan.exports);
    settings.pipeline.importer_options = std::move(plan.imports);
    settings.to_stdout = stream;
    const int rc = core::run_worker(registry, settings, staging, stdin, out);
    std::fclose(out);
    return rc;
}

}  // namespace stukwerk::cli
