// The founding article's incident (tests/data/seed/EXPECTED.md, "After
// assessment") against the bundled registry, with the facts the fusion will
// give it: the clash of 16 November 2021 near Mount Kilisali as Yerevan and
// Baku reported it; the place from data/gazetteer/places.tsv (kilisali,
// where_prec 2). The end-to-end test builds the same facts from the
// extractor's own reading of the article (tests/e2e/agreements_test.cpp).
#include <gtest/gtest.h>

#include "assess/assessment.hpp"
#include "unit/assess/registry_fixture.hpp"

namespace truce::assess::test {
namespace {

IncidentFacts kilisali() {
  IncidentFacts facts;
  facts.id = "seed-kilisali";
  facts.time.start = *parse_civil_time("2021-11-16");
  facts.time.end = facts.time.start;
  facts.time.timezone = "Asia/Yerevan";
  facts.place = {"Mount Kilisali area", at(46.2, 39.57),
                 bundled_precision_radii().radius_km(LocationPrecision::kNear), std::nullopt, ""};
  facts.event_types = {EventType::kAttack, EventType::kTerritorySeizure};
  facts.perpetrators = {{"azerbaijan", "Azerbaijan"}};
  facts.targets = {{"armenia", "Armenia"}};
  facts.claimed_by = {{"armenia", "Armenia"}};
  facts.attribution = AttributionGrade::kOneSided;
  facts.casualties = {{"armenia", CasualtyStatus::kKilled, {1, 1}},
                      {"armenia", CasualtyStatus::kCaptured, {13, 13}},
                      {"armenia", CasualtyStatus::kMissing, {24, 24}},
                      {"azerbaijan", CasualtyStatus::kKilled, {7, 7}},
                      {"azerbaijan", CasualtyStatus::kWounded, {10, 10}}};
  facts.assets = {{AssetKind::kPosition, AssetOutcome::kLost, CountRange{2, 2},
                   ActorRef{"armenia", "Armenia"}, ActorRef{"azerbaijan", "Azerbaijan"}, ""}};
  return facts;
}

std::string joined(const std::vector<std::string>& reasons) {
  std::string text;
  for (const auto& reason : reasons) {
    text += reason + " | ";
  }
  return text;
}

TEST(SeedAssessment, PointOneIsAPossibleBreachWithTheReasons) {
  auto registry = bundled_registry();
  ASSERT_TRUE(registry) << registry.error().message;
  IncidentAssessment result = assess(*registry, kilisali());
  const AgreementAssessment* statement = nullptr;
  for (const auto& agreement : result.agreements) {
    if (agreement.agreement == "am-az-ru-2020-11-10-statement") {
      statement = &agreement;
    }
  }
  ASSERT_NE(statement, nullptr);
  const std::string why = joined(statement->reasons);
  EXPECT_NE(
      why.find("2021-11-16, 371 days after the agreement took effect (2020-11-10T00:00+03:00)"),
      std::string::npos)
      << why;
  EXPECT_NE(why.find("km from the line of contact"), std::string::npos) << why;
  EXPECT_NE(why.find("km from the state border"), std::string::npos) << why;
  EXPECT_NE(why.find("attribution one sided: Azerbaijan named as perpetrator by Armenia"),
            std::string::npos)
      << why;
  int point_one = 0;
  for (const auto& provision : statement->provisions) {
    if (provision.point != "1") {
      continue;
    }
    ++point_one;
    const std::string reasons = joined(provision.reasons);
    EXPECT_EQ(provision.verdict, Verdict::kPossibleBreach)
        << provision.provision << ": " << reasons;
    EXPECT_NE(reasons.find("outside mapped Nagorno-Karabakh line-of-contact zone"),
              std::string::npos)
        << reasons;
    EXPECT_NE(reasons.find("the text names an area it does not draw"), std::string::npos)
        << reasons;
    EXPECT_NE(reasons.find("attribution one sided"), std::string::npos) << reasons;
    if (provision.kind == ProvisionKind::kCeasefire) {
      EXPECT_NE(reasons.find("casualties: armenia killed 1"), std::string::npos) << reasons;
    } else {
      EXPECT_NE(reasons.find("2 position lost by Armenia to Azerbaijan"), std::string::npos)
          << reasons;
    }
  }
  EXPECT_EQ(point_one, 2);
}

TEST(SeedAssessment, TheDistanceToTheLineIsAboutFortyKilometres) {
  auto registry = bundled_registry();
  ASSERT_TRUE(registry) << registry.error().message;
  double km =
      registry->lines("nk-line-of-contact-2020")->nearest(at(46.2, 39.57)).distance_m / 1000;
  EXPECT_GT(km, 30);  // outside the 25 km radius with a margin
  EXPECT_LT(km, 50);
}

TEST(SeedAssessment, TheLaterAndOtherTheatresAgreementsDoNotApply) {
  auto registry = bundled_registry();
  ASSERT_TRUE(registry) << registry.error().message;
  IncidentAssessment result = assess(*registry, kilisali());
  std::set<std::string> applying;
  for (const auto& agreement : result.agreements) {
    applying.insert(agreement.agreement);
  }
  EXPECT_EQ(applying.count("in-pk-dgmo-2021-02-25"), 0U);
  EXPECT_EQ(applying.count("tcg-2020-07-22-ceasefire-measures"), 0U);
  EXPECT_EQ(applying.count("ru-tr-joint-monitoring-centre"), 1U);
}

}  // namespace
}  // namespace truce::assess::test
