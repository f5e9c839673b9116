// The rdf, ntriples and jsonld exporters end to end: files written by
// `stukwerk convert`, parsed by independent RDF parsers (raptor's `rapper`
// and Debian's python3-rdflib, through check_rdf.py), compared as graphs
// across formats and queried with SPARQL for the facts of the source.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "iri.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

namespace bj = boost::json;
using Rows = std::vector<std::vector<std::string>>;

fs::path flagship_path() { return data_dir() / "exporters" / "kst-33279-36.json"; }
fs::path hostile_path() { return data_dir() / "exporters" / "hostile.json"; }

const std::string flagship_iri = "https://zoek.officielebekendmakingen.nl/kst-33279-36";
// The hostile id, percent-encoded by hand from RFC 3986: everything but
// letters, digits and -._~ as %XX of its UTF-8 bytes.
const std::string hostile_iri =
    "https://zoek.officielebekendmakingen.nl/hostile%20doc%20%3C1%3E%20%22quoted%22%20%26%20ampersand%2Fslash%3F%23";
const std::string hostile_stem = "hostile_doc__1___quoted____ampersand_slash__";

const std::string prefixes =
    "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
    "PREFIX eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
    "PREFIX org: <http://www.w3.org/ns/org#>\n"
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX spdx: <http://spdx.org/rdf/terms#>\n";

ProcessResult convert(const std::vector<fs::path>& inputs, const fs::path& out, const std::string& formats,
                      std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"convert"};
    for (const fs::path& p : inputs) args.push_back(p.string());
    args.insert(args.end(), {"-t", formats, "-o", out.string(), "-q"});
    args.insert(args.end(), extra.begin(), extra.end());
    return stukwerk(args);
}

// What rdflib makes of some graphs (files, or files joined by '+').
struct Checked {
    std::vector<std::int64_t> triples;
    std::vector<bool> isomorphic;           // each graph against the first
    std::vector<std::vector<Rows>> results;  // per graph, per query
};

Checked rdflib(const std::vector<std::string>& graphs, const std::vector<std::string>& queries = {}) {
    std::vector<std::string> argv{python(), (source_dir() / "plugins/rdf/tests/check_rdf.py").string()};
    argv.insert(argv.end(), graphs.begin(), graphs.end());
    for (const std::string& q : queries) argv.insert(argv.end(), {"--query", prefixes + q});
    const ProcessResult r = run(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Checked c;
    if (r.exit_code != 0) return c;
    const bj::value v = bj::parse(r.out);
    for (const bj::value& n : v.at("triples").as_array()) c.triples.push_back(n.as_int64());
    for (const bj::value& b : v.at("isomorphic").as_array()) c.isomorphic.push_back(b.as_bool());
    for (const bj::value& per_graph : v.at("results").as_array()) {
        c.results.emplace_back();
        for (const bj::value& per_query : per_graph.as_array()) {
            Rows rows;
            for (const bj::value& row : per_query.as_array()) {
                rows.emplace_back();
                for (const bj::value& cell : row.as_array())
                    rows.back().push_back(cell.is_null() ? "<unbound>" : std::string(cell.as_string()));
            }
            c.results.back().push_back(std::move(rows));
        }
    }
    return c;
}

// raptor's rapper in counting mode: the number of triples, -1 if it refused.
std::int64_t rapper_count(const fs::path& file, const std::string& syntax) {
    const ProcessResult r = run({"rapper", "-i", syntax, "-c", file.string()});
    EXPECT_EQ(r.exit_code, 0) << file << ": " << r.err;
    EXPECT_EQ(r.err.find("Error"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("Warning"), std::string::npos) << r.err;
    const auto at = r.err.find("Parsing returned ");
    if (r.exit_code != 0 || at == std::string::npos) return -1;
    return std::stoll(r.err.substr(at + 17));
}

class RdfExporters : public ::testing::Test {
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
Document* RdfExporters::flagship_ = nullptr;
Document* RdfExporters::hostile_ = nullptr;

TEST_F(RdfExporters, FlagshipParsesEverywhereAndAnswersTitleDateSignatoriesAndCitations) {
    const fs::path dir = temp_dir("rdf-flagship");
    // The issue's command, plus N-Triples.
    ASSERT_EQ(convert({flagship_path()}, dir, "csv,rdf,jsonld,ntriples").exit_code, 0);
    const std::string ttl = (dir / "kst-33279-36.ttl").string(), nt = (dir / "kst-33279-36.nt").string(),
                      jsonld = (dir / "kst-33279-36.jsonld").string();
    const std::int64_t n = rapper_count(ttl, "turtle");
    EXPECT_GT(n, 100);
    EXPECT_EQ(rapper_count(nt, "ntriples"), n);

    const std::string D = "<" + flagship_iri + ">";
    const Checked c = rdflib(
        {ttl, nt, jsonld},
        {
            "SELECT ?title ?date (str(datatype(?date)) AS ?type) WHERE { " + D +
                " dcterms:title ?title ; eli:date_document ?date }",
            "SELECT ?name ?function WHERE { ?act eli-dl:created_a_realization_of " + D +
                " ; eli-dl:had_participation ?p . ?p eli-dl:participation_role/skos:notation \"signatory\" ; "
                "eli-dl:had_participant_person ?person . ?person foaf:name ?name ; org:holds/skos:prefLabel ?function "
                "} ORDER BY ?name",
            "SELECT ?cited ?id WHERE { " + D + " eli:cites ?cited . ?cited dcterms:identifier ?id } ORDER BY ?id",
            "SELECT ?sha ?language WHERE { " + D +
                " eli:is_realized_by ?e . ?e eli:language ?language ; eli:is_embodied_by/spdx:checksum/"
                "spdx:checksumValue ?sha }",
            "SELECT ?number ?title ?item WHERE { " + D +
                " eli:number ?item ; eli:is_member_of ?d . ?d a eli:ComplexWork ; dcterms:identifier ?number ; "
                "dcterms:title ?title }",
            "SELECT ?id ?label ?text WHERE { ?f eli:is_part_of " + D +
                " ; dcterms:identifier ?id ; eli:number ?label ; rdf:value ?text } ORDER BY xsd:integer(?label)",
            "SELECT ?label WHERE { " + D + " eli:work_type/skos:prefLabel ?label } ORDER BY ?label",
        });
    ASSERT_EQ(c.triples.size(), 3u);
    EXPECT_EQ(c.triples, (std::vector<std::int64_t>{n, n, n}));
    EXPECT_EQ(c.isomorphic, (std::vector<bool>{true, true, true})) << "the JSON-LD and N-Triples graphs differ";

    // Every format answers the same, with the facts of the letter.
    for (std::size_t g = 0; g < c.results.size(); ++g) {
        SCOPED_TRACE(g == 0 ? "turtle" : g == 1 ? "n-triples" : "json-ld");
        const std::vector<Rows>& r = c.results[g];
        EXPECT_EQ(r[0], (Rows{{"Europese defensiesamenwerking en specialisatie en appreciatie van rapport Specialising "
                               "in European defence van Instituut Clingendael",
                               "2022-12-22", "http://www.w3.org/2001/XMLSchema#date"}}));
        EXPECT_EQ(r[1], (Rows{{"C.A. van der Maat", "Staatssecretaris van Defensie"},
                              {"K.H. Ollongren", "Minister van Defensie"}}));
        // The publications the letter cites, read off its text: Coalitieakkoord
        // (35 788 nr. 77), Defensienota (36 124 nr. 1), Handelingen II 2020/21
        // nr. 33 items 4 and 10, the motions Boswijk (36 200 X nr. 37) and
        // Valstar (nr. 26); in the notes 35 570 X nrs. 39 and 54, 31 125 nr. 123.
        Rows cited;
        for (const char* id : {"h-tk-20202021-33-10", "h-tk-20202021-33-4", "kst-31125-123", "kst-35570-X-39",
                               "kst-35570-X-54", "kst-35788-77", "kst-36124-1", "kst-36200-X-26", "kst-36200-X-37"})
            cited.push_back({"https://zoek.officielebekendmakingen.nl/" + std::string(id), id});
        EXPECT_EQ(r[2], cited);
        EXPECT_EQ(r[3], (Rows{{flagship_->source.sha256,
                               "http://publications.europa.eu/resource/authority/language/NLD"}}));
        EXPECT_EQ(r[4], (Rows{{"33279", "Internationale militaire samenwerking", "36"}}));
        ASSERT_EQ(r[5].size(), 13u);
        for (std::size_t i = 0; i < 13; ++i) {
            const Footnote& f = flagship_->footnotes[i];
            EXPECT_EQ(r[5][i], (std::vector<std::string>{f.id, f.label, plain_text(f.inlines)}));
        }
        EXPECT_EQ(r[6], (Rows{{"Brief regering"}, {"Kamerstuk"}}));
    }
}

TEST_F(RdfExporters, HostileValuesComeBackExactlyFromEveryFormat) {
    const fs::path dir = temp_dir("rdf-hostile");
    ASSERT_EQ(convert({hostile_path()}, dir, "rdf,ntriples,jsonld").exit_code, 0);
    const fs::path ttl = dir / (hostile_stem + ".ttl"), nt = dir / (hostile_stem + ".nt"),
                   jsonld = dir / (hostile_stem + ".jsonld");
    const std::int64_t n = rapper_count(ttl, "turtle");
    EXPECT_EQ(rapper_count(nt, "ntriples"), n);

    const Metadata& m = hostile_->metadata;
    const std::string D = "<" + hostile_iri + ">";
    const Checked c = rdflib(
        {ttl.string(), nt.string(), jsonld.string()},
        {
            "SELECT ?id ?title (lang(?title) AS ?tag) ?language WHERE { " + D +
                " dcterms:identifier ?id ; dcterms:title ?title ; dcterms:language ?language }",
            "SELECT ?name ?role WHERE { ?act eli-dl:created_a_realization_of " + D +
                " ; eli-dl:had_participation ?p . ?p eli-dl:had_participant_person/foaf:name ?name ; "
                "eli-dl:participation_role/skos:notation ?role } ORDER BY ?p",
            "SELECT ?function WHERE { ?person org:holds/skos:prefLabel ?function } ORDER BY ?person",
            "SELECT ?cited WHERE { " + D + " eli:cites ?cited } ORDER BY ?cited",
            "SELECT ?id ?text WHERE { ?f eli:is_part_of " + D + " ; dcterms:identifier ?id . OPTIONAL { ?f rdf:value "
                "?text } } ORDER BY ?f",
            "SELECT ?title WHERE { " + D + " eli:is_member_of/dcterms:title ?title } ORDER BY ?title",
            "SELECT ?label WHERE { " + D + " eli:work_type/skos:prefLabel ?label } ORDER BY ?label",
        });
    ASSERT_EQ(c.triples.size(), 3u);
    EXPECT_EQ(c.triples, (std::vector<std::int64_t>{n, n, n}));
    EXPECT_EQ(c.isomorphic, (std::vector<bool>{true, true, true}));
    for (std::size_t g = 0; g < c.results.size(); ++g) {
        SCOPED_TRACE(g == 0 ? "turtle" : g == 1 ? "n-triples" : "json-ld");
        const std::vector<Rows>& r = c.results[g];
        // The language is not a valid tag, so the title carries none; the
        // language value itself is kept as it is.
        EXPECT_EQ(r[0], (Rows{{hostile_->id, m.title, "", m.language}}));
        Rows people;
        for (const Person& p : m.people) people.push_back({p.name, p.role});
        EXPECT_EQ(r[1], people);
        Rows functions;  // the one person without a function holds no post
        for (const Person& p : m.people)
            if (!p.function.empty()) functions.push_back({p.function});
        EXPECT_EQ(r[2], functions);
        // A URL with spaces, quotes and angles, and an id with spaces, as
        // valid IRIs; a well-formed id as it is.
        EXPECT_EQ(r[3], (Rows{{"https://example.org/a%20b?c=%22d%22&e=%3Cf%3E#frag"},
                              {"https://zoek.officielebekendmakingen.nl/kst%201%20%3C2%3E"},
                              {"https://zoek.officielebekendmakingen.nl/kst-36200-X-37"}}));
        // The empty footnote keeps its id but has no text triple.
        EXPECT_EQ(r[4], (Rows{{hostile_->footnotes[0].id, plain_text(hostile_->footnotes[0].inlines)},
                              {"fn2", "<unbound>"}}));
        Rows dossiers{{m.dossiers[0].title}, {m.dossiers[1].title}};
        std::sort(dossiers.begin(), dossiers.end());
        EXPECT_EQ(r[5], dossiers);
        Rows types{{m.document_type}, {m.publication_type}};
        std::sort(types.begin(), types.end());
        EXPECT_EQ(r[6], types);
    }
}

TEST_F(RdfExporters, SingleFileHoldsTheWholeRunAndEqualsThePerDocumentFiles) {
    const fs::path per_doc = temp_dir("rdf-per-document");
    const fs::path single = temp_dir("rdf-single-file");
    const std::vector<fs::path> inputs{flagship_path(), hostile_path()};
    ASSERT_EQ(convert(inputs, per_doc, "rdf,ntriples").exit_code, 0);
    ASSERT_EQ(convert(inputs, single, "rdf,ntriples", {"-O", "single-file"}).exit_code, 0);
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(single))
        if (e.path().filename().string()[0] != '.') files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    EXPECT_EQ(files, (std::vector<std::string>{"documents.nt", "documents.ttl"}));

    const std::int64_t a = rapper_count(per_doc / "kst-33279-36.ttl", "turtle");
    const std::int64_t b = rapper_count(per_doc / (hostile_stem + ".ttl"), "turtle");
    EXPECT_EQ(rapper_count(single / "documents.ttl", "turtle"), a + b);
    EXPECT_EQ(rapper_count(single / "documents.nt", "ntriples"), a + b);
    const Checked c = rdflib({(per_doc / "kst-33279-36.ttl").string() + "+" + (per_doc / (hostile_stem + ".ttl")).string(),
                              (single / "documents.ttl").string(), (single / "documents.nt").string()});
    EXPECT_EQ(c.isomorphic, (std::vector<bool>{true, true, true}));
}

TEST_F(RdfExporters, BaseOptionMintsEveryDocumentIriOnTheGivenBase) {
    const fs::path dir = temp_dir("rdf-base");
    ASSERT_EQ(convert({flagship_path()}, dir, "rdf,jsonld", {"-O", "base=https://data.example.org/id/"}).exit_code, 0);
    const Checked c = rdflib({(dir / "kst-33279-36.ttl").string(), (dir / "kst-33279-36.jsonld").string()},
                             {"SELECT ?d ?cited WHERE { ?d a eli:Work ; eli:cites ?cited } ORDER BY ?cited LIMIT 1"});
    EXPECT_EQ(c.isomorphic, (std::vector<bool>{true, true}));
    for (const auto& r : c.results)
        EXPECT_EQ(r.at(0), (Rows{{"https://data.example.org/id/kst-33279-36",
                                  "https://data.example.org/id/h-tk-20202021-33-10"}}));

    for (const char* bad : {"base=not an iri", "base=https://x.example/#frag", "base=https://x.example/a b/"}) {
        const ProcessResult r = convert({flagship_path()}, temp_dir("rdf-bad-base"), "rdf", {"-O", bad});
        EXPECT_NE(r.exit_code, 0) << bad;
        EXPECT_NE(r.err.find("rdf: base '"), std::string::npos) << r.err;
    }
}

TEST_F(RdfExporters, SyntaxOptionWritesNTriplesAndRefusesUnknownSyntaxes) {
    const fs::path a = temp_dir("rdf-syntax-option");
    const fs::path b = temp_dir("rdf-ntriples-exporter");
    ASSERT_EQ(convert({flagship_path()}, a, "rdf", {"-O", "syntax=ntriples"}).exit_code, 0);
    ASSERT_EQ(convert({flagship_path()}, b, "ntriples").exit_code, 0);
    EXPECT_FALSE(fs::exists(a / "kst-33279-36.ttl"));
    EXPECT_EQ(read_file(a / "kst-33279-36.nt"), read_file(b / "kst-33279-36.nt"));
    EXPECT_GT(rapper_count(a / "kst-33279-36.nt", "ntriples"), 100);

    const ProcessResult r = convert({flagship_path()}, temp_dir("rdf-bad-syntax"), "rdf", {"-O", "syntax=rdfxml"});
    EXPECT_EQ(r.exit_code, 2) << "a value the option does not declare is a usage error";
    EXPECT_NE(r.err.find("option 'syntax=rdfxml': expected one of turtle, ttl, ntriples, nt"), std::string::npos) << r.err;
}

TEST_F(RdfExporters, StandardOutputCarriesEachDocumentWhole) {
    const fs::path dir = temp_dir("rdf-stdout");
    const ProcessResult r = stukwerk({"convert", flagship_path().string(), hostile_path().string(), "-t", "rdf", "-o",
                                      "-", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    write_file(dir / "stdout.ttl", r.out);
    const fs::path files = temp_dir("rdf-stdout-files");
    ASSERT_EQ(convert({flagship_path(), hostile_path()}, files, "rdf").exit_code, 0);
    EXPECT_EQ(r.out, read_file(files / "kst-33279-36.ttl") + read_file(files / (hostile_stem + ".ttl")));
    EXPECT_EQ(rapper_count(dir / "stdout.ttl", "turtle"),
              rapper_count(files / "kst-33279-36.ttl", "turtle") + rapper_count(files / (hostile_stem + ".ttl"), "turtle"));
}

TEST_F(RdfExporters, JsonLdEmbedsThePublishedContext) {
    const fs::path dir = temp_dir("rdf-context");
    ASSERT_EQ(convert({flagship_path()}, dir, "jsonld").exit_code, 0);
    const bj::value written = bj::parse(read_file(dir / "kst-33279-36.jsonld"));
    const bj::value published = bj::parse(read_file(source_dir() / "plugins/rdf/context.jsonld"));
    EXPECT_EQ(written.at("@context"), published.at("@context"));
    EXPECT_GT(written.at("@graph").as_array().size(), 10u);
}

TEST_F(RdfExporters, SameInputsGiveIdenticalBytesWhateverTheNumberOfWorkers) {
    const fs::path one = temp_dir("rdf-determinism-1");
    const fs::path four = temp_dir("rdf-determinism-4");
    const std::vector<fs::path> inputs{flagship_path(), hostile_path()};
    ASSERT_EQ(convert(inputs, one / "docs", "rdf,ntriples,jsonld", {"-j", "1"}).exit_code, 0);
    ASSERT_EQ(convert(inputs, four / "docs", "rdf,ntriples,jsonld", {"-j", "4"}).exit_code, 0);
    ASSERT_EQ(convert(inputs, one / "run", "rdf", {"-j", "1", "-O", "single-file"}).exit_code, 0);
    ASSERT_EQ(convert(inputs, four / "run", "rdf", {"-j", "4", "-O", "single-file"}).exit_code, 0);
    std::size_t compared = 0;
    for (const char* sub : {"docs", "run"})
        for (const auto& e : fs::directory_iterator(one / sub)) {
            if (e.path().filename().string()[0] == '.') continue;  // the host's journal
            EXPECT_EQ(read_file(e.path()), read_file(four / sub / e.path().filename())) << e.path();
            ++compared;
        }
    EXPECT_EQ(compared, 7u);
}

TEST_F(RdfExporters, ADocumentIdSeenTwiceGetsTheSameSecondNameInEveryFormat) {
    // The host names per-document files (jsonld) uniquely; rdf and
    // ntriples, being aggregate, follow the same rule themselves.
    const fs::path dir = temp_dir("rdf-same-id");
    write_file(dir / "again.json", read_file(flagship_path()));
    ASSERT_EQ(convert({flagship_path(), dir / "again.json", flagship_path()}, dir / "out", "rdf,ntriples,jsonld").exit_code,
              0);
    for (const char* ext : {".ttl", ".nt", ".jsonld"})
        for (const char* stem : {"kst-33279-36", "kst-33279-36~2", "kst-33279-36~3"})
            EXPECT_TRUE(fs::exists(dir / "out" / (std::string(stem) + ext))) << stem << ext;
    // The second document's three files are one graph.
    const Checked c = rdflib({(dir / "out/kst-33279-36~2.ttl").string(), (dir / "out/kst-33279-36~2.nt").string(),
                              (dir / "out/kst-33279-36~2.jsonld").string()},
                             {"SELECT ?sha WHERE { ?c spdx:checksumValue ?sha }"});
    EXPECT_EQ(c.isomorphic, (std::vector<bool>{true, true, true}));
    ASSERT_EQ(c.results.size(), 3u);
    EXPECT_EQ(c.results[0][0], (Rows{{flagship_->source.sha256}}));  // again.json: the same bytes
}

TEST_F(RdfExporters, NulCharacterIsReplacedBeforeItReachesTheWriters) {
    // serd cuts strings at U+0000, so a NUL must never reach it: the host's
    // shared pass replaces it with U+FFFD and says so, and every format
    // then carries the same, whole value.
    const fs::path dir = temp_dir("rdf-nul");
    write_file(dir / "nul.json",
               R"({"id": "nul-doc", "metadata": {"title": "a\u0000b", "dossiers": [], "people": [], "subjects": [],)"
               R"( "identifiers": [], "raw": []}, "body": [], "footnotes": [], "references": [], "warnings": [],)"
               R"( "source": {"format": "json", "path": "nul.json", "sha256": ")" +
                   std::string(64, '0') + R"(", "importer": {"name": "json", "version": "1"}}})");
    const ProcessResult r = convert({dir / "nul.json"}, dir / "out", "rdf,json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Checked c = rdflib({(dir / "out/nul-doc.ttl").string()}, {"SELECT ?t WHERE { ?d dcterms:title ?t }"});
    ASSERT_EQ(c.results.size(), 1u);
    EXPECT_EQ(c.results[0][0], (Rows{{"a\xEF\xBF\xBD" "b"}}));
    EXPECT_NE(read_file(dir / "out" / "nul-doc.json").find("\"code\": \"invalid-utf8\""), std::string::npos);
}

// Minting IRIs and checking lexical forms, case by case.
TEST(RdfIri, PercentEncodesIdsAndRepairsUrls) {
    using namespace plugins::rdf;
    EXPECT_EQ(encode_segment("kst-36200-X-37"), "kst-36200-X-37");
    EXPECT_EQ(encode_segment("a b/c?d#e%"), "a%20b%2Fc%3Fd%23e%25");
    EXPECT_EQ(encode_segment("é"), "%C3%A9");
    EXPECT_EQ(url_to_iri("https://x.example/a b?q=\"1\"&r=<2>#f#g"), "https://x.example/a%20b?q=%221%22&r=%3C2%3E#f%23g");
    EXPECT_EQ(url_to_iri("https://x.example/%41%zz"), "https://x.example/%41%25zz");
    EXPECT_EQ(url_to_iri("https://x.example/\xC3\xA9"), "https://x.example/%C3%A9");
    EXPECT_TRUE(is_http_url("HTTPS://x.example/"));
    EXPECT_FALSE(is_http_url("kst-1"));
    EXPECT_NO_THROW(check_base("https://zoek.officielebekendmakingen.nl/"));
    EXPECT_NO_THROW(check_base("urn:stukwerk:"));
    EXPECT_THROW(check_base("relative/"), Error);
    EXPECT_THROW(check_base("https://x/#"), Error);
    EXPECT_THROW(check_base("https://x/<a>/"), Error);
    EXPECT_THROW(check_base("eli:x/"), Error);
}

TEST(RdfIri, AcceptsOnlyValidTagsDatesAndMediaTypes) {
    using namespace plugins::rdf;
    EXPECT_TRUE(is_language_tag("nl"));
    EXPECT_TRUE(is_language_tag("nl-NL"));
    EXPECT_FALSE(is_language_tag("nl\" xml:lang=\"en"));
    EXPECT_FALSE(is_language_tag("nl-"));
    EXPECT_FALSE(is_language_tag(""));
    EXPECT_EQ(eu_language_iri("nl-BE"), "http://publications.europa.eu/resource/authority/language/NLD");
    EXPECT_EQ(eu_language_iri("xx"), "");
    EXPECT_TRUE(is_xsd_date("2024-02-29"));
    EXPECT_FALSE(is_xsd_date("2023-02-29"));
    EXPECT_FALSE(is_xsd_date("2023-13-01"));
    EXPECT_EQ(xsd_date_time("2024-02-19T10:56"), "2024-02-19T10:56:00");
    EXPECT_EQ(xsd_date_time("2024-02-19T10:56:07.5+0100"), "2024-02-19T10:56:07.5+01:00");
    EXPECT_EQ(xsd_date_time("2024-02-19T10:56:07Z"), "2024-02-19T10:56:07Z");
    EXPECT_EQ(xsd_date_time("2024-02-19T25:00"), "");
    EXPECT_EQ(xsd_date_time("2024-02-19"), "");
    EXPECT_TRUE(is_media_type("application/ld+json"));
    EXPECT_FALSE(is_media_type("text/html; charset=utf-8"));
    EXPECT_FALSE(is_media_type("text"));
}

}  // namespace
}  // namespace stukwerk::test
