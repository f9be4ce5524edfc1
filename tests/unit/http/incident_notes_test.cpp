// Comments, evidence files and named persons of incidents over real loopback
// HTTP: uploads stored once by SHA-256, the evidence limit (413, nothing
// written), a tampered file refused on read, the public and liaison views
// without any of it, every read of names on the audit log, no name in the
// log or in error messages, and the audit chain intact after all of it.
// The person names are fictional.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "api_fixture.hpp"

namespace truce::test {
namespace {

using std::chrono::milliseconds;

const std::string kFictionalName = "Ilvarin Quessadot";
const std::string kCommentText =
    "Synthetic internal note: the crater photographs need a second look";

long long count_rows(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sql;
  long long count = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) {
    count = sqlite3_column_int64(statement, 0);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return count;
}

void execute(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << (message != nullptr ? message : "") << " " << sql;
  sqlite3_free(message);
  sqlite3_close(db);
}

std::vector<std::string> incident_ids(RunningApi& api) {
  auto page = api.get("/api/v1/incidents?limit=1000", Role::kAnalyst);
  EXPECT_EQ(page.status, 200) << page.body;
  std::vector<std::string> ids;
  const auto listing = page.json();
  for (const auto& item : listing["incidents"]) {
    ids.push_back(item["id"]);
  }
  return ids;
}

std::vector<nlohmann::json> audit_entries(RunningApi& api) {
  auto page = api.get("/api/v1/audit?limit=1000", Role::kAdmin);
  EXPECT_EQ(page.status, 200) << page.body;
  std::vector<nlohmann::json> entries;
  const auto log = page.json();
  for (const auto& entry : log["entries"]) {
    entries.push_back(entry);
  }
  return entries;
}

long long audit_count(RunningApi& api, const std::string& action, const std::string& target) {
  long long count = 0;
  for (const auto& entry : audit_entries(api)) {
    count += entry["action"] == action && entry["target"] == target ? 1 : 0;
  }
  return count;
}

void expect_chain_intact(RunningApi& api) {
  auto verify = api.get("/api/v1/audit/verify", Role::kAdmin);
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_EQ(verify.json()["intact"], true) << verify.body;
}

// Everything the public and a liaison officer can read of the incident.
std::string outside_views(RunningApi& api, const std::string& incident) {
  std::string seen;
  for (Role role : {Role::kPublic, Role::kLiaison}) {
    for (const std::string& target :
         std::vector<std::string>{"/api/v1/incidents?limit=1000", "/api/v1/incidents/" + incident,
                                  "/api/v1/incidents/" + incident + "/comments",
                                  "/api/v1/incidents/" + incident + "/evidence",
                                  "/api/v1/incidents/" + incident + "/persons"}) {
      seen += api.get(target, role).body;
    }
  }
  return seen;
}

TEST(IncidentComments, AreWrittenByTheTokensUserAndReadOnlyByThoseWhoWorkOnIncidents) {
  RunningApi api;
  const std::string incident = incident_ids(api).at(0);
  const std::string path = "/api/v1/incidents/" + incident + "/comments";
  auto added = api.post(path, nlohmann::json{{"text", kCommentText}}.dump(), Role::kAnalyst);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json()["author"], "user-analyst");
  EXPECT_EQ(added.json()["text"], kCommentText);
  auto second = api.post(path, R"({"text":"second"})", Role::kMonitor);
  ASSERT_EQ(second.status, 201) << second.body;
  for (Role role : {Role::kOperator, Role::kMonitor, Role::kAnalyst}) {
    auto listed = api.get(path, role);
    ASSERT_EQ(listed.status, 200) << listed.body;
    auto comments = listed.json()["comments"];
    ASSERT_EQ(comments.size(), 2U);
    EXPECT_EQ(comments[0]["text"], kCommentText);
    EXPECT_EQ(comments[1]["author"], "user-monitor");
  }
  EXPECT_EQ(api.get(path, Role::kLiaison).status, 403);
  EXPECT_EQ(api.get(path, Role::kPublic).status, 401);
  EXPECT_EQ(api.get(path, Role::kAdmin).status, 403);
  // The audit entry ties the write to the text by its hash, without the text.
  EXPECT_EQ(audit_count(api, "comment.add", incident), 2);
  for (const auto& entry : audit_entries(api)) {
    EXPECT_EQ(entry.dump().find("crater photographs"), std::string::npos) << entry.dump();
  }
  // Too long, empty, unknown members, unknown incident.
  EXPECT_EQ(api.post(path, nlohmann::json{{"text", std::string(8001, 'x')}}.dump(), Role::kAnalyst)
                .status,
            400);
  EXPECT_EQ(api.post(path, R"({"text":""})", Role::kAnalyst).status, 400);
  EXPECT_EQ(api.post(path, R"({"text":"x","by":"someone"})", Role::kAnalyst).json()["code"],
            "unknown_parameter");
  EXPECT_EQ(api.post("/api/v1/incidents/inc_00000000000000000000/comments", R"({"text":"x"})",
                     Role::kAnalyst)
                .status,
            404);
  EXPECT_EQ(api.get("/api/v1/incidents/inc_00000000000000000000/comments", Role::kAnalyst).status,
            404);
  expect_chain_intact(api);
}

TEST(IncidentEvidence, AFileAttachedTwiceIsStoredOnceAndServedWithItsMediaType) {
  RunningApi api;
  auto ids = incident_ids(api);
  ASSERT_GE(ids.size(), 2U);
  std::string bytes = "\x89PNG\r\n\x1a\n synthetic image bytes";
  bytes.push_back('\0');
  bytes += "after a NUL";
  auto first = api.post("/api/v1/incidents/" + ids[0] + "/evidence?name=crater%201.png", bytes,
                        Role::kOperator, "image/png");
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string sha = first.json()["sha256"];
  EXPECT_EQ(sha.size(), 64U);
  EXPECT_EQ(first.json()["name"], "crater 1.png");
  EXPECT_EQ(first.json()["size"], bytes.size());
  EXPECT_EQ(first.json()["file_added"], true);
  auto again = api.post("/api/v1/incidents/" + ids[0] + "/evidence?name=again.png", bytes,
                        Role::kOperator, "image/png");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["attachment_added"], false);
  EXPECT_EQ(again.json()["name"], "crater 1.png");
  auto other = api.post("/api/v1/incidents/" + ids[1] + "/evidence?name=copy.bin", bytes,
                        Role::kMonitor, "application/octet-stream");
  ASSERT_EQ(other.status, 201) << other.body;
  EXPECT_EQ(other.json()["file_added"], false);
  EXPECT_EQ(other.json()["sha256"], sha);
  EXPECT_EQ(other.json()["media_type"], "image/png");  // the first upload's
  EXPECT_EQ(count_rows(api.db(), "SELECT count(*) FROM evidence_files"), 1);
  EXPECT_EQ(count_rows(api.db(), "SELECT count(*) FROM incident_evidence"), 2);
  EXPECT_EQ(audit_count(api, "evidence.add", ids[0]), 1);
  EXPECT_EQ(audit_count(api, "evidence.add", ids[1]), 1);

  auto listed = api.get("/api/v1/incidents/" + ids[0] + "/evidence", Role::kAnalyst);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["evidence"].size(), 1U);
  EXPECT_EQ(listed.json()["evidence"][0]["added_by"], "user-operator");
  auto file = api.get("/api/v1/evidence/" + sha, Role::kMonitor);
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.body, bytes);
  EXPECT_EQ(file.header("content-type"), "image/png");
  EXPECT_EQ(file.header("content-disposition"), "attachment");
  EXPECT_EQ(api.get("/api/v1/evidence/" + sha, Role::kLiaison).status, 403);
  EXPECT_EQ(api.get("/api/v1/evidence/" + sha, Role::kPublic).status, 401);
  EXPECT_EQ(api.get("/api/v1/evidence/" + std::string(64, '0'), Role::kAnalyst).status, 404);
  EXPECT_EQ(api.get("/api/v1/evidence/XYZ", Role::kAnalyst).status, 400);
  // Analysts read evidence but do not add it.
  EXPECT_EQ(
      api.post("/api/v1/incidents/" + ids[0] + "/evidence?name=x", "x", Role::kAnalyst).status,
      403);
  EXPECT_EQ(api.post("/api/v1/incidents/" + ids[0] + "/evidence", "x", Role::kOperator).status,
            400);  // no name
  EXPECT_EQ(
      api.post("/api/v1/incidents/" + ids[0] + "/evidence?name=x", "x", Role::kOperator, "nonsense")
          .status,
      400);
  expect_chain_intact(api);
}

TEST(IncidentEvidence, AFileOverTheLimitIs413AndWritesNothing) {
  http::ApiOptions options;
  options.max_evidence_bytes = 1000;
  RunningApi api(options);
  const std::string incident = incident_ids(api).at(0);
  const long long entries = static_cast<long long>(audit_entries(api).size());
  const std::string path = "/api/v1/incidents/" + incident + "/evidence?name=big.bin";
  auto announced = api.post(path, std::string(1001, 'x'), Role::kOperator, "image/jpeg");
  EXPECT_EQ(announced.status, 413) << announced.body;
  EXPECT_EQ(announced.header("content-type"), "application/problem+json");
  EXPECT_EQ(announced.json()["code"], "payload_too_large");
  // Chunked: refused while it is read.
  HttpConnection connection(api.port());
  std::string chunk(800, 'y');
  connection.send_raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                      api.token(Role::kOperator) +
                      "\r\nContent-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n" +
                      chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
  auto chunked = connection.read_response(milliseconds(5000));
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->status, 413);
  EXPECT_EQ(count_rows(api.db(), "SELECT count(*) FROM evidence_files"), 0);
  EXPECT_EQ(count_rows(api.db(), "SELECT count(*) FROM incident_evidence"), 0);
  EXPECT_EQ(static_cast<long long>(audit_entries(api).size()), entries);
  // At the limit it is taken; the larger limit is this route's alone.
  EXPECT_EQ(api.post(path, std::string(1000, 'x'), Role::kOperator).status, 201);
  http::ApiOptions big;
  big.max_evidence_bytes = std::size_t{1} << 20U;
  RunningApi wide(big);
  const std::string other = incident_ids(wide).at(0);
  std::string large_json = nlohmann::json{{"text", std::string(200 * 1024, 'z')}}.dump();
  EXPECT_EQ(
      wide.post("/api/v1/incidents/" + other + "/comments", large_json, Role::kOperator).status,
      413);
  EXPECT_EQ(wide.post("/api/v1/incidents/" + other + "/evidence?name=f",
                      std::string(200 * 1024, 'z'), Role::kOperator)
                .status,
            201);
}

TEST(IncidentEvidence, AFileChangedInTheDatabaseIsRefusedOnRead) {
  RunningApi api;
  const std::string incident = incident_ids(api).at(0);
  auto added = api.post("/api/v1/incidents/" + incident + "/evidence?name=report.txt",
                        "synthetic report text", Role::kOperator, "text/plain; charset=utf-8");
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string sha = added.json()["sha256"];
  auto intact = api.get("/api/v1/evidence/" + sha, Role::kAnalyst);
  ASSERT_EQ(intact.status, 200);
  EXPECT_EQ(intact.header("content-type"), "text/plain; charset=utf-8");
  execute(api.db(), "UPDATE evidence_files SET content = CAST('synthetic report text!' AS BLOB)");
  auto tampered = api.get("/api/v1/evidence/" + sha, Role::kAnalyst);
  EXPECT_EQ(tampered.status, 500) << tampered.body;
  EXPECT_EQ(tampered.json()["code"], "data_corruption");
  EXPECT_EQ(tampered.body.find("synthetic report text"), std::string::npos);
  // Same length, other bytes: the hash, not only the size, is checked.
  execute(api.db(), "UPDATE evidence_files SET content = CAST('synthetic report TEXT' AS BLOB)");
  EXPECT_EQ(api.get("/api/v1/evidence/" + sha, Role::kAnalyst).status, 500);
}

TEST(IncidentPersons, EveryReadIsAuditedAndNoNameLeavesTheRolesThatNeedIt) {
  RunningApi api;
  const std::string incident = incident_ids(api).at(0);
  const std::string path = "/api/v1/incidents/" + incident + "/persons";
  auto claims = api.get("/api/v1/claims?limit=1", Role::kAnalyst).json()["claims"];
  nlohmann::json person = {{"name", kFictionalName},
                           {"status", "captured"},
                           {"side", "civilians"},
                           {"claim", claims[0]["id"]},
                           {"document", claims[0]["document"]},
                           {"span", {{"start", 3}, {"end", 9}}}};
  EXPECT_EQ(api.post(path, person.dump(), Role::kAnalyst).status, 403);
  EXPECT_EQ(api.post(path, person.dump(), Role::kMonitor).status, 403);
  auto added = api.post(path, person.dump(), Role::kOperator);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json()["name"], kFictionalName);
  EXPECT_EQ(added.json()["span"]["end"], 9);

  long long reads = 0;
  for (Role role : {Role::kOperator, Role::kMonitor, Role::kAnalyst}) {
    auto listed = api.get(path, role);
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json()["persons"].size(), 1U);
    EXPECT_EQ(listed.json()["persons"][0]["name"], kFictionalName);
    EXPECT_EQ(listed.json()["persons"][0]["status"], "captured");
    ++reads;
    // Each read is on the log at once, naming who read which incident's names.
    auto entries = audit_entries(api);
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back()["action"], "persons.read");
    EXPECT_EQ(entries.back()["target"], incident);
    EXPECT_EQ(entries.back()["actor"], "user:user-" + std::string(to_string(role)));
    EXPECT_EQ(audit_count(api, "persons.read", incident), reads);
  }
  EXPECT_EQ(api.get(path, Role::kLiaison).status, 403);
  EXPECT_EQ(api.get(path, Role::kPublic).status, 401);
  EXPECT_EQ(api.get(path, Role::kAdmin).status, 403);
  EXPECT_EQ(audit_count(api, "persons.read", incident), reads);  // refusals read nothing

  // A refused name is described, never quoted; nor is it in any audit entry or metric.
  nlohmann::json too_long = person;
  too_long["name"] = kFictionalName + std::string(200, 'x');
  auto refused = api.post(path, too_long.dump(), Role::kOperator);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.body.find("Ilvarin"), std::string::npos) << refused.body;
  nlohmann::json bad_claim = person;
  bad_claim["claim"] = "clm_00000000000000000000";
  auto unknown = api.post(path, bad_claim.dump(), Role::kOperator);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body.find("Ilvarin"), std::string::npos) << unknown.body;
  for (const auto& [member, value] :
       std::vector<std::pair<std::string, nlohmann::json>>{{"status", "dead"},
                                                           {"side", "Not A Slug"},
                                                           {"span", {{"start", 9}, {"end", 3}}},
                                                           {"name", ""}}) {
    nlohmann::json bad = person;
    bad[member] = value;
    EXPECT_EQ(api.post(path, bad.dump(), Role::kOperator).status, 400) << member;
  }
  nlohmann::json no_document = person;
  no_document.erase("document");
  EXPECT_EQ(api.post(path, no_document.dump(), Role::kOperator).status, 400);
  for (const auto& entry : audit_entries(api)) {
    EXPECT_EQ(entry.dump().find("Ilvarin"), std::string::npos) << entry.dump();
  }
  EXPECT_EQ(api.get("/metrics").body.find("Ilvarin"), std::string::npos);
  expect_chain_intact(api);
}

TEST(PublicView, NeverShowsCommentsEvidenceOrNames) {
  RunningApi api;
  const std::string incident = incident_ids(api).at(0);
  const std::string base = "/api/v1/incidents/" + incident;
  ASSERT_EQ(
      api.post(base + "/comments", nlohmann::json{{"text", kCommentText}}.dump(), Role::kOperator)
          .status,
      201);
  auto evidence = api.post(base + "/evidence?name=secret-evidence.txt", "synthetic evidence body",
                           Role::kOperator, "text/plain");
  ASSERT_EQ(evidence.status, 201);
  const std::string sha = evidence.json()["sha256"];
  ASSERT_EQ(api.post(base + "/persons",
                     nlohmann::json{
                         {"name", kFictionalName}, {"status", "missing"}, {"side", "civilians"}}
                         .dump(),
                     Role::kOperator)
                .status,
            201);
  ASSERT_EQ(api.post(base + "/publish", "", Role::kOperator).status, 200);
  ASSERT_EQ(api.get(base, Role::kPublic).status, 200);  // published: the public sees it
  const std::string seen = outside_views(api, incident) +
                           api.get("/api/v1/evidence/" + sha, Role::kPublic).body +
                           api.get("/api/v1/evidence/" + sha, Role::kLiaison).body;
  for (const std::string& secret :
       {std::string("crater photographs"), sha, std::string("secret-evidence"),
        std::string("synthetic evidence body"), std::string("Ilvarin")}) {
    EXPECT_EQ(seen.find(secret), std::string::npos) << secret;
  }
  // Nor do the full incident and the listing for roles that read records.
  const std::string records = api.get(base, Role::kAnalyst).body +
                              api.get("/api/v1/incidents?limit=1000", Role::kAnalyst).body;
  EXPECT_EQ(records.find("Ilvarin"), std::string::npos);
  EXPECT_EQ(records.find(sha), std::string::npos);
  expect_chain_intact(api);
}

}  // namespace
}  // namespace truce::test
