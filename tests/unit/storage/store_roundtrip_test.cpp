// Every field of every record written through a Store reads back equal.
#include <gtest/gtest.h>

#include "storage/store.hpp"
#include "unit/storage/test_data.hpp"

namespace truce::storage {
namespace {

using test::article;
using test::bare_claim;
using test::ministry_source;
using test::neutral_source;
using test::rich_claim;

std::unique_ptr<Store> open_memory_store() {
  auto store = open_store(":memory:", OpenMode::kCreate);
  EXPECT_TRUE(store) << store.error().message;
  return std::move(store).value();
}

class RoundTrip : public ::testing::Test {
 protected:
  void write(const IntakeBatch& batch) {
    auto summary = store_->write(batch, WriteMode::kCommit);
    ASSERT_TRUE(summary) << summary.error().message;
  }

  std::unique_ptr<Store> store_ = open_memory_store();
};

TEST_F(RoundTrip, ARichClaimWithEveryFieldSetReadsBackEqual) {
  IntakeBatch batch;
  batch.sources = {ministry_source()};
  batch.documents = {article("doc_1", batch.sources[0].id)};
  batch.claims = {rich_claim("clm_rich", batch.documents[0].id)};
  write(batch);

  auto claim = store_->get_claim(ClaimId("clm_rich"));
  ASSERT_TRUE(claim) << claim.error().message;
  EXPECT_EQ(*claim, batch.claims[0]);
  // Spot checks that say what broke when the whole-claim comparison fails.
  ASSERT_TRUE(claim->place && claim->place->geometry);
  EXPECT_EQ(claim->place->geometry->parts, batch.claims[0].place->geometry->parts);
  EXPECT_EQ(claim->casualties, batch.claims[0].casualties);
  EXPECT_EQ(claim->provenance, batch.claims[0].provenance);
}

TEST_F(RoundTrip, AClaimWithNothingOptionalReadsBackWithoutInventedFields) {
  IntakeBatch batch;
  batch.sources = {ministry_source()};
  batch.documents = {article("doc_1", batch.sources[0].id)};
  batch.claims = {bare_claim("clm_bare", batch.documents[0].id)};
  write(batch);

  auto claim = store_->get_claim(ClaimId("clm_bare"));
  ASSERT_TRUE(claim) << claim.error().message;
  EXPECT_EQ(*claim, batch.claims[0]);
  EXPECT_FALSE(claim->place.has_value());
  EXPECT_FALSE(claim->violations.has_value());
}

TEST_F(RoundTrip, PlacesWithoutGeometryAndLineGeometriesReadBackEqual) {
  IntakeBatch batch;
  batch.sources = {ministry_source()};
  batch.documents = {article("doc_1", batch.sources[0].id)};
  Claim named_only = bare_claim("clm_named", batch.documents[0].id);
  named_only.place = Place{"Tegh", std::nullopt, LocationPrecision::kAdmin2, "", ""};
  Claim along_line = bare_claim("clm_line", batch.documents[0].id);
  Geometry lines;
  lines.type = GeometryType::kMultiLineString;
  lines.parts = {{{Longitude{-0.5}, Latitude{-0.25}}, {Longitude{0.1}, Latitude{0.7}}},
                 {{Longitude{179.999999999}, Latitude{-89.5}}, {Longitude{-180}, Latitude{90}}}};
  along_line.place = Place{"line of contact", lines, LocationPrecision::kLinear, "", ""};
  Claim on_road = bare_claim("clm_road", batch.documents[0].id);
  on_road.place =
      Place{"",
            Geometry{GeometryType::kLineString,
                     {{{Longitude{46}, Latitude{39}}, {Longitude{46.5}, Latitude{39.25}}}}},
            LocationPrecision::kExact, "AZ", ""};
  batch.claims = {named_only, along_line, on_road};
  write(batch);

  for (const Claim& written : batch.claims) {
    auto claim = store_->get_claim(written.id);
    ASSERT_TRUE(claim) << claim.error().message;
    EXPECT_EQ(*claim, written) << written.id.str();
  }
}

TEST_F(RoundTrip, SourcesAndDocumentsReadBackEqual) {
  IntakeBatch batch;
  batch.sources = {ministry_source(), neutral_source()};
  Document bare;
  bare.id = DocumentId("doc_bare");
  bare.source = batch.sources[1].id;
  batch.documents = {article("doc_1", batch.sources[0].id), bare};
  write(batch);

  for (const Source& written : batch.sources) {
    auto source = store_->get_source(written.id);
    ASSERT_TRUE(source) << source.error().message;
    EXPECT_EQ(*source, written);
  }
  for (const Document& written : batch.documents) {
    auto document = store_->get_document(written.id);
    ASSERT_TRUE(document) << document.error().message;
    EXPECT_EQ(*document, written);
  }
}

TEST_F(RoundTrip, ListsAreOrderedByIdAndDocumentsComeWithoutText) {
  IntakeBatch batch;
  batch.sources = {neutral_source("zz-agency"), ministry_source("aa-mod")};
  batch.documents = {article("doc_2", batch.sources[0].id), article("doc_1", batch.sources[1].id)};
  write(batch);

  auto sources = store_->list_sources();
  ASSERT_TRUE(sources) << sources.error().message;
  ASSERT_EQ(sources->size(), 2u);
  EXPECT_EQ((*sources)[0], batch.sources[1]);
  EXPECT_EQ((*sources)[1], batch.sources[0]);

  auto documents = store_->list_documents();
  ASSERT_TRUE(documents) << documents.error().message;
  ASSERT_EQ(documents->size(), 2u);
  Document expected = batch.documents[1];
  expected.text.clear();
  EXPECT_EQ((*documents)[0], expected);
  EXPECT_EQ((*documents)[1].id, DocumentId("doc_2"));
}

TEST_F(RoundTrip, AbsentRecordsAreNotFoundByName) {
  auto claim = store_->get_claim(ClaimId("clm_missing"));
  ASSERT_FALSE(claim);
  EXPECT_EQ(claim.error().code, ErrorCode::kNotFound);
  EXPECT_NE(claim.error().message.find("clm_missing"), std::string::npos);
  auto document = store_->get_document(DocumentId("doc_missing"));
  ASSERT_FALSE(document);
  EXPECT_EQ(document.error().code, ErrorCode::kNotFound);
  auto source = store_->get_source(SourceId("nobody"));
  ASSERT_FALSE(source);
  EXPECT_EQ(source.error().code, ErrorCode::kNotFound);
  EXPECT_NE(source.error().message.find("nobody"), std::string::npos);
}

}  // namespace
}  // namespace truce::storage
