// The csv exporter end to end: tables written by `stukwerk convert -t csv`,
// read back by independent readers (Python's csv module, the sqlite3 shell's
// .import --csv) and compared with the model the json importer reads from
// the test documents in tests/data/exporters/.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>

#include "csv_format.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

namespace bj = boost::json;
using Rows = std::vector<std::vector<std::string>>;
using Tables = std::map<std::string, Rows>;

const char* const table_files[] = {"documents.csv", "blocks.csv", "footnotes.csv", "references.csv", "people.csv"};

fs::path flagship_path() { return data_dir() / "exporters" / "kst-33279-36.json"; }
fs::path hostile_path() { return data_dir() / "exporters" / "hostile.json"; }

std::string str(const bj::value& v) { return std::string(v.as_string()); }

// Every table of `dir`, as Python's csv module reads it.
Tables python_tables(const fs::path& dir, bool bom = false) {
    std::vector<std::string> argv{python(), (source_dir() / "plugins/csv/tests/read_tables.py").string()};
    if (bom) argv.push_back("--bom");
    for (const char* f : table_files) argv.push_back((dir / f).string());
    const ProcessResult r = run(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Tables out;
    if (r.exit_code != 0) return out;
    const bj::value parsed = bj::parse(r.out);
    for (const auto& [path, rows] : parsed.as_object()) {
        Rows& t = out[fs::path(std::string(path)).filename().string()];
        for (const bj::value& row : rows.as_array()) {
            t.emplace_back();
            for (const bj::value& cell : row.as_array()) t.back().push_back(str(cell));
        }
    }
    return out;
}

// The rows a query returns after the sqlite3 shell loaded every table with
// `.import --csv` (the header row names the columns).
std::vector<bj::object> sqlite_query(const fs::path& dir, const std::string& sql) {
    std::string script;
    for (const char* f : table_files)
        script += ".import --csv '" + (dir / f).string() + "' " + fs::path(f).stem().string() + "\n";
    script += ".mode json\n" + sql + ";\n";
    const ProcessResult r = run({"sqlite3", "-bail", ":memory:"}, script);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    std::vector<bj::object> out;
    if (r.out.find_first_not_of(" \n") == std::string::npos) return out;
    const bj::value parsed = bj::parse(r.out);
    for (const bj::value& row : parsed.as_array()) out.push_back(row.as_object());
    return out;
}

ProcessResult convert(const std::vector<fs::path>& inputs, const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"convert"};
    for (const fs::path& p : inputs) args.push_back(p.string());
    args.insert(args.end(), {"-t", "csv", "-o", out.string(), "-q"});
    args.insert(args.end(), extra.begin(), extra.end());
    return stukwerk(args);
}

// The body tree in reading order as the test reads it: path, type, text.
void walk(const std::vector<Block>& blocks, const std::string& prefix, std::vector<std::array<std::string, 3>>& out) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::string path = prefix + "/" + std::to_string(i);
        out.push_back({path, to_string(blocks[i].type), plain_text(blocks[i].inlines)});
        walk(blocks[i].children, path, out);
    }
}

// The rows of `table` that belong to document `id`, without the header.
Rows rows_for(const Rows& table, const std::string& id) {
    Rows out;
    for (std::size_t i = 1; i < table.size(); ++i)
        if (table[i][0] == id) out.push_back(table[i]);
    return out;
}

std::size_t column(const Rows& table, const std::string& name) {
    const auto& header = table.at(0);
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw std::runtime_error("no column " + name);
    return static_cast<std::size_t>(it - header.begin());
}

class CsvExporter : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        flagship_ = new Document(import_one(flagship_path()));
        hostile_ = new Document(import_one(hostile_path()));
    }
    static void TearDownTestSuite() {
        delete flagship_;
        delete hostile_;
    }
    static Document* flagship_;
    static Document* hostile_;
};
Document* CsvExporter::flagship_ = nullptr;
Document* CsvExporter::hostile_ = nullptr;

TEST_F(CsvExporter, TestDocumentsFollowTheSchema) {
    EXPECT_EQ(schema_errors({flagship_path(), hostile_path()}), "");
}

TEST_F(CsvExporter, EveryTableParsesWithPythonCsvAndHoldsTheModelValues) {
    const fs::path dir = temp_dir("csv-python");
    ASSERT_EQ(convert({flagship_path(), hostile_path()}, dir).exit_code, 0);
    const Tables t = python_tables(dir);
    ASSERT_EQ(t.size(), 5u);

    EXPECT_EQ(t.at("people.csv").at(0), (std::vector<std::string>{"document_id", "sequence", "role", "name", "function",
                                                                   "party"}));
    EXPECT_EQ(t.at("footnotes.csv").at(0), (std::vector<std::string>{"document_id", "sequence", "id", "label", "text"}));

    // documents.csv: one row per document, in input order; the flagship's
    // values as the open-data record and the letter give them.
    const Rows& docs = t.at("documents.csv");
    ASSERT_EQ(docs.size(), 3u);
    EXPECT_EQ(docs[1][0], "kst-33279-36");
    EXPECT_EQ(docs[2][0], hostile_->id);
    auto cell = [&](std::size_t row, const char* name) { return docs[row][column(docs, name)]; };
    EXPECT_EQ(cell(1, "title"),
              "Europese defensiesamenwerking en specialisatie en appreciatie van rapport Specialising in European "
              "defence van Instituut Clingendael");
    EXPECT_EQ(cell(1, "document_type"), "Brief regering");
    EXPECT_EQ(cell(1, "date"), "2022-12-22");
    EXPECT_EQ(cell(1, "session_year"), "2022-2023");
    EXPECT_EQ(cell(1, "dossier_numbers"), "33279");
    EXPECT_EQ(cell(1, "dossier_titles"), "Internationale militaire samenwerking");
    EXPECT_EQ(cell(1, "item_number"), "36");
    EXPECT_EQ(cell(1, "identifiers"), "tk-document-number=2022D56473 | tk-zaak=2022Z26183");
    EXPECT_EQ(cell(1, "source_format"), "json");
    EXPECT_EQ(cell(1, "source_sha256"), flagship_->source.sha256);
    EXPECT_EQ(cell(1, "footnote_count"), "13");  // the letter has 13 notes
    EXPECT_EQ(cell(1, "person_count"), "2");
    // The hostile document's values, byte for byte.
    const Metadata& hm = hostile_->metadata;
    EXPECT_EQ(cell(2, "title"), hm.title);
    EXPECT_EQ(cell(2, "document_type"), hm.document_type);
    EXPECT_EQ(cell(2, "chamber"), "@chamber");
    EXPECT_EQ(cell(2, "item_number"), "");
    EXPECT_EQ(cell(2, "dossier_numbers"), "36200-X | 21501-20");
    EXPECT_EQ(cell(2, "dossier_titles"), hm.dossiers[0].title + " | " + hm.dossiers[1].title);
    EXPECT_EQ(cell(2, "subjects"), "a, b | c\nd");

    for (const Document* doc : {flagship_, hostile_}) {
        SCOPED_TRACE(doc->id);
        // blocks.csv: the whole tree in reading order, with paths as the
        // model's references use them ("body/4/3").
        std::vector<std::array<std::string, 3>> tree;
        walk(doc->body, "body", tree);
        const Rows& blocks_table = t.at("blocks.csv");
        const Rows blocks = rows_for(blocks_table, doc->id);
        ASSERT_EQ(blocks.size(), tree.size());
        for (std::size_t i = 0; i < tree.size(); ++i) {
            EXPECT_EQ(blocks[i][column(blocks_table, "sequence")], std::to_string(i + 1));
            EXPECT_EQ(blocks[i][column(blocks_table, "path")], tree[i][0]);
            EXPECT_EQ(blocks[i][column(blocks_table, "type")], tree[i][1]);
            EXPECT_EQ(blocks[i][column(blocks_table, "text")], tree[i][2]);
            const std::string parent = blocks[i][column(blocks_table, "parent")];
            if (!parent.empty()) {  // the parent's path is this block's path minus its last step
                const std::string& parent_path = tree.at(std::stoul(parent) - 1)[0];
                EXPECT_EQ(tree[i][0].substr(0, tree[i][0].rfind('/')), parent_path);
            } else {
                EXPECT_EQ(std::count(tree[i][0].begin(), tree[i][0].end(), '/'), 1);
            }
        }
        const Rows notes = rows_for(t.at("footnotes.csv"), doc->id);
        ASSERT_EQ(notes.size(), doc->footnotes.size());
        for (std::size_t i = 0; i < notes.size(); ++i) {
            const Footnote& f = doc->footnotes[i];
            EXPECT_EQ(notes[i], (std::vector<std::string>{doc->id, std::to_string(i + 1), f.id, f.label,
                                                           plain_text(f.inlines)}));
        }
        const Rows refs = rows_for(t.at("references.csv"), doc->id);
        ASSERT_EQ(refs.size(), doc->references.size());
        for (std::size_t i = 0; i < refs.size(); ++i) {
            const Reference& r = doc->references[i];
            EXPECT_EQ(refs[i], (std::vector<std::string>{doc->id, std::to_string(i + 1), r.target, r.kind, r.where,
                                                          r.text}));
        }
        const Rows people = rows_for(t.at("people.csv"), doc->id);
        ASSERT_EQ(people.size(), doc->metadata.people.size());
        for (std::size_t i = 0; i < people.size(); ++i) {
            const Person& p = doc->metadata.people[i];
            EXPECT_EQ(people[i], (std::vector<std::string>{doc->id, std::to_string(i + 1), p.role, p.name, p.function,
                                                            p.party}));
        }
    }
    // The flagship cites what its text cites (read off the letter): among
    // them the motion Boswijk (36 200 X, nr. 37) and, in note 1, 35 570 X nr. 39.
    const Rows refs = rows_for(t.at("references.csv"), "kst-33279-36");
    auto cites = [&](const std::string& target) {
        return std::any_of(refs.begin(), refs.end(), [&](const auto& r) { return r[2] == target; });
    };
    for (const char* target : {"kst-36200-X-37", "kst-35570-X-39", "kst-35788-77", "h-tk-20202021-33-4"})
        EXPECT_TRUE(cites(target)) << target;
}

TEST_F(CsvExporter, SqliteImportReturnsTheModelsExactValues) {
    const fs::path dir = temp_dir("csv-sqlite");
    ASSERT_EQ(convert({flagship_path(), hostile_path()}, dir).exit_code, 0);

    auto signatories = sqlite_query(dir,
                                    "SELECT name, function FROM people WHERE document_id = 'kst-33279-36' AND "
                                    "role = 'signatory' ORDER BY CAST(sequence AS INTEGER)");
    ASSERT_EQ(signatories.size(), 2u);
    EXPECT_EQ(str(signatories[0].at("name")), "K.H. Ollongren");
    EXPECT_EQ(str(signatories[0].at("function")), "Minister van Defensie");
    EXPECT_EQ(str(signatories[1].at("name")), "C.A. van der Maat");
    EXPECT_EQ(str(signatories[1].at("function")), "Staatssecretaris van Defensie");

    // Text with commas, quotes, CR, LF, tabs, every C0 control, right-to-left
    // scripts and emoji comes back byte for byte.
    const Metadata& hm = hostile_->metadata;
    auto docs = sqlite_query(dir, "SELECT id, title, dossier_titles FROM documents ORDER BY rowid");
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(str(docs[1].at("id")), hostile_->id);
    EXPECT_EQ(str(docs[1].at("title")), hm.title);
    EXPECT_EQ(str(docs[1].at("dossier_titles")), hm.dossiers[0].title + " | " + hm.dossiers[1].title);

    auto people = sqlite_query(dir, "SELECT name, function, party FROM people WHERE document_id <> 'kst-33279-36' "
                                    "ORDER BY CAST(sequence AS INTEGER)");
    ASSERT_EQ(people.size(), hm.people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        EXPECT_EQ(str(people[i].at("name")), hm.people[i].name);
        EXPECT_EQ(str(people[i].at("function")), hm.people[i].function);
        EXPECT_EQ(str(people[i].at("party")), hm.people[i].party);
    }

    const auto long_para = find_blocks(*hostile_, [](const Block& b) { return b.role == "very-long"; });
    ASSERT_EQ(long_para.size(), 1u);
    auto text = sqlite_query(dir, "SELECT text, length(text) AS n FROM blocks WHERE role = 'very-long'");
    ASSERT_EQ(text.size(), 1u);
    EXPECT_EQ(str(text[0].at("text")), plain_text(*long_para[0]));
    EXPECT_GT(text[0].at("n").as_int64(), 32767);  // longer than a spreadsheet cell

    auto notes = sqlite_query(dir, "SELECT id, text FROM footnotes WHERE document_id <> 'kst-33279-36' ORDER BY rowid");
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_EQ(str(notes[0].at("id")), hostile_->footnotes[0].id);
    EXPECT_EQ(str(notes[0].at("text")), plain_text(hostile_->footnotes[0].inlines));

    // Counts are numbers a query can use.
    auto counts = sqlite_query(dir,
                               "SELECT d.id, CAST(d.block_count AS INTEGER) - (SELECT count(*) FROM blocks b WHERE "
                               "b.document_id = d.id) AS diff FROM documents d");
    ASSERT_EQ(counts.size(), 2u);
    for (const auto& c : counts) EXPECT_EQ(c.at("diff").as_int64(), 0) << c;
}

TEST_F(CsvExporter, ExcelSafeGuardsFormulasAndAddsAByteOrderMark) {
    const fs::path plain = temp_dir("csv-plain");
    const fs::path safe = temp_dir("csv-excel-safe");
    ASSERT_EQ(convert({flagship_path(), hostile_path()}, plain).exit_code, 0);
    ASSERT_EQ(convert({flagship_path(), hostile_path()}, safe, {"-O", "excel-safe"}).exit_code, 0);
    const Tables a = python_tables(plain);
    const Tables b = python_tables(safe, true);
    ASSERT_EQ(a.size(), 5u);
    ASSERT_EQ(b.size(), 5u);
    std::size_t guarded = 0;
    for (const auto& [file, rows] : a) {
        ASSERT_EQ(b.at(file).size(), rows.size()) << file;
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                const std::string& v = rows[r][c];
                const bool formula = !v.empty() && std::string("=+-@\t\r").find(v[0]) != std::string::npos;
                EXPECT_EQ(b.at(file)[r][c], formula ? "'" + v : v) << file << " row " << r << " col " << c;
                guarded += formula;
            }
    }
    // The hostile document starts cells with each of = + - @ and a tab.
    EXPECT_GE(guarded, 8u);
    const Rows& docs = b.at("documents.csv");
    EXPECT_EQ(docs[2][column(docs, "document_type")], "'=HYPERLINK(\"http://evil.example/\",\"click\")");
    EXPECT_EQ(docs[2][column(docs, "publication_type")], "'+SUM(1,2)");
}

TEST_F(CsvExporter, RefusesStandardOutputAndNamesTheCause) {
    const ProcessResult r = stukwerk({"convert", flagship_path().string(), "-t", "csv", "-o", "-"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("csv: its five tables"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("-o DIR"), std::string::npos) << r.err;
}

TEST_F(CsvExporter, AFailedInputAddsNoRowsAndRowsFollowTheInputOrder) {
    const fs::path dir = temp_dir("csv-failed");
    write_file(dir / "broken.json", "{\"id\": \"broken\", \"metadata\": {\"title\": ");
    const ProcessResult r = convert({hostile_path(), dir / "broken.json", flagship_path()}, dir / "out", {"-j", "2"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const Tables t = python_tables(dir / "out");
    ASSERT_EQ(t.size(), 5u);
    const Rows& docs = t.at("documents.csv");
    ASSERT_EQ(docs.size(), 3u);
    EXPECT_EQ(docs[1][0], hostile_->id);
    EXPECT_EQ(docs[2][0], "kst-33279-36");
    for (const auto& [file, rows] : t)
        for (std::size_t i = 1; i < rows.size(); ++i)
            EXPECT_TRUE(rows[i][0] == hostile_->id || rows[i][0] == "kst-33279-36") << file << ": " << rows[i][0];
    // The hostile document's rows all come before the flagship's.
    const Rows& blocks = t.at("blocks.csv");
    const auto first_flagship = std::find_if(blocks.begin() + 1, blocks.end(),
                                             [](const auto& row) { return row[0] == "kst-33279-36"; });
    EXPECT_TRUE(std::all_of(first_flagship, blocks.end(), [](const auto& row) { return row[0] == "kst-33279-36"; }));
}

TEST_F(CsvExporter, SameInputsGiveIdenticalBytesWhateverTheNumberOfWorkers) {
    const fs::path one = temp_dir("csv-determinism-1");
    const fs::path four = temp_dir("csv-determinism-4");
    const std::vector<fs::path> inputs{flagship_path(), hostile_path(), flagship_path(), hostile_path()};
    ASSERT_EQ(convert(inputs, one, {"-j", "1"}).exit_code, 0);
    ASSERT_EQ(convert(inputs, four, {"-j", "4"}).exit_code, 0);
    for (const char* f : table_files) {
        const std::string bytes = read_file(one / f);
        EXPECT_FALSE(bytes.empty()) << f;
        EXPECT_EQ(bytes, read_file(four / f)) << f;
    }
    EXPECT_EQ(python_tables(one).at("documents.csv").size(), 5u);
}

TEST_F(CsvExporter, DeepTreesKeepPathParentAndDepth) {
    // 300 sections, each holding a paragraph and the next section.
    constexpr int levels = 300;
    std::string body;
    for (int k = levels; k >= 1; --k) {
        std::string section = R"({"type": "section", "children": [{"type": "paragraph", "text": "p)" +
                              std::to_string(k) + "\"}";
        if (!body.empty()) section += ", " + body;
        body = section + "]}";
    }
    const fs::path dir = temp_dir("csv-deep");
    write_file(dir / "deep.json", R"({"id": "deep", "metadata": {"title": "t", "dossiers": [], "people": [],)"
                                  R"( "subjects": [], "identifiers": [], "raw": []}, "body": [)" +
                                      body + R"(], "footnotes": [], "references": [], "warnings": []})");
    ASSERT_EQ(convert({dir / "deep.json"}, dir / "out").exit_code, 0);
    const Rows blocks = python_tables(dir / "out").at("blocks.csv");
    ASSERT_EQ(blocks.size(), 1u + 2 * levels);
    std::string section_path = "body/0";
    for (int k = 1; k <= levels; ++k) {
        // Section k is row 2k-1, its paragraph row 2k, one level deeper.
        const auto& s = blocks[2 * k - 1];
        const auto& p = blocks[2 * k];
        EXPECT_EQ(s[2], section_path);
        EXPECT_EQ(s[3], k == 1 ? "" : std::to_string(2 * k - 3));
        EXPECT_EQ(s[4], std::to_string(k));
        EXPECT_EQ(p[2], section_path + "/0");
        EXPECT_EQ(p[3], std::to_string(2 * k - 1));
        EXPECT_EQ(p[4], std::to_string(k + 1));
        EXPECT_EQ(p.back(), "p" + std::to_string(k));
        section_path += "/1";
    }
}

// The field encoding itself, against RFC 4180's rules.
TEST(CsvFormat, QuotesOnlyWhatRfc4180RequiresAndDoublesQuotes) {
    using plugins::csv::append_record;
    std::string out;
    append_record(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", "ünï 🙂"}, false);
    EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,ünï 🙂\r\n");
}

TEST(CsvFormat, ExcelSafeGuardsEveryFormulaLead) {
    using plugins::csv::guard_formula;
    EXPECT_EQ(guard_formula("=1+1"), "'=1+1");
    EXPECT_EQ(guard_formula("+31"), "'+31");
    EXPECT_EQ(guard_formula("-5"), "'-5");
    EXPECT_EQ(guard_formula("@x"), "'@x");
    EXPECT_EQ(guard_formula("\tx"), "'\tx");
    EXPECT_EQ(guard_formula("\rx"), "'\rx");
    EXPECT_EQ(guard_formula("a=b"), "a=b");
    EXPECT_EQ(guard_formula(""), "");
    std::string out;
    plugins::csv::append_record(out, {"=HYPERLINK(\"x\",\"y\")"}, true);
    EXPECT_EQ(out, "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n");
}

}  // namespace
}  // namespace stukwerk::test
