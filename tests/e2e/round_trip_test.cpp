// Export, re-ingest into a fresh database, export again: the records survive.
#include "e2e.hpp"

namespace truce::test {
namespace {

class RoundTrip : public CliTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(RoundTrip, ReingestingAnExportGivesTheSameRecords) {
  const std::string format = GetParam();
  ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
  std::string first = (dir_ / ("first." + format)).string();
  auto exported = truce({"export", "--db", db_, "--format", format, "-o", first});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;

  std::string other_db = (dir_ / "other.db").string();
  ASSERT_EQ(truce({"init", "--db", other_db}).exit_code, 0);
  auto reingested = truce({"ingest", "--db", other_db, first});
  ASSERT_EQ(reingested.exit_code, 0) << reingested.err;
  EXPECT_NE(reingested.out.find("added 4 claims"), std::string::npos) << reingested.out;

  std::string second = (dir_ / ("second." + format)).string();
  ASSERT_EQ(truce({"export", "--db", other_db, "--format", format, "-o", second}).exit_code, 0);
  if (format == "json") {
    EXPECT_EQ(read_file(first), read_file(second));
  } else {
    // CSV and GeoJSON carry no document text, so the copy cannot quote the
    // words behind each span; from then on the export is a fixed point.
    std::string third_db = (dir_ / "third.db").string();
    ASSERT_EQ(truce({"init", "--db", third_db}).exit_code, 0);
    ASSERT_EQ(truce({"ingest", "--db", third_db, second}).exit_code, 0);
    auto third = truce({"export", "--db", third_db, "--format", format});
    EXPECT_EQ(third.out, read_file(second));
  }

  // The same claims, with the same ids, in both databases.
  auto original = json_of({"claims"});
  auto copy = truce({"claims", "--db", other_db, "--json"});
  EXPECT_EQ(original["claims"], nlohmann::json::parse(copy.out)["claims"]);

  // And ingesting the export into the original database adds nothing.
  auto again = truce({"ingest", "--db", db_, first});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("already stored"), std::string::npos) << again.out;
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip, ::testing::Values("json", "csv", "geojson"));

TEST_F(CliTest, TheJsonExportKeepsDocumentTexts) {
  ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
  auto exported = truce({"export", "--db", db_, "--format", "json"});
  ASSERT_EQ(exported.exit_code, 0);
  auto report = nlohmann::json::parse(exported.out);
  EXPECT_EQ(report["documents"][0]["text"],
            read_file(kSourceDir / "tests/data/seed/ar-sputnik-2021-11-21.txt"));
}

TEST_F(CliTest, ExportsOnlyWhatTheFiltersSelect) {
  ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
  auto exported = truce({"export", "--db", db_, "--format", "json", "--event-type", "attack"});
  ASSERT_EQ(exported.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(exported.out)["claims"].size(), 1U);
}

}  // namespace
}  // namespace truce::test
