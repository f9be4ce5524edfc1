#include "ingest/intake.hpp"

#include <gtest/gtest.h>

namespace truce::ingest {
namespace {

const std::filesystem::path kExample =
    std::filesystem::path(TRUCE_SOURCE_DIR) / "data/examples/2021-11-16-kilisali.json";

TEST(Intake, ReadsTheBundledExampleWithDerivedIds) {
  auto intake = read_intake_file(kExample, InputFormat::kAuto);
  ASSERT_TRUE(intake) << intake.error().message;
  EXPECT_EQ(intake->format, InputFormat::kJson);
  EXPECT_EQ(intake->batch.claims.size(), 4U);
  ASSERT_EQ(intake->batch.documents.size(), 1U);
  for (const Claim& claim : intake->batch.claims) {
    EXPECT_EQ(claim.document, intake->batch.documents[0].id);
  }
}

TEST(Intake, RefusesAFileOverTheLimitBeforeReadingIt) {
  IntakeLimits limits;
  limits.max_file_bytes = 100;
  auto intake = read_intake_file(kExample, InputFormat::kAuto, limits);
  ASSERT_FALSE(intake);
  EXPECT_EQ(intake.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(intake.error().message.find("more than the limit of 100 bytes"), std::string::npos);
}

TEST(Intake, RefusesADocumentTextOverTheLimit) {
  IntakeLimits limits;
  limits.max_document_text_bytes = 1000;
  auto intake = read_intake_file(kExample, InputFormat::kAuto, limits);
  ASSERT_FALSE(intake);
  EXPECT_NE(intake.error().message.find("/documents/0: field 'text'"), std::string::npos)
      << intake.error().message;
}

TEST(Intake, RefusesMoreClaimsThanTheLimit) {
  IntakeLimits limits;
  limits.max_records = 3;
  auto intake = read_intake_file(kExample, InputFormat::kAuto, limits);
  ASSERT_FALSE(intake);
  EXPECT_NE(intake.error().message.find("limit of 3"), std::string::npos);
}

TEST(Intake, AMissingFileIsUnavailableAndADirectoryIsInvalid) {
  auto missing = read_intake_file("no/such/file.json", InputFormat::kAuto);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(missing.error().message.find("no/such/file.json"), std::string::npos);
  auto directory = read_intake_file(TRUCE_SOURCE_DIR, InputFormat::kAuto);
  ASSERT_FALSE(directory);
  EXPECT_EQ(directory.error().code, ErrorCode::kInvalidInput);
}

TEST(Intake, RefusesEmptyInput) {
  auto intake = read_intake_text(" \n", "empty.csv", InputFormat::kAuto);
  ASSERT_FALSE(intake);
  EXPECT_EQ(intake.error().message, "empty.csv: is empty");
}

TEST(Intake, DetectsGeoJsonByContentWhenTheExtensionSaysNothing) {
  auto intake = read_intake_text(R"({"type": "FeatureCollection", "features": []})", "upload",
                                 InputFormat::kAuto);
  // An empty collection is valid or refused by the reader; either way it was read as GeoJSON.
  if (intake) {
    EXPECT_EQ(intake->format, InputFormat::kGeoJson);
  } else {
    EXPECT_EQ(intake.error().message.find("FeatureCollection"), std::string::npos)
        << "read as another format: " << intake.error().message;
  }
}

TEST(InputFormat, WordsRoundTrip) {
  for (auto format :
       {InputFormat::kAuto, InputFormat::kJson, InputFormat::kGeoJson, InputFormat::kCsv}) {
    EXPECT_EQ(parse_input_format(to_string(format)), format);
  }
  EXPECT_FALSE(parse_input_format("xml"));
}

}  // namespace
}  // namespace truce::ingest
