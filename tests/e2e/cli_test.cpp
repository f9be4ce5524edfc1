// The CLI's conventions: --db / TRUCE_DB, --json documents, exit codes,
// idempotent ingest, queries with filters, records with provenance.
#include <sqlite3.h>

#include <fstream>

#include "e2e.hpp"

namespace truce::test {
namespace {

TEST(Cli, PrintsVersionAndHelpForEverySubcommand) {
  auto version = run_command(kBinary, {"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("truce "), std::string::npos);
  for (std::string command : {"init", "ingest", "claims", "show", "sources", "documents", "status",
                              "export", "demo", "incidents"}) {
    auto help = run_command(kBinary, {command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("--db"), std::string::npos) << command;
  }
}

TEST(Cli, RejectsAnUnknownSubcommandWithUsageExitCode) {
  auto result = run_command(kBinary, {"frobnicate"});
  EXPECT_EQ(result.exit_code, 2);
}

TEST_F(CliTest, InitRefusesToOverwriteAnExistingDatabase) {
  auto again = truce({"init", "--db", db_});
  EXPECT_EQ(again.exit_code, 5);
  EXPECT_NE(again.err.find(db_), std::string::npos) << again.err;
}

TEST_F(CliTest, CommandsOnAMissingDatabaseSayHowToCreateOne) {
  auto result = truce({"claims", "--db", (dir_ / "absent.db").string()});
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_NE(result.err.find("truce init"), std::string::npos) << result.err;
}

TEST_F(CliTest, IngestsTheExampleOnceAndSaysSoTheSecondTime) {
  auto first = truce({"ingest", "--db", db_, kExample.string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("added 4 claims, 1 documents, 1 sources"), std::string::npos)
      << first.out;
  auto second = truce({"ingest", "--db", db_, kExample.string()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("already stored"), std::string::npos) << second.out;
  EXPECT_EQ(claim_count(), 4);
}

TEST_F(CliTest, IngestJsonReportsCountsPerFile) {
  auto outcome = json_of({"ingest", kExample.string()});
  ASSERT_EQ(outcome["files"].size(), 1U);
  EXPECT_EQ(outcome["files"][0]["added"]["claims"], 4);
  EXPECT_EQ(outcome["files"][0]["format"], "json");
  EXPECT_TRUE(outcome["warnings"].is_array());
}

TEST_F(CliTest, ListsClaimsAsJsonWithCasualtyFiguresInTheDocumentedShape) {
  ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
  auto listing = json_of({"claims"});
  ASSERT_EQ(listing["claims"].size(), 4U);
  EXPECT_EQ(listing["total"], 4);
  int figures = 0;
  for (const auto& claim : listing["claims"]) {
    EXPECT_EQ(claim["id"].get<std::string>().rfind("clm_", 0), 0U);
    for (const auto& figure : claim.value("casualties", nlohmann::json::array())) {
      ++figures;
      EXPECT_TRUE(figure["side"]["id"].is_string());
      EXPECT_TRUE(figure["side"]["name"].is_string());
      EXPECT_TRUE(figure["min"].is_number_integer());
      EXPECT_TRUE(figure["max"].is_number_integer() || figure["max"].is_null());
    }
  }
  EXPECT_EQ(figures, 5);  // Armenia killed, captured, missing; Azerbaijan killed, wounded
}

TEST_F(CliTest, FiltersByEventTypeActorAndTimeWindow) {
  ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
  EXPECT_EQ(json_of({"claims", "--event-type", "attack"})["total"], 1);
  EXPECT_EQ(json_of({"claims", "--actor", "azerbaijan"})["total"], 2);
  EXPECT_EQ(json_of({"claims", "--since", "2021-11-17"})["total"], 1);  // the Kremlin call
  EXPECT_EQ(json_of({"claims", "--until", "2021-11-16"})["total"], 3);
  EXPECT_EQ(json_of({"claims", "--source", "pakistan-point-news", "--limit", "2"})["claims"].size(),
            2U);
}

TEST_F(CliTest, RejectsMalformedFiltersNamingTheFlag) {
  auto bbox = truce({"claims", "--db", db_, "--bbox", "45,39,44"});
  EXPECT_EQ(bbox.exit_code, 3);
  EXPECT_NE(bbox.err.find("--bbox"), std::string::npos);
  auto since = truce({"claims", "--db", db_, "--since", "16/11/2021"});
  EXPECT_EQ(since.exit_code, 3);
  EXPECT_NE(since.err.find("--since"), std::string::npos);
  auto type = truce({"claims", "--db", db_, "--event-type", "battle"});
  EXPECT_EQ(type.exit_code, 3);
  EXPECT_NE(type.err.find("armed_clash"), std::string::npos);
}

TEST_F(CliTest, ShowsAClaimWithTheWordsEachValueCameFrom) {
  ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
  auto listing = json_of({"claims", "--event-type", "attack"});
  std::string id = listing["claims"][0]["id"];
  auto text = truce({"show", "--db", db_, id});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("\"قتل جندي أرمني واحد\""), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("missing 24"), std::string::npos) << text.out;
  auto record = json_of({"show", id});
  EXPECT_EQ(record["claim"]["id"], id);
  EXPECT_EQ(record["source"]["id"], "pakistan-point-news");
  EXPECT_FALSE(record["document"]["text"].get<std::string>().empty());
}

TEST_F(CliTest, ListsSourcesAndDocumentsWithoutTexts) {
  ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
  auto sources = json_of({"sources"});
  ASSERT_EQ(sources["sources"].size(), 1U);
  EXPECT_EQ(sources["sources"][0]["reliability"], "F");
  auto documents = json_of({"documents"});
  ASSERT_EQ(documents["documents"].size(), 1U);
  EXPECT_EQ(documents["documents"][0]["language"], "ar");
  EXPECT_FALSE(documents["documents"][0].contains("text"));
  auto table = truce({"documents", "--db", db_});
  EXPECT_NE(table.out.find("pakistan-point-news"), std::string::npos) << table.out;
}

TEST_F(CliTest, ShowOfAnUnknownIdIsNotFound) {
  auto result = truce({"show", "--db", db_, "clm_00000000000000000000"});
  EXPECT_EQ(result.exit_code, 4);
  auto json = truce({"show", "--db", db_, "--json", "clm_00000000000000000000"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["error"]["code"], "not_found");
}

TEST_F(CliTest, UsesTruceDbWhenNoFlagIsGiven) {
  auto result = truce({"ingest", kExample.string()}, {{"TRUCE_DB", db_}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(claim_count(), 4);
}

TEST_F(CliTest, StatusShowsThePicture) {
  ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
  auto picture = json_of({"status"});
  EXPECT_EQ(picture["counts"]["claims"], 4);
  EXPECT_EQ(picture["sources"][0]["claims"], 4);
  EXPECT_EQ(picture["latest_claims"].size(), 4U);
  auto text = truce({"status", "--db", db_});
  EXPECT_NE(text.out.find("Ministry of Defence of Armenia"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Azerbaijan: killed 7, wounded 10"), std::string::npos) << text.out;
}

TEST(Demo, FindsItsBundledDataBesideTheBinaryAndIsIdempotent) {
  TempDir dir;
  std::string db = (dir / "demo.db").string();
  auto first = run_command(kBinary, {"demo", "--db", db});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("created database"), std::string::npos);
  EXPECT_NE(first.out.find("Latest claims"), std::string::npos);
  auto second = run_command(kBinary, {"demo", "--db", db});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("already stored"), std::string::npos) << second.out;
}

TEST(Demo, TruceDataOverridesTheDataDirectory) {
  TempDir dir;
  std::filesystem::create_directories(dir / "data/examples");
  std::filesystem::copy_file(kExample, dir / "data/examples/one.json");
  // Ingest groups claims into incidents, which needs fusion's parameters, the
  // source ratings and the actors' parties from the same data directory.
  for (const char* part : {"fusion", "sources", "actors"}) {
    std::filesystem::copy(kSourceDir / "data" / part, dir / "data" / part,
                          std::filesystem::copy_options::recursive);
  }
  std::string db = (dir / "demo.db").string();
  auto result =
      run_command(kBinary, {"demo", "--db", db}, {{"TRUCE_DATA", (dir / "data").string()}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("one.json: added 4 claims"), std::string::npos) << result.out;
  auto wrong =
      run_command(kBinary, {"demo", "--db", db}, {{"TRUCE_DATA", (dir / "nope").string()}});
  EXPECT_EQ(wrong.exit_code, 4);
  EXPECT_NE(wrong.err.find("TRUCE_DATA"), std::string::npos);
}

}  // namespace
}  // namespace truce::test

namespace truce::test {
namespace {

// The database file is edited with the sqlite3 library directly, as a newer
// truce would have left it; the binary must refuse it, not touch it.
TEST_F(CliTest, RefusesADatabaseMadeByANewerTruce) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO schema_migrations (version, name, applied_at) "
                         "VALUES (99, 'from the future', '2030-01-01T00:00:00Z')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto result = truce({"claims", "--db", db_});
  EXPECT_EQ(result.exit_code, 7);
  EXPECT_NE(result.err.find("99"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(db_), std::string::npos) << result.err;
}

TEST_F(CliTest, RefusesAFileThatIsNotADatabase) {
  std::string path = (dir_ / "notes.txt").string();
  write_file(path, "these are not the droids\n");
  auto result = truce({"claims", "--db", path});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("notes.txt"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(path), "these are not the droids\n");
}

}  // namespace
}  // namespace truce::test
