// The Dutch text rules on their own: line-end hyphens and dates.
#include <gtest/gtest.h>

#include "dutch_dates.hpp"
#include "hyphenation.hpp"

using namespace stukwerk::pdf;

TEST(PdfTextRules, Placeholder) { EXPECT_EQ(iso_date_in("Voorgesteld 6 juli 2021"), "2021-07-06"); }
