// Reading records over HTTP: the CLI's JSON shapes, filters, cursor pages in
// a stable order, and strict parameters.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.hpp"

namespace truce::test {
namespace {

class Records : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { api_ = new RunningApi(); }
  static void TearDownTestSuite() {
    delete api_;
    api_ = nullptr;
  }
  static HttpResponse get(const std::string& target) { return api_->get(target, Role::kAnalyst); }
  static RunningApi* api_;
};
RunningApi* Records::api_ = nullptr;

TEST_F(Records, ClaimPagesFollowTheCursorInAStableOrderWithoutGapsOrRepeats) {
  auto everything = get("/api/v1/claims?limit=1000");
  ASSERT_EQ(everything.status, 200) << everything.body;
  auto all = everything.json()["claims"];
  ASSERT_GE(all.size(), 4U);
  EXPECT_TRUE(everything.json()["next_cursor"].is_null());
  std::vector<std::string> paged;
  std::string target = "/api/v1/claims?limit=3";
  for (int page = 0; page < 100; ++page) {
    auto response = get(target);
    ASSERT_EQ(response.status, 200) << response.body;
    auto body = response.json();
    EXPECT_EQ(body["limit"], 3);
    EXPECT_LE(body["claims"].size(), 3U);
    for (const auto& claim : body["claims"]) {
      paged.push_back(claim["id"]);
    }
    if (body["next_cursor"].is_null()) {
      break;
    }
    target = "/api/v1/claims?limit=3&cursor=" + body["next_cursor"].get<std::string>();
  }
  std::vector<std::string> expected;
  for (const auto& claim : all) {
    expected.push_back(claim["id"]);
  }
  EXPECT_EQ(paged, expected);
}

TEST_F(Records, SummaryPagesListTheSameClaimsWithTheirFigures) {
  auto full = get("/api/v1/claims?limit=1000").json()["claims"];
  std::vector<std::string> paged;
  std::string target = "/api/v1/claims?view=summary&limit=2";
  while (true) {
    auto response = get(target);
    ASSERT_EQ(response.status, 200) << response.body;
    auto body = response.json();
    for (const auto& claim : body["claims"]) {
      paged.push_back(claim["id"]);
      EXPECT_FALSE(claim.contains("provenance"));
    }
    if (body["next_cursor"].is_null()) {
      break;
    }
    target = "/api/v1/claims?view=summary&limit=2&cursor=" + body["next_cursor"].get<std::string>();
  }
  ASSERT_EQ(paged.size(), full.size());
  for (std::size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(paged[i], full[i]["id"]);
  }
  auto summaries = get("/api/v1/claims?view=summary&limit=1000").json()["claims"];
  for (std::size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(summaries[i]["event_type"], full[i]["event_type"]);
    EXPECT_EQ(summaries[i]["claimant"], full[i]["claimant"]["id"]);
    std::size_t figures = full[i].contains("casualties") ? full[i]["casualties"].size() : 0;
    EXPECT_EQ(summaries[i]["casualties"].size(), figures) << full[i]["id"];
  }
  EXPECT_EQ(get("/api/v1/claims?view=compact").status, 400);
}

TEST_F(Records, ClaimFiltersNarrowTheList) {
  auto all = get("/api/v1/claims?limit=1000").json()["claims"];
  auto shelling = get("/api/v1/claims?event_type=shelling&limit=1000");
  ASSERT_EQ(shelling.status, 200);
  auto shelling_claims = shelling.json()["claims"];
  for (const auto& claim : shelling_claims) {
    EXPECT_EQ(claim["event_type"], "shelling");
  }
  auto early = get("/api/v1/claims?until=2000-01-01");
  ASSERT_EQ(early.status, 200);
  EXPECT_EQ(early.json()["claims"].size(), 0U);
  auto far_away = get("/api/v1/claims?bbox=-10,-10,-9,-9");
  ASSERT_EQ(far_away.status, 200);
  EXPECT_EQ(far_away.json()["claims"].size(), 0U);
  auto region = get("/api/v1/claims?bbox=40,35,50,45&limit=1000");
  ASSERT_EQ(region.status, 200);
  EXPECT_GT(region.json()["claims"].size(), 0U);
  EXPECT_LE(region.json()["claims"].size(), all.size());
}

TEST_F(Records, OneClaimComesWithItsDocumentAndSource) {
  auto first = get("/api/v1/claims?limit=1").json()["claims"][0];
  auto response = get("/api/v1/claims/" + first["id"].get<std::string>());
  ASSERT_EQ(response.status, 200);
  auto body = response.json();
  EXPECT_EQ(body["claim"]["id"], first["id"]);
  EXPECT_EQ(body["document"]["id"], first["document"]);
  EXPECT_TRUE(body["source"].contains("reliability"));
}

TEST_F(Records, AnAbsentClaimIsNotFoundAndAMalformedIdIsInvalid) {
  auto absent = get("/api/v1/claims/clm_00000000000000000000");
  EXPECT_EQ(absent.status, 404);
  EXPECT_EQ(absent.json()["code"], "not_found");
  auto malformed = get("/api/v1/claims/not-a-claim");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.json()["code"], "invalid_parameter");
  EXPECT_EQ(malformed.json()["parameter"], "id");
}

TEST_F(Records, DocumentsPageByIdAndOneComesWithItsText) {
  auto page = get("/api/v1/documents?limit=1");
  ASSERT_EQ(page.status, 200) << page.body;
  auto body = page.json();
  ASSERT_EQ(body["documents"].size(), 1U);
  EXPECT_FALSE(body["documents"][0].contains("text"));
  ASSERT_TRUE(body["next_cursor"].is_string());
  auto next = get("/api/v1/documents?limit=1&cursor=" + body["next_cursor"].get<std::string>());
  ASSERT_EQ(next.status, 200);
  ASSERT_EQ(next.json()["documents"].size(), 1U);
  EXPECT_LT(body["documents"][0]["id"].get<std::string>(),
            next.json()["documents"][0]["id"].get<std::string>());
  auto one = get("/api/v1/documents/" + body["documents"][0]["id"].get<std::string>());
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json()["document"]["id"], body["documents"][0]["id"]);
}

TEST_F(Records, SourcesAreThePublicView) {
  auto response = api_->get("/api/v1/sources");
  ASSERT_EQ(response.status, 200);
  ASSERT_FALSE(response.json()["sources"].empty());
  auto id = response.json()["sources"][0]["id"].get<std::string>();
  auto one = api_->get("/api/v1/sources/" + id);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json()["source"]["id"], id);
}

TEST_F(Records, DailyStatisticsAddUpToTheClaims) {
  auto all = get("/api/v1/claims?limit=1000").json()["claims"];
  auto response = get("/api/v1/statistics/daily");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  EXPECT_EQ(body["total"].get<std::size_t>(), all.size());
  long long sum = 0;
  std::string previous;
  for (const auto& day : body["days"]) {
    EXPECT_LT(previous, day["day"].get<std::string>());
    previous = day["day"];
    long long by_type = 0;
    for (const auto& [type, count] : day["by_event_type"].items()) {
      by_type += count.get<long long>();
    }
    EXPECT_EQ(by_type, day["claims"].get<long long>());
    sum += by_type;
  }
  EXPECT_EQ(sum, static_cast<long long>(all.size()));
}

TEST_F(Records, ExportsHaveTheShapesOfTruceExport) {
  auto json = get("/api/v1/export");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.json()["claims"].size(), get("/api/v1/claims?limit=1000").json()["claims"].size());
  auto csv = get("/api/v1/export?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("content-type").find("text/csv"), std::string::npos);
  auto geojson = get("/api/v1/export?format=geojson");
  ASSERT_EQ(geojson.status, 200);
  EXPECT_EQ(geojson.json()["type"], "FeatureCollection");
  EXPECT_EQ(get("/api/v1/export?format=xml").status, 400);
}

struct BadParameter {
  std::string target;
  std::string code;
  std::string parameter;
};

TEST_F(Records, UnknownOrMalformedParametersAreRefusedNeverIgnored) {
  const std::vector<BadParameter> cases = {
      {"/api/v1/claims?colour=red", "unknown_parameter", "colour"},
      {"/api/v1/claims?offset=10", "unknown_parameter", "offset"},
      {"/api/v1/claims?since=yesterday", "invalid_parameter", "since"},
      {"/api/v1/claims?since=2021-11-20&until=2021-11-01", "invalid_parameter", "until"},
      {"/api/v1/claims?bbox=1,2,3", "invalid_parameter", "bbox"},
      {"/api/v1/claims?bbox=10,10,5,5", "invalid_parameter", "bbox"},
      {"/api/v1/claims?event_type=party", "invalid_parameter", "event_type"},
      {"/api/v1/claims?limit=0", "invalid_parameter", "limit"},
      {"/api/v1/claims?limit=1001", "invalid_parameter", "limit"},
      {"/api/v1/claims?limit=ten", "invalid_parameter", "limit"},
      {"/api/v1/claims?cursor=zz", "invalid_parameter", "cursor"},
      {"/api/v1/claims?cursor=6162", "invalid_parameter", "cursor"},
      {"/api/v1/claims?actor=Not%20A%20Slug", "invalid_parameter", "actor"},
      {"/api/v1/claims?limit=1&limit=2", "invalid_parameter", "limit"},
      {"/api/v1/claims?limit", "invalid_parameter", "limit"},
      {"/api/v1/claims?since=%zz", "invalid_parameter", "since"},
      {"/api/v1/documents?since=2021-01-01", "unknown_parameter", "since"},
      {"/api/v1/sources?limit=5", "unknown_parameter", "limit"},
      {"/api/v1/statistics/daily?limit=5", "unknown_parameter", "limit"},
  };
  for (const auto& bad : cases) {
    auto response = get(bad.target);
    EXPECT_EQ(response.status, 400) << bad.target;
    EXPECT_EQ(response.header("content-type"), "application/problem+json") << bad.target;
    auto body = response.json();
    EXPECT_EQ(body["code"], bad.code) << bad.target << ": " << response.body;
    EXPECT_EQ(body["parameter"], bad.parameter) << bad.target;
  }
}

}  // namespace
}  // namespace truce::test
