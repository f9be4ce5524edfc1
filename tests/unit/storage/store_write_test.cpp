// write(): one transaction per batch, idempotent re-writes, conflicts and
// dangling references refused with nothing written, dry runs.
#include <gtest/gtest.h>

#include "storage/store.hpp"
#include "unit/storage/test_data.hpp"

namespace truce::storage {
namespace {

using test::article;
using test::bare_claim;
using test::ministry_source;
using test::rich_claim;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

class StoreWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = open_store(":memory:", OpenMode::kCreate);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(store).value();
  }

  static IntakeBatch full_batch() {
    IntakeBatch batch;
    batch.origin = "reports.json";
    batch.sources = {ministry_source(), test::neutral_source()};
    batch.documents = {article("doc_1", batch.sources[0].id),
                       article("doc_2", batch.sources[1].id)};
    batch.claims = {rich_claim("clm_1", batch.documents[0].id),
                    bare_claim("clm_2", batch.documents[1].id)};
    return batch;
  }

  StoreStats counts() {
    auto stats = store_->stats();
    EXPECT_TRUE(stats) << stats.error().message;
    return stats ? *stats : StoreStats{};
  }

  std::unique_ptr<Store> store_;
};

TEST_F(StoreWrite, AFirstWriteCountsEveryRecordAsAdded) {
  auto summary = store_->write(full_batch(), WriteMode::kCommit);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->sources_added, 2);
  EXPECT_EQ(summary->documents_added, 2);
  EXPECT_EQ(summary->claims_added, 2);
  EXPECT_FALSE(summary->nothing_new());
  StoreStats stats = counts();
  EXPECT_EQ(stats.sources, 2);
  EXPECT_EQ(stats.documents, 2);
  EXPECT_EQ(stats.claims, 2);
}

TEST_F(StoreWrite, WritingTheSameBatchAgainCountsEverythingUnchanged) {
  ASSERT_TRUE(store_->write(full_batch(), WriteMode::kCommit));
  auto again = store_->write(full_batch(), WriteMode::kCommit);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->nothing_new());
  EXPECT_EQ(again->sources_unchanged, 2);
  EXPECT_EQ(again->documents_unchanged, 2);
  EXPECT_EQ(again->claims_unchanged, 2);
  StoreStats stats = counts();
  EXPECT_EQ(stats.claims, 2);
}

TEST_F(StoreWrite, ARecordTwiceInOneBatchIsAddedOnceThenUnchanged) {
  IntakeBatch batch = full_batch();
  batch.claims.push_back(batch.claims[0]);
  auto summary = store_->write(batch, WriteMode::kCommit);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->claims_added, 2);
  EXPECT_EQ(summary->claims_unchanged, 1);
}

TEST_F(StoreWrite, ASourceStoredWithOtherAttributesIsAConflictAndNothingIsWritten) {
  ASSERT_TRUE(store_->write(full_batch(), WriteMode::kCommit));
  IntakeBatch batch;
  // The new source comes first, so it is inserted before the conflict is seen.
  batch.sources = {test::neutral_source("new-agency"), ministry_source()};
  batch.sources[1].reliability = Reliability::kA;
  batch.source_locations = {"sources.csv:2", "sources.csv:3"};
  batch.documents = {article("doc_new", batch.sources[0].id)};
  batch.claims = {bare_claim("clm_new", batch.documents[0].id)};

  auto summary = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(contains(summary.error().message, "am-mod")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "reliability")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "sources.csv:3")) << summary.error().message;
  EXPECT_EQ(summary.error().context.rfind("storage.sqlite: write batch", 0), 0u);
  StoreStats stats = counts();
  EXPECT_EQ(stats.sources, 2);
  EXPECT_EQ(stats.documents, 2);
  EXPECT_EQ(stats.claims, 2);
  EXPECT_FALSE(store_->get_source(SourceId("new-agency")));
  auto source = store_->get_source(SourceId("am-mod"));
  ASSERT_TRUE(source);
  EXPECT_EQ(source->reliability, Reliability::kC);
}

TEST_F(StoreWrite, ADocumentStoredWithOtherContentIsAConflictNamingTheField) {
  ASSERT_TRUE(store_->write(full_batch(), WriteMode::kCommit));
  IntakeBatch batch = full_batch();
  batch.documents[1].text += " (edited)";
  batch.document_locations = {"a.json:/documents/0", "a.json:/documents/1"};
  auto summary = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(contains(summary.error().message, "doc_2")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "text")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "a.json:/documents/1"));
}

TEST_F(StoreWrite, AClaimStoredWithOtherContentIsAConflict) {
  ASSERT_TRUE(store_->write(full_batch(), WriteMode::kCommit));
  IntakeBatch batch = full_batch();
  batch.claims[0].casualties[0].count = CountRange{2, 2};
  auto summary = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(contains(summary.error().message, "clm_1")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "casualties")) << summary.error().message;
}

TEST_F(StoreWrite, AConflictNamesTheTimeBasisActorsOrAgreementsWhenOnlyTheyDiffer) {
  ASSERT_TRUE(store_->write(full_batch(), WriteMode::kCommit));
  struct Case {
    const char* field;
    void (*change)(IntakeBatch&);
  };
  const Case cases[] = {
      {"time_basis", [](IntakeBatch& b) { b.claims[0].time_basis.from_context = false; }},
      {"actors", [](IntakeBatch& b) { b.claims[0].actors[0].role = ActorRole::kParticipant; }},
      {"agreements", [](IntakeBatch& b) { b.claims[0].agreements[0].registry_id.clear(); }},
      {"agreement_references",
       [](IntakeBatch& b) { b.documents[0].agreement_references[0].spans.pop_back(); }},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.field);
    IntakeBatch batch = full_batch();
    test.change(batch);
    auto summary = store_->write(batch, WriteMode::kCommit);
    ASSERT_FALSE(summary);
    EXPECT_EQ(summary.error().code, ErrorCode::kConflict);
    EXPECT_TRUE(contains(summary.error().message, "different " + std::string(test.field) + ";"))
        << summary.error().message;
  }
}

TEST_F(StoreWrite, ABatchWhoseLastClaimHasNoDocumentWritesNothingAtAll) {
  IntakeBatch batch = full_batch();
  batch.claims.push_back(bare_claim("clm_orphan", DocumentId("doc_nowhere")));
  batch.claim_locations = {"reports.csv:2", "reports.csv:3", "reports.csv:4"};

  auto summary = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(contains(summary.error().message, "clm_orphan")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "reports.csv:4")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "doc_nowhere")) << summary.error().message;
  StoreStats stats = counts();
  EXPECT_EQ(stats.sources, 0);
  EXPECT_EQ(stats.documents, 0);
  EXPECT_EQ(stats.claims, 0);
  EXPECT_FALSE(stats.first_event.has_value());
}

TEST_F(StoreWrite, ADocumentWhoseSourceIsNowhereIsInvalidInputNamingIt) {
  IntakeBatch batch = full_batch();
  batch.documents[1].source = SourceId("unknown-agency");
  auto summary = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(contains(summary.error().message, "doc_2")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "unknown-agency")) << summary.error().message;
  EXPECT_TRUE(contains(summary.error().message, "reports.json")) << summary.error().message;
  EXPECT_EQ(counts().sources, 0);
}

TEST_F(StoreWrite, ReferencesToRecordsStoredEarlierAreAccepted) {
  ASSERT_TRUE(store_->write(full_batch(), WriteMode::kCommit));
  IntakeBatch later;
  later.documents = {article("doc_3", SourceId("am-mod"))};
  later.claims = {bare_claim("clm_3", DocumentId("doc_1")),
                  bare_claim("clm_4", DocumentId("doc_3"))};
  auto summary = store_->write(later, WriteMode::kCommit);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->documents_added, 1);
  EXPECT_EQ(summary->claims_added, 2);
}

TEST_F(StoreWrite, ADryRunReportsWhatWouldBeWrittenAndWritesNothing) {
  auto summary = store_->write(full_batch(), WriteMode::kDryRun);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->claims_added, 2);
  StoreStats stats = counts();
  EXPECT_EQ(stats.sources, 0);
  EXPECT_EQ(stats.claims, 0);
  ClaimQuery everything;
  auto found = store_->find_claims(everything);
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->empty());
}

TEST_F(StoreWrite, ADryRunStillFindsConflicts) {
  ASSERT_TRUE(store_->write(full_batch(), WriteMode::kCommit));
  IntakeBatch batch = full_batch();
  batch.sources[1].name = "Renamed";
  auto summary = store_->write(batch, WriteMode::kDryRun);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kConflict);
}

TEST_F(StoreWrite, GeometriesAndTimesTheSchemaCannotHoldAreRefused) {
  IntakeBatch batch = full_batch();
  batch.claims[1].place =
      Place{"", Geometry{GeometryType::kPolygon, {}}, LocationPrecision::kExact, "", ""};
  auto empty_geometry = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(empty_geometry);
  EXPECT_EQ(empty_geometry.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(contains(empty_geometry.error().message, "clm_2"));

  batch = full_batch();
  batch.claims[1].time.end = test::civil(2021, 2, 30);
  auto impossible_date = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(impossible_date);
  EXPECT_EQ(impossible_date.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(contains(impossible_date.error().message, "time"));

  batch = full_batch();
  batch.claims[0].agreements[0].dates[0] = test::civil(2020, 2, 30);
  auto impossible_agreement_date = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(impossible_agreement_date);
  EXPECT_EQ(impossible_agreement_date.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(contains(impossible_agreement_date.error().message, "agreements"))
      << impossible_agreement_date.error().message;

  batch = full_batch();
  batch.documents[0].agreement_references[0].dates[0] = test::civil(2020, 13, 1);
  auto impossible_reference_date = store_->write(batch, WriteMode::kCommit);
  ASSERT_FALSE(impossible_reference_date);
  EXPECT_TRUE(contains(impossible_reference_date.error().message, "agreement_references"))
      << impossible_reference_date.error().message;
  EXPECT_EQ(counts().sources, 0);
}

}  // namespace
}  // namespace truce::storage
