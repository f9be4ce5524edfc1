// The facts an assessment reads off a stored incident (service/incident_facts.hpp):
// the time every account allows, the most precise place as a disc, actors as
// the parties they act for, reconciled figures, and the bundled data they
// need; and the Monitor methods that assess stored incidents. Actors and
// places of the synthetic records are fictional.
#include "service/incident_facts.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "service/monitor.hpp"
#include "support/run_command.hpp"

namespace truce::service {
namespace {

const std::filesystem::path kData = std::filesystem::path(TRUCE_SOURCE_DIR) / "data";

TimeInterval interval(const char* start, const char* end, TimePrecision precision,
                      std::string zone = {}) {
  return {*parse_civil_time(start), *parse_civil_time(end), precision, std::move(zone)};
}

Claim account(const char* id, const char* claimant, TimeInterval time) {
  Claim claim;
  claim.id = ClaimId(id);
  claim.claimant = {claimant, std::string("claimant ") + claimant};
  claim.event_type = EventType::kShelling;
  claim.time = std::move(time);
  return claim;
}

report::IncidentRecord record_of(std::vector<Claim> claims) {
  report::IncidentRecord record;
  record.incident.id = IncidentId("inc_00000000000000000001");
  for (Claim& claim : claims) {
    record.incident.members.push_back({claim.id, {}});
    record.members.push_back({std::move(claim), {}, {}});
  }
  return record;
}

const fusion::ActorParties kParties({{"north-mod", "northland"},
                                     {"north-army", "northland"},
                                     {"south-mod", "southland"},
                                     {"northland", "northland"},
                                     {"southland", "southland"},
                                     {"wire", ""}});

class IncidentFactsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = AssessmentData::load(kData);
    ASSERT_TRUE(loaded) << loaded.error().message;
    data_ = new AssessmentData(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete data_;
    data_ = nullptr;
  }
  assess::IncidentFacts facts_of(const report::IncidentRecord& record) const {
    return incident_facts(record, kParties, data_->radii);
  }
  static AssessmentData* data_;
};
AssessmentData* IncidentFactsTest::data_ = nullptr;

TEST_F(IncidentFactsTest, TheTimeIsWhereTheAccountsMeet) {
  auto facts = facts_of(
      record_of({account("clm_1", "north-mod",
                         interval("2030-03-10", "2030-03-16", TimePrecision::kWeek, "+02:00")),
                 account("clm_2", "south-mod",
                         interval("2030-03-12", "2030-03-12", TimePrecision::kDay, "+02:00"))}));
  EXPECT_EQ(format_civil_time(facts.time.start), "2030-03-12");
  EXPECT_EQ(format_civil_time(facts.time.end), "2030-03-12");
  EXPECT_EQ(facts.time.precision, TimePrecision::kDay);
  EXPECT_EQ(facts.time.timezone, "+02:00");
  EXPECT_EQ(facts.id, "inc_00000000000000000001");
}

TEST_F(IncidentFactsTest, AccountsThatDoNotMeetGiveTheirWholeSpanAndDisagreeingZonesNone) {
  auto facts = facts_of(
      record_of({account("clm_1", "north-mod",
                         interval("2030-03-10", "2030-03-10", TimePrecision::kDay, "+02:00")),
                 account("clm_2", "south-mod",
                         interval("2030-03-11T23:30", "2030-03-11T23:30", TimePrecision::kMinute,
                                  "+03:00"))}));
  EXPECT_EQ(format_civil_time(facts.time.start), "2030-03-10");
  EXPECT_EQ(format_civil_time(facts.time.end), "2030-03-11T23:30");
  EXPECT_EQ(facts.time.precision, TimePrecision::kSpan);
  EXPECT_EQ(facts.time.timezone, "");
}

TEST_F(IncidentFactsTest, TheMostPreciseLocatedAccountGivesThePlaceWithTheDataFilesRadius) {
  Claim vague =
      account("clm_1", "north-mod", interval("2030-03-10", "2030-03-10", TimePrecision::kDay));
  vague.place = Place{"Upper District", make_point(10.0, 40.0), LocationPrecision::kAdmin2, "", ""};
  Claim named_only = vague;
  named_only.id = ClaimId("clm_2");
  named_only.place = Place{"somewhere", std::nullopt, LocationPrecision::kExact, "", ""};
  Claim near = vague;
  near.id = ClaimId("clm_3");
  near.place = Place{"near Hilltown", make_point(10.2, 40.1), LocationPrecision::kNear, "", ""};
  auto facts = facts_of(record_of({vague, named_only, near}));
  EXPECT_EQ(facts.place.name, "near Hilltown");
  ASSERT_TRUE(facts.place.point);
  EXPECT_EQ(facts.place.point->lon.degrees, 10.2);
  EXPECT_EQ(facts.place.radius_km, data_->radii.radius_km(LocationPrecision::kNear));
  EXPECT_EQ(facts.place.radius_km, 25);  // UCDP's "within about 25 km"

  auto unlocated = facts_of(record_of({named_only}));
  EXPECT_EQ(unlocated.place.name, "somewhere");
  EXPECT_FALSE(unlocated.place.point);
  EXPECT_FALSE(unlocated.place.area);
}

TEST_F(IncidentFactsTest, AnAreaStaysAnArea) {
  Claim claim =
      account("clm_1", "north-mod", interval("2030-03-10", "2030-03-10", TimePrecision::kDay));
  Geometry square{GeometryType::kPolygon,
                  {{{{10}, {40}}, {{11}, {40}}, {{11}, {41}}, {{10}, {41}}, {{10}, {40}}}}};
  claim.place = Place{"the valley", square, LocationPrecision::kAdmin1, "", ""};
  auto facts = facts_of(record_of({claim}));
  ASSERT_TRUE(facts.place.area);
  EXPECT_EQ(*facts.place.area, square);
  EXPECT_EQ(facts.place.radius_km, data_->radii.radius_km(LocationPrecision::kAdmin1));
}

TEST_F(IncidentFactsTest, ActorsAreThePartiesTheyActForOnceEach) {
  Claim north =
      account("clm_1", "north-mod", interval("2030-03-10", "2030-03-10", TimePrecision::kDay));
  north.perpetrator = ActorRef{"south-mod", "Southern ministry"};
  north.target = ActorRef{"north-army", "Northern army"};
  north.assets = {{AssetKind::kPosition, AssetOutcome::kLost, exactly(2),
                   ActorRef{"north-army", "Northern army"}, ActorRef{"south-mod", "South"},
                   "two posts"}};
  north.weapons = {{WeaponClass::kMortar, "82mm"}};
  Claim again = north;  // a second account of the same loss
  again.id = ClaimId("clm_2");
  again.claimant = {"northland", "Northland"};
  again.perpetrator = ActorRef{"southland", "Southland"};
  again.assets[0].description = "the two posts";
  again.weapons = {{WeaponClass::kMortar, ""}, {WeaponClass::kArtillery, ""}};
  Claim south =
      account("clm_3", "south-mod", interval("2030-03-10", "2030-03-10", TimePrecision::kDay));
  south.event_type = EventType::kArmedClash;
  Claim outlet =
      account("clm_4", "wire", interval("2030-03-10", "2030-03-10", TimePrecision::kDay));
  outlet.perpetrator = ActorRef{"unlisted-group", "Unlisted group"};
  auto facts = facts_of(record_of({north, again, south, outlet}));
  ASSERT_EQ(facts.perpetrators.size(), 2U);
  EXPECT_EQ(facts.perpetrators[0].id, "southland");
  EXPECT_EQ(facts.perpetrators[0].name, "Southern ministry");  // as the first account names it
  EXPECT_EQ(facts.perpetrators[1].id, "unlisted-group");       // unknown: its own party
  ASSERT_EQ(facts.claimed_by.size(), 2U);
  EXPECT_EQ(facts.claimed_by[0].id, "northland");
  EXPECT_EQ(facts.claimed_by[1].id, "wire");  // acts for none: stays itself
  ASSERT_EQ(facts.targets.size(), 1U);
  EXPECT_EQ(facts.targets[0].id, "northland");
  ASSERT_EQ(facts.assets.size(), 1U);
  EXPECT_EQ(facts.assets[0].owner->id, "northland");
  EXPECT_EQ(facts.assets[0].gainer->id, "southland");
  EXPECT_EQ(facts.event_types,
            (std::vector<EventType>{EventType::kShelling, EventType::kArmedClash}));
  EXPECT_EQ(facts.weapons,
            (std::vector<WeaponClass>{WeaponClass::kMortar, WeaponClass::kArtillery}));
}

TEST_F(IncidentFactsTest, CasualtiesAndAttributionAreFusionsReconciledOnes) {
  auto record = record_of(
      {account("clm_1", "north-mod", interval("2030-03-10", "2030-03-10", TimePrecision::kDay))});
  fusion::ReconciledFigure killed;
  killed.side = Side{SideKind::kCombatants, ActorRef{"north-army", "Northern army"}};
  killed.status = CasualtyStatus::kKilled;
  killed.estimate = {3, 4, 6};
  fusion::ReconciledFigure civilians;
  civilians.side = Side{SideKind::kCivilians, std::nullopt};
  civilians.status = CasualtyStatus::kWounded;
  civilians.estimate = {2, 2, 2};
  record.reconciliation.figures = {killed, civilians};
  record.reconciliation.attribution = fusion::AttributionGrade::kContested;
  auto facts = facts_of(record);
  EXPECT_EQ(facts.attribution, assess::AttributionGrade::kContested);
  ASSERT_EQ(facts.casualties.size(), 2U);
  EXPECT_EQ(facts.casualties[0].side, "northland");
  EXPECT_EQ(facts.casualties[0].status, CasualtyStatus::kKilled);
  EXPECT_EQ(facts.casualties[0].count, (CountRange{3, 6}));
  EXPECT_EQ(facts.casualties[1].side, "civilians");
}

TEST(AssessmentData, ABrokenPrecisionFileIsNamed) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "assessment");
  { std::ofstream(dir / "assessment/precision.tsv") << "1\t1\n2\tfar\n"; }
  auto loaded = AssessmentData::load(dir.path());
  ASSERT_FALSE(loaded);
  EXPECT_NE(loaded.error().message.find("precision.tsv:2: field 'radius_km'"), std::string::npos)
      << loaded.error().message;
}

// The methods the HTTP layer will serve (GET /incidents/{id}/assessments,
// GET /alerts) over a real database holding the founding article's claims
// (data/examples/2021-11-16-kilisali.json, the bundled example).
TEST(MonitorAssessments, OneIncidentsAssessmentAndTheStoredAlerts) {
  test::TempDir dir;
  auto monitor = Monitor::open((dir / "truce.db").string(), storage::OpenMode::kCreate);
  ASSERT_TRUE(monitor) << monitor.error().message;
  auto outcomes = monitor->ingest({kData / "examples/2021-11-16-kilisali.json"}, {});
  ASSERT_EQ(outcomes.size(), 1U);
  ASSERT_FALSE(outcomes[0].error) << outcomes[0].error->message;
  ASSERT_GT(outcomes[0].incidents_created, 0);
  storage::IncidentQuery all;
  all.limit = 0;
  auto listed = monitor->assess_incidents(all);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_FALSE(listed->empty());
  const IncidentId id(listed->front().incident);
  auto one = monitor->incident_assessment(id);
  ASSERT_TRUE(one) << one.error().message;
  auto shown = monitor->incident(id);
  ASSERT_TRUE(shown) << shown.error().message;
  ASSERT_TRUE(shown->agreements);
  for (const auto* assessment : {&*one, &*shown->agreements}) {
    EXPECT_EQ(assessment->incident, id.str());
    EXPECT_EQ(assessment->agreements.size(), listed->front().agreements.size());
    EXPECT_EQ(assess::worst_verdict(*assessment), assess::worst_verdict(listed->front()));
  }
  auto alerts = monitor->stored_alerts();
  ASSERT_TRUE(alerts) << alerts.error().message;
  EXPECT_FALSE(alerts->empty());
  auto missing = monitor->incident_assessment(IncidentId("inc_00000000000000000000"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace truce::service
