// The same real publication written the ways pages are found in the wild
// (tag soup, HTML5, other encodings), and the mapping of the parts the
// corpus has no real HTML of (amendments, bills, tables, nested lists).
#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <thread>

#include "helpers.hpp"

namespace {

using namespace oep_html_test;

Document import_text(const std::string& name, std::string bytes) {
    Imported r = import_bytes(name, std::move(bytes), "oep-html");
    EXPECT_TRUE(r.ok()) << r.report.error;
    EXPECT_EQ(r.documents.size(), 1u);
    return r.documents.empty() ? Document{} : r.documents.front();
}

// What must not change however the page is written.
void expect_same_publication(const Document& a, const Document& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.metadata.title, b.metadata.title);
    EXPECT_EQ(a.metadata.dossiers, b.metadata.dossiers);
    EXPECT_EQ(a.metadata.item_number, b.metadata.item_number);
    EXPECT_EQ(a.metadata.date, b.metadata.date);
    EXPECT_EQ(a.metadata.people, b.metadata.people);
    EXPECT_EQ(reading_lines(a), reading_lines(b));
}

TEST(OepHtmlStructure, TagSoupReadsAsTheCleanPage) {
    const std::string clean = read_file(motion_xhtml());
    std::string soup = clean;
    soup = soup.substr(soup.find("<html"));                              // no XML declaration or DOCTYPE
    soup = std::regex_replace(soup, std::regex("</p>|</li>"), "");      // optional end tags left out
    soup = std::regex_replace(soup, std::regex("class=\"([a-z]+)\""), "class=$1");  // unquoted attributes
    soup = std::regex_replace(soup, std::regex("</div>\\s*</body>"), "");           // unclosed to the end
    for (const char* tag : {"div", "p", "h1", "span", "body", "head", "html"}) {
        std::string upper(tag);
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        soup = replace_all(soup, std::string("<") + tag + " ", "<" + upper + " ");
        soup = replace_all(soup, std::string("<") + tag + ">", "<" + upper + ">");
        soup = replace_all(soup, std::string("</") + tag + ">", "</" + upper + ">");
    }
    ASSERT_EQ(soup.find("</p>"), std::string::npos);
    ASSERT_NE(soup.find("<P>"), std::string::npos);
    ASSERT_NE(soup.find("class=alineagroep"), std::string::npos);
    const Document a = import_one(motion_xhtml());
    const Document b = import_text("soup.html", soup);
    expect_same_publication(a, b);
}

TEST(OepHtmlStructure, Html5ReadsAsTheXhtml) {
    std::string page = read_file(motion_xhtml());
    page = page.substr(page.find("<html"));
    page = "<!DOCTYPE html>\n" + replace_all(page, "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"nl\">",
                                             "<html lang=\"nl\">");
    page = replace_all(page, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />", "<meta charset=utf-8>");
    page = replace_all(page, "<div id=\"broodtekst\">", "<main><article id=\"broodtekst\">");
    page = replace_all(page, "<div id=\"voetregel\">", "</main><footer id=\"voetregel\">");
    page = replace_all(page, "<div class=\"algemeen\">", "<section class=\"algemeen\">");
    ASSERT_NE(page.find("<main><article"), std::string::npos);
    expect_same_publication(import_one(motion_xhtml()), import_text("html5.html", page));
}

// The real page transcoded to windows-1252, declared in both places a
// browser or an XML reader would look.
std::string to_windows_1252(const std::string& utf8) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c == 0xC2 || c == 0xC3) {
            const auto d = static_cast<unsigned char>(utf8[++i]);
            out += static_cast<char>(c == 0xC2 ? d : d + 0x40);
        } else if (utf8.compare(i, 3, "\xE2\x82\xAC") == 0) {
            out += '\x80';
            i += 2;
        } else {
            ADD_FAILURE() << "no windows-1252 byte for the character at " << i;
        }
    }
    return out;
}

TEST(OepHtmlStructure, Windows1252DeclaredInTheMetaTag) {
    std::string page = to_windows_1252(read_file(motion_xhtml()));
    page = replace_all(page, "charset=utf-8", "charset=windows-1252");
    page = replace_all(page, "encoding=\"utf-8\"", "encoding=\"windows-1252\"");
    ASSERT_NE(page.find("financi\xEBle"), std::string::npos);
    const Document doc = import_text("cp1252.html", page);
    expect_same_publication(import_one(motion_xhtml()), doc);
    EXPECT_TRUE(doc.warnings.empty());
}

TEST(OepHtmlStructure, UndeclaredWindows1252IsGuessedWithAWarning) {
    std::string page = to_windows_1252(read_file(motion_xhtml()));
    page = page.substr(page.find("<html"));
    page = replace_all(page, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />", "");
    const Document doc = import_text("undeclared.html", page);
    expect_same_publication(import_one(motion_xhtml()), doc);
    EXPECT_TRUE(has_warning(doc, "encoding-guessed"));
}

TEST(OepHtmlStructure, Utf16WithByteOrderMark) {
    const std::string utf8 = read_file(motion_xhtml());
    std::string page = "\xFF\xFE";
    for (std::size_t i = 0; i < utf8.size();) {  // UTF-8 to UTF-16LE; the file is in the BMP
        const auto c = static_cast<unsigned char>(utf8[i]);
        unsigned cp = c;
        std::size_t n = 1;
        if (c >= 0xE0) cp = (c & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F), n = 3;
        else if (c >= 0xC0) cp = (c & 0x1F) << 6 | (utf8[i + 1] & 0x3F), n = 2;
        page += static_cast<char>(cp & 0xFF);
        page += static_cast<char>(cp >> 8);
        i += n;
    }
    expect_same_publication(import_one(motion_xhtml()), import_text("utf16.html", page));
}

// A browser shows U+FFFD for bytes that are not UTF-8 and reads the rest of
// the page as UTF-8; libxml2 alone would switch to Latin-1 from there on.
TEST(OepHtmlStructure, InvalidUtf8BecomesReplacementCharactersWithAWarning) {
    std::string page = read_file(motion_xhtml());
    page = replace_all(page, "De Kamer,", "De \xFF\xFEKamer,");
    const Document doc = import_text("bad.html", page);
    const std::vector<std::string> paragraphs = paragraph_texts(doc);
    ASSERT_GE(paragraphs.size(), 4u);
    EXPECT_EQ(paragraphs[1], "De \xEF\xBF\xBD\xEF\xBF\xBDKamer,");
    EXPECT_NE(paragraphs[3].find("financi\xC3\xABle"), std::string::npos);  // later text still right
    EXPECT_TRUE(has_warning(doc, "invalid-utf8"));
}

// Amendments and bills: no real HTML of one is in the corpus, so these are
// written in KOOP's markup (the classes of the XHTML manifestation) to test
// the mapping, with neutral text.
const char* amendment_page = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="DC.identifier" scheme="OVERHEIDop.ParlID" content="kst-99999-7">
</head><body><div id="broodtekst">
<h1 class="dossiertitel"><span class="dossiernummer">99 999</span> Testwet</h1>
<div class="stuk">
<h1 class="stuktitel"><span class="stuknummer">Nr. 7</span> AMENDEMENT VAN HET LID VOORBEELD</h1>
<p class="kamerstukdatum">Voorgesteld 3 april 2025</p>
<div class="amendement">
 <div class="amendement-lid"><p class="lid"><span class="lidnr">I</span></p>
  <p class="wat">In artikel 1 wordt <em>in het eerste lid</em> &ldquo;a&rdquo; vervangen door &ldquo;b&rdquo;.</p></div>
 <div class="amendement-lid"><p class="lid"><span class="lidnr">II</span></p>
  <p class="wat">Artikel 2 vervalt.</p></div>
</div>
<h2 class="divisiekop1">Toelichting</h2>
<p>Dit amendement regelt <strong>iets</strong> anders; zie <a href="https://zoek.officielebekendmakingen.nl/kst-99999-3.html">het advies</a>.</p>
<div class="artikel"><h3 class="artikel_kop">Artikel 1.<br/>Begripsbepalingen</h3>
 <ol class="artikel_leden"><li>Eerste lid.<ol type="a"><li>onderdeel a;</li><li>onderdeel b.</li></ol></li><li>Tweede lid.</li></ol>
</div>
<table><caption>Tabel 1</caption><thead><tr><th>Jaar</th><th colspan="2">Bedrag</th></tr></thead>
 <tbody><tr><td rowspan="2">2025</td><td>1</td><td>2</td></tr><tr><td>3</td><td><p>vier</p><p>vijf</p></td></tr></tbody></table>
<div class="alineagroep"><p>Voorbeeld</p></div>
</div></div></body></html>)";

TEST(OepHtmlStructure, AmendmentPartsAndArticles) {
    const Document doc = import_text("amendment.html", amendment_page);
    EXPECT_EQ(doc.metadata.document_type, "Amendement");  // from the printed title: no DC.type here
    EXPECT_EQ(doc.metadata.date, "2025-04-03");           // from the date line
    EXPECT_EQ(doc.metadata.dossiers, (std::vector<Dossier>{{"99999", "Testwet"}}));
    const auto sections = blocks_of_type(doc, BlockType::section);
    ASSERT_EQ(sections.size(), 3u);
    EXPECT_EQ(sections[0]->role, "amendement-lid");
    EXPECT_EQ(sections[0]->label, "I");
    ASSERT_EQ(sections[0]->children.size(), 1u);
    EXPECT_EQ(sections[0]->children[0].role, "wat");
    EXPECT_EQ(text_of(sections[0]->children[0]),
              "In artikel 1 wordt in het eerste lid \xE2\x80\x9C" "a\xE2\x80\x9D vervangen door \xE2\x80\x9C" "b\xE2\x80\x9D.");
    const auto& wat = sections[0]->children[0].inlines;
    ASSERT_GE(wat.size(), 2u);
    EXPECT_EQ(wat[1].text, "in het eerste lid");
    EXPECT_EQ(wat[1].styles, style::italic);
    EXPECT_EQ(sections[1]->label, "II");
    EXPECT_EQ(sections[2]->role, "artikel");
    const Block& kop = sections[2]->children.at(0);
    EXPECT_EQ(kop.type, BlockType::heading);
    EXPECT_EQ(kop.label, "Artikel 1.");
    EXPECT_EQ(text_of(kop), "Begripsbepalingen");
    const Block& leden = sections[2]->children.at(1);
    ASSERT_EQ(leden.type, BlockType::list);
    EXPECT_TRUE(leden.ordered);
    ASSERT_EQ(leden.children.size(), 2u);
    EXPECT_EQ(leden.children[0].label, "1.");
    EXPECT_EQ(text_of(leden.children[0]), "Eerste lid.");
    ASSERT_EQ(leden.children[0].children.size(), 1u);  // the nested list belongs to its item
    const Block& nested = leden.children[0].children[0];
    EXPECT_EQ(nested.label, "lower-alpha");
    EXPECT_EQ(nested.children.at(1).label, "b.");
    EXPECT_EQ(leden.children[1].label, "2.");
}

TEST(OepHtmlStructure, InlineStylesAndLinks) {
    const Document doc = import_text("amendment.html", amendment_page);
    const auto p = find_blocks(doc, [](const Block& b) { return text_of(b).rfind("Dit amendement", 0) == 0; });
    ASSERT_EQ(p.size(), 1u);
    const auto& in = p[0]->inlines;
    ASSERT_EQ(in.size(), 5u);
    EXPECT_EQ(in[1].text, "iets");
    EXPECT_EQ(in[1].styles, style::bold);
    EXPECT_EQ(in[3].kind, InlineKind::link);
    EXPECT_EQ(in[3].text, "het advies");
    EXPECT_EQ(in[3].target, "https://zoek.officielebekendmakingen.nl/kst-99999-3.html");
    // the shared pass turns the link into a reference with the publication id
    bool cited = false;
    for (const Reference& r : doc.references) cited = cited || (r.target == "kst-99999-3" && r.text == "het advies");
    EXPECT_TRUE(cited);
}

TEST(OepHtmlStructure, TablesWithSpansAndHeaders) {
    const Document doc = import_text("amendment.html", amendment_page);
    const auto tables = blocks_of_type(doc, BlockType::table);
    ASSERT_EQ(tables.size(), 1u);
    const Block& t = *tables[0];
    EXPECT_EQ(plain_text(t), "Tabel 1");
    ASSERT_EQ(t.children.size(), 3u);
    EXPECT_TRUE(t.children[0].header);
    EXPECT_EQ(t.children[0].children.at(1).col_span, 2);
    EXPECT_TRUE(t.children[0].children.at(1).header);
    EXPECT_FALSE(t.children[1].header);
    EXPECT_EQ(t.children[1].children.at(0).row_span, 2);
    EXPECT_EQ(text_of(t.children[1].children.at(0)), "2025");
    const Block& two_paragraphs = t.children[2].children.at(1);
    ASSERT_EQ(two_paragraphs.children.size(), 2u);
    EXPECT_EQ(text_of(two_paragraphs.children[1]), "vijf");
}

TEST(OepHtmlStructure, Html5FootnotesAndBrokenMarkers) {
    const std::string page = R"(<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="OVERHEIDop.dossiernummer" content="99999"></head><body><main><article>
<h1>Titel</h1><p>Tekst<a href="#fn1" class="footnote-ref" role="doc-noteref"><sup>1</sup></a> en meer<a class="nootnum" href="#weg">2</a>.</p>
<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>De noot. <a href="#fnref1" class="footnote-back" role="doc-backlink">&#8617;&#65038;</a></p></li></ol></section>
</article></main></body></html>)";
    const Document doc = import_text("html5-notes.html", page);
    ASSERT_EQ(doc.footnotes.size(), 1u);
    EXPECT_EQ(doc.footnotes[0].id, "fn1");
    EXPECT_EQ(doc.footnotes[0].label, "1");
    EXPECT_EQ(plain_text(doc.footnotes[0].inlines), "De noot.");
    const auto paragraphs = blocks_of_type(doc, BlockType::paragraph);
    ASSERT_EQ(paragraphs.size(), 1u);
    EXPECT_EQ(plain_text(*paragraphs[0]), "Tekst1 en meer2.");
    // The marker whose note is missing is kept, and the host says it dangles.
    EXPECT_TRUE(has_warning(doc, "dangling-note-ref"));
    EXPECT_EQ(doc.body.at(0).role, "document-title");
}

// identify() and read() run on many threads at once; libxml2's error hook is
// per thread, so a failing parse beside them changes nothing.
TEST(OepHtmlStructure, ConcurrentReadsAgree) {
    const Document expected = import_one(flagship());
    std::string deep = "<html><body><div id=broodtekst>";
    for (int i = 0; i < 2000; ++i) deep += "<div>";
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round) {
                if (t == 3) {
                    const Imported r = import_bytes("deep.html", deep, "oep-html");
                    if (r.ok()) ++failures;
                    continue;
                }
                const Imported r = import_file(flagship());
                if (!r.ok() || r.documents.size() != 1 || r.documents[0].body != expected.body ||
                    r.documents[0].footnotes != expected.footnotes || !r.documents[0].warnings.empty())
                    ++failures;
            }
        });
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
}

}  // namespace
