#include "report/text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

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

// Synthetic: Northland, Southland, Westland and the Kestrel Accord are fictional.
constexpr std::string_view kAccordText =
    "Northland and Southland, with Westland mediating, signed the Kestrel Accord of 3 May 2019 "
    "yesterday.";

TextSpan span_of(std::string_view quote) {
  std::size_t byte = kAccordText.find(quote);
  auto start = static_cast<std::uint32_t>(code_point_count(kAccordText.substr(0, byte)));
  return {start, start + static_cast<std::uint32_t>(code_point_count(quote))};
}

ClaimRecord accord_record() {
  ClaimRecord record;
  record.document.text = std::string(kAccordText);
  record.claim.claimant = {"wire", "A news wire"};
  record.claim.event_type = EventType::kAgreement;
  record.claim.time = {*parse_civil_time("2019-05-03"), *parse_civil_time("2019-05-03"),
                       TimePrecision::kDay, ""};
  record.claim.time_basis = {DateBasis::kRelative, true,
                             "'yesterday' before 2019-05-04 (publication)"};
  record.claim.actors = {{ActorRef{"westland", "Westland"}, ActorRole::kMediator},
                         {ActorRef{"northland", "Northland"}, ActorRole::kParticipant}};
  record.claim.agreements = {
      AgreementReference{"the Kestrel Accord",
                         {*parse_civil_time("2019-05-03")},
                         "kestrel-accord",
                         {span_of("the Kestrel Accord"), span_of("3 May 2019")}}};
  return record;
}

TEST(ClaimDetail, ShowsTheDateBasisTheActorsWithRolesAndTheAgreementsWithTheirWords) {
  std::string text = claim_detail(accord_record());
  EXPECT_NE(text.find("  date basis    relative, from the document's account of the same events: "
                      "'yesterday' before 2019-05-04 (publication)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  actors        Westland (westland), mediator\n"
                      "                Northland (northland), participant\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  agreements    the Kestrel Accord (2019-05-03) [registry kestrel-accord]\n"
                      "                  [57, 75): \"the Kestrel Accord\"\n"
                      "                  [79, 89): \"3 May 2019\"\n"),
            std::string::npos)
      << text;
}

TEST(ClaimDetail, SaysNothingOfTheDateBasisWhenNothingIsKnownOfIt) {
  ClaimRecord record = accord_record();
  record.claim.time_basis = TimeBasis{};
  record.claim.actors.clear();
  record.claim.agreements.clear();
  std::string text = claim_detail(record);
  EXPECT_EQ(text.find("date basis"), std::string::npos) << text;
  EXPECT_EQ(text.find("actors"), std::string::npos) << text;
  EXPECT_EQ(text.find("agreements"), std::string::npos) << text;
}

TEST(DocumentDetail, ListsTheAgreementsTheTextMentionsWithTheirWords) {
  Document document = accord_record().document;
  document.agreement_references = {
      AgreementReference{"the Kestrel Accord", {}, "", {span_of("the Kestrel Accord")}}};
  std::string text = document_detail(document);
  EXPECT_NE(text.find("  agreements    the Kestrel Accord\n"
                      "                  [57, 75): \"the Kestrel Accord\"\n"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace truce::report
