// The hostile-input matrix: each case of core/lib/conformance/hostile_inputs
// (the list `stukwerk plugins --check` also uses) against every importer
// that can meet it, through the real CLI under strace (observed_run.hpp).
// Each row states the expected behaviour and hostile_case.cpp checks it:
// an error is exit 1 with one line naming the file and the cause, and no
// output; a result is exit 0 with one schema-valid document whose facts the
// row's check confirms. Every row also asserts: no connect(), no open of
// /etc/passwd, nothing written outside the output folder, input untouched.
//
// The table in tests/hostile/README.md is this file in words. Cases checked
// elsewhere (and why not here) are listed there too.
#include <gtest/gtest.h>

#include <map>

#include "conformance/hostile_inputs.hpp"
#include "hostile_case.hpp"

namespace stukwerk::test::hostile {
namespace {

const std::string replacement = "\xEF\xBF\xBD";  // U+FFFD

struct Row {
    std::string input;      // a name in hostile_inputs()
    std::string behaviour;  // the expectation in words
    Expect expect;
};
void PrintTo(const Row& row, std::ostream* os) { *os << row.input << " -> " << row.behaviour; }

Expect error(std::string importer, std::string by, std::vector<std::string> cause) {
    Expect e;
    e.importer = std::move(importer);
    e.by = std::move(by);
    e.cause = std::move(cause);
    return e;
}
// Forced with -f: the forced importer must answer.
Expect forced_error(const std::string& importer, std::vector<std::string> cause) {
    return error(importer, importer, std::move(cause));
}
Expect result(std::string importer, std::string by,
              std::function<void(const boost::json::object&, const std::string&)> check) {
    Expect e;
    e.importer = std::move(importer);
    e.by = std::move(by);
    e.ok = true;
    e.check = std::move(check);
    return e;
}

const std::vector<std::string> all_importers{"json", "oep-html", "oep-xml", "pdf-text", "tk-syncfeed", "tk-odata", "tk-vlos"};

// Text in which U+FFFD stands for each invalid byte, the valid text around it kept, and a warning that says so.
auto replaced_with_warning(const std::string& kept) {
    return [kept](const boost::json::object& doc, const std::string&) {
        const std::string text = all_text(doc);
        EXPECT_NE(text.find(kept + replacement), std::string::npos) << text;
        EXPECT_TRUE(has_warning(doc, "invalid-utf8"));
    };
}
auto holds_text(const std::string& expected) {
    return [expected](const boost::json::object& doc, const std::string&) {
        EXPECT_NE(all_text(doc).find(expected), std::string::npos) << all_text(doc).substr(0, 400);
    };
}
// The reference stays as it was written: libxml2's HTML parser defines no entities from a DOCTYPE.
auto never_expanded(const boost::json::object& doc, const std::string& text) {
    EXPECT_EQ(text.find("lollol"), std::string::npos) << "an entity was expanded";
    EXPECT_LT(text.size(), 64u << 10);
    EXPECT_NE(all_text(doc).find("&lol9;"), std::string::npos);
}
auto never_leaks_passwd(const boost::json::object& doc, const std::string& text) {
    EXPECT_EQ(text.find("root:x:0:0"), std::string::npos) << "/etc/passwd leaked into the output";
    EXPECT_NE(all_text(doc).find("&xxe;"), std::string::npos);
}
auto dtd_ignored(const std::string& text_expected) {
    return [text_expected](const boost::json::object& doc, const std::string&) {
        EXPECT_TRUE(has_warning(doc, "dtd-ignored"));
        EXPECT_NE(all_text(doc).find(text_expected), std::string::npos);
    };
}
// One text value of exactly 16 MiB of 'a', nothing lost or cut.
auto whole_long_line(const boost::json::object& doc, const std::string&) {
    const std::string text = all_text(doc);
    const std::string run(16 << 20, 'a');
    const auto at = text.find(run);
    ASSERT_NE(at, std::string::npos) << "the 16 MiB run is not whole";
    EXPECT_NE(at + run.size() < text.size() ? text[at + run.size()] : '\n', 'a') << "longer than written";
}

std::vector<Row> rows() {
    std::vector<Row> r;
    auto add = [&](std::string input, std::string behaviour, Expect e) {
        r.push_back(Row{std::move(input), std::move(behaviour), std::move(e)});
    };
    // Empty: the host refuses it before any importer, whichever is forced.
    add("empty.xml", "error: the file is empty (the host, before any importer)", error("", "", {"the file is empty"}));
    for (const std::string& i : all_importers)
        add("empty.xml", "error: the file is empty, also when forced", error(i, "", {"the file is empty"}));

    // One byte "<".
    add("one-byte.html", "error: detection takes oep-html on the name; no HTML elements",
        error("", "oep-html", {"holds no HTML elements"}));
    add("one-byte.html", "error: not valid JSON", forced_error("json", {"not valid JSON"}));
    add("one-byte.html", "error: no HTML elements", forced_error("oep-html", {"holds no HTML elements"}));
    add("one-byte.html", "error: not well-formed, truncated", forced_error("oep-xml", {"not well-formed XML", "truncated"}));
    add("one-byte.html", "error: not a PDF", forced_error("pdf-text", {"not a PDF", "%PDF-"}));
    add("one-byte.html", "error: '<' without an element name", forced_error("tk-syncfeed", {"'<' not followed by an element name"}));
    add("one-byte.html", "error: not valid JSON", forced_error("tk-odata", {"not valid JSON"}));
    add("one-byte.html", "error: '<' without an element name", forced_error("tk-vlos", {"'<' not followed by an element name"}));

    // Binary noise, and NUL bytes.
    add("noise.pdf", "error: detection takes pdf-text on the name; no %PDF- header",
        error("", "pdf-text", {"not a PDF", "no %PDF- header"}));
    add("zeros.xml", "error: no importer claims it; binary data", error("", "", {"not a recognised format", "binary data"}));
    for (const char* in : {"noise.pdf", "zeros.xml"}) {
        add(in, "error: not valid JSON", forced_error("json", {"not valid JSON"}));
        add(in, "error: binary data", forced_error("oep-html", {"binary data"}));
        add(in, "error: binary data", forced_error("oep-xml", {"binary data"}));
        add(in, "error: not a PDF", forced_error("pdf-text", {"not a PDF"}));
        add(in, "error: binary data", forced_error("tk-syncfeed", {"binary data"}));
        add(in, "error: not valid JSON", forced_error("tk-odata", {"not valid JSON"}));
        add(in, "error: binary data", forced_error("tk-vlos", {"binary data"}));
    }

    // Bytes that are not UTF-8: each becomes U+FFFD, the rest is kept, a warning says so.
    add("invalid-utf8.xml", "result: U+FFFD for each bad byte, warning invalid-utf8",
        result("", "oep-xml", replaced_with_warning("caf")));
    add("invalid-utf8.html", "result: U+FFFD for each bad byte, warning invalid-utf8",
        result("", "oep-html", replaced_with_warning("caf")));
    add("invalid-utf8.json", "result: U+FFFD for each bad byte, warning invalid-utf8",
        result("json", "json", replaced_with_warning("caf")));
    add("invalid-utf8-odata.json", "result: U+FFFD for each bad byte, warning invalid-utf8",
        result("", "tk-odata", replaced_with_warning("caf")));
    add("invalid-utf8-syncfeed.xml", "result: U+FFFD for each bad byte, warning invalid-utf8",
        result("", "tk-syncfeed", replaced_with_warning("caf")));
    add("invalid-utf8-vlos.xml", "result: U+FFFD for each bad byte, warning invalid-utf8",
        result("", "tk-vlos", replaced_with_warning("caf")));

    // UTF-16 with a byte-order mark: read as the text it is.
    add("utf16-bom.xml", "result: the UTF-16 text read", result("", "oep-xml", holds_text("tekst")));
    add("utf16-bom.html", "result: the UTF-16 text read", result("", "oep-html", holds_text("tekst")));
    add("utf16-bom.json", "error: stukwerk JSON is UTF-8 (RFC 8259); UTF-16 is named",
        forced_error("json", {"UTF-16"}));
    add("utf16-bom-odata.json", "result: the UTF-16 text read (the reader transcodes JSON too)",
        result("tk-odata", "tk-odata", holds_text("tekst")));

    // A wrong declared encoding: the declaration is honoured, as XML and HTML say, and the result is valid UTF-8.
    add("wrong-encoding.xml", "result: read as the windows-1252 it declares",
        result("", "oep-xml", holds_text("financi\xC3\x83\xC2\xAB" "le")));
    add("wrong-encoding.html", "result: read as the windows-1252 it declares",
        result("", "oep-html", holds_text("financi\xC3\x83\xC2\xAB" "le")));
    add("unknown-encoding.xml", "error: the unknown encoding is named",
        error("", "oep-xml", {"x-no-such-encoding"}));

    // Billion laughs: refused before any expansion, or read without expanding.
    add("billion-laughs.xml", "error: entity declarations refused", error("", "oep-xml", {"DOCTYPE declares entities"}));
    add("billion-laughs.xml", "error: any DOCTYPE refused", forced_error("tk-syncfeed", {"DOCTYPE declaration, which is refused"}));
    add("billion-laughs.xml", "error: any DOCTYPE refused", forced_error("tk-vlos", {"DOCTYPE declaration, which is refused"}));
    add("billion-laughs-syncfeed.xml", "error: any DOCTYPE refused",
        error("", "tk-syncfeed", {"DOCTYPE declaration, which is refused"}));
    add("billion-laughs.html", "result: the entities never expanded", result("", "oep-html", never_expanded));

    // External entities: /etc/passwd is never opened (strace) and never in the output.
    add("external-entity.xml", "error: entity declarations refused", error("", "oep-xml", {"DOCTYPE declares entities"}));
    add("external-entity.xml", "error: any DOCTYPE refused", forced_error("tk-syncfeed", {"DOCTYPE declaration"}));
    add("external-entity-vlos.xml", "error: any DOCTYPE refused", error("", "tk-vlos", {"DOCTYPE declaration"}));
    add("external-entity.html", "result: /etc/passwd neither opened nor in the output",
        result("", "oep-html", never_leaks_passwd));
    add("parameter-entity.xml", "error: entity declarations refused", error("", "oep-xml", {"DOCTYPE declares entities"}));
    add("local-dtd.xml", "result: the DTD (/etc/passwd) not opened, warning dtd-ignored",
        result("", "oep-xml", dtd_ignored("x")));
    // DTDs on the network: never fetched (no connect() in strace).
    add("network-dtd.xml", "result: the DTD not fetched, warning dtd-ignored", result("", "oep-xml", dtd_ignored("x")));
    add("network-dtd.html", "result: the DTD not fetched", result("", "oep-html", holds_text("x")));
    add("network-dtd-syncfeed.xml", "error: any DOCTYPE refused", error("", "tk-syncfeed", {"DOCTYPE declaration"}));

    // Nesting 100,000 deep: the depth limit, named, never a stack overflow.
    add("deep.xml", "error: the nesting limit named", error("", "oep-xml", {"more than 512 levels"}));
    add("deep.xml", "error: the nesting limit named", forced_error("tk-syncfeed", {"deeper than 512 levels"}));
    add("deep.xml", "error: the nesting limit named", forced_error("tk-vlos", {"deeper than 512 levels"}));
    add("deep-unclosed.xml", "error: truncated (the end is missing)", error("", "oep-xml", {"truncated"}));
    add("deep.html", "error: the parser's nesting limit named", error("", "oep-html", {"more than 256 levels"}));
    add("deep.json", "error: too deep", forced_error("json", {"too deep"}));
    add("deep.json", "error: the nesting limit named", forced_error("tk-odata", {"deeper than 512 levels"}));

    // Very long lines: read whole, or the parser's limit named.
    add("long-line.html", "error: libxml2's text-run limit named (the rest would be lost)",
        error("", "oep-html", {"longer than 10,000,000 bytes"}));
    add("long-line.xml", "result: the 16 MiB text whole", result("", "oep-xml", whole_long_line));
    add("long-line.json", "result: the 16 MiB title whole", result("json", "json", whole_long_line));
    add("long-line-odata.json", "result: the 16 MiB subject whole", result("", "tk-odata", whole_long_line));

    // Broken PDFs.
    add("truncated.pdf", "error: truncated or damaged", error("", "pdf-text", {"truncated or damaged PDF"}));
    add("garbage.pdf", "error: truncated or damaged", error("", "pdf-text", {"truncated or damaged PDF"}));
    return r;
}

const std::map<std::string, std::string>& inputs() {
    static const std::map<std::string, std::string> all = [] {
        std::map<std::string, std::string> m;
        for (core::HostileInput& h : core::hostile_inputs()) m.emplace(h.name, std::move(h.bytes));
        return m;
    }();
    return all;
}

class Matrix : public ::testing::TestWithParam<Row> {};

TEST_P(Matrix, Behaves) {
    const Row& row = GetParam();
    const auto it = inputs().find(row.input);
    ASSERT_NE(it, inputs().end()) << "no hostile input " << row.input;
    const fs::path base = temp_dir("matrix-" + row.input + "-" + (row.expect.importer.empty() ? "detect" : row.expect.importer));
    const fs::path input = base / "in" / row.input;
    write_file(input, it->second);
    expect_behaviour(base, input, row.expect,
                     row.input + " with " + (row.expect.importer.empty() ? "detection" : "-f " + row.expect.importer) +
                         ": expected " + row.behaviour);
}

std::string row_name(const ::testing::TestParamInfo<Row>& info) {
    std::string name = info.param.input + "_" + (info.param.expect.importer.empty() ? "detect" : info.param.expect.importer);
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Hostile, Matrix, ::testing::ValuesIn(rows()), row_name);

}  // namespace
}  // namespace stukwerk::test::hostile
