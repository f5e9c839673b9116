// The rules on their own, without poppler: line-end hyphens, printed dates,
// and the layout steps on hand-made word boxes.
// Expected joins follow the Woordenlijst: a break drops its hyphen, a
// compound keeps its own, and a trema that fell away at a break returns.
#include <gtest/gtest.h>

#include <stukwerk/dutch.hpp>
#include "hyphenation.hpp"
#include "layout.hpp"
#include "paragraphs.hpp"
#include "text_util.hpp"

using namespace stukwerk;
using namespace stukwerk::pdf;

TEST(PdfTextHyphenation, ABreakInsideAWordDropsItsHyphen) {
    // "Volks-" / "huisvesting" and "tweeminu-" / "tendebat" are breaks in the Handelingen PDF
    EXPECT_EQ(join_lines("Volks-", "huisvesting"), LineJoin::drop_hyphen);
    EXPECT_EQ(join_lines("tweeminu-", "tendebat"), LineJoin::drop_hyphen);
    EXPECT_EQ(join_lines("stimu-", "leert,"), LineJoin::drop_hyphen);
    EXPECT_EQ(join_lines("nieuws-", "gierig."), LineJoin::drop_hyphen);
}

TEST(PdfTextHyphenation, ARealHyphenStays) {
    EXPECT_EQ(join_lines("Staten-", "Generaal"), LineJoin::keep_hyphen);      // capital after the hyphen
    EXPECT_EQ(join_lines("EU-", "partners"), LineJoin::keep_hyphen);          // abbreviation before it
    EXPECT_EQ(join_lines("NAVO-", "bondgenoten"), LineJoin::keep_hyphen);
    EXPECT_EQ(join_lines("10-", "jarig"), LineJoin::keep_hyphen);             // digits
    EXPECT_EQ(join_lines("2021-", "2022"), LineJoin::keep_hyphen);
    EXPECT_EQ(join_lines("zee-", "egel"), LineJoin::keep_hyphen);             // vowel clash in a compound
    EXPECT_EQ(join_lines("auto-", "ongeluk"), LineJoin::keep_hyphen);
    EXPECT_EQ(join_lines("mede-", "eigenaar"), LineJoin::keep_hyphen);
}

TEST(PdfTextHyphenation, AnElisionHyphenKeepsItsSpace) {
    // "koop- en huurwoningen", "grond- en mensenrecht" broken after the hyphen
    EXPECT_EQ(join_lines("koop-", "en"), LineJoin::space);
    EXPECT_EQ(join_lines("grond-", "en"), LineJoin::space);
    EXPECT_EQ(join_lines("lucht-", "of"), LineJoin::space);
}

TEST(PdfTextHyphenation, ATremaLostAtTheBreakReturns) {
    EXPECT_EQ(join_lines("financi-", "ele"), LineJoin::drop_hyphen_trema);
    EXPECT_EQ(join_lines("ge-", "informeerd"), LineJoin::drop_hyphen_trema);
    EXPECT_EQ(join_lines("co-", "ordinatie"), LineJoin::drop_hyphen_trema);
    EXPECT_EQ(join_lines("idee-", "en"), LineJoin::drop_hyphen_trema);
    EXPECT_EQ(with_trema("ele"), "\xC3\xABle");
    EXPECT_EQ(with_trema("informeerd"), "\xC3\xAFnformeerd");
    EXPECT_EQ(with_trema("ordinatie"), "\xC3\xB6rdinatie");
}

TEST(PdfTextHyphenation, OtherLineEndsJoinWithASpace) {
    EXPECT_EQ(join_lines("samenwerking", "zoals"), LineJoin::space);
    EXPECT_EQ(join_lines("\xE2\x80\x93", "zoals"), LineJoin::space);  // an en dash is punctuation
    EXPECT_EQ(join_lines("sa\xC2\xAD", "men"), LineJoin::drop_hyphen);  // a soft hyphen is always a break
}

TEST(PdfTextDates, PrintedDatesBecomeIsoDates) {
    EXPECT_EQ(dutch::iso_date_in("Voorgesteld 6 juli 2021"), "2021-07-06");
    EXPECT_EQ(dutch::iso_date_in("Den Haag, 22 december 2022"), "2022-12-22");
    EXPECT_EQ(dutch::iso_date_in("Besluitenlijst van de procedurevergadering van donderdag 2 april 2009"), "2009-04-02");
    EXPECT_EQ(dutch::iso_date_in("8 februari 2024"), "2024-02-08");
    EXPECT_EQ(dutch::iso_date_in("30 februari 2024"), "");  // no such day
    EXPECT_EQ(dutch::iso_date_in("nr. 143"), "");
}

TEST(PdfTextDates, TheParliamentaryYearTurnsOnPrinsjesdag) {
    EXPECT_EQ(dutch::session_year_of("2024-02-08"), "2023-2024");
    EXPECT_EQ(dutch::session_year_of("2022-12-22"), "2022-2023");
    // Prinsjesdag 2023 was Tuesday 19 September
    EXPECT_EQ(dutch::session_year_of("2023-09-18"), "2022-2023");
    EXPECT_EQ(dutch::session_year_of("2023-09-19"), "2023-2024");
    EXPECT_EQ(dutch::session_year_of("2021-07-06"), "2020-2021");
}

TEST(PdfTextUtil, RunningHeadsCompareWithDigitsMasked) {
    EXPECT_EQ(furniture_key("Tweede Kamer, vergaderjaar 2022\xE2\x80\x93" "2023, 33 279, nr. 36   2"),
              furniture_key("Tweede Kamer, vergaderjaar 2022\xE2\x80\x93" "2023, 33 279, nr. 36 13"));
    EXPECT_EQ(collapse_spaces("  a \xC2\xA0 b\n"), "a b");
    EXPECT_TRUE(is_lower_letter(first_code_point("\xC3\xABle")));
    EXPECT_TRUE(is_upper_letter(first_code_point("\xC3\x89\xC3\xA9n")));
}

TEST(PdfTextHyphenation, TheDocumentsOwnWordsSettleABreak) {
    Lexicon lex;
    for (const char* w : {"«landmacht-samenwerking»", "Volkshuisvesting,", "zeeën"}) lex.add(w);
    // printed whole elsewhere with its hyphen: the hyphen is the word's
    EXPECT_EQ(lex.resolve("landmacht-", "samenwerking;"), LineJoin::keep_hyphen);
    // printed whole elsewhere without: a break
    EXPECT_EQ(lex.resolve("Volks-", "huisvesting"), LineJoin::drop_hyphen);
    EXPECT_EQ(lex.resolve("zee-", "en"), LineJoin::drop_hyphen_trema);
    // unknown to the document: the rules decide, unless nothing is hyphenated
    EXPECT_EQ(lex.resolve("marine-", "samenwerking"), LineJoin::drop_hyphen);
    lex.hyphenates = false;
    EXPECT_EQ(lex.resolve("marine-", "samenwerking"), LineJoin::keep_hyphen);
    EXPECT_EQ(lex.resolve("koop-", "en"), LineJoin::space);  // an elision stays one either way
    EXPECT_EQ(word_key("«Specialisation"), "specialisation");
    EXPECT_EQ(word_key("(NSIP),"), "nsip");
}

TEST(PdfTextLayout, ListLabelsAsPrinted) {
    for (const char* label : {"1.", "12.", "3)", "a.", "b)", "\xE2\x80\x93", "-", "\xE2\x80\xA2"})
        EXPECT_TRUE(is_list_label(label)) << label;
    for (const char* word : {"De", "2024", "1", "nr.", "Artikel", "o", "*", "abc."}) EXPECT_FALSE(is_list_label(word)) << word;
    EXPECT_EQ(list_kind("1."), '1');
    EXPECT_EQ(list_kind("b)"), 'a');
    EXPECT_EQ(list_kind("\xE2\x80\x93"), '-');
}

namespace {

// Boxes as poppler gives them for Liberation Sans: 1.3 times the size tall.
Word word(std::string text, double x0, double y0, double width, double size = 9, bool space = true) {
    Word w;
    w.text = std::move(text);
    w.x0 = x0;
    w.x1 = x0 + width;
    w.y0 = y0;
    w.y1 = y0 + 1.3 * size;
    w.size = size;
    w.space_after = space;
    return w;
}

// Two columns of four lines each, with a footer spanning the page.
Page two_column_page(int number) {
    Page p;
    p.number = number;
    p.width = 600;
    p.height = 800;
    for (int i = 0; i < 4; ++i) {
        const double y = 100 + 12 * i;
        p.words.push_back(word("links" + std::to_string(i), 50, y, 60));
        p.words.push_back(word("tekst", 115, y, 170, 9, false));
        p.words.push_back(word("rechts" + std::to_string(i), 320, y + 3, 60));
        p.words.push_back(word("tekst", 385, y + 3, 170, 9, false));
    }
    p.words.push_back(word("Tweede", 50, 760, 40));
    p.words.push_back(word("Kamer", 95, 760, 40, 9, false));
    p.words.push_back(word(std::to_string(number), 540, 760, 10, 9, false));
    return p;
}

}  // namespace

TEST(PdfTextLayout, ColumnsAreReadLeftThenRightAndRunningFeetSetAside) {
    std::vector<PageLines> pages = lay_out({two_column_page(1), two_column_page(2), two_column_page(3)});
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_EQ(pages[0].columns, 2);
    set_aside_furniture(pages);
    std::vector<std::string> order;
    for (const Line& l : pages[0].lines) order.push_back(l.text());
    EXPECT_EQ(order, (std::vector<std::string>{"links0 tekst", "links1 tekst", "links2 tekst", "links3 tekst",
                                              "rechts0 tekst", "rechts1 tekst", "rechts2 tekst", "rechts3 tekst"}));
    // "Tweede Kamer" and the page number, one in each column, on every page at the same height
    ASSERT_EQ(pages[1].furniture.size(), 2u);
    EXPECT_EQ(pages[1].furniture[0].text(), "Tweede Kamer");
    EXPECT_EQ(pages[1].furniture[1].text(), "2");
}

TEST(PdfTextLayout, ARaisedSmallerNumberIsASuperscriptOfItsLine) {
    Page p;
    p.number = 1;
    p.width = 600;
    p.height = 800;
    // as in the flagship PDF: "ingediend." 61.35-73.05, its marker 61.46-68.22 at 5.2 pt
    p.words.push_back(word("ingediend.", 50, 100, 45, 9, false));
    p.words.push_back(word("1", 95, 100.1, 3, 5.2));
    p.words.push_back(word("Ook", 102, 100, 18));
    p.words.push_back(word("volgende", 50, 112.3, 40));  // the next line
    const std::vector<PageLines> pages = lay_out({p});
    ASSERT_EQ(pages[0].lines.size(), 2u);
    const Line& line = pages[0].lines[0];
    ASSERT_EQ(line.segments.size(), 1u);
    ASSERT_EQ(line.segments[0].words.size(), 3u);
    EXPECT_TRUE(line.is_superscript(line.segments[0].words[1]));
    EXPECT_FALSE(line.is_superscript(line.segments[0].words[0]));
    const std::vector<Inline> in = inlines_of({line}, {"1"});
    ASSERT_EQ(in.size(), 3u);
    EXPECT_EQ(in[0].text, "ingediend.");
    EXPECT_EQ(in[1].kind, InlineKind::note_ref);
    EXPECT_EQ(in[1].target, "fn1");
    EXPECT_EQ(in[2].text, " Ook");
}
