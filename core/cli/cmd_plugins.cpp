// `stukwerk plugins`: what this installation can read and write.
#include <iostream>

#include <boost/json.hpp>

#include "cli.hpp"
#include "conformance/checker.hpp"

namespace stukwerk::cli {
namespace {

std::string joined(const std::vector<std::string>& v, const char* sep = " ") {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

boost::json::array strings(const std::vector<std::string>& v) {
    boost::json::array a;
    for (const std::string& s : v) a.emplace_back(s);
    return a;
}

const char* kind_name(OptionKind kind) {
    switch (kind) {
        case OptionKind::flag: return "flag";
        case OptionKind::choice: return "choice";
        case OptionKind::number: return "number";
        case OptionKind::text: break;
    }
    return "text";
}

boost::json::array options_json(const std::vector<OptionInfo>& options) {
    boost::json::array out;
    for (const OptionInfo& o : options)
        out.push_back(boost::json::object{{"name", o.name},
                                          {"description", o.description},
                                          {"default", o.default_value},
                                          {"kind", kind_name(o.kind)},
                                          {"choices", strings(o.choices)}});
    return out;
}

void print_options(const std::string& plugin, const std::vector<OptionInfo>& options) {
    for (const OptionInfo& o : options) {
        std::cout << "      -O " << plugin << "." << o.name;
        if (o.kind == OptionKind::choice) std::cout << "=" << joined(o.choices, "|");
        if (o.kind == OptionKind::number) std::cout << "=N";
        if (!o.default_value.empty()) std::cout << " (default " << o.default_value << ")";
        std::cout << ": " << o.description << '\n';
    }
}

void print_json(const core::Registry& registry) {
    boost::json::array out;
    for (const core::ImporterSlot& s : registry.importers()) {
        out.push_back(boost::json::object{{"name", s.info.name},
                                          {"kind", "importer"},
                                          {"version", s.info.version},
                                          {"description", s.info.description},
                                          {"media_types", strings(s.info.media_types)},
                                          {"extensions", strings(s.info.extensions)},
                                          {"options", options_json(s.info.options)},
                                          {"library", s.library_path.string()}});
    }
    for (const core::ExporterSlot& s : registry.exporters()) {
        out.push_back(boost::json::object{{"name", s.info.name},
                                          {"kind", "exporter"},
                                          {"version", s.info.version},
                                          {"description", s.info.description},
                                          {"media_types", boost::json::array{boost::json::string(s.info.media_type)}},
                                          {"extensions", boost::json::array{boost::json::string(s.info.extension)}},
                                          {"aggregate", s.info.aggregate},
                                          {"options", options_json(s.info.options)},
                                          {"library", s.library_path.string()}});
    }
    std::cout << boost::json::serialize(out) << '\n';
}

void print_text(const core::Registry& registry) {
    std::cout << "Importers:\n";
    if (registry.importers().empty()) std::cout << "  (none)\n";
    for (const core::ImporterSlot& s : registry.importers()) {
        std::cout << "  " << s.info.name << "  " << s.info.version << "  " << s.info.description << '\n'
                  << "      formats: " << joined(s.info.media_types, ", ") << "; extensions: " << joined(s.info.extensions)
                  << '\n';
        print_options(s.info.name, s.info.options);
    }
    std::cout << "Exporters:\n";
    if (registry.exporters().empty()) std::cout << "  (none)\n";
    for (const core::ExporterSlot& s : registry.exporters()) {
        std::cout << "  " << s.info.name << "  " << s.info.version << "  " << s.info.description << '\n'
                  << "      format: " << s.info.media_type << " (." << s.info.extension << ", "
                  << (s.info.aggregate ? "one output per run" : "one file per document") << ")\n";
        print_options(s.info.name, s.info.options);
    }
}

}  // namespace

namespace {

int check(const std::string& path, const std::string& corpus, const core::Registry& installed) {
    core::CheckSettings settings;
    settings.plugin = std::filesystem::absolute(path);
    settings.corpus = corpus.empty() ? core::default_conformance_corpus() : std::filesystem::path(corpus);
    settings.others = &installed;
    std::cout << "checking " << settings.plugin.string() << " against " << settings.corpus.string() << '\n';
    std::size_t passed = 0, failed = 0;
    for (const core::CheckResult& r : core::check_plugin(settings)) {
        std::cout << (r.passed ? "PASS " : "FAIL ") << r.name << ": " << r.detail << '\n';
        (r.passed ? passed : failed)++;
    }
    std::cout << "result: " << passed << " passed, " << failed << " failed\n";
    return failed ? exit_failed : exit_ok;
}

}  // namespace

int cmd_plugins(const std::vector<std::string>& args) {
    po::options_description desc(
        "Usage: stukwerk plugins [--json]\n"
        "       stukwerk plugins --check PLUGIN.so [--corpus DIR]\n\n"
        "Lists the importers and exporters found, with their versions and formats; or\n"
        "checks one plugin file against what a production batch relies on (ABI, metadata,\n"
        "identify() and read() on the real corpus and on hostile inputs, exporters on every\n"
        "corpus document, no file written outside the output folder), printing PASS or\n"
        "FAIL per check. Exit status 1 when any check fails.\n\nOptions");
    bool json = false;
    std::string check_path, corpus;
    PluginOptions plugins;
    desc.add_options()("help,h", "print this help")("json", po::bool_switch(&json), "print as JSON")(
        "check", po::value(&check_path)->value_name("PLUGIN.so"), "check this plugin file")(
        "corpus", po::value(&corpus)->value_name("DIR"), "with --check: the documents to check against "
                                                         "(default: the corpus installed with stukwerk)");
    plugins.add_to(desc);
    const po::variables_map vm = parse(args, desc);
    if (vm.count("help")) {
        std::cout << desc << '\n';
        return exit_ok;
    }
    if (!check_path.empty()) return check(check_path, corpus, plugins.load());
    const core::Registry registry = plugins.load();
    if (json)
        print_json(registry);
    else
        print_text(registry);
    return exit_ok;
}

}  // namespace stukwerk::cli
