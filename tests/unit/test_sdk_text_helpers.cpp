// The SDK's text helpers every importer shares: Dutch dates, parliamentary
// years and printed document types; UTF-16 and single-byte decoding.
#include <gtest/gtest.h>

#include <stukwerk/dutch.hpp>
#include <stukwerk/encoding.hpp>

namespace stukwerk {
namespace {

TEST(DutchDates, AsPublicationsPrintThem) {
    EXPECT_EQ(dutch::iso_date_in("Voorgesteld 6 juli 2021"), "2021-07-06");
    EXPECT_EQ(dutch::iso_date_in("Den Haag, 22 december 2022"), "2022-12-22");
    EXPECT_EQ(dutch::iso_date_in("dinsdag 8 Maart 2011."), "2011-03-08");
    EXPECT_EQ(dutch::iso_date_in("op 3\xC2\xA0" "december\xC2\xA0" "2020"), "2020-12-03");  // no-break spaces
    EXPECT_EQ(dutch::iso_date_in("31 februari 2022, 123 juli 2022, 6 juli 21, 6 julia 2021"), "");
    EXPECT_EQ(dutch::iso_date_in("29 februari 2024"), "2024-02-29");
    const dutch::DateMatch m = dutch::find_date("Den Haag, 22 december 2022");
    EXPECT_EQ(m.begin, 10u);
    EXPECT_EQ(m.end, 26u);
}

TEST(DutchDates, ParliamentaryYearsTurnOnPrinsjesdag) {
    EXPECT_EQ(dutch::session_year_of("2022-12-22"), "2022-2023");
    EXPECT_EQ(dutch::session_year_of("2022-09-19"), "2021-2022");  // Prinsjesdag 2022 was 20 September
    EXPECT_EQ(dutch::session_year_of("2022-09-20"), "2022-2023");
    EXPECT_EQ(dutch::session_year_of("2021-07-06"), "2020-2021");
    EXPECT_EQ(dutch::session_year_of("juli"), "");
}

TEST(DutchTitles, DocumentTypeFromThePrintedTitle) {
    EXPECT_EQ(dutch::document_type_from_title("MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"), "Motie");
    EXPECT_EQ(dutch::document_type_from_title("BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE"), "Brief");
    EXPECT_EQ(dutch::document_type_from_title("GEWIJZIGDE MOTIE VAN HET LID CEDER"), "Gewijzigde motie");
    EXPECT_EQ(dutch::document_type_from_title("VOORSTEL VAN WET"), "Voorstel van wet");
    EXPECT_EQ(dutch::document_type_from_title("MEMORIE VAN TOELICHTING"), "Memorie van toelichting");
    EXPECT_EQ(dutch::document_type_from_title("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"), "Verslag van een schriftelijk overleg");
    EXPECT_EQ(dutch::document_type_from_title("AMENDEMENT\xC2\xA0VAN HET LID X"), "Amendement");
    EXPECT_EQ(dutch::document_type_from_title("ÉÉN TWEE VAN DRIE"), "Één twee");
    EXPECT_EQ(dutch::document_type_from_title("a long title with many words and no connecting word"), "");
}

TEST(Encoding, Utf16BothWaysAndItsErrors) {
    const std::string le("\x41\x00\xE9\x00\x3D\xD8\x00\xDE", 8);  // "Aé" and U+1F600
    EXPECT_EQ(encoding::from_utf16(le, true, encoding::OnError::fail).text, "A\xC3\xA9\xF0\x9F\x98\x80");
    const std::string be("\x00\x41\x00\xE9", 4);
    EXPECT_EQ(encoding::from_utf16(be, false, encoding::OnError::fail).text, "A\xC3\xA9");
    const std::string lone("\x00\xDC\x41\x00\x42", 5);  // a lone low surrogate, then an odd byte
    EXPECT_THROW(encoding::from_utf16(lone, true, encoding::OnError::fail), Error);
    const encoding::Decoded d = encoding::from_utf16(lone, true, encoding::OnError::replace);
    EXPECT_EQ(d.text, "\xEF\xBF\xBD" "A\xEF\xBF\xBD");
    EXPECT_EQ(d.replaced, 2u);
}

TEST(Encoding, SingleByteCodePages) {
    using encoding::SingleByte;
    EXPECT_EQ(encoding::single_byte_charset("Windows-1252"), SingleByte::windows1252);
    EXPECT_EQ(encoding::single_byte_charset("ISO-8859-15"), SingleByte::latin9);
    EXPECT_EQ(encoding::single_byte_charset("shift_jis"), std::nullopt);
    EXPECT_EQ(encoding::from_single_byte("financi\xEBle \x80 \x93x\x94", SingleByte::windows1252),
              "financi\xC3\xABle \xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D");
    EXPECT_EQ(encoding::from_single_byte("\xA4", SingleByte::latin9), "\xE2\x82\xAC");
    EXPECT_EQ(encoding::from_single_byte("\xA4", SingleByte::latin1), "\xC2\xA4");
    // An undefined windows-1252 byte is kept as the C1 control of its number, as browsers do.
    EXPECT_EQ(encoding::from_single_byte("a\x81", SingleByte::windows1252), "a\xC2\x81");
}

TEST(Encoding, Utf8WellFormedness) {
    EXPECT_TRUE(encoding::is_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80"));
    EXPECT_FALSE(encoding::is_utf8("caf\xE9"));
    EXPECT_FALSE(encoding::is_utf8("\xC0\xAF"));          // overlong
    EXPECT_FALSE(encoding::is_utf8("\xED\xA0\x80"));      // a surrogate
    EXPECT_FALSE(encoding::is_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
}

}  // namespace
}  // namespace stukwerk
