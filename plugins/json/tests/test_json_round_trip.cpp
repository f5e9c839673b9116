// The json plugin end to end: documents written by the json and jsonl
// exporters read back through the json importer are the same documents.
#include <gtest/gtest.h>

#include "model_json.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

const std::string two_docs =
    "STUKWERK-TEST\nid: a\ntitle: Één\ndate: 2022-12-22\n\n# Kop\nZie Kamerstuk 36 200 X, nr. 37[^1].\n[^1]: Noot.\n"
    "---\nid: b\ntitle: Twee\n\nTekst met \"quotes\", komma's en\ttabs.\n";

std::vector<std::string> with_test_plugins(std::vector<std::string> args) {
    args.insert(args.end(), {"--plugin-dir", test_plugin_dir("good").string(), "-q"});
    return args;
}

TEST(JsonPlugin, JsonAndJsonlReadBackToTheSameDocuments) {
    const fs::path dir = temp_dir("json-round-trip");
    write_file(dir / "in.testdoc", two_docs);
    ASSERT_EQ(stukwerk(with_test_plugins({"convert", (dir / "in.testdoc").string(), "-t", "json,jsonl", "-o",
                                          (dir / "first").string()}))
                  .exit_code,
              0);
    // Read each form back and write it again: identical bytes mean nothing was lost or changed.
    ASSERT_EQ(stukwerk(with_test_plugins({"convert", (dir / "first" / "a.json").string(), (dir / "first" / "b.json").string(),
                                          "-t", "json", "-o", (dir / "from-json").string()}))
                  .exit_code,
              0);
    ASSERT_EQ(stukwerk(with_test_plugins({"convert", (dir / "first" / "documents.jsonl").string(), "-t", "json", "-o",
                                          (dir / "from-jsonl").string()}))
                  .exit_code,
              0);
    for (const char* id : {"a.json", "b.json"}) {
        const Document original = json::parse_document(read_file(dir / "first" / id));
        const Document via_json = json::parse_document(read_file(dir / "from-json" / id));
        const Document via_jsonl = json::parse_document(read_file(dir / "from-jsonl" / id));
        // Everything but provenance (which names the file read) survives.
        auto strip = [](Document d) {
            d.source = {};
            return d;
        };
        EXPECT_EQ(strip(via_json), strip(original)) << id;
        EXPECT_EQ(strip(via_jsonl), strip(original)) << id;
        EXPECT_EQ(via_json.source.importer.name, "json");
    }
    EXPECT_EQ(schema_errors({dir / "from-json" / "a.json", dir / "from-jsonl" / "b.json"}), "");
}

TEST(JsonPlugin, ForeignJsonIsNotClaimedAndBrokenJsonIsNamed) {
    const fs::path dir = temp_dir("json-foreign");
    write_file(dir / "odata.json", R"({"@odata.context":"x","value":[]})");
    const ProcessResult detect = stukwerk({"detect", (dir / "odata.json").string()});
    EXPECT_EQ(detect.out.find(": json ("), std::string::npos) << detect.out;
    write_file(dir / "broken.json", "{\"id\": \"x\", \"metadata\": {\"title\": ");
    const ProcessResult r = stukwerk({"convert", (dir / "broken.json").string(), "-t", "json", "-o", (dir / "out").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("broken.json: json: not valid JSON"), std::string::npos) << r.err;
    write_file(dir / "lines.jsonl", "{\"id\":\"ok\",\"metadata\":{}}\n{\"id\": 5}\n");
    const ProcessResult lines = stukwerk({"convert", (dir / "lines.jsonl").string(), "-t", "json", "-o", (dir / "out2").string()});
    EXPECT_EQ(lines.exit_code, 1);
    EXPECT_NE(lines.err.find("lines.jsonl: json: line 2: not a stukwerk document: id is not a string"), std::string::npos)
        << lines.err;
}

}  // namespace
}  // namespace stukwerk::test
