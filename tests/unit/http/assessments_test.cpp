// Assessments, alerts and coverage of stored incidents over real loopback
// HTTP: the CLI's JSON shapes (compared with the built binary's --json), the
// filters, cursors, the public view and refused parameters.
#include <gtest/gtest.h>

#include <set>

#include "harbourland_fixture.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

const std::filesystem::path kBinary = TRUCE_BINARY;

json cli_json(RunningApi& api, std::vector<std::string> args) {
  args.insert(args.end(), {"--db", api.db(), "--json"});
  auto result = run_command(kBinary, args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return json::parse(result.out);
}

std::vector<json> all_assessments(RunningApi& api, const std::string& filters, Role role,
                                  int limit) {
  std::vector<json> items;
  std::string cursor;
  for (int guard = 0; guard < 1000; ++guard) {
    std::string target = "/api/v1/assessments?limit=" + std::to_string(limit) + filters +
                         (cursor.empty() ? "" : "&cursor=" + cursor);
    auto response = api.get(target, role);
    EXPECT_EQ(response.status, 200) << target << " " << response.body;
    if (response.status != 200) {
      break;
    }
    const json page = response.json();
    EXPECT_EQ(page["limit"], limit);
    EXPECT_LE(page["assessments"].size(), static_cast<std::size_t>(limit));
    for (const auto& item : page["assessments"]) {
      items.push_back(item);
    }
    if (page["next_cursor"].is_null()) {
      break;
    }
    EXPECT_EQ(page["assessments"].size(), static_cast<std::size_t>(limit)) << target;
    cursor = page["next_cursor"];
  }
  return items;
}

std::vector<std::string> ids_of(const std::vector<json>& assessments) {
  std::vector<std::string> ids;
  for (const auto& item : assessments) {
    ids.push_back(item["incident"]);
  }
  return ids;
}

bool applies(const json& assessment, const std::string& agreement) {
  for (const auto& item : assessment["agreements"]) {
    if (item["agreement"] == agreement) {
      return true;
    }
  }
  return false;
}

class Assessments : public ::testing::Test {
 protected:
  void SetUp() override { add_harbourland(api_); }
  RunningApi api_;
};

TEST_F(Assessments, EveryIncidentIsAssessedAsTruceAssessPrintsIt) {
  const json cli = cli_json(api_, {"assess"});
  std::map<std::string, json> by_incident;
  for (const auto& item : cli["assessments"]) {
    by_incident[item["incident"].get<std::string>()] = item;
  }
  auto listed = all_assessments(api_, "", Role::kAnalyst, 1000);
  ASSERT_EQ(listed.size(), by_incident.size());
  for (const auto& item : listed) {
    EXPECT_EQ(item, by_incident[item["incident"].get<std::string>()]);
  }
  // One incident on its own, the same object.
  const std::string id = listed.front()["incident"];
  auto one = api_.get("/api/v1/incidents/" + id + "/assessment", Role::kMonitor);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json()["assessment"], by_incident[id]);
}

TEST_F(Assessments, PagesFollowTheIncidentsStableOrder) {
  auto incidents = api_.get("/api/v1/incidents?limit=1000", Role::kAnalyst).json()["incidents"];
  std::vector<std::string> order;
  for (const auto& item : incidents) {
    order.push_back(item["id"]);
  }
  ASSERT_GE(order.size(), 5U);
  EXPECT_EQ(ids_of(all_assessments(api_, "", Role::kAnalyst, 2)), order);
  EXPECT_EQ(ids_of(all_assessments(api_, "", Role::kAnalyst, 1)), order);
  // The incident filters select as on /incidents.
  auto theatre = ids_of(all_assessments(api_, "&theatre=harbourland", Role::kAnalyst, 10));
  EXPECT_EQ(theatre, std::vector<std::string>{incident_of_day(api_, "2031-03-10")});
}

TEST_F(Assessments, AgreementAndVerdictKeepOnlyWhatTheyName) {
  const auto all = all_assessments(api_, "", Role::kAnalyst, 1000);
  const auto joint =
      all_assessments(api_, "&agreement=harbourland-joint-commission", Role::kAnalyst, 1);
  std::set<std::string> expected;
  for (const auto& item : all) {
    if (applies(item, "harbourland-joint-commission")) {
      expected.insert(item["incident"].get<std::string>());
    }
  }
  auto found = ids_of(joint);
  EXPECT_EQ(std::set<std::string>(found.begin(), found.end()), expected);
  // The quay (certain) and the placeless attack by a party (possible).
  EXPECT_EQ(expected.size(), 2U);
  EXPECT_TRUE(expected.count(incident_of_day(api_, "2031-03-10")));
  EXPECT_TRUE(expected.count(incident_of_day(api_, "2031-03-20")));

  std::size_t counted = 0;
  for (const std::string verdict :
       {"breach", "possible_breach", "no_breach", "undetermined", "not_checked"}) {
    auto kept = all_assessments(api_, "&verdict=" + verdict, Role::kAnalyst, 3);
    for (const auto& item : kept) {
      EXPECT_EQ(item["verdict"], verdict);
    }
    counted += kept.size();
  }
  EXPECT_EQ(counted, all.size());
  // With an agreement, the verdict is that of its provisions: the observer
  // mission has only a monitoring provision, which is not checked.
  auto observer = all_assessments(
      api_, "&agreement=harbourland-observer-mission&verdict=not_checked", Role::kAnalyst, 10);
  EXPECT_EQ(observer.size(), 2U);
  EXPECT_TRUE(all_assessments(api_, "&agreement=harbourland-observer-mission&verdict=breach",
                              Role::kAnalyst, 10)
                  .empty());
}

TEST_F(Assessments, ThePublicSeesPublishedIncidentsOnly) {
  const std::string id = incident_of_day(api_, "2031-03-10");
  EXPECT_TRUE(api_.get("/api/v1/assessments").json()["assessments"].empty());
  EXPECT_TRUE(api_.get("/api/v1/assessments", Role::kLiaison).json()["assessments"].empty());
  EXPECT_EQ(api_.get("/api/v1/incidents/" + id + "/assessment").status, 404);
  EXPECT_EQ(api_.get("/api/v1/incidents/" + id + "/assessment", Role::kLiaison).status, 404);
  ASSERT_EQ(api_.post("/api/v1/incidents/" + id + "/publish", "", Role::kOperator).status, 200);
  auto listed = api_.get("/api/v1/assessments").json()["assessments"];
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0]["incident"], id);
  auto one = api_.get("/api/v1/incidents/" + id + "/assessment", Role::kLiaison);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json()["assessment"], listed[0]);
  EXPECT_EQ(
      api_.get("/api/v1/incidents/inc_00000000000000000000/assessment", Role::kAnalyst).status,
      404);
}

TEST_F(Assessments, AlertsAreTruceAlertsAndThePublicCountsPublishedIncidentsOnly) {
  auto alerts = api_.get("/api/v1/alerts", Role::kAnalyst);
  ASSERT_EQ(alerts.status, 200) << alerts.body;
  EXPECT_EQ(alerts.json(), cli_json(api_, {"alerts"}));
  const json all = alerts.json()["alerts"];
  ASSERT_FALSE(all.empty()) << "the fixture's reports name the killed";
  // The public view counts published incidents only: none yet.
  EXPECT_EQ(api_.get("/api/v1/alerts").json()["total"], 0);
  // Filters keep what they name.
  const std::string day = all[0]["day"];
  auto same_day = api_.get("/api/v1/alerts?since=" + day + "&until=" + day, Role::kAnalyst);
  std::size_t expected_day = 0;
  for (const auto& alert : all) {
    expected_day += alert["day"] == day ? 1 : 0;
  }
  EXPECT_EQ(same_day.json()["alerts"].size(), expected_day);
  // The CLI's flags select the same alerts.
  for (const auto& [query, flags] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"?kind=death", {"--kind", "death"}},
           {"?since=" + day + "&until=" + day, {"--since", day, "--until", day}},
           {"?theatre=south-caucasus", {"--theatre", "south-caucasus"}},
           {"?agreement=in-pk-dgmo-2021-02-25", {"--agreement", "in-pk-dgmo-2021-02-25"}}}) {
    std::vector<std::string> args = {"alerts"};
    args.insert(args.end(), flags.begin(), flags.end());
    EXPECT_EQ(api_.get("/api/v1/alerts" + query, Role::kAnalyst).json(), cli_json(api_, args))
        << query;
  }
  EXPECT_EQ(
      api_.get("/api/v1/alerts?agreement=in-pk-dgmo-2021-02-25", Role::kAnalyst).json()["total"],
      0);  // no incident of the fixture is in Kashmir
  auto refused = run_command(kBinary, {"alerts", "--db", api_.db(), "--kind", "storm"});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("storm"), std::string::npos) << refused.err;
  auto deaths = api_.get("/api/v1/alerts?kind=death", Role::kAnalyst).json()["alerts"];
  for (const auto& alert : deaths) {
    EXPECT_EQ(alert["kind"], "death");
  }
  EXPECT_FALSE(deaths.empty());
  EXPECT_EQ(api_.get("/api/v1/alerts?theatre=harbourland", Role::kAnalyst).json()["total"], 0);
  EXPECT_EQ(api_.get("/api/v1/alerts?agreement=harbourland-joint-commission", Role::kAnalyst)
                .json()["total"],
            0);
}

TEST_F(Assessments, CoverageIsTruceCoverage) {
  auto coverage =
      api_.get("/api/v1/coverage?line=nk-line-of-contact-2020&at=2021-11-16", Role::kAnalyst);
  ASSERT_EQ(coverage.status, 200) << coverage.body;
  EXPECT_EQ(coverage.json(), cli_json(api_, {"coverage", "--line", "nk-line-of-contact-2020",
                                             "--at", "2021-11-16"}));
  EXPECT_EQ(api_.get("/api/v1/coverage?line=nk-line-of-contact-2020&at=2021-11-16").status, 401);
  EXPECT_EQ(api_.get("/api/v1/coverage?line=nk-line-of-contact-2020&at=2021-11-16", Role::kLiaison)
                .status,
            403);
  EXPECT_EQ(api_.get("/api/v1/coverage?line=no-such-line&at=2021-11-16", Role::kAnalyst).status,
            404);
}

TEST_F(Assessments, UnknownParametersAndMalformedValuesAre400) {
  struct Case {
    std::string target;
    std::string code;
    std::string parameter;
  };
  for (const Case& bad : std::vector<Case>{
           {"/api/v1/assessments?colour=red", "unknown_parameter", "colour"},
           {"/api/v1/assessments?verdict=guilty", "invalid_parameter", "verdict"},
           {"/api/v1/assessments?agreement=Not_A_Slug", "invalid_parameter", "agreement"},
           {"/api/v1/assessments?agreement=no-such-agreement", "invalid_parameter", "agreement"},
           {"/api/v1/assessments?state=maybe", "invalid_parameter", "state"},
           {"/api/v1/assessments?cursor=zz", "invalid_parameter", "cursor"},
           {"/api/v1/assessments?limit=0", "invalid_parameter", "limit"},
           {"/api/v1/incidents/inc_00000000000000000000/assessment?x=1", "unknown_parameter", "x"},
           {"/api/v1/alerts?kind=storm", "invalid_parameter", "kind"},
           {"/api/v1/alerts?since=2021-11-16T10:00", "invalid_parameter", "since"},
           {"/api/v1/alerts?since=2022-01-01&until=2021-01-01", "invalid_parameter", "until"},
           {"/api/v1/alerts?agreement=no-such-agreement", "invalid_parameter", "agreement"},
           {"/api/v1/alerts?limit=5", "unknown_parameter", "limit"},
           {"/api/v1/coverage?at=2021-11-16", "invalid_parameter", "line"},
           {"/api/v1/coverage?line=nk-line-of-contact-2020", "invalid_parameter", "at"},
           {"/api/v1/coverage?line=nk-line-of-contact-2020&at=soon", "invalid_parameter", "at"},
           {"/api/v1/coverage?line=x&at=2021-11-16&posts=a,,b", "invalid_parameter", "posts"},
       }) {
    auto response = api_.get(bad.target, Role::kAnalyst);
    EXPECT_EQ(response.status, 400) << bad.target << " " << response.body;
    EXPECT_EQ(response.json()["code"], bad.code) << bad.target;
    EXPECT_EQ(response.json()["parameter"], bad.parameter) << bad.target;
  }
}

}  // namespace
}  // namespace truce::test
