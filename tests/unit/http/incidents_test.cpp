// Incidents over real loopback HTTP: the listing from stored summaries with
// its filters and cursors, the public view (published incidents only, without
// claims), reads of claims on the audit log, analysts' corrections, and the
// whole joint verification of an incident under the Russian-Turkish
// monitoring centre (data/agreements), including the refusal of a second
// sign-off by the same member.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

std::vector<json> all_pages(RunningApi& api, const std::string& filters, Role role, int limit) {
  std::vector<json> items;
  std::string cursor;
  for (int guard = 0; guard < 1000; ++guard) {
    std::string target = "/api/v1/incidents?limit=" + std::to_string(limit) + filters +
                         (cursor.empty() ? "" : "&cursor=" + cursor);
    auto response = api.get(target, role);
    EXPECT_EQ(response.status, 200) << target << " " << response.body;
    if (response.status != 200) {
      break;
    }
    json page = response.json();
    for (const auto& item : page["incidents"]) {
      items.push_back(item);
    }
    if (page["next_cursor"].is_null()) {
      break;
    }
    cursor = page["next_cursor"];
  }
  return items;
}

std::string user_token(RunningApi& api, const std::string& name, Role role,
                       const std::string& affiliation) {
  auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
  EXPECT_TRUE(monitor);
  auto added = monitor->accounts().add_user({name, role, affiliation, std::nullopt}, "test");
  EXPECT_TRUE(added) << added.error().message;
  return *monitor->accounts().issue_token(name, "test");
}

// The incident of the fixture's Kilisali report (November 2021, without
// coordinates).
std::string kilisali_incident(RunningApi& api) {
  auto page = api.get("/api/v1/incidents?since=2021-11-16&until=2021-11-16", Role::kAnalyst);
  EXPECT_EQ(page.status, 200) << page.body;
  auto incidents = page.json()["incidents"];
  EXPECT_FALSE(incidents.empty()) << page.body;
  return incidents.empty() ? std::string() : incidents[0]["id"].get<std::string>();
}

// An incident the Russian-Turkish centre can verify: its assessment applies
// the centre's agreement (a located incident of the fixture's September 2022
// report, inside the South Caucasus theatre and the centre's period).
std::string monitored_incident(RunningApi& api) {
  const json incidents =
      api.get("/api/v1/incidents?limit=1000", Role::kAnalyst).json()["incidents"];
  for (const auto& incident : incidents) {
    const std::string id = incident["id"];
    const json review = api.get("/api/v1/incidents/" + id + "/review", Role::kAnalyst).json();
    if (!review["mechanisms"].empty()) {
      return id;
    }
  }
  ADD_FAILURE() << "no incident of the fixture has a monitoring mechanism";
  return "";
}

TEST(IncidentListing, PagesWalkEveryIncidentOnceInTheStableOrder) {
  RunningApi api;
  auto whole = api.get("/api/v1/incidents?limit=1000", Role::kAnalyst);
  ASSERT_EQ(whole.status, 200) << whole.body;
  const auto expected = whole.json()["incidents"];
  ASSERT_GE(expected.size(), 3U) << whole.body;
  auto paged = all_pages(api, "", Role::kAnalyst, 2);
  ASSERT_EQ(paged.size(), expected.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < paged.size(); ++i) {
    EXPECT_EQ(paged[i]["id"], expected[i]["id"]);
    EXPECT_TRUE(seen.insert(paged[i]["id"].get<std::string>()).second);
    if (i > 0) {
      const auto before = std::make_pair(paged[i - 1]["start"].get<std::string>(),
                                         paged[i - 1]["id"].get<std::string>());
      const auto now =
          std::make_pair(paged[i]["start"].get<std::string>(), paged[i]["id"].get<std::string>());
      EXPECT_LT(before, now);
    }
    // The shape of `truce incidents --json`, with the verification state.
    for (const char* member : {"id", "start", "end", "claims", "grades", "figures", "event_types",
                               "place", "verification"}) {
      EXPECT_TRUE(paged[i].contains(member)) << member << " " << paged[i].dump();
    }
    EXPECT_EQ(paged[i]["verification"]["state"], "unverified");
  }
}

TEST(IncidentListing, FiltersKeepOnlyWhatTheyName) {
  RunningApi api;
  auto all = all_pages(api, "", Role::kAnalyst, 100);
  ASSERT_FALSE(all.empty());
  // Every filter value taken from the data must find its incidents, and only them.
  const std::string type = all[0]["event_types"][0];
  auto typed = all_pages(api, "&event_type=" + type, Role::kAnalyst, 100);
  ASSERT_FALSE(typed.empty());
  std::size_t with_type = 0;
  for (const auto& item : all) {
    const auto& types = item["event_types"];
    with_type += std::find(types.begin(), types.end(), type) != types.end() ? 1 : 0;
  }
  EXPECT_EQ(typed.size(), with_type);
  const std::string grade = all[0]["grades"]["evidence"]["grade"];
  auto graded = all_pages(api, "&evidence=" + grade, Role::kAnalyst, 100);
  for (const auto& item : graded) {
    EXPECT_EQ(item["grades"]["evidence"]["grade"], grade);
  }
  EXPECT_FALSE(graded.empty());
  auto window = all_pages(api, "&since=2022-01-01", Role::kAnalyst, 100);
  for (const auto& item : window) {
    EXPECT_GE(item["end"].get<std::string>().substr(0, 10), "2022-01-01");
  }
  EXPECT_LT(window.size(), all.size());
  auto far = all_pages(api, "&bbox=-10,-10,-9,-9", Role::kAnalyst, 100);
  EXPECT_TRUE(far.empty());
  auto theatre = all_pages(api, "&theatre=south-caucasus", Role::kAnalyst, 100);
  EXPECT_FALSE(theatre.empty());
  auto nobody = all_pages(api, "&actor=no-such-actor", Role::kAnalyst, 100);
  EXPECT_TRUE(nobody.empty());
  auto verified = all_pages(api, "&state=verified", Role::kAnalyst, 100);
  EXPECT_TRUE(verified.empty());
}

TEST(IncidentListing, UnknownParametersAndMalformedValuesAre400) {
  RunningApi api;
  struct Case {
    std::string query;
    std::string code;
  };
  for (const Case& bad : std::vector<Case>{{"colour=red", "unknown_parameter"},
                                           {"state=maybe", "invalid_parameter"},
                                           {"attribution=sure", "invalid_parameter"},
                                           {"evidence=", "invalid_parameter"},
                                           {"since=yesterday", "invalid_parameter"},
                                           {"bbox=1,2,3", "invalid_parameter"},
                                           {"theatre=Not_A_Slug", "invalid_parameter"},
                                           {"event_type=picnic", "invalid_parameter"},
                                           {"limit=0", "invalid_parameter"},
                                           {"cursor=zz", "invalid_parameter"},
                                           {"cursor=" + std::string("61"), "invalid_parameter"}}) {
    auto response = api.get("/api/v1/incidents?" + bad.query, Role::kAnalyst);
    EXPECT_EQ(response.status, 400) << bad.query << " " << response.body;
    EXPECT_EQ(response.json()["code"], bad.code) << bad.query;
  }
  EXPECT_EQ(api.get("/api/v1/incidents/inc_zz", Role::kAnalyst).status, 400);
  EXPECT_EQ(api.get("/api/v1/incidents/inc_00000000000000000000", Role::kAnalyst).status, 404);
}

TEST(PublicView, OnlyPublishedIncidentsWithoutTheirClaims) {
  RunningApi api;
  const std::string id = kilisali_incident(api);
  ASSERT_FALSE(id.empty());
  EXPECT_TRUE(api.get("/api/v1/incidents").json()["incidents"].empty());
  EXPECT_EQ(api.get("/api/v1/incidents/" + id).status, 404);
  EXPECT_TRUE(api.get("/api/v1/incidents", Role::kLiaison).json()["incidents"].empty());

  auto published = api.post("/api/v1/incidents/" + id + "/publish", "", Role::kOperator);
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json()["published"], true);

  auto listing = api.get("/api/v1/incidents").json()["incidents"];
  ASSERT_EQ(listing.size(), 1U);
  EXPECT_EQ(listing[0]["id"], id);
  EXPECT_FALSE(listing[0].contains("claims"));
  EXPECT_FALSE(listing[0].contains("ended_by"));
  EXPECT_TRUE(listing[0].contains("figures"));
  EXPECT_EQ(listing[0]["verification"]["published"], true);
  auto detail = api.get("/api/v1/incidents/" + id);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_FALSE(detail.json().contains("claims"));

  auto unpublished = api.post("/api/v1/incidents/" + id + "/unpublish", "", Role::kOperator);
  ASSERT_EQ(unpublished.status, 200);
  EXPECT_TRUE(api.get("/api/v1/incidents").json()["incidents"].empty());
  EXPECT_EQ(api.get("/api/v1/incidents/" + id).status, 404);
}

TEST(PublicView, AReadOfTheClaimsIsOnTheAuditLog) {
  RunningApi api;
  const std::string id = kilisali_incident(api);
  ASSERT_FALSE(id.empty());
  auto count_reads = [&] {
    auto log = api.get("/api/v1/audit?limit=1000", Role::kAdmin);
    EXPECT_EQ(log.status, 200) << log.body;
    int reads = 0;
    const json entries = log.json()["entries"];
    for (const auto& entry : entries) {
      if (entry["action"] == "incident.read" && entry["target"] == id &&
          entry["actor"] == "user:user-analyst") {
        ++reads;
      }
    }
    return reads;
  };
  EXPECT_EQ(count_reads(), 0);
  auto detail = api.get("/api/v1/incidents/" + id, Role::kAnalyst);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_FALSE(detail.json()["claims"].empty());
  EXPECT_EQ(detail.json()["verification"]["state"], "unverified");
  EXPECT_EQ(count_reads(), 1);
  EXPECT_EQ(api.get("/api/v1/audit/verify", Role::kAdmin).json()["intact"], true);
}

TEST(IncidentCorrections, AnOperatorSplitsAndMergesBackOverHttp) {
  RunningApi api;
  auto all = all_pages(api, "", Role::kAnalyst, 100);
  const json* pair = nullptr;
  for (const auto& item : all) {
    if (item["claims"].size() >= 2) {
      pair = &item;
      break;
    }
  }
  ASSERT_NE(pair, nullptr) << "the fixture has an incident of two claims";
  const std::string id = (*pair)["id"];
  const std::string last = (*pair)["claims"].back();
  auto refused = api.post("/api/v1/incidents/" + id + "/split",
                          R"({"claims":[")" + last + R"("],"reason":"x"})", Role::kAnalyst);
  EXPECT_EQ(refused.status, 403);
  auto split = api.post("/api/v1/incidents/" + id + "/split",
                        R"({"claims":[")" + last + R"("],"reason":"two events"})", Role::kOperator);
  ASSERT_EQ(split.status, 200) << split.body;
  auto after = all_pages(api, "", Role::kAnalyst, 100);
  EXPECT_EQ(after.size(), all.size() + 1);
  auto missing =
      api.post("/api/v1/incidents/" + id + "/split", R"({"reason":"x"})", Role::kOperator);
  EXPECT_EQ(missing.status, 400);
}

TEST(JointVerification, BothMembersMustSignAndOneMemberCannotCompleteTheQuorum) {
  RunningApi api;
  const std::string id = monitored_incident(api);
  ASSERT_FALSE(id.empty());
  const std::string base = "/api/v1/incidents/" + id;
  const std::string russia = user_token(api, "monitor-ru", Role::kMonitor, "russia");
  const std::string russia_again = user_token(api, "monitor-ru-2", Role::kMonitor, "russia");
  const std::string turkey = user_token(api, "monitor-tr", Role::kMonitor, "turkey");

  auto review = api.get(base + "/review", Role::kMonitor);
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_EQ(review.json()["state"], "unverified");
  ASSERT_EQ(review.json()["mechanisms"].size(), 1U) << review.body;
  EXPECT_EQ(review.json()["mechanisms"][0]["agreement"], "ru-tr-joint-monitoring-centre");
  EXPECT_EQ(review.json()["mechanisms"][0]["quorum"], 2);

  // The assessment applies the centre's agreement, certainly.
  const json assessment =
      api.get(base + "/assessment", Role::kAnalyst).json()["assessment"]["agreements"];
  bool applies = false;
  for (const auto& agreement : assessment) {
    applies = applies || (agreement["agreement"] == "ru-tr-joint-monitoring-centre" &&
                          agreement["applies_certainly"] == true);
  }
  EXPECT_TRUE(applies) << assessment.dump();

  // Nothing to sign before a review is open; only an operator opens one.
  auto early =
      http_request(api.port(), "POST", base + "/signoff", russia, R"({"verdict":"verified"})");
  EXPECT_EQ(early.status, 400) << early.body;
  EXPECT_EQ(api.post(base + "/review", "{}", Role::kMonitor).status, 403);
  auto wrong =
      api.post(base + "/review", R"({"agreement":"in-pk-dgmo-2021-02-25"})", Role::kOperator);
  EXPECT_EQ(wrong.status, 400) << wrong.body;
  auto opened = api.post(base + "/review", "{}", Role::kOperator);
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.json()["state"], "under_review");
  EXPECT_EQ(opened.json()["mechanism"]["agreement"], "ru-tr-joint-monitoring-centre");

  // A monitor of no member of the centre, and an operator, cannot sign.
  EXPECT_EQ(api.post(base + "/signoff", R"({"verdict":"verified"})", Role::kMonitor).status, 400);
  EXPECT_EQ(api.post(base + "/signoff", R"({"verdict":"verified"})", Role::kOperator).status, 403);
  EXPECT_EQ(
      http_request(api.port(), "POST", base + "/signoff", russia, R"({"verdict":"maybe"})").status,
      400);

  auto first = http_request(api.port(), "POST", base + "/signoff", russia,
                            R"({"verdict":"verified","note":"seen by our post"})");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["state"], "signed_off");
  // Russia alone cannot complete the quorum of two: not again, not through another monitor.
  auto twice =
      http_request(api.port(), "POST", base + "/signoff", russia, R"({"verdict":"verified"})");
  EXPECT_EQ(twice.status, 409) << twice.body;
  auto same_member = http_request(api.port(), "POST", base + "/signoff", russia_again,
                                  R"({"verdict":"verified"})");
  EXPECT_EQ(same_member.status, 409) << same_member.body;
  EXPECT_EQ(api.get(base + "/review", Role::kAnalyst).json()["state"], "signed_off");
  EXPECT_TRUE(
      api.get("/api/v1/incidents?state=verified", Role::kAnalyst).json()["incidents"].empty());

  auto second =
      http_request(api.port(), "POST", base + "/signoff", turkey, R"({"verdict":"verified"})");
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.json()["state"], "verified");
  EXPECT_EQ(second.json()["signoffs"].size(), 2U);
  auto verified = api.get("/api/v1/incidents?state=verified", Role::kAnalyst).json()["incidents"];
  ASSERT_EQ(verified.size(), 1U);
  EXPECT_EQ(verified[0]["id"], id);
  // Verified is final for this review round.
  EXPECT_EQ(api.post(base + "/review", "{}", Role::kOperator).status, 400);

  auto log = api.get("/api/v1/audit?limit=1000", Role::kAdmin).json()["entries"];
  std::vector<std::string> steps;
  for (const auto& entry : log) {
    if (entry["target"] == id && entry["action"].get<std::string>().rfind("incident.", 0) == 0 &&
        entry["action"] != "incident.read") {
      steps.push_back(entry["actor"].get<std::string>() + " " + entry["action"].get<std::string>());
    }
  }
  EXPECT_EQ(steps, (std::vector<std::string>{"user:user-operator incident.review",
                                             "user:monitor-ru incident.signoff",
                                             "user:monitor-tr incident.signoff"}));
  EXPECT_EQ(api.get("/api/v1/audit/verify", Role::kAdmin).json()["intact"], true);
}

TEST(JointVerification, RefutedByTheQuorumAndReopened) {
  RunningApi api;
  const std::string id = monitored_incident(api);
  ASSERT_FALSE(id.empty());
  const std::string base = "/api/v1/incidents/" + id;
  const std::string russia = user_token(api, "monitor-ru", Role::kMonitor, "russia");
  const std::string turkey = user_token(api, "monitor-tr", Role::kMonitor, "turkey");
  ASSERT_EQ(api.post(base + "/review", R"({"agreement":"ru-tr-joint-monitoring-centre"})",
                     Role::kOperator)
                .status,
            200);
  EXPECT_EQ(http_request(api.port(), "POST", base + "/signoff", russia, R"({"verdict":"refuted"})")
                .json()["state"],
            "signed_off");
  // A split verdict is no quorum either way.
  EXPECT_EQ(http_request(api.port(), "POST", base + "/signoff", turkey, R"({"verdict":"verified"})")
                .json()["state"],
            "signed_off");
  auto reopened = api.post(base + "/review", "{}", Role::kOperator);
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_TRUE(reopened.json()["signoffs"].empty());
  http_request(api.port(), "POST", base + "/signoff", russia, R"({"verdict":"refuted"})");
  auto refuted =
      http_request(api.port(), "POST", base + "/signoff", turkey, R"({"verdict":"refuted"})");
  EXPECT_EQ(refuted.json()["state"], "refuted");
}

TEST(JointVerification, AnIncidentWithoutAPlaceGetsNoMechanismWhenNoMemberIsInvolved) {
  // The Kilisali report carries no coordinates and names Armenia and
  // Azerbaijan only: the assessment does not apply the centre of Russia and
  // Turkey (docs/agreements.md), so no review can be opened under it.
  RunningApi api;
  const std::string id = kilisali_incident(api);
  ASSERT_FALSE(id.empty());
  auto review = api.get("/api/v1/incidents/" + id + "/review", Role::kAnalyst);
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_TRUE(review.json()["mechanisms"].empty()) << review.body;
  EXPECT_EQ(api.post("/api/v1/incidents/" + id + "/review", "{}", Role::kOperator).status, 400);
}

TEST(Agreements, ListedAndShownAsTheCliPrintsThem) {
  RunningApi api;
  auto list = api.get("/api/v1/agreements");
  ASSERT_EQ(list.status, 200) << list.body;
  bool found = false;
  const json agreements = list.json()["agreements"];
  for (const auto& agreement : agreements) {
    found = found || agreement["id"] == "ru-tr-joint-monitoring-centre";
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(list.json()["total"], list.json()["agreements"].size());
  auto one = api.get("/api/v1/agreements/ru-tr-joint-monitoring-centre");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json()["agreement"]["id"], "ru-tr-joint-monitoring-centre");
  EXPECT_EQ(api.get("/api/v1/agreements/no-such-agreement").status, 404);
}

}  // namespace
}  // namespace truce::test
