// Analysts' source ratings read from text: what is rated, and bad lines
// refused with the file, the line and the column.
#include "fusion/reliability.hpp"

#include <gtest/gtest.h>

#include <string>

namespace truce::fusion {
namespace {

const std::string kRatings =
    "# id\treliability\twhy\n"
    "\n"
    "ministry-a\tD\tparty to the conflict\r\n"
    "wire-b\tB\n";

TEST(ReliabilityTable, RatesEachIdOnItsLine) {
  auto table = parse_reliability_table(kRatings, "sources/reliability.tsv");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->size(), 2U);
  EXPECT_EQ(table->at("ministry-a"), Reliability::kD);
  EXPECT_EQ(table->at("wire-b"), Reliability::kB);
}

TEST(ReliabilityTable, TheClaimantsRatingComesBeforeTheSources) {
  auto table = parse_reliability_table(kRatings, "r.tsv");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(reliability_of(*table, "ministry-a", "wire-b", Reliability::kF), Reliability::kD);
  EXPECT_EQ(reliability_of(*table, "nobody", "wire-b", Reliability::kF), Reliability::kB);
  EXPECT_EQ(reliability_of(*table, "nobody", "elsewhere", Reliability::kF), Reliability::kF);
}

struct BadCase {
  const char* name;
  std::string line;
  const char* expected;
};

TEST(ReliabilityTable, BadLinesNameFileLineAndColumn) {
  const std::vector<BadCase> cases{
      {"bad id", "Not An Id\tA\n", "r.tsv:5: column 'id': 'Not An Id' is not a source or actor id"},
      {"no grade", "wire-c\n", "r.tsv:5: column 'reliability': missing"},
      {"bad grade", "wire-c\tG\twhy\n", "r.tsv:5: column 'reliability': 'G' is not one of A-F"},
      {"twice", "wire-b\tC\n", "r.tsv:5: column 'id': 'wire-b' is rated twice"},
  };
  for (const BadCase& bad : cases) {
    auto table = parse_reliability_table(kRatings + bad.line, "r.tsv");
    ASSERT_FALSE(table) << bad.name;
    EXPECT_EQ(table.error().code, ErrorCode::kInvalidInput) << bad.name;
    EXPECT_NE(table.error().message.find(bad.expected), std::string::npos)
        << bad.name << ": " << table.error().message;
  }
}

}  // namespace
}  // namespace truce::fusion
