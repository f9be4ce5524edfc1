// Assessments of stored incidents through the built binary: the founding
// article read, fused and assessed (tests/data/seed/EXPECTED.md, "After
// assessment"), and assessments that follow every change — an analyst's
// decision, a new account of the same clash, an agreement loaded.
#include <algorithm>
#include <fstream>

#include "e2e.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

const std::filesystem::path kSeed = kSourceDir / "tests/data/seed/ar-sputnik-2021-11-21.txt";
const std::filesystem::path kStatements = kSourceDir / "tests/data/fusion/kilisali";
const std::string kStatement = "am-az-ru-2020-11-10-statement";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string joined(const json& reasons) {
  std::string text;
  for (const auto& reason : reasons) {
    text += reason.get<std::string>() + " | ";
  }
  return text;
}

// The assessment of `agreement` within an incident's assessment; null if absent.
json agreement_in(const json& assessment, const std::string& agreement) {
  for (const auto& item : assessment["agreements"]) {
    if (item["agreement"] == agreement) {
      return item;
    }
  }
  return nullptr;
}

// provision id -> verdict
std::map<std::string, std::string> verdicts(const json& agreement) {
  std::map<std::string, std::string> found;
  for (const auto& provision : agreement["provisions"]) {
    found[provision["provision"].get<std::string>()] = provision["verdict"].get<std::string>();
  }
  return found;
}

class StoredAssessment : public CliTest {
 protected:
  void ingest(const std::filesystem::path& file) {
    auto result = truce({"ingest", "--db", db_, file.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  // The stored claim of `claimant` (the founding article has one per claimant).
  std::string claim_of(const std::string& claimant) {
    const json listed = json_of({"claims", "--limit", "1000"});
    for (const auto& item : listed["claims"]) {
      if (item["claimant"]["id"] == claimant) {
        return item["id"].get<std::string>();
      }
    }
    ADD_FAILURE() << "no claim of " << claimant;
    return "";
  }

  // The incident `claim` is a member of.
  std::string incident_holding(const std::string& claim) {
    const json incidents = json_of({"incidents", "--limit", "1000"});
    for (const auto& incident : incidents["incidents"]) {
      for (const auto& member : incident["claims"]) {
        if (member == claim) {
          return incident["id"].get<std::string>();
        }
      }
    }
    ADD_FAILURE() << "no incident holds " << claim;
    return "";
  }

  json statement_of(const std::string& incident) {
    json shown = json_of({"show", incident});
    EXPECT_TRUE(shown.contains("assessment")) << shown.dump(1);
    json statement = agreement_in(shown["assessment"], kStatement);
    EXPECT_FALSE(statement.is_null()) << shown["assessment"].dump(1);
    return statement;
  }
};

TEST_F(StoredAssessment, TheFoundingArticlesIncidentIsAPossibleBreachOfPointOne) {
  ingest(kSeed);
  const json listed = json_of({"incidents"});
  ASSERT_EQ(listed["incidents"].size(), 1U) << listed.dump(1);
  const std::string id = listed["incidents"][0]["id"];
  const json statement = statement_of(id);
  ASSERT_FALSE(statement.is_null());
  const std::string reasons = joined(statement["reasons"]);
  EXPECT_TRUE(
      contains(reasons, "371 days after the agreement took effect (2020-11-10T00:00+03:00)"))
      << reasons;
  EXPECT_TRUE(contains(reasons, "km from the line of contact")) << reasons;
  EXPECT_TRUE(contains(reasons, "attribution one sided")) << reasons;
  int point_one = 0;
  for (const auto& provision : statement["provisions"]) {
    if (provision["point"] != "1") {
      continue;
    }
    ++point_one;
    EXPECT_EQ(provision["verdict"], "possible_breach") << provision.dump(1);
    const std::string why = joined(provision["reasons"]);
    EXPECT_TRUE(contains(why, "outside")) << why;  // the mapped zone
    EXPECT_TRUE(contains(why, "attribution one sided")) << why;
  }
  EXPECT_EQ(point_one, 2) << statement.dump(1);
  // 1a is engaged by the attack and the casualties, 1b by the two positions lost.
  const auto by_provision = verdicts(statement);
  std::string positions;
  for (const auto& provision : statement["provisions"]) {
    positions += joined(provision["reasons"]);
  }
  EXPECT_TRUE(contains(positions, "armenia killed 1")) << positions;
  EXPECT_TRUE(contains(positions, "azerbaijan killed 7")) << positions;
  EXPECT_TRUE(contains(positions, "2 position")) << positions;

  // The text of `truce show` and `truce assess` (stored incidents) say the same.
  auto text = truce({"show", id, "--db", db_});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "\nagreements (possible_breach")) << text.out;
  EXPECT_TRUE(contains(text.out, kStatement)) << text.out;
  const json assessed = json_of({"assess"});
  ASSERT_EQ(assessed["total"], 1) << assessed.dump(1);
  EXPECT_EQ(assessed["assessments"][0]["incident"], id);
  EXPECT_EQ(verdicts(agreement_in(assessed["assessments"][0], kStatement)), by_provision);
  auto listing = truce({"assess", "--db", db_});
  EXPECT_TRUE(contains(listing.out, "Incident " + id + ": possible_breach")) << listing.out;
}

TEST_F(StoredAssessment, AnAnalystsDecisionChangesTheAssessment) {
  ingest(kSeed);
  const std::string yerevan = claim_of("am-mod");
  const std::string baku = claim_of("az-mod");
  const std::string clash = incident_holding(yerevan);
  ASSERT_EQ(clash, incident_holding(baku));
  ASSERT_EQ(verdicts(statement_of(clash)).at("1b"), "possible_breach");
  auto detached = truce({"incident", "detach", clash, yerevan, "--by", "analyst", "--reason",
                         "testing that assessments follow", "--db", db_});
  ASSERT_EQ(detached.exit_code, 0) << detached.err;
  // Baku's account alone names no perpetrator and no ground lost.
  ASSERT_NE(incident_holding(baku), incident_holding(yerevan));
  const json alone = statement_of(incident_holding(baku));
  EXPECT_EQ(verdicts(alone).at("1b"), "no_breach") << alone.dump(1);
  EXPECT_TRUE(contains(joined(alone["reasons"]), "attribution undetermined")) << alone.dump(1);
}

TEST_F(StoredAssessment, AnotherAccountOfTheClashMakesTheAttributionContested) {
  ingest(kSeed);
  const std::string yerevan = claim_of("am-mod");
  const std::string before = incident_holding(yerevan);
  EXPECT_TRUE(contains(joined(statement_of(before)["reasons"]), "attribution one sided"));
  for (const auto& entry : std::filesystem::directory_iterator(kStatements)) {
    if (entry.path().extension() == ".json" && entry.path().filename() != "expected.json") {
      ingest(entry.path());
    }
  }
  const std::string after = incident_holding(yerevan);
  const std::string reasons = joined(statement_of(after)["reasons"]);
  EXPECT_TRUE(contains(reasons, "attribution contested")) << reasons;
}

// A fictional arrangement over the bundled South Caucasus theatre, between
// fictional parties: it applies to the clash by time and place, and binds
// no one named in it.
const std::string kFictionalArrangement = R"json({"format": "truce-agreement/1",
  "id": "test-fictional-arrangement", "version": 1,
  "title": "Northland-Southland arrangement (fictional, for tests)",
  "parties": [{"id": "northland", "name": "Northland"}, {"id": "southland", "name": "Southland"}],
  "timezone": "+04:00", "effective": "2021-11-01T00:00+04:00", "status": "in_force",
  "area": ["south-caucasus"], "text_source": "invented for tests",
  "provisions": [{"id": "1", "kind": "ceasefire", "title": "Cease fire", "text": "Cease fire.",
                  "binds": ["northland", "southland"]}]})json";

TEST_F(StoredAssessment, ALoadedAgreementJoinsTheAssessment) {
  ingest(kSeed);
  const std::string id = json_of({"incidents"})["incidents"][0]["id"];
  EXPECT_TRUE(
      agreement_in(json_of({"show", id})["assessment"], "test-fictional-arrangement").is_null());
  const auto file = dir_.path() / "test-fictional-arrangement.json";
  std::ofstream(file) << kFictionalArrangement;
  auto loaded = truce({"agreements", "load", "--db", db_, file.string()});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  const json arrangement =
      agreement_in(json_of({"show", id})["assessment"], "test-fictional-arrangement");
  ASSERT_FALSE(arrangement.is_null());
  EXPECT_EQ(verdicts(arrangement).at("1"), "no_breach") << arrangement.dump(1);
  EXPECT_TRUE(contains(joined(arrangement["provisions"][0]["reasons"]), "no party it binds"))
      << arrangement.dump(1);
}

TEST_F(StoredAssessment, AlertsAndCoverageWorkOverStoredIncidents) {
  ingest(kSeed);
  const json alerts = json_of({"alerts"});
  bool capture = false;
  for (const auto& alert : alerts["alerts"]) {
    capture = capture || alert["kind"] == "capture";
  }
  EXPECT_TRUE(capture) << alerts.dump(1);  // two positions lost
  const json coverage =
      json_of({"coverage", "--line", "nk-line-of-contact-2020", "--at", "2021-11-16"});
  EXPECT_EQ(coverage["incidents"].size(), 1U) << coverage.dump(1);
}

}  // namespace
}  // namespace truce::test
