// Writing over HTTP: ingest of reports and texts, users and tokens, and the
// audit log that records every write, whose chain `verify` checks.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <thread>

#include "api_fixture.hpp"

namespace truce::test {
namespace {

std::string example(const std::string& name) {
  return read_file(kSourceDir / "data/examples" / name);
}

TEST(Ingest, AReportIsStoredOnceAndCounted) {
  RunningApi api;
  std::string geojson = example("2020-07-tovuz-clashes.geojson");
  auto first = api.post("/api/v1/ingest?name=tovuz.geojson", geojson, Role::kOperator,
                        "application/geo+json");
  ASSERT_EQ(first.status, 201) << first.body;
  auto file = first.json()["files"][0];
  EXPECT_EQ(file["ok"], true);
  EXPECT_EQ(file["format"], "geojson");
  EXPECT_GT(file["added"]["claims"].get<int>(), 0);
  auto again = api.post("/api/v1/ingest", geojson, Role::kOperator);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["files"][0]["added"]["claims"], 0);
  auto metrics = api.get("/metrics").body;
  EXPECT_NE(metrics.find("truce_ingest_requests_total{outcome=\"stored\"} 2"), std::string::npos);
  EXPECT_NE(metrics.find("truce_ingested_claims_total " +
                         std::to_string(file["added"]["claims"].get<int>())),
            std::string::npos)
      << metrics;
}

TEST(Ingest, ReadersAreServedWhileAWriterIngests) {
  http::ApiOptions options;
  options.requests_per_second = 0;  // the reader asks as fast as it can
  RunningApi api(options);
  std::string csv = example("2022-09-13-armenia-azerbaijan-border.csv");
  std::string geojson = example("2020-07-tovuz-clashes.geojson");
  std::atomic<bool> writing{true};
  std::vector<int> write_statuses;
  std::thread writer([&] {
    for (int i = 0; i < 6; ++i) {
      // Each a write transaction; the first stores, the rest find everything stored.
      write_statuses.push_back(
          api.post("/api/v1/ingest", i % 2 == 0 ? geojson : csv, Role::kOperator).status);
    }
    writing = false;
  });
  int reads = 0;
  int failed = 0;
  HttpConnection reader(api.port());
  while (writing || reads < 20) {
    auto response =
        reader.request("GET", "/api/v1/claims?view=summary&limit=50", api.token(Role::kAnalyst));
    ++reads;
    if (!response || response->status != 200) {
      ++failed;
    }
  }
  writer.join();
  EXPECT_EQ(failed, 0) << "of " << reads << " reads";
  for (int status : write_statuses) {
    EXPECT_TRUE(status == 200 || status == 201) << status;
  }
}

TEST(Ingest, ADryRunWritesNothing) {
  RunningApi api;
  std::string geojson = example("2020-07-tovuz-clashes.geojson");
  auto before = api.get("/api/v1/claims?limit=1000", Role::kAnalyst).json()["claims"].size();
  auto response = api.post("/api/v1/ingest?dry_run=true", geojson, Role::kOperator);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json()["files"][0]["dry_run"], true);
  EXPECT_EQ(api.get("/api/v1/claims?limit=1000", Role::kAnalyst).json()["claims"].size(), before);
}

TEST(Ingest, ABadReportIsAnInvalidBodyNamingThePlace) {
  RunningApi api;
  auto response = api.post("/api/v1/ingest?format=json&name=bad.json",
                           R"({"sources":[{"id":"x"}]})", Role::kOperator);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.json()["code"], "invalid_body");
  EXPECT_NE(response.json()["detail"].get<std::string>().find("bad.json"), std::string::npos)
      << response.body;
  EXPECT_EQ(api.post("/api/v1/ingest?format=pdf", "x", Role::kOperator).status, 400);
  EXPECT_EQ(api.post("/api/v1/ingest?dry_run=maybe", "x", Role::kOperator).status, 400);
  EXPECT_EQ(api.post("/api/v1/ingest", "", Role::kOperator).status, 400);
}

TEST(Ingest, ATextIsReadIntoADocumentWithItsClaims) {
  RunningApi api;
  // Plainly synthetic, with fictional names.
  std::string text =
      "Northland ministry says Southland forces shelled the village of Examplefield\n\n"
      "The Northland defence ministry said on Tuesday that Southland forces shelled the "
      "village of Examplefield, wounding two soldiers.\n";
  auto response = api.post("/api/v1/ingest?format=text&published=2024-03-05&source=northland-mod",
                           text, Role::kOperator, "text/plain");
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(response.json()["files"][0]["format"], "text");
  EXPECT_EQ(response.json()["files"][0]["added"]["documents"], 1);
  auto documents = api.get("/api/v1/documents?source=northland-mod", Role::kAnalyst);
  ASSERT_EQ(documents.status, 200);
  EXPECT_EQ(documents.json()["documents"].size(), 1U);
}

TEST(Users, AnAdminAddsAUserAndIssuesATokenThatWorks) {
  RunningApi api;
  auto added =
      api.post("/api/v1/users", R"({"name":"liaison-b","role":"liaison","affiliation":"party-b"})",
               Role::kAdmin);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json()["affiliation"], "party-b");
  EXPECT_EQ(added.json()["has_password"], false);
  EXPECT_EQ(api.post("/api/v1/users", R"({"name":"liaison-b","role":"liaison","affiliation":"b"})",
                     Role::kAdmin)
                .status,
            409);
  EXPECT_EQ(api.post("/api/v1/users", R"({"name":"x","role":"king"})", Role::kAdmin).status, 400);
  EXPECT_EQ(api.post("/api/v1/users", R"({"name":"m","role":"monitor"})", Role::kAdmin).status,
            400);
  auto token = api.post("/api/v1/users/liaison-b/tokens", "", Role::kAdmin);
  ASSERT_EQ(token.status, 201) << token.body;
  auto me = http_request(api.port(), "GET", "/api/v1/me", token.json()["token"]);
  EXPECT_EQ(me.json()["role"], "liaison");
  EXPECT_EQ(api.post("/api/v1/users/nobody/tokens", "", Role::kAdmin).status, 404);
  auto users = api.get("/api/v1/users", Role::kAdmin).json()["users"];
  for (const auto& user : users) {
    EXPECT_FALSE(user.contains("password_hash"));
  }
}

TEST(Audit, EveryWriteIsRecordedAndTheChainVerifies) {
  RunningApi api;
  api.post("/api/v1/ingest", example("2020-07-tovuz-clashes.geojson"), Role::kOperator);
  api.post("/api/v1/users", R"({"name":"analyst-2","role":"analyst"})", Role::kAdmin);
  api.post("/api/v1/login", R"({"name":"analyst-2","password":"wrong password!"})", Role::kPublic);
  auto log = api.get("/api/v1/audit?limit=1000", Role::kAdmin);
  ASSERT_EQ(log.status, 200);
  std::vector<std::string> actions;
  auto entries = log.json()["entries"];
  for (const auto& entry : entries) {
    actions.push_back(entry["action"].get<std::string>() + " by " +
                      entry["actor"].get<std::string>());
  }
  auto has = [&](const std::string& text) {
    return std::find(actions.begin(), actions.end(), text) != actions.end();
  };
  EXPECT_TRUE(has("ingest by user:user-operator"));
  EXPECT_TRUE(has("user.add by user:user-admin"));
  EXPECT_TRUE(has("login.refused by anonymous"));
  EXPECT_TRUE(has("token.issue by test"));
  auto verify = api.get("/api/v1/audit/verify", Role::kAdmin);
  ASSERT_EQ(verify.status, 200);
  EXPECT_EQ(verify.json()["intact"], true);
  EXPECT_EQ(verify.json()["entries"].get<std::size_t>(), actions.size());
}

class AuditTampering : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_ / "audit.db").string();
    auto monitor = service::Monitor::open(db_, storage::OpenMode::kCreate);
    ASSERT_TRUE(monitor);
    for (int i = 0; i < 5; ++i) {
      ASSERT_TRUE(monitor->accounts().add_user(
          {"user-" + std::to_string(i), Role::kAnalyst, std::nullopt, std::nullopt}, "test"));
    }
    auto check = monitor->accounts().verify_audit();
    ASSERT_TRUE(check);
    ASSERT_FALSE(check->broken);
    ASSERT_EQ(check->entries, 5);
  }

  // Raw SQL, as someone with the file would: the triggers go first.
  void tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    std::string all = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sql;
    char* message = nullptr;
    int rc = sqlite3_exec(db, all.c_str(), nullptr, nullptr, &message);
    std::string text = message != nullptr ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << text;
  }

  storage::AuditCheck verify() {
    auto monitor = service::Monitor::open(db_, storage::OpenMode::kOpenExisting);
    auto check = monitor->accounts().verify_audit();
    EXPECT_TRUE(check);
    return *check;
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(AuditTampering, TheTriggersRefuseChangesThroughSql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  EXPECT_NE(
      sqlite3_exec(db, "UPDATE audit_log SET actor = 'x' WHERE seq = 2", nullptr, nullptr, nullptr),
      SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_log WHERE seq = 2", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_FALSE(verify().broken);
}

TEST_F(AuditTampering, AnEditedEntryIsNamed) {
  tamper("UPDATE audit_log SET actor = 'user:someone-else' WHERE seq = 3");
  auto check = verify();
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(*check.broken, 3);
  EXPECT_NE(check.problem.find("edited"), std::string::npos) << check.problem;
}

TEST_F(AuditTampering, AnEditedEntryWithARecomputedOwnHashBreaksTheNextLink) {
  // Whoever edits entry 2 and fixes its hash still breaks entry 3's link.
  tamper("UPDATE audit_log SET hash = 'f00d', after = '{}' WHERE seq = 2");
  auto check = verify();
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(*check.broken, 2);
}

TEST_F(AuditTampering, ADeletedEntryIsNamed) {
  tamper("DELETE FROM audit_log WHERE seq = 2");
  auto check = verify();
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(*check.broken, 3);
  EXPECT_NE(check.problem.find("deleted"), std::string::npos) << check.problem;
}

TEST_F(AuditTampering, ReorderedEntriesAreNamed) {
  // Swap the contents of entries 2 and 4, keeping each row's position.
  tamper(
      "CREATE TEMP TABLE saved AS SELECT * FROM audit_log WHERE seq IN (2, 4);"
      "UPDATE audit_log SET at = (SELECT at FROM saved WHERE seq = 4), "
      "actor = (SELECT actor FROM saved WHERE seq = 4), "
      "action = (SELECT action FROM saved WHERE seq = 4), "
      "target = (SELECT target FROM saved WHERE seq = 4), "
      "before = (SELECT before FROM saved WHERE seq = 4), "
      "after = (SELECT after FROM saved WHERE seq = 4), "
      "prev_hash = (SELECT prev_hash FROM saved WHERE seq = 4), "
      "hash = (SELECT hash FROM saved WHERE seq = 4) WHERE seq = 2;"
      "UPDATE audit_log SET at = (SELECT at FROM saved WHERE seq = 2), "
      "actor = (SELECT actor FROM saved WHERE seq = 2), "
      "action = (SELECT action FROM saved WHERE seq = 2), "
      "target = (SELECT target FROM saved WHERE seq = 2), "
      "before = (SELECT before FROM saved WHERE seq = 2), "
      "after = (SELECT after FROM saved WHERE seq = 2), "
      "prev_hash = (SELECT prev_hash FROM saved WHERE seq = 2), "
      "hash = (SELECT hash FROM saved WHERE seq = 2) WHERE seq = 4;");
  auto check = verify();
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(*check.broken, 2);
}

TEST_F(AuditTampering, TruceAuditVerifyFailsAndNamesTheEntry) {
  tamper("UPDATE audit_log SET target = 'user:nobody' WHERE seq = 4");
  auto result = run_command(TRUCE_BINARY, {"audit", "verify", "--db", db_});
  EXPECT_EQ(result.exit_code, 8);
  EXPECT_NE(result.err.find("entry 4"), std::string::npos) << result.err;
  auto intact_db = (dir_ / "intact.db").string();
  ASSERT_EQ(run_command(TRUCE_BINARY, {"init", "--db", intact_db}).exit_code, 0);
  auto intact = run_command(TRUCE_BINARY, {"audit", "verify", "--db", intact_db, "--json"});
  EXPECT_EQ(intact.exit_code, 0) << intact.err;
  EXPECT_EQ(nlohmann::json::parse(intact.out)["intact"], true);
}

}  // namespace
}  // namespace truce::test
