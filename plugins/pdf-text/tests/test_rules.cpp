// The Dutch text rules on their own: line-end hyphens and printed dates.
// Expected joins follow the Woordenlijst: a break drops its hyphen, a
// compound keeps its own, and a trema that fell away at a break returns.
#include <gtest/gtest.h>

#include "dutch_dates.hpp"
#include "hyphenation.hpp"
#include "text_util.hpp"

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
    EXPECT_EQ(iso_date_in("Voorgesteld 6 juli 2021"), "2021-07-06");
    EXPECT_EQ(iso_date_in("Den Haag, 22 december 2022"), "2022-12-22");
    EXPECT_EQ(iso_date_in("Besluitenlijst van de procedurevergadering van donderdag 2 april 2009"), "2009-04-02");
    EXPECT_EQ(iso_date_in("8 februari 2024"), "2024-02-08");
    EXPECT_EQ(iso_date_in("30 februari 2024"), "");  // no such day
    EXPECT_EQ(iso_date_in("nr. 143"), "");
}

TEST(PdfTextDates, TheParliamentaryYearTurnsOnPrinsjesdag) {
    EXPECT_EQ(session_year_of("2024-02-08"), "2023-2024");
    EXPECT_EQ(session_year_of("2022-12-22"), "2022-2023");
    // Prinsjesdag 2023 was Tuesday 19 September
    EXPECT_EQ(session_year_of("2023-09-18"), "2022-2023");
    EXPECT_EQ(session_year_of("2023-09-19"), "2023-2024");
    EXPECT_EQ(session_year_of("2021-07-06"), "2020-2021");
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
