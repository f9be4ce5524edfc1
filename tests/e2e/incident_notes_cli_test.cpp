// The CLI's counterparts of the API's comments, evidence files and named
// persons: the same service, the same JSON shapes, the audit log's actor
// "cli", and a read of names on the log. The person name is fictional.
#include <sqlite3.h>

#include "e2e.hpp"

namespace truce::test {
namespace {

class IncidentNotesCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_EQ(truce({"ingest", "--db", db_, kExample.string()}).exit_code, 0);
    incident_ = json_of({"incidents"})["incidents"][0]["id"];
  }

  long long audit_rows(const std::string& action) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM audit_log WHERE action = ?1 AND actor = 'cli'", -1,
                       &statement, nullptr);
    sqlite3_bind_text(statement, 1, action.c_str(), -1, SQLITE_TRANSIENT);
    long long count =
        sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return count;
  }

  std::string incident_;
};

TEST_F(IncidentNotesCli, CommentsAreAddedAndListed) {
  auto added = json_of(
      {"incident", "comment", incident_, "--by", "duty-officer", "--text", "synthetic note"});
  EXPECT_EQ(added["author"], "duty-officer");
  auto listed = json_of({"incident", "comments", incident_});
  ASSERT_EQ(listed["comments"].size(), 1U);
  EXPECT_EQ(listed["comments"][0]["text"], "synthetic note");
  EXPECT_EQ(audit_rows("comment.add"), 1);
  auto unknown = truce(
      {"incident", "comment", "inc_00000000000000000000", "--db", db_, "--by", "x", "--text", "y"});
  EXPECT_EQ(unknown.exit_code, 4);
}

TEST_F(IncidentNotesCli, EvidenceIsStoredOnceCheckedOnReadAndLimitedBeforeReading) {
  write_file(dir_ / "photo.jpg", std::string("synthetic jpeg bytes\xff\xd8", 22));
  auto first = json_of({"incident", "evidence", "add", incident_, (dir_ / "photo.jpg").string(),
                        "--by", "duty-officer", "--media-type", "image/jpeg"});
  EXPECT_EQ(first["attachment_added"], true);
  EXPECT_EQ(first["name"], "photo.jpg");
  auto again = json_of({"incident", "evidence", "add", incident_, (dir_ / "photo.jpg").string(),
                        "--by", "duty-officer"});
  EXPECT_EQ(again["attachment_added"], false);
  auto listed = json_of({"incident", "evidence", "list", incident_});
  ASSERT_EQ(listed["evidence"].size(), 1U);
  EXPECT_EQ(listed["evidence"][0]["media_type"], "image/jpeg");
  const std::string sha = first["sha256"];
  auto got =
      truce({"incident", "evidence", "get", sha, "--db", db_, "-o", (dir_ / "copy.jpg").string()});
  ASSERT_EQ(got.exit_code, 0) << got.err;
  EXPECT_EQ(read_file(dir_ / "copy.jpg"), read_file(dir_ / "photo.jpg"));
  auto large = truce({"incident", "evidence", "add", incident_, (dir_ / "photo.jpg").string(),
                      "--db", db_, "--by", "x", "--max-bytes", "10"});
  EXPECT_EQ(large.exit_code, 3);
  EXPECT_NE(large.err.find("photo.jpg"), std::string::npos) << large.err;
  EXPECT_EQ(audit_rows("evidence.add"), 1);
}

TEST_F(IncidentNotesCli, PersonsAreRecordedWithoutEchoAndEveryReadIsLogged) {
  auto added = truce({"incident", "person", incident_, "--db", db_, "--by", "duty-officer",
                      "--name", "Tamsel Orbeck", "--status", "wounded", "--side", "civilians"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out.find("Tamsel"), std::string::npos) << added.out;
  auto listed = json_of({"incident", "persons", incident_});
  ASSERT_EQ(listed["persons"].size(), 1U);
  EXPECT_EQ(listed["persons"][0]["name"], "Tamsel Orbeck");
  json_of({"incident", "persons", incident_});
  EXPECT_EQ(audit_rows("persons.read"), 2);
  auto bad =
      truce({"incident", "person", incident_, "--db", db_, "--by", "x", "--name", "Tamsel Orbeck",
             "--status", "wounded", "--side", "civilians", "--span", "4:9"});
  EXPECT_EQ(bad.exit_code, 3);  // a span needs its document
  EXPECT_EQ(bad.err.find("Tamsel"), std::string::npos) << bad.err;
  auto verify = truce({"audit", "verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

// The CLI lists what shows on an incident by the same rule as the API: after
// a merge the merged incident shows the notes of both, and a file is read
// through an incident only when it shows there.
TEST_F(IncidentNotesCli, NotesFollowAMergeAndAFileIsReadThroughAnIncidentThatShowsIt) {
  ASSERT_EQ(
      truce({"ingest", "--db", db_,
             (kSourceDir / "data/examples/2022-09-13-armenia-azerbaijan-border.csv").string()})
          .exit_code,
      0);
  auto listed = json_of({"incidents"})["incidents"];
  ASSERT_GE(listed.size(), 2U);
  const std::vector<std::string> ids{listed[0]["id"], listed[1]["id"]};
  std::vector<std::string> hashes;
  for (const std::string& id : ids) {
    json_of({"incident", "comment", id, "--by", "duty-officer", "--text", "note on " + id});
    write_file(dir_ / (id + ".bin"), "synthetic evidence of " + id);
    hashes.push_back(json_of({"incident", "evidence", "add", id, (dir_ / (id + ".bin")).string(),
                              "--by", "duty-officer"})["sha256"]);
    auto person = truce({"incident", "person", id, "--db", db_, "--by", "duty-officer", "--name",
                         "Fictional Person " + id, "--status", "missing", "--side", "civilians"});
    ASSERT_EQ(person.exit_code, 0) << person.err;
  }
  auto merged = json_of({"incident", "merge", ids[0], ids[1], "--by", "duty-officer", "--reason",
                         "synthetic correction"});
  ASSERT_EQ(merged["incidents"].size(), 1U) << merged.dump();
  ASSERT_EQ(merged["retired"].size(), 1U) << merged.dump();
  const std::string whole = merged["incidents"][0];
  const std::string retired = merged["retired"][0];
  const auto comments = json_of({"incident", "comments", whole})["comments"];
  ASSERT_EQ(comments.size(), 2U);
  EXPECT_NE(comments[0]["written_on"], comments[1]["written_on"]);
  EXPECT_EQ(json_of({"incident", "evidence", "list", whole})["evidence"].size(), 2U);
  EXPECT_EQ(json_of({"incident", "persons", whole})["persons"].size(), 2U);
  // Both files through the merged incident; the kept one not through the retired id.
  for (const std::string& sha : hashes) {
    auto got = truce({"incident", "evidence", "get", sha, "--db", db_, "--incident", whole, "-o",
                      (dir_ / "copy.bin").string()});
    EXPECT_EQ(got.exit_code, 0) << got.err;
  }
  const std::string kept_sha = retired == ids[0] ? hashes[1] : hashes[0];
  auto refused = truce({"incident", "evidence", "get", kept_sha, "--db", db_, "--incident", retired,
                        "-o", (dir_ / "refused.bin").string()});
  EXPECT_EQ(refused.exit_code, 4) << refused.err;
}

}  // namespace
}  // namespace truce::test
