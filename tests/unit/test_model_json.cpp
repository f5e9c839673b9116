// The canonical JSON: every field of the model survives a round trip, the
// public key names hold, and an independent validator accepts the output.
#include <gtest/gtest.h>

#include <limits>

#include <boost/json.hpp>

#include "model_json.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

// A document that uses every part of the model.
Document rich_document() {
    Document d;
    d.id = "kst-33279-36";
    Metadata& m = d.metadata;
    m.title = "Europese defensiesamenwerking en specialisatie";
    m.document_type = "Brief regering";
    m.publication_type = "Kamerstuk";
    m.date = "2022-12-22";
    m.published = "2022-12-23";
    m.modified = "2024-02-19T10:56:00";
    m.version = "4";
    m.session_year = "2022-2023";
    m.chamber = "Tweede Kamer";
    m.dossiers = {{"33279", "Internationale militaire samenwerking"}};
    m.item_number = "36";
    m.people = {{"K.H. Ollongren", "signatory", "Minister van Defensie", ""},
                {"C.A. van der Maat", "signatory", "Staatssecretaris van Defensie", "VVD"}};
    m.language = "nl";
    m.subjects = {"Defensie", "Internationaal"};
    m.identifiers = {{"tk-document-number", "2022D56473"}, {"tk-zaak", "2022Z26183"}};
    m.raw = {{"OVERHEIDop.indiener", "K.H. Ollongren", "OVERHEID.StatenGeneraal"}, {"DC.format", "text/html", ""}};

    Block section;
    section.type = BlockType::section;
    Block heading;
    heading.type = BlockType::heading;
    heading.level = 2;
    heading.label = "1.";
    heading.inlines = {text_run("Aanleiding")};
    heading.source.path = "/html/body/div[1]/h2[1]";
    section.children.push_back(heading);
    Block para;
    para.inlines = {text_run("De NAVO is de "), text_run("hoeksteen", style::italic | style::bold), text_run(" — zie "),
                    Inline{InlineKind::link, "Kamerstuk 36 200 X, nr. 37", style::none,
                           "https://zoek.officielebekendmakingen.nl/kst-36200-X-37.html"},
                    Inline{InlineKind::note_ref, "1", style::superscript, "fn1"}, Inline{InlineKind::line_break, "", 0, ""},
                    text_run("Tweede regel, \"aanhalingstekens\" en \\ en \t tab.")};
    para.source = SourceLocation{"", 2, 56.5, 100.25, 540, 130.75};
    section.children.push_back(para);
    Block scanned = paragraph("Tekst uit een scan.");
    scanned.source = SourceLocation{"", 3, 70, 90, 520, 110, "ocr", 91.25};
    section.children.push_back(scanned);
    d.body.push_back(section);

    Block list;
    list.type = BlockType::list;
    list.ordered = true;
    list.label = "decimal";
    for (int i = 1; i <= 2; ++i) {
        Block item;
        item.type = BlockType::list_item;
        item.label = std::to_string(i) + ".";
        item.inlines = {text_run("Punt " + std::to_string(i))};
        if (i == 2) {
            Block nested;
            nested.type = BlockType::list;
            Block sub;
            sub.type = BlockType::list_item;
            sub.label = "–";
            sub.inlines = {text_run("genest")};
            nested.children.push_back(sub);
            item.children.push_back(nested);
        }
        list.children.push_back(item);
    }
    d.body.push_back(list);

    Block table;
    table.type = BlockType::table;
    table.inlines = {text_run("Tabel 1")};
    Block row;
    row.type = BlockType::table_row;
    row.header = true;
    Block cell;
    cell.type = BlockType::table_cell;
    cell.header = true;
    cell.col_span = 2;
    cell.row_span = 3;
    cell.inlines = {text_run("Kop")};
    row.children.push_back(cell);
    Block empty_cell;
    empty_cell.type = BlockType::table_cell;
    row.children.push_back(empty_cell);
    table.children.push_back(row);
    d.body.push_back(table);

    Block turn;
    turn.type = BlockType::speaker_turn;
    turn.speaker = {"Boswijk", "lid", "CDA"};
    turn.children.push_back(paragraph("Voorzitter."));
    d.body.push_back(turn);

    Block sig;
    sig.type = BlockType::signature;
    sig.children.push_back(paragraph("De Minister van Defensie,", "function"));
    sig.children.push_back(paragraph("K.H. Ollongren", "name"));
    d.body.push_back(sig);
    d.body.push_back(paragraph("Den Haag, 22 december 2022", "place-date"));
    Block fig;
    fig.type = BlockType::figure;
    d.body.push_back(fig);

    Footnote fn;
    fn.id = "fn1";
    fn.label = "1";
    fn.inlines = {text_run("Zie "), text_run("Kamerstuk 35 570 X, nr. 39", style::italic)};
    fn.source.path = "/html/body/div[2]";
    d.footnotes.push_back(fn);
    Footnote plain;
    plain.id = "fn2";
    plain.label = "2";
    plain.inlines = {text_run("Gewone noot.")};
    d.footnotes.push_back(plain);
    d.references = {{"Kamerstuk 36 200 X, nr. 37", "kst-36200-X-37", "kamerstuk", "body/0/1"}};
    d.source = Provenance{"oep-html", "text/html", "samples/kst-33279-36/kst-33279-36.html",
                          std::string(64, 'a'), 1234, 0, {"oep-html", "1.0.0"}};
    d.warnings = {{"unknown-element", "element <foo> kept as text", "/html/body/foo"}};
    return d;
}

TEST(ModelJson, RoundTripKeepsEveryField) {
    const Document d = rich_document();
    const Document back = json::from_json(json::to_json(d));
    EXPECT_EQ(back, d);
    EXPECT_EQ(json::parse_document(json::to_pretty(json::to_json(d))), d);
    EXPECT_EQ(json::parse_document(json::to_compact(json::to_json(d))), d);
}

TEST(ModelJson, AttributesRoundTripOnEveryBlockType) {
    // Found by fuzz_importer: a level on a list item was not written.
    Document d;
    d.id = "x";
    Block item;
    item.type = BlockType::list_item;
    item.level = 2;
    item.ordered = true;
    item.inlines = {text_run("tekst")};
    Block list;
    list.type = BlockType::list;
    list.children.push_back(item);
    d.body.push_back(list);
    EXPECT_EQ(json::from_json(json::to_json(d)), d);
}

TEST(ModelJson, DeletionRecordsRoundTrip) {
    Document d;
    d.id = "2022D56473";
    d.status = RecordStatus::deleted;
    EXPECT_EQ(json::from_json(json::to_json(d)), d);
    EXPECT_EQ(json::to_json(d).at("status"), "deleted");
}

TEST(ModelJson, PublicKeyNamesHold) {
    const boost::json::value v = json::to_json(rich_document());
    EXPECT_EQ(v.at("id"), "kst-33279-36");
    const auto& m = v.at("metadata");
    EXPECT_EQ(m.at("title"), "Europese defensiesamenwerking en specialisatie");
    EXPECT_EQ(m.at("date"), "2022-12-22");
    EXPECT_EQ(m.at("document_type"), "Brief regering");
    EXPECT_EQ(m.at("session_year"), "2022-2023");
    EXPECT_EQ(m.at("dossiers").at(0).at("number"), "33279");
    EXPECT_EQ(m.at("dossiers").at(0).at("title"), "Internationale militaire samenwerking");
    EXPECT_EQ(m.at("item_number"), "36");
    EXPECT_EQ(m.at("people").at(0).at("name"), "K.H. Ollongren");
    EXPECT_EQ(m.at("people").at(0).at("role"), "signatory");
    EXPECT_EQ(m.at("people").at(0).at("function"), "Minister van Defensie");
    const auto& body = v.at("body").as_array();
    EXPECT_EQ(body.at(0).at("type"), "section");
    const auto& heading = body.at(0).at("children").at(0);
    EXPECT_EQ(heading.at("type"), "heading");
    EXPECT_EQ(heading.at("level"), 2);
    EXPECT_EQ(heading.at("text"), "Aanleiding");
    EXPECT_EQ(body.at(1).at("type"), "list");
    EXPECT_EQ(body.at(1).at("items").at(1).at("text"), "Punt 2");
    EXPECT_EQ(body.at(2).at("rows").at(0).at("cells").at(0).at("col_span"), 2);
    EXPECT_EQ(v.at("footnotes").at(0).at("label"), "1");
    EXPECT_EQ(v.at("footnotes").at(0).at("text"), "Zie Kamerstuk 35 570 X, nr. 39");
    EXPECT_EQ(v.at("references").at(0).at("text"), "Kamerstuk 36 200 X, nr. 37");
    EXPECT_EQ(v.at("references").at(0).at("target"), "kst-36200-X-37");
    const auto& src = v.at("source");
    EXPECT_EQ(src.at("format"), "oep-html");
    EXPECT_EQ(src.at("path"), "samples/kst-33279-36/kst-33279-36.html");
    EXPECT_EQ(src.at("sha256").as_string(), std::string(64, 'a'));
    EXPECT_EQ(src.at("importer").at("name"), "oep-html");
    EXPECT_EQ(src.at("importer").at("version"), "1.0.0");
}

TEST(ModelJson, ValidatesAgainstTheSchemaWithAnIndependentValidator) {
    const fs::path dir = temp_dir("model-json-schema");
    write_file(dir / "rich.json", json::to_pretty(json::to_json(rich_document())));
    write_file(dir / "rich.jsonl", json::to_compact(json::to_json(rich_document())) + "\n");
    EXPECT_EQ(schema_errors({dir / "rich.json", dir / "rich.jsonl"}), "");
}

TEST(ModelJson, TheValidatorRejectsWhatTheSchemaForbids) {
    // Proves the schema check can fail: a renamed key and a bad date.
    boost::json::value v = json::to_json(rich_document());
    v.as_object()["metadata"].as_object()["date"] = "22 december 2022";
    const fs::path dir = temp_dir("model-json-schema-bad");
    write_file(dir / "bad.json", json::to_compact(v));
    const std::string errors = schema_errors({dir / "bad.json"});
    EXPECT_NE(errors.find("metadata/date"), std::string::npos) << errors;
}

TEST(ModelJson, RecognisedTextSaysHowAndHowSure) {
    const boost::json::value v = json::to_json(rich_document());
    const auto& scanned = v.at("body").at(0).at("children").at(2).at("source");
    EXPECT_EQ(scanned.at("method"), "ocr");
    EXPECT_EQ(scanned.at("confidence").as_double(), 91.25);
    EXPECT_EQ(v.at("body").at(0).at("children").at(1).at("source").as_object().if_contains("method"), nullptr);
    // A method without its confidence, or a confidence over 100, is refused.
    boost::json::value bad = v;
    bad.at("body").at(0).at("children").at(2).at("source").as_object().erase("confidence");
    boost::json::value over = v;
    over.at("body").at(0).at("children").at(2).at("source").as_object()["confidence"] = 120.0;
    const fs::path dir = temp_dir("model-json-ocr");
    write_file(dir / "no-confidence.json", json::to_compact(bad));
    write_file(dir / "over.json", json::to_compact(over));
    EXPECT_NE(schema_errors({dir / "no-confidence.json"}), "");
    EXPECT_NE(schema_errors({dir / "over.json"}), "");
}

TEST(ModelJson, RejectsWhatIsNotADocument) {
    EXPECT_THROW(json::parse_document("{"), Error);
    EXPECT_THROW(json::parse_document("[]"), Error);
    EXPECT_THROW(json::parse_document(R"({"metadata":{}})"), Error);
    EXPECT_THROW(json::parse_document(R"({"id":"x","body":[{"type":"nonsense"}]})"), Error);
}

}  // namespace
}  // namespace stukwerk::test

namespace stukwerk::test {
namespace {

TEST(ModelJson, QuotedStringsCarryBoostJsonsEscapesByteForByte) {
    // Every ASCII byte alone, then text mixing escapes, non-ASCII and a stray byte.
    std::vector<std::string> samples;
    for (int c = 0; c < 0x80; ++c) samples.emplace_back(1, static_cast<char>(c));
    samples.emplace_back("");
    samples.emplace_back("Kamerstuk \"33 279\"\\nr. 36\n\tTweede Kamer\x01\x1f\x7f ë € 😀 \xff end");
    for (const std::string& s : samples) {
        std::string out;
        json::append_quoted(out, s);
        EXPECT_EQ(out, boost::json::serialize(boost::json::string_view(s))) << static_cast<int>(s.empty() ? -1 : s[0]);
    }
}

TEST(ModelJson, PrettyTextParsesBackToTheSameValue) {
    // Boost.JSON's own parser is the judge of the indented writer, for a
    // whole document and for every kind of value.
    const boost::json::value doc = json::to_json(rich_document());
    EXPECT_EQ(boost::json::parse(json::to_pretty(doc)), doc);
    const boost::json::value kinds = {{"int", -9223372036854775807LL - 1},
                                      {"uint", std::numeric_limits<std::uint64_t>::max()},
                                      {"double", 0.1},
                                      {"true", true},
                                      {"false", false},
                                      {"null", nullptr},
                                      {"empty", boost::json::object{}},
                                      {"none", boost::json::array{}},
                                      {"nested", boost::json::array{1, "t\"w\"o", boost::json::array{}}}};
    const std::string text = json::to_pretty(kinds);
    EXPECT_EQ(boost::json::parse(text), kinds);
    EXPECT_NE(text.find("\"uint\": 18446744073709551615"), std::string::npos) << text;
    EXPECT_NE(text.find("\"int\": -9223372036854775808"), std::string::npos) << text;
}

TEST(ModelJson, PiecewiseWritingGivesTheWholeTextInBoundedPieces) {
    Document d = rich_document();
    for (int i = 0; i < 3000; ++i) d.body.push_back(d.body.front());  // about 1 MB of JSON
    const boost::json::value v = json::to_json(d);
    std::string joined;
    std::size_t pieces = 0, largest = 0;
    json::write_pretty(v, [&](std::string& text) {
        ++pieces;
        largest = std::max(largest, text.size());
        joined += text;
        text.clear();
    });
    EXPECT_EQ(joined, json::to_pretty(v) + "\n");
    EXPECT_GT(pieces, 4u);
    EXPECT_LT(largest, 128u * 1024) << "a piece grew past the drain size and one value";
}

}  // namespace
}  // namespace stukwerk::test
