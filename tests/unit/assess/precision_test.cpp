// Place precision as data: data/assessment/precision.tsv read once, and bad
// files refused with the file, the line and the field.
#include "assess/precision.hpp"

#include <gtest/gtest.h>

#include "unit/assess/registry_fixture.hpp"

namespace truce::assess::test {
namespace {

const std::string kComplete =
    "# where_prec\tradius_km\tmeaning\n"
    "1\t2\texact\n2\t30\tnear\n3\t60\tadmin2\n4\t120\tadmin1\n5\t40\tlinear\n6\t400\tcountry\n"
    "7\t800\tinternational\n";

TEST(PrecisionRadii, EachCodeReadsItsOwnLine) {
  auto radii = read_precision_radii_tsv(kComplete, "precision.tsv");
  ASSERT_TRUE(radii) << radii.error().message;
  EXPECT_EQ(radii->radius_km(LocationPrecision::kExact), 2);
  EXPECT_EQ(radii->radius_km(LocationPrecision::kNear), 30);
  EXPECT_EQ(radii->radius_km(LocationPrecision::kLinear), 40);
  EXPECT_EQ(radii->radius_km(LocationPrecision::kInternational), 800);
}

TEST(PrecisionRadii, TheBundledFileGivesUcdpsTwentyFiveKilometresForNear) {
  EXPECT_EQ(bundled_precision_radii().radius_km(LocationPrecision::kNear), 25);
}

TEST(PrecisionRadii, CommentsAndLineEndsAreReadAsInEveryDataFile) {
  auto radii =
      read_precision_radii_tsv("\xEF\xBB\xBF  # indented\r\n\t\r\n" + kComplete, "precision.tsv");
  ASSERT_TRUE(radii) << radii.error().message;
  EXPECT_EQ(radii->radius_km(LocationPrecision::kNear), 30);
}

struct BadCase {
  const char* name;
  std::string from;
  std::string to;
  const char* expected;
};

TEST(PrecisionRadii, BadFilesNameFileLineAndField) {
  const std::vector<BadCase> cases{
      {"code out of range", "6\t400", "8\t400", "precision.tsv:7: field 'where_prec': \"8\""},
      {"not a number", "3\t60", "3\tfifty", "precision.tsv:4: field 'radius_km': \"fifty\""},
      {"negative", "4\t120", "4\t-1", "precision.tsv:5: field 'radius_km': \"-1\""},
      {"twice", "5\t40", "2\t40", "precision.tsv:6: field 'where_prec': 2 is given twice"},
      {"missing", "7\t800\tinternational\n", "",
       "precision.tsv: field 'where_prec': 7 has no line"},
      {"one column", "1\t2\texact", "1", "precision.tsv:2: field 'radius_km': missing"},
  };
  for (const BadCase& bad : cases) {
    std::string text = kComplete;
    text.replace(text.find(bad.from), bad.from.size(), bad.to);
    auto radii = read_precision_radii_tsv(text, "precision.tsv");
    ASSERT_FALSE(radii) << bad.name;
    EXPECT_NE(radii.error().message.find(bad.expected), std::string::npos)
        << bad.name << ": " << radii.error().message;
  }
}

}  // namespace
}  // namespace truce::assess::test
