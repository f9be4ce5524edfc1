// Incident summaries and reviews (migration 6): each filter keeps exactly
// the rows it names, pages follow the stable order, a summary goes with its
// incident when the incident changes, and a review is written only with its
// audit entry and only over the review it was decided on.
#include <gtest/gtest.h>

#include "storage/store.hpp"
#include "unit/storage/test_data.hpp"

namespace truce::storage {
namespace {

using test::bare_claim;

Incident single(const std::string& claim, const std::string& day) {
  Incident incident;
  incident.id = incident_id_for(ClaimId(claim));
  incident.members.push_back({ClaimId(claim), MatchFeatures{}});
  incident.start_key = day + "T00:00:00";
  incident.end_key = day + "T23:59:59";
  return incident;
}

IncidentSummary summary_of(const Incident& incident, double lon, const std::string& type,
                           const std::string& evidence) {
  IncidentSummary summary;
  summary.id = incident.id;
  summary.start_key = incident.start_key;
  summary.end_key = incident.end_key;
  summary.box = BoundingBox{lon, 50, lon + 0.01, 50.01};
  summary.attribution = "one_sided";
  summary.evidence = evidence;
  summary.event_types = {type};
  summary.actors = {"northland"};
  summary.theatres = lon < 11 ? std::vector<std::string>{"west"} : std::vector<std::string>{};
  summary.json = R"({"id":")" + incident.id.str() + R"(","claims":[]})";
  summary.public_json = R"({"id":")" + incident.id.str() + R"("})";
  return summary;
}

std::vector<std::string> ids(const Result<std::vector<IncidentSummaryRow>>& rows) {
  std::vector<std::string> out;
  EXPECT_TRUE(rows) << rows.error().message;
  for (const auto& row : *rows) {
    out.push_back(row.id);
  }
  return out;
}

class SummaryStore : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = open_store(":memory:", OpenMode::kCreate);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(store).value();
    std::vector<Claim> claims;
    for (const char* id : {"clm_a", "clm_b", "clm_c", "clm_d"}) {
      claims.push_back(bare_claim(id, DocumentId("doc_1")));
    }
    IncidentUpdate update;
    update.put = {single("clm_a", "2023-01-01"), single("clm_b", "2023-02-01"),
                  single("clm_c", "2023-03-01"), single("clm_d", "2023-03-01")};
    auto written = store_->write(test::batch_of(std::move(claims)), WriteMode::kCommit, update);
    ASSERT_TRUE(written) << written.error().message;
    auto missing = store_->unsummarised_incidents(100);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->size(), 4U);
    ASSERT_TRUE(store_->put_incident_summaries(
        {summary_of(update.put[0], 10.2, "attack", "corroborated"),
         summary_of(update.put[1], 12.2, "shelling", "single_source"),
         summary_of(update.put[2], 10.5, "shelling", "corroborated"),
         summary_of(update.put[3], 14.0, "attack", "contested")}));
    incidents_ = update.put;
  }

  std::unique_ptr<Store> store_;
  std::vector<Incident> incidents_;
};

TEST_F(SummaryStore, EachFilterKeepsWhatItNames) {
  EXPECT_TRUE(store_->unsummarised_incidents(100)->empty());
  IncidentSummaryQuery all;
  EXPECT_EQ(ids(store_->find_incident_summaries(all)),
            (std::vector<std::string>{"inc_a", "inc_b", "inc_c", "inc_d"}));
  IncidentSummaryQuery query;
  query.event_type = "shelling";
  EXPECT_EQ(ids(store_->find_incident_summaries(query)),
            (std::vector<std::string>{"inc_b", "inc_c"}));
  query = {};
  query.evidence = "corroborated";
  EXPECT_EQ(ids(store_->find_incident_summaries(query)),
            (std::vector<std::string>{"inc_a", "inc_c"}));
  query = {};
  query.since = "2023-02-01";
  query.until = "2023-02-28";
  EXPECT_EQ(ids(store_->find_incident_summaries(query)), (std::vector<std::string>{"inc_b"}));
  query = {};
  query.bbox = BoundingBox{10.0, 49.0, 11.0, 51.0};
  EXPECT_EQ(ids(store_->find_incident_summaries(query)),
            (std::vector<std::string>{"inc_a", "inc_c"}));
  query = {};
  query.theatre = "west";
  EXPECT_EQ(ids(store_->find_incident_summaries(query)),
            (std::vector<std::string>{"inc_a", "inc_c"}));
  query = {};
  query.actor = "southland";
  EXPECT_TRUE(ids(store_->find_incident_summaries(query)).empty());
  query = {};
  query.state = "unverified";
  EXPECT_EQ(ids(store_->find_incident_summaries(query)).size(), 4U);
  query = {};
  query.since = "not a date";
  EXPECT_FALSE(store_->find_incident_summaries(query));
}

TEST_F(SummaryStore, PagesContinueAfterTheCursor) {
  IncidentSummaryQuery query;
  query.limit = 2;
  auto first = store_->find_incident_summaries(query);
  ASSERT_EQ(ids(first), (std::vector<std::string>{"inc_a", "inc_b"}));
  query.after = IncidentCursor{first->back().start_key, first->back().id};
  EXPECT_EQ(ids(store_->find_incident_summaries(query)),
            (std::vector<std::string>{"inc_c", "inc_d"}));
}

TEST_F(SummaryStore, AChangedIncidentLosesItsSummary) {
  IncidentUpdate update;
  Incident grown = single("clm_a", "2023-01-01");
  grown.members.push_back({ClaimId("clm_b"), MatchFeatures{}});
  update.put.push_back(grown);
  update.removed.push_back(incidents_[1].id);
  ASSERT_TRUE(store_->write(IntakeBatch{}, WriteMode::kCommit, update));
  auto missing = store_->unsummarised_incidents(100);
  ASSERT_TRUE(missing);
  EXPECT_EQ(*missing, std::vector<IncidentId>{IncidentId("inc_a")});
  IncidentSummaryQuery query;
  query.bbox = BoundingBox{12.0, 49.0, 13.0, 51.0};  // inc_b's box, gone with it
  EXPECT_TRUE(ids(store_->find_incident_summaries(query)).empty());
}

TEST_F(SummaryStore, ReviewsArePublishedAndWrittenOnlyOverTheReviewTheyWereDecidedOn) {
  const IncidentId id("inc_c");
  auto fresh = store_->incident_review(id);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(fresh->state, "unverified");
  EXPECT_FALSE(fresh->published);
  IncidentReview next = *fresh;
  next.published = true;
  next.state = "under_review";
  next.agreement = "a";
  next.provision = "1";
  next.updated_at = "2025-01-01T00:00:00Z";
  next.signoffs.push_back({"north", "verified", "m1", "", "2025-01-01T00:00:00Z"});
  AuditRecord audit{"user:op", "incident.review", id.str(), "null", "{}"};
  ASSERT_TRUE(store_->put_incident_review(next, *fresh, audit));
  EXPECT_EQ(*store_->incident_review(id), next);
  // Decided on the fresh review, which is no longer stored: refused, nothing written.
  IncidentReview stale = *fresh;
  stale.state = "refuted";
  auto refused = store_->put_incident_review(stale, *fresh, audit);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(*store_->incident_review(id), next);
  auto entries = store_->audit_entries(0, 100);
  ASSERT_TRUE(entries);
  EXPECT_EQ(entries->size(), 1U);

  IncidentSummaryQuery published;
  published.published_only = true;
  published.public_view = true;
  auto rows = store_->find_incident_summaries(published);
  ASSERT_EQ(ids(rows), (std::vector<std::string>{"inc_c"}));
  EXPECT_EQ((*rows)[0].json, R"({"id":"inc_c"})");
  EXPECT_EQ((*rows)[0].state, "under_review");
  IncidentSummaryQuery by_state;
  by_state.state = "under_review";
  EXPECT_EQ(ids(store_->find_incident_summaries(by_state)), (std::vector<std::string>{"inc_c"}));
}

}  // namespace
}  // namespace truce::storage
