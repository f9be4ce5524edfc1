// Incidents, their members with explanations, ending links, analysts'
// decisions and history: written with a batch or a decision in one
// transaction, read back exactly, and refused whole when they name claims
// that are not stored.
#include <gtest/gtest.h>

#include "storage/store.hpp"
#include "unit/storage/test_data.hpp"

namespace truce::storage {
namespace {

using test::bare_claim;

MatchFeatures features(const std::string& with, double score) {
  MatchFeatures why;
  why.matched_with = ClaimId(with);
  why.time_gap_hours = 1.5;
  why.distance_km = 12.25;
  why.place_rule = "12.3 km apart, 50.0 km allowed";
  why.type_rule = "attack ~ armed_clash (hostilities)";
  why.actor_rule = "parties armenia, azerbaijan";
  why.score = score;
  return why;
}

Incident incident_of(const std::string& first, const std::string& second) {
  Incident incident;
  incident.id = incident_id_for(ClaimId(first));
  incident.members.push_back({ClaimId(first), features(second, 0.75)});
  MatchFeatures by_decision;
  by_decision.matched_with = ClaimId(first);
  by_decision.score = 1;
  by_decision.decision = 1;
  incident.members.push_back({ClaimId(second), by_decision});
  incident.start_key = "2021-11-16T00:00:00";
  incident.end_key = "2021-11-16T23:59:59";
  return incident;
}

class IncidentStore : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = open_store(":memory:", OpenMode::kCreate);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(store).value();
    std::vector<Claim> claims;
    for (const char* id : {"clm_a", "clm_b", "clm_c", "clm_z"}) {
      claims.push_back(bare_claim(id, DocumentId("doc_1")));
    }
    auto written = store_->write(test::batch_of(std::move(claims)), WriteMode::kCommit);
    ASSERT_TRUE(written) << written.error().message;
  }

  std::unique_ptr<Store> store_;
};

TEST_F(IncidentStore, AnIncidentWrittenWithABatchReadsBackExactly) {
  IncidentUpdate update;
  Incident incident = incident_of("clm_a", "clm_b");
  incident.links.push_back({IncidentLinkKind::kEndedBy, ClaimId("clm_z"), features("clm_a", 0.6)});
  update.put.push_back(incident);
  update.events.push_back({"", incident.id, "created", "2 claims"});
  auto written = store_->write(IntakeBatch{}, WriteMode::kCommit, update);
  ASSERT_TRUE(written) << written.error().message;
  auto read = store_->get_incident(incident.id);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, incident);
  auto members = store_->incidents_of({ClaimId("clm_b"), ClaimId("clm_c")});
  ASSERT_TRUE(members);
  ASSERT_EQ(members->size(), 1U);
  EXPECT_EQ((*members)[0].second, incident.id);
  auto linking = store_->incidents_linking({ClaimId("clm_z")});
  ASSERT_TRUE(linking);
  ASSERT_EQ(linking->size(), 1U);
  auto history = store_->incident_history(incident.id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1U);
  EXPECT_EQ((*history)[0].what, "created");
  EXPECT_EQ((*history)[0].at.size(), 20U);  // stamped "YYYY-MM-DDTHH:MM:SSZ"
}

TEST_F(IncidentStore, PuttingAnIncidentAgainReplacesItsMembers) {
  IncidentUpdate first;
  first.put.push_back(incident_of("clm_a", "clm_b"));
  ASSERT_TRUE(store_->write(IntakeBatch{}, WriteMode::kCommit, first));
  // clm_b moves to an incident of its own.
  IncidentUpdate second;
  Incident alone;
  alone.id = IncidentId("inc_a");
  alone.members.push_back({ClaimId("clm_a"), MatchFeatures{}});
  alone.start_key = alone.end_key = "2021-11-16T00:00:00";
  Incident other = alone;
  other.id = IncidentId("inc_b");
  other.members[0].claim = ClaimId("clm_b");
  second.put = {alone, other};
  auto written = store_->write(IntakeBatch{}, WriteMode::kCommit, second);
  ASSERT_TRUE(written) << written.error().message;
  auto count = store_->count_incidents();
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 2);
  auto read = store_->get_incident(IncidentId("inc_a"));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->members.size(), 1U);
}

TEST_F(IncidentStore, AMemberThatIsNoStoredClaimRefusesTheWholeWrite) {
  IncidentUpdate update;
  update.put.push_back(incident_of("clm_a", "clm_missing"));
  IntakeBatch batch = test::batch_of({bare_claim("clm_new", DocumentId("doc_1"))});
  auto written = store_->write(batch, WriteMode::kCommit, update);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(written.error().message.find("clm_missing"), std::string::npos);
  EXPECT_FALSE(store_->get_claim(ClaimId("clm_new")));  // the batch was rolled back too
  EXPECT_FALSE(store_->get_incident(incident_id_for(ClaimId("clm_a"))));
}

TEST_F(IncidentStore, ADryRunWritesNoIncident) {
  IncidentUpdate update;
  update.put.push_back(incident_of("clm_a", "clm_b"));
  ASSERT_TRUE(store_->write(IntakeBatch{}, WriteMode::kDryRun, update));
  EXPECT_FALSE(store_->get_incident(incident_id_for(ClaimId("clm_a"))));
}

TEST_F(IncidentStore, DecisionsAreNumberedInOrderAndFoundByTheirClaims) {
  auto next = store_->next_decision_sequence();
  ASSERT_TRUE(next);
  EXPECT_EQ(*next, 1);
  Decision decision;
  decision.sequence = 1;
  decision.kind = DecisionKind::kSplit;
  decision.incident = IncidentId("inc_a");
  decision.claims = {ClaimId("clm_b")};
  decision.by = "duty officer";
  decision.reason = "two different hills";
  decision.at = "2031-01-01T10:00:00Z";
  decision.constraints = {{ClaimId("clm_a"), ClaimId("clm_b"), false}};
  IncidentUpdate update;
  update.put.push_back(incident_of("clm_a", "clm_c"));
  auto recorded = store_->record_decision(decision, update);
  ASSERT_TRUE(recorded) << recorded.error().message;
  auto found = store_->decisions_about({ClaimId("clm_b")});
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ((*found)[0], decision);
  auto none = store_->decisions_about({ClaimId("clm_c")});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  // A stale sequence number means someone decided meanwhile: refused, nothing written.
  Decision stale = decision;
  stale.reason = "again";
  auto refused = store_->record_decision(stale, {});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
}

TEST_F(IncidentStore, IncidentsAreListedByTimeAndFilteredByWindow) {
  IncidentUpdate update;
  Incident early = incident_of("clm_a", "clm_b");
  Incident late;
  late.id = IncidentId("inc_c");
  late.members.push_back({ClaimId("clm_c"), MatchFeatures{}});
  late.start_key = "2021-12-01T00:00:00";
  late.end_key = "2021-12-01T23:59:59";
  update.put = {late, early};
  ASSERT_TRUE(store_->write(IntakeBatch{}, WriteMode::kCommit, update));
  auto all = store_->find_incidents({});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].id, early.id);
  IncidentQuery query;
  query.since = "2021-11-20";
  auto later = store_->find_incidents(query);
  ASSERT_TRUE(later);
  ASSERT_EQ(later->size(), 1U);
  EXPECT_EQ((*later)[0].id, late.id);
  query = {};
  query.until = "2021-11-16";
  auto earlier = store_->find_incidents(query);
  ASSERT_TRUE(earlier);
  ASSERT_EQ(earlier->size(), 1U);
  EXPECT_EQ((*earlier)[0].id, early.id);
}

}  // namespace
}  // namespace truce::storage
