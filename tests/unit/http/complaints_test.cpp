// Complaints over real loopback HTTP: a liaison officer files a claim for
// its party, the duty officer reviews it and records a finding, and the
// officer reads the outcome; what each role sees; refusals (another party's
// claimant, a malformed claim, steps out of order) that write nothing; the
// audit chain after the workflow; the complaint's claim in an incident.
// Parties, places and texts are synthetic (fictional names).
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

std::string user_token(RunningApi& api, const std::string& name, Role role,
                       const std::string& affiliation) {
  auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
  EXPECT_TRUE(monitor);
  auto added = monitor->accounts().add_user({name, role, affiliation, std::nullopt}, "test");
  EXPECT_TRUE(added) << added.error().message;
  return *monitor->accounts().issue_token(name, "test");
}

// A clash at a fictional hill as a party's liaison officer describes it.
json clash(const std::string& day, const std::string& words) {
  return {
      {"event_type", "armed_clash"},
      {"time", {{"start", day}, {"precision", "day"}, {"timezone", "UTC"}}},
      {"place",
       {{"name", "Hill 101"},
        {"precision", 2},
        {"geometry", {{"type", "Point"}, {"coordinates", {12.5, 41.5}}}}}},
      {"perpetrator", {{"id", "party-south"}, {"name", "Party South"}}},
      {"casualties",
       {{{"side", {{"kind", "combatants"}, {"party", {{"id", "party-north"}, {"name", "North"}}}}},
         {"status", "wounded"},
         {"min", 2},
         {"max", 2}}}},
      {"credibility", 3},
      {"text", words + " Two soldiers were wounded."},
      {"provenance", {{"casualties/0", "soldiers were wounded"}}}};
}

HttpResponse post_as(RunningApi& api, const std::string& token, const std::string& target,
                     const std::string& body) {
  return http_request(api.port(), "POST", target, token, body);
}

HttpResponse get_as(RunningApi& api, const std::string& token, const std::string& target) {
  return http_request(api.port(), "GET", target, token);
}

long long audit_entries(RunningApi& api) {
  return api.get("/api/v1/audit/verify", Role::kAdmin).json()["entries"].get<long long>();
}

long long stored_claims(RunningApi& api) {
  auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
  return *monitor->count_claims({});
}

class Complaints : public ::testing::Test {
 protected:
  Complaints()
      : north_(user_token(api_, "liaison-north", Role::kLiaison, "party-north")),
        south_(user_token(api_, "liaison-south", Role::kLiaison, "party-south")) {}

  json file(const std::string& token, const json& claim, int expect = 201) {
    auto response = post_as(api_, token, "/api/v1/complaints", claim.dump());
    EXPECT_EQ(response.status, expect) << response.body;
    return response.status == expect && expect == 201 ? response.json() : json();
  }

  RunningApi api_;
  std::string north_;
  std::string south_;
};

TEST_F(Complaints, AreFiledReviewedAndFoundOnAndTheLiaisonSeesTheOutcome) {
  const long long claims_before = stored_claims(api_);
  json filed = file(north_, clash("2026-03-02",
                                  "Party North: fire from the south at Hill "
                                  "101 (synthetic)."));
  ASSERT_TRUE(filed.is_object());
  const json complaint = filed["complaint"];
  const std::string id = complaint["id"];
  EXPECT_EQ(id.rfind("cmp_", 0), 0U);
  EXPECT_EQ(complaint["state"], "filed");
  EXPECT_EQ(complaint["party"], "party-north");
  EXPECT_EQ(complaint["filed"]["by"], "liaison-north");
  EXPECT_TRUE(complaint["review"].is_null());
  EXPECT_TRUE(complaint["finding"].is_null());
  // The claimant is the filer's party; the words behind the figure are kept.
  EXPECT_EQ(filed["claim"]["claimant"]["id"], "party-north");
  EXPECT_EQ(filed["claim"]["id"], complaint["claim"]);
  EXPECT_EQ(filed["claim"]["provenance_quotes"]["casualties/0"][0], "soldiers were wounded");
  EXPECT_EQ(stored_claims(api_), claims_before + 1);

  // The claim is an ordinary stored claim of the party's complaints source.
  auto claim = api_.get("/api/v1/claims/" + complaint["claim"].get<std::string>(), Role::kAnalyst);
  ASSERT_EQ(claim.status, 200) << claim.body;
  EXPECT_EQ(claim.json()["source"]["id"], "party-north-complaints");
  EXPECT_EQ(claim.json()["document"]["kind"], "form");

  auto review = api_.post("/api/v1/complaints/" + id + "/review", "", Role::kOperator);
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_EQ(review.json()["complaint"]["state"], "under_review");
  EXPECT_EQ(review.json()["complaint"]["review"]["by"], "user-operator");

  auto mid = get_as(api_, north_, "/api/v1/complaints/" + id);
  ASSERT_EQ(mid.status, 200) << mid.body;
  EXPECT_EQ(mid.json()["complaint"]["state"], "under_review");

  auto finding =
      api_.post("/api/v1/complaints/" + id + "/finding",
                R"({"outcome":"substantiated","text":"Patrol saw the damage."})", Role::kOperator);
  ASSERT_EQ(finding.status, 200) << finding.body;
  const json found = finding.json()["complaint"]["finding"];
  EXPECT_EQ(found["outcome"], "substantiated");
  EXPECT_EQ(found["text"], "Patrol saw the damage.");
  EXPECT_EQ(found["by"], "user-operator");

  // The liaison officer sees the outcome in the listing and the detail.
  auto listing = get_as(api_, north_, "/api/v1/complaints");
  ASSERT_EQ(listing.status, 200) << listing.body;
  ASSERT_EQ(listing.json()["complaints"].size(), 1U) << listing.body;
  EXPECT_EQ(listing.json()["complaints"][0]["state"], "finding");
  EXPECT_EQ(listing.json()["complaints"][0]["finding"]["outcome"], "substantiated");
  auto detail = get_as(api_, north_, "/api/v1/complaints/" + id);
  EXPECT_EQ(detail.json()["complaint"]["finding"]["text"], "Patrol saw the damage.");

  // Every step is on the audit log with the complaint before and after, and the chain holds.
  auto log = api_.get("/api/v1/audit?limit=1000", Role::kAdmin).json()["entries"];
  std::vector<json> steps;
  for (const auto& entry : log) {
    if (entry["target"] == id) {
      steps.push_back(entry);
    }
  }
  ASSERT_EQ(steps.size(), 3U);
  EXPECT_EQ(steps[0]["action"], "complaint.file");
  EXPECT_EQ(steps[0]["actor"], "user:liaison-north");
  EXPECT_TRUE(steps[0]["before"].is_null());
  EXPECT_EQ(steps[0]["after"]["state"], "filed");
  EXPECT_EQ(steps[1]["action"], "complaint.review");
  EXPECT_EQ(steps[1]["before"]["state"], "filed");
  EXPECT_EQ(steps[1]["after"]["state"], "under_review");
  EXPECT_EQ(steps[2]["action"], "complaint.finding");
  EXPECT_EQ(steps[2]["actor"], "user:user-operator");
  EXPECT_EQ(steps[2]["before"]["state"], "under_review");
  EXPECT_EQ(steps[2]["after"]["finding"]["outcome"], "substantiated");
  auto verify = api_.get("/api/v1/audit/verify", Role::kAdmin).json();
  EXPECT_EQ(verify["intact"], true) << verify.dump();
}

TEST_F(Complaints, TheClaimJoinsAnIncidentAtOnceAndACounterComplaintJoinsTheSameOne) {
  json north = file(north_, clash("2026-03-05",
                                  "Fire at Hill 101 "
                                  "(synthetic)."));
  ASSERT_TRUE(north.is_object());
  ASSERT_TRUE(north["complaint"]["incident"].is_string()) << north.dump();
  const std::string incident = north["complaint"]["incident"];
  auto shown = api_.get("/api/v1/incidents/" + incident, Role::kAnalyst);
  ASSERT_EQ(shown.status, 200) << shown.body;
  std::set<std::string> members;
  const json record = shown.json();
  for (const auto& member : record["claims"]) {
    members.insert(member["claim"]["id"].get<std::string>());
  }
  EXPECT_EQ(members.count(north["complaint"]["claim"].get<std::string>()), 1U) << shown.body;
  // The listing is read from summaries, which follow the filing.
  auto listing = api_.get("/api/v1/incidents?since=2026-03-05&until=2026-03-05", Role::kAnalyst);
  ASSERT_EQ(listing.status, 200);
  ASSERT_EQ(listing.json()["incidents"].size(), 1U) << listing.body;
  EXPECT_EQ(listing.json()["incidents"][0]["id"], incident);

  // The other party's account of the same clash at the same place and day.
  json counter = clash("2026-03-05",
                       "Party South: the north opened fire at Hill 101 "
                       "(synthetic).");
  counter["perpetrator"] = {{"id", "party-north"}, {"name", "Party North"}};
  json south = file(south_, counter);
  ASSERT_TRUE(south.is_object());
  auto after = api_.get("/api/v1/incidents?since=2026-03-05&until=2026-03-05", Role::kAnalyst);
  ASSERT_EQ(after.json()["incidents"].size(), 1U) << after.body;
  const std::string joint = after.json()["incidents"][0]["id"];
  EXPECT_EQ(south["complaint"]["incident"], joint);
  EXPECT_EQ(
      get_as(api_, north_, "/api/v1/complaints/" + north["complaint"]["id"].get<std::string>())
          .json()["complaint"]["incident"],
      joint);
  // The liaison officer still reads no unpublished incident.
  EXPECT_EQ(get_as(api_, north_, "/api/v1/incidents/" + joint).status, 404);
}

TEST_F(Complaints, ALiaisonSeesItsOwnPartysComplaintsOnlyAndOthersSeeAll) {
  json north = file(north_, clash("2026-03-07", "North text (synthetic)."));
  json south = file(south_, clash("2026-03-08", "South text (synthetic)."));
  ASSERT_TRUE(north.is_object() && south.is_object());
  const std::string north_id = north["complaint"]["id"];
  const std::string south_id = south["complaint"]["id"];

  auto mine = get_as(api_, south_, "/api/v1/complaints?limit=1000");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["complaints"].size(), 1U);
  EXPECT_EQ(mine.json()["complaints"][0]["id"], south_id);
  auto other = get_as(api_, south_, "/api/v1/complaints/" + north_id);
  EXPECT_EQ(other.status, 404) << other.body;
  auto asked = get_as(api_, south_, "/api/v1/complaints?party=party-north");
  EXPECT_EQ(asked.status, 403) << asked.body;
  // The fixture's liaison officer (of another party) sees neither.
  auto third = api_.get("/api/v1/complaints", Role::kLiaison);
  ASSERT_EQ(third.status, 200);
  EXPECT_TRUE(third.json()["complaints"].empty());

  for (Role role : {Role::kOperator, Role::kAnalyst, Role::kAdmin, Role::kMonitor}) {
    auto all = api_.get("/api/v1/complaints", role);
    ASSERT_EQ(all.status, 200) << all.body;
    EXPECT_EQ(all.json()["complaints"].size(), 2U) << to_string(role);
    EXPECT_EQ(api_.get("/api/v1/complaints/" + north_id, role).status, 200);
  }
  auto only_north = api_.get("/api/v1/complaints?party=party-north", Role::kOperator);
  ASSERT_EQ(only_north.json()["complaints"].size(), 1U);
  EXPECT_EQ(only_north.json()["complaints"][0]["id"], north_id);
  EXPECT_EQ(api_.get("/api/v1/complaints").status, 401);
  EXPECT_EQ(api_.get("/api/v1/complaints/" + north_id).status, 401);
}

TEST_F(Complaints, PagesWalkEveryComplaintOnceInFilingOrderAndStateFilters) {
  std::vector<std::string> ids;
  for (int day = 10; day < 15; ++day) {
    json filed = file(north_, clash("2026-03-" + std::to_string(day),
                                    "Complaint " + std::to_string(day) + " (synthetic)."));
    ASSERT_TRUE(filed.is_object());
    ids.push_back(filed["complaint"]["id"].get<std::string>());
  }
  ASSERT_EQ(api_.post("/api/v1/complaints/" + ids[1] + "/review", "", Role::kOperator).status, 200);
  std::vector<std::pair<std::string, std::string>> seen;
  std::string cursor;
  for (int guard = 0; guard < 20; ++guard) {
    auto page = get_as(api_, north_,
                       "/api/v1/complaints?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(page.status, 200) << page.body;
    const json body = page.json();
    for (const auto& item : body["complaints"]) {
      seen.emplace_back(item["filed"]["at"].get<std::string>(), item["id"].get<std::string>());
    }
    if (body["next_cursor"].is_null()) {
      break;
    }
    cursor = body["next_cursor"];
  }
  ASSERT_EQ(seen.size(), ids.size());
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::set(seen.begin(), seen.end()).size(), ids.size());
  auto reviewing = get_as(api_, north_, "/api/v1/complaints?state=under_review");
  ASSERT_EQ(reviewing.json()["complaints"].size(), 1U);
  EXPECT_EQ(reviewing.json()["complaints"][0]["id"], ids[1]);
  EXPECT_EQ(get_as(api_, north_, "/api/v1/complaints?state=closed").status, 400);
  EXPECT_EQ(get_as(api_, north_, "/api/v1/complaints?cursor=zz").status, 400);
}

TEST_F(Complaints, AnotherPartysClaimantIsRefusedAndWritesNothing) {
  const long long claims = stored_claims(api_);
  const long long entries = audit_entries(api_);
  json forged = clash("2026-03-20", "Forged (synthetic).");
  forged["claimant"] = {{"id", "party-south"}, {"name", "Party South"}};
  auto refused = post_as(api_, north_, "/api/v1/complaints", forged.dump());
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.json()["code"], "claimant_mismatch");
  EXPECT_EQ(stored_claims(api_), claims);
  EXPECT_EQ(audit_entries(api_), entries);
  EXPECT_TRUE(api_.get("/api/v1/complaints", Role::kOperator).json()["complaints"].empty());
  // Naming its own party is the same as leaving the claimant out.
  forged["claimant"] = {{"id", "party-north"}, {"name", "Party North"}};
  EXPECT_EQ(post_as(api_, north_, "/api/v1/complaints", forged.dump()).status, 201);
}

TEST_F(Complaints, AMalformedClaimIsRefusedNamingTheFieldAndWritesNothing) {
  const long long claims = stored_claims(api_);
  const long long entries = audit_entries(api_);
  json bad = clash("2026-03-21", "Bad figures (synthetic).");
  bad["casualties"][0]["min"] = -2;
  auto refused = post_as(api_, north_, "/api/v1/complaints", bad.dump());
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.json()["code"], "invalid_body");
  const std::string detail = refused.json()["detail"];
  EXPECT_NE(detail.find("body:/casualties/0/min: field 'min'"), std::string::npos) << detail;
  json missing = clash("2026-03-21", "No time (synthetic).");
  missing.erase("time");
  auto no_time = post_as(api_, north_, "/api/v1/complaints", missing.dump());
  ASSERT_EQ(no_time.status, 400);
  EXPECT_NE(no_time.json()["detail"].get<std::string>().find("field 'time': is missing"),
            std::string::npos)
      << no_time.body;
  json with_document = clash("2026-03-21", "Document (synthetic).");
  with_document["document"] = "doc_00000000000000000000";
  EXPECT_EQ(post_as(api_, north_, "/api/v1/complaints", with_document.dump()).status, 400);
  std::string twice = clash("2026-03-21", "Twice (synthetic).").dump();
  twice.insert(1, R"("event_type":"shelling",)");
  auto repeated = post_as(api_, north_, "/api/v1/complaints", twice);
  ASSERT_EQ(repeated.status, 400) << repeated.body;
  EXPECT_NE(repeated.json()["detail"].get<std::string>().find("field 'event_type'"),
            std::string::npos)
      << repeated.body;
  EXPECT_EQ(post_as(api_, north_, "/api/v1/complaints", "[1]").status, 400);
  EXPECT_EQ(post_as(api_, north_, "/api/v1/complaints", "{").status, 400);
  EXPECT_EQ(stored_claims(api_), claims);
  EXPECT_EQ(audit_entries(api_), entries);
}

TEST_F(Complaints, StepsOutOfOrderAreConflictsWithAStableCode) {
  json filed = file(north_, clash("2026-03-22", "Out of order (synthetic)."));
  ASSERT_TRUE(filed.is_object());
  const std::string base = "/api/v1/complaints/" + filed["complaint"]["id"].get<std::string>();
  const std::string finding = R"({"outcome":"inconclusive","text":"Nothing seen."})";
  auto early = api_.post(base + "/finding", finding, Role::kOperator);
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.json()["code"], "invalid_transition");
  EXPECT_EQ(early.header("content-type"), "application/problem+json");
  ASSERT_EQ(api_.post(base + "/review", "", Role::kOperator).status, 200);
  auto again = api_.post(base + "/review", "", Role::kOperator);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["code"], "invalid_transition");
  EXPECT_EQ(
      api_.post(base + "/finding", R"({"outcome":"maybe","text":"x"})", Role::kOperator).status,
      400);
  EXPECT_EQ(api_.post(base + "/finding", R"({"outcome":"inconclusive"})", Role::kOperator).status,
            400);
  EXPECT_EQ(api_.post(base + "/finding", R"({"outcome":"inconclusive","text":"x","why":"y"})",
                      Role::kOperator)
                .status,
            400);
  ASSERT_EQ(api_.post(base + "/finding", finding, Role::kOperator).status, 200);
  auto twice = api_.post(base + "/finding", finding, Role::kOperator);
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.json()["code"], "invalid_transition");
  EXPECT_EQ(api_.post(base + "/review", "", Role::kOperator).json()["code"], "invalid_transition");
  // Analysts read complaints but take no steps; the filer neither.
  EXPECT_EQ(api_.post(base + "/review", "", Role::kAnalyst).status, 403);
  EXPECT_EQ(post_as(api_, north_, base + "/review", "").status, 403);
  EXPECT_EQ(
      api_.post("/api/v1/complaints/cmp_00000000000000000000/review", "", Role::kOperator).status,
      404);
  EXPECT_EQ(api_.get("/api/v1/audit/verify", Role::kAdmin).json()["intact"], true);
}

TEST_F(Complaints, TheSameClaimFiledTwiceIsAConflict) {
  json claim = clash("2026-03-23", "Filed twice (synthetic).");
  ASSERT_TRUE(file(north_, claim).is_object());
  const long long entries = audit_entries(api_);
  auto again = post_as(api_, north_, "/api/v1/complaints", claim.dump());
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(audit_entries(api_), entries);
}

}  // namespace
}  // namespace truce::test
