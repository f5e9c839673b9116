#include "hostile_case.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace stukwerk::test::hostile {
namespace {

void collect(const boost::json::value& v, std::string& out) {
    if (v.is_string()) {
        out.append(v.get_string().data(), v.get_string().size());
        out += '\n';
    } else if (v.is_array()) {
        for (const auto& e : v.get_array()) collect(e, out);
    } else if (v.is_object()) {
        for (const auto& kv : v.get_object())
            if (kv.key() != "source" && kv.key() != "id") collect(kv.value(), out);
    }
}

}  // namespace

std::string all_text(const boost::json::object& doc) {
    std::string out;
    if (const auto* t = doc.if_contains("metadata"))
        if (const auto* title = t->as_object().if_contains("title")) collect(*title, out);
    if (const auto* b = doc.if_contains("body")) collect(*b, out);
    return out;
}

bool has_warning(const boost::json::object& doc, const std::string& code) {
    if (const auto* w = doc.if_contains("warnings"))
        for (const auto& e : w->as_array())
            if (e.as_object().at("code").as_string() == code) return true;
    return false;
}

void expect_behaviour(const fs::path& base, const fs::path& input, const Expect& expect, const std::string& label) {
    const fs::path work = base / "work";
    const std::vector<std::string> inputs_before = tree(input.parent_path());
    const std::string bytes_before = read_file(input);
    std::vector<std::string> args{"convert", input.string(), "-t", "json", "-o", "out", "-j", "1"};
    if (!expect.importer.empty()) args.insert(args.end(), {"-f", expect.importer});
    const Observed o = run_observed(work, args);
    const ProcessResult& r = o.result;
    SCOPED_TRACE(label + "\nstderr: " + r.err.substr(0, 2000));

    expect_contained(o, {work / "out"}, label);
    // The observer saw this run: the input's own open is in the trace.
    EXPECT_NE(std::find(o.opened.begin(), o.opened.end(), input), o.opened.end()) << "strace did not see the input opened";
    EXPECT_EQ(tree(input.parent_path()), inputs_before);
    EXPECT_TRUE(read_file(input) == bytes_before) << "the input was changed";
    // The run's journal (core/lib/journal.hpp) lists the inputs converted
    // without error; it is the one file besides the documents.
    const std::string journal_name = "out/.stukwerk-journal.jsonl";
    std::vector<std::string> outputs;
    for (const std::string& p : tree(work)) {
        if (p == "out" || p == journal_name) continue;
        EXPECT_EQ(p.rfind("out/", 0), 0u) << "the working folder holds " << p;
        outputs.push_back(p);
    }
    const std::vector<std::string> errors = errors_for(r.err, input);

    if (!expect.ok) {
        EXPECT_EQ(r.exit_code, 1);
        ASSERT_EQ(errors.size(), 1u) << "one error line naming " << input;
        const std::string& message = errors.front();
        if (!expect.by.empty()) {
            EXPECT_EQ(message.rfind(expect.by + ": ", 0), 0u) << "the error comes from " << expect.by << ": " << message;
        }
        for (const std::string& word : expect.cause)
            EXPECT_NE(message.find(word), std::string::npos) << "the cause holds '" << word << "': " << message;
        EXPECT_TRUE(outputs.empty()) << "a failed input left " << outputs.front();
        if (fs::exists(work / journal_name)) {
            EXPECT_EQ(read_file(work / journal_name), "") << "the journal lists a failed input";
        }
        return;
    }
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(errors.empty()) << errors.front();
    ASSERT_EQ(outputs.size(), 1u) << "one document, nothing else (no temporary)";
    EXPECT_NE(read_file(work / journal_name).find(outputs.front().substr(4)), std::string::npos) << "the journal names it";
    const fs::path out = work / outputs.front();
    EXPECT_EQ(out.extension(), ".json");
    EXPECT_EQ(schema_errors({out}), "");
    const std::string text = read_file(out);
    const boost::json::object doc = boost::json::parse(text).as_object();
    if (!expect.by.empty()) {
        EXPECT_EQ(doc.at("source").at("importer").at("name").as_string(), expect.by);
    }
    if (expect.check) expect.check(doc, text);
}

}  // namespace stukwerk::test::hostile
