#include "fusion/reconciliation.hpp"

#include <gtest/gtest.h>

#include "claims.hpp"

namespace truce::fusion {
namespace {

using test::ClaimSpec;
using test::figure;
using test::make_claim;

ClaimContext context(Claim claim, const std::string& published,
                     std::vector<std::string> origin = {"Fictional Daily"},
                     Reliability reliability = Reliability::kF) {
  ClaimContext context;
  context.claim = std::move(claim);
  context.published = parse_civil_time(published);
  context.source = SourceId("fictional-daily");
  context.source_name = "Fictional Daily";
  context.reliability = reliability;
  context.origin = std::move(origin);
  return context;
}

Reconciliation reconcile_all(const std::vector<ClaimContext>& members) {
  return reconcile(members, test::fictional_parties(), default_parameters());
}

const ReconciledFigure* find(const Reconciliation& reconciliation, const std::string& side,
                             CasualtyStatus status) {
  for (const ReconciledFigure& figure : reconciliation.figures) {
    if (figure.side.id() == side && figure.status == status) {
      return &figure;
    }
  }
  return nullptr;
}

Claim north_report(const std::string& id, std::vector<CasualtyFigure> figures,
                   const std::string& perpetrator = "south") {
  Claim claim = make_claim({.id = id,
                            .type = EventType::kAttack,
                            .claimant = "north-mod",
                            .perpetrator = perpetrator,
                            .target = "north"});
  claim.casualties = std::move(figures);
  return claim;
}

TEST(Reconciliation, EachSidesOwnLossesAreItsBestAndTheOpponentWidensTheRange) {
  Claim north = north_report("clm_a", {figure("north", CasualtyStatus::kKilled, 1, 1),
                                       figure("south", CasualtyStatus::kKilled, 20, 20)});
  Claim south = make_claim({.id = "clm_b", .claimant = "south-mod"});
  south.casualties = {figure("south", CasualtyStatus::kKilled, 7, 7),
                      figure("north", CasualtyStatus::kKilled, 3, std::nullopt)};
  const Reconciliation reconciliation =
      reconcile_all({context(north, "2031-05-10"), context(south, "2031-05-10")});
  const auto* north_killed = find(reconciliation, "north", CasualtyStatus::kKilled);
  ASSERT_NE(north_killed, nullptr);
  EXPECT_EQ(north_killed->estimate, (Estimate{1, 1, 3}));
  const auto* south_killed = find(reconciliation, "south", CasualtyStatus::kKilled);
  ASSERT_NE(south_killed, nullptr);
  EXPECT_EQ(south_killed->estimate, (Estimate{7, 7, 20}));
  EXPECT_NE(south_killed->rule.find("best from south-mod (own"), std::string::npos)
      << south_killed->rule;
  EXPECT_NE(south_killed->rule.find("high from north-mod (opponent"), std::string::npos);
  ASSERT_EQ(south_killed->reports.size(), 2U);
}

TEST(Reconciliation, AnOpenEndedFigureDoesNotLowerTheLow) {
  Claim north = north_report("clm_a", {figure("north", CasualtyStatus::kCaptured, 13, 13)});
  Claim south = make_claim({.id = "clm_b", .claimant = "south-mod"});
  south.casualties = {figure("north", CasualtyStatus::kCaptured, 1, std::nullopt)};
  const Reconciliation reconciliation =
      reconcile_all({context(north, "2031-05-10"), context(south, "2031-05-10")});
  const auto* captured = find(reconciliation, "north", CasualtyStatus::kCaptured);
  ASSERT_NE(captured, nullptr);
  EXPECT_EQ(captured->estimate, (Estimate{13, 13, 13}));
}

TEST(Reconciliation, AnIndependentMonitorOutranksTheParties) {
  Claim north = north_report("clm_a", {figure("north", CasualtyStatus::kWounded, 2, 2)});
  Claim monitors = make_claim({.id = "clm_m", .claimant = "monitors"});
  monitors.casualties = {figure("north", CasualtyStatus::kWounded, 4, 4)};
  const Reconciliation reconciliation =
      reconcile_all({context(north, "2031-05-10"), context(monitors, "2031-05-11", {"Mission"})});
  const auto* wounded = find(reconciliation, "north", CasualtyStatus::kWounded);
  ASSERT_NE(wounded, nullptr);
  EXPECT_EQ(wounded->estimate, (Estimate{2, 4, 4}));
}

TEST(Reconciliation, ALaterTollOfTheSamePartySupersedesItsFirst) {
  Claim first = north_report("clm_a", {figure("north", CasualtyStatus::kKilled, 1, 1)});
  Claim revised = north_report("clm_b", {figure("north", CasualtyStatus::kKilled, 6, 6)});
  const Reconciliation reconciliation =
      reconcile_all({context(revised, "2031-05-13"), context(first, "2031-05-10")});
  const auto* killed = find(reconciliation, "north", CasualtyStatus::kKilled);
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->estimate, (Estimate{6, 6, 6}));
  ASSERT_EQ(killed->reports.size(), 2U);
  EXPECT_FALSE(killed->reports[0].current);  // the first toll, kept beside the revision
  EXPECT_TRUE(killed->reports[1].current);
  // The history shows the toll as it stood on each day.
  ASSERT_EQ(reconciliation.history.size(), 2U);
  EXPECT_EQ(reconciliation.history[0].after, (Estimate{1, 1, 1}));
  EXPECT_EQ(reconciliation.history[1].reported, "2031-05-13");
  ASSERT_TRUE(reconciliation.history[1].before);
  EXPECT_EQ(*reconciliation.history[1].before, (Estimate{1, 1, 1}));
  EXPECT_EQ(reconciliation.history[1].after, (Estimate{6, 6, 6}));
}

TEST(Reconciliation, AnOldTollRepeatedInALaterArticleDoesNotUndoTheRevision) {
  Claim first = north_report("clm_a", {figure("north", CasualtyStatus::kCaptured, 13, 13)});
  Claim revised = north_report("clm_b", {figure("north", CasualtyStatus::kCaptured, 10, 10)});
  Claim repeated = north_report("clm_c", {figure("north", CasualtyStatus::kCaptured, 13, 13)});
  const Reconciliation reconciliation =
      reconcile_all({context(first, "2031-05-10"), context(revised, "2031-05-12"),
                     context(repeated, "2031-05-15")});
  const auto* captured = find(reconciliation, "north", CasualtyStatus::kCaptured);
  ASSERT_NE(captured, nullptr);
  EXPECT_EQ(captured->estimate.best, 10);
}

TEST(Reconciliation, ALowerDeathTollLaterIsNotARevision) {
  Claim toll = north_report("clm_a", {figure("north", CasualtyStatus::kKilled, 7, 7)});
  Claim lower = north_report("clm_b", {figure("north", CasualtyStatus::kKilled, 0, 0)});
  const Reconciliation reconciliation =
      reconcile_all({context(toll, "2031-05-10"), context(lower, "2031-05-12")});
  const auto* killed = find(reconciliation, "north", CasualtyStatus::kKilled);
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->estimate.best, 7);
}

TEST(Reconciliation, MissingLaterReportedKilledLeaveTheMissing) {
  Claim first = north_report("clm_a", {figure("north", CasualtyStatus::kKilled, 1, 1),
                                       figure("north", CasualtyStatus::kMissing, 24, 24)});
  Claim later = north_report("clm_b", {figure("north", CasualtyStatus::kKilled, 6, 6)});
  const Reconciliation reconciliation =
      reconcile_all({context(first, "2031-05-10"), context(later, "2031-05-13")});
  const auto* missing = find(reconciliation, "north", CasualtyStatus::kMissing);
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->estimate, (Estimate{19, 19, 24}));
  EXPECT_NE(missing->rule.find("5 more killed"), std::string::npos) << missing->rule;
  // History: missing 24 on the first day, 19 after the revised toll.
  bool changed = false;
  for (const FigureChange& change : reconciliation.history) {
    if (change.status == CasualtyStatus::kMissing && change.reported == "2031-05-13") {
      changed = change.before && change.before->best == 24 && change.after.best == 19;
    }
  }
  EXPECT_TRUE(changed);
}

TEST(Reconciliation, ReleasedCapturedLeaveTheCaptured) {
  Claim clash = north_report("clm_a", {figure("north", CasualtyStatus::kCaptured, 13, 13)});
  Claim exchange = make_claim(
      {.id = "clm_x", .type = EventType::kExchange, .date = "2031-06-01", .claimant = "north-mod"});
  exchange.casualties = {figure("north", CasualtyStatus::kCaptured, 10, 10)};
  const Reconciliation reconciliation =
      reconcile_all({context(clash, "2031-05-10"), context(exchange, "2031-06-01")});
  const auto* captured = find(reconciliation, "north", CasualtyStatus::kCaptured);
  ASSERT_NE(captured, nullptr);
  EXPECT_EQ(captured->estimate.best, 3);
  EXPECT_NE(captured->rule.find("10 released"), std::string::npos) << captured->rule;
}

TEST(Attribution, OneSideBlamingTheOtherWithNoAnswerIsOneSided) {
  Claim north = north_report("clm_a", {figure("north", CasualtyStatus::kKilled, 1, 1)});
  Claim south = make_claim({.id = "clm_b", .claimant = "south-mod"});
  south.casualties = {figure("south", CasualtyStatus::kKilled, 7, 7)};
  const Reconciliation reconciliation =
      reconcile_all({context(north, "2031-05-10"), context(south, "2031-05-10")});
  EXPECT_EQ(reconciliation.attribution, AttributionGrade::kOneSided);
  EXPECT_NE(reconciliation.attribution_reason.find("north blames south"), std::string::npos);
  EXPECT_NE(reconciliation.attribution_reason.find("no account of who started it from south"),
            std::string::npos)
      << reconciliation.attribution_reason;
}

TEST(Attribution, EachBlamingTheOtherIsContested) {
  Claim north = north_report("clm_a", {});
  Claim south = make_claim({.id = "clm_b", .claimant = "south-mod", .perpetrator = "north"});
  const Reconciliation reconciliation =
      reconcile_all({context(north, "2031-05-10"), context(south, "2031-05-11")});
  EXPECT_EQ(reconciliation.attribution, AttributionGrade::kContested);
  EXPECT_EQ(reconciliation.evidence, EvidenceGrade::kContested);
}

TEST(Attribution, BothNamingTheSamePerpetratorIsAgreed) {
  Claim north = north_report("clm_a", {});
  Claim south = make_claim({.id = "clm_b", .claimant = "south-mod", .perpetrator = "south"});
  EXPECT_EQ(reconcile_all({context(north, "2031-05-10"), context(south, "2031-05-11")}).attribution,
            AttributionGrade::kAgreed);
}

TEST(Attribution, NobodyBlamingIsUndetermined) {
  Claim north = make_claim({.id = "clm_a"});
  EXPECT_EQ(reconcile_all({context(north, "2031-05-10")}).attribution,
            AttributionGrade::kUndetermined);
}

TEST(Evidence, AWireStoryCitingAMinistryIsNotIndependentOfIt) {
  Claim ministry = north_report("clm_a", {});
  Claim wire = north_report("clm_b", {});  // the same ministry's words, relayed by a wire
  const Reconciliation reconciliation =
      reconcile_all({context(ministry, "2031-05-10", {"North MoD"}),
                     context(wire, "2031-05-11", {"Fictional Daily", "Fictional Wire"})});
  EXPECT_EQ(reconciliation.evidence, EvidenceGrade::kSingleSource);
  EXPECT_EQ(reconciliation.independent_origins, std::vector<std::string>{"party:north"});
}

TEST(Evidence, TwoPartiesAndAMonitorCorroborate) {
  Claim north = north_report("clm_a", {});
  Claim monitors = make_claim({.id = "clm_m", .claimant = "monitors"});
  const Reconciliation reconciliation =
      reconcile_all({context(north, "2031-05-10"), context(monitors, "2031-05-10", {"Mission"})});
  EXPECT_EQ(reconciliation.evidence, EvidenceGrade::kCorroborated);
  EXPECT_TRUE(reconciliation.in_headline);
}

TEST(Evidence, OutletsRatedUnreliableDoNotCorroborate) {
  Claim north = north_report("clm_a", {});
  Claim rumour = make_claim({.id = "clm_r", .claimant = "wire"});
  const Reconciliation reconciliation =
      reconcile_all({context(north, "2031-05-10"),
                     context(rumour, "2031-05-10", {"Rumour Mill"}, Reliability::kE)});
  EXPECT_EQ(reconciliation.evidence, EvidenceGrade::kSingleSource);
  EXPECT_FALSE(reconciliation.in_headline);
}

TEST(Evidence, OnlyImprobableClaimsAreDiscounted) {
  Claim claim = north_report("clm_a", {});
  claim.credibility.grade = 5;
  const Reconciliation reconciliation = reconcile_all({context(claim, "2031-05-10")});
  EXPECT_EQ(reconciliation.evidence, EvidenceGrade::kDiscounted);
  EXPECT_FALSE(reconciliation.in_headline);
}

}  // namespace
}  // namespace truce::fusion
