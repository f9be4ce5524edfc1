#include "fusion/relation.hpp"

#include <gtest/gtest.h>

#include "claims.hpp"

namespace truce::fusion {
namespace {

using test::ClaimSpec;
using test::make_claim;

ClaimFacts facts(const ClaimSpec& spec) {
  Claim claim = make_claim(spec);
  if (!spec.perpetrator.empty() || !spec.target.empty()) {
    // parties come from perpetrator and target
  }
  return facts_of(claim, test::fictional_parties(), default_parameters());
}

TEST(SameEvent, TwoSidesAccountsOfOneClashOnOneDayNearbyMatch) {
  auto north = facts({.id = "clm_a",
                      .type = EventType::kAttack,
                      .claimant = "north-mod",
                      .perpetrator = "south",
                      .target = "north"});
  auto south = facts({.id = "clm_b",
                      .type = EventType::kArmedClash,
                      .lon = 10.2,
                      .claimant = "south-mod",
                      .perpetrator = "north",
                      .target = "south"});
  auto match = same_event(north, south, default_parameters());
  ASSERT_TRUE(match);
  EXPECT_EQ(match->matched_with, ClaimId("clm_b"));
  EXPECT_EQ(match->time_gap_hours, 0);
  ASSERT_TRUE(match->distance_km);
  EXPECT_NEAR(*match->distance_km, 14.3, 0.5);  // 0.2 degrees of longitude at 50 N
  EXPECT_NE(match->type_rule.find("attack ~ armed_clash"), std::string::npos);
  EXPECT_EQ(match->actor_rule, "parties north, south");
  EXPECT_GT(match->score, 0.5);
}

TEST(SameEvent, TheScoreIsTheSameBothWays) {
  auto a = facts({.id = "clm_a", .type = EventType::kAttack, .perpetrator = "south"});
  auto b = facts({.id = "clm_b",
                  .date = "2031-05-10T10:00",
                  .lon = 10.3,
                  .lat = 50.1,
                  .perpetrator = "north",
                  .time_precision = TimePrecision::kHour});
  auto ab = same_event(a, b, default_parameters());
  auto ba = same_event(b, a, default_parameters());
  ASSERT_TRUE(ab && ba);
  EXPECT_EQ(ab->score, ba->score);
  EXPECT_EQ(same_event_score(a, b, default_parameters()),
            same_event_score(b, a, default_parameters()));
  EXPECT_EQ(*same_event_score(a, b, default_parameters()), ab->score);
  EXPECT_EQ(ab->time_gap_hours, ba->time_gap_hours);
}

TEST(SameEvent, TwoDaysApartAreTwoEvents) {
  auto a = facts({.id = "clm_a", .date = "2031-05-10"});
  auto b = facts({.id = "clm_b", .date = "2031-05-12"});
  EXPECT_FALSE(same_event(a, b, default_parameters()));
}

TEST(SameEvent, ConsecutiveDatesAreTwoEvents) {
  auto a = facts({.id = "clm_a", .date = "2031-05-10"});
  auto b = facts({.id = "clm_b", .date = "2031-05-11"});
  EXPECT_FALSE(same_event(a, b, default_parameters()));
}

TEST(SameEvent, ATimeNearMidnightMeetsTheNextDate) {
  auto late =
      facts({.id = "clm_a", .date = "2031-05-10T23:30", .time_precision = TimePrecision::kHour});
  auto next = facts({.id = "clm_b", .date = "2031-05-11"});
  auto match = same_event(late, next, default_parameters());
  ASSERT_TRUE(match);
  EXPECT_EQ(match->time_gap_hours, 0);
  auto evening =
      facts({.id = "clm_c", .date = "2031-05-10T18:00", .time_precision = TimePrecision::kHour});
  EXPECT_FALSE(same_event(evening, next, default_parameters()));
}

TEST(SameEvent, AClaimAboutAnOlderEventDoesNotJoinANewOne) {
  auto old_war = facts({.id = "clm_a", .date = "2030-04-01"});
  auto now = facts({.id = "clm_b", .date = "2031-05-10"});
  EXPECT_FALSE(same_event(old_war, now, default_parameters()));
}

TEST(SameEvent, PlacesFartherThanTheirReachesAreTwoEvents) {
  auto a = facts({.id = "clm_a", .lon = 10.0, .precision = LocationPrecision::kExact});
  auto b = facts({.id = "clm_b", .lon = 10.2, .precision = LocationPrecision::kExact});
  EXPECT_FALSE(same_event(a, b, default_parameters()));  // 14 km apart, 10 km allowed
  auto c = facts({.id = "clm_c", .lon = 10.2, .precision = LocationPrecision::kNear});
  EXPECT_TRUE(same_event(a, c, default_parameters()));  // 5 + 25 km allowed
}

TEST(SameEvent, AVagueBorderPlaceReachesFar) {
  auto precise = facts({.id = "clm_a", .precision = LocationPrecision::kNear});
  auto border = facts({.id = "clm_b", .lon = 11.5, .precision = LocationPrecision::kLinear});
  EXPECT_TRUE(same_event(precise, border, default_parameters()));
}

// 4.2 degrees of longitude at 50 N is about 300 km: beyond every reach below.
TEST(SameEvent, APlaceKnownOnlyByItsProvinceContainsThePlacesOfTheProvince) {
  auto in_province = [](ClaimSpec spec, const char* province) {
    ClaimFacts claim = facts(spec);
    claim.admin1 = province;
    return claim;
  };
  auto village = in_province({.id = "clm_a", .precision = LocationPrecision::kExact}, "hills");
  auto province =
      in_province({.id = "clm_b", .lon = 14.2, .precision = LocationPrecision::kAdmin1}, "hills");
  auto match = same_event(village, province, default_parameters());
  ASSERT_TRUE(match);
  EXPECT_EQ(match->place_rule, "both in hills");
  EXPECT_NEAR(match->score, 0.8 * 0.6, 1e-9);  // place by containment; no party named
  ASSERT_TRUE(match->distance_km);
  EXPECT_GT(*match->distance_km, 290.0);
  EXPECT_EQ(same_event_score(province, village, default_parameters()), match->score);

  auto other_village =
      in_province({.id = "clm_c", .lon = 14.2, .precision = LocationPrecision::kExact}, "hills");
  EXPECT_FALSE(same_event(village, other_village, default_parameters()))
      << "two villages of one province are not the same place";
  auto elsewhere =
      in_province({.id = "clm_d", .lon = 14.2, .precision = LocationPrecision::kAdmin1}, "plains");
  EXPECT_FALSE(same_event(village, elsewhere, default_parameters()));
  auto unplaced = in_province({.id = "clm_e", .has_place = false}, "hills");
  auto by_name = same_event(unplaced, other_village, default_parameters());
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->place_rule, "both in hills");
}

TEST(SameEvent, AClaimWithoutPlaceMatchesOnTimeAndActors) {
  auto placed = facts({.id = "clm_a", .perpetrator = "south"});
  auto unplaced = facts({.id = "clm_b", .perpetrator = "north", .has_place = false});
  auto match = same_event(placed, unplaced, default_parameters());
  ASSERT_TRUE(match);
  EXPECT_FALSE(match->distance_km);
  EXPECT_EQ(match->place_rule, "no place on one claim");
}

TEST(SameEvent, AThirdPartyMeansAnotherEvent) {
  auto a = facts({.id = "clm_a", .perpetrator = "south", .target = "north"});
  auto b = facts({.id = "clm_b", .perpetrator = "east", .target = "north"});
  EXPECT_FALSE(same_event(a, b, default_parameters()));
}

TEST(SameEvent, EachSideReportingItsOwnLossesIsNoContradiction) {
  Claim north = make_claim({.id = "clm_a"});
  north.casualties.push_back(test::figure("north", CasualtyStatus::kKilled, 1, 1));
  Claim south = make_claim({.id = "clm_b", .claimant = "south-mod"});
  south.casualties.push_back(test::figure("south", CasualtyStatus::kKilled, 7, 7));
  const auto parties = test::fictional_parties();
  auto match = same_event(facts_of(north, parties, default_parameters()),
                          facts_of(south, parties, default_parameters()), default_parameters());
  ASSERT_TRUE(match);
  EXPECT_NE(match->actor_rule.find("each claim names one side"), std::string::npos);
}

TEST(SameEvent, AMineBlastIsNotPartOfAClash) {
  auto clash = facts({.id = "clm_a", .type = EventType::kArmedClash});
  auto mine = facts({.id = "clm_b", .type = EventType::kMineOrIed});
  EXPECT_FALSE(same_event(clash, mine, default_parameters()));
}

TEST(SameEvent, TalksNeverFormIncidents) {
  auto a = facts({.id = "clm_a", .type = EventType::kDiplomaticContact});
  auto b = facts({.id = "clm_b", .type = EventType::kDiplomaticContact});
  EXPECT_FALSE(same_event(a, b, default_parameters()));
}

TEST(SameEvent, AClaimKnownOnlyToTheMonthDoesNotLinkByItself) {
  auto day = facts({.id = "clm_a"});
  auto month = facts({.id = "clm_b", .time_precision = TimePrecision::kMonth});
  EXPECT_FALSE(same_event(day, month, default_parameters()));
}

TEST(EndsEvent, ADeEscalationTheSameOrNextDayEndsTheClash) {
  auto clash = facts({.id = "clm_a", .perpetrator = "south", .target = "north"});
  auto ceasefire = facts({.id = "clm_b",
                          .type = EventType::kDeEscalation,
                          .date = "2031-05-11",
                          .claimant = "monitors",
                          .has_place = false});
  auto link = ends_event(ceasefire, clash, default_parameters());
  ASSERT_TRUE(link);
  EXPECT_EQ(link->matched_with, ClaimId("clm_a"));
  EXPECT_NE(link->type_rule.find("de_escalation ends armed_clash"), std::string::npos);
}

TEST(EndsEvent, TheMediatorsOwnOfficialsDoNotMakeItAPartyToTheClash) {
  auto clash = facts({.id = "clm_a", .perpetrator = "south", .target = "north"});
  Claim talks = make_claim({.id = "clm_b", .type = EventType::kDeEscalation, .claimant = "east"});
  talks.actors.push_back({test::actor("east"), ActorRole::kParticipant});
  talks.actors.push_back({test::actor("east"), ActorRole::kMediator});
  const auto ending = facts_of(talks, test::fictional_parties(), default_parameters());
  EXPECT_TRUE(ending.parties.empty());
  EXPECT_TRUE(ends_event(ending, clash, default_parameters()));
}

TEST(EndsEvent, ADeEscalationAWeekLaterEndsSomethingElse) {
  auto clash = facts({.id = "clm_a"});
  auto later = facts({.id = "clm_b", .type = EventType::kDeEscalation, .date = "2031-05-17"});
  EXPECT_FALSE(ends_event(later, clash, default_parameters()));
  auto before = facts({.id = "clm_c", .type = EventType::kDeEscalation, .date = "2031-05-05"});
  EXPECT_FALSE(ends_event(before, clash, default_parameters()));
}

TEST(BoxDistance, IsZeroForOverlappingBoxesAndHaversineOtherwise) {
  EXPECT_EQ(box_distance_km({0, 0, 2, 2}, {1, 1, 3, 3}), 0);
  EXPECT_NEAR(box_distance_km({0, 0, 0, 0}, {0, 1, 0, 1}), 111.2, 0.2);
}

}  // namespace
}  // namespace truce::fusion
