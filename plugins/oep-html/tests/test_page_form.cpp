// "Find the document, ignore the site": the real XHTML of kst-32545-143
// inside a reconstructed zoek.officielebekendmakingen.nl page (header,
// navigation, search, cookie notice, breadcrumb, the site's own h1, sidebar,
// footer, scripts; tests/data/oep-html/SOURCES.md) reads as the same
// document as the bare file.
#include <gtest/gtest.h>

#include "helpers.hpp"

namespace {

using namespace oep_html_test;

std::vector<Block> without_paths(std::vector<Block> blocks) {
    for_each_block(blocks, [](Block& b) { b.source = SourceLocation{}; });
    return blocks;
}

TEST(OepHtmlPageForm, SameDocumentAsTheBareXhtml) {
    const Document bare = import_one(motion_xhtml());
    const Document page = import_one(motion_page());
    EXPECT_EQ(page.id, bare.id);
    Metadata page_meta = page.metadata;
    // The page adds one fact the bare file lacks: where it lives.
    EXPECT_EQ(page_meta.identifiers,
              (std::vector<Identifier>{{"oep-url", "https://zoek.officielebekendmakingen.nl/kst-32545-143.html"}}));
    page_meta.identifiers = bare.metadata.identifiers;
    EXPECT_EQ(page_meta, bare.metadata);
    EXPECT_EQ(without_paths(page.body), without_paths(bare.body));
    EXPECT_EQ(page.footnotes, bare.footnotes);
    EXPECT_EQ(page.warnings, bare.warnings);
}

TEST(OepHtmlPageForm, NoTextOrMetadataOfTheSite) {
    const Document page = import_one(motion_page());
    const std::string page_html = read_file(motion_page());
    // Text the page shows around the publication.
    const std::vector<std::string> site = {"Direct naar de inhoud", "cookies", "Akkoord", "Zoeken",
                                           "Uitgebreid zoeken", "U bent hier", "Kamerstuk 32545, nr. 143",
                                           "Downloads", "Technische informatie", "Permanente link", "KOOP",
                                           "Documentinformatie", "trackPageView", "Menu"};
    for (const std::string& s : site) {
        ASSERT_NE(page_html.find(s), std::string::npos) << "the fixture shows '" << s << "'";
        for_each_block(page.body, [&](const Block& b) {
            EXPECT_EQ(plain_text(b).find(s), std::string::npos) << "site text '" << s << "' in " << b.source.path;
        });
    }
    for (const Field& f : page.metadata.raw) {
        const bool vocabulary = f.name.rfind("DC.", 0) == 0 || f.name.rfind("DCTERMS.", 0) == 0 ||
                                f.name.rfind("OVERHEID", 0) == 0;
        EXPECT_TRUE(vocabulary) << "site meta '" << f.name << "' kept as metadata";
    }
    for (const Block& b : page.body) EXPECT_EQ(b.source.path.rfind("/html/body/main/div/div[3]/div/article/div", 0), 0u);
    // The site's h1 "Kamerstuk 32545, nr. 143" would otherwise also be a citation.
    EXPECT_TRUE(page.references.empty());
}

TEST(OepHtmlPageForm, DetectionClaimsBothFormsAndNothingElse) {
    const core::ImporterSlot* slot = plugins().find_importer("oep-html");
    ASSERT_NE(slot, nullptr);
    auto confidence = [&](const fs::path& p) {
        const std::string bytes = read_file(p);
        const std::string head = bytes.substr(0, Probe::head_size);
        return slot->importer->identify(Probe{head, p.filename().string(), bytes.size()}).confidence;
    };
    EXPECT_GE(confidence(motion_xhtml()), 90);
    EXPECT_GE(confidence(motion_page()), 90);
    EXPECT_GE(confidence(flagship()), 90);
    // The XML of the same publications, its metadata and search responses
    // carry the same OVERHEIDop names but are not HTML.
    for (const char* xml : {"kst-32545-143.xml", "kst-32545-143.metadata.xml", "kst-32545-143.metadata_owms.xml",
                            "sru-response-kst-32545-143-ah-blg.xml", "h-tk-20172018-70-8.xml"})
        EXPECT_EQ(confidence(corpus_dir() / "oep-xml" / xml), 0) << xml;
    EXPECT_EQ(confidence(corpus_dir() / "pdf" / "kst-32545-143.pdf"), 0);
    // Detection across all plugins of this build picks oep-html for the HTML.
    for (const fs::path& p : {motion_xhtml(), motion_page(), flagship()}) {
        const auto r = import_file(p);
        EXPECT_EQ(r.report.importer, "oep-html") << p;
    }
}

}  // namespace
