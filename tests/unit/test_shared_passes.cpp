// The shared passes every document goes through, on documents read by the
// test-only importer and on hand-made ones.
#include <gtest/gtest.h>

#include "passes/shared_passes.hpp"
#include "test_support.hpp"

namespace stukwerk::test {
namespace {

core::InputFacts facts() {
    static const ImporterInfo info{"oep-html", "1.2.3", "", {"text/html"}, {"html"}};
    core::InputFacts f;
    f.path = "in/kst-1.html";
    f.file_stem = "kst-1";
    f.sha256 = std::string(64, '0');
    f.size = 10;
    f.importer = &info;
    return f;
}

bool has_warning(const Document& d, const std::string& code) {
    return std::any_of(d.warnings.begin(), d.warnings.end(), [&](const Warning& w) { return w.code == code; });
}

TEST(SharedPasses, RepairsInvalidUtf8AndSaysSo) {
    Document d;
    d.id = "x";
    d.metadata.title = "caf\xe9";  // latin-1 e-acute
    d.body.push_back(paragraph("ok \xff\xfe"));
    d.body.push_back(paragraph(std::string("nul\0byte", 8)));
    core::run_shared_passes(d, facts(), 0);
    EXPECT_EQ(d.metadata.title, "caf\xEF\xBF\xBD");
    EXPECT_EQ(plain_text(d.body[0]), "ok \xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(plain_text(d.body[1]), "nul\xEF\xBF\xBD" "byte");
    EXPECT_TRUE(has_warning(d, "invalid-utf8"));
}

TEST(SharedPasses, MissingIdFallsBackToTheFileName) {
    Document d;
    core::run_shared_passes(d, facts(), 0);
    EXPECT_EQ(d.id, "kst-1");
    EXPECT_TRUE(has_warning(d, "missing-id"));
    Document second;
    core::run_shared_passes(second, facts(), 1);
    EXPECT_EQ(second.id, "kst-1-2");
}

TEST(SharedPasses, NormalisesMetadataIntoSchemaForm) {
    Document d;
    d.id = "x";
    d.metadata.session_year = "2020/21";
    d.metadata.date = "6 juli 2021";
    d.metadata.published = "2021-07-07T00:00:00";
    d.metadata.dossiers = {{"36 200 X", "Defensie"}, {"21 501-20", ""}, {"geen nummer", ""}};
    d.metadata.people = {{"  ", "signatory", "", ""}};
    core::normalise_metadata(d);
    EXPECT_EQ(d.metadata.session_year, "2020-2021");
    EXPECT_EQ(d.metadata.date, "");
    EXPECT_EQ(d.metadata.published, "2021-07-07");
    ASSERT_EQ(d.metadata.dossiers.size(), 2u);
    EXPECT_EQ(d.metadata.dossiers[0].number, "36200-X");
    EXPECT_EQ(d.metadata.dossiers[1].number, "21501-20");
    EXPECT_TRUE(d.metadata.people.empty());
    EXPECT_TRUE(has_warning(d, "bad-metadata"));
    // Nothing is lost: the unusable values are kept raw.
    bool date_kept = false, dossier_kept = false;
    for (const Field& f : d.metadata.raw) {
        date_kept = date_kept || (f.name == "date" && f.value == "6 juli 2021");
        dossier_kept = dossier_kept || (f.name == "dossier" && f.value == "geen nummer");
    }
    EXPECT_TRUE(date_kept);
    EXPECT_TRUE(dossier_kept);
}

TEST(SharedPasses, ChecksFootnoteLinksBothWays) {
    Document d;
    d.id = "x";
    Block p;
    p.inlines = {text_run("tekst"), Inline{InlineKind::note_ref, "1", style::superscript, "fn1"},
                 Inline{InlineKind::note_ref, "9", style::superscript, "fn9"}};
    d.body.push_back(p);
    d.footnotes = {{"fn1", "1", {text_run("een")}, {}}, {"fn2", "2", {text_run("twee")}, {}}};
    core::check_footnote_links(d);
    ASSERT_EQ(d.warnings.size(), 2u);
    EXPECT_EQ(d.warnings[0].code, "dangling-note-ref");
    EXPECT_EQ(d.warnings[0].where, "body/0");
    EXPECT_EQ(d.warnings[1].code, "unreferenced-footnote");
    EXPECT_EQ(d.warnings[1].where, "footnote/fn2");
}

TEST(SharedPasses, ExtractsReferencesFromBodyFootnotesAndLinks) {
    Document d;
    d.id = "kst-33279-36";
    Block section;
    section.type = BlockType::section;
    section.children.push_back(paragraph("Zie Kamerstuk 36 200 X, nr. 37 en Kamerstuk 33 279, nr. 36."));
    d.body.push_back(section);
    Block link;
    link.inlines = {Inline{InlineKind::link, "deze brief", 0, "https://zoek.officielebekendmakingen.nl/kst-36124-1.html"},
                    Inline{InlineKind::link, "site", 0, "https://www.defensie.nl/"}};
    d.body.push_back(link);
    d.footnotes = {{"fn7", "7", {text_run("Kamerstuk 35 570 X, nr.54.")}, {}}};
    core::extract_references(d);
    ASSERT_EQ(d.references.size(), 4u);
    EXPECT_EQ(d.references[0].target, "kst-36200-X-37");
    EXPECT_EQ(d.references[0].where, "body/0/0");
    // The document's own id (kst-33279-36) is not a reference to another publication.
    EXPECT_EQ(d.references[1].target, "kst-36124-1");
    EXPECT_EQ(d.references[1].text, "deze brief");
    EXPECT_EQ(d.references[1].where, "body/1");
    EXPECT_EQ(d.references[2].target, "https://www.defensie.nl/");
    EXPECT_EQ(d.references[2].kind, "url");
    EXPECT_EQ(d.references[3].target, "kst-35570-X-54");
    EXPECT_EQ(d.references[3].where, "footnote/fn7");
    // Running it again adds nothing.
    core::extract_references(d);
    EXPECT_EQ(d.references.size(), 4u);
}

TEST(SharedPasses, StampsProvenanceFromTheHostNotTheImporter) {
    Document d;
    d.id = "x";
    d.source.path = "forged";
    core::run_shared_passes(d, facts(), 3);
    EXPECT_EQ(d.source.path, "in/kst-1.html");
    EXPECT_EQ(d.source.format, "oep-html");
    EXPECT_EQ(d.source.media_type, "text/html");
    EXPECT_EQ(d.source.importer.name, "oep-html");
    EXPECT_EQ(d.source.importer.version, "1.2.3");
    EXPECT_EQ(d.source.record, 3u);
    EXPECT_EQ(d.source.sha256, std::string(64, '0'));
}

TEST(SharedPasses, RunThroughThePipelineWithARealPlugin) {
    const fs::path dir = temp_dir("passes-pipeline");
    write_file(dir / "note.testdoc",
               "STUKWERK-TEST\nid: note\ntitle: Noot\n\n# Kop\nZie Kamerstuk 36 200 X, nr. 37[^1].\n[^1]: Een noot.\n");
    core::Registry r;
    r.load_directory(test_plugin_dir("good"));
    std::vector<Document> docs;
    struct Keep : core::DocumentConsumer {
        std::vector<Document>* out;
        void consume(Document& d, core::InputReport&) override { out->push_back(d); }
    } keep;
    keep.out = &docs;
    const core::InputReport report = core::Pipeline(r, {}).convert(dir / "note.testdoc", keep);
    ASSERT_EQ(report.status, core::InputStatus::ok) << report.error;
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(report.importer, "test-text");
    EXPECT_EQ(docs[0].references.at(0).target, "kst-36200-X-37");
    EXPECT_TRUE(docs[0].warnings.empty());
    EXPECT_EQ(docs[0].source.sha256.size(), 64u);
}

}  // namespace
}  // namespace stukwerk::test
