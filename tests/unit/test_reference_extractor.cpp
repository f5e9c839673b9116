// Citation extraction on the forms Kamerstukken really use. The sentences
// are taken from kst-33279-36 (../shared/reference/kst-33279-36.page.txt).
#include <gtest/gtest.h>

#include "passes/reference_extractor.hpp"

namespace stukwerk::core {
namespace {

std::vector<std::string> targets(std::string_view text) {
    std::vector<std::string> out;
    for (const Citation& c : find_citations(text)) out.push_back(c.target);
    return out;
}

using V = std::vector<std::string>;

TEST(Citations, KamerstukWithChapter) {
    const auto found = find_citations(
        "indachtig de motie van het lid Boswijk c.s. over versterking van internationale samenwerking binnen de "
        "NAVO (Kamerstuk 36 200 X, nr. 37), voor herziening van het NDPP systeem");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].target, "kst-36200-X-37");
    EXPECT_EQ(found[0].text, "Kamerstuk 36 200 X, nr. 37");
    EXPECT_EQ(found[0].kind, "kamerstuk");
}

TEST(Citations, KamerstukkenWithChamberAndSessionYear) {
    EXPECT_EQ(targets("Zie Kamerstukken II 2020/21, 35 570 X, nr. 39."), V{"kst-35570-X-39"});
    EXPECT_EQ(targets("Kamerstukken I 2019/20, 35 300, nr. C"), V{});  // a letter is no number
    EXPECT_EQ(targets("Kamerstukken II 2019-2020, 35 300 VIII, nr. 12"), V{"kst-35300-VIII-12"});
}

TEST(Citations, BijlageBijKamerstuk) {
    const auto found = find_citations("Deze ambitie werd in het Coalitieakkoord (2021) (bijlage bij Kamerstuk 35 788, nr. 77) al aangekondigd");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].target, "kst-35788-77");
    EXPECT_EQ(found[0].kind, "bijlage");
    EXPECT_EQ(found[0].text, "bijlage bij Kamerstuk 35 788, nr. 77");
}

TEST(Citations, NumberWithoutSpaceAndSeveralNumbers) {
    EXPECT_EQ(targets("De motie Stoffer/Van den Bosch (Kamerstuk 35 570 X, nr.54) verzocht"), V{"kst-35570-X-54"});
    EXPECT_EQ(targets("Kamerstukken 35 570 X, nrs. 39 en 54"), (V{"kst-35570-X-39", "kst-35570-X-54"}));
    EXPECT_EQ(targets("Kamerstuk 31 125, nr. 123; 36 124, nr. 1"), (V{"kst-31125-123", "kst-36124-1"}));
}

TEST(Citations, SubDossierNumbers) {
    EXPECT_EQ(targets("Kamerstuk 21 501-20, nr. 2084"), V{"kst-21501-20-2084"});
    EXPECT_EQ(targets("Kamerstuk 36 410 XVI, nr. 104"), V{"kst-36410-XVI-104"});
    EXPECT_EQ(targets("Kamerstuk 36200-X, nr. 26"), V{"kst-36200-X-26"});
}

TEST(Citations, Handelingen) {
    const auto found = find_citations("op 3 december (Handelingen II 2020/21, nr. 33, items 4 en 10) 2020 zijn ingediend");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].target, "h-tk-20202021-33-4");
    EXPECT_EQ(found[1].target, "h-tk-20202021-33-10");
    EXPECT_EQ(found[0].text, "Handelingen II 2020/21, nr. 33, items 4 en 10");
    EXPECT_EQ(targets("Handelingen I 2021/22, nr. 12"), V{"h-ek-20212022-12"});
    EXPECT_EQ(targets("Aanhangsel Handelingen II 2020/21, nr. 1234"), V{"ah-tk-20202021-1234"});
}

TEST(Citations, TypographicSpacesAndDashes) {
    EXPECT_EQ(targets("Kamerstuk 36\xC2\xA0" "200 X, nr.\xC2\xA0" "37"), V{"kst-36200-X-37"});
    EXPECT_EQ(targets("Kamerstukken II 2020\xE2\x80\x93" "2021, 35 570 X, nr. 39"), V{"kst-35570-X-39"});
    const auto found = find_citations("(Kamerstuk 36\xC2\xA0" "200 X, nr. 37)");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].text, "Kamerstuk 36\xC2\xA0" "200 X, nr. 37");  // as written
}

TEST(Citations, TextAsWrittenAfterManyFoldsOfTwoAndThreeBytes) {
    // Each fold shifts the offsets back into the original by one or two
    // bytes; a citation's text is cut from the original at the right place
    // whatever came before it.
    const std::string nbsp = "\xC2\xA0", narrow = "\xE2\x80\xAF", dash = "\xE2\x80\x94";
    const std::string first = "Kamerstuk 36" + nbsp + "200 X, nr." + narrow + "37";
    const std::string second = "Kamerstukken II 2020" + dash + "2021, 35" + nbsp + "570 X, nr. 39";
    const auto found = find_citations("Zie" + dash + "ook" + nbsp + first + " en" + nbsp + nbsp + second + nbsp + ".");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].text, first);
    EXPECT_EQ(found[0].target, "kst-36200-X-37");
    EXPECT_EQ(found[1].text, second);
    EXPECT_EQ(found[1].target, "kst-35570-X-39");
}

TEST(Citations, GazettesAndAddresses) {
    EXPECT_EQ(targets("Stb. 2021, 123 en Stcrt. 2022, 4567"), (V{"stb-2021-123", "stcrt-2022-4567"}));
    EXPECT_EQ(targets("zie https://zoek.officielebekendmakingen.nl/kst-33279-36.html."), V{"kst-33279-36"});
    EXPECT_EQ(publication_id_from_url(
                  "https://repository.overheid.nl/frbr/officielepublicaties/kst/32545/kst-32545-143/1/html/kst-32545-143.html"),
              "kst-32545-143");
    EXPECT_EQ(publication_id_from_url("https://www.tweedekamer.nl/kamerstukken"), "");
}

TEST(Citations, FormsWithoutAKeyword) {
    // As the Handelingen and the open data write them (reported from the VLOS sample).
    const auto bracket = find_citations("de motie-Van Haersma Buma/Segers (21501-20, nr. 915) over");
    ASSERT_EQ(bracket.size(), 1u);
    EXPECT_EQ(bracket[0].target, "kst-21501-20-915");
    EXPECT_EQ(bracket[0].text, "21501-20, nr. 915");
    EXPECT_EQ(targets("de motie nr. 915 (21501-20) is aangenomen"), V{"kst-21501-20-915"});
    EXPECT_EQ(targets("Gewijzigde motie t.v.v. 21501-20-2070"), V{"kst-21501-20-2070"});
    EXPECT_EQ(targets("Kamerstuk 21501-02-3120"), V{"kst-21501-02-3120"});
    // Years are not dossiers: a bracketed or trailing number needs five digits.
    EXPECT_EQ(targets("(2021, nr. 5) en nr. 12 (2021) en (zie nr. 5)"), V{});
}

TEST(Citations, NoCitationWithoutANumber) {
    EXPECT_EQ(targets("Kamerstukken zijn belangrijk. Kamerstuk 36 200 X."), V{});
    EXPECT_EQ(targets("nr. 5 en Handelingen zonder jaar"), V{});
    EXPECT_EQ(targets(""), V{});
}

TEST(Citations, HostileTextIsLinear) {
    std::string hostile;
    for (int i = 0; i < 100000; ++i) hostile += "Kamerstuk 36 200 X, ";
    // A quadratic scan would run into the ctest timeout here; no clock is read.
    EXPECT_TRUE(find_citations(hostile).empty());
}

TEST(SessionYear, Compact) {
    EXPECT_EQ(compact_session_year("2020/21"), "20202021");
    EXPECT_EQ(compact_session_year("2022-2023"), "20222023");
    EXPECT_EQ(compact_session_year("1999/00"), "19992000");
    EXPECT_EQ(compact_session_year("2022-2024"), "");
    EXPECT_EQ(compact_session_year("twee"), "");
}

}  // namespace
}  // namespace stukwerk::core
