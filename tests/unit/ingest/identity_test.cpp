#include "ingest/identity.hpp"

#include <gtest/gtest.h>

namespace truce::ingest {
namespace {

IntakeBatch batch_with_one_claim(const std::string& text) {
  IntakeBatch batch;
  batch.origin = "test.json";
  Document document;
  document.id = DocumentId("key:d1");
  document.source = SourceId("am-mod");
  document.text = text;
  batch.documents.push_back(document);
  batch.document_locations.push_back("test.json:/documents/0");
  Claim claim;
  claim.document = DocumentId("key:d1");
  claim.claimant = {"am-mod", "Ministry of Defence of Armenia"};
  claim.time = {*parse_civil_time("2021-11-16"), *parse_civil_time("2021-11-16"),
                TimePrecision::kDay, ""};
  batch.claims.push_back(claim);
  batch.claim_locations.push_back("test.json:/claims/0");
  return batch;
}

TEST(AssignIds, DerivesTheSameIdsFromTheSameContent) {
  std::vector<std::string> warnings;
  IntakeBatch a = batch_with_one_claim("text");
  IntakeBatch b = batch_with_one_claim("text");
  ASSERT_TRUE(assign_ids(a, warnings));
  ASSERT_TRUE(assign_ids(b, warnings));
  EXPECT_EQ(a.documents[0].id, b.documents[0].id);
  EXPECT_EQ(a.claims[0].id, b.claims[0].id);
  EXPECT_EQ(a.claims[0].document, a.documents[0].id);
  EXPECT_EQ(a.documents[0].id.str().size(), 24U);
  EXPECT_EQ(a.claims[0].id.str().rfind("clm_", 0), 0U);
  EXPECT_TRUE(warnings.empty());
}

TEST(AssignIds, DifferentTextOrSourceGivesADifferentDocument) {
  std::vector<std::string> warnings;
  IntakeBatch a = batch_with_one_claim("text");
  IntakeBatch b = batch_with_one_claim("text!");
  IntakeBatch c = batch_with_one_claim("text");
  c.documents[0].source = SourceId("az-mod");
  ASSERT_TRUE(assign_ids(a, warnings));
  ASSERT_TRUE(assign_ids(b, warnings));
  ASSERT_TRUE(assign_ids(c, warnings));
  EXPECT_NE(a.documents[0].id, b.documents[0].id);
  EXPECT_NE(a.documents[0].id, c.documents[0].id);
  EXPECT_NE(a.claims[0].id, b.claims[0].id);  // a claim's id includes its document
}

TEST(AssignIds, AGivenIdMustMatchTheText) {
  std::vector<std::string> warnings;
  IntakeBatch batch = batch_with_one_claim("text");
  ASSERT_TRUE(assign_ids(batch, warnings));
  std::string id = batch.documents[0].id.str();

  IntakeBatch edited = batch_with_one_claim("text, edited");
  edited.documents[0].id = DocumentId(id);
  edited.claims[0].document = DocumentId(id);
  Status status = assign_ids(edited, warnings);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(status.error().message.find("test.json:/documents/0: field 'id'"), std::string::npos)
      << status.error().message;
}

TEST(AssignIds, KeepsAGivenIdOfADocumentWithoutText) {
  std::vector<std::string> warnings;
  IntakeBatch batch = batch_with_one_claim("");
  batch.documents[0].id = DocumentId("doc_0123456789abcdef0123");
  batch.claims[0].document = DocumentId("doc_0123456789abcdef0123");
  ASSERT_TRUE(assign_ids(batch, warnings));
  EXPECT_EQ(batch.documents[0].id.str(), "doc_0123456789abcdef0123");
  EXPECT_EQ(batch.claims[0].document.str(), "doc_0123456789abcdef0123");
}

TEST(AssignIds, RefusesAMalformedDocumentId) {
  std::vector<std::string> warnings;
  IntakeBatch batch = batch_with_one_claim("");
  batch.documents[0].id = DocumentId("doc_XYZ");
  batch.claims[0].document = DocumentId("doc_XYZ");
  EXPECT_FALSE(assign_ids(batch, warnings));
}

TEST(AssignIds, StoresARepeatedClaimOnceWithAWarning) {
  std::vector<std::string> warnings;
  IntakeBatch batch = batch_with_one_claim("text");
  batch.claims.push_back(batch.claims[0]);
  batch.claim_locations.push_back("test.json:/claims/1");
  ASSERT_TRUE(assign_ids(batch, warnings));
  EXPECT_EQ(batch.claims.size(), 1U);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_NE(warnings[0].find("test.json:/claims/1"), std::string::npos);
}

TEST(AssignIds, RefusesAClaimNamingNoDocument) {
  std::vector<std::string> warnings;
  IntakeBatch batch = batch_with_one_claim("text");
  batch.claims[0].document = DocumentId("key:nope");
  Status status = assign_ids(batch, warnings);
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("test.json:/claims/0: field 'document'"),
            std::string::npos);
}

}  // namespace
}  // namespace truce::ingest
