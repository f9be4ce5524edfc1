// Joint verification over real loopback HTTP with mechanisms chosen from the
// incident's assessment, on the synthetic Harbourland data: a joint
// commission of two members (quorum 2) and an observer mission under one head
// (quorum 1) whose areas hold the same incident, an incident outside every
// area, and incidents without a place.
#include <gtest/gtest.h>

#include <set>

#include "harbourland_fixture.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

const std::string kJoint = "harbourland-joint-commission";
const std::string kObserver = "harbourland-observer-mission";

// agreement -> the review's mechanism for it
std::map<std::string, json> mechanisms_of(RunningApi& api, const std::string& incident) {
  auto review = api.get("/api/v1/incidents/" + incident + "/review", Role::kAnalyst);
  EXPECT_EQ(review.status, 200) << review.body;
  std::map<std::string, json> found;
  const json body = review.json();  // the loop must not range over a temporary
  for (const auto& mechanism : body["mechanisms"]) {
    found[mechanism["agreement"].get<std::string>()] = mechanism;
  }
  return found;
}

// The agreements the incident's assessment applies, with applies_certainly.
std::map<std::string, bool> applying(RunningApi& api, const std::string& incident) {
  auto assessed = api.get("/api/v1/incidents/" + incident + "/assessment", Role::kAnalyst);
  EXPECT_EQ(assessed.status, 200) << assessed.body;
  std::map<std::string, bool> found;
  const json body = assessed.json();
  for (const auto& agreement : body["assessment"]["agreements"]) {
    found[agreement["agreement"].get<std::string>()] = agreement["applies_certainly"].get<bool>();
  }
  return found;
}

HttpResponse sign(RunningApi& api, const std::string& incident, const std::string& token,
                  const std::string& verdict) {
  return http_request(api.port(), "POST", "/api/v1/incidents/" + incident + "/signoff", token,
                      R"({"verdict":")" + verdict + R"("})");
}

class Verification : public ::testing::Test {
 protected:
  void SetUp() override { add_harbourland(api_); }
  RunningApi api_;
};

TEST_F(Verification, MechanismsAreThoseOfTheAgreementsTheAssessmentApplies) {
  for (const std::string day : {"2031-03-10", "2031-03-12", "2031-03-20", "2031-03-25"}) {
    const std::string id = incident_of_day(api_, day);
    ASSERT_FALSE(id.empty()) << day;
    const auto agreements = applying(api_, id);
    for (const auto& [agreement, mechanism] : mechanisms_of(api_, id)) {
      ASSERT_EQ(agreements.count(agreement), 1U) << day << " " << agreement;
      EXPECT_EQ(mechanism["certain"].get<bool>(), agreements.at(agreement)) << day;
    }
  }
  // Inside the theatre: both mechanisms, certainly, with their members and quorum.
  auto inside = mechanisms_of(api_, incident_of_day(api_, "2031-03-10"));
  ASSERT_EQ(inside.size(), 2U);
  EXPECT_EQ(inside[kJoint]["quorum"], 2);
  EXPECT_EQ(inside[kJoint]["members"], json({"eastport", "westport"}));
  EXPECT_EQ(inside[kJoint]["certain"], true);
  EXPECT_EQ(inside[kObserver]["quorum"], 1);
  EXPECT_EQ(inside[kObserver]["members"], json({"lighthouse-mission"}));
  // Outside every area: none.
  EXPECT_TRUE(mechanisms_of(api_, incident_of_day(api_, "2031-03-12")).empty());
  // Without a place: the assessment's rule, an agreement may apply when one of
  // its parties is involved (Westport named as perpetrator), never certainly...
  auto placeless = mechanisms_of(api_, incident_of_day(api_, "2031-03-20"));
  ASSERT_EQ(placeless.size(), 2U);
  EXPECT_EQ(placeless[kJoint]["certain"], false);
  EXPECT_EQ(placeless[kObserver]["certain"], false);
  // ...and none when no party is.
  EXPECT_TRUE(mechanisms_of(api_, incident_of_day(api_, "2031-03-25")).empty());
}

TEST_F(Verification, TheOperatorNamesTheMechanismAndTheQuorumOfTwoNeedsBothMembers) {
  const std::string id = incident_of_day(api_, "2031-03-10");
  const std::string base = "/api/v1/incidents/" + id;
  const std::string east = user_with_token(api_, "monitor-east", Role::kMonitor, "eastport");
  const std::string east_again =
      user_with_token(api_, "monitor-east-2", Role::kMonitor, "eastport");
  const std::string west = user_with_token(api_, "monitor-west", Role::kMonitor, "westport");
  const std::string head =
      user_with_token(api_, "head-of-mission", Role::kMonitor, "lighthouse-mission");

  auto unnamed = api_.post(base + "/review", "{}", Role::kOperator);
  EXPECT_EQ(unnamed.status, 400) << unnamed.body;
  EXPECT_NE(unnamed.json()["detail"].get<std::string>().find(kJoint), std::string::npos);
  EXPECT_NE(unnamed.json()["detail"].get<std::string>().find(kObserver), std::string::npos);
  auto opened =
      api_.post(base + "/review", R"({"agreement":")" + kJoint + R"("})", Role::kOperator);
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.json()["state"], "under_review");
  EXPECT_EQ(opened.json()["mechanism"]["agreement"], kJoint);
  EXPECT_EQ(opened.json()["mechanism"]["provision"], "2");

  // The head of the other mechanism is no member of this one.
  EXPECT_EQ(sign(api_, id, head, "verified").status, 400);
  auto first = sign(api_, id, east, "verified");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["state"], "signed_off");
  EXPECT_EQ(sign(api_, id, east, "verified").status, 409);
  EXPECT_EQ(sign(api_, id, east_again, "verified").status, 409);
  EXPECT_EQ(api_.get(base + "/review", Role::kAnalyst).json()["state"], "signed_off");
  auto second = sign(api_, id, west, "verified");
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.json()["state"], "verified");
  EXPECT_EQ(second.json()["signoffs"].size(), 2U);
}

TEST_F(Verification, OneHeadOfMissionIsAQuorumOfOne) {
  const std::string id = incident_of_day(api_, "2031-03-20");
  const std::string base = "/api/v1/incidents/" + id;
  const std::string east = user_with_token(api_, "monitor-east", Role::kMonitor, "eastport");
  const std::string head =
      user_with_token(api_, "head-of-mission", Role::kMonitor, "lighthouse-mission");
  auto opened =
      api_.post(base + "/review", R"({"agreement":")" + kObserver + R"("})", Role::kOperator);
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(sign(api_, id, east, "refuted").status, 400);  // a party, not the mission
  auto refuted = sign(api_, id, head, "refuted");
  ASSERT_EQ(refuted.status, 200) << refuted.body;
  EXPECT_EQ(refuted.json()["state"], "refuted");

  // Reopened under the joint commission, where one party cannot refute alone.
  auto reopened =
      api_.post(base + "/review", R"({"agreement":")" + kJoint + R"("})", Role::kOperator);
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_TRUE(reopened.json()["signoffs"].empty());
  EXPECT_EQ(sign(api_, id, east, "refuted").json()["state"], "signed_off");
}

TEST_F(Verification, AnIncidentOutsideEveryAreaHasNoMechanismToOpen) {
  for (const std::string day : {"2031-03-12", "2031-03-25"}) {
    const std::string id = incident_of_day(api_, day);
    auto refused = api_.post("/api/v1/incidents/" + id + "/review", "{}", Role::kOperator);
    EXPECT_EQ(refused.status, 400) << day << " " << refused.body;
    auto named = api_.post("/api/v1/incidents/" + id + "/review",
                           R"({"agreement":")" + kJoint + R"("})", Role::kOperator);
    EXPECT_EQ(named.status, 400) << day << " " << named.body;
    EXPECT_EQ(api_.get("/api/v1/incidents/" + id + "/review", Role::kAnalyst).json()["state"],
              "unverified");
  }
}

}  // namespace
}  // namespace truce::test
