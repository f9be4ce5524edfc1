// `truce complaint`: a complaint filed, reviewed and found on from the
// command line, what --as a liaison officer of another party sees, and the
// refusals with their exit codes. Parties and texts are synthetic.
#include "e2e.hpp"

namespace truce::test {
namespace {

class ComplaintCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    for (const auto& [name, role, party] : {std::tuple{"liaison-north", "liaison", "party-north"},
                                            std::tuple{"liaison-south", "liaison", "party-south"},
                                            std::tuple{"duty-officer", "operator", ""}}) {
      std::vector<std::string> args = {"user", "add", name, "--role", role, "--db", db_};
      if (std::string(party).size() > 0) {
        args.insert(args.end(), {"--affiliation", party});
      }
      auto added = truce(args);
      ASSERT_EQ(added.exit_code, 0) << added.err;
    }
  }

  std::string body_file(const std::string& name, const std::string& claimant) {
    const auto path = dir_ / name;
    write_file(path,
               R"({)" + claimant +
                   R"("event_type":"shelling","time":{"start":"2026-02-03","precision":"day"},)"
                   R"("place":{"name":"Hill 101","precision":2},"credibility":4,)"
                   R"("text":"Shells fell on Hill 101 (synthetic).",)"
                   R"("provenance":{"event_type":"Shells fell"}})");
    return path.string();
  }
};

TEST_F(ComplaintCli, FilesReviewsAndRecordsTheFindingWithExitCodesForRefusals) {
  const long long claims = claim_count();
  auto forged =
      truce({"complaint", "file", "--db", db_, "--as", "liaison-north",
             body_file("forged.json", R"("claimant":{"id":"party-south","name":"South"},)")});
  EXPECT_EQ(forged.exit_code, 3) << forged.err;
  EXPECT_NE(forged.err.find("party-south"), std::string::npos) << forged.err;
  EXPECT_EQ(claim_count(), claims);
  auto not_liaison =
      truce({"complaint", "file", "--db", db_, "--as", "duty-officer", body_file("a.json", "")});
  EXPECT_EQ(not_liaison.exit_code, 3) << not_liaison.err;

  auto filed = json_of({"complaint", "file", "--as", "liaison-north", body_file("b.json", "")});
  EXPECT_EQ(filed["complaint"]["state"], "filed");
  EXPECT_EQ(filed["claim"]["claimant"]["id"], "party-north");
  EXPECT_EQ(claim_count(), claims + 1);
  const std::string id = filed["complaint"]["id"];

  auto early =
      truce({"complaint", "finding", "--db", db_, "--outcome", "inconclusive", "--text", "x", id});
  EXPECT_EQ(early.exit_code, 5) << early.err;
  auto reviewed = json_of({"complaint", "review", "--as", "duty-officer", id});
  EXPECT_EQ(reviewed["complaint"]["review"]["by"], "duty-officer");
  auto found = json_of({"complaint", "finding", "--outcome", "not_substantiated", "--text",
                        "No craters found.", id});
  EXPECT_EQ(found["complaint"]["finding"]["by"], "cli");
  EXPECT_EQ(found["complaint"]["state"], "finding");

  auto mine = json_of({"complaint", "list", "--as", "liaison-north"});
  ASSERT_EQ(mine["complaints"].size(), 1U);
  EXPECT_EQ(mine["complaints"][0]["finding"]["outcome"], "not_substantiated");
  EXPECT_TRUE(json_of({"complaint", "list", "--as", "liaison-south"})["complaints"].empty());
  auto other = truce({"complaint", "show", "--db", db_, "--as", "liaison-south", id});
  EXPECT_EQ(other.exit_code, 4) << other.err;
  auto text = truce({"complaint", "show", "--db", db_, id});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("not_substantiated"), std::string::npos) << text.out;
  auto table = truce({"complaint", "list", "--db", db_});
  EXPECT_NE(table.out.find(id), std::string::npos) << table.out;
  auto verify = truce({"audit", "verify", "--db", db_});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

}  // namespace
}  // namespace truce::test
