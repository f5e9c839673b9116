// Bad input: each gives one message that names the file and the cause, or,
// where a browser would still show the text, a result with a warning. Never
// a crash. Big and deep inputs are generated here, not committed.
#include <gtest/gtest.h>

#include <regex>

#include "helpers.hpp"
#include "pipeline.hpp"

namespace {

using namespace oep_html_test;

// Runs the CLI on one file and returns its exit code and error output.
ProcessResult convert(const fs::path& file, std::vector<std::string> extra = {}) {
    const fs::path out = temp_dir("oep-html-bad-out");
    std::vector<std::string> args{"convert", file.string(), "-t", "json", "-o", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return stukwerk::test::stukwerk(args);
}

void expect_one_message(const ProcessResult& r, const fs::path& file, const std::string& cause) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    std::size_t errors = 0;
    for (std::size_t at = r.err.find("error:"); at != std::string::npos; at = r.err.find("error:", at + 1)) ++errors;
    EXPECT_EQ(errors, 1u) << r.err;
    EXPECT_NE(r.err.find(file.string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(cause), std::string::npos) << r.err;
}

TEST(OepHtmlBadInput, EmptyFile) {
    const fs::path f = temp_dir("oep-html-empty") / "kst-1-1.html";
    write_file(f, "");
    expect_one_message(convert(f), f, "the file is empty");
    expect_one_message(convert(f, {"-f", "oep-html"}), f, "the file is empty");
}

TEST(OepHtmlBadInput, OnlyWhitespace) {
    const fs::path f = temp_dir("oep-html-blank") / "blank.html";
    write_file(f, "\n   \r\n\t\n");
    expect_one_message(convert(f, {"-f", "oep-html"}), f, "the file holds only whitespace");
}

TEST(OepHtmlBadInput, BinaryFileNamedHtml) {
    const fs::path dir = temp_dir("oep-html-binary");
    const fs::path png = dir / "plaatje.html";
    static const char png_start[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    std::string bytes(png_start, sizeof png_start - 1);
    bytes += std::string(2000, '\x07');
    write_file(png, bytes);
    expect_one_message(convert(png), png, "binary data");                        // no importer claims it
    expect_one_message(convert(png, {"-f", "oep-html"}), png, "the file is a PNG image, not HTML");
    const fs::path pdf = dir / "kst-32545-143.html";
    write_file(pdf, read_file(corpus_dir() / "pdf" / "kst-32545-143.pdf"));
    expect_one_message(convert(pdf, {"-f", "oep-html"}), pdf, "the file is a PDF document, not HTML");
}

// A cut-off page still shows its text up to the cut.
TEST(OepHtmlBadInput, TruncatedPageKeepsItsTextWithAWarning) {
    const std::string full = read_file(flagship());
    const std::string cut = full.substr(0, full.find(">Tot slot") + 1);  // inside the last heading
    const fs::path f = temp_dir("oep-html-truncated") / "kst-33279-36.html";
    write_file(f, cut);
    const Document doc = import_one(f);
    EXPECT_EQ(doc.id, "kst-33279-36");
    EXPECT_TRUE(has_warning(doc, "truncated"));
    const std::vector<std::string> lines = reading_lines(doc);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front(), "33 279 Internationale militaire samenwerking");
    EXPECT_NE(lines.back().find("Door in te zetten op deze drie lijnen"), std::string::npos) << lines.back();
    EXPECT_TRUE(doc.footnotes.empty());                  // they came after the cut
    EXPECT_TRUE(has_warning(doc, "dangling-note-ref"));  // so the markers point nowhere, and the host says so
}

TEST(OepHtmlBadInput, TruncatedBeforeThePublication) {
    const std::string full = read_file(flagship());
    const fs::path f = temp_dir("oep-html-truncated-head") / "kst-33279-36.html";
    write_file(f, full.substr(0, full.find("<main")));
    expect_one_message(convert(f), f, "the page holds no officielebekendmakingen publication");
    EXPECT_NE(convert(f).err.find("cut off"), std::string::npos);
}

// The site around a publication, without one: a search page, say.
TEST(OepHtmlBadInput, PageWithoutAPublication) {
    std::string page = read_file(motion_page());
    const std::size_t a = page.find("<article>"), b = page.find("</article>");
    page.erase(a, b + 10 - a);
    const std::string no_meta = std::regex_replace(page, std::regex("<meta name=\"(DC|OVERHEID)[^>]*>"), "");
    ASSERT_EQ(no_meta.find("OVERHEIDop"), std::string::npos);
    const fs::path f = temp_dir("oep-html-no-publication") / "resultaten.html";
    write_file(f, no_meta);
    expect_one_message(convert(f), f, "the page holds no officielebekendmakingen publication");

    const fs::path other = temp_dir("oep-html-other-page") / "nieuws.html";
    write_file(other, "<!DOCTYPE html><html><head><title>Nieuws</title><meta name=\"DC.title\" content=\"Nieuws\">"
                      "</head><body><h1>Welkom</h1><p>Een pagina zonder publicatie.</p></body></html>");
    expect_one_message(convert(other), other, "the page holds no officielebekendmakingen publication");
}

// A 50 MB page: the flagship's letter repeated until the page is that big.
TEST(OepHtmlBadInput, FiftyMegabytePage) {
    const std::string page = read_file(flagship());
    const std::size_t a = page.find("<div class=\"algemeen\">") + 22;
    const std::size_t b = page.find("<p class=\"ondertekening\">");
    const std::string letter = page.substr(a, b - a);
    const std::size_t copies = 50'000'000 / letter.size() + 1;
    std::string big = page.substr(0, a);
    big.reserve(copies * letter.size() + page.size());
    for (std::size_t i = 0; i < copies; ++i) big += letter;
    big += page.substr(a);
    ASSERT_GE(big.size(), 50'000'000u);
    const Document one = import_one(flagship());
    const Imported r = import_bytes("kst-33279-36.html", std::move(big));
    ASSERT_TRUE(r.ok()) << r.report.error;
    ASSERT_EQ(r.documents.size(), 1u);
    const Document& doc = r.documents[0];
    EXPECT_EQ(r.report.importer, "oep-html");
    // The letter appears copies + 1 times: the copies and the page's own.
    EXPECT_EQ(paragraph_texts(doc).size(), (copies + 1) * paragraph_texts(one).size());
    EXPECT_EQ(doc.footnotes.size(), 13u);
    EXPECT_EQ(blocks_of_type(doc, BlockType::signature).size(), 2u);
    EXPECT_FALSE(has_warning(doc, "truncated"));
}

TEST(OepHtmlBadInput, OneTextRunLongerThanLibxml2Reads) {
    std::string page = "<html><head><meta name=\"DC.identifier\" content=\"kst-1-1\"></head><body><div id=\"broodtekst\"><p>";
    page += std::string(11'000'000, 'a');
    page += "</p><p>na</p></div></body></html>";
    const Imported r = import_bytes("lang.html", page, "oep-html");
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.report.error.find("longer than 10,000,000 bytes"), std::string::npos) << r.report.error;
}

TEST(OepHtmlBadInput, HundredThousandLevelsDeep) {
    std::string page = "<html><head><meta name=\"DC.identifier\" content=\"kst-1-1\"></head><body><div id=\"broodtekst\">";
    for (int i = 0; i < 100'000; ++i) page += "<div>";
    page += "diep";
    for (int i = 0; i < 100'000; ++i) page += "</div>";
    page += "<p>erna</p></div></body></html>";
    const fs::path f = temp_dir("oep-html-deep") / "diep.html";
    write_file(f, page);
    expect_one_message(convert(f), f, "nested more than 256 levels deep");
}

// The host's depth limit holds inside what libxml2 accepts.
TEST(OepHtmlBadInput, HostDepthLimit) {
    std::string page = "<html><head><meta name=\"DC.identifier\" content=\"kst-1-1\"></head><body><div id=\"broodtekst\">";
    for (int i = 0; i < 40; ++i) page += "<div>";
    page += "diep";
    core::PipelineSettings settings;
    settings.forced_importer = "oep-html";
    settings.limits.max_depth = 20;
    std::vector<Document> docs;
    struct Keep final : core::DocumentConsumer {
        std::vector<Document>& docs;
        explicit Keep(std::vector<Document>& d) : docs(d) {}
        void consume(Document& d, core::InputReport&) override { docs.push_back(d); }
    } keep(docs);
    core::InputFile input = core::InputFile::from_memory("diep.html", page, settings.limits);
    const core::InputReport r = core::Pipeline(plugins(), settings).convert(input, keep);
    EXPECT_EQ(r.status, core::InputStatus::failed);
    EXPECT_NE(r.error.find("nested more than 20 levels deep"), std::string::npos) << r.error;
}

TEST(OepHtmlBadInput, InvalidUtf8Everywhere) {
    std::string page = read_file(flagship());
    for (std::size_t i = 5000; i < page.size(); i += 997)
        if (static_cast<unsigned char>(page[i]) < 0x80 && page[i] != '<' && page[i] != '>') page[i] = '\xC0';
    const fs::path f = temp_dir("oep-html-utf8") / "kst-33279-36.html";
    write_file(f, page);
    const Document doc = import_one(f);
    EXPECT_EQ(doc.id, "kst-33279-36");
    EXPECT_TRUE(has_warning(doc, "invalid-utf8"));
    std::size_t replaced = 0;
    for (const std::string& line : reading_lines(doc))
        for (std::size_t at = line.find("\xEF\xBF\xBD"); at != std::string::npos; at = line.find("\xEF\xBF\xBD", at + 1))
            ++replaced;
    EXPECT_GT(replaced, 10u);
}

// HTML has no entity declarations: a DOCTYPE that tries (an external file, a
// billion laughs) is shown as text by a browser, and nothing is read or
// expanded here either.
TEST(OepHtmlBadInput, EntityDeclarationsAreNotExpanded) {
    std::string page = "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY a \"aaaaaaaaaa\">";
    page += "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
    page += "<html><head><meta name=\"DC.identifier\" content=\"kst-1-1\"></head><body><div id=\"broodtekst\">"
            "<p>x &xxe; y &c; z</p></div></body></html>";
    const Imported r = import_bytes("xxe.html", page, "oep-html");
    ASSERT_TRUE(r.ok()) << r.report.error;
    const std::string text = plain_text(r.documents.at(0).body.at(0));
    EXPECT_EQ(text, "x &xxe; y &c; z");
    EXPECT_EQ(text.find("root:"), std::string::npos);
}

}  // namespace
