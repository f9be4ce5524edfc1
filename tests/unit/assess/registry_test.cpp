// Loading agreements and geography: the bundled data loads whole; bad files
// are rejected with the file, the feature or provision, and the reason.
#include "assess/registry.hpp"

#include <gtest/gtest.h>

#include "serial/agreements.hpp"
#include "support/bad_input.hpp"
#include "unit/assess/registry_fixture.hpp"
#include "unit/assess/synthetic.hpp"

namespace truce::assess::test {
namespace {

using truce::test::BadInput;
using truce::test::expect_rejected;

TEST(BundledRegistry, LoadsEveryAgreementAndFeature) {
  auto registry = bundled_registry();
  ASSERT_TRUE(registry) << registry.error().message;
  for (const char* id : {"am-az-ru-2020-11-10-statement", "am-az-ru-2021-01-11-statement",
                         "ru-tr-joint-monitoring-centre", "in-pk-dgmo-2021-02-25",
                         "tcg-2020-07-22-ceasefire-measures"}) {
    EXPECT_NE(registry->agreement(id), nullptr) << id;
  }
  for (const Feature& feature : registry->features()) {
    EXPECT_TRUE(!feature.approximate || !feature.source.empty()) << feature.id;
  }
}

TEST(BundledRegistry, TheNovemberStatementHasNinePointsAndTheKalbajarAmendment) {
  auto registry = bundled_registry();
  ASSERT_TRUE(registry) << registry.error().message;
  const Agreement* statement = registry->agreement("am-az-ru-2020-11-10-statement");
  ASSERT_NE(statement, nullptr);
  std::set<std::string> points;
  for (const Provision& provision : statement->provisions) {
    points.insert(provision.point);
  }
  EXPECT_EQ(points, (std::set<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9"}));
  EXPECT_EQ(format_zoned_time(statement->effective), "2020-11-10T00:00+03:00");
  for (const Provision& provision : statement->provisions) {
    if (provision.id == "6-kalbajar") {
      ASSERT_TRUE(provision.deadline && provision.original_deadline);
      EXPECT_EQ(format_civil_time(provision.deadline->local), "2020-11-25");
      EXPECT_EQ(format_civil_time(provision.original_deadline->local), "2020-11-15");
      EXPECT_EQ(provision.amended_by, "kalbajar-deadline-2020-11-25");
    }
  }
  const Agreement* centre = registry->agreement("ru-tr-joint-monitoring-centre");
  ASSERT_NE(centre, nullptr);
  EXPECT_EQ(centre->status, AgreementStatus::kEnded);
  EXPECT_EQ(centre->provisions.at(0).members, (std::vector<std::string>{"russia", "turkey"}));
  EXPECT_EQ(centre->provisions.at(0).quorum, 2);
}

TEST(AgreementFile, WritesBackWhatItRead) {
  auto agreement = serial::read_agreement_json(kSyntheticAgreement, "midland.json");
  ASSERT_TRUE(agreement) << agreement.error().message;
  EXPECT_EQ(format_civil_time(agreement->provisions.at(4).deadline->local), "2030-01-15");
  auto features = serial::read_geography_geojson(kSyntheticGeography, "midland.geojson");
  ASSERT_TRUE(features) << features.error().message;
  auto again = serial::read_geography_geojson(serial::write_geography_geojson(*features), "x");
  ASSERT_TRUE(again) << again.error().message;
  for (std::size_t i = 0; i < features->size(); ++i) {
    (*again)[i].file = (*features)[i].file;
  }
  EXPECT_EQ(*again, *features);
}

const BadInput kBadAgreements[] = {
    {"EffectiveTimeWithoutZone", R"("effective": "2030-01-01T00:00+02:00")",
     R"("effective": "2030-01-01T00:00")",
     "midland.json:/effective: field 'effective': \"2030-01-01T00:00\" has no time zone"},
    {"UnknownProvisionKind", R"("kind": "corridor_security")", R"("kind": "corridor_safety")",
     "is not one of"},
    {"BindsAStranger", R"("binds": ["southland"])", R"("binds": ["westland"])",
     "binds \"westland\", who is not a party"},
    {"QuorumAboveMembers", R"("quorum": 2)", R"("quorum": 4)", "quorum"},
    {"AmendmentFromDisagrees", R"("from": "2030-01-10")", R"("from": "2030-01-11")",
     "provision 5's deadline is not 2030-01-11"},
    {"WithdrawalWithoutDeadline", R"(, "deadline": "2030-01-10")", "", "needs a \"deadline\""},
};

class BadAgreement : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadAgreement, IsRejectedNamingFileAndField) {
  expect_rejected(GetParam(), kSyntheticAgreement, [](std::string_view text) {
    return serial::read_agreement_json(text, "midland.json");
  });
}

INSTANTIATE_TEST_SUITE_P(Cases, BadAgreement, ::testing::ValuesIn(kBadAgreements),
                         [](const auto& test) { return std::string(test.param.name); });

const BadInput kBadGeography[] = {
    {"UnclosedRing", "[10, 40.1], [10, 39.9]]]", "[10, 40.1]]]",
     "feature 'ridge-zone': ring 0 is not closed"},
    {"LatitudeOutOfRangeLooksSwapped", "[10.1, 40.02]", "[40.02, 100.1]",
     "latitude 100.1 is outside [-90, 90] (longitude and latitude swapped?"},
    {"ValidFromWithoutZone", R"("valid_from": "2030-01-01T00:00+02:00")",
     R"("valid_from": "2030-01-01T00:00")",
     "feature 'ridge-line': \"2030-01-01T00:00\" is not a date-time with a zone"},
    {"ApproximateWithoutSource", R"("approximate": true, "source": "invented for tests")",
     R"("approximate": true)",
     "feature 'ridge-zone': approximate geometry must name its \"source\""},
    {"PostWithoutRadius", R"(, "observation_radius_km": 5)", "",
     "feature 'post-east': a feature of kind observation_post must have an "
     "\"observation_radius_km\""},
    {"TheatreWithoutOffset", R"(, "utc_offset": "+02:00")", "", "utc_offset"},
};

class BadGeography : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadGeography, IsRejectedNamingFileFeatureAndReason) {
  expect_rejected(GetParam(), kSyntheticGeography, [](std::string_view text) {
    return serial::read_geography_geojson(text, "midland.geojson");
  });
}

INSTANTIATE_TEST_SUITE_P(Cases, BadGeography, ::testing::ValuesIn(kBadGeography),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(Registry, RejectsASelfIntersectingZoneNamingFileAndFeature) {
  std::string geography(kSyntheticGeography);
  const std::string ring = "[[10, 39.9], [11, 39.9], [11, 40.1], [10, 40.1], [10, 39.9]]";
  geography.replace(geography.find(ring), ring.size(),
                    "[[10, 39.9], [11, 40.1], [11, 39.9], [10, 40.1], [10, 39.9]]");
  auto registry = registry_of({{"midland.json", std::string(kSyntheticAgreement)}},
                              {{"midland.geojson", geography}});
  ASSERT_FALSE(registry);
  EXPECT_EQ(registry.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(registry.error().message.find(
                "midland.geojson: feature 'ridge-zone': ring 0 intersects itself"),
            std::string::npos)
      << registry.error().message;
}

TEST(Registry, RejectsAProvisionNamingAnUnknownFeature) {
  std::string agreement(kSyntheticAgreement);
  agreement.replace(agreement.find("\"north-road\""), 12, "\"south-road\"");
  auto registry = registry_of({{"midland.json", agreement}},
                              {{"midland.geojson", std::string(kSyntheticGeography)}});
  ASSERT_FALSE(registry);
  EXPECT_NE(
      registry.error().message.find("midland.json: provision 4: unknown feature 'south-road'"),
      std::string::npos)
      << registry.error().message;
}

TEST(Registry, RejectsTheSameFeatureIdInTwoFiles) {
  auto registry = registry_of({}, {{"a.geojson", std::string(kSyntheticGeography)},
                                   {"b.geojson", std::string(kSyntheticGeography)}});
  ASSERT_FALSE(registry);
  EXPECT_NE(registry.error().message.find("b.geojson: feature 'midland': the id is also used in "
                                          "a.geojson"),
            std::string::npos)
      << registry.error().message;
}

}  // namespace
}  // namespace truce::assess::test
