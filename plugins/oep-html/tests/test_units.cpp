// The decoder and the Dutch-text rules on their own, on the cases the
// pages above do not all reach.
#include <gtest/gtest.h>

#include <stukwerk/dutch.hpp>

#include <stukwerk/error.hpp>

#include "../decode.hpp"
#include "../dutch_text.hpp"

namespace {

using namespace stukwerk;
using namespace stukwerk::oep_html;

std::string decoded(const std::string& bytes) { return std::string(decode_html(bytes).text()); }

TEST(OepHtmlDecode, DeclarationsInTheOrderABrowserReadsThem) {
    EXPECT_EQ(declared_encoding("<meta charset=\"windows-1252\">"), "windows-1252");
    EXPECT_EQ(declared_encoding("<META CHARSET=iso-8859-15>"), "iso-8859-15");
    EXPECT_EQ(declared_encoding("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\" />"),
              "ISO-8859-1");
    EXPECT_EQ(declared_encoding("<?xml version=\"1.0\" encoding=\"utf-8\"?><html>"), "utf-8");
    // The meta tag wins over the XML declaration, as in a browser.
    EXPECT_EQ(declared_encoding("<?xml version=\"1.0\" encoding=\"utf-8\"?><html><head><meta charset=cp1252>"), "cp1252");
    EXPECT_EQ(declared_encoding("<html><head><meta name=\"charset\" content=\"x\"><metadata charset=x>"), "");
}

TEST(OepHtmlDecode, Windows1252AndItsAliases) {
    EXPECT_EQ(decoded("<meta charset=windows-1252><p>\x80 \x93x\x94 caf\xE9"),
              "<meta charset=windows-1252><p>\xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D caf\xC3\xA9");
    // iso-8859-1 means windows-1252 on the web.
    EXPECT_EQ(decoded("<meta charset=iso-8859-1>\x80"), "<meta charset=iso-8859-1>\xE2\x82\xAC");
    // Other encodings through iconv: in ISO-8859-15, 0xA4 is the euro sign.
    EXPECT_EQ(decoded("<meta charset=iso-8859-15>\xA4"), "<meta charset=iso-8859-15>\xE2\x82\xAC");
}

TEST(OepHtmlDecode, ByteOrderMarksWin) {
    EXPECT_EQ(decoded("\xEF\xBB\xBF<meta charset=windows-1252>\xC3\xA9"), "<meta charset=windows-1252>\xC3\xA9");
    EXPECT_EQ(decoded(std::string("\xFE\xFF\0<\0p\0>\0\xE9", 10)), "<p>\xC3\xA9");
    EXPECT_EQ(decoded(std::string("<\0p\0>\0", 6)), "<p>");  // UTF-16LE without a mark
    const Decoded d = decode_html(std::string("\xFF\xFE<\0\0\xD8", 6));  // an unpaired surrogate
    EXPECT_EQ(std::string(d.text()), "<\xEF\xBF\xBD");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].code, "invalid-encoding");
}

TEST(OepHtmlDecode, InvalidUtf8IsReplacedPerMaximalSubpart) {
    const Decoded d = decode_html("<meta charset=utf-8><p>a\xE2\x82 b\xFF c\xF0\x9F\x98 d\xED\xA0\x80 e</p>");
    // "\xE2\x82" and "\xF0\x9F\x98" are one truncated sequence each; the
    // surrogate encoding \xED\xA0\x80 is three single invalid bytes.
    EXPECT_EQ(std::string(d.text()),
              "<meta charset=utf-8><p>a\xEF\xBF\xBD b\xEF\xBF\xBD c\xEF\xBF\xBD d\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD e</p>");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].code, "invalid-utf8");
    EXPECT_NE(d.warnings[0].message.find("6 byte sequence(s)"), std::string::npos) << d.warnings[0].message;
    EXPECT_NE(d.warnings[0].message.find("byte 24"), std::string::npos) << d.warnings[0].message;
}

TEST(OepHtmlDecode, CleanUtf8IsUsedWithoutACopy) {
    const std::string page = "<p>caf\xC3\xA9</p>";
    const Decoded d = decode_html(page);
    EXPECT_FALSE(d.converted);
    EXPECT_EQ(d.text().data(), page.data());
    EXPECT_TRUE(d.warnings.empty());
}

TEST(OepHtmlDecode, StrayNulBytesAreDroppedWithAWarning) {
    const std::string text(200, 'x');  // one NUL in a page of text, not binary data
    const Decoded d = decode_html("<p>" + text + std::string("a\0b</p>", 7));
    EXPECT_EQ(std::string(d.text()), "<p>" + text + "ab</p>");
    ASSERT_EQ(d.warnings.size(), 1u);
    EXPECT_EQ(d.warnings[0].code, "nul-bytes");
}

TEST(OepHtmlDecode, BinaryDataIsRefusedWithWhatItIs) {
    EXPECT_EQ(binary_cause("%PDF-1.7\n"), "the file is a PDF document, not HTML");
    EXPECT_EQ(binary_cause("PK\x03\x04rest"), "the file is a ZIP archive (or an office document), not HTML");
    EXPECT_EQ(binary_cause(std::string("\x01\x02\x03\x04\x05\x06\0\0", 8)), "the file holds binary data, not HTML text");
    EXPECT_EQ(binary_cause("<html><body>tekst</body></html>"), "");
    EXPECT_THROW(decode_html(std::string("GIF89a\0\0", 8)), Error);
}

TEST(OepHtmlDutchText, DatesAndDateLines) {
    EXPECT_EQ(dutch::iso_date_in("Den Haag, 22 december 2022"), "2022-12-22");
    EXPECT_EQ(dutch::iso_date_in("Voorgesteld 6\xC2\xA0juli 2021"), "2021-07-06");
    EXPECT_EQ(dutch::iso_date_in("Vastgesteld 1 maart 1999."), "1999-03-01");
    EXPECT_EQ(dutch::iso_date_in("op 32 juni 2020 of 123 mei 2020"), "");
    EXPECT_TRUE(is_place_date_line("Den Haag, 22 december 2022"));
    EXPECT_TRUE(is_place_date_line("\xE2\x80\x99s-Gravenhage, 1 juni 2010"));
    EXPECT_TRUE(is_place_date_line("'s-Hertogenbosch, 12 mei 2014"));
    EXPECT_FALSE(is_place_date_line("zie ook, 12 mei 2014"));
    EXPECT_TRUE(is_place_date_line("Rotterdam, 3 april 2025."));
    EXPECT_FALSE(is_place_date_line("De motie is op 3 december 2020 ingediend, 22 december 2022"));
    EXPECT_TRUE(is_addressee_line("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"));
    EXPECT_FALSE(is_addressee_line("Aan de hand van de volgende afwegingen komt dit kader tot stand."));
}

TEST(OepHtmlDutchText, TypesFromPrintedTitles) {
    EXPECT_EQ(dutch::document_type_from_title("MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS"), "Motie");
    EXPECT_EQ(dutch::document_type_from_title("BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN DEFENSIE"), "Brief");
    EXPECT_EQ(dutch::document_type_from_title("GEWIJZIGDE MOTIE VAN HET LID CEDER C.S."), "Gewijzigde motie");
    EXPECT_EQ(dutch::document_type_from_title("MEMORIE VAN TOELICHTING"), "Memorie van toelichting");
    EXPECT_EQ(dutch::document_type_from_title("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"), "Verslag van een schriftelijk overleg");
    EXPECT_EQ(dutch::document_type_from_title("VOORSTEL VAN WET"), "Voorstel van wet");
    EXPECT_EQ(dutch::document_type_from_title("EINDVERSLAG"), "Eindverslag");
}

TEST(OepHtmlDutchText, NumbersOfHeadingsStukkenAndDossiers) {
    EXPECT_EQ(heading_number("1. Inzet op interoperabiliteit"), "1.");
    EXPECT_EQ(heading_number("2.3 Uitvoering"), "2.3");
    EXPECT_EQ(heading_number("IV. Slot"), "IV.");
    EXPECT_EQ(heading_number("A. Inleiding"), "A.");
    EXPECT_EQ(heading_number("Artikel 12a Werkingssfeer"), "Artikel 12a");
    EXPECT_EQ(heading_number("\xC2\xA7 3 Toezicht"), "\xC2\xA7 3");
    EXPECT_EQ(heading_number("2022 in vogelvlucht"), "");
    EXPECT_EQ(heading_number("EU. Samenwerking"), "");
    EXPECT_EQ(heading_number("Aanleiding"), "");
    EXPECT_EQ(item_number_from_label("Nr. 143"), "143");
    EXPECT_EQ(item_number_from_label("Nr.\xC2\xA0" "36"), "36");
    EXPECT_EQ(dutch::compact_dossier_number("32 545"), "32545");
    EXPECT_EQ(dutch::compact_dossier_number("36 200 X"), "36200-X");
    EXPECT_EQ(dutch::compact_dossier_number("21 501-20"), "21501-20");
    EXPECT_EQ(function_from_line("De Minister van Defensie,"), "Minister van Defensie");
    EXPECT_EQ(function_from_line("de Staatssecretaris van Defensie, "), "Staatssecretaris van Defensie");
}

}  // namespace
