// Comments, evidence files and named persons follow the incident they were
// written about (docs/api.md, "Which incident a note shows on") through
// merges, splits, attachments, detachments and re-clustering, over real
// loopback HTTP and real SQLite; evidence files are served only through an
// incident that shows them; a database written before migration 10 keeps
// every note. The person names are fictional.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <set>

#include "api_fixture.hpp"

namespace truce::test {
namespace {

using Json = nlohmann::json;

void execute(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << (message != nullptr ? message : "") << " " << sql;
  sqlite3_free(message);
  sqlite3_close(db);
}

// incident_of walks every incident: more requests than the default rate limit.
http::ApiOptions unlimited() {
  http::ApiOptions options;
  options.requests_per_second = 0;
  return options;
}

std::string path_of(const std::string& incident, const std::string& what) {
  return "/api/v1/incidents/" + incident + "/" + what;
}

std::vector<std::string> incident_ids(RunningApi& api) {
  auto page = api.get("/api/v1/incidents?limit=1000", Role::kAnalyst);
  EXPECT_EQ(page.status, 200) << page.body;
  std::vector<std::string> ids;
  const Json listing = page.json();
  for (const auto& item : listing["incidents"]) {
    ids.push_back(item["id"]);
  }
  return ids;
}

std::vector<std::string> members(RunningApi& api, const std::string& incident) {
  auto shown = api.get("/api/v1/incidents/" + incident, Role::kAnalyst);
  EXPECT_EQ(shown.status, 200) << shown.body;
  std::vector<std::string> claims;
  const Json record = shown.json();
  for (const auto& member : record["claims"]) {
    claims.push_back(member["claim"]["id"]);
  }
  return claims;
}

std::string incident_of(RunningApi& api, const std::string& claim) {
  for (const std::string& id : incident_ids(api)) {
    for (const std::string& member : members(api, id)) {
      if (member == claim) {
        return id;
      }
    }
  }
  return "";
}

// The first incident with at least `size` members.
std::string incident_with(RunningApi& api, std::size_t size) {
  for (const std::string& id : incident_ids(api)) {
    if (members(api, id).size() >= size) {
      return id;
    }
  }
  return "";
}

// What shows on an incident: comment texts, evidence hashes and person names.
struct Shown {
  std::set<std::string> comments;
  std::set<std::string> evidence;
  std::set<std::string> persons;
  std::set<std::string> written_on;  // of every note
};

Shown shown_on(RunningApi& api, const std::string& incident) {
  Shown shown;
  auto comments = api.get(path_of(incident, "comments"), Role::kAnalyst);
  auto evidence = api.get(path_of(incident, "evidence"), Role::kAnalyst);
  auto persons = api.get(path_of(incident, "persons"), Role::kAnalyst);
  EXPECT_EQ(comments.status, 200) << comments.body;
  EXPECT_EQ(evidence.status, 200) << evidence.body;
  EXPECT_EQ(persons.status, 200) << persons.body;
  const Json comment_list = comments.json();
  const Json evidence_list = evidence.json();
  const Json person_list = persons.json();
  for (const auto& comment : comment_list["comments"]) {
    shown.comments.insert(comment["text"]);
    shown.written_on.insert(comment["written_on"]);
  }
  for (const auto& attachment : evidence_list["evidence"]) {
    shown.evidence.insert(attachment["sha256"]);
    shown.written_on.insert(attachment["written_on"]);
  }
  for (const auto& person : person_list["persons"]) {
    shown.persons.insert(person["name"]);
    shown.written_on.insert(person["written_on"]);
  }
  return shown;
}

// One comment, one evidence file and one named person on `incident`,
// told apart by `tag`; returns the evidence file's SHA-256.
std::string add_notes(RunningApi& api, const std::string& incident, const std::string& tag) {
  auto comment = api.post(path_of(incident, "comments"),
                          Json{{"text", "synthetic note on " + tag}}.dump(), Role::kAnalyst);
  EXPECT_EQ(comment.status, 201) << comment.body;
  auto evidence =
      api.post(path_of(incident, "evidence?name=" + tag + ".bin"),
               "synthetic evidence bytes of " + tag, Role::kOperator, "application/octet-stream");
  EXPECT_EQ(evidence.status, 201) << evidence.body;
  auto person = api.post(
      path_of(incident, "persons"),
      Json{{"name", "Fictional Person " + tag}, {"status", "missing"}, {"side", "civilians"}}
          .dump(),
      Role::kOperator);
  EXPECT_EQ(person.status, 201) << person.body;
  return evidence.json().value("sha256", std::string());
}

Json decide(RunningApi& api, const std::string& incident, const std::string& step, Json body) {
  body["reason"] = "synthetic correction";
  auto decided = api.post(path_of(incident, step), body.dump(), Role::kOperator);
  EXPECT_EQ(decided.status, 200) << step << ": " << decided.body;
  return decided.json();
}

TEST(NotesFollow, AMergedIncidentShowsTheNotesOfBothAndASplitGivesEachPartItsOwn) {
  RunningApi api(unlimited());
  auto ids = incident_ids(api);
  ASSERT_GE(ids.size(), 2U);
  const std::string first = ids[0];
  const std::string second = ids[1];
  const auto first_claims = members(api, first);
  const auto second_claims = members(api, second);
  const std::string first_sha = add_notes(api, first, "first");
  const std::string second_sha = add_notes(api, second, "second");

  auto merged = decide(api, first, "merge", {{"other", second}});
  ASSERT_EQ(merged["incidents"].size(), 1U) << merged.dump();
  const std::string whole = merged["incidents"][0];
  ASSERT_EQ(merged["retired"].size(), 1U) << merged.dump();
  const std::string retired = merged["retired"][0];
  Shown on_whole = shown_on(api, whole);
  EXPECT_EQ(on_whole.comments,
            (std::set<std::string>{"synthetic note on first", "synthetic note on second"}));
  EXPECT_EQ(on_whole.evidence, (std::set<std::string>{first_sha, second_sha}));
  EXPECT_EQ(on_whole.persons,
            (std::set<std::string>{"Fictional Person first", "Fictional Person second"}));
  EXPECT_EQ(on_whole.written_on, (std::set<std::string>{first, second}));
  // Nothing is lost: the retired id still lists what was written on it.
  Shown on_retired = shown_on(api, retired);
  EXPECT_EQ(on_retired.comments.size(), 1U);
  EXPECT_EQ(on_retired.written_on, (std::set<std::string>{retired}));
  // Both files download through the merged incident.
  for (const std::string& sha : {first_sha, second_sha}) {
    EXPECT_EQ(api.get(path_of(whole, "evidence/" + sha), Role::kMonitor).status, 200);
  }

  // Split the second incident's claims back out: each part shows its own.
  auto split = decide(api, whole, "split", {{"claims", second_claims}});
  const std::string first_part = incident_of(api, first_claims[0]);
  const std::string second_part = incident_of(api, second_claims[0]);
  ASSERT_NE(first_part, second_part);
  Shown on_first = shown_on(api, first_part);
  Shown on_second = shown_on(api, second_part);
  EXPECT_EQ(on_first.comments, (std::set<std::string>{"synthetic note on first"}));
  EXPECT_EQ(on_first.evidence, (std::set<std::string>{first_sha}));
  EXPECT_EQ(on_first.persons, (std::set<std::string>{"Fictional Person first"}));
  EXPECT_EQ(on_second.comments, (std::set<std::string>{"synthetic note on second"}));
  EXPECT_EQ(on_second.evidence, (std::set<std::string>{second_sha}));
  EXPECT_EQ(on_second.persons, (std::set<std::string>{"Fictional Person second"}));
  // A file shows only on its own part.
  EXPECT_EQ(api.get(path_of(first_part, "evidence/" + second_sha), Role::kAnalyst).status, 404);
  EXPECT_EQ(api.get(path_of(second_part, "evidence/" + second_sha), Role::kAnalyst).status, 200);
}

TEST(NotesFollow, ANoteWrittenBeforeASplitShowsOnEveryPartMarkedWithItsIncident) {
  RunningApi api(unlimited());
  const std::string incident = incident_with(api, 2);
  ASSERT_FALSE(incident.empty());
  const auto claims = members(api, incident);
  const std::string sha = add_notes(api, incident, "before");
  decide(api, incident, "split", {{"claims", Json::array({claims.back()})}});
  const std::string kept = incident_of(api, claims.front());
  const std::string apart = incident_of(api, claims.back());
  ASSERT_NE(kept, apart);
  for (const std::string& part : {kept, apart}) {
    Shown shown = shown_on(api, part);
    EXPECT_EQ(shown.comments, (std::set<std::string>{"synthetic note on before"})) << part;
    EXPECT_EQ(shown.evidence, (std::set<std::string>{sha})) << part;
    EXPECT_EQ(shown.written_on, (std::set<std::string>{incident})) << part;
  }
}

TEST(NotesFollow, APersonReadInOneClaimFollowsThatClaimThroughDetachAndAttach) {
  RunningApi api(unlimited());
  const std::string incident = incident_with(api, 2);
  ASSERT_FALSE(incident.empty());
  const auto claims = members(api, incident);
  const std::string claim = claims.back();
  auto person = api.post(path_of(incident, "persons"),
                         Json{{"name", "Fictional Person Orvane"},
                              {"status", "wounded"},
                              {"side", "civilians"},
                              {"claim", claim}}
                             .dump(),
                         Role::kOperator);
  ASSERT_EQ(person.status, 201) << person.body;
  auto comment = api.post(path_of(incident, "comments"), R"({"text":"about the whole incident"})",
                          Role::kMonitor);
  ASSERT_EQ(comment.status, 201) << comment.body;

  decide(api, incident, "detach", {{"claim", claim}});
  const std::string rest = incident_of(api, claims.front());
  const std::string alone = incident_of(api, claim);
  ASSERT_NE(rest, alone);
  EXPECT_TRUE(shown_on(api, rest).persons.empty());
  EXPECT_EQ(shown_on(api, alone).persons, (std::set<std::string>{"Fictional Person Orvane"}));
  // The comment was about all the claims: it shows on both.
  EXPECT_EQ(shown_on(api, rest).comments.size(), 1U);
  EXPECT_EQ(shown_on(api, alone).comments.size(), 1U);

  decide(api, rest, "attach", {{"claim", claim}});
  const std::string again = incident_of(api, claim);
  EXPECT_EQ(again, incident_of(api, claims.front()));
  Shown shown = shown_on(api, again);
  EXPECT_EQ(shown.persons, (std::set<std::string>{"Fictional Person Orvane"}));
  EXPECT_EQ(shown.comments, (std::set<std::string>{"about the whole incident"}));
}

TEST(NotesFollow, AttachingAClaimBringsTheNotesAnchoredToIt) {
  RunningApi api(unlimited());
  auto ids = incident_ids(api);
  ASSERT_GE(ids.size(), 2U);
  const std::string target = ids[0];
  // A donor whose claim sorts after the target's smallest claim, so the
  // incident keeps the target's id and only the anchors can bring the notes.
  std::string donor;
  std::string claim;
  for (std::size_t i = 1; i < ids.size() && donor.empty(); ++i) {
    const std::string first = members(api, ids[i]).front();
    if (first.substr(4) > target.substr(4)) {
      donor = ids[i];
      claim = first;
    }
  }
  ASSERT_FALSE(donor.empty());
  add_notes(api, donor, "donor");
  decide(api, target, "attach", {{"claim", claim}});
  ASSERT_EQ(incident_of(api, claim), target);
  Shown shown = shown_on(api, target);
  EXPECT_EQ(shown.comments.count("synthetic note on donor"), 1U);
  EXPECT_EQ(shown.persons.count("Fictional Person donor"), 1U);
  EXPECT_EQ(shown.written_on.count(donor), 1U);
}

// The first row of the bundled border report as published at another
// address: a new claim of the same event, with its own claim id.
std::string border_variant(int variant) {
  std::ifstream in(kSourceDir / "data/examples/2022-09-13-armenia-azerbaijan-border.csv");
  std::string header;
  std::string row;
  std::getline(in, header);
  std::getline(in, row);
  const std::string url = "https://www.mil.am/en/news/11009";
  auto at = row.find(url);
  EXPECT_NE(at, std::string::npos);
  row.replace(at, url.size(), url + "?variant=" + std::to_string(variant));
  return header + "\n" + row + "\n";
}

TEST(NotesFollow, NotesStayWhenANewClaimGivesTheIncidentAnotherId) {
  RunningApi api(unlimited());
  const std::string first_row_claim = [&] {
    auto claims =
        api.get("/api/v1/claims?limit=1000&event_type=shelling&source=am-mod", Role::kAnalyst);
    EXPECT_EQ(claims.status, 200) << claims.body;
    return claims.json()["claims"].at(0)["id"].get<std::string>();
  }();
  const std::string before = incident_of(api, first_row_claim);
  ASSERT_FALSE(before.empty());
  const std::string sha = add_notes(api, before, "reclustered");
  std::string after = before;
  for (int variant = 0; variant < 40 && after == before; ++variant) {
    auto ingested =
        api.post("/api/v1/ingest?format=csv", border_variant(variant), Role::kOperator, "text/csv");
    ASSERT_LT(ingested.status, 300) << ingested.body;
    after = incident_of(api, first_row_claim);
  }
  ASSERT_NE(after, before) << "no variant gave the incident a smaller claim";
  Shown shown = shown_on(api, after);
  EXPECT_EQ(shown.comments, (std::set<std::string>{"synthetic note on reclustered"}));
  EXPECT_EQ(shown.evidence, (std::set<std::string>{sha}));
  EXPECT_EQ(shown.persons, (std::set<std::string>{"Fictional Person reclustered"}));
  EXPECT_EQ(api.get(path_of(after, "evidence/" + sha), Role::kAnalyst).status, 200);
}

TEST(EvidenceDownload, IsServedOnlyThroughAnIncidentThatShowsTheFile) {
  RunningApi api(unlimited());
  auto ids = incident_ids(api);
  ASSERT_GE(ids.size(), 2U);
  const std::string sha = add_notes(api, ids[0], "own");
  auto through_own = api.get(path_of(ids[0], "evidence/" + sha), Role::kAnalyst);
  EXPECT_EQ(through_own.status, 200);
  EXPECT_EQ(through_own.body, "synthetic evidence bytes of own");
  EXPECT_EQ(api.get("/api/v1/evidence/" + sha, Role::kMonitor).status, 200);
  // Through another incident: the 404 of a hash never stored.
  auto through_other = api.get(path_of(ids[1], "evidence/" + sha), Role::kAnalyst);
  auto unknown = api.get(path_of(ids[1], "evidence/" + std::string(64, '0')), Role::kAnalyst);
  EXPECT_EQ(through_other.status, 404);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(through_other.json()["code"], unknown.json()["code"]);
  EXPECT_EQ(through_other.header("content-type"), "application/problem+json");
  // Roles without the evidence permission never reach it.
  EXPECT_EQ(api.get(path_of(ids[0], "evidence/" + sha), Role::kLiaison).status, 403);
  EXPECT_EQ(api.get(path_of(ids[0], "evidence/" + sha), Role::kPublic).status, 401);
  EXPECT_EQ(api.get("/api/v1/evidence/" + sha, Role::kAdmin).status, 403);
  // Bytes attached to no incident are not served at all.
  execute(api.db(),
          "DELETE FROM incident_note_anchors WHERE kind = 'evidence'; "
          "DELETE FROM incident_evidence WHERE sha256 = '" +
              sha + "'");
  auto detached = api.get("/api/v1/evidence/" + sha, Role::kOperator);
  EXPECT_EQ(detached.status, 404) << detached.body;
  EXPECT_EQ(detached.json()["code"], "not_found");
  EXPECT_EQ(api.get(path_of(ids[0], "evidence/" + sha), Role::kOperator).status, 404);
}

TEST(EvidenceDownload, AReaderOfPublishedIncidentsOnlyGetsFilesOfPublishedOnes) {
  RunningApi api(unlimited());
  const std::string incident = incident_ids(api).at(0);
  const std::string sha = add_notes(api, incident, "published");
  auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
  ASSERT_TRUE(monitor) << monitor.error().message;
  service::EvidenceReader outside;
  outside.sees_unpublished = false;
  auto refused = monitor->evidence_file(sha, outside);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
  ASSERT_EQ(api.post(path_of(incident, "publish"), "", Role::kOperator).status, 200);
  auto served = monitor->evidence_file(sha, outside);
  ASSERT_TRUE(served) << served.error().message;
  EXPECT_EQ(served->content, "synthetic evidence bytes of published");
}

// A database written before migration 10 (the anchors' table dropped and
// its migration unrecorded, as it was) is upgraded on open and its notes
// follow the next merge.
TEST(NotesFollow, NotesWrittenBeforeTheAnchorsFollowAfterTheUpgrade) {
  TempDir dir;
  const std::string db = (dir / "old.db").string();
  std::string first;
  std::string second;
  std::string read_in;  // the claim a person of the first incident was read in
  long long person_read_in = 0;
  {
    auto monitor = service::Monitor::open(db, storage::OpenMode::kCreate);
    ASSERT_TRUE(monitor) << monitor.error().message;
    auto outcomes =
        monitor->ingest({kSourceDir / "data/examples/2021-11-16-kilisali.json",
                         kSourceDir / "data/examples/2022-09-13-armenia-azerbaijan-border.csv"},
                        {});
    ASSERT_FALSE(outcomes.at(0).error);
    auto listed = monitor->incidents(storage::IncidentQuery{});
    ASSERT_TRUE(listed) << listed.error().message;
    ASSERT_GE(listed->incidents.size(), 2U);
    // The first incident with several claims, so that one of them is not all of them.
    std::size_t several = 0;
    while (several < listed->incidents.size() &&
           listed->incidents[several].incident.members.size() < 2) {
      ++several;
    }
    ASSERT_LT(several, listed->incidents.size());
    first = listed->incidents[several].incident.id.str();
    second = listed->incidents[several == 0 ? 1 : 0].incident.id.str();
    for (const std::string& id : {first, second}) {
      ASSERT_TRUE(monitor->add_comment({IncidentId(id), "written on " + id, "cli", "cli"}));
      service::NewEvidence evidence{IncidentId(id), id + ".txt", "text/plain", "cli", "cli"};
      ASSERT_TRUE(monitor->add_evidence(evidence, "evidence of " + id));
      service::NewPerson person;
      person.incident = IncidentId(id);
      person.name = "Fictional Person " + id;
      person.status = "killed";
      person.side = "civilians";
      person.author = "cli";
      person.actor = "cli";
      ASSERT_TRUE(monitor->add_person(person));
    }
    read_in = listed->incidents[several].incident.members.back().claim.str();
    service::NewPerson person;
    person.incident = IncidentId(first);
    person.name = "Fictional Person read in one claim";
    person.status = "wounded";
    person.side = "civilians";
    person.claim = ClaimId(read_in);
    person.author = "cli";
    person.actor = "cli";
    auto recorded = monitor->add_person(person);
    ASSERT_TRUE(recorded) << recorded.error().message;
    person_read_in = recorded->id;
  }
  execute(db, "DROP TABLE incident_note_anchors; DELETE FROM schema_migrations WHERE version = 10");
  auto monitor = service::Monitor::open(db, storage::OpenMode::kOpenExisting);
  ASSERT_TRUE(monitor) << monitor.error().message;
  service::DecisionRequest merge;
  merge.kind = DecisionKind::kMerge;
  merge.incident = IncidentId(first);
  merge.other = IncidentId(second);
  merge.by = "cli";
  merge.reason = "synthetic correction";
  auto merged = monitor->decide(merge);
  ASSERT_TRUE(merged) << merged.error().message;
  ASSERT_EQ(merged->incidents.size(), 1U);
  const IncidentId whole = merged->incidents[0];
  auto comments = monitor->comments(whole);
  ASSERT_TRUE(comments);
  EXPECT_EQ(comments->size(), 2U);
  auto evidence = monitor->evidence(whole);
  ASSERT_TRUE(evidence);
  EXPECT_EQ(evidence->size(), 2U);
  auto persons = monitor->persons(whole, "cli");
  ASSERT_TRUE(persons);
  EXPECT_EQ(persons->size(), 3U);
  // The upgrade anchored the person read in one claim to that claim alone.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw,
                               "SELECT group_concat(claim_id) FROM incident_note_anchors "
                               "WHERE kind = 'person' AND note_id = ?1",
                               -1, &statement, nullptr),
            SQLITE_OK);
  sqlite3_bind_int64(statement, 1, person_read_in);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  const auto* anchors = sqlite3_column_text(statement, 0);
  EXPECT_EQ(std::string(anchors != nullptr ? reinterpret_cast<const char*>(anchors) : ""), read_in);
  sqlite3_finalize(statement);
  sqlite3_close(raw);
}

}  // namespace
}  // namespace truce::test
