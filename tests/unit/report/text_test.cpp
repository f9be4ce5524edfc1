#include "report/text.hpp"

#include <gtest/gtest.h>

#include "report/table.hpp"

namespace truce::report {
namespace {

CasualtyFigure figure(const std::string& party, CasualtyStatus status, CountRange count) {
  return {Side{SideKind::kCombatants, ActorRef{party, party}}, status, count};
}

TEST(CountText, ShowsExactOpenEndedAndRangedCounts) {
  EXPECT_EQ(count_text(exactly(7)), "7");
  EXPECT_EQ(count_text(at_least(7)), "≥7");
  EXPECT_EQ(count_text(CountRange{10, 15}), "10-15");
  EXPECT_EQ(count_text(exactly(0)), "0");
}

TEST(CasualtySummary, GroupsFiguresBySideInTheOrderGiven) {
  std::vector<CasualtyFigure> figures{figure("Armenia", CasualtyStatus::kKilled, exactly(1)),
                                      figure("Azerbaijan", CasualtyStatus::kKilled, at_least(7)),
                                      figure("Armenia", CasualtyStatus::kMissing, exactly(24))};
  EXPECT_EQ(casualty_summary(figures), "Armenia: killed 1, missing 24; Azerbaijan: killed ≥7");
  EXPECT_EQ(casualty_summary({}), "-");
}

TEST(TimeSummary, MarksCoarsePrecisionAndShowsRanges) {
  TimeInterval day{*parse_civil_time("2021-11-16"), *parse_civil_time("2021-11-16"),
                   TimePrecision::kDay, ""};
  EXPECT_EQ(time_summary(day), "2021-11-16");
  TimeInterval month{*parse_civil_time("2021-11-01"), *parse_civil_time("2021-11-30"),
                     TimePrecision::kMonth, ""};
  EXPECT_EQ(time_summary(month), "~2021-11-01..2021-11-30");
}

TEST(Table, AlignsColumnsByCodePointsNotBytes) {
  Table table({"A", "B"});
  table.add_row({"قتل", "x"});
  table.add_row({"abcd", "y"});
  EXPECT_EQ(table.render(), "A     B\n----  -\nقتل   x\nabcd  y\n");
}

TEST(Table, SaysNoneWhenEmpty) {
  EXPECT_EQ(Table({"ID"}).render(), "ID\n--\n(none)\n");
}

TEST(Truncate, CutsByCodePointsWithAnEllipsis) {
  EXPECT_EQ(truncate("منطقة جبل", 5), "منطق…");
  EXPECT_EQ(truncate("short", 10), "short");
}

TEST(ClaimDetail, QuotesTheWordsOfEachSpan) {
  ClaimRecord record;
  record.document.text = "وبحسب وزارة الدفاع الأرمنية، فقد قتل جندي أرمني واحد";
  record.claim.claimant = {"am-mod", "Ministry of Defence of Armenia"};
  record.claim.time = {*parse_civil_time("2021-11-16"), *parse_civil_time("2021-11-16"),
                       TimePrecision::kDay, "Asia/Yerevan"};
  record.claim.casualties.push_back(figure("Armenia", CasualtyStatus::kKilled, exactly(1)));
  record.claim.provenance.push_back({"casualties/0", {{33, 52}}});
  std::string text = claim_detail(record);
  EXPECT_NE(text.find("casualties/0 [33, 52): \"قتل جندي أرمني واحد\""), std::string::npos) << text;
  EXPECT_NE(text.find("Armenia killed 1"), std::string::npos) << text;
}

}  // namespace
}  // namespace truce::report
