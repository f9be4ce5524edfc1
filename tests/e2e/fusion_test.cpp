// Incidents end to end: the founding article read by the extractor, the
// Kilisali clash from hand-transcribed statements (in several ingest orders)
// and from the real texts, and analysts' decisions that survive later ingests.
// Expected incidents and figures are written out by hand in tests/data/fusion/.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "e2e.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

const std::filesystem::path kData = kSourceDir / "tests/data";
const std::filesystem::path kStatements = kData / "fusion/kilisali";
const std::filesystem::path kSeed = kData / "seed/ar-sputnik-2021-11-21.txt";

json read_json(const std::filesystem::path& path) {
  std::ifstream file(path);
  return json::parse(file);
}

std::vector<std::filesystem::path> statement_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(kStatements)) {
    if (entry.path().extension() == ".json" && entry.path().filename() != "expected.json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  files.push_back(kExample);  // the founding article's claims
  return files;
}

class FusionTest : public CliTest {
 protected:
  void ingest(const std::filesystem::path& file, const std::string& published = {}) {
    std::vector<std::string> args{"ingest", "--db", db_, file.string()};
    if (!published.empty()) {
      args.insert(args.end(), {"--published", published});
    }
    auto result = truce(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  // claim id -> summary (the transcriptions name their claims by it)
  std::map<std::string, std::string> summaries() {
    std::map<std::string, std::string> names;
    const json listed = json_of({"claims", "--limit", "1000"});
    for (const auto& claim : listed["claims"]) {
      names[claim["id"].get<std::string>()] = claim.value("summary", std::string());
    }
    return names;
  }

  json incidents() { return json_of({"incidents", "--limit", "1000"}); }
};

std::vector<std::string> named(const json& ids, std::map<std::string, std::string>& names) {
  std::vector<std::string> result;
  for (const auto& id : ids) {
    result.push_back(names[id.get<std::string>()]);
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<std::string> sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return items;
}

json figures_of(const json& incident) {
  json figures = json::array();
  for (const auto& figure : incident["figures"]) {
    figures.push_back({figure["side"]["party"]["id"], figure["status"], figure["estimate"]["low"],
                       figure["estimate"]["best"], figure["estimate"]["high"]});
  }
  return figures;
}

TEST_F(FusionTest, TheFoundingArticlesTwoAccountsAreOneIncidentEndedByTheDeEscalation) {
  ingest(kSeed);
  const json list = incidents();
  ASSERT_EQ(list["incidents"].size(), 1U) << list.dump(1);
  const std::string id = list["incidents"][0]["id"];
  const json incident = json_of({"show", id, "--why"});
  ASSERT_EQ(incident["claims"].size(), 2U) << incident.dump(1);
  std::set<std::string> claimants;
  for (const auto& member : incident["claims"]) {
    claimants.insert(member["claim"]["claimant"]["id"].get<std::string>());
    EXPECT_GT(member["why"]["score"].get<double>(), 0) << member["why"].dump();
    EXPECT_FALSE(member["why"]["matched_with"].is_null());
    EXPECT_EQ(member["why"]["time_gap_hours"], 0);
  }
  EXPECT_EQ(claimants, (std::set<std::string>{"am-mod", "az-mod"}));
  ASSERT_EQ(incident["ended_by"].size(), 1U);
  EXPECT_EQ(incident["ended_by"][0]["claim"]["claimant"]["id"], "ru-mod");
  EXPECT_EQ(incident["ended_by"][0]["claim"]["event_type"], "de_escalation");
  EXPECT_EQ(incident["grades"]["attribution"]["grade"], "one_sided");
  // EXPECTED.md, "After fusion": each side's losses as that side reported them.
  EXPECT_EQ(figures_of(incident), json::parse(R"([
    ["armenia", "killed", 1, 1, 1], ["armenia", "captured", 13, 13, 13],
    ["armenia", "missing", 24, 24, 24], ["azerbaijan", "killed", 7, 7, 7],
    ["azerbaijan", "wounded", 10, 10, 10]])"));
  // The Kremlin's call is no incident and ends none.
  auto text = truce({"show", id, "--why", "--db", db_});
  EXPECT_NE(text.out.find("why each claim belongs"), std::string::npos);
  EXPECT_NE(text.out.find("ended by"), std::string::npos);
  EXPECT_EQ(text.out.find("diplomatic_contact"), std::string::npos);
}

TEST_F(FusionTest, TheKilisaliStatementsMakeTheIncidentsWrittenOutByHand) {
  for (const auto& file : statement_files()) {
    ingest(file);
  }
  const json expected = read_json(kStatements / "expected.json");
  auto names = summaries();
  const json list = incidents();
  ASSERT_EQ(list["incidents"].size(), expected["incidents"].size()) << list.dump(1);
  std::set<std::string> placed;
  for (const auto& want : expected["incidents"]) {
    const auto members = sorted(want["members"].get<std::vector<std::string>>());
    const json* found = nullptr;
    for (const auto& incident : list["incidents"]) {
      if (named(incident["claims"], names) == members) {
        found = &incident;
      }
    }
    ASSERT_NE(found, nullptr) << "no incident of " << want["members"].dump() << " in "
                              << list.dump(1);
    EXPECT_EQ(named((*found)["ended_by"], names),
              sorted(want["ended_by"].get<std::vector<std::string>>()));
    EXPECT_EQ((*found)["grades"]["attribution"]["grade"], want["attribution"]);
    EXPECT_EQ((*found)["grades"]["evidence"]["grade"], want["evidence"]);
    EXPECT_EQ(figures_of(*found), want["figures"]) << want["members"].dump();
    for (const auto& id : (*found)["claims"]) {
      placed.insert(names[id.get<std::string>()]);
    }
  }
  for (const auto& outside : expected["in_no_incident"]) {
    EXPECT_FALSE(placed.contains(outside.get<std::string>())) << outside;
  }
}

TEST_F(FusionTest, TheIngestOrderDoesNotChangeTheIncidents) {
  auto files = statement_files();
  auto incidents_after = [&](const std::vector<std::filesystem::path>& order) {
    TempDir dir;
    const std::string db = (dir / "order.db").string();
    EXPECT_EQ(truce({"init", "--db", db}).exit_code, 0);
    for (const auto& file : order) {
      auto result = truce({"ingest", "--db", db, file.string()});
      EXPECT_EQ(result.exit_code, 0) << result.err;
    }
    auto listed = truce({"incidents", "--db", db, "--json"});
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    return json::parse(listed.out);
  };
  const json forward = incidents_after(files);
  std::reverse(files.begin(), files.end());
  EXPECT_EQ(incidents_after(files), forward);
  std::rotate(files.begin(), files.begin() + 2, files.end());
  EXPECT_EQ(incidents_after(files), forward);
  std::swap(files[0], files[3]);
  EXPECT_EQ(incidents_after(files), forward);
}

TEST_F(FusionTest, TheRealTextsReadByTheExtractorMakeOneClashAndKeepTheDayBeforeApart) {
  const json expected = read_json(kData / "fusion/kilisali-texts.expected.json");
  for (const auto& text : expected["texts"]) {
    ingest(kData / text[0].get<std::string>(), text[1].is_null() ? "" : text[1].get<std::string>());
  }
  const json& clash = expected["clash"];
  const json list = incidents();
  const json* found = nullptr;
  for (const auto& incident : list["incidents"]) {
    if (incident["start"].get<std::string>().substr(0, 10) == clash["date"] &&
        (found == nullptr || incident["claims"].size() > (*found)["claims"].size())) {
      found = &incident;
    }
  }
  ASSERT_NE(found, nullptr) << list.dump(1);
  const json incident = json_of({"show", (*found)["id"]});
  for (const auto& want : clash["must_include"]) {
    bool present = false;
    for (const auto& member : incident["claims"]) {
      present = present || (member["claim"]["claimant"]["id"] == want["claimant"] &&
                            member["claim"]["event_type"] == want["event_type"] &&
                            member["document"]["published"] == want["document_published"]);
    }
    EXPECT_TRUE(present) << want.dump();
  }
  bool ended = false;
  for (const auto& link : incident["ended_by"]) {
    ended = ended || link["claim"]["claimant"]["id"] == clash["ended_by_claimant"];
  }
  EXPECT_TRUE(ended) << incident["ended_by"].dump(1);
  EXPECT_EQ(incident["grades"]["attribution"]["grade"], clash["attribution"]);
  for (const auto& want : clash["figures"]) {
    bool matched = false;
    for (const auto& figure : incident["figures"]) {
      if (figure["side"]["party"]["id"] == want[0] && figure["status"] == want[1]) {
        EXPECT_EQ(figure["estimate"][want[2].get<std::string>()], want[3]) << want.dump();
        matched = true;
      }
    }
    EXPECT_TRUE(matched) << want.dump();
  }
  // The shelling of the day before is an incident of its own.
  const json& separate = expected["separate"];
  bool apart = false;
  for (const auto& other : list["incidents"]) {
    if (other["id"] == incident["id"]) {
      continue;
    }
    const json shown = json_of({"show", other["id"]});
    for (const auto& member : shown["claims"]) {
      apart = apart || (member["claim"]["claimant"]["id"] == separate["claimant"] &&
                        member["claim"]["event_type"] == separate["event_type"] &&
                        member["claim"]["time"]["start"] == separate["date"]);
    }
  }
  EXPECT_TRUE(apart);
}

class DecisionTest : public FusionTest {
 protected:
  void SetUp() override {
    FusionTest::SetUp();
    auto files = statement_files();
    files.pop_back();  // the founding article arrives after the decisions
    for (const auto& file : files) {
      ingest(file);
    }
    names_ = summaries();
    for (const auto& [id, summary] : names_) {
      ids_[summary] = id;
    }
  }

  std::string incident_of(const std::string& summary) {
    const json listed = incidents();
    for (const auto& incident : listed["incidents"]) {
      for (const auto& id : incident["claims"]) {
        if (id.get<std::string>() == ids_[summary]) {
          return incident["id"].get<std::string>();
        }
      }
    }
    return "";
  }

  CommandResult decide(std::vector<std::string> args) {
    args.insert(args.begin(), "incident");
    args.insert(args.end(), {"--db", db_});
    return truce(args);
  }

  std::map<std::string, std::string> names_;
  std::map<std::string, std::string> ids_;
};

TEST_F(DecisionTest, ADetachedClaimStaysOutWhenMoreClaimsArrive) {
  const std::string clash = incident_of("ctg-az-mod-toll");
  auto detached = decide({"detach", clash, ids_["ctg-az-mod-detained"], "--by", "duty officer A",
                          "--reason", "the detentions were at another position"});
  ASSERT_EQ(detached.exit_code, 0) << detached.err;
  EXPECT_NE(incident_of("ctg-az-mod-detained"), incident_of("ctg-az-mod-toll"));
  ingest(kExample);  // more claims of the same clash
  EXPECT_NE(incident_of("ctg-az-mod-detained"), incident_of("ctg-az-mod-toll"));
  const json shown = json_of({"show", incident_of("ctg-az-mod-toll")});
  ASSERT_EQ(shown["decisions"].size(), 1U) << shown["decisions"].dump(1);
  EXPECT_EQ(shown["decisions"][0]["kind"], "detach");
  EXPECT_EQ(shown["decisions"][0]["by"], "duty officer A");
  EXPECT_EQ(shown["decisions"][0]["reason"], "the detentions were at another position");
  EXPECT_EQ(shown["decisions"][0]["at"].get<std::string>().size(), 20U);
}

TEST_F(DecisionTest, AnAttachedClaimStaysInAndMergedIncidentsStayMerged) {
  const std::string clash = incident_of("ctg-az-mod-toll");
  auto attached = decide({"attach", clash, ids_["news-ru-attack-18"], "--by", "analyst B",
                          "--reason", "Baku's 'new attack' is the same fighting, misdated"});
  ASSERT_EQ(attached.exit_code, 0) << attached.err;
  EXPECT_EQ(incident_of("news-ru-attack-18"), incident_of("ctg-az-mod-toll"));
  auto merged = decide({"merge", incident_of("ctg-az-mod-toll"),
                        incident_of("kalbajar-shelling-15"), "--by", "analyst B", "--reason",
                        "the shelling of the 15th opened the same escalation", "--json"});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(json::parse(merged.out)["decision"]["kind"], "merge");
  EXPECT_EQ(incident_of("kalbajar-shelling-15"), incident_of("ctg-az-mod-toll"));
  ingest(kExample);
  EXPECT_EQ(incident_of("news-ru-attack-18"), incident_of("ctg-az-mod-toll"));
  EXPECT_EQ(incident_of("kalbajar-shelling-15"), incident_of("ctg-az-mod-toll"));
  EXPECT_EQ(incidents()["incidents"].size(), 1U);
}

TEST_F(DecisionTest, ASplitMakesANewIncidentOfTheNamedClaims) {
  const std::string clash = incident_of("ctg-az-mod-toll");
  auto split = decide({"split", clash, "--claims", ids_["ctg-az-mod-first-toll"],
                       ids_["ctg-az-mod-detained"], "--by", "analyst C", "--reason",
                       "Kelbajar and Lachin are another sector"});
  ASSERT_EQ(split.exit_code, 0) << split.err;
  const std::string apart = incident_of("ctg-az-mod-first-toll");
  EXPECT_EQ(apart, incident_of("ctg-az-mod-detained"));
  EXPECT_NE(apart, incident_of("ctg-az-mod-toll"));
  ingest(kExample);
  EXPECT_EQ(incident_of("ctg-az-mod-first-toll"), incident_of("ctg-az-mod-detained"));
  EXPECT_NE(incident_of("ctg-az-mod-first-toll"), incident_of("ctg-az-mod-toll"));
}

TEST_F(DecisionTest, BadDecisionsAreRefusedAndWriteNothing) {
  const std::string clash = incident_of("ctg-az-mod-toll");
  EXPECT_EQ(decide({"detach", clash, ids_["ctg-az-mod-detained"], "--reason", "x"}).exit_code,
            2);  // --by is required
  auto outsider =
      decide({"detach", clash, ids_["news-ru-attack-18"], "--by", "a", "--reason", "b"});
  EXPECT_EQ(outsider.exit_code, 3);
  EXPECT_NE(outsider.err.find("is not a member"), std::string::npos) << outsider.err;
  auto talks = decide({"attach", clash, ids_["tass-shoigu-calls"], "--by", "a", "--reason", "b"});
  EXPECT_EQ(talks.exit_code, 3);
  EXPECT_NE(talks.err.find("forms no incident"), std::string::npos) << talks.err;
  EXPECT_EQ(
      decide({"merge", clash, "inc_00000000000000000000", "--by", "a", "--reason", "b"}).exit_code,
      4);
  EXPECT_EQ(json_of({"show", clash})["decisions"].size(), 0U);
}

}  // namespace
}  // namespace truce::test
