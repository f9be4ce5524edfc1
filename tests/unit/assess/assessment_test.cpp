// Verdicts on the fictional Midland theatre (synthetic.hpp): each rule of
// docs/agreements.md, one case at a time.
#include "assess/assessment.hpp"

#include <gtest/gtest.h>

#include "unit/assess/registry_fixture.hpp"
#include "unit/assess/synthetic.hpp"

namespace truce::assess::test {
namespace {

class MidlandAssessment : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto built = registry_of({{"midland.json", std::string(kSyntheticAgreement)}},
                             {{"midland.geojson", std::string(kSyntheticGeography)}});
    ASSERT_TRUE(built) << built.error().message;
    registry_ = new Registry(std::move(*built));
  }
  static void TearDownTestSuite() {
    delete registry_;
    registry_ = nullptr;
  }

  // A shelling by Northland on 2030-03-01 at the given place, agreed by both.
  static IncidentFacts shelling(GeoPoint point, double radius_km) {
    IncidentFacts facts;
    facts.id = "synthetic-1";
    facts.time.start = *parse_civil_time("2030-03-01");
    facts.time.end = facts.time.start;
    facts.time.timezone = "+02:00";
    facts.place = {"test place", point, radius_km, std::nullopt, ""};
    facts.event_types = {EventType::kShelling};
    facts.perpetrators = {{"northland", "Northland"}};
    facts.targets = {{"southland", "Southland"}};
    facts.claimed_by = {{"southland", "Southland"}, {"northland", "Northland"}};
    facts.attribution = AttributionGrade::kAgreed;
    return facts;
  }

  // A copy: callers pass the temporary result of assess().
  static ProvisionAssessment provision(const IncidentAssessment& assessment,
                                       const std::string& id) {
    for (const auto& agreement : assessment.agreements) {
      for (const auto& item : agreement.provisions) {
        if (item.provision == id) {
          return item;
        }
      }
    }
    throw std::runtime_error("no provision " + id);
  }

  static std::string reasons(const ProvisionAssessment& item) {
    std::string text;
    for (const auto& reason : item.reasons) {
      text += reason + " | ";
    }
    return text;
  }

  static Registry* registry_;
};
Registry* MidlandAssessment::registry_ = nullptr;

TEST_F(MidlandAssessment, AgreedShellingInsideTheZoneIsABreach) {
  auto result = assess(*registry_, shelling(at(10.3, 40.02), 1));
  ASSERT_EQ(result.agreements.size(), 1U);
  const auto ceasefire = provision(result, "1");
  EXPECT_EQ(ceasefire.verdict, Verdict::kBreach) << reasons(ceasefire);
  EXPECT_NE(reasons(ceasefire).find("inside Ridge buffer zone"), std::string::npos);
  EXPECT_NE(result.agreements[0].reasons[0].find("59 days after the agreement took effect"),
            std::string::npos)
      << result.agreements[0].reasons[0];
}

TEST_F(MidlandAssessment, OneSidedAttributionMakesItOnlyPossible) {
  IncidentFacts facts = shelling(at(10.3, 40.02), 1);
  facts.attribution = AttributionGrade::kOneSided;
  facts.claimed_by = {{"southland", "Southland"}};
  const auto ceasefire = provision(assess(*registry_, facts), "1");
  EXPECT_EQ(ceasefire.verdict, Verdict::kPossibleBreach) << reasons(ceasefire);
  EXPECT_NE(reasons(ceasefire).find("attribution one sided"), std::string::npos)
      << reasons(ceasefire);
}

TEST_F(MidlandAssessment, OutsideADrawnZoneIsNoBreach) {
  // 0.3 degrees north of the line: about 22 km outside the 0.1-degree zone.
  const auto ceasefire = provision(assess(*registry_, shelling(at(10.3, 40.3), 1)), "1");
  EXPECT_EQ(ceasefire.verdict, Verdict::kNoBreach) << reasons(ceasefire);
}

TEST_F(MidlandAssessment, APlaceKnownTo25KmThatStraddlesTheZoneEdgeIsPossible) {
  // The same point known only to 25 km: it may be inside.
  const auto ceasefire = provision(assess(*registry_, shelling(at(10.3, 40.3), 25)), "1");
  EXPECT_EQ(ceasefire.verdict, Verdict::kPossibleBreach) << reasons(ceasefire);
  EXPECT_NE(reasons(ceasefire).find("straddles the edge of Ridge buffer zone"), std::string::npos)
      << reasons(ceasefire);
}

TEST_F(MidlandAssessment, ADayWithoutZoneOnTheDayOfEffectIsOnlyPossible) {
  IncidentFacts facts = shelling(at(10.3, 40.02), 1);
  facts.time.start = *parse_civil_time("2030-01-01");
  facts.time.end = facts.time.start;
  facts.time.timezone = "+05:00";  // its midnight is before the agreement's
  auto result = assess(*registry_, facts);
  ASSERT_EQ(result.agreements.size(), 1U);
  EXPECT_FALSE(result.agreements[0].applies_certainly);
  EXPECT_EQ(provision(result, "1").verdict, Verdict::kPossibleBreach);
}

TEST_F(MidlandAssessment, BeforeTheAgreementNothingApplies) {
  IncidentFacts facts = shelling(at(10.3, 40.02), 1);
  facts.time.start = *parse_civil_time("2029-12-30");
  facts.time.end = facts.time.start;
  auto result = assess(*registry_, facts);
  EXPECT_TRUE(result.agreements.empty());
  ASSERT_EQ(result.not_applicable.size(), 1U);
  EXPECT_EQ(result.not_applicable[0].reason, "the incident is before it took effect");
}

TEST_F(MidlandAssessment, OutsideTheTheatreNothingApplies) {
  auto result = assess(*registry_, shelling(at(30, 10), 1));
  EXPECT_TRUE(result.agreements.empty());
}

TEST_F(MidlandAssessment, APartyNotBoundIsNoBreach) {
  IncidentFacts facts = shelling(at(10.3, 40.02), 1);
  facts.perpetrators = {{"westland", "Westland"}};
  EXPECT_EQ(provision(assess(*registry_, facts), "1").verdict, Verdict::kNoBreach);
}

TEST_F(MidlandAssessment, HoldingPositionsIsEngagedOnlyByACapture) {
  IncidentFacts facts = shelling(at(10.3, 40.02), 1);
  EXPECT_EQ(provision(assess(*registry_, facts), "2").verdict, Verdict::kNoBreach);
  facts.assets.push_back({AssetKind::kPosition, AssetOutcome::kLost, CountRange{2, 2},
                          ActorRef{"southland", "Southland"}, ActorRef{"northland", "Northland"},
                          ""});
  const auto positions = provision(assess(*registry_, facts), "2");
  EXPECT_EQ(positions.verdict, Verdict::kBreach) << reasons(positions);
  EXPECT_NE(reasons(positions).find("2 position lost by Southland to Northland"), std::string::npos)
      << reasons(positions);
}

TEST_F(MidlandAssessment, ArtilleryWithinTheDistanceOfTheLineIsABreachAndFartherIsNot) {
  IncidentFacts near = shelling(at(10.3, 40.1), 1);  // about 11 km from the line
  near.weapons = {WeaponClass::kArtillery};
  EXPECT_EQ(provision(assess(*registry_, near), "3").verdict, Verdict::kBreach);
  IncidentFacts far = shelling(at(10.3, 40.3), 1);  // about 33 km
  far.weapons = {WeaponClass::kArtillery};
  EXPECT_EQ(provision(assess(*registry_, far), "3").verdict, Verdict::kNoBreach);
  IncidentFacts mortar = shelling(at(10.3, 40.1), 1);
  mortar.weapons = {WeaponClass::kMortar};
  EXPECT_EQ(provision(assess(*registry_, mortar), "3").verdict, Verdict::kNoBreach);
}

TEST_F(MidlandAssessment, FireOnTheCorridorEngagesItsSecurity) {
  // The provision reaches 2 km (half width) + 1 km from the road.
  const auto on_road = provision(assess(*registry_, shelling(at(10.51, 40.5), 1)), "4");
  EXPECT_EQ(on_road.verdict, Verdict::kBreach) << reasons(on_road);  // 0.85 km off
  const auto edge = provision(assess(*registry_, shelling(at(10.545, 40.5), 1)), "4");
  EXPECT_EQ(edge.verdict, Verdict::kPossibleBreach) << reasons(edge);  // 3.8 km, known to 1 km
  const auto away = provision(assess(*registry_, shelling(at(10.8, 40.5), 1)), "4");
  EXPECT_EQ(away.verdict, Verdict::kNoBreach) << reasons(away);
}

TEST_F(MidlandAssessment, WithdrawalCountsFromTheAmendedDeadline) {
  IncidentFacts facts = shelling(at(10.3, 40.02), 1);
  facts.perpetrators = {{"southland", "Southland"}};
  facts.time.start = *parse_civil_time("2030-01-12");  // after the original, before the amended
  facts.time.end = facts.time.start;
  EXPECT_EQ(provision(assess(*registry_, facts), "5").verdict, Verdict::kNoBreach);
  facts.time.start = *parse_civil_time("2030-01-20");
  facts.time.end = facts.time.start;
  EXPECT_EQ(provision(assess(*registry_, facts), "5").verdict, Verdict::kBreach);
}

TEST_F(MidlandAssessment, MonitoringIsRecordedNotChecked) {
  EXPECT_EQ(provision(assess(*registry_, shelling(at(10.3, 40.02), 1)), "6").verdict,
            Verdict::kNotChecked);
}

TEST_F(MidlandAssessment, UnknownPlaceAndPerpetratorIsUndetermined) {
  IncidentFacts facts = shelling(at(10.3, 40.02), 1);
  facts.place = {"somewhere", std::nullopt, 0, std::nullopt, "midland"};
  facts.perpetrators.clear();
  facts.attribution = AttributionGrade::kUndetermined;
  auto result = assess(*registry_, facts);
  ASSERT_EQ(result.agreements.size(), 1U) << "applies: its parties are involved";
  EXPECT_EQ(provision(result, "1").verdict, Verdict::kUndetermined);
}

}  // namespace
}  // namespace truce::assess::test
