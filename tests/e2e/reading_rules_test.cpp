// Reading rules on plainly synthetic texts of the fictional theatre: dates,
// frames and speakers, the page's parts, and how `truce eval` scores.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fictional_theatre.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

// The casualty figures of a reading's one claim as "status min side" ("killed 4
// freedonia"), in order; empty when it has not exactly one claim (which fails the test).
std::vector<std::string> figures_of_the_one_claim(const json& reading) {
  EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  std::vector<std::string> figures;
  if (reading["claims"].size() != 1) {
    return figures;
  }
  for (const json& figure : reading["claims"][0].value("casualties", json::array())) {
    figures.push_back(figure["status"].get<std::string>() + " " +
                      std::to_string(figure["min"].get<int>()) + " " +
                      figure["side"].value("id", std::string("-")));
  }
  return figures;
}

// The one claim's figures as "status min", without their sides.
std::vector<std::string> counts_of_the_one_claim(const json& reading) {
  std::vector<std::string> counts;
  for (const std::string& figure : figures_of_the_one_claim(reading)) {
    counts.push_back(figure.substr(0, figure.rfind(' ')));
  }
  return counts;
}

// `truce eval --json` of a corpus of one text with its expected claims and
// not-claims, read in the fictional theatre.
class FictionalEval : public FictionalTheatre {
 protected:
  json evaluate(const std::string& text, const json& claims, const json& not_claims) {
    const std::filesystem::path corpus = dir_ / "corpus";
    std::filesystem::create_directories(corpus);
    write_file(corpus / "story.txt", text);
    write_file(corpus / "story.expected.json", json{{"language", "en"},
                                                    {"published", "2030-05-06"},
                                                    {"claims", claims},
                                                    {"not_claims", not_claims}}
                                                   .dump());
    auto result = truce({"eval", "--json", corpus.string()}, {{"TRUCE_DATA", data_.string()}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }
};

TEST_F(FictionalTheatre, AnUndatedTextIsReadInFullButOnlyADatedOneIsStored) {
  const std::string story = (dir_ / "undated.txt").string();
  write_file(story,
             "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
             "shelled Grenzdorf, killing two Ruritanian soldiers.");
  const std::map<std::string, std::string> env{{"TRUCE_DATA", data_.string()}};
  auto extracted = truce({"extract", "--json", story}, env);
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  const json reading = json::parse(extracted.out);
  EXPECT_TRUE(reading["claims"].empty()) << reading.dump(1);
  ASSERT_EQ(reading["undated_claims"].size(), 1U) << reading.dump(1);
  const json& claim = reading["undated_claims"][0];
  EXPECT_EQ(claim["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(claim["event_type"], "shelling");
  EXPECT_TRUE(claim["time"].is_null());
  EXPECT_EQ(claim["time_basis"]["basis"], "unknown");
  EXPECT_EQ(claim["place"]["name"], "Grenzdorf");
  EXPECT_EQ(claim["casualties"][0]["min"], 2);
  EXPECT_NE(extracted.err.find("give --published"), std::string::npos) << extracted.err;

  auto text = truce({"extract", story}, env);
  EXPECT_NE(text.out.find("1 claim without a date"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("when          unknown"), std::string::npos) << text.out;

  auto ingested = truce({"ingest", "--db", db_, story}, env);
  EXPECT_EQ(ingested.exit_code, 3) << ingested.err;
  EXPECT_NE(ingested.err.find("1 claim has no date"), std::string::npos) << ingested.err;
  EXPECT_TRUE(json_of({"documents"})["documents"].empty());
  // Storing groups claims into incidents, which needs the bundled fusion rules.
  for (const char* folder : {"fusion", "sources"}) {
    std::filesystem::copy(kSourceDir / "data" / folder, data_ / folder,
                          std::filesystem::copy_options::recursive);
  }
  auto dated = truce({"ingest", "--db", db_, "--published", "2030-05-06", story}, env);
  EXPECT_EQ(dated.exit_code, 0) << dated.err;
  EXPECT_EQ(claim_count(), 1);
}

TEST_F(FictionalTheatre, ADateThatCannotBePlacedIsNotReplacedByALaterOne) {
  const std::string story = (dir_ / "undated.txt").string();
  write_file(story,
             "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
             "shelled Grenzdorf yesterday. The two states have been at odds since their war in "
             "the year 1990.");
  auto extracted = truce({"extract", "--json", story}, {{"TRUCE_DATA", data_.string()}});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  const json reading = json::parse(extracted.out);
  EXPECT_TRUE(reading["claims"].empty()) << reading.dump(1);
  ASSERT_EQ(reading["undated_claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["undated_claims"][0]["event_type"], "shelling");
  // With the publication date, "yesterday" is the date.
  const json dated = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday. The two states have been at odds since their war in the "
      "year 1990.");
  ASSERT_EQ(dated["claims"].size(), 1U) << dated.dump(1);
  EXPECT_EQ(dated["claims"][0]["time"]["start"], "2030-05-05");
}

TEST_F(FictionalTheatre, AnOutletsAccountDatedByWordsThatCannotBePlacedIsReadUndated) {
  write_file(dir_ / "story.json",
             json{{"text",
                   "A synthetic story\n\nFreedonian troops shelled Grenzdorf this morning, "
                   "killing one civilian.\n\nRuritanian Daily"},
                  {"publisher", "Ruritanian Daily"}}
                 .dump());
  auto result = truce({"extract", "--json", "--format", "envelope", (dir_ / "story.json").string()},
                      {{"TRUCE_DATA", data_.string()}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json reading = json::parse(result.out);
  EXPECT_TRUE(reading["claims"].empty()) << reading.dump(1);
  ASSERT_EQ(reading["undated_claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["undated_claims"][0]["claimant"]["name"], "Ruritanian Daily");
  EXPECT_EQ(reading["undated_claims"][0]["event_type"], "shelling");
}

TEST_F(FictionalTheatre, AnAttributionThatPointsBackQuotesTheSentencesBeforeIt) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday. This was announced "
      "by the Foreign Ministry of Ruritania.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][0]["event_type"], "shelling");
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-05");
  // A date between the word pointing back and the verb does not part them.
  const json dated = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday. This was on 6 May "
      "announced by the Foreign Ministry of Ruritania.");
  ASSERT_EQ(dated["claims"].size(), 1U) << dated.dump(1);
  EXPECT_EQ(dated["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
  // Without the word pointing back, the outlet's sentence stays its own.
  const json apart = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday. The Foreign Ministry "
      "of Ruritania announced talks.");
  ASSERT_FALSE(apart["claims"].empty()) << apart.dump(1);
  EXPECT_NE(apart["claims"][0]["claimant"]["id"], "ru-fictional-mfa") << apart.dump(1);
}

TEST_F(FictionalTheatre, AnAttributionClosingAQuotationSpeaksForAllOfIt) {
  const std::string opening =
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Grenzdorf was attacked "
      "yesterday.\n\n";
  // The ministry, referred to again, goes on speaking.
  const json anaphor = read_published(opening +
                                      "\u201CFreedonian troops shelled Kleinheim. Such acts "
                                      "are provocations,\u201D the ministry said.");
  ASSERT_EQ(anaphor["claims"].size(), 2U) << anaphor.dump(1);
  for (const json& claim : anaphor["claims"]) {
    EXPECT_EQ(claim["claimant"]["id"], "ru-fictional-mfa") << anaphor.dump(1);
  }
  EXPECT_EQ(anaphor["claims"][1]["event_type"], "shelling");
  // The same speaker named again: still one frame of the ministry's.
  const json named = read_published(
      opening +
      "\u201CFreedonian troops shelled Kleinheim. Such acts are provocations,\u201D Anna "
      "Example said.");
  ASSERT_EQ(named["claims"].size(), 2U) << named.dump(1);
  EXPECT_EQ(named["claims"][1]["claimant"]["id"], "ru-fictional-mfa") << named.dump(1);
}

TEST_F(FictionalTheatre, ClashesThatFollowANamedAttackerAreAnAttack) {
  const json named = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said two soldiers were killed in "
      "clashes near Grenzdorf yesterday, after an attack by Freedonian troops.");
  ASSERT_EQ(named["claims"].size(), 1U) << named.dump(1);
  EXPECT_EQ(named["claims"][0]["event_type"], "attack");
  EXPECT_EQ(named["claims"][0]["perpetrator"]["id"], "fd-fictional-forces");
  // Clashes alone are mutual: no one is said to have begun them.
  const json mutual = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said two soldiers were killed in "
      "clashes with Freedonian troops near Grenzdorf yesterday.");
  ASSERT_EQ(mutual["claims"].size(), 1U) << mutual.dump(1);
  EXPECT_EQ(mutual["claims"][0]["event_type"], "armed_clash");
  EXPECT_FALSE(mutual["claims"][0].contains("perpetrator")) << mutual.dump(1);
}

TEST_F(FictionalTheatre, AClaimOfFiguresAloneIsOfTheFightingToldBeforeIt) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday.\n\nFreedonian troops said that three of their soldiers were killed.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  const json& figures = reading["claims"][1];
  EXPECT_EQ(figures["claimant"]["id"], "fd-fictional-forces");
  EXPECT_EQ(figures["event_type"], "shelling");
  EXPECT_EQ(figures["provenance_quotes"]["event_type"][0], "shelled") << figures.dump(1);
  // A violation alleged is not the fighting people fell in: the deaths tell of
  // an attack, not of a violation.
  const json violation = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonia violated the "
      "ceasefire yesterday.\n\nFreedonian troops said that three of their soldiers were killed.");
  ASSERT_EQ(violation["claims"].size(), 2U) << violation.dump(1);
  EXPECT_EQ(violation["claims"][1]["event_type"], "attack") << violation.dump(1);
  const json& words = violation["claims"][1]["provenance_quotes"]["event_type"];
  EXPECT_EQ(std::find(words.begin(), words.end(), "violated"), words.end()) << violation.dump(1);
}

// The scorer pairs each expected claim with the extracted claim that fits it
// best, the best pairs first: an expected claim the reader missed must not
// take the claim that another expected claim describes exactly.
TEST_F(FictionalEval, PairsTheBestFittingClaimsFirst) {
  const json claim = {{"event_type", "shelling"},   {"claimant", "ru-fictional-mfa"},
                      {"date", "2030-05-05"},       {"date_basis", "stated"},
                      {"perpetrator", "freedonia"}, {"target", "ruritania"}};
  json missed = claim;
  missed["place"] = {{"name", "Kleinheim"}, {"id", "kleinheim"}};
  missed["evidence"] = "Kleinheim was quiet.";
  json found = claim;
  found["place"] = {{"name", "Grenzdorf"}, {"id", "grenzdorf"}};
  found["evidence"] =
      "The Foreign Ministry of Ruritania said Freedonian troops shelled Grenzdorf on 5 May 2030.";
  const json evaluation = evaluate(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf on 5 May 2030.\n\nKleinheim was quiet.\n",
      {missed, found}, json::array());
  for (const json& field : evaluation["fields"]) {
    if (field["field"] == "place") {
      EXPECT_EQ(field["matched"], 1) << evaluation.dump(1);
    }
  }
  ASSERT_EQ(evaluation["texts"].size(), 1U);
  const json& misses = evaluation["texts"][0]["misses"];
  EXPECT_NE(
      std::find(misses.begin(), misses.end(), "claim: not found: shelling by ru-fictional-mfa"),
      misses.end())
      << misses.dump(1);
}

// A place the gazetteer knows no coordinates of cannot be scored within 25
// km: the place read is the one expected when its name as written is one of
// that entry's names ("the village of" before it aside), not only when the
// two names share their letters.
TEST_F(FictionalEval, ScoresAPlaceWithoutCoordinatesByTheNamesOfItsEntry) {
  write_file(data_ / "gazetteer/places-extra.tsv",
             "mittelbach\tsettlement\t\t\t2\tRU\t\truritania\tEurope/Moscow\tyes\tfictional\n");
  write_file(data_ / "gazetteer/names/en.extra.tsv",
             "mittelbach\tMittelbach\nmittelbach\tMittelbakh\n");
  const auto place_matched = [&](const std::string& expected_name, const std::string& id,
                                 const std::string& written = "Mittelbakh") {
    const json claim = {
        {"event_type", "shelling"},
        {"claimant", "ru-fictional-mfa"},
        {"date", "2030-05-05"},
        {"date_basis", "stated"},
        {"place", {{"name", expected_name}, {"id", id}}},
        {"evidence",
         "The Foreign Ministry of Ruritania said Freedonian troops shelled " + written}};
    const json evaluation = evaluate(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
        "shelled " +
            written + " on 5 May 2030.\n",
        json::array({claim}), json::array());
    for (const json& field : evaluation["fields"]) {
      if (field["field"] == "place") {
        return field["matched"].get<int>();
      }
    }
    return -1;
  };
  EXPECT_EQ(place_matched("Mittelbach", "mittelbach"), 1);
  EXPECT_EQ(place_matched("Grenzdorf", "grenzdorf"), 0);
  // The words for a kind of place before the name are not the words it was read from.
  EXPECT_EQ(place_matched("Mittelbach", "mittelbach", "the village of Mittelbakh"), 1);
}

// One quotation can hold two claims with the same evidence; the perpetrator
// tells which expected claim the one read is.
TEST_F(FictionalEval, PairsClaimsOfTheSameEvidenceByTheirPerpetrator) {
  const std::string sentence =
      "The Foreign Ministry of Ruritania said Freedonian troops shelled Grenzdorf on 5 May 2030.";
  json claim = {{"event_type", "shelling"},
                {"claimant", "ru-fictional-mfa"},
                {"date", "2030-05-05"},
                {"date_basis", "stated"},
                {"evidence", sentence}};
  json answered = claim;
  answered["perpetrator"] = "ruritania";
  json fired = claim;
  fired["perpetrator"] = "freedonia";
  const json evaluation =
      evaluate("A synthetic story\n\n" + sentence + "\n", {answered, fired}, json::array());
  for (const json& field : evaluation["fields"]) {
    if (field["field"] == "perpetrator") {
      EXPECT_EQ(field["matched"], 1) << evaluation.dump(1);
    }
  }
}

// One claim read from a speaker's two sentences pairs with the expected claim
// whose evidence holds what happened, not with the one that only names the
// speaker.
TEST_F(FictionalEval, PairsAClaimWithTheEvidenceOfWhatHappened) {
  const std::string attribution = "The Foreign Ministry of Ruritania reported on 5 May 2030.";
  const std::string event = "Freedonian troops shelled Grenzdorf, the ministry said.";
  json speaker_only = {{"event_type", "shelling"},
                       {"claimant", "ru-fictional-mfa"},
                       {"date", "2030-05-05"},
                       {"date_basis", "stated"},
                       {"evidence", attribution}};
  json what_happened = speaker_only;
  what_happened["evidence"] = event;
  what_happened["place"] = {{"name", "Grenzdorf"}, {"id", "grenzdorf"}};
  const json evaluation = evaluate("A synthetic story\n\n" + attribution + " " + event + "\n",
                                   {speaker_only, what_happened}, json::array());
  ASSERT_EQ(evaluation["texts"][0]["extracted_claims"], 1) << evaluation.dump(1);
  for (const json& field : evaluation["fields"]) {
    if (field["field"] == "place") {
      EXPECT_EQ(field["matched"], 1) << evaluation.dump(1);
    }
  }
}

TEST_F(FictionalEval, ComparesACasualtySideByThePartyItBelongsTo) {
  const std::string text =
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf on 5 May 2030, killing two Ruritanian soldiers.\n";
  const auto matched = [&](const std::string& side) {
    const json claim = {
        {"event_type", "shelling"},
        {"claimant", "ru-fictional-mfa"},
        {"date", "2030-05-05"},
        {"date_basis", "stated"},
        {"casualties",
         json::array({{{"side", side}, {"status", "killed"}, {"min", 2}, {"max", 2}}})},
        {"evidence", "The Foreign Ministry of Ruritania said Freedonian troops shelled Grenzdorf"}};
    const json evaluation = evaluate(text, json::array({claim}), json::array());
    for (const json& field : evaluation["fields"]) {
      if (field["field"] == "casualties") {
        return field["matched"].get<int>();
      }
    }
    return -1;
  };
  EXPECT_EQ(matched("ruritania"), 1);
  // An organ of the state is of the same party.
  EXPECT_EQ(matched("ru-fictional-mfa"), 1);
  EXPECT_EQ(matched("freedonia"), 0);
  EXPECT_EQ(matched("fd-border-guards"), 0);
}

TEST_F(FictionalTheatre, ASpecificActBesideAGeneralWordForFightingIsWhatIsClaimed) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops attacked "
      "Grenzdorf yesterday.\n\nThe ministry said Freedonian troops attacked again and seized "
      "Grenzdorf.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "attack");
  EXPECT_EQ(reading["claims"][1]["event_type"], "territory_seizure");
  // "The ministry said Freedonian troops ...": the ministry speaks, not the troops.
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ru-fictional-mfa");
}

// A claim rests on a statement the corpus rules out when its event words or
// figures are read there, not when the statement only attributes it.
TEST_F(FictionalEval, CountsAFalseClaimWhereItsEventIsReadNotWhereItIsAttributed) {
  const std::string event =
      "The Foreign Ministry of Ruritania said Freedonian troops shelled Grenzdorf on 5 May 2030.";
  const std::string aside = "The ministry added that it was watching closely.";
  const std::string text = "A synthetic story\n\n" + event + " " + aside + "\n";
  const auto false_claims = [&](const std::string& quote) {
    return evaluate(text, json::array(), {quote})["false_claims"].get<int>();
  };
  EXPECT_EQ(false_claims(aside), 0);
  EXPECT_EQ(false_claims(event), 1);
}

TEST_F(FictionalTheatre, ADateRightAfterTheVerbDatesTheStatementNotTheEvent) {
  const std::string ministry = "A synthetic story\n\nThe Foreign Ministry of Ruritania said ";
  const json statement = read(ministry + "on Friday that Freedonian troops shelled Grenzdorf.");
  ASSERT_EQ(statement["claims"].size(), 1U) << statement.dump(1);
  EXPECT_EQ(statement["claims"][0]["time"]["start"], "2030-05-03");
  EXPECT_EQ(statement["claims"][0]["time_basis"]["basis"], "announcement");
  // The event's own date wins over the statement's.
  const json both =
      read(ministry + "on Friday that Freedonian troops shelled Grenzdorf on Wednesday.");
  ASSERT_EQ(both["claims"].size(), 1U) << both.dump(1);
  EXPECT_EQ(both["claims"][0]["time"]["start"], "2030-05-01");
  EXPECT_EQ(both["claims"][0]["time_basis"]["basis"], "relative");
  // After "that", the date is in what was said.
  const json said = read(ministry + "that on Friday Freedonian troops shelled Grenzdorf.");
  ASSERT_EQ(said["claims"].size(), 1U) << said.dump(1);
  EXPECT_EQ(said["claims"][0]["time_basis"]["basis"], "relative");
}

TEST_F(FictionalTheatre, HeOrSheSaidContinuesTheSpeakersAccount) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said two soldiers were wounded "
      "in shelling of Grenzdorf yesterday.\n\nShe said that Freedonian troops attacked Kleinheim "
      "on 3 May.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-03");
}

TEST_F(FictionalTheatre, ASecondVerbInTheSpeakersOwnClauseDoesNotCutTheSentence) {
  const json reading = read(
      "A synthetic story\n\nOn 4 May, Ruritania reported an attack from Freedonia and said that "
      "it was repelled.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ruritania");
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-04");
}

TEST_F(FictionalTheatre, TheAccusedIsNeverTheSpeaker) {
  const json reading = read(
      "A synthetic story\n\nRuritania denied the reports, and accused Freedonia of shelling "
      "Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ruritania");
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "freedonia");
}

TEST_F(FictionalTheatre, TheOutletsAccountOfAnotherDayIsNotCoveredByAQuotedOne) {
  const std::string quoted =
      "\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled Grenzdorf "
      "yesterday.";
  const json apart =
      read_published("A synthetic story\n\nOn 1 May Freedonian troops shelled Grenzdorf." + quoted);
  ASSERT_EQ(apart["claims"].size(), 2U) << apart.dump(1);
  EXPECT_EQ(apart["claims"][0]["claimant"]["name"], "Ruritanian Daily");
  EXPECT_EQ(apart["claims"][0]["time"]["start"], "2030-05-01");
  const json same =
      read_published("A synthetic story\n\nOn 5 May Freedonian troops shelled Grenzdorf." + quoted);
  ASSERT_EQ(same["claims"].size(), 1U) << same.dump(1);
  EXPECT_EQ(same["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, TheOutletsAccountWithFiguresTheQuotedOneLacksIsItsOwn) {
  const std::string quoted =
      "The Foreign Ministry of Ruritania said Freedonian troops shelled Grenzdorf "
      "yesterday.\n\n";
  const json figures = read_published("A synthetic story\n\n" + quoted +
                                      "The shelling of Grenzdorf yesterday killed four people.");
  ASSERT_EQ(figures["claims"].size(), 2U) << figures.dump(1);
  EXPECT_EQ(figures["claims"][1]["claimant"]["name"], "Ruritanian Daily");
  EXPECT_EQ(figures["claims"][1]["casualties"][0]["min"], 4);
  const json none = read_published("A synthetic story\n\n" + quoted +
                                   "The shelling of Grenzdorf went on yesterday.");
  ASSERT_EQ(none["claims"].size(), 1U) << none.dump(1);
  EXPECT_EQ(none["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, WhomTheSpeakerSaysItKilledAreOfTheSideItFights) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday and we killed their soldiers.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& casualties = reading["claims"][0]["casualties"];
  ASSERT_EQ(casualties.size(), 1U) << reading.dump(1);
  EXPECT_EQ(casualties[0]["side"]["party"]["id"], "freedonia") << reading.dump(1);
  EXPECT_EQ(casualties[0]["status"], "killed");
  EXPECT_EQ(casualties[0]["min"], 1);
}

TEST_F(FictionalTheatre, ADayGivenEarlierInTheParagraphDatesAClaimWithoutOneOfItsOwn) {
  const std::string first =
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf on 3 May.\n\n";
  const json reading = read(first +
                            "The new round began on 4 May. Ruritania accused Freedonia of "
                            "shelling Kleinheim.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-03");
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ruritania");
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-04") << reading.dump(1);
  // Only within its paragraph: the next one goes by the account's day.
  const json apart = read(first +
                          "The new round began on 4 May.\n\nRuritania accused Freedonia of "
                          "shelling Kleinheim.");
  ASSERT_EQ(apart["claims"].size(), 2U) << apart.dump(1);
  EXPECT_EQ(apart["claims"][1]["time"]["start"], "2030-05-03") << apart.dump(1);
}

TEST_F(FictionalTheatre, AFigureOfFightingToldBeforeTakesThatFightingsDay) {
  const json reading = read(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on 3 May, the Foreign Ministry "
      "of Ruritania said.\n\nFreedonia and Ruritania held talks on 4 May, Freedonia "
      "Wire reported.\n\nRuritania reported two dead.");
  ASSERT_EQ(reading["claims"].size(), 3U) << reading.dump(1);
  const json& toll = reading["claims"][2];
  EXPECT_EQ(toll["claimant"]["id"], "ruritania");
  EXPECT_EQ(toll["event_type"], "shelling");
  EXPECT_EQ(toll["casualties"][0]["min"], 2);
  EXPECT_EQ(toll["time"]["start"], "2030-05-03") << reading.dump(1);
}

TEST_F(FictionalTheatre, PersonsOfAnyoneHitAtAPostAreItsPersonnel) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that yesterday the post of "
      "the Freedonian border guards near Grenzdorf was shelled and two people were wounded.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& casualties = reading["claims"][0]["casualties"];
  ASSERT_EQ(casualties.size(), 1U) << reading.dump(1);
  EXPECT_EQ(casualties[0]["side"]["kind"], "combatants") << reading.dump(1);
  EXPECT_EQ(casualties[0]["side"]["party"]["id"], "freedonia");
  EXPECT_EQ(casualties[0]["min"], 2);
  // The post may stand in another clause of the sentence.
  const json clause = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops opened "
      "fire yesterday at dawn, on the posts of the Ruritanian army near Grenzdorf, and two "
      "people were wounded.");
  ASSERT_EQ(clause["claims"].size(), 1U) << clause.dump(1);
  ASSERT_EQ(clause["claims"][0]["casualties"].size(), 1U) << clause.dump(1);
  EXPECT_EQ(clause["claims"][0]["casualties"][0]["side"]["kind"], "combatants") << clause.dump(1);
  EXPECT_EQ(clause["claims"][0]["casualties"][0]["side"]["party"]["id"], "ruritania");
  // Without a post hit, people are of no stated side.
  const json village = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that yesterday Grenzdorf "
      "was shelled and two people were wounded.");
  ASSERT_EQ(village["claims"].size(), 1U) << village.dump(1);
  EXPECT_EQ(village["claims"][0]["casualties"][0]["side"]["kind"], "unknown");
}

TEST_F(FictionalTheatre, AnIndefiniteArticleCountsOneOfASingularPersonNoun) {
  const auto wounded = [&](const std::string& sentence) {
    const json reading = read(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
        "Grenzdorf yesterday. " +
        sentence);
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    const json& casualties = reading["claims"][0]["casualties"];
    return casualties.empty() ? json() : casualties[0];
  };
  const json one = wounded("A 22 years old civilian was injured.");
  EXPECT_EQ(one["min"], 1);
  EXPECT_EQ(one["max"], 1);
  // Without the article the noun counts some, at least one.
  const json some = wounded("The 22 years old civilian was injured.");
  EXPECT_EQ(some["min"], 1);
  EXPECT_TRUE(some["max"].is_null()) << some.dump();
}

TEST_F(FictionalTheatre, AnUnnamedOfficialSpeaksForTheStateTheySpeakIn) {
  const json reading = read(
      "A synthetic story\n\n\u201cFreedonian troops shelled Oberland yesterday. Two soldiers "
      "were killed,\u201d a defence spokesperson said in Kleinheim.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& claim = reading["claims"][0];
  EXPECT_EQ(claim["claimant"]["id"], "ruritania") << reading.dump(1);
  // Where the official spoke is not where it happened.
  EXPECT_EQ(claim["place"]["name"], "Oberland");
  ASSERT_EQ(claim["casualties"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(claim["casualties"][0]["side"]["party"]["id"], "ruritania");
  // The place may stand between the official and the verb.
  const json between = read(
      "A synthetic story\n\nFreedonian troops shelled Oberland yesterday, a defence spokesperson "
      "in Kleinheim said. There was no loss of life.");
  ASSERT_EQ(between["claims"].size(), 1U) << between.dump(1);
  EXPECT_EQ(between["claims"][0]["claimant"]["id"], "ruritania") << between.dump(1);
  EXPECT_EQ(between["claims"][0]["place"]["name"], "Oberland") << between.dump(1);
  // "no loss of life": none killed; of the wounded it says nothing.
  ASSERT_EQ(between["claims"][0]["casualties"].size(), 1U) << between.dump(1);
  EXPECT_EQ(between["claims"][0]["casualties"][0]["status"], "killed");
  EXPECT_EQ(between["claims"][0]["casualties"][0]["max"], 0);
  // The police of a named place, the place before them; "claiming the lives of".
  const json police = read(
      "A synthetic story\n\nFreedonian troops shelled Oberland yesterday, claiming the lives of "
      "two civilians, Kleinheim police said.");
  ASSERT_EQ(police["claims"].size(), 1U) << police.dump(1);
  EXPECT_EQ(police["claims"][0]["claimant"]["id"], "ruritania") << police.dump(1);
  ASSERT_EQ(police["claims"][0]["casualties"].size(), 1U) << police.dump(1);
  EXPECT_EQ(police["claims"][0]["casualties"][0]["min"], 2);
  // Police with no place beside them speak of their own ground: the place told
  // of names their state and stays the act's.
  const json own_ground = read(
      "A synthetic story\n\nA police source told the agency that Freedonian troops shelled "
      "Kleinheim yesterday, killing two civilians.");
  ASSERT_EQ(own_ground["claims"].size(), 1U) << own_ground.dump(1);
  EXPECT_EQ(own_ground["claims"][0]["claimant"]["id"], "ruritania") << own_ground.dump(1);
  EXPECT_EQ(own_ground["claims"][0]["place"]["name"], "Kleinheim") << own_ground.dump(1);
  // «أفادت شرطة أوبرلاند»; «حي» names a neighbourhood the gazetteer does not know.
  const json arabic = read(
      "نص اصطناعي\n\nأفادت شرطة أوبرلاند بأن فريدونيا قصفت حي الزيتون أمس، ما أدى إلى مقتل "
      "ثلاثة مدنيين.");
  ASSERT_EQ(arabic["claims"].size(), 1U) << arabic.dump(1);
  EXPECT_EQ(arabic["claims"][0]["claimant"]["id"], "ruritania") << arabic.dump(1);
  EXPECT_EQ(arabic["claims"][0]["place"]["name"], "حي الزيتون") << arabic.dump(1);
  // With no place, or one of no single state, no one is named.
  const json nowhere = read(
      "A synthetic story\n\n\u201cFreedonian troops shelled Grenzdorf yesterday,\u201d a "
      "defence spokesperson said.");
  for (const json& other : nowhere["claims"]) {
    EXPECT_NE(other["claimant"]["id"], "ruritania") << nowhere.dump(1);
  }
}

TEST_F(FictionalTheatre, APlaceWordThatNamesWhatStandsBeforeItIsNoPartOfTheNextName) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "the Naugam Sector, Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Grenzdorf") << reading.dump(1);
}

TEST_F(FictionalTheatre, TheOutletsClashIsNotCoveredByOneSidesAccusation) {
  const json reading = read_published(
      "A synthetic story\n\nFresh clashes broke out yesterday between Ruritania and Freedonia."
      "\n\nThe Foreign Ministry of Ruritania said Freedonian troops attacked Grenzdorf "
      "yesterday.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["name"], "Ruritanian Daily");
  EXPECT_EQ(reading["claims"][0]["event_type"], "armed_clash");
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, AnEventWordInsideAPlaceNameNamesNoEvent) {
  const json reading = read(
      "A synthetic story\n\nIn the Grenzdorf ceasefire zone, Freedonian troops attacked a post "
      "yesterday, the Foreign Ministry of Ruritania said.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "attack");
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Grenzdorf ceasefire zone");
}

TEST_F(FictionalTheatre, AStateNamedJustAfterABodyPlacesItAndDoesNotSpeak) {
  const json reading = read(
      "A synthetic story\n\nThe head of the Foreign Ministry of Ruritania office in Freedonia "
      "said Freedonian troops shelled Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, APersonNamedRightAfterTheActorFoundIsTheSpeaker) {
  const json reading = read(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, said the envoy to "
      "Freedonia Anna Example.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, ADatelineAfterThePagesTimeStampNamesTheAgency) {
  const json reading = read(
      "A synthetic story\n\n10:27, 6 May 2030\n\nKleinheim, 6 May / Freedonia Wire: The Foreign "
      "Ministry of Ruritania said Freedonian troops shelled Grenzdorf yesterday.");
  EXPECT_EQ(reading["document"]["origin"], json::array({"Freedonia Wire"})) << reading.dump(1);
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Grenzdorf");
}

TEST_F(FictionalTheatre, APagesListOfReferencesTellsNoEvents) {
  const std::string story =
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday.\n\n";
  const std::string citation =
      "^ \"Ruritania said Freedonian troops attacked Kleinheim\". Freedonia Wire. 6 May 2030.";
  const json cited = read(story + "References\n\n" + citation);
  ASSERT_EQ(cited["claims"].size(), 1U) << cited.dump(1);
  EXPECT_EQ(cited["claims"][0]["place"]["name"], "Grenzdorf");
  // Without the heading the same line is read as any other.
  const json plain = read(story + citation);
  EXPECT_EQ(plain["claims"].size(), 2U) << plain.dump(1);
}

TEST_F(FictionalTheatre, AStandfirstBeforeTheDatelineIsThePagesHeaderNotAClaim) {
  const json reading = read(
      "A synthetic story\n\nFreedonia says its troops returned fire at Kleinheim\n\n(Grenzdorf) "
      "The Foreign Ministry of Ruritania said Freedonian troops shelled Kleinheim yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Kleinheim");
}

TEST_F(FictionalTheatre, TheActToldAfterAViolationAllegedDetailsIt) {
  const json alleged = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said a ceasefire violation was "
      "recorded near Grenzdorf yesterday.\n\nThe ministry said Freedonian troops shelled "
      "Grenzdorf.");
  ASSERT_EQ(alleged["claims"].size(), 1U) << alleged.dump(1);
  EXPECT_EQ(alleged["claims"][0]["event_type"], "shelling");
  // Violations counted are a monitor's tally; the act told next is another claim.
  const json counted = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said 12 ceasefire violations were "
      "recorded near Grenzdorf yesterday.\n\nThe ministry said Freedonian troops shelled "
      "Grenzdorf.");
  EXPECT_EQ(counted["claims"].size(), 2U) << counted.dump(1);
}

// Captives in an account of an exchange are those handed over or still held:
// a figure of them would count as captures in the tallies.
TEST_F(FictionalTheatre, PrisonersOfAnExchangeAreNoCaptures) {
  const json exchange = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonia handed over two "
      "Ruritanian soldiers captured in May, and that the work for the others goes on.");
  ASSERT_EQ(exchange["claims"].size(), 1U) << exchange.dump(1);
  EXPECT_EQ(exchange["claims"][0]["event_type"], "exchange");
  EXPECT_FALSE(exchange["claims"][0].contains("casualties")) << exchange.dump(1);
  // Captured in the fighting itself, they are.
  const json capture = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops attacked "
      "Grenzdorf yesterday and captured two Ruritanian soldiers.");
  ASSERT_EQ(capture["claims"].size(), 1U) << capture.dump(1);
  ASSERT_TRUE(capture["claims"][0].contains("casualties")) << capture.dump(1);
  EXPECT_EQ(capture["claims"][0]["casualties"][0]["status"], "captured");
}

TEST_F(FictionalTheatre, APlaceNameAsWrittenIsCutToWhatANameMayHold) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled the "
      "village of Z" +
      std::string(400, 'z') + " yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const std::string name = reading["claims"][0]["place"]["name"];
  EXPECT_LE(name.size(), 300U);
  EXPECT_TRUE(name.ends_with(" …")) << name;
  // "area" (no `names_unknown`) is followed by common words as often as by names.
  const json area = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled the "
      "area Zwiebelfeld yesterday.");
  ASSERT_EQ(area["claims"].size(), 1U) << area.dump(1);
  EXPECT_FALSE(area["claims"][0].contains("place")) << area.dump(1);
}

TEST_F(FictionalTheatre, AHeadlineJoinsABodyClaimOnlyWhenItSharesAPartyOrAPlace) {
  const auto headline_repeats = [](const json& reading) {
    return std::any_of(reading["set_aside"].begin(), reading["set_aside"].end(),
                       [](const json& aside) { return aside["reason"] == "headline_repeat"; });
  };
  const json same = read(
      "Freedonian troops shelled Grenzdorf\n\nThe Foreign Ministry of Ruritania said that "
      "Freedonian troops shelled Grenzdorf yesterday.");
  ASSERT_EQ(same["claims"].size(), 1U) << same.dump(1);
  EXPECT_TRUE(headline_repeats(same)) << same.dump(1);
  const json other = read(
      "Freedonian troops shelled Ostdorf\n\nThe Foreign Ministry of Ruritania said that Grenzdorf "
      "was attacked yesterday.");
  ASSERT_EQ(other["claims"].size(), 1U) << other.dump(1);
  EXPECT_FALSE(headline_repeats(other)) << other.dump(1);
  // The headline is shown as set aside all the same.
  EXPECT_TRUE(std::any_of(other["set_aside"].begin(), other["set_aside"].end(),
                          [](const json& aside) {
                            return aside["reason"] == "background" &&
                                   aside["span"]["text"] == "Freedonian troops shelled Ostdorf";
                          }))
      << other.dump(1);
  for (const auto& span : other["claims"][0]["provenance"]["event_type"]) {
    EXPECT_GT(span[0].get<int>(), 33) << "a span in the headline: " << other.dump(1);
  }
}

TEST_F(FictionalTheatre, APartyQuotedAgainWithOtherFiguresMakesASecondClaim) {
  const std::string opening =
      "A synthetic story\n\nTwo Ruritanian soldiers were killed when Freedonian troops shelled "
      "Grenzdorf yesterday, the Foreign Ministry of Ruritania said.\n\nOn Monday, Ruritania said "
      "that Freedonian troops shelled Grenzdorf and ";
  const json revised = read(opening + "one Ruritanian soldier was killed.");
  ASSERT_EQ(revised["claims"].size(), 2U) << revised.dump(1);
  const json& first = revised["claims"][0];
  const json& second = revised["claims"][1];
  EXPECT_EQ(first["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(first["place"]["name"], "Grenzdorf");
  ASSERT_EQ(first["casualties"].size(), 1U) << first.dump(1);
  EXPECT_EQ(first["casualties"][0]["min"], 2);
  EXPECT_EQ(second["claimant"]["id"], "ruritania");
  EXPECT_EQ(second["place"]["name"], "Grenzdorf");
  ASSERT_EQ(second["casualties"].size(), 1U) << second.dump(1);
  EXPECT_EQ(second["casualties"][0]["min"], 1);
  // Figures that agree: the party goes on with one account.
  const json agreeing = read(opening + "two Ruritanian soldiers were killed.");
  ASSERT_EQ(agreeing["claims"].size(), 1U) << agreeing.dump(1);
  EXPECT_EQ(agreeing["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, WhereFireCameFromIsThePlaceOnlyWhenNoOtherIsNamed) {
  const json both = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops, "
      "firing from the territory of Ostdorf, shelled Grenzdorf yesterday.");
  ASSERT_EQ(both["claims"].size(), 1U) << both.dump(1);
  EXPECT_EQ(both["claims"][0]["place"]["name"], "Grenzdorf") << both.dump(1);
  // An unknown name and its links may stand between the origin word and the place.
  const json linked = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops, "
      "firing from the settlement of Zedorf of the Ostdorf area, shelled Grenzdorf yesterday.");
  ASSERT_EQ(linked["claims"].size(), 1U) << linked.dump(1);
  EXPECT_EQ(linked["claims"][0]["place"]["name"], "Grenzdorf") << linked.dump(1);
  const json alone = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled its positions from the territory of Ostdorf yesterday.");
  ASSERT_EQ(alone["claims"].size(), 1U) << alone.dump(1);
  EXPECT_EQ(alone["claims"][0]["place"]["name"], "Ostdorf") << alone.dump(1);
}

TEST_F(FictionalTheatre, AStraightQuotationClosedBeforeTheVerbIsTheSpeakersWhole) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that it had called for "
      "calm.\n\n\"Freedonian troops shelled Grenzdorf yesterday. Two Ruritanian soldiers were "
      "killed,\" the ministry said.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& claim = reading["claims"][0];
  EXPECT_EQ(claim["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(claim["event_type"], "shelling");
  ASSERT_EQ(claim["casualties"].size(), 1U) << claim.dump(1);
  EXPECT_EQ(claim["casualties"][0]["min"], 2);
}

TEST_F(FictionalTheatre, FiguresListedBeforeATruceAreAClaimOfTheirOwnSharingTheirPersonNoun) {
  const json reading = read(
      "A synthetic story\n\nRuritania reported one dead, 3 captured, and 2 missing soldiers "
      "yesterday.\n\nThe two sides reached a ceasefire yesterday, the Foreign Ministry of "
      "Ruritania said.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  const json& figures = reading["claims"][0]["casualties"];
  ASSERT_EQ(figures.size(), 3U) << reading.dump(1);
  std::map<std::string, int> by_status;
  for (const json& figure : figures) {
    by_status[figure["status"]] = figure["min"];
    EXPECT_EQ(figure["side"]["party"]["id"], "ruritania") << figure.dump();
  }
  EXPECT_EQ(by_status["killed"], 1);
  EXPECT_EQ(by_status["captured"], 3);
  EXPECT_EQ(by_status["missing"], 2);
  const json& truce = reading["claims"][1];
  EXPECT_EQ(truce["event_type"], "agreement");
  EXPECT_FALSE(truce.contains("casualties")) << reading.dump(1);
}

TEST_F(FictionalTheatre, ItReportedContinuesTheInstitutionJustQuoted) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops shelled "
      "Grenzdorf yesterday.\n\nIt also reported that two Ruritanian soldiers were captured by "
      "Freedonian troops.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  const json& capture = reading["claims"][1];
  EXPECT_EQ(capture["claimant"]["id"], "ru-fictional-mfa");
  ASSERT_EQ(capture["casualties"].size(), 1U) << capture.dump(1);
  EXPECT_EQ(capture["casualties"][0]["status"], "captured");
  EXPECT_EQ(capture["casualties"][0]["min"], 2);
}

TEST_F(FictionalTheatre, TalksThatReachAnAgreementInTheirSentenceClaimTheAgreement) {
  const json reading = read(
      "A synthetic story\n\nUnder the mediation of Freedonia, the two sides reached a ceasefire "
      "at Grenzdorf yesterday, the Foreign Ministry of Ruritania said.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "agreement") << reading.dump(1);
}

TEST_F(FictionalTheatre, ABorderNoCountryIsNamedBesideIsTheOneBetweenTheParties) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled its posts at the border yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& place = reading["claims"][0]["place"];
  EXPECT_EQ(place["name"], "border") << place.dump();
  EXPECT_EQ(place["geometry"]["coordinates"][0], 11.0) << place.dump();
  // A named place is more precise than the border.
  const json village = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf at the border yesterday.");
  ASSERT_EQ(village["claims"].size(), 1U) << village.dump(1);
  EXPECT_EQ(village["claims"][0]["place"]["name"], "Grenzdorf");
}

TEST_F(FictionalTheatre, ANewParagraphInAPlaceInsideOneNamedBeforeContinuesTheClaim) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Oberland yesterday.\n\nThe ministry said that the shelling hit Unterdorf and "
      "wounded two Ruritanian soldiers.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Unterdorf");
  // A place apart from those named before is another claim.
  const json apart = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Oberland yesterday.\n\nThe ministry said that the shelling hit Grenzdorf and "
      "wounded two Ruritanian soldiers.");
  EXPECT_EQ(apart["claims"].size(), 2U) << apart.dump(1);
}

TEST_F(FictionalTheatre, AMonitoringMissionNamedBesideAnEventIsNoPerpetrator) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that an explosion occurred "
      "near the Border Monitoring Mission in Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_FALSE(reading["claims"][0].contains("perpetrator")) << reading.dump(1);
  // The same words with an armed force: proximity names it, as before.
  const json troops = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that an explosion occurred "
      "near Freedonian troops in Grenzdorf yesterday.");
  ASSERT_EQ(troops["claims"].size(), 1U) << troops.dump(1);
  EXPECT_EQ(troops["claims"][0]["perpetrator"]["id"], "fd-fictional-forces") << troops.dump(1);
}

TEST_F(FictionalTheatre, AReportsAsOfDateDatesTheClaimsThatDateNothingElse) {
  const std::string body =
      "The Foreign Ministry of Ruritania said that Freedonian troops shelled Grenzdorf.";
  const json report =
      read("A synthetic report\n\nBased on information as of 18:00 3 May 2030.\n\n" + body);
  ASSERT_EQ(report["claims"].size(), 1U) << report.dump(1);
  EXPECT_EQ(report["claims"][0]["time"]["start"], "2030-05-03") << report.dump(1);
  const json plain = read("A synthetic report\n\n" + body);
  ASSERT_EQ(plain["claims"].size(), 1U) << plain.dump(1);
  EXPECT_EQ(plain["claims"][0]["time"]["start"], "2030-05-06") << plain.dump(1);
}

TEST_F(FictionalTheatre, UntilDatesHowThingsStoodNotTheEvent) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that until Monday morning "
      "Freedonian troops remained in Grenzdorf, which they seized on 1 and 2 May.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& time = reading["claims"][0]["time"];
  EXPECT_EQ(time["start"], "2030-05-01") << time.dump();
  EXPECT_EQ(time["end"], "2030-05-02") << time.dump();
}

TEST_F(FictionalTheatre, AHeadlineMayExclaim) {
  const json reading = read(
      "Freedonian troops shelled Grenzdorf!!\n\nThe Foreign Ministry of Ruritania said that "
      "Freedonian troops shelled Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["document"]["title"], "Freedonian troops shelled Grenzdorf!!");
  EXPECT_TRUE(std::any_of(reading["set_aside"].begin(), reading["set_aside"].end(),
                          [](const json& aside) { return aside["reason"] == "headline_repeat"; }))
      << reading.dump(1);
}

TEST_F(FictionalTheatre, ABackReferenceOpeningItsParagraphQuotesTheParagraphBefore) {
  const json reading = read(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, killing two "
      "Ruritanian soldiers.\n\nThis was announced by the Foreign Ministry of Ruritania.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][0]["event_type"], "shelling");
}

TEST_F(FictionalTheatre, AStandfirstWithAFullStopIsHeaderOnlyBeforeADatedSourceLine) {
  const std::string headline = "Freedonian troops shelled Grenzdorf\n\n";
  const std::string standfirst =
      "The Foreign Ministry of Ruritania said Freedonian troops also shelled Oberland.\n\n";
  const std::string body =
      "The Foreign Ministry of Ruritania said that Freedonian troops shelled Grenzdorf on 4 May.";
  const json dated = read(headline + standfirst + "OSTDORF, 5 May - " + body);
  ASSERT_EQ(dated["claims"].size(), 1U) << dated.dump(1);
  EXPECT_EQ(dated["claims"][0]["event_type"], "shelling");
  // Without a dated source line after it, the sentence is the lead: a claim.
  const json lead = read(headline + standfirst + body);
  EXPECT_EQ(lead["claims"].size(), 2U) << lead.dump(1);
}

TEST_F(FictionalTheatre, CountedStatusesAfterAFigureShareItsPersonNoun) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "attacked Grenzdorf yesterday, one Ruritanian soldier was killed, 3 were captured, 2 went "
      "missing.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  std::map<std::string, int> by_status;
  for (const json& figure : reading["claims"][0]["casualties"]) {
    by_status[figure["status"]] = figure["min"];
    EXPECT_EQ(figure["side"]["party"]["id"], "ruritania") << figure.dump();
  }
  EXPECT_EQ(by_status["killed"], 1) << reading.dump(1);
  EXPECT_EQ(by_status["captured"], 3) << reading.dump(1);
  EXPECT_EQ(by_status["missing"], 2) << reading.dump(1);
}

TEST_F(FictionalTheatre, AStatusWordRightAfterItsCountNamesThePersons) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday and reported 4 dead.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& figures = reading["claims"][0]["casualties"];
  ASSERT_EQ(figures.size(), 1U) << reading.dump(1);
  EXPECT_EQ(figures[0]["status"], "killed");
  EXPECT_EQ(figures[0]["min"], 4);
  EXPECT_EQ(figures[0]["side"]["party"]["id"], "ruritania");
}

TEST_F(FictionalTheatre, AnAttributionClosingAParagraphSpeaksForItsSentencesBefore) {
  const json reading = read(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday. A house burned "
      "down, the Foreign Ministry of Ruritania said.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][0]["event_type"], "shelling");
  // An attribution opening its sentence speaks for what follows it only.
  const json opening = read(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday. The Foreign "
      "Ministry of Ruritania said that a house burned down.");
  EXPECT_TRUE(opening["claims"].empty()) << opening.dump(1);
}

TEST_F(FictionalTheatre, AVillageTheGazetteerLacksNamedInARegionIsThePlaceAtTheRegionsPoint) {
  const json quoted = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled the village of \"Zedorf\" in Oberland yesterday.");
  ASSERT_EQ(quoted["claims"].size(), 1U) << quoted.dump(1);
  const json& place = quoted["claims"][0]["place"];
  EXPECT_EQ(place["name"], "village of \"Zedorf\"") << place.dump();
  EXPECT_EQ(place["geometry"]["coordinates"][0], 10.5) << place.dump();
  EXPECT_EQ(place["precision"], 4) << place.dump();
  // An Arabic name of letters whose first byte is 0xD8 (ز ا) is read whole.
  const json arabic =
      read("نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قوات قصفت قرية زاكاتا في أوبرلاند أمس.");
  ASSERT_EQ(arabic["claims"].size(), 1U) << arabic.dump(1);
  EXPECT_EQ(arabic["claims"][0]["place"]["name"], "قرية زاكاتا") << arabic.dump(1);
}

TEST_F(FictionalTheatre, AParagraphInTheFirstPersonGoesOnWithTheSpeaker) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nThe shelling went on for an hour.\n\nLater Freedonian "
      "troops fired at our positions in Kleinheim.");
  const auto kleinheim =
      std::find_if(reading["claims"].begin(), reading["claims"].end(), [](const json& claim) {
        return claim.contains("place") && claim["place"]["name"] == "Kleinheim";
      });
  ASSERT_NE(kleinheim, reading["claims"].end()) << reading.dump(1);
  EXPECT_EQ((*kleinheim)["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, TwoBodiesOfOneStateMakeClaimsOfTheirOwnAndTheMinistryIsTheMinistry) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nThe Ruritanian parliament said that three Ruritanian "
      "soldiers were killed in Grenzdorf yesterday.\n\nThe ministry said that Freedonian troops "
      "shelled Kleinheim yesterday.");
  ASSERT_EQ(reading["claims"].size(), 3U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ru-fictional-parliament");
  EXPECT_EQ(reading["claims"][1]["casualties"][0]["min"], 3);
  // "The ministry" is the ministry quoted before, not the parliament.
  EXPECT_EQ(reading["claims"][2]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][2]["place"]["name"], "Kleinheim");
}

TEST_F(FictionalTheatre, PersonsToldWithoutACountAreSomeUnlessCountedOrDenied) {
  const json some = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday, killing Ruritanian soldiers. Civilians were not injured.");
  ASSERT_EQ(some["claims"].size(), 1U) << some.dump(1);
  const json& figures = some["claims"][0]["casualties"];
  ASSERT_EQ(figures.size(), 1U) << figures.dump(1);
  EXPECT_EQ(figures[0]["status"], "killed");
  EXPECT_EQ(figures[0]["side"]["id"], "ruritania");
  EXPECT_EQ(figures[0]["min"], 1);
  EXPECT_TRUE(figures[0]["max"].is_null());
  // A figure with a count says how many of them there were.
  const json counted = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday, killing two Ruritanian soldiers. The soldiers were killed "
      "by mortar fire.");
  ASSERT_EQ(counted["claims"].size(), 1U) << counted.dump(1);
  ASSERT_EQ(counted["claims"][0]["casualties"].size(), 1U) << counted.dump(1);
  EXPECT_EQ(counted["claims"][0]["casualties"][0]["max"], 2);
  // A plural status noun names persons itself: "dead and wounded fell".
  const json arabic = read(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن هجوما على أوبرلاند أمس أدى إلى سقوط قتلى "
      "وجرحى.");
  ASSERT_EQ(arabic["claims"].size(), 1U) << arabic.dump(1);
  const json& nouns = arabic["claims"][0]["casualties"];
  ASSERT_EQ(nouns.size(), 2U) << nouns.dump(1);
  EXPECT_EQ(nouns[0]["status"], "killed");
  EXPECT_EQ(nouns[1]["status"], "wounded");
  EXPECT_EQ(nouns[1]["side"]["id"], "ruritania");
  EXPECT_EQ(nouns[1]["min"], 1);
  const json unclear = read(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن هجوما على أوبرلاند أمس، ولم يتضح عدد "
      "القتلى.");
  ASSERT_EQ(unclear["claims"].size(), 1U) << unclear.dump(1);
  EXPECT_FALSE(unclear["claims"][0].contains("casualties") &&
               !unclear["claims"][0]["casualties"].empty())
      << unclear.dump(1);
}

TEST_F(FictionalTheatre, NamesOfThingsAreNotPlacesAndThisDirectionIsThePlaceNamedBefore) {
  // A border word inside a force's name is not where it happened.
  const json guards = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian border "
      "guards shelled a farm yesterday.");
  ASSERT_EQ(guards["claims"].size(), 1U) << guards.dump(1);
  EXPECT_FALSE(guards["claims"][0].contains("place")) << guards.dump(1);
  // A place name in quotation marks after a noun names a group, not a place.
  const json group = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that the observation group "
      "\"Kleinheim\" came under fire in Grenzdorf yesterday.");
  ASSERT_EQ(group["claims"].size(), 1U) << group.dump(1);
  EXPECT_EQ(group["claims"][0]["place"]["name"], "Grenzdorf") << group.dump(1);
  // "in this direction": the place named last before it.
  const json direction = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Kleinheim yesterday.\n\nFreedonia Wire reported that Ruritanian troops fired "
      "at Freedonian positions in this direction this morning.");
  ASSERT_EQ(direction["claims"].size(), 2U) << direction.dump(1);
  ASSERT_TRUE(direction["claims"][1].contains("place")) << direction.dump(1);
  const json& place = direction["claims"][1]["place"];
  EXPECT_EQ(place["name"], "this direction") << place.dump();
  EXPECT_EQ(place["geometry"]["coordinates"][0], 10.4) << place.dump();
}

TEST_F(FictionalTheatre, ACountBeforeItsOwnPersonsAndStatusIsNotTheStatusBefore) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that two Ruritanian "
      "soldiers were killed and three others were wounded in Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& figures = reading["claims"][0]["casualties"];
  ASSERT_EQ(figures.size(), 2U) << figures.dump(1);
  EXPECT_EQ(figures[0]["status"], "killed");
  EXPECT_EQ(figures[0]["max"], 2);
  EXPECT_EQ(figures[1]["status"], "wounded");
  EXPECT_EQ(figures[1]["max"], 3);
}

TEST_F(FictionalTheatre, TheAgentOfANounIsNotWhoReportsAndInAYearDatesIt) {
  const json reading = read(
      "A synthetic story\n\nMore than 300 ceasefire violations by Freedonian troops were "
      "recorded in 2019.");
  EXPECT_TRUE(reading["claims"].empty()) << reading.dump(1);
  ASSERT_EQ(reading["set_aside"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["set_aside"][0]["reason"], "historical") << reading.dump(1);
}

TEST_F(FictionalTheatre, AStatementDatedBeforeTheEventsAroundItKeepsItsOwnDate) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nThe two states fought over Kleinheim before Freedonia "
      "announced on 3 May 2030 that it had seized Kleinheim.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-05") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "freedonia") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-03") << reading.dump(1);
}

TEST_F(FictionalTheatre, AForcesPressServiceAndAMinistrySpeakApartAndATallyIsNoIncident) {
  const json reading = read(
      "A synthetic story\n\nThe Freedonian forces press service said that Ruritanian troops "
      "shelled Ostdorf yesterday.\n\nThe Foreign Ministry of Freedonia said that Ruritanian "
      "troops shelled Ostdorf again this morning.\n\nThe Foreign Ministry of Freedonia said "
      "that more than 300 ceasefire violations were recorded this year, killing 18 civilians.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "fd-press-service");
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "fd-fictional-mfa");
  for (const json& claim : reading["claims"]) {
    EXPECT_FALSE(claim.contains("casualties") && !claim["casualties"].empty()) << claim.dump(1);
  }
  const auto tally =
      std::find_if(reading["set_aside"].begin(), reading["set_aside"].end(), [](const json& aside) {
        return aside["detail"] == "a tally over a period of time, not an incident";
      });
  EXPECT_NE(tally, reading["set_aside"].end()) << reading.dump(1);
}

TEST_F(FictionalTheatre, AnEnglishNameBeforeItsPlaceWordIsReadAsThePlace) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled villages in Zedorf sector of Oberland yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& place = reading["claims"][0]["place"];
  EXPECT_EQ(place["name"], "Zedorf sector") << place.dump();
  EXPECT_EQ(place["geometry"]["coordinates"][0], 10.5) << place.dump();
  // A lower-case word before it is no name.
  const json common = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled the northern sector of Oberland yesterday.");
  ASSERT_EQ(common["claims"].size(), 1U) << common.dump(1);
  EXPECT_EQ(common["claims"][0]["place"]["name"], "Oberland") << common.dump(1);
}

TEST_F(FictionalTheatre, AnEventOnAnotherDayIsAnotherClaim) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said on 6 May 2030 that "
      "Freedonian troops shelled Grenzdorf on 3 May 2030. On 5 May 2030 Freedonian troops "
      "shelled Grenzdorf again.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-03");
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-05");
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ru-fictional-mfa");
  // The day of the statement is no day of the events.
  const json said = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf on 3 May 2030. The shelling went on for an hour, the ministry said on 6 "
      "May 2030.");
  ASSERT_EQ(said["claims"].size(), 1U) << said.dump(1);
}

TEST_F(FictionalTheatre, TheOtherSidesAnswerDoesNotCoverTheOutletsAccount) {
  const json reading = read_published(
      "A synthetic story\n\nTwo Ruritanian civilians were killed on Monday when Freedonian "
      "troops shelled Grenzdorf.\n\nRuritanian troops returned fire and caused injury to five "
      "Freedonian soldiers, the Foreign Ministry of Ruritania said.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  const auto outlet =
      std::find_if(reading["claims"].begin(), reading["claims"].end(),
                   [](const json& claim) { return claim["claimant"]["id"] != "ru-fictional-mfa"; });
  ASSERT_NE(outlet, reading["claims"].end()) << reading.dump(1);
  ASSERT_TRUE(outlet->contains("casualties")) << reading.dump(1);
  EXPECT_EQ((*outlet)["casualties"][0]["min"], 2) << reading.dump(1);
  const auto ministry =
      std::find_if(reading["claims"].begin(), reading["claims"].end(),
                   [](const json& claim) { return claim["claimant"]["id"] == "ru-fictional-mfa"; });
  ASSERT_NE(ministry, reading["claims"].end()) << reading.dump(1);
  ASSERT_TRUE(ministry->contains("casualties")) << reading.dump(1);
  ASSERT_EQ((*ministry)["casualties"].size(), 1U) << reading.dump(1);
  EXPECT_EQ((*ministry)["casualties"][0]["status"], "wounded");
  EXPECT_EQ((*ministry)["casualties"][0]["min"], 5);
}

TEST_F(FictionalTheatre, ADatelineInCapitalsIsWhereTheStoryWasFiledNotWhereItHappened) {
  const json reading = read(
      "A synthetic story\n\nGRENZDORF, 5 May. Freedonian troops shelled Kleinheim, the Foreign "
      "Ministry of Ruritania said.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("place")) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Kleinheim") << reading.dump(1);
}

TEST_F(FictionalTheatre, ANationalityBesideAWordForCombatantsNamesItsForces) {
  const json reading = read(
      "A synthetic story\n\nFreedonia Wire reported that the Ruritanian soldiers shelled "
      "Ostdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("perpetrator")) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "ruritania");
  // Not those counted as casualties.
  const json victims = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that two Ruritanian "
      "soldiers were killed in shelling on Grenzdorf yesterday.");
  ASSERT_EQ(victims["claims"].size(), 1U) << victims.dump(1);
  EXPECT_FALSE(victims["claims"][0].contains("perpetrator")) << victims.dump(1);
}

TEST_F(FictionalTheatre, AParagraphOpeningWithMoreoverGoesOnWithTheSpeaker) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nMoreover, Freedonian troops shelled Kleinheim.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Kleinheim");
  // Not when the word stands inside the paragraph.
  const json inside = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nFreedonian troops, moreover, shelled Kleinheim.");
  EXPECT_EQ(inside["claims"].size(), 1U) << inside.dump(1);
}

TEST_F(FictionalTheatre, TheOutletThatAskedIsNotTheSpeaker) {
  const json reading =
      read("نص اصطناعي\n\n«قصفت القوات أوبرلاند أمس»، قال في مقابلة مع وكالة فريدونيا.");
  for (const json& claim : reading["claims"]) {
    EXPECT_NE(claim["claimant"]["id"], "fd-wire") << reading.dump(1);
  }
  // Named as the speaker, the agency is one.
  const json speaking = read("نص اصطناعي\n\n«قصفت القوات أوبرلاند أمس»، قالت وكالة فريدونيا.");
  ASSERT_EQ(speaking["claims"].size(), 1U) << speaking.dump(1);
  EXPECT_EQ(speaking["claims"][0]["claimant"]["id"], "fd-wire");
}

TEST_F(FictionalTheatre, AnAgencyPassingOnAQuotationIsNoSpeakerOfItsOwn) {
  const json reading = read(
      "Синтетический текст\n\nВ МИД Руритании заявили, что силовики обстреляли Гренцдорф "
      "вчера.\n\n\"Силовики снова обстреляли Гренцдорф\", — передает Фридония Пресс.");
  ASSERT_FALSE(reading["claims"].empty()) << reading.dump(1);
  for (const json& claim : reading["claims"]) {
    EXPECT_EQ(claim["claimant"]["id"], "ru-fictional-mfa") << reading.dump(1);
  }
}

// "сообщает ТАСС со ссылкой на Генеральную прокуратуру и МВД Азербайджана": an
// agency citing bodies joined by "and" relays the one the name is complete for.
TEST_F(FictionalTheatre, AnAgencyCitingTwoBodiesRelaysThem) {
  const auto claimant = [&](const std::string& cited) {
    return of_the_one_claim(read("Синтетический текст\n\nСиловики обстреляли Гренцдорф вчера. "
                                 "Об этом сообщает Фридония Пресс со ссылкой на " +
                                 cited + "."),
                            "/claimant/id");
  };
  EXPECT_EQ(claimant("МИД Руритании"), "ru-fictional-mfa");
  EXPECT_EQ(claimant("пограничную службу и МИД Руритании"), "ru-fictional-mfa");
  EXPECT_EQ(claimant("свои источники"), "fd-wire");
}

TEST_F(FictionalTheatre, ARecapOfRecentDaysIsTheOutletsAccount) {
  const json recap = read_published(
      "A synthetic story\n\nFreedonian troops still shelled Grenzdorf on 4 May 2030.");
  ASSERT_EQ(recap["claims"].size(), 1U) << recap.dump(1);
  EXPECT_EQ(recap["claims"][0]["time"]["start"], "2030-05-04");
  // Undated, the same wording is background.
  const json undated =
      read_published("A synthetic story\n\nFreedonian troops still shell Grenzdorf.");
  EXPECT_TRUE(undated["claims"].empty()) << undated.dump(1);
}

TEST_F(FictionalTheatre, AParagraphRecallingAnEarlierStatementIsAnotherClaimOfTheSameSide) {
  const json reading = read(
      "A synthetic story\n\nThe Freedonian border guards said that Ruritanian troops shelled "
      "Ostdorf yesterday.\n\nEarlier, the Freedonian forces press service said that Ruritanian "
      "troops shelled Ostdorf.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "fd-border-guards");
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "fd-press-service");
  // Without the word, the same side goes on with one account.
  const json going_on = read(
      "A synthetic story\n\nThe Freedonian border guards said that Ruritanian troops shelled "
      "Ostdorf yesterday.\n\nThe Freedonian forces press service said that Ruritanian troops "
      "shelled Ostdorf.");
  EXPECT_EQ(going_on["claims"].size(), 1U) << going_on.dump(1);
}

TEST_F(FictionalTheatre, AVillageBesideThePlaceToldBeforeIsTheSameScene) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nIt said Freedonian troops shelled Nebendorf.");
  EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  // A place 30 km away is another claim.
  const json elsewhere = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nIt said Freedonian troops shelled Kleinheim.");
  EXPECT_EQ(elsewhere["claims"].size(), 2U) << elsewhere.dump(1);
}

TEST_F(FictionalTheatre, FireOnAPlaceIsWhereTalksOnAPlaceAreNot) {
  const json reading = read(
      "Синтетический текст\n\nВ МИД Руритании заявили, что силовики открыли огонь по "
      "Гренцдорфу вчера.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("place")) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Гренцдорфу");
  const json talks = read(
      "Синтетический текст\n\nВ МИД Руритании заявили, что вчера прошли переговоры по "
      "Гренцдорфу.");
  for (const json& claim : talks["claims"]) {
    EXPECT_FALSE(claim.contains("place")) << talks.dump(1);
  }
}

TEST_F(FictionalTheatre, ACountOfOthersCountsMoreOfThePersonsBefore) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that two Ruritanian "
      "soldiers were killed and four others were injured yesterday as Freedonian troops "
      "shelled Grenzdorf.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& casualties = reading["claims"][0]["casualties"];
  ASSERT_EQ(casualties.size(), 2U) << reading.dump(1);
  EXPECT_EQ(casualties[1]["status"], "wounded");
  EXPECT_EQ(casualties[1]["min"], 4);
  EXPECT_EQ(casualties[1]["side"]["id"], "ruritania") << reading.dump(1);
}

TEST_F(FictionalTheatre, AStateGoingOnSinceADayLongAgoIsNoPastEvent) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that the blockade of "
      "Grenzdorf by Freedonian troops has gone on since 1 February 2030.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-02-01");
  // Without "since" the day is that of a past event.
  const json past = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that the blockade of "
      "Grenzdorf by Freedonian troops began on 1 February 2030.");
  EXPECT_TRUE(past["claims"].empty()) << past.dump(1);
  ASSERT_EQ(past["set_aside"].size(), 1U) << past.dump(1);
  EXPECT_EQ(past["set_aside"][0]["reason"], "historical");
}

TEST_F(FictionalTheatre, TheEnemyIsTheStateTheClaimantFights) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that the enemy shelled "
      "Grenzdorf yesterday.\n\nFreedonia did not comment.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("perpetrator")) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "freedonia");
  // With no other state named, no one.
  const json alone = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that the enemy shelled "
      "Grenzdorf yesterday.");
  ASSERT_EQ(alone["claims"].size(), 1U) << alone.dump(1);
  EXPECT_FALSE(alone["claims"][0].contains("perpetrator")) << alone.dump(1);
}

TEST_F(FictionalTheatre, TheAccusedDidWhatTheyAreAccusedOf) {
  const json reading = read(
      "نص اصطناعي\n\nاتهمت وزارة خارجية روريتانيا فريدونيا أمس بقتل سبعة من جنودها "
      "في قصف أوبرلاند.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("perpetrator")) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "freedonia");
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, NoOneHurtInFireBySomeoneUnknownIsOfNoStatedSide) {
  const json reading = read(
      "A synthetic story\n\nThe Border Monitoring Mission said that unknown persons fired on "
      "a joint patrol near Grenzdorf yesterday. No one was injured.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("casualties")) << reading.dump(1);
  const json& casualties = reading["claims"][0]["casualties"];
  for (const json& figure : casualties) {
    EXPECT_EQ(figure["side"]["kind"], "unknown") << reading.dump(1);
    EXPECT_FALSE(figure["side"].contains("party")) << reading.dump(1);
  }
  // A side hit by the other tells of its own.
  const json own = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "fired on Grenzdorf yesterday. No one was injured.");
  ASSERT_EQ(own["claims"].size(), 1U) << own.dump(1);
  ASSERT_TRUE(own["claims"][0].contains("casualties")) << own.dump(1);
  EXPECT_EQ(own["claims"][0]["casualties"][0]["side"]["id"], "ruritania") << own.dump(1);
}

TEST_F(FictionalTheatre, TodayAndYesterdayAreDaysApartWithoutAPublicationDate) {
  const std::string quoted =
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf today.";
  const json apart = read_undated(quoted + "\n\nYesterday Freedonian troops shelled Grenzdorf.");
  EXPECT_EQ(apart["claims"].size() + apart["undated_claims"].size(), 2U) << apart.dump(1);
  const json same = read_undated(quoted + "\n\nToday Freedonian troops shelled Grenzdorf.");
  EXPECT_EQ(same["claims"].size() + same["undated_claims"].size(), 1U) << same.dump(1);
}

TEST_F(FictionalTheatre, PersonsWoundedWithNoEventWordTellOfAnAttack) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that two civilians were "
      "wounded in Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "attack") << reading.dump(1);
  const json& words = reading["claims"][0]["provenance_quotes"]["event_type"];
  EXPECT_NE(std::find(words.begin(), words.end(), "wounded"), words.end()) << reading.dump(1);
}

TEST_F(FictionalTheatre, CitingQuotesOnlyTheActorRightAfterIt) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on 5 May, citing an earlier "
      "Ruritanian parliament decision.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["name"], "Ruritanian Daily") << reading.dump(1);
  const json citing = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on 5 May, citing the Ruritanian "
      "parliament.");
  ASSERT_EQ(citing["claims"].size(), 1U) << citing.dump(1);
  EXPECT_EQ(citing["claims"][0]["claimant"]["id"], "ru-fictional-parliament") << citing.dump(1);
}

TEST_F(FictionalTheatre, SigningAnAgreementIsAnEventThoughItNamesOne) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Ruritania and "
      "Freedonia signed an agreement in Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "agreement") << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("agreements")) << reading.dump(1);
  // Naming an agreement alone tells no event.
  const json named = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that the ceasefire "
      "agreement is in force.");
  EXPECT_TRUE(named["claims"].empty()) << named.dump(1);
}

TEST_F(FictionalTheatre, AnAgreementAfterAWordOfSequenceOnlyTellsWhen) {
  const json after = read(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قوات حفظ السلام انتشرت في أوبرلاند "
      "بعد توقيع اتفاق أمس.");
  EXPECT_TRUE(after["claims"].empty()) << after.dump(1);
  const json signing = read(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن الطرفين وقعا على اتفاق في أوبرلاند "
      "أمس.");
  ASSERT_EQ(signing["claims"].size(), 1U) << signing.dump(1);
  EXPECT_EQ(signing["claims"][0]["event_type"], "agreement") << signing.dump(1);
}

TEST_F(FictionalTheatre, AnAgreementToldTwiceByOneClaimantIsOneClaim) {
  const json reading = read(
      "A synthetic story\n\nYesterday Ruritania and Freedonia reached a ceasefire at the "
      "border, the Foreign Ministry of Ruritania said.\n\nThe Border Monitoring Mission said "
      "that Freedonian troops shelled Grenzdorf on Monday.\n\n\"An agreement was reached to "
      "cease fire at the border,\" the Foreign Ministry of Ruritania said in a statement "
      "yesterday.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "agreement") << reading.dump(1);
  const json& words = reading["claims"][0]["provenance_quotes"]["event_type"];
  EXPECT_NE(std::find(words.begin(), words.end(), "agreement was reached"), words.end())
      << reading.dump(1);
  EXPECT_TRUE(std::any_of(reading["set_aside"].begin(), reading["set_aside"].end(),
                          [](const json& aside) { return aside["reason"] == "repeat"; }))
      << reading.dump(1);
  // Another claimant's account of it is its own claim.
  const json two = read(
      "A synthetic story\n\nYesterday Ruritania and Freedonia reached a ceasefire at the "
      "border, the Foreign Ministry of Ruritania said.\n\nThe Border Monitoring Mission said "
      "that Freedonian troops shelled Grenzdorf on Monday.\n\n\"An agreement was reached to "
      "cease fire at the border,\" the Foreign Ministry of Freedonia said in a statement "
      "yesterday.");
  EXPECT_EQ(two["claims"].size(), 3U) << two.dump(1);
}

TEST_F(FictionalTheatre, AShortNameInBracketsStandsForTheSpeakerNamedBeforeIt) {
  const std::string fire =
      "A synthetic story\n\nFreedonian troops opened fire on Grenzdorf yesterday, the "
      "Ruritanian office in the Border Monitoring Mission";
  const std::string goes_on =
      " said.\n\nThe BMM said that houses are burning because of the ongoing shelling. No "
      "civilians were hurt.";
  const json reading = read(fire + " (BMM)" + goes_on);
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-monitor-office") << reading.dump(1);
  EXPECT_TRUE(reading["claims"][0].contains("casualties")) << reading.dump(1);
  // Without the brackets, the mission itself speaks.
  const json apart = read(fire + goes_on);
  ASSERT_EQ(apart["claims"].size(), 2U) << apart.dump(1);
  EXPECT_EQ(apart["claims"][1]["claimant"]["id"], "border-monitors") << apart.dump(1);
}

TEST_F(FictionalTheatre, FireToldAsGoingOnIsNoNewEvent) {
  const std::string before =
      "A synthetic story\n\nFreedonian troops opened fire on Grenzdorf yesterday, the Foreign "
      "Ministry of Ruritania said.\n\nThe Foreign Ministry of Ruritania said that houses are "
      "burning because of ";
  const json going_on = read(before + "the ongoing shelling.");
  EXPECT_EQ(going_on["claims"].size(), 1U) << going_on.dump(1);
  const json another = read(before + "the shelling.");
  EXPECT_EQ(another["claims"].size(), 2U) << another.dump(1);
}

// Soldiers hit in shelling no one is named for, told by a monitor that is no
// party, are of no stated side (struck by a named party, they would be of the
// party it fights: FightersStruckByOnePartyAreOfTheOther).
TEST_F(FictionalTheatre, PersonsHitWhoseSideNoOneStatesAreKeptOnNoStatedSide) {
  const json reading = read(
      "A synthetic story\n\nThe Border Monitoring Mission said that unidentified gunmen shelled "
      "Grenzdorf yesterday, killing two soldiers.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("casualties")) << reading.dump(1);
  const json& figure = reading["claims"][0]["casualties"][0];
  EXPECT_EQ(figure["side"]["kind"], "unknown") << reading.dump(1);
  EXPECT_EQ(figure["status"], "killed") << reading.dump(1);
  EXPECT_EQ(figure["min"], 2) << reading.dump(1);
}

TEST_F(FictionalTheatre, AHeadlineTollAtLeastQualifiesTheBodyClaimOfTheSameCount) {
  const json reading = read(
      "ارتفاع حصيلة القصف إلى 11 قتيلاً على الأقل\n\nقالت وزارة خارجية روريتانيا "
      "إن فريدونيا قصفت أوبرلاند أمس، ما أدى إلى مقتل جنديين.\n\nوقالت وكالة فريدونيا إن 11 "
      "قتيلاً سقطوا في القصف أمس.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  const json& ministry = reading["claims"][0];
  const json& wire = reading["claims"][1];
  ASSERT_EQ(wire["claimant"]["id"], "fd-wire") << reading.dump(1);
  ASSERT_TRUE(wire.contains("casualties")) << reading.dump(1);
  EXPECT_EQ(wire["casualties"][0]["min"], 11) << reading.dump(1);
  EXPECT_TRUE(wire["casualties"][0]["max"].is_null()) << reading.dump(1);
  ASSERT_TRUE(ministry.contains("casualties")) << reading.dump(1);
  EXPECT_EQ(ministry["casualties"][0]["max"], 2) << reading.dump(1);
  // The headline's words join the claim of its count.
  EXPECT_EQ(wire["provenance_quotes"]["event_type"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(ministry["provenance_quotes"]["event_type"].size(), 1U) << reading.dump(1);
}

TEST_F(FictionalTheatre, AVerbOfSayingAfterAnArticleDescribesANoun) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on 5 May over an alleged "
      "Ruritanian buildup.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["name"], "Ruritanian Daily") << reading.dump(1);
  const json said = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on 5 May, the Foreign Ministry "
      "of Ruritania alleged.");
  ASSERT_EQ(said["claims"].size(), 1U) << said.dump(1);
  EXPECT_EQ(said["claims"][0]["claimant"]["id"], "ru-fictional-mfa") << said.dump(1);
}

TEST_F(FictionalTheatre, WhosePostWasHitIsNoPerpetrator) {
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании заявил, что вчера в районе Гренцдорфа обстрелян "
      "пост пограничников Фридонии.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_FALSE(reading["claims"][0].contains("perpetrator")) << reading.dump(1);
  // An agent after the post is the perpetrator all the same.
  const json by = read(
      "Синтетический текст\n\nМИД Руритании заявил, что вчера в районе Гренцдорфа обстрелян "
      "пост со стороны пограничников Фридонии.");
  ASSERT_EQ(by["claims"].size(), 1U) << by.dump(1);
  ASSERT_TRUE(by["claims"][0].contains("perpetrator")) << by.dump(1);
  EXPECT_EQ(by["claims"][0]["perpetrator"]["id"], "fd-border-guards") << by.dump(1);
}

// The subject of a reported statement does a second act joined to the first
// with "and" in a clause of its own.
TEST_F(FictionalTheatre, TheSubjectAfterThatDoesTheActsOfItsStatement) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said yesterday that Freedonian "
      "troops moved in at dawn from the hills beyond the river, and seized Grenzdorf.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "territory_seizure") << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("perpetrator")) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "fd-fictional-forces") << reading.dump(1);
}

// A party telling of the other side's post destroyed by no one named tells
// of its own act; the post is the other side's. Fire at a post may be
// anyone's: there the perpetrator stays unnamed.
TEST_F(FictionalTheatre, WhatTheOtherSideOwnedTheSpeakingPartyDestroyed) {
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании вчера сообщил об уничтожении поста "
      "пограничников Фридонии.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& claim = reading["claims"][0];
  ASSERT_TRUE(claim.contains("perpetrator")) << claim.dump(1);
  EXPECT_EQ(claim["perpetrator"]["id"], "ruritania") << claim.dump(1);
  ASSERT_TRUE(claim.contains("target")) << claim.dump(1);
  EXPECT_EQ(claim["target"]["id"], "freedonia") << claim.dump(1);
  ASSERT_EQ(claim["assets"].size(), 1U) << claim.dump(1);
  EXPECT_EQ(claim["assets"][0]["owner"]["id"], "freedonia") << claim.dump(1);

  const json shelled = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that shelling destroyed a "
      "post of the Freedonian troops near Grenzdorf yesterday.");
  ASSERT_EQ(shelled["claims"].size(), 1U) << shelled.dump(1);
  EXPECT_FALSE(shelled["claims"][0].contains("perpetrator")) << shelled.dump(1);
  ASSERT_EQ(shelled["claims"][0]["assets"].size(), 1U) << shelled.dump(1);
  EXPECT_EQ(shelled["claims"][0]["assets"][0]["owner"]["id"], "freedonia") << shelled.dump(1);
  // The owner may stand right before the asset word ("the X Army positions"):
  // it is no perpetrator.
  const json before = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that shelling hit the "
      "Freedonian troops positions near Grenzdorf yesterday.");
  ASSERT_EQ(before["claims"].size(), 1U) << before.dump(1);
  EXPECT_FALSE(before["claims"][0].contains("perpetrator")) << before.dump(1);
  const json destroyed = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that shelling destroyed the "
      "Freedonian troops positions near Grenzdorf yesterday.");
  ASSERT_EQ(destroyed["claims"].size(), 1U) << destroyed.dump(1);
  ASSERT_EQ(destroyed["claims"][0]["assets"].size(), 1U) << destroyed.dump(1);
  EXPECT_EQ(destroyed["claims"][0]["assets"][0]["owner"]["id"], "freedonia") << destroyed.dump(1);
  // Its own post lost: its own.
  const json own = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that shelling destroyed a "
      "post near Grenzdorf yesterday.");
  ASSERT_EQ(own["claims"].size(), 1U) << own.dump(1);
  ASSERT_EQ(own["claims"][0]["assets"].size(), 1U) << own.dump(1);
  EXPECT_EQ(own["claims"][0]["assets"][0]["owner"]["id"], "ruritania") << own.dump(1);
}

// Forces at the border do not name it: only a country right before the
// border word ("the Freedonian border") or just after it ("the border with
// Freedonia") does.
TEST_F(FictionalTheatre, ForcesAtTheBorderAreNoPartOfItsName) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said the Freedonian troops at the "
      "border opened fire yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_TRUE(reading["claims"][0].contains("place")) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "border") << reading.dump(1);
  const json with = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said troops opened fire at the "
      "border with Freedonia yesterday.");
  ASSERT_EQ(with["claims"].size(), 1U) << with.dump(1);
  ASSERT_TRUE(with["claims"][0].contains("place")) << with.dump(1);
  EXPECT_EQ(with["claims"][0]["place"]["name"], "border with Freedonia") << with.dump(1);
}

// A title-cased headline names the body's place in other letters ("Border",
// "border"): the same point of the gazetteer is the same place.
TEST_F(FictionalTheatre, AHeadlineNamingTheBodysPlaceInCapitalsRepeatsIt) {
  const json reading = read(
      "Ruritania, Freedonia Clash Along Border\n\nThe Foreign Ministry of Ruritania said "
      "fighting flared along the border yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  ASSERT_EQ(reading["set_aside"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["set_aside"][0]["reason"], "headline_repeat") << reading.dump(1);
}

// A headline's "at least N" makes the body's N a floor; a headline telling
// some without a count ("Civilian Wounded") leaves the body's count alone.
TEST_F(FictionalTheatre, AHeadlineWithoutACountLeavesTheBodysCount) {
  const auto body_count = [&](const std::string& headline, const std::string& wounded) {
    const json reading = read(headline +
                              "\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
                              "shelled Grenzdorf yesterday, wounding " +
                              wounded + ".");
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    const json& figure = reading["claims"][0]["casualties"][0];
    return std::pair{figure["min"].get<int>(), figure.contains("max") && !figure["max"].is_null()
                                                   ? figure["max"].get<int>()
                                                   : -1};
  };
  EXPECT_EQ(body_count("At least three civilians wounded in Grenzdorf shelling", "three civilians"),
            (std::pair{3, -1}));
  EXPECT_EQ(body_count("Civilian wounded in Grenzdorf shelling", "a civilian"), (std::pair{1, 1}));
}

// «пострадавших» names the wounded; «Пострадавших нет» says there are none,
// and its status word is no figure of some.
TEST_F(FictionalTheatre, AStatusWordInsideANoCasualtiesPhraseIsNoFigure) {
  const auto figures = [&](const std::string& outcome) {
    const json reading = read(
        "Синтетический текст\n\nМИД Руритании заявил, что вчера силовики Фридонии обстреляли "
        "Гренцдорф. " +
        outcome);
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    std::vector<std::pair<std::string, std::int64_t>> read_figures;
    if (reading["claims"].size() == 1 && reading["claims"][0].contains("casualties")) {
      for (const json& figure : reading["claims"][0]["casualties"]) {
        read_figures.emplace_back(figure["status"], figure["min"]);
      }
    }
    return read_figures;
  };
  using Figures = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ(figures("Есть четверо пострадавших."), (Figures{{"wounded", 4}}));
  EXPECT_EQ(figures("Пострадавших нет."), (Figures{{"killed", 0}, {"wounded", 0}}));
}

// A region that spans the parties' lands and a line of contact across it have
// one precision; the line, which lies inside the region, says more.
TEST_F(FictionalTheatre, OfTwoPlacesOfOnePrecisionTheOneInsideTheOtherIsWhere) {
  // The line's point is some 70 km from the region's, so the two cannot be confused.
  write_file(data_ / "gazetteer/places-hochland.tsv",
             "hochland\tregion\t11.0\t49.5\t5\tRU;FD\t\truritania\t\tno\tfictional\n"
             "hochland-line\tline\t11.9\t49.2\t5\tRU;FD\t\thochland\t\tno\tfictional\n");
  write_file(data_ / "gazetteer/names/en.hochland.tsv",
             "hochland\tHochland\nhochland-line\tHochland line\n");
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Ruritanian posts in Hochland yesterday, firing across the Hochland line.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Hochland line") << reading.dump(1);
}

// A sentence naming places in three provinces lists many events: the claim's
// place is the list as written, without a point; a village the gazetteer lacks
// says more.
TEST_F(FictionalTheatre, PlacesAcrossThreeProvincesAreAListNotOnePlace) {
  write_file(data_ / "gazetteer/places-lists.tsv",
             "mittelland\tadmin1\t10.7\t50.2\t4\tRU\t\truritania\t\tno\tfictional\n"
             "sudland\tadmin1\t10.9\t49.9\t4\tRU\t\truritania\t\tno\tfictional\n"
             "mitteldorf\tsettlement\t10.71\t50.21\t1\tRU\tmittelland\tmittelland\t\tno\t"
             "fictional\n"
             "suddorf\tsettlement\t10.91\t49.91\t1\tRU\tsudland\tsudland\t\tno\tfictional\n");
  write_file(data_ / "gazetteer/names/en.lists.tsv",
             "mittelland\tMittelland\nsudland\tSudland\nmitteldorf\tMitteldorf\n"
             "suddorf\tSuddorf\n");
  const auto place_of = [&](const std::string& sentence) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said that " + sentence),
        "/place");
  };
  const json list = place_of(
      "Freedonian troops shelled Unterdorf, Mitteldorf and Suddorf yesterday, killing two "
      "Ruritanian soldiers.");
  EXPECT_EQ(list["name"], "Unterdorf, Mitteldorf and Suddorf") << list.dump(1);
  EXPECT_FALSE(list.contains("geometry")) << list.dump(1);
  EXPECT_EQ(list["country"], "RU") << list.dump(1);
  const json two = place_of(
      "Freedonian troops shelled Unterdorf and Mitteldorf yesterday, killing two Ruritanian "
      "soldiers.");
  EXPECT_EQ(two["name"], "Unterdorf") << two.dump(1);
  const json village = place_of(
      "Freedonian troops shelled Unterdorf, Mitteldorf, Suddorf and the village of Kleinwald "
      "yesterday, killing two Ruritanian soldiers.");
  EXPECT_EQ(village["name"], "village of Kleinwald") << village.dump(1);
}

// An outlet's sentence with no date of its own is background, unless it goes
// on from the day told last: with a word such as "subsequently", or as another
// act of fighting right after the dated one; and a specific act it tells that a
// quoted account does not is the outlet's claim beside that one.
TEST_F(FictionalTheatre, AnOutletsSequelTakesTheDayToldLast) {
  const auto claims_of = [&](const std::string& second) {
    const json reading = read_published(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
        "began an aggression against Ruritania on Monday.\n\n" +
        second);
    std::vector<std::string> read_claims;
    for (const json& claim : reading["claims"]) {
      read_claims.push_back(claim["event_type"].get<std::string>() + " by " +
                            claim["claimant"]["id"].get<std::string>() + " on " +
                            claim["time"]["start"].get<std::string>());
    }
    return read_claims;
  };
  using Claims = std::vector<std::string>;
  EXPECT_EQ(claims_of("Freedonian troops subsequently advanced into Nebendorf."),
            (Claims{"attack by ru-fictional-mfa on 2030-05-06",
                    "territory_seizure by ruritanian-daily on 2030-05-06"}));
  // Another act of fighting right after the dated one goes on from its day
  // without a sequel word.
  EXPECT_EQ(claims_of("Freedonian troops broke through near Nebendorf."),
            (Claims{"attack by ru-fictional-mfa on 2030-05-06",
                    "territory_seizure by ruritanian-daily on 2030-05-06"}));
  const std::string apart = "Ruritania had long feared such a move.\n\n";
  EXPECT_EQ(claims_of(apart + "Freedonian troops broke through near Nebendorf."),
            (Claims{"attack by ru-fictional-mfa on 2030-05-06"}));
  EXPECT_EQ(claims_of(apart + "Freedonian troops subsequently broke through near Nebendorf."),
            (Claims{"attack by ru-fictional-mfa on 2030-05-06",
                    "territory_seizure by ruritanian-daily on 2030-05-06"}));
  // The same act as the quoted account's is that account, told again.
  EXPECT_EQ(claims_of("Freedonian troops subsequently began an aggression near Nebendorf."),
            (Claims{"attack by ru-fictional-mfa on 2030-05-06"}));
}

// «منطقة "خفض التصعيد"», the area "De-escalation": words in quotation marks
// right after a place word name the place, whichever quotation marks they wear.
TEST_F(FictionalTheatre, AnEventWordQuotedAfterAPlaceWordNamesThePlace) {
  const auto event_types = [&](const std::string& zone) {
    const json reading = read(
        "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قوات فريدونيا قصفت أوبرلاند أمس.\n\n"
        "وأضافت الوزارة أن قوات فريدونيا تجمعت أمس في منطقة " +
        zone + ".");
    std::vector<std::string> types;
    for (const json& claim : reading["claims"]) {
      types.push_back(claim["event_type"]);
    }
    return types;
  };
  using Types = std::vector<std::string>;
  EXPECT_EQ(event_types("\"خفض التصعيد\""), (Types{"shelling"}));
  EXPECT_EQ(event_types("\u201D خفض التصعيد\u201D"), (Types{"shelling"}));
  EXPECT_EQ(event_types("\u00ABخفض التصعيد\u00BB"), (Types{"shelling"}));
  // Unquoted, the words tell a de-escalation there.
  EXPECT_EQ(event_types("خفض التصعيد"), (Types{"shelling", "de_escalation"}));
}

// «بالقرب من قرية X», "near the village of X": the "from" of a word for
// nearness does not make X where fire came from.
TEST_F(FictionalTheatre, NearAVillageIsNoOriginOfFire) {
  write_file(data_ / "gazetteer/names/ar.near.tsv", "grenzdorf\tغرينزدورف\n");
  const json reading = read(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قوات فريدونيا قصفت أمس مواقع على الحدود "
      "بالقرب من قرية غرينزدورف.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "قرية غرينزدورف") << reading.dump(1);
}

// A sentence after the event's that tells neither an event nor casualties
// (patrols, background) says where something else happened.
TEST_F(FictionalTheatre, APlaceOfALaterSentenceWithoutAnEventIsNotTheClaims) {
  const auto place_of = [&](const std::string& later) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
             "shelled Ruritanian posts on the border yesterday. The ministry said that " +
             later),
        "/place/name");
  };
  EXPECT_EQ(place_of("Ruritanian troops patrolled Kleinheim."), "border");
  EXPECT_EQ(place_of("two soldiers were wounded in Kleinheim."), "Kleinheim");
}

// "the border between Freedonia and Sylvania": two countries named right after
// the border word name the border, whoever the account's parties are.
TEST_F(FictionalTheatre, ABorderBetweenTwoNamedCountriesIsTheirs) {
  write_file(data_ / "gazetteer/places-sylvania.tsv",
             "sylvania\tcountry\t14.0\t46.0\t6\tSV\t\t\t\tno\tfictional\n"
             "fd-sv-border\tborder\t13.0\t47.0\t5\tFD;SV\t\tfreedonia-land\t\tno\tfictional\n");
  write_file(data_ / "gazetteer/names/en.sylvania.tsv", "sylvania\tSylvania\n");
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonia handed over "
      "five Ruritanian prisoners yesterday at the border between Freedonia and Sylvania.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& place = reading["claims"][0]["place"];
  EXPECT_EQ(place["name"], "border between Freedonia and Sylvania") << reading.dump(1);
  EXPECT_EQ(place["geometry"]["coordinates"], json::array({13.0, 47.0})) << reading.dump(1);
}

// "the exchange took place at the border", «جرى عند الحدود»: the place right
// after such words is the event's, though a finer one is named beside it.
TEST_F(FictionalTheatre, ThePlaceTheEventTookPlaceAtIsItsPlace) {
  const auto place_of = [&](const std::string& where) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said that the exchange of "
             "prisoners from Grenzdorf with Freedonia " +
             where + " yesterday."),
        "/place/name");
  };
  EXPECT_EQ(place_of("took place at the Ruritania-Freedonia border"), "Ruritania-Freedonia border");
  EXPECT_EQ(place_of("was held near the Ruritania-Freedonia border"), "Grenzdorf");
}

// "in exchange for maps of the minefields in Grenzdorf": a place after an
// `in_return` word tells of what was given in return, not where.
TEST_F(FictionalTheatre, APlaceOfWhatWasGivenInReturnIsNotWhere) {
  const auto place_of = [&](const std::string& handover) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonia " +
             handover + " in exchange for maps of the minefields in Grenzdorf."),
        "/place/name");
  };
  EXPECT_EQ(place_of("handed over five Ruritanian prisoners yesterday"), json());
  EXPECT_EQ(place_of("handed over five Ruritanian prisoners in Kleinheim yesterday"), "Kleinheim");
}

// "the ceasefire holds without any violations": a truce told beside its
// violations denied is how things stand, not a de-escalation.
TEST_F(FictionalTheatre, ATruceHoldingWithoutViolationsIsNoEvent) {
  const auto event_types = [&](const std::string& statement) {
    const json reading = read("A synthetic story\n\n" + statement);
    std::vector<std::string> types;
    for (const json& claim : reading["claims"]) {
      types.push_back(claim["event_type"]);
    }
    return types;
  };
  using Types = std::vector<std::string>;
  EXPECT_EQ(event_types("The Foreign Ministry of Ruritania said the ceasefire in Oberland held "
                        "yesterday without any violations."),
            Types{});
  EXPECT_EQ(event_types("قالت وزارة خارجية روريتانيا أمس إن وقف إطلاق النار في أوبرلاند جار "
                        "دون أي انتهاكات."),
            Types{});
  EXPECT_EQ(event_types("The Foreign Ministry of Ruritania said a ceasefire took effect in "
                        "Oberland yesterday."),
            Types{"de_escalation"});
}

// One claimant telling a truce twice on the same day tells one truce; a truce
// told at another place is another.
TEST_F(FictionalTheatre, ATruceToldTwiceIsOneClaim) {
  const auto truces = [&](const std::string& again) {
    const json reading = read(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said a ceasefire took effect in "
        "Oberland yesterday.\n\nFreedonian troops shelled Kleinheim yesterday, the ministry "
        "said.\n\n" +
        again);
    std::vector<std::string> types;
    for (const json& claim : reading["claims"]) {
      types.push_back(claim["event_type"]);
    }
    return types;
  };
  using Types = std::vector<std::string>;
  EXPECT_EQ(truces("The ministry said a ceasefire took effect at midnight yesterday."),
            (Types{"de_escalation", "shelling"}));
  EXPECT_EQ(truces("The ministry said a ceasefire took effect in Ostdorf yesterday."),
            (Types{"de_escalation", "shelling", "de_escalation"}));
}

// Ground taken that no one is named for is the claimant's own gain; a loss is
// told as one.
TEST_F(FictionalTheatre, GroundTakenWithNoOneNamedIsTheClaimantsGain) {
  const auto perpetrator_of = [&](const std::string& statement) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said " + statement),
        "/perpetrator/id");
  };
  EXPECT_EQ(perpetrator_of("that it took control of the heights near Nebendorf yesterday."),
            "ruritania");
  EXPECT_EQ(perpetrator_of("that the heights near Nebendorf were seized yesterday and the army "
                           "lost control of two positions."),
            json());
}

// "Freedonian troops in an unprovoked ceasefire violation targeted the village
// with mortars": the one who committed the violation did the act it details.
TEST_F(FictionalTheatre, TheViolatorDidTheActTheViolationDetails) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that yesterday Freedonian "
      "troops in an unprovoked ceasefire violation had targeted the civil population of "
      "Grenzdorf with mortars.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "shelling") << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "fd-fictional-forces") << reading.dump(1);
}

// "Freedonian troops' fire killed two civilians": fire that killed is an
// attack, and whose fire it was did it.
TEST_F(FictionalTheatre, FireThatKilledIsAnAttackByWhoseFireItWas) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops\u2019 fire "
      "killed two civilians in Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "attack") << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "fd-fictional-forces") << reading.dump(1);
  // The troops own the fire; the civilians are the dead.
  EXPECT_EQ(figures_of_the_one_claim(reading),
            (std::vector<std::string>{"killed 2 civilians:ruritania"}));
}

// "Clashes near the disputed Hochland region": what happened near a region
// happened outside it; in it, the region is where.
TEST_F(FictionalTheatre, NearARegionIsOutsideIt) {
  write_file(data_ / "gazetteer/places-hochland.tsv",
             "hochland\tregion\t11.0\t49.5\t4\tRU\t\truritania\t\tno\tfictional\n");
  write_file(data_ / "gazetteer/names/en.hochland.tsv", "hochland\tHochland\n");
  const auto place_of = [&](const std::string& where) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
             "shelled Ruritanian posts " +
             where + " yesterday."),
        "/place/name");
  };
  EXPECT_EQ(place_of("near the disputed Hochland region"), json());
  EXPECT_EQ(place_of("in the disputed Hochland region"), "Hochland");
  EXPECT_EQ(place_of("near Grenzdorf"), "Grenzdorf");
}

// "… Baku launched an attack in Nagorno-Karabakh. The military subsequently
// advanced": an outlet's sequel with no place goes on in the area told before,
// not in a village told before.
TEST_F(FictionalTheatre, ASequelGoesOnInTheAreaToldBefore) {
  const auto sequel_place = [&](const std::string& where) {
    const json reading = read_published(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania accused Freedonian troops of "
        "an attack " +
        where +
        " yesterday.\n\nThe Freedonian troops subsequently advanced in several directions, "
        "breaching the positions of Ruritanian troops.");
    EXPECT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
    return reading["claims"].size() == 2 && reading["claims"][1].contains("place")
               ? reading["claims"][1]["place"]["name"]
               : json();
  };
  EXPECT_EQ(sequel_place("in Oberland"), "Oberland");
  EXPECT_EQ(sequel_place("in Grenzdorf"), json());
}

// «وحسبما نقلت وكالة …»: an agency passing on the account, in a paragraph of
// its own, goes on with it; its details (the village) are the claim's. Another
// body of the same side quoted after it makes a statement of its own.
TEST_F(FictionalTheatre, AnAgencyPassingOnTheAccountGoesOnWithIt) {
  write_file(data_ / "actors/names/ar.relay.tsv", "ruritania\tروريتانيا\n");
  const std::string account =
      "قصة مصطنعة\n\n"
      "قتل جنديان في اشتباكات في أوبرلاند، حسبما أعلنت وزارة خارجية روريتانيا، أمس.\n\n"
      "وحسبما نقلت وكالة فريدونيا، قتل الجنديان في قرية \"زيلدورف\".\n";
  const json reading = read(account);
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa") << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "قرية \"زيلدورف\"") << reading.dump(1);
  const json then = read(account + "\nوقالت روريتانيا إن فريدونيا أسرت جنديين أمس.\n");
  ASSERT_EQ(then["claims"].size(), 2U) << then.dump(1);
  EXPECT_EQ(then["claims"][1]["claimant"]["id"], "ruritania") << then.dump(1);
}

// "The ministry reported a military object destroyed. / The object was
// destroyed … in the direction of the Tovuz district": the outlet's undated
// retelling of the act just quoted says where it happened; another act does not.
TEST_F(FictionalTheatre, AnUndatedRetellingOfTheActSaysWhereItHappened) {
  const auto place_of = [&](const std::string& retelling) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
             "shelled Ruritanian posts yesterday.\n\n" +
             retelling),
        "/place/name");
  };
  EXPECT_EQ(place_of("The posts were shelled near Grenzdorf."), "Grenzdorf");
  EXPECT_EQ(place_of("Freedonian troops seized the heights near Grenzdorf."), json());
}

// A place taken from another telling brings its time zone: the claim's local
// day is that of where it happened, not of the claimant's capital.
TEST_F(FictionalTheatre, ABorrowedPlaceBringsItsTimeZone) {
  const json retold = read(
      "A synthetic story\n\nThe Foreign Ministry of Freedonia said Ruritanian troops "
      "shelled Freedonian posts yesterday.\n\nThe posts were shelled near Grenzdorf.");
  EXPECT_EQ(of_the_one_claim(retold, "/place/name"), "Grenzdorf");
  EXPECT_EQ(of_the_one_claim(retold, "/time/timezone"), "Europe/Moscow");
  const json unplaced = read(
      "A synthetic story\n\nThe Foreign Ministry of Freedonia said Ruritanian troops "
      "shelled Freedonian posts yesterday.");
  EXPECT_EQ(of_the_one_claim(unplaced, "/time/timezone"), "Europe/Berlin");

  const json sequel = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania accused Freedonian troops of "
      "an attack in Oberland yesterday.\n\nThe Freedonian troops subsequently advanced in "
      "several directions, breaching the positions of Ruritanian troops.",
      "Freedonia Wire");
  ASSERT_EQ(sequel["claims"].size(), 2U) << sequel.dump(1);
  EXPECT_EQ(sequel["claims"][1]["place"]["name"], "Oberland") << sequel.dump(1);
  EXPECT_EQ(sequel["claims"][1]["time"]["timezone"], "Europe/Moscow") << sequel.dump(1);
}

// A checkpoint set up is an act; "at a checkpoint near X" only says where.
TEST_F(FictionalTheatre, ACheckpointSetUpIsAnActACheckpointPassedIsAPlace) {
  const json set_up = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops installed "
      "a checkpoint near Grenzdorf yesterday.");
  ASSERT_EQ(set_up["claims"].size(), 1U) << set_up.dump(1);
  EXPECT_EQ(set_up["claims"][0]["event_type"], "other") << set_up.dump(1);
  const json passed = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said its observers waited "
      "yesterday at a checkpoint near Grenzdorf.");
  EXPECT_TRUE(passed["claims"].empty()) << passed.dump(1);
}

// "violated the border of Armenia …, advancing 3.5 kilometers": crossing into
// the other state's ground is an incursion; "border violations" are not.
TEST_F(FictionalTheatre, CrossingIntoTheOtherStatesGroundIsAnIncursion) {
  const auto type_of = [&](const std::string& act) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops " +
             act + " near Grenzdorf yesterday."),
        "/event_type");
  };
  EXPECT_EQ(type_of("violated the border of Ruritania"), "territory_seizure");
  EXPECT_NE(type_of("committed border violations"), "territory_seizure");
}

// "under the guise of border demarcation": a border being demarcated is what
// is done, not where; some topic words follow the place they are about.
TEST_F(FictionalTheatre, ABorderBeingDemarcatedIsATopic) {
  const auto place_of = [&](const std::string& where) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
             "shelled Ruritanian posts yesterday " +
             where + "."),
        "/place/name");
  };
  EXPECT_EQ(place_of("under the guise of border demarcation"), json());
  EXPECT_EQ(place_of("at the border"), "border");
}

// "the clashes provoked Tuesday by Armenia": a clash is mutual, but the side
// said to have provoked it started it.
TEST_F(FictionalTheatre, WhoProvokedAClashStartedIt) {
  const auto perpetrator_of = [&](const std::string& clashes) {
    return of_the_one_claim(read("A synthetic story\n\n\"Two servicemen died in the " + clashes +
                                 ",\" the Foreign Ministry of Ruritania said."),
                            "/perpetrator/id");
  };
  EXPECT_EQ(perpetrator_of("clashes provoked yesterday by Freedonian troops"),
            "fd-fictional-forces");
  EXPECT_EQ(perpetrator_of("clashes with Freedonian troops yesterday"), json());
  EXPECT_EQ(perpetrator_of("clashes Freedonian troops provoked yesterday"), json());
}

// "12 Armenian servicemen were captured by the Azerbaijani military": who
// captured them did it, an article between "by" and them or not; the persons
// captured never captured themselves.
TEST_F(FictionalTheatre, WhoCapturedThePersonsIsThePerpetrator) {
  write_file(data_ / "actors/names/en.capture.tsv", "ruritania\tRuritanian servicemen\n");
  const auto perpetrator_of = [&](const std::string& how) {
    return of_the_one_claim(read("A synthetic story\n\nThe Foreign Ministry of Ruritania said "
                                 "12 Ruritanian servicemen were captured " +
                                 how + "yesterday."),
                            "/perpetrator/id");
  };
  EXPECT_EQ(perpetrator_of("by the Freedonian troops "), "fd-fictional-forces");
  EXPECT_EQ(perpetrator_of(""), json());
}

// "the opposing side … subjected to intensive fire …", then "Armenian military
// units subjected to fire our tractor": when the claim's event word names no
// one, another word of the same act in the claim does.
TEST_F(FictionalTheatre, AnotherWordOfTheActNamesWhoDidIt) {
  EXPECT_EQ(of_the_one_claim(
                read("A synthetic story\n\nThe Foreign Ministry of Ruritania reported shelling "
                     "in Grenzdorf yesterday. It said Freedonian troops shelled the village with "
                     "mortars."),
                "/perpetrator/id"),
            "fd-fictional-forces");
}

// "заявил директор четвертого департамента … министерства иностранных дел":
// an office right after the verb opens a description of the speaker that
// names the body further on than an actor after a verb is otherwise looked for.
TEST_F(FictionalTheatre, AnOfficeAfterTheVerbOpensTheSpeakersDescription) {
  const auto claimant = [&](const std::string& speaker) {
    return of_the_one_claim(
        read("A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, said " + speaker +
             "."),
        "/claimant/id");
  };
  EXPECT_EQ(claimant("the director of the second department of the Foreign Ministry of Ruritania"),
            "ru-fictional-mfa");
  // Without the office, the body is too far from the verb to be its speaker.
  EXPECT_TRUE(
      read("A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, said a "
           "visitor of the second department of the Foreign Ministry of Ruritania.")["claims"]
          .empty());
  EXPECT_EQ(of_the_one_claim(read("Синтетический текст\n\nСиловики Фридонии обстреляли Гренцдорф "
                                  "вчера, заявил директор второго департамента северных стран "
                                  "МИД Руритании."),
                             "/claimant/id"),
            "ru-fictional-mfa");
}

// «…», – сказал он: the speaker named in the paragraph before goes on, even
// when what that speaker said before was no claim.
TEST_F(FictionalTheatre, HeWhoSpokeBeforeGoesOn) {
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании заявил, что принимает меры для урегулирования "
      "ситуации.\n\n«Находимся в тесном контакте с Фридонией», – сказал он.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "diplomatic_contact");
}

// Talks are placed where their own sentence says they were held; the place
// the speaker spoke about before is what they were about.
TEST_F(FictionalTheatre, TalksArePlacedOnlyWhereTheirSentenceSays) {
  const auto place = [&](const std::string& talks) {
    return of_the_one_claim(read("A synthetic story\n\nThe Foreign Ministry of Ruritania said it "
                                 "was following the situation in Kleinheim. " +
                                 talks),
                            "/place/name");
  };
  EXPECT_EQ(place("It held talks with Freedonia on Tuesday."), json());
  EXPECT_EQ(place("It held talks with Freedonia in Grenzdorf on Tuesday."), "Grenzdorf");
}

// "six shellings" and then, in a paragraph of their own, the villages "the
// shelling" hit: where the counted shellings fell, not another claim.
TEST_F(FictionalTheatre, WhereCountedShellingsFellIsNoOtherClaim) {
  const auto read_with = [&](const std::string& count) {
    return read(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian "
        "troops carried out " +
        count + " shellings in Unterdorf yesterday.\n\nIt said that the shelling hit Ostdorf.");
  };
  const json counted = read_with("six");
  EXPECT_EQ(counted["claims"].size(), 1U) << counted.dump(1);
  const json uncounted = read_with("heavy");
  EXPECT_EQ(uncounted["claims"].size(), 2U) << uncounted.dump(1);
}

// "offered to host talks", «готов выступить посредником на переговорах»: an
// offer of talks is no contact that took place.
TEST_F(FictionalTheatre, AnOfferOfTalksIsNoContact) {
  const auto claims = [&](const std::string& text) { return read(text)["claims"].size(); };
  EXPECT_EQ(claims("A synthetic story\n\nThe Foreign Ministry of Ruritania said on Tuesday it "
                   "offered to host talks with Freedonia."),
            0U);
  EXPECT_EQ(claims("A synthetic story\n\nThe Foreign Ministry of Ruritania said on Tuesday it "
                   "held talks with Freedonia."),
            1U);
  EXPECT_EQ(claims("Синтетический текст\n\nМИД Руритании во вторник заявил, что готов выступить "
                   "посредником на переговорах с Фридонией."),
            0U);
  EXPECT_EQ(claims("Синтетический текст\n\nМИД Руритании во вторник заявил, что провел "
                   "переговоры с Фридонией."),
            1U);
}

// Soldiers of no stated side killed, told with no event word: the first
// telling in a story is the outlet's claim; after an account of an event they
// retell it, and the reading says so instead of dropping the sentence unseen.
TEST_F(FictionalTheatre, AFigureOfNoSideIsAClaimOnlyWhenToldFirst) {
  const json first = read_published("A synthetic story\n\nSeven soldiers were killed on Tuesday.");
  EXPECT_EQ(of_the_one_claim(first, "/casualties/0/min"), 7);
  EXPECT_EQ(of_the_one_claim(first, "/casualties/0/side/kind"), "unknown");

  const json after = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf on Tuesday, killing two soldiers.\n\nSeven soldiers were among the "
      "dead.");
  ASSERT_EQ(after["claims"].size(), 1U) << after.dump(1);
  EXPECT_EQ(after["claims"][0]["casualties"][0]["min"], 2);
  const auto retold =
      std::find_if(after["set_aside"].begin(), after["set_aside"].end(), [](const json& set_aside) {
        return set_aside["span"]["text"] == "Seven soldiers were among the dead.";
      });
  ASSERT_NE(retold, after["set_aside"].end()) << after.dump(1);
  EXPECT_EQ((*retold)["reason"], "repeat");
}

// "a provocation that wounded a soldier": a violation that hurt someone is an
// attack; one that hurt no one, or a count of violations, stays a violation.
TEST_F(FictionalTheatre, AViolationThatHurtSomeoneIsAnAttack) {
  const auto type = [&](const std::string& what) {
    return of_the_one_claim(
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said on Tuesday that " + what +
             "."),
        "/event_type");
  };
  EXPECT_EQ(type("Freedonian troops committed a ceasefire violation that wounded two soldiers"),
            "attack");
  EXPECT_EQ(type("Freedonian troops committed a ceasefire violation near Grenzdorf"),
            "ceasefire_violation");
  EXPECT_EQ(type("Freedonian troops committed 11 ceasefire violations that wounded two soldiers"),
            "ceasefire_violation");
}

// "died in the clashes and … lost control of two military positions": clashes
// in which ground changed hands are its seizure.
TEST_F(FictionalTheatre, ClashesThatCostPositionsAreASeizure) {
  const auto type = [&](const std::string& what) {
    return of_the_one_claim(read("A synthetic story\n\nThe Foreign Ministry of Ruritania said "
                                 "that two soldiers died in the clashes on Tuesday" +
                                 what + "."),
                            "/event_type");
  };
  EXPECT_EQ(type(" and that Ruritania lost control of two positions"), "territory_seizure");
  EXPECT_EQ(type(""), "armed_clash");
}

// "a befitting response was given to Freedonia": whom the answer to fire was
// given to is its target; the speaker's side gave it.
TEST_F(FictionalTheatre, WhomAnAnswerWasGivenToIsItsTarget) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said on Tuesday that a befitting "
      "response was given to Freedonia for its aggression.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania");
  EXPECT_EQ(of_the_one_claim(reading, "/target/id"), "freedonia");
}

// "said 12 Ruritanian servicemen were captured", then "the 12 servicemen were
// captured by Freedonian troops": when the only actor beside the first word of
// the capture is the persons captured, another word of it names the captor.
TEST_F(FictionalTheatre, AnotherWordOfTheCaptureNamesTheCaptor) {
  write_file(data_ / "actors/names/en.capture.tsv", "ruritania\tRuritanian servicemen\n");
  EXPECT_EQ(
      of_the_one_claim(
          read("A synthetic story\n\nThe Foreign Ministry of Ruritania said on Tuesday that 12 "
               "Ruritanian servicemen were captured. It said the 12 servicemen were captured by "
               "Freedonian troops."),
          "/perpetrator/id"),
      "fd-fictional-forces");
}

// A site's ticker headline ("X: not happy with the strike on Y") over a story
// of the Ruritania-Freedonia border names countries no claim of the body
// involves: it repeats none of them, whatever its event word.
TEST_F(FictionalTheatre, AHeadlineAboutOtherCountriesRepeatsNoBodyClaim) {
  write_file(data_ / "gazetteer/elsewhere.tsv",
             "graustark\tcountry\t20.0\t45.0\t6\tGK\t\t\tEurope/Paris\tno\tfictional\n");
  write_file(data_ / "gazetteer/names/en.elsewhere.tsv", "graustark\tGraustark\n");
  const auto headline_set_aside = [&](const std::string& headline) {
    const json reading = read(headline +
                              "\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
                              "shelled Grenzdorf on Tuesday.");
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    for (const json& set_aside : reading["set_aside"]) {
      if (set_aside["span"]["text"] == headline) {
        return set_aside["reason"].get<std::string>();
      }
    }
    return std::string("none");
  };
  EXPECT_EQ(headline_set_aside("Not happy with the shelling of Graustark"), "background");
  EXPECT_EQ(headline_set_aside("Freedonian troops shelled Grenzdorf"), "headline_repeat");
}

// "the enemy continues to shell …" after an act of 1 May: fire said to go on
// is of the day it is told, not of the act told before it.
TEST_F(FictionalTheatre, FireSaidToGoOnIsOfTheDayItIsTold) {
  const auto dates = [&](const std::string& second) {
    const json reading = read(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
        "shelled Grenzdorf on 1 May 2030.\n\nIt said Freedonian troops " +
        second + " Kleinheim.");
    std::vector<std::string> found;
    for (const json& claim : reading["claims"]) {
      found.push_back(claim["time"]["start"].get<std::string>());
    }
    return found;
  };
  EXPECT_EQ(dates("are still shelling"), (std::vector<std::string>{"2030-05-01", "2030-05-06"}));
  EXPECT_EQ(dates("also shelled"), (std::vector<std::string>{"2030-05-01", "2030-05-01"}));
}

// "The equipment was damaged, but there were no injuries" after the speaker's
// account: what came of the act, told with no speaker, day or count of its
// own, goes on with that account.
TEST_F(FictionalTheatre, WhatCameOfTheActGoesOnWithTheAccount) {
  const auto figures = [&](const std::string& outcome) {
    const json reading = read(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
        "Grenzdorf on Tuesday.\n\n" +
        outcome);
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    return reading["claims"][0].value("casualties", json::array()).size();
  };
  EXPECT_EQ(figures("The houses were damaged, but there were no injuries."), 1U);
  EXPECT_EQ(figures("On Monday the houses were damaged, but there were no injuries."), 0U);
}

// A road blocked is an act of its own (type other) in each language, not
// nothing at all.
TEST_F(FictionalTheatre, ARoadBlockedIsAnAct) {
  EXPECT_EQ(of_the_one_claim(read("Синтетический текст\n\nМИД Руритании заявил, что вчера "
                                  "силовики Фридонии перекрыли дорогу в Гренцдорф."),
                             "/event_type"),
            "other");
  EXPECT_EQ(of_the_one_claim(read("A synthetic story\n\nThe Foreign Ministry of Ruritania said "
                                  "Freedonian troops blocked the road to Grenzdorf yesterday."),
                             "/event_type"),
            "other");
}

// «Сообщалось о …», "It was reported that …" after a speaker's sentence: a
// report that names no one and refers to no one is the outlet's, not that
// speaker's, so its figures are not the speaker's claim.
TEST_F(FictionalTheatre, AnImpersonalReportIsNotTheSpeakersBefore) {
  const auto figures = [&](const std::string& text) {
    const json reading = read(text);
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    return reading["claims"][0].value("casualties", json::array()).size();
  };
  EXPECT_EQ(figures("Синтетический текст\n\nМИД Руритании заявил, что вчера силовики Фридонии "
                    "обстреляли Гренцдорф. Сообщалось о четырех пострадавших при обстреле."),
            0U);
  EXPECT_EQ(figures("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian "
                    "troops shelled Grenzdorf yesterday. It was reported that four people were "
                    "injured in the shelling."),
            0U);
  EXPECT_EQ(figures("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian "
                    "troops shelled Grenzdorf yesterday. It said that four people were injured "
                    "in the shelling."),
            1U);
}

// «أطلقت قوات فريدونيا النار»: the verb, its subject and the fire apart (lexicon
// attribute gap) are still an act, and the subject between them its perpetrator.
TEST_F(FictionalTheatre, FireOpenedByASubjectBetweenVerbAndObjectIsAnAttack) {
  const json reading = read(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا أمس: «أطلقت قوات فريدونيا النار على مواقعنا "
      "قرب أوبرلاند».");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "attack");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "freedonia");
}

// A violation told and then detailed twice, as shots fired and as sniper fire:
// the most specific act is the claim's.
TEST_F(FictionalTheatre, AViolationDetailedAsSniperFireIsSniperFire) {
  EXPECT_EQ(of_the_one_claim(
                read("A synthetic story\n\nThe Foreign Ministry of Ruritania said a ceasefire "
                     "violation was recorded in Grenzdorf yesterday: unknown persons opened fire "
                     "on a patrol. The patrol came under sniper fire, it said."),
                "/event_type"),
            "sniper_fire");
}

// "Four soldiers were killed and nine were wounded": "nine" is as near to
// "killed" as to "wounded"; each status keeps a count of its own.
TEST_F(FictionalTheatre, EachStatusOfAListKeepsItsOwnCount) {
  EXPECT_EQ(figures_of_the_one_claim(read(
                "A synthetic story\n\nFour Freedonian soldiers were killed and nine were wounded "
                "in the shelling of Grenzdorf yesterday, the Foreign Ministry of Freedonia said.")),
            (std::vector<std::string>{"killed 4 freedonia", "wounded 9 freedonia"}));
}

// A death of another cause told beside the fighting's is no casualty of it.
TEST_F(FictionalTheatre, ADeathInARoadAccidentIsNoCasualtyOfTheFighting) {
  const std::vector<std::string> figures = figures_of_the_one_claim(
      read("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
           "shelled Grenzdorf yesterday, and one soldier was wounded. Another soldier died in a "
           "road accident."));
  ASSERT_EQ(figures.size(), 1U);
  EXPECT_TRUE(figures[0].starts_with("wounded 1")) << figures[0];
}

// «мужчина 1966 года рождения»: a year of birth dates no event; the figure
// added by the same speaker is of the day told before, not set aside as of
// 1966.
TEST_F(FictionalTheatre, AYearOfBirthDatesNoEvent) {
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании заявил, что вчера силовики Фридонии "
      "обстреляли Гренцдорф.\n\nФридония Пресс добавила, что в результате обстрела получил "
      "ранение мужчина 1966 года рождения.");
  for (const json& aside : reading["set_aside"]) {
    EXPECT_NE(aside["reason"], "historical") << aside.dump(1);
  }
  ASSERT_FALSE(reading["claims"].empty()) << reading.dump(1);
  for (const json& claim : reading["claims"]) {
    EXPECT_EQ(claim["time"]["start"], "2030-05-05") << claim.dump(1);
  }
}

// "mortars banned by the Grenzdorf agreements": a place naming an agreement is
// no place of the events.
TEST_F(FictionalTheatre, APlaceThatNamesAnAgreementIsNoPlaceOfEvents) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "positions in Oberland yesterday with mortars banned by the Grenzdorf agreements.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Oberland") << reading.dump(1);
}

// "May 5, Grenzdorf /Freedonia Wire/.": a date line with the date first; its city
// is where the story was filed, not where the events took place.
TEST_F(FictionalTheatre, ADateLineWithTheDateFirstPlacesNoEvent) {
  const json reading = read(
      "A synthetic story\n\nMay 5, Grenzdorf /Freedonia Wire/. In Oberland, Freedonian troops "
      "shelled positions, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Oberland") << reading.dump(1);
}

// «Об этом заявили в пятницу журналистам в МИД …»: a date between the verb
// and the speaker does not count against how far the speaker may stand.
TEST_F(FictionalTheatre, ADateBetweenTheVerbAndTheSpeakerIsNotCounted) {
  const json reading = read(
      "Синтетический текст\n\nСиловики Фридонии вчера обстреляли Гренцдорф. Об этом "
      "заявили в пятницу журналистам в МИД Руритании.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
}

// "came under fire from Ruritanian artillery": whose fire one came under is the
// perpetrator (an adjective there names it), not those who came under it.
TEST_F(FictionalTheatre, WhoseFireOneCameUnderIsThePerpetrator) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Freedonia said Freedonian border guards "
      "came under fire from Ruritanian artillery near Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania") << reading.dump(1);
}

// «قضى طفل»: "died", as Syrian monitors write it, counts the dead.
TEST_F(FictionalTheatre, ArabicDiedCountsTheDead) {
  const std::vector<std::string> figures = figures_of_the_one_claim(
      read("نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن طفلاً قضى أمس بقصف مدفعي لقوات فريدونيا "
           "على أوبرلاند."));
  ASSERT_EQ(figures.size(), 1U);
  EXPECT_TRUE(figures[0].starts_with("killed 1")) << figures[0];
}

// «المسلحين الموالين لفريدونيا»: whom the gunmen are loyal to neither acts
// nor speaks; it is no perpetrator.
TEST_F(FictionalTheatre, WhomOthersAreLoyalToIsNoPerpetrator) {
  const json reading = read(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن المسلحين الموالين لفريدونيا قصفوا أوبرلاند "
      "أمس.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  EXPECT_NE(of_the_one_claim(reading, "/perpetrator/id"), "freedonia") << reading.dump(1);
}

// A generic name listed for one theatre's country ("government troops",
// only_in=RU) names its actor in a text about that country, no one elsewhere.
TEST_F(FictionalTheatre, AGenericNameNamesItsActorOnlyInItsTheatre) {
  std::ofstream(data_ / "actors/names/en.tsv", std::ios::app)
      << "ruritania\tgovernment troops\tonly_in=RU\n";
  const auto perpetrator = [&](const std::string& place) {
    return of_the_one_claim(read("A synthetic story\n\nThe Foreign Ministry of Freedonia said "
                                 "government troops shelled " +
                                 place + " yesterday."),
                            "/perpetrator/id");
  };
  EXPECT_EQ(perpetrator("Grenzdorf"), "ruritania");
  EXPECT_EQ(perpetrator("Ostdorf"), nullptr);
}

// The outlet's own account of an event in another village than the one its
// quoted source names is another event, not a retelling of the quoted one.
TEST_F(FictionalTheatre, TheOutletsAccountOfAnotherVillageIsAnotherClaim) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday, killing two soldiers.\n\nA civilian died of wounds yesterday after "
      "the shelling of Nebendorf.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Grenzdorf");
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Nebendorf");
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ruritanian-daily") << reading.dump(1);
}

// "shelled by warplanes": a bombardment that aircraft carried out is an air
// strike; a drone that only saw what shelling did is no carrier of it.
TEST_F(FictionalTheatre, ABombardmentByAircraftIsAnAirStrike) {
  EXPECT_EQ(of_the_one_claim(read("A synthetic story\n\nThe Foreign Ministry of Ruritania said "
                                  "Grenzdorf was shelled by warplanes yesterday."),
                             "/event_type"),
            "air_strike");
  EXPECT_EQ(of_the_one_claim(read("A synthetic story\n\nThe Foreign Ministry of Ruritania said a "
                                  "UAV spotted houses burned by shelling in Grenzdorf yesterday."),
                             "/event_type"),
            "shelling");
}

// «говорится в сообщении на сайте главы службы …»: the message is on the site
// of the one who speaks, named after the document and the office.
TEST_F(FictionalTheatre, TheSpeakerMayFollowTheDocumentAndTheOffice) {
  const json reading = read(
      "Синтетический текст\n\nВчера вооруженные формирования обстреляли Гренцдорф, говорится в "
      "сообщении на сайте главы службы пограничников Фридонии.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "fd-border-guards") << reading.dump(1);
}

// "Kleinheim was also shelled": one more act, in a place apart from those told
// before, is another claim even in the same paragraph.
TEST_F(FictionalTheatre, OneMoreActElsewhereIsAnotherClaimInTheParagraph) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
      "shelled Grenzdorf on Monday, killing two soldiers. Kleinheim was also shelled on "
      "Monday.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Grenzdorf");
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Kleinheim");
  EXPECT_TRUE(reading["claims"][1].value("casualties", json::array()).empty()) << reading.dump(1);
}

// "a woman, who was hiding in a cellar, died": the status is said of the
// person before the relative clause.
TEST_F(FictionalTheatre, AStatusAfterARelativeClauseCountsThePersonBeforeIt) {
  const std::vector<std::string> figures = figures_of_the_one_claim(
      read("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
           "shelled Grenzdorf yesterday. A woman, who was hiding in a cellar, died."));
  ASSERT_EQ(figures.size(), 1U);
  EXPECT_TRUE(figures[0].starts_with("killed 1")) << figures[0];
}

// «обстрелян блокпост пограничников Фридонии»: whose checkpoint was hit is
// the target, not who fired.
TEST_F(FictionalTheatre, WhoseCheckpointWasHitIsNoPerpetrator) {
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера был обстрелян блокпост "
      "пограничников Фридонии у Гренцдорфа.");
  EXPECT_NE(of_the_one_claim(reading, "/perpetrator/id"), "fd-border-guards") << reading.dump(1);
}

// "In addition, a direct hit …": a paragraph that opens by adding to the
// account and tells an act tells another one, even in a village nearby.
TEST_F(FictionalTheatre, AParagraphAddingAnActTellsAnotherOne) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nIn addition, a direct hit destroyed a house in "
      "Nebendorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Nebendorf");
  EXPECT_EQ(reading["claims"][1]["event_type"], "shelling");
}

// Civilians of no stated side, in an account that names no place, are of the
// country where the text's places lie.
TEST_F(FictionalTheatre, CiviliansOfNoStatedSideAreOfTheTextsCountry) {
  const json reading = read_published(
      "A synthetic story\n\nThe Border Monitoring Mission said it recorded shelling in Grenzdorf "
      "and Kleinheim on Monday.\n\nA bombardment on Sunday killed 14 civilians.");
  std::vector<std::string> sides;
  for (const json& claim : reading["claims"]) {
    for (const json& figure : claim.value("casualties", json::array())) {
      sides.push_back(figure["side"].value("id", std::string("-")));
    }
  }
  EXPECT_EQ(sides, std::vector<std::string>{"civilians:ruritania"}) << reading.dump(1);
}

// A short name two bodies bear («в штабе») names the one the text named in
// full before it.
TEST_F(FictionalTheatre, AShortNameNamesTheBodyNamedInFullBeforeIt) {
  std::ofstream(data_ / "actors/names/ru.tsv", std::ios::app)
      << "fd-fictional-forces\tштабе армии Фридонии\nfd-border-guards\tштабе погранслужбы "
         "Фридонии\nfd-fictional-forces\tштабе\tshort\nfd-border-guards\tштабе\tshort\n";
  const auto second_claimant = [&](const std::string& named_first) {
    const json reading =
        read("Синтетический текст\n\nВчера был обстрелян Гренцдорф, сообщили в " + named_first +
             ".\n\nСегодня был обстрелян Кляйнхайм, сообщили в штабе.");
    EXPECT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
    return reading["claims"].size() == 2 ? reading["claims"][1]["claimant"]["id"] : json();
  };
  EXPECT_EQ(second_claimant("штабе погранслужбы Фридонии"), "fd-border-guards");
  EXPECT_EQ(second_claimant("штабе армии Фридонии"), "fd-fictional-forces");
  // Named in full by no one, it names no one: the shelling has no claimant.
  const json unnamed =
      read("Синтетический текст\n\nВчера был обстрелян Гренцдорф, сообщили в штабе.");
  EXPECT_TRUE(unnamed["claims"].empty()) << unnamed.dump(1);
}

// In one paragraph, acts of different kinds each with its own toll are claims
// of their own, and the toll told before them that they add up to is their
// total, set aside.
TEST_F(FictionalTheatre, ActsWithTollsOfTheirOwnAreClaimsAndTheirTotalIsSetAside) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said three Ruritanian soldiers were "
      "wounded in Freedonian shelling yesterday. Sniper fire at a post near Grenzdorf wounded "
      "one soldier. Mortar shelling of Kleinheim wounded two soldiers.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "sniper_fire");
  EXPECT_EQ(reading["claims"][0]["casualties"][0]["min"], 1);
  EXPECT_EQ(reading["claims"][1]["event_type"], "shelling");
  EXPECT_EQ(reading["claims"][1]["casualties"][0]["min"], 2);
  const bool total_set_aside =
      std::any_of(reading["set_aside"].begin(), reading["set_aside"].end(), [](const json& aside) {
        return aside["detail"] == "a total of the tolls the claimant tells one by one after it";
      });
  EXPECT_TRUE(total_set_aside) << reading.dump(1);
}

// "the enemy mounted two attacks": the speaker's word for the other side goes
// on with the speaker quoted before it, in a paragraph of its own too.
TEST_F(FictionalTheatre, AParagraphCallingTheOtherSideTheEnemyGoesOnWithTheSpeaker) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday.\n\nNear Kleinheim the enemy mounted two attacks yesterday.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Kleinheim");
}

// "In the sector of the South group, …" after "In the sector of the North
// group, the enemy …": another item of the speaker's list, told by the speaker.
TEST_F(FictionalTheatre, AParagraphOpeningAsTheSpeakersLastOneGoesOnWithTheSpeaker) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday.\n\nIn the sector of the North group, the enemy mounted two attacks "
      "near Kleinheim.\n\nIn the sector of the South group, Nebendorf was shelled.");
  ASSERT_EQ(reading["claims"].size(), 3U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][2]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][2]["place"]["name"], "Nebendorf");
}

// "It added that Freedonian troops shelled …" after a mine explosion: another
// specific act the speaker tells anew in the paragraph is another claim;
// «وتابع قائلا إن …» opens a sentence of the speaker's as well.
TEST_F(FictionalTheatre, AnotherActTheSpeakerTellsAnewIsAnotherClaim) {
  const json english = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said two soldiers were killed in "
      "a mine explosion near Grenzdorf yesterday. It added that Freedonian troops shelled "
      "Kleinheim.");
  ASSERT_EQ(english["claims"].size(), 2U) << english.dump(1);
  EXPECT_EQ(english["claims"][1]["event_type"], "shelling");
  EXPECT_EQ(english["claims"][1]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(english["claims"][1]["place"]["name"], "Kleinheim");
  std::ofstream(data_ / "gazetteer/names/ar.tsv", std::ios::app) << "unterdorf\tأونتردورف\n";
  const json arabic = read(
      "نص مصطنع\n\nقالت وزارة خارجية روريتانيا أمس إن جنديين قتلا في انفجار لغم في أوبرلاند. "
      "وتابع قائلا إن القوات قصفت أونتردورف.");
  ASSERT_EQ(arabic["claims"].size(), 2U) << arabic.dump(1);
  EXPECT_EQ(arabic["claims"][1]["event_type"], "shelling");
  EXPECT_EQ(arabic["claims"][1]["claimant"]["id"], "ru-fictional-mfa");
}

// "… killed in a mine explosion in Oberland yesterday. It took place in
// Unterdorf.": a later sentence that says where the act took place places it.
TEST_F(FictionalTheatre, ALaterSentenceSayingWhereItTookPlacePlacesTheAct) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said two soldiers were killed in "
      "a mine explosion in Oberland yesterday. It took place in Unterdorf.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Unterdorf") << reading.dump(1);
}

// «Сегодня жилой массив города обстреляли» after Popasna: "the town" with no
// name after it is the last town named before; with a name after it, that name.
TEST_F(FictionalTheatre, TheTownWithNoNameAfterItIsTheLastTownNamed) {
  const auto places = [&](const std::string& second) {
    const json reading = read(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
        "Kleinheim on 1 May 2030. On 3 May 2030 " +
        second + " was shelled.");
    std::vector<std::string> found;
    for (const json& claim : reading["claims"]) {
      found.push_back(claim["place"].is_null() ? "-" : claim["place"]["name"].get<std::string>());
    }
    return found;
  };
  EXPECT_EQ(places("the town"), (std::vector<std::string>{"Kleinheim", "the town"}));
  EXPECT_EQ(places("the town of Nebendorf").back(), "town of Nebendorf");
  EXPECT_NE(places("the town of Neuheim").back(), "the town");
}

// «поселок шахты имени Иванова»: a common word and a link word before a name
// the gazetteer lacks are part of it; the place is kept as written.
TEST_F(FictionalTheatre, ALinkWordCarriesAnUnknownPlaceNameOn) {
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера был обстрелян поселок шахты "
      "имени Иванова.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "поселок шахты имени Иванова")
      << reading.dump(1);
}

// "A soldier was wounded … He later died of his wounds": the wounded one is
// dead; «…умер» likewise. A count in the clause says something else.
TEST_F(FictionalTheatre, AWoundedOneWhoDiedIsCountedDead) {
  const std::string story =
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said a soldier was wounded when "
      "Freedonian troops shelled Grenzdorf yesterday. ";
  EXPECT_EQ(figures_of_the_one_claim(read(story + "He later died of his wounds.")),
            (std::vector<std::string>{"killed 1 ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(read(story + "He was taken to a hospital.")),
            (std::vector<std::string>{"wounded 1 ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(
                read("Синтетический текст\n\nМИД Руритании сообщил, что вчера в Гренцдорфе ранен "
                     "военнослужащий. Раненого госпитализировали, однако через два часа он умер.")),
            (std::vector<std::string>{"killed 1 ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(
                read("Синтетический текст\n\nМИД Руритании сообщил, что вчера в Гренцдорфе ранен "
                     "военнослужащий. В больнице скончался ещё один военнослужащий.")),
            (std::vector<std::string>{"wounded 1 ruritania", "killed 1 ruritania"}));
  // «ранения, несовместимые с жизнью»: wounds no one survives.
  EXPECT_EQ(figures_of_the_one_claim(
                read("Синтетический текст\n\nМИД Руритании сообщил, что вчера в Гренцдорфе "
                     "военнослужащий получил ранения, несовместимые с жизнью.")),
            (std::vector<std::string>{"killed 1 ruritania"}));
}

// "… a woman was killed. … a soldier was wounded": the soldier takes no
// civilian side from the figure before him.
TEST_F(FictionalTheatre, ASoldierTakesNoCivilianSideFromTheFigureBefore) {
  EXPECT_EQ(figures_of_the_one_claim(
                read("Синтетический текст\n\nМИД Руритании сообщил, что вчера при обстреле "
                     "Гренцдорфа погибла мирная жительница. Ранения получил боец.")),
            (std::vector<std::string>{"killed 1 civilians:ruritania", "wounded 1 ruritania"}));
}

// "civilians were wounded, including two children", «جرح مدنيون آخرون (بينهم
// طفلان)»: an uncounted group is at least as many as its part counted after
// a subset word.
TEST_F(FictionalTheatre, AnUncountedGroupIsAtLeastItsCountedPart) {
  EXPECT_EQ(
      figures_of_the_one_claim(read(
          "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
          "shelled Grenzdorf yesterday and civilians were wounded, including three children.")),
      (std::vector<std::string>{"wounded 3 civilians:ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(read(
                "نص مصطنع\n\nقالت وزارة خارجية روريتانيا أمس إن القوات قصفت أوبرلاند، ما أدى إلى "
                "جرح مدنيين آخرين (بينهم طفلان).")),
            (std::vector<std::string>{"wounded 2 civilians:ruritania"}));
}

// «قتل طفل أمس بقصف على غرنتسدورف، كما جرحت امرأة بقصف مماثل طال كلاينهايم»:
// after a comma «كما» opens another statement; in the outlet's own account
// too, one more act elsewhere is another claim, of the day told last.
TEST_F(FictionalTheatre, OneMoreActAfterACommaIsAnotherClaimOfTheSameDay) {
  std::ofstream(data_ / "gazetteer/names/ar.tsv", std::ios::app)
      << "grenzdorf\tغرنتسدورف\nkleinheim\tكلاينهايم\n";
  const json reading = read_published(
      "نص مصطنع\n\nقتل طفل أمس بقصف مدفعي على غرنتسدورف، كما جرحت امرأة بقصف مماثل طال "
      "كلاينهايم.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "كلاينهايم");
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-05");
  EXPECT_EQ(reading["claims"][1]["casualties"][0]["status"], "wounded");
  // «…، كما قالت الوزارة»: "as the ministry said" closes the sentence before.
  const json said = read_published(
      "نص مصطنع\n\nقتل طفل أمس بقصف مدفعي على غرنتسدورف، كما قالت وزارة خارجية روريتانيا.");
  ASSERT_EQ(said["claims"].size(), 1U) << said.dump(1);
  EXPECT_EQ(said["claims"][0]["claimant"]["id"], "ru-fictional-mfa") << said.dump(1);
}

// "A house was destroyed, no one was hurt" in an account of no stated side:
// where a civilian object was hit, the no one hurt are civilians.
TEST_F(FictionalTheatre, NoOneHurtWhereAHouseWasHitAreCivilians) {
  const auto figures = [&](const std::string& what) {
    return figures_of_the_one_claim(
        read_published("A synthetic story\n\nUnknown persons fired on Grenzdorf yesterday; " +
                       what + " was damaged, and no one was hurt."));
  };
  EXPECT_EQ(figures("a house"), (std::vector<std::string>{"killed 0 civilians:ruritania",
                                                          "wounded 0 civilians:ruritania"}));
  EXPECT_EQ(figures("a tank"), (std::vector<std::string>{"killed 0 unknown", "wounded 0 unknown"}));
}

// "The shelling killed four people": persons of anyone are of no stated side,
// unless the account names them civilians by a word of its own ("journalists").
TEST_F(FictionalTheatre, PeopleOfNoStatedSideAreNotCivilians) {
  const auto figures = [&](const std::string& more) {
    return figures_of_the_one_claim(read(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
        "Grenzdorf yesterday, killing four people" +
        more + "."));
  };
  EXPECT_EQ(figures(""), (std::vector<std::string>{"killed 4 unknown"}));
  EXPECT_EQ(figures(", all of them residents of the village"),
            (std::vector<std::string>{"killed 4 civilians:ruritania"}));
}

// «обстрела, произведенного пограничниками Фридонии»: the clause after the
// event's, opening with an agent word, names who did it.
TEST_F(FictionalTheatre, AnAgentClauseAfterTheEventNamesThePerpetrator) {
  std::ofstream(data_ / "actors/names/ru.tsv", std::ios::app)
      << "fd-border-guards\tпограничниками Фридонии\n";
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера в результате обстрела, "
      "произведенного пограничниками Фридонии, в Гренцдорфе ранены двое военнослужащих.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-border-guards") << reading.dump(1);
}

// "…, according to the Border Monitoring Mission" is said of its own sentence:
// the outlet's sentence before it stays the outlet's.
TEST_F(FictionalTheatre, AccordingToIsSaidOfItsOwnSentenceOnly) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops and Ruritanian troops exchanged fire near "
      "Grenzdorf yesterday. Air strikes killed 12 civilians in Kleinheim yesterday, according to "
      "the Border Monitoring Mission.");
  std::vector<std::string> claims;
  for (const json& claim : reading["claims"]) {
    claims.push_back(claim["claimant"]["id"].get<std::string>() + " " +
                     claim["event_type"].get<std::string>());
  }
  EXPECT_EQ(claims, (std::vector<std::string>{"ruritanian-daily armed_clash",
                                              "border-monitors air_strike"}))
      << reading.dump(1);
}

// "Ruritanian shelling": a nationality right beside the word of a specific
// act says whose act it was.
TEST_F(FictionalTheatre, ANationalityBesideTheActNamesItsPerpetrator) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Freedonia said Ruritanian shelling killed two "
      "soldiers in Ostdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania") << reading.dump(1);
}

// "No casualties have been recorded" with no event of its own tells no event
// and is no figure of the fighting told before it.
TEST_F(FictionalTheatre, NoCasualtiesWithoutAnEventOfItsOwnIsNoClaim) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday.\n\nNo casualties have been recorded, the Border Monitoring Mission "
      "said.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
  const bool set_aside = std::any_of(
      reading["set_aside"].begin(), reading["set_aside"].end(),
      [](const json& aside) { return aside["detail"] == "no casualties and no event of its own"; });
  EXPECT_TRUE(set_aside) << reading.dump(1);
}

// "No casualties among the Ruritanian troops", another body said: figures of
// none that name whose losses they are, told after an act, are a toll of that
// act, a claim of the body that gives it.
TEST_F(FictionalTheatre, NoCasualtiesOfANamedSideAreATollOfTheActBefore) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday.\n\nThere were no casualties among the Ruritanian troops, the Border "
      "Monitoring Mission said.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  const json& toll = reading["claims"][1];
  EXPECT_EQ(toll["claimant"]["id"], "border-monitors") << reading.dump(1);
  EXPECT_EQ(toll["event_type"], "shelling") << reading.dump(1);
  EXPECT_EQ(toll["time"]["start"], "2030-05-05") << reading.dump(1);
  ASSERT_FALSE(toll["casualties"].empty()) << reading.dump(1);
  for (const json& figure : toll["casualties"]) {
    EXPECT_EQ(figure["side"]["id"], "ruritania") << reading.dump(1);
    EXPECT_EQ(figure["min"], 0) << reading.dump(1);
  }
}

// «…получил ранения, не совместимые с жизнью, наш боец»: the status set
// off by commas is one phrase; the person after it, not the residents before
// it, is who died.
TEST_F(FictionalTheatre, TheOneAfterAStatusSetOffByCommasIsWhoItIsSaidOf) {
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера при эвакуации жителей "
      "Гренцдорфа из-под обстрела получил ранения, не совместимые с жизнью, наш боец.");
  const json figure = the_one_figure(reading);
  EXPECT_EQ(figure["side"]["kind"], "combatants") << reading.dump(1);
  EXPECT_EQ(figure["status"], "killed") << reading.dump(1);
  EXPECT_EQ(figure["min"], 1) << reading.dump(1);
  EXPECT_EQ(figure["max"], 1) << reading.dump(1);
}

// "…all of the servicemen died. / At least seven soldiers were among the
// victims": the outlet's count of the persons the account before it left
// uncounted is its own figure of that account's side; the same count again
// retells the account (and another exact count, AFigureOfNoSideIsAClaimOnlyWhenToldFirst).
TEST_F(FictionalTheatre, ACountOfPersonsTheAccountLeftUncountedIsAFigureOfItsSide) {
  const std::string account =
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that a car carrying "
      "Ruritanian soldiers came under fire by Freedonian troops yesterday and ";
  const json otherwise = read_published(account +
                                        "all of the soldiers died.\n\nAt least seven soldiers were "
                                        "among the victims.");
  ASSERT_EQ(otherwise["claims"].size(), 2U) << otherwise.dump(1);
  const json& outlets = otherwise["claims"][1];
  EXPECT_EQ(outlets["claimant"]["id"], "ruritanian-daily") << otherwise.dump(1);
  ASSERT_EQ(outlets["casualties"].size(), 1U) << otherwise.dump(1);
  EXPECT_EQ(outlets["casualties"][0]["side"]["id"], "ruritania") << otherwise.dump(1);
  EXPECT_EQ(outlets["casualties"][0]["status"], "killed") << otherwise.dump(1);
  EXPECT_EQ(outlets["casualties"][0]["min"], 7) << otherwise.dump(1);
  EXPECT_TRUE(outlets["casualties"][0]["max"].is_null()) << otherwise.dump(1);

  const json again = read_published(account +
                                    "seven soldiers died.\n\nSeven soldiers were among the "
                                    "victims.");
  EXPECT_EQ(again["claims"].size(), 1U) << again.dump(1);
}

// «وقُتل، أمس، جنديان»: a date set off by commas between the verb and its
// subject parts no clauses.
TEST_F(FictionalTheatre, ADateSetOffByCommasKeepsTheVerbWithItsSubject) {
  const json reading = read_published("نص مصطنع\n\nوقُتل، أمس، جنديان في قصف على أوبرلاند.");
  const json figure = the_one_figure(reading);
  EXPECT_EQ(figure["status"], "killed") << reading.dump(1);
  EXPECT_EQ(figure["min"], 2) << reading.dump(1);
  EXPECT_EQ(figure["max"], 2) << reading.dump(1);
}

// «طفل وأخته»: a brother or sister named by a possessive is one more person.
TEST_F(FictionalTheatre, ABrotherOrSisterIsOneMorePerson) {
  const json reading = read_published("نص مصطنع\n\nوقُتل أمس طفل وأخته في قصف على أوبرلاند.");
  const json figure = the_one_figure(reading);
  EXPECT_EQ(figure["side"]["kind"], "civilians") << reading.dump(1);
  EXPECT_EQ(figure["min"], 2) << reading.dump(1);
  EXPECT_EQ(figure["max"], 2) << reading.dump(1);
}

// "the outskirts of Grenzdorf's Nebendorf": a place in the possessive right
// before another says where that one is; the other is the place.
TEST_F(FictionalTheatre, APlaceInThePossessiveOwnsThePlaceAfterIt) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "the outskirts of Grenzdorf\u2019s Nebendorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Nebendorf") << reading.dump(1);
}

// «Как уточняет Фридония Пресс, …»: the present tense of an attribution verb
// names the claimant too.
TEST_F(FictionalTheatre, APresentTenseAttributionVerbNamesTheClaimant) {
  const json reading = read(
      "Синтетический текст\n\nКак уточняет Фридония Пресс, вчера вооруженные формирования "
      "обстреляли Гренцдорф.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "fd-wire") << reading.dump(1);
}

// «…», – цитирует МИД Руритании Фридония Пресс: the one quoted follows the
// verb, the agency quoting it is no claimant.
TEST_F(FictionalTheatre, TheOneAnAgencyQuotesIsTheClaimant) {
  const json reading = read(
      "Синтетический текст\n\n«Вчера вооруженные формирования обстреляли Гренцдорф», – "
      "цитирует МИД Руритании Фридония Пресс.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
}

// The other side's act, told by the same speaker in the same paragraph, is
// another claim with its own perpetrator.
TEST_F(FictionalTheatre, TheOtherSidesActIsAnotherClaim) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Freedonia said Ruritania shelled Ostdorf "
      "yesterday. Freedonian troops shelled Grenzdorf the same day.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "ruritania");
  EXPECT_EQ(reading["claims"][1]["perpetrator"]["id"], "fd-fictional-forces");
}

// «قصفاً نفذته قوات فريدونيا», "shelling that Freedonian troops carried out":
// the actor right after the relative verb is its agent, so the other side's
// act told next is another claim.
TEST_F(FictionalTheatre, TheActorAfterCarriedOutIsTheAgent) {
  std::ofstream(data_ / "actors/names/ar.tsv", std::ios::app)
      << "fd-fictional-forces\tقوات فريدونيا\nruritania\tروريتانيا\n";
  std::ofstream(data_ / "gazetteer/names/ar.tsv", std::ios::app)
      << "grenzdorf\tغرنتسدورف\nostdorf\tأوستدورف\n";
  const json reading = read(
      "نص مصطنع\n\nقالت وزارة خارجية روريتانيا أمس إن قصفاً نفذته قوات فريدونيا طال "
      "غرنتسدورف. روريتانيا قصفت أوستدورف في اليوم نفسه.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "fd-fictional-forces");
  EXPECT_EQ(reading["claims"][1]["perpetrator"]["id"], "ruritania");
}

// "Source: Foreign Ministry of Ruritania" standing alone: the outlet relays
// that body's account, so its own sentences are the body's claims. A label
// naming an agency makes no one else speak.
TEST_F(FictionalTheatre, ASourceLabelNamesWhoseAccountTheOutletRelays) {
  const std::string story =
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, killing two "
      "soldiers.\n\nSource: ";
  const json relayed = read_published(story + "Foreign Ministry of Ruritania");
  EXPECT_EQ(of_the_one_claim(relayed, "/claimant/id"), "ru-fictional-mfa") << relayed.dump(1);
  const json wired = read_published(story + "Freedonia Wire");
  EXPECT_NE(of_the_one_claim(wired, "/claimant/id"), "ru-fictional-mfa") << wired.dump(1);
}

// «По информации ведомства, … пограничники Фридонии открыли огонь»: the body
// named again right after the verb is the speaker, not the actor after it.
TEST_F(FictionalTheatre, ABodyReferredToRightAfterTheVerbIsTheSpeaker) {
  std::ofstream(data_ / "actors/names/ru.tsv", std::ios::app)
      << "fd-border-guards\tпограничники Фридонии\n";
  const json reading = read(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера погиб военнослужащий.\n\n"
      "По информации ведомства, вчера пограничники Фридонии открыли огонь по Гренцдорфу.");
  ASSERT_FALSE(reading["claims"].empty()) << reading.dump(1);
  for (const json& claim : reading["claims"]) {
    EXPECT_EQ(claim["claimant"]["id"], "ru-fictional-mfa") << reading.dump(1);
  }
}

// "killed two children, three women and one man": the groups listed after
// the first count are counted with it; a group after "including" is part of
// the count before it.
TEST_F(FictionalTheatre, CountedGroupsListedTogetherAreSummed) {
  const json listed = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian shelling killed "
      "two children, three women and one man in Grenzdorf yesterday.");
  EXPECT_EQ(the_one_figure(listed)["min"], 6) << listed.dump(1);
  const json part = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian shelling killed "
      "six civilians, including two children, in Grenzdorf yesterday.");
  EXPECT_EQ(the_one_figure(part)["min"], 6) << part.dump(1);
}

// "…, a spokeswoman for the ministry, Anna Example, said": a verb after a
// comma whose speaker stands before it speaks for the name ending the clause
// before; "…, said X" keeps X.
TEST_F(FictionalTheatre, ANameBetweenCommasBeforeTheVerbIsTheSpeaker) {
  for (const std::string& speaker :
       {std::string("a spokeswoman for the Foreign Ministry of Ruritania, Anna Example, said"),
        std::string("Anna Example, a spokeswoman for the Foreign Ministry of Ruritania, said")}) {
    const json reading = read(
        "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, " + speaker + ".");
    EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  }
  const json after = read(
      "A synthetic story\n\nFreedonian troops shelled the positions of the Ruritanian parliament "
      "guard yesterday, said the Foreign Ministry of Ruritania.");
  EXPECT_EQ(of_the_one_claim(after, "/claimant/id"), "ru-fictional-mfa") << after.dump(1);
}

// The outlet's lead ("at least five soldiers were killed in shelling") and
// then the body it quotes for the five, with no event word of its own: one
// claim, the body's, which takes the lead's event.
TEST_F(FictionalTheatre, AnOutletsLeadRetellingAQuotedTollIsNoClaimOfItsOwn) {
  const json reading = read_published(
      "A synthetic story\n\nAt least five Ruritanian soldiers were killed in shelling in "
      "Grenzdorf yesterday.\n\n\"Five of our soldiers were killed yesterday,\" the Foreign "
      "Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "shelling") << reading.dump(1);
}

// "in the past 24 hours": a number right before a unit of time (`count_noun`
// time) counts no persons.
TEST_F(FictionalTheatre, ANumberOfHoursCountsNoPersons) {
  const json reading = read(
      "A synthetic story\n\nTwo soldiers have been seriously wounded in the past 24 "
      "hours in Freedonian shelling of Grenzdorf, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(the_one_figure(reading)["min"], 2) << reading.dump(1);
}

// "Moreover, …" opening a sentence adds one more act: told in a place apart
// from those named before, it is another claim in the paragraph.
TEST_F(FictionalTheatre, ASentenceOpeningWithMoreoverElsewhereIsAnotherClaim) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday, killing two civilians. Moreover, Freedonian troops shelled Kleinheim "
      "yesterday, wounding three soldiers.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Kleinheim") << reading.dump(1);
}

// "air strikes by Syrian regime ally Russia": an actor before a patron word
// qualifies the actor after it, which is the one meant, and the agent word
// before the qualifier is that actor's.
TEST_F(FictionalTheatre, TheActorAfterAPatronWordIsTheOneMeant) {
  const json reading = read(
      "A synthetic story\n\nAir strikes by Ruritanian parliament ally Freedonia killed two "
      "civilians in Grenzdorf yesterday, the Border Monitoring Mission said.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "freedonia") << reading.dump(1);
  const json acting = read(
      "A synthetic story\n\nRuritanian parliament ally Freedonia shelled Grenzdorf yesterday, "
      "the Border Monitoring Mission said.");
  EXPECT_EQ(of_the_one_claim(acting, "/perpetrator/id"), "freedonia") << acting.dump(1);
}

// A new paragraph of the same speaker telling an act in a village apart from
// the one told before is another claim, though it also names the province
// around the first village.
TEST_F(FictionalTheatre, AVillageApartInANewParagraphIsAnotherClaimThoughItsProvinceIsNamed) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Unterdorf yesterday, killing two civilians.\n\nThe ministry added that Freedonian "
      "troops shelled the outskirts of Kleinheim in Oberland yesterday, without casualties.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Unterdorf") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Kleinheim") << reading.dump(1);
}

// "Today" is when it was said: a day of the same sentence after it is the
// event's ("in the past 24 hours" is the day before the bulletin).
TEST_F(FictionalTheatre, ADayAfterTodayInTheSentenceIsTheEvents) {
  for (const std::string& when : {std::string("yesterday"), std::string("in the past 24 hours")}) {
    const json reading = read_published(
        "A synthetic story\n\nToday, in a statement on its website, the Foreign Ministry of "
        "Ruritania accused Freedonian troops of shelling Grenzdorf " +
        when + ".");
    EXPECT_EQ(of_the_one_claim(reading, "/time/start"), "2030-05-05") << reading.dump(1);
  }
}

// "The Army blamed Pakistan … and said": the accused speaks for no verb of the
// sentence, and "the army", where no armed force has spoken, is the armed force
// the text named last.
TEST_F(FictionalTheatre, TheArmyNamedBeforeSpeaksAndTheAccusedDoesNot) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian border guards were on alert near Ostdorf.\n\nThe army "
      "blamed Ruritania for the shelling of Ostdorf yesterday and said two soldiers were "
      "killed.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "fd-border-guards") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania") << reading.dump(1);
}

// A wire's "…, a monitor said" (`ahead:organisation`) is the organisation
// named further on; and one claimant telling the same toll of the same act
// again is one claim, dated by the retelling's day.
TEST_F(FictionalTheatre, AMonitorNamedLaterTellingTheSameTollTwiceIsOneClaim) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf, killing two civilians, a "
      "monitor said on Monday.\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
      "shelled Kleinheim yesterday.\n\nThe Grenzland Rights Watch said Freedonian shelling "
      "killed two civilians in Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  const json& monitor = reading["claims"][0];
  EXPECT_EQ(monitor["claimant"]["id"], "grenzland-watch") << reading.dump(1);
  EXPECT_EQ(monitor["time"]["start"], "2030-05-05") << reading.dump(1);
  EXPECT_EQ(monitor["provenance"]["claimant"].size(), 3U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ru-fictional-mfa") << reading.dump(1);
  // The place only the retelling gives fills the first telling's, its words once.
  const json placed = read_published(
      "A synthetic story\n\nFreedonian shelling killed two civilians, a monitor said on "
      "Monday.\n\nThe Grenzland Rights Watch said Freedonian shelling killed two civilians in "
      "Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(placed, "/place/name"), "Grenzdorf") << placed.dump(1);
  EXPECT_EQ(of_the_one_claim(placed, "/provenance/place").size(), 1U) << placed.dump(1);
}

// A claimant retelling its own account of an act, adding no figure, tells no
// other claim; undated, it is of the day of that account, not of the day
// another body told last.
TEST_F(FictionalTheatre, AClaimantRetellingItsOwnAccountAddsNoClaim) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf on Monday, killing two soldiers.\n\nThe Border Monitoring Mission said "
      "Freedonian troops shelled Kleinheim on Sunday.\n\nThe shelling of Grenzdorf by "
      "Freedonian troops was carried out without warning, the Foreign Ministry of Ruritania "
      "said.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa") << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-06") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "border-monitors") << reading.dump(1);
}

// "According to the statement, Indian forces targeted …": a document named
// right after the verb that ends its clause is the speaker referred to again;
// the forces after the comma are what it tells of.
TEST_F(FictionalTheatre, ADocumentEndingTheAttributionClauseIsTheSpeaker) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Kleinheim yesterday.\n\nAccording to the statement, Freedonian troops also shelled "
      "Grenzdorf yesterday, killing two civilians.");
  ASSERT_FALSE(reading["claims"].empty()) << reading.dump(1);
  for (const json& claim : reading["claims"]) {
    EXPECT_EQ(claim["claimant"]["id"], "ru-fictional-mfa") << reading.dump(1);
  }
}

// "A serviceman of the Freedonian People's Guard was killed when …": the
// person word the clause opens with is the one killed, however long the name
// after it; "People" inside the name is no person, and the troops of the
// clause "when" opens are the shellers, not the dead.
TEST_F(FictionalTheatre, ThePersonOpeningTheClauseIsTheOneKilled) {
  const json reading = read_published(
      "A synthetic story\n\nA serviceman of the Freedonian People's Guard was killed when "
      "Ruritanian troops shelled Ostdorf yesterday, the Foreign Ministry of Freedonia said.");
  const json figure = the_one_figure(reading);
  EXPECT_EQ(figure["status"], "killed") << reading.dump(1);
  EXPECT_EQ(figure["min"], 1) << reading.dump(1);
  EXPECT_EQ(figure["max"], 1) << reading.dump(1);
  EXPECT_EQ(figure["side"]["id"], "freedonia") << reading.dump(1);
}

// "At least six civilians", then "six civilians" from the same claimant of
// the same act: one toll told again, and the exact count refines the open one.
TEST_F(FictionalTheatre, AnOpenTollToldAgainExactlyIsOneClaimWithTheExactCount) {
  const json reading = read_published(
      "A synthetic story\n\nAt least six civilians were wounded when Freedonian troops shelled "
      "Grenzdorf yesterday, the Foreign Ministry of Ruritania said.\n\n\"Yesterday six civilians "
      "were wounded in Grenzdorf and taken to hospital,\" the Foreign Ministry of Ruritania said "
      "on its website.");
  const json figure = the_one_figure(reading);
  EXPECT_EQ(figure["status"], "wounded") << reading.dump(1);
  EXPECT_EQ(figure["min"], 6) << reading.dump(1);
  EXPECT_EQ(figure["max"], 6) << reading.dump(1);
}

// "killed in Freedonian firing", "ambushed", "targeted" tell an attack;
// "bombarded" a shelling.
TEST_F(FictionalTheatre, FiringAmbushesAndBombardmentsAreActs) {
  for (const auto& [text, type] : std::vector<std::pair<std::string, std::string>>{
           {"two civilians were killed in Freedonian firing on Grenzdorf yesterday", "attack"},
           {"Freedonian troops ambushed a patrol near Grenzdorf yesterday", "attack"},
           {"Freedonian troops targeted a post near Grenzdorf yesterday", "attack"},
           {"Freedonian troops bombarded Grenzdorf yesterday", "shelling"}}) {
    const json reading =
        read_published("A synthetic story\n\nThe Foreign Ministry of Ruritania said " + text + ".");
    EXPECT_EQ(of_the_one_claim(reading, "/event_type"), type) << text;
  }
  const json russian = read_published(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера противник вел огонь по "
      "Гренцдорфу.");
  EXPECT_EQ(of_the_one_claim(russian, "/event_type"), "attack") << russian.dump(1);
  const json arabic = read_published(
      "نص مصطنع\n\nقالت وزارة خارجية روريتانيا إن جنودها وقعوا أمس في كمين قرب أوبرلاند.");
  EXPECT_EQ(of_the_one_claim(arabic, "/event_type"), "attack") << arabic.dump(1);
}

// "fired an anti-tank guided missile on …" is an attack, as "fired on" is.
TEST_F(FictionalTheatre, FiringAMissileIsAnAttack) {
  const json reading = read_published(
      "A synthetic story\n\nYesterday, the Grenzland Rights Watch reported that Freedonian "
      "troops fired an anti-tank guided missile on a Ruritanian armoured vehicle near Ostdorf.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "attack") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
}

// "Moreover, …" telling an act at a village apart from the village before is
// another claim, though both sentences name the province around them.
TEST_F(FictionalTheatre, OneMoreActAtAVillageApartInTheSameProvinceIsAnotherClaim) {
  const json reading = read_published(
      "A synthetic story\n\nThe Grenzland Rights Watch reported that Freedonian troops shelled "
      "Unterdorf in Oberland this morning, killing five civilians. Moreover, its activists "
      "documented the death of three civilians in shelling by Freedonian troops this morning "
      "on Hochdorf in Oberland.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Unterdorf") << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["casualties"][0]["min"], 5) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Hochdorf") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["casualties"][0]["min"], 3) << reading.dump(1);
}

// "five civilians, including one child at least, were killed": the clause a
// word of a part opens sets off the subject and its count.
TEST_F(FictionalTheatre, TheGroupBeforeAnIncludingClauseIsTheOneKilled) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that five civilians, "
      "including one child at least, were killed in shelling by Freedonian troops on Grenzdorf "
      "yesterday.");
  const json figure = the_one_figure(reading);
  EXPECT_EQ(figure["status"], "killed") << reading.dump(1);
  EXPECT_EQ(figure["min"], 5) << reading.dump(1);
  EXPECT_EQ(figure["side"]["kind"], "civilians") << reading.dump(1);
}

// «وإصابة تسعة آخرين توفي أحدهم متأثرا بجروحه», "one of them died of his
// wounds": one of the nine wounded died; he leaves the wounded for the killed.
TEST_F(FictionalTheatre, OneOfTheWoundedWhoDiedIsCountedAmongTheKilled) {
  const json reading = read_published(
      "\u0646\u0635 \u0645\u0635\u0637\u0646\u0639\n\n"
      "\u0642\u0627\u0644\u062A \u0648\u0632\u0627\u0631\u0629 \u062E\u0627\u0631\u062C"
      "\u064A\u0629 \u0631\u0648\u0631\u064A\u062A\u0627\u0646\u064A\u0627 \u0625\u0646 "
      "\u0642\u0635\u0641\u0627 \u0639\u0644\u0649 \u0623\u0648\u0628\u0631\u0644\u0627"
      "\u0646\u062F \u0623\u0633\u0641\u0631 \u0639\u0646 \u0645\u0642\u062A\u0644 "
      "\u062C\u0646\u062F\u064A \u0648\u0625\u0635\u0627\u0628\u0629 \u062A\u0633\u0639"
      "\u0629 \u0622\u062E\u0631\u064A\u0646 \u062A\u0648\u0641\u064A \u0623\u062D\u062F"
      "\u0647\u0645 \u0645\u062A\u0623\u062B\u0631\u0627 \u0628\u062C\u0631\u0648\u062D"
      "\u0647.");
  const json figures = of_the_one_claim(reading, "/casualties");
  ASSERT_EQ(figures.size(), 2U) << reading.dump(1);
  std::map<std::string, int> counts;
  for (const json& figure : figures) {
    EXPECT_EQ(figure["min"], figure["max"]) << reading.dump(1);
    counts[figure["status"].get<std::string>()] = figure["min"].get<int>();
  }
  EXPECT_EQ(counts["killed"], 2) << reading.dump(1);
  EXPECT_EQ(counts["wounded"], 8) << reading.dump(1);
  // A count a partitive word follows, whatever status the words of the death hold.
  for (const std::string& text :
       {std::string("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
                    "shelled Grenzdorf yesterday. One soldier was killed and nine were wounded; "
                    "one of them died of his wounds in hospital."),
        std::string("Синтетический текст\n\nМИД Руритании сообщил, что вчера в Гренцдорфе погиб "
                    "один военнослужащий, ранены девять; один из них скончался в больнице."),
        std::string("Синтетический текст\n\nМИД Руритании сообщил, что вчера в Гренцдорфе погиб "
                    "один военнослужащий, ранены девять; в больнице скончался один из них."),
        // A count beside words that say more than the status they hold.
        std::string("A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops "
                    "shelled Grenzdorf yesterday. One soldier was killed and nine were wounded; "
                    "one died of his wounds in hospital.")}) {
    EXPECT_EQ(figures_of_the_one_claim(read(text)),
              (std::vector<std::string>{"killed 2 ruritania", "wounded 8 ruritania"}))
        << text;
  }
}

// «نتيجة قصف قوات فريدونيا قرية غرينزدورف»: the forces right after the act's
// word did it; the village after them is what was hit, not theirs.
TEST_F(FictionalTheatre, TheActorRightAfterTheActsWordDidItNotOwnsTheVillage) {
  std::ofstream(data_ / "actors/names/ar.tsv", std::ios::app)
      << "fd-fictional-forces\tقوات فريدونيا\n";
  std::ofstream(data_ / "gazetteer/names/ar.tsv", std::ios::app) << "grenzdorf\tغرينزدورف\n";
  const json reading = read_published(
      "\u0646\u0635 \u0645\u0635\u0637\u0646\u0639\n\n"
      "\u0642\u0627\u0644\u062A \u0648\u0632\u0627\u0631\u0629 \u062E\u0627\u0631\u062C"
      "\u064A\u0629 \u0631\u0648\u0631\u064A\u062A\u0627\u0646\u064A\u0627 \u0625\u0646 "
      "\u0645\u062F\u0646\u064A\u064A\u0646 \u0642\u062A\u0644\u0627 \u0623\u0645\u0633 "
      "\u0646\u062A\u064A\u062C\u0629 \u0642\u0635\u0641 \u0642\u0648\u0627\u062A "
      "\u0641\u0631\u064A\u062F\u0648\u0646\u064A\u0627 \u0642\u0631\u064A\u0629 "
      "\u063A\u0631\u064A\u0646\u0632\u062F\u0648\u0631\u0641.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
}

// "… added that Freedonian troops did not open fire on Grenzdorf, where two
// civilians died": a sentence that only denies acts is no part of the claim
// before it, and the dead told after the denied act make no claim of an act.
TEST_F(FictionalTheatre, ASentenceThatOnlyDeniesActsAddsNothingToTheClaimBefore) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Freedonia said Ruritanian troops attacked "
      "Ostdorf yesterday.\n\nThe ministry added that Freedonian troops did not open fire on "
      "Grenzdorf, where two civilians died.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/casualties"), nullptr) << reading.dump(1);
  // A toll told before the denial, or beside a denied answer to fire, stands.
  for (const std::string& text :
       {std::string("two civilians were wounded in Grenzdorf yesterday, but the army did not "
                    "return fire"),
        std::string("the army did not return fire after two civilians were wounded in "
                    "Grenzdorf yesterday")}) {
    const json told =
        read_published("A synthetic story\n\nThe Foreign Ministry of Ruritania said " + text + ".");
    EXPECT_EQ(figures_of_the_one_claim(told),
              (std::vector<std::string>{"wounded 2 civilians:ruritania"}))
        << told.dump(1);
  }
}

// "… Freedonian troops attacked … At the same time, Kleinheim was shelled":
// a violent act the same claimant tells right after one whose perpetrator it
// named, with none of its own, is of the same perpetrator; not the claimant's
// own answer.
TEST_F(FictionalTheatre, AnActToldRightAfterAnotherWithNoPerpetratorIsTheSameOnes) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops attacked "
      "Ruritanian positions near Grenzdorf yesterday.\n\nAt the same time, Kleinheim was "
      "shelled with mortars, the ministry said.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Kleinheim") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["perpetrator"]["id"], "fd-fictional-forces") << reading.dump(1);
  EXPECT_FALSE(reading["claims"][1]["provenance"]["perpetrator"].empty()) << reading.dump(1);
}

// "The Grenzland Rights Watch's correspondent said Freedonian troops …": the
// office right before the verb is the body's, which speaks; the troops after
// the verb are what it tells of.
TEST_F(FictionalTheatre, ABodysOfficeRightBeforeTheVerbSpeaksForIt) {
  const json reading = read_published(
      "A synthetic story\n\nThe Grenzland Rights Watch's correspondent said Freedonian troops "
      "shelled Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "grenzland-watch") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
}

// "Freedonia and Ruritania regularly accuse each other of shelling": a habit
// told with no day and no figure is no act, even in a speaker's words; the
// dated act beside it stays a claim.
TEST_F(FictionalTheatre, AHabitToldWithNoDayIsNoClaim) {
  const json habit = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops regularly "
      "shell Ruritanian villages near Grenzdorf.");
  EXPECT_TRUE(habit["claims"].empty()) << habit.dump(1);
  EXPECT_TRUE(std::any_of(habit["set_aside"].begin(), habit["set_aside"].end(),
                          [](const json& aside) { return aside["reason"] == "background"; }))
      << habit.dump(1);
  const json dated = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops regularly "
      "shell Ruritanian villages near Grenzdorf.\n\nFreedonian troops shelled Kleinheim "
      "yesterday, the ministry said.");
  ASSERT_EQ(dated["claims"].size(), 1U) << dated.dump(1);
  EXPECT_EQ(dated["claims"][0]["place"]["name"], "Kleinheim") << dated.dump(1);
}

// "… ранен один военнослужащий … / За прошедшие сутки зафиксировано шесть
// обстрелов": the period the same speaker's bulletin covers, told after, holds
// the acts it told with no day of their own; another speaker's act keeps the
// publication date.
TEST_F(FictionalTheatre, ABulletinsPeriodDatesTheSpeakersUndatedActs) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said one civilian was wounded by "
      "Freedonian sniper fire in Grenzdorf.\n\nThe Grenzland Rights Watch said Freedonian troops "
      "shelled Kleinheim.\n\nIn the past 24 hours, Freedonian troops violated the ceasefire six "
      "times, the ministry said.");
  ASSERT_EQ(reading["claims"].size(), 3U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Grenzdorf") << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-05") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "grenzland-watch") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-06") << reading.dump(1);
  EXPECT_EQ(reading["claims"][2]["time"]["start"], "2030-05-05") << reading.dump(1);
}

// "… shelled Grenzdorf yesterday, the ministry said. / Freedonian mortars hit
// Kleinheim": the outlet's act of the same kind told right after a dated one,
// with no day of its own, goes on from that day; not talks after fighting, and
// not a trend "since" some time.
TEST_F(FictionalTheatre, AnActOfTheSameKindToldRightAfterADatedOneGoesOnFromItsDay) {
  const std::string dated =
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, the Foreign Ministry "
      "of Ruritania said.\n\n";
  const json reading =
      read_published(dated + "Freedonian troops also shelled Kleinheim with mortars.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Kleinheim") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-05") << reading.dump(1);
  const json trend =
      read_published(dated + "Freedonian shelling of Kleinheim has increased since the spring.");
  EXPECT_EQ(trend["claims"].size(), 1U) << trend.dump(1);
}

// "Ruritania and Freedonia agreed a ceasefire yesterday. Fighting in
// Grenzdorf had killed dozens": in the outlet's own account too, fighting told
// after a truce is another event; the truce takes none of its dead.
TEST_F(FictionalTheatre, TheOutletsFightingToldAfterATruceIsNotTheTruces) {
  const json reading = read_published(
      "A synthetic story\n\nRuritania and Freedonia agreed a ceasefire yesterday. Fierce "
      "fighting in Grenzdorf killed dozens of soldiers yesterday.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "de_escalation") << reading.dump(1);
  EXPECT_FALSE(reading["claims"][0].contains("casualties")) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["event_type"], "armed_clash") << reading.dump(1);
  EXPECT_TRUE(reading["claims"][1].contains("casualties")) << reading.dump(1);
}

// «погибли двое военнослужащих Руритании»: the state whose persons are
// counted, named right after them or in their words, did not strike them.
TEST_F(FictionalTheatre, WhoseDeadAreCountedIsNotWhoStruckThem) {
  const json reading = read_published(
      "Синтетический текст\n\nВчера в результате обстрела у Гренцдорфа погибли двое "
      "военнослужащих Руритании, сообщил МИД Руритании.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_FALSE(reading["claims"][0].contains("perpetrator")) << reading.dump(1);
  EXPECT_EQ(figures_of_the_one_claim(reading), (std::vector<std::string>{"killed 2 ruritania"}))
      << reading.dump(1);
  // An owner_link between: "two soldiers of Ruritania".
  const json linked = read_published(
      "A synthetic story\n\nTwo soldiers of Ruritania were killed in shelling near Grenzdorf "
      "yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_FALSE(linked["claims"][0].contains("perpetrator")) << linked.dump(1);
  // Another word between: "civilians in Freedonia's shelling" are not Freedonia's.
  const json between = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said two civilians died in Freedonia "
      "shelling near Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(between, "/perpetrator/id"), "freedonia") << between.dump(1);
  // Who fired, named before the act, stays its perpetrator.
  const json fired = read_published(
      "A synthetic story\n\nFreedonian troops opened fire near Grenzdorf yesterday, killing two "
      "soldiers of Ruritania, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(fired, "/perpetrator/id"), "fd-fictional-forces") << fired.dump(1);
  // «مقتل ثلاثة مدنيين بقصف فريدونيا»: after the act's word, whose act it was.
  const json arabic = read_published(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن أوبرلاند شهدت أمس مقتل ثلاثة مدنيين بقصف "
      "فريدونيا.");
  EXPECT_EQ(of_the_one_claim(arabic, "/perpetrator/id"), "freedonia") << arabic.dump(1);
  const json bullets = read_published(
      "نص اصطناعي\n\nأعلنت وزارة خارجية روريتانيا مقتل جندي برصاص فريدونيا في أوبرلاند أمس.");
  EXPECT_EQ(of_the_one_claim(bullets, "/perpetrator/id"), "freedonia") << bullets.dump(1);
}

// A monitor's report "as of" a day: "In the previous 24 hours, it recorded …"
// is the day before that day, in the region named last, another claim; the
// report's next paragraph, with no day of its own, is of the report's day
// again, not of the claim told just before it.
TEST_F(FictionalTheatre, AReportsPreviousDayIsAClaimOfItsOwn) {
  const json reading = read_published(
      "A synthetic report\n\nBased on information from the monitoring teams as of 19:30 4 May "
      "2030.\n\nIn Oberland, the Border Monitoring Mission recorded 12 ceasefire violations. In "
      "the previous 24 hours, it recorded 3 ceasefire violations in the region.\n\nNear "
      "Grenzdorf, the Border Monitoring Mission recorded 7 ceasefire violations.");
  ASSERT_EQ(reading["claims"].size(), 3U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Oberland") << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-04") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["geometry"]["coordinates"][0], 10.5) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["place"]["precision"], 4) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-03") << reading.dump(1);
  EXPECT_EQ(reading["claims"][2]["place"]["name"], "Grenzdorf") << reading.dump(1);
  EXPECT_EQ(reading["claims"][2]["time"]["start"], "2030-05-04") << reading.dump(1);
}

// "…, martyring a civilian and injuring two others", "resulting in martyrdom
// of a civilian": the words of a press service for the dead.
TEST_F(FictionalTheatre, MartyrdomIsADeath) {
  EXPECT_EQ(
      figures_of_the_one_claim(read_published(
          "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, martyring a "
          "civilian and injuring two others, the Foreign Ministry of Ruritania said.")),
      (std::vector<std::string>{"killed 1 civilians:ruritania", "wounded 2 civilians:ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, resulting in "
                "martyrdom of a civilian, the Foreign Ministry of Ruritania said.")),
            (std::vector<std::string>{"killed 1 civilians:ruritania"}));
}

// «ранена пенсионерка», "a pensioner was wounded", «مقتل رجل»: civilians named
// by age, sex or trade are counted as civilians.
TEST_F(FictionalTheatre, CiviliansNamedByAgeOrTradeAreCounted) {
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "Синтетический текст\n\nМИД Руритании сообщил, что вчера в Гренцдорфе ранена "
                "пенсионерка.")),
            (std::vector<std::string>{"wounded 1 civilians:ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "A synthetic story\n\nA pensioner was wounded when Freedonian troops shelled "
                "Grenzdorf yesterday, the Foreign Ministry of Ruritania said.")),
            (std::vector<std::string>{"wounded 1 civilians:ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قوات قصفت أوبرلاند أمس، ما أدى إلى "
                "مقتل رجل.")),
            (std::vector<std::string>{"killed 1 civilians:ruritania"}));
  // Who fired, right before them, is not their side.
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "Синтетический текст\n\nМИД Руритании сообщил, что вчера в результате обстрела "
                "со стороны пограничников Фридонии ранен мирный житель Гренцдорфа.")),
            (std::vector<std::string>{"wounded 1 civilians:ruritania"}));
  // The agency that tells of them, right before them, is not their side.
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "نص اصطناعي\n\nقالت وكالة فريدونيا إن طفلا قتل أمس في قصف على أوبرلاند.")),
            (std::vector<std::string>{"killed 1 civilians:ruritania"}));
}

// "Ariha in Idlib": a place named right after another that lies beside it or
// around it says where that one is, though it is the better located of the two.
TEST_F(FictionalTheatre, APlaceRightAfterAnotherBesideItLocatesIt) {
  write_file(data_ / "gazetteer/places-lindau.tsv",
             "lindau\tsettlement\t10.12\t50.11\t2\tRU\t\truritania\tEurope/Moscow\tyes\t"
             "fictional\n");
  write_file(data_ / "gazetteer/names/en.lindau.tsv", "lindau\tLindau\n");
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Lindau in Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Lindau") << reading.dump(1);
  // Named apart, the better located place is the claim's.
  const json apart = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Lindau yesterday and fired on Grenzdorf.");
  EXPECT_EQ(of_the_one_claim(apart, "/place/name"), "Grenzdorf") << apart.dump(1);
}

// "A Ruritanian soldier was killed by Freedonian troops", «… على يد قوات
// فريدونيا»: with no word for the act, the actor an agent word puts right after
// the word of the casualty did it.
TEST_F(FictionalTheatre, WhoKilledWithNoWordForTheActIsThePerpetrator) {
  const json reading = read_published(
      "A synthetic story\n\nA Ruritanian soldier was killed by Freedonian troops near Grenzdorf "
      "yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/target/id"), "ruritania") << reading.dump(1);
  const json arabic = read_published(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن جنديا قتل أمس على يد فريدونيا في أوبرلاند.");
  EXPECT_EQ(of_the_one_claim(arabic, "/perpetrator/id"), "freedonia") << arabic.dump(1);
}

// "… documented the deaths of …", «وثقت … مقتل …»: a monitor's verb of seeing
// makes it the speaker.
TEST_F(FictionalTheatre, AMonitorThatDocumentedSpeaks) {
  const json english = read_published(
      "A synthetic story\n\nThe Grenzland Rights Watch documented the deaths of two civilians in "
      "Freedonian shelling of Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(english, "/claimant/id"), "grenzland-watch") << english.dump(1);
  const json arabic =
      read_published("نص اصطناعي\n\nوثقت وكالة فريدونيا مقتل مدنيين اثنين بقصف على أوبرلاند أمس.");
  EXPECT_EQ(of_the_one_claim(arabic, "/claimant/id"), "fd-wire") << arabic.dump(1);
}

// "in an Indian ceasefire violation": a nationality right beside the words of
// a violation names who violated the ceasefire.
TEST_F(FictionalTheatre, ANationalityBesideAViolationNamesTheViolator) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Freedonia said two soldiers were killed in a "
      "Ruritanian ceasefire violation near Ostdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania") << reading.dump(1);
}

// "Pakistani firing", "a Pakistani attack": a nationality right beside a
// general word of an attack names who attacked.
TEST_F(FictionalTheatre, ANationalityBesideAnAttackNamesTheAttacker) {
  const json reading = read_published(
      "A synthetic story\n\nA soldier was wounded in Ruritanian firing near Ostdorf yesterday, the "
      "Foreign Ministry of Freedonia said.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania") << reading.dump(1);
}

// "A soldier was killed and two were wounded": a count with a status of its own
// right after it is not the first status's.
TEST_F(FictionalTheatre, ACountWithAStatusOfItsOwnIsNotTheStatusBefore) {
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "A synthetic story\n\nA Ruritanian soldier was killed and two were wounded when "
                "Freedonian troops shelled Grenzdorf yesterday, the Foreign Ministry of Ruritania "
                "said.")),
            (std::vector<std::string>{"killed 1 ruritania", "wounded 2 ruritania"}));
}

// "one of its soldiers, Private Anton Example, was killed": a short phrase set
// off by commas between the persons and their status names the same persons,
// and the count that opens their phrase counts them.
TEST_F(FictionalTheatre, APhraseSetOffByCommasNamesTheSamePersons) {
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "A synthetic story\n\nThe Foreign Ministry of Ruritania said one of its soldiers, "
                "Private Anton Example, was killed when Freedonian troops shelled Grenzdorf "
                "yesterday.")),
            (std::vector<std::string>{"killed 1 ruritania"}));
  // A day set off by commas is no such phrase: the wound of one who died of
  // it is no new figure.
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن مدنيا قضى، أمس، متأثرا بجراح أصيب "
                "بها في قصف على أوبرلاند.")),
            (std::vector<std::string>{"killed 1 civilians:ruritania"}));
}

// «قضى متأثرا بجراح أصيب بها»: the wound he "sustained" is the one he died of.
TEST_F(FictionalTheatre, TheWoundOneDiedOfIsNoFigure) {
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن مدنيا قضى أمس متأثرا بجراح أصيب "
                "بها في قصف على أوبرلاند.")),
            (std::vector<std::string>{"killed 1 civilians:ruritania"}));
}

// "the death toll … rose to seven", «число погибших … выросло до семи»,
// «ارتفعت حصيلة القتلى … إلى سبعة»: the count a rise ends on is the status's,
// however far from it, and the "up to" of «до» is where it ended.
TEST_F(FictionalTheatre, TheCountATollRoseToIsTheToll) {
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "A synthetic story\n\nThe death toll from the Freedonian shelling of Grenzdorf "
                "yesterday rose to seven, the Foreign Ministry of Ruritania said.")),
            (std::vector<std::string>{"killed 7 ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "Синтетический текст\n\nМИД Руритании сообщил, что число погибших в результате "
                "обстрела Гренцдорфа вчера выросло до семи.")),
            (std::vector<std::string>{"killed 7 ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن حصيلة القتلى جراء القصف على "
                "أوبرلاند أمس ارتفعت إلى سبعة.")),
            (std::vector<std::string>{"killed 7 ruritania"}));
}

// «مقتل مدنيين اثنين وإصابة خمسة آخرين»: a count right after the persons it
// counts belongs to the status before them, not to the status right after it.
TEST_F(FictionalTheatre, ACountAfterItsPersonsIsTheStatusBeforeThem) {
  EXPECT_EQ(
      figures_of_the_one_claim(read_published(
          "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قصفا على أوبرلاند أمس أدى إلى مقتل "
          "مدنيين اثنين وإصابة خمسة آخرين.")),
      (std::vector<std::string>{"killed 2 civilians:ruritania", "wounded 5 civilians:ruritania"}));
}

// "Two soldiers were killed when Freedonian troops shelled …": fighters of no
// stated side struck by one party are of the party it fights — the state the
// text names besides it, else the state of the ground they were hit on.
TEST_F(FictionalTheatre, FightersStruckByOnePartyAreOfTheOther) {
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "A synthetic story\n\nTwo soldiers were killed when Freedonian troops shelled "
                "positions near Grenzdorf yesterday.")),
            (std::vector<std::string>{"killed 2 ruritania"}));
}

// «открыли огонь по Гренцдорфу из минометов»: fire of a mortar, a gun or a
// rocket launcher named in the clause of the act is shelling.
TEST_F(FictionalTheatre, FireOfAnIndirectWeaponIsShelling) {
  const json reading = read_published(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера военные открыли огонь по "
      "Гренцдорфу из минометов.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "shelling") << reading.dump(1);
  const json english = read_published(
      "A synthetic story\n\nFreedonian troops opened fire on Grenzdorf yesterday using heavy "
      "artillery, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(english, "/event_type"), "shelling") << english.dump(1);
  // After the act in its sentence, before another act: how the fire was made.
  const json fired = read_published(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера военные открыли огонь по "
      "Гренцдорфу, выпустив 12 мин калибра 120 мм.");
  EXPECT_EQ(of_the_one_claim(fired, "/event_type"), "shelling") << fired.dump(1);
  // Aircraft that carry out an attack, named before its word, make it an air strike.
  const json flown = read_published(
      "A synthetic story\n\nFreedonian warplanes pounded Grenzdorf yesterday, the Foreign "
      "Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(flown, "/event_type"), "air_strike") << flown.dump(1);
}

// "a statement by the ministry said", "according to a statement from …",
// «جاء في بيان لوزارة …», «ذكر بيان صادر عن …»: the actor after a word for a
// statement is whose it is, the speaker, not an agent of what was done.
TEST_F(FictionalTheatre, WhoseStatementItIsSpeaks) {
  for (const std::string text : {
           "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, a statement by the "
           "Foreign Ministry of Ruritania said.",
           "A synthetic story\n\nAccording to a statement from the Foreign Ministry of Ruritania, "
           "Freedonian troops shelled Grenzdorf yesterday.",
           "نص اصطناعي\n\nوجاء في بيان لوزارة خارجية روريتانيا أن فريدونيا قصفت أوبرلاند أمس.",
           "نص اصطناعي\n\nوذكر بيان صادر عن وزارة خارجية روريتانيا أن فريدونيا قصفت أوبرلاند أمس.",
       }) {
    const json reading = read_published(text);
    EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  }
}

// «لقي جنديان مصرعهما وأصيب ثالث»: "a third" is one more person, and others
// right beside another status word are that one's, not the first's.
TEST_F(FictionalTheatre, AThirdOneBesideItsOwnStatusIsOneMore) {
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن جنديين روريتانيين لقيا مصرعهما وأصيب "
                "ثالث في قصف على أوبرلاند أمس.")),
            (std::vector<std::string>{"killed 2 ruritania", "wounded 1 ruritania"}));
}

// "shelling in Rurburg", "talks in Rurburg": a capital that stands for its
// government, right after a word of place, is the place; «в Рурбурге заявили»
// and "Rurburg said" still name the government that speaks.
TEST_F(FictionalTheatre, ACapitalAfterAWordOfPlaceIsThePlace) {
  write_file(data_ / "gazetteer/places-rurburg.tsv",
             "rurburg\tsettlement\t10.3\t50.2\t1\tRU\t\truritania\tEurope/Moscow\tno\t"
             "fictional\n");
  write_file(data_ / "gazetteer/names/en.rurburg.tsv", "rurburg\tRurburg\n");
  write_file(data_ / "gazetteer/names/ru.rurburg.tsv", "rurburg\tРурбург*\n");
  write_file(data_ / "actors/names/en.rurburg.tsv", "ruritania\tRurburg\tmetonym\n");
  write_file(data_ / "actors/names/ru.rurburg.tsv", "ruritania\tРурбург*\tmetonym\n");
  const json shelled = read_published(
      "A synthetic story\n\nFreedonian troops shelled positions in Rurburg yesterday, the "
      "Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(shelled, "/place/name"), "Rurburg") << shelled.dump(1);
  const json said = read_published(
      "Синтетический текст\n\nВ Рурбурге вчера заявили, что войска обстреляли Гренцдорф.");
  EXPECT_EQ(of_the_one_claim(said, "/claimant/id"), "ruritania") << said.dump(1);
}

// "The SMM recorded 15 explosions near …": explosions a monitor records are
// violations of the ceasefire.
TEST_F(FictionalTheatre, ExplosionsRecordedAreViolations) {
  const json reading = read_published(
      "A synthetic story\n\nThe Border Monitoring Mission recorded 15 explosions near Grenzdorf "
      "yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "ceasefire_violation") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "border-monitors") << reading.dump(1);
}

// "Ruritanian positions were fired upon by Freedonian troops": the actor after
// the passive's "upon" and an agent word did it; it was not hit.
TEST_F(FictionalTheatre, TheAgentAfterAPassiveUponIsThePerpetrator) {
  const json reading = read_published(
      "A synthetic story\n\nRuritanian positions near Grenzdorf were fired upon by Freedonian "
      "troops yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
}

// "rebels" named for the forces of two divisions (attribute where, one row per
// body): the body of the division the place named nearest lies in; no one
// where no place of those divisions is named.
TEST_F(FictionalTheatre, AGenericNameNamesTheForcesOfTheGroundNamedNearest) {
  write_file(data_ / "gazetteer/places-ground.tsv",
             "unterland\tadmin1\t11.5\t50.5\t4\tRU\t\truritania\tEurope/Moscow\tno\tfictional\n"
             "tiefdorf\tsettlement\t11.6\t50.6\t1\tRU\tunterland\tunterland\tEurope/Moscow\tno\t"
             "fictional\n");
  write_file(data_ / "gazetteer/names/en.ground.tsv", "unterland\tUnterland\ntiefdorf\tTiefdorf\n");
  std::ofstream(data_ / "actors/actors.tsv", std::ios::app)
      << "ober-guard\tarmed_forces\tOberland Guard\truritania\t\t\t\tRU\tfictional\n"
         "unter-guard\tarmed_forces\tUnterland Guard\truritania\t\t\t\tRU\tfictional\n";
  write_file(data_ / "actors/names/en.ground.tsv",
             "ober-guard\tOberland Guard\nunter-guard\tUnterland Guard\n"
             "ober-guard\trebels\twhere=oberland\nunter-guard\trebels\twhere=unterland\n");
  const std::string said = ", the Foreign Ministry of Freedonia said.";
  const json ober =
      read_published("A synthetic story\n\nRebels shelled Unterdorf yesterday" + said);
  EXPECT_EQ(of_the_one_claim(ober, "/perpetrator/id"), "ober-guard") << ober.dump(1);
  const json unter =
      read_published("A synthetic story\n\nRebels shelled Tiefdorf yesterday" + said);
  EXPECT_EQ(of_the_one_claim(unter, "/perpetrator/id"), "unter-guard") << unter.dump(1);
  const json neither =
      read_published("A synthetic story\n\nRebels shelled Grenzdorf yesterday" + said);
  ASSERT_EQ(neither["claims"].size(), 1U) << neither.dump(1);
  EXPECT_FALSE(neither["claims"][0].contains("perpetrator")) << neither.dump(1);
}

// "…, the ministry said, adding that our troops responded": the answer the
// speaker adds after a comma is a claim of its own, with its own perpetrator.
TEST_F(FictionalTheatre, AnAnswerAddedAfterACommaIsAClaimOfItsOwn) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops fired on Grenzdorf yesterday, the Foreign Ministry "
      "of Ruritania said, adding that Ruritanian troops returned fire.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "fd-fictional-forces") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["perpetrator"]["id"], "ruritania") << reading.dump(1);
}

// "Freedonian troops stationed near the village of Ostdorf in the east fired
// …": the subject that opens the sentence did it, however many words of where
// they stood come before the verb.
TEST_F(FictionalTheatre, TheSubjectOpeningTheSentenceActsFromAfar) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops stationed near the village of Ostdorf in the east "
      "fired on Grenzdorf yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
}

// «نقلت الوكالة عن مصدر عسكري قوله إن …»: an agency relaying an unnamed source
// speaks itself; the actor after "that" is what the source said.
TEST_F(FictionalTheatre, AnActorAfterThatIsNotTheSourceCited) {
  const json reading = read_published(
      "نص اصطناعي\n\nونقلت وكالة فريدونيا عن مصدر عسكري قوله إن فريدونيا قصفت أوبرلاند أمس.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "fd-wire") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "freedonia") << reading.dump(1);
}

// «مقتل ثلاثة عناصر من قوات فريدونيا بهجوم لروريتانيا»: the owner of the dead,
// right before the word of the attack, did not attack them; the next actor of
// that word, of another party, did.
TEST_F(FictionalTheatre, AfterTheOwnerOfTheDeadTheNextActorOfTheActIsThePerpetrator) {
  write_file(data_ / "actors/names/ar.owner.tsv",
             "ruritania\tروريتانيا\nfd-fictional-forces\tقوات فريدونيا\n");
  const json reading = read_published(
      "نص اصطناعي\n\nوثقت وكالة فريدونيا مقتل ثلاثة عناصر من قوات فريدونيا بهجوم لروريتانيا على "
      "أوبرلاند أمس.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania") << reading.dump(1);
}

// "Freedonian troops killed two Ruritanian soldiers": the persons after the
// status word are its object and the ones counted; the troops before it did it.
// Captured so, they tell of a detention.
TEST_F(FictionalTheatre, TheObjectOfAStatusVerbIsCountedAndItsSubjectDidIt) {
  for (const std::string verb : {"killed", "had killed"}) {
    const json killed = read_published("A synthetic story\n\nFreedonian troops " + verb +
                                       " two Ruritanian soldiers near Grenzdorf yesterday, the "
                                       "Foreign Ministry of Ruritania said.");
    EXPECT_EQ(figures_of_the_one_claim(killed), (std::vector<std::string>{"killed 2 ruritania"}));
    EXPECT_EQ(of_the_one_claim(killed, "/perpetrator/id"), "fd-fictional-forces") << killed.dump(1);
  }
  const json captured = read_published(
      "A synthetic story\n\nFreedonian troops captured two Ruritanian soldiers near Grenzdorf "
      "yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(captured, "/event_type"), "detention") << captured.dump(1);
  EXPECT_EQ(figures_of_the_one_claim(captured), (std::vector<std::string>{"captured 2 ruritania"}));
  EXPECT_EQ(of_the_one_claim(captured, "/perpetrator/id"), "fd-fictional-forces")
      << captured.dump(1);
}

// "33 of its soldiers had been killed": the count that opens the persons'
// phrase counts them, however many words stand before the status word.
TEST_F(FictionalTheatre, TheCountOpeningThePersonsPhraseCountsThem) {
  EXPECT_EQ(
      figures_of_the_one_claim(read_published(
          "A synthetic story\n\nThe Foreign Ministry of Ruritania said 33 of its soldiers had "
          "been killed in Freedonian shelling of Grenzdorf yesterday.")),
      (std::vector<std::string>{"killed 33 ruritania"}));
}

// A story that opens with a toll and no day, and quotes no one for it, is the
// outlet's report of the day it publishes; a caption before the lead, or more
// of the outlet's own account after it, is no such lead.
TEST_F(FictionalTheatre, AnUndatedLeadWithATollIsTheOutletsReportOfItsDay) {
  const std::string lead =
      "Two Ruritanian soldiers were killed and five wounded in clashes with Freedonian troops "
      "near Grenzdorf.";
  const json told = read_published("A synthetic story\n\n" + lead +
                                   "\n\nThe talks on the border are to resume in June.");
  EXPECT_EQ(of_the_one_claim(told, "/claimant/id"), "ruritanian-daily") << told.dump(1);
  EXPECT_EQ(of_the_one_claim(told, "/time/start"), "2030-05-06") << told.dump(1);
  EXPECT_EQ(of_the_one_claim(told, "/time_basis/basis"), "announcement") << told.dump(1);
  EXPECT_EQ(figures_of_the_one_claim(told),
            (std::vector<std::string>{"killed 2 ruritania", "wounded 5 ruritania"}));
  const json after_a_caption = read_published(
      "A synthetic story\n\nTwo soldiers killed near Grenzdorf\n\n"
      "The talks on the border are to resume in June.");
  EXPECT_TRUE(after_a_caption["claims"].empty()) << after_a_caption.dump(1);
  const json summed_up = read_published(
      "A synthetic story\n\n" + lead +
      "\n\nFreedonian troops shelled Grenzdorf yesterday, killing two Ruritanian soldiers.");
  ASSERT_EQ(summed_up["claims"].size(), 1U) << summed_up.dump(1);
  EXPECT_EQ(summed_up["claims"][0]["time"]["start"], "2030-05-05") << summed_up.dump(1);
}

// "Three soldiers and two civilians were killed": every counted group listed
// before the status word is said of with it, each side its own figure, the
// groups of one side summed; a singular noun's article opens its phrase however
// long the name between.
TEST_F(FictionalTheatre, CountedGroupsListedBeforeAStatusWordShareIt) {
  const auto figures = [&](const std::string& persons) {
    return figures_of_the_one_claim(read_published(
        "A synthetic story\n\n" + persons +
        " were killed in Freedonian shelling of Grenzdorf yesterday, the Foreign Ministry of "
        "Ruritania said."));
  };
  EXPECT_EQ(figures("Three Ruritanian soldiers and two civilians"),
            (std::vector<std::string>{"killed 3 ruritania", "killed 2 civilians:ruritania"}));
  EXPECT_EQ(figures("Five children and four women"),
            (std::vector<std::string>{"killed 9 civilians:ruritania"}));
  EXPECT_EQ(figures("Three Ruritanian soldiers, a Ruritanian Border Guard officer and four "
                    "civilians"),
            (std::vector<std::string>{"killed 4 ruritania", "killed 4 civilians:ruritania"}));
}

// "Earlier the same day, …" opening a paragraph tells of the day told before,
// not of an earlier report; on a page with no date that day is as unknown as
// the one it counts from, and the act is still the outlet's claim.
TEST_F(FictionalTheatre, EarlierTheSameDayIsADayOfTheTextNotARecall) {
  const json reading = read_undated(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on Saturday evening, the "
      "Foreign Ministry of Ruritania said.\n\nEarlier the same day, Freedonian troops shelled "
      "Oberland, killing six civilians.");
  ASSERT_EQ(reading["undated_claims"].size(), 2U) << reading.dump(1);
  const json& earlier = reading["undated_claims"][1];
  EXPECT_EQ(earlier["claimant"]["id"], "ruritanian-daily") << earlier.dump(1);
  EXPECT_EQ(earlier["place"]["name"], "Oberland") << earlier.dump(1);
  EXPECT_EQ(earlier["casualties"][0]["min"], 6) << earlier.dump(1);
}

// A speaker going on about the same kind of act, dated by it, is at its place;
// not the other side's answer to it.
TEST_F(FictionalTheatre, TheSameSpeakerGoingOnAboutTheActIsAtItsPlace) {
  const auto second_place = [&](const std::string& going_on) {
    const json reading = read_published(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
        "Grenzdorf yesterday, wounding three civilians.\n\nFour shells hit a school.\n\n" +
        going_on);
    EXPECT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
    return reading["claims"].size() == 2 ? reading["claims"][1].value("place", json()) : json();
  };
  const json place = second_place(
      "The Foreign Ministry of Ruritania added that two civilians were wounded in the shelling.");
  ASSERT_TRUE(place.is_object()) << place.dump(1);
  EXPECT_EQ(place["name"], "Grenzdorf");
  EXPECT_TRUE(second_place("The Foreign Ministry of Ruritania added that Ruritanian troops "
                           "responded with artillery, wounding two Freedonian soldiers.")
                  .is_null());
}

// "fired from mortars at …": fire from a weapon is an act; a place after "from
// positions" is where the fire came from, not where it struck.
TEST_F(FictionalTheatre, FireFromAWeaponIsAnActAndFromPositionsIsItsOrigin) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops fired from mortars at Grenzdorf from positions in "
      "Oberland yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "shelling") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Grenzdorf") << reading.dump(1);
}

// "The ministry later said Freedonian troops had shelled …": an actor right
// after the verb that goes on to act is what was said, not who said it.
TEST_F(FictionalTheatre, AnActorThatActsRightAfterTheVerbIsNotTheSpeaker) {
  for (const std::string between : {"later", "denied the claim and"}) {
    const json reading =
        read_published("A synthetic story\n\nThe Foreign Ministry of Ruritania " + between +
                       " said Freedonian troops had shelled Grenzdorf yesterday.");
    EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
    EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces")
        << reading.dump(1);
  }
}

// "accused … of violating the truce": the gerund is the violation too.
TEST_F(FictionalTheatre, ViolatingTheTruceIsAViolation) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania accused Freedonia yesterday of "
      "violating the truce near Grenzdorf.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "ceasefire_violation") << reading.dump(1);
}

// "Meanwhile, …", «وفي سياق متصل»: the outlet's own act told beside the one
// before is of its day.
TEST_F(FictionalTheatre, AnActToldMeanwhileIsOfTheDayToldBefore) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, killing two "
      "civilians, the Foreign Ministry of Ruritania said.\n\nThe talks on the border are to "
      "resume in June.\n\nMeanwhile, Ruritanian troops shelled Oberland.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ruritanian-daily") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2030-05-05") << reading.dump(1);
}

// "GRENZDORF: …": a city in capitals before a colon opening the lead is where
// the story was filed, not where the act was.
TEST_F(FictionalTheatre, ACityInCapitalsBeforeAColonIsADateline) {
  const json reading = read_published(
      "A synthetic story\n\nGRENZDORF: Freedonian troops shelled Oberland yesterday, killing two "
      "civilians, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Oberland") << reading.dump(1);
}

// "According to the state news agency Freedonia Wire, …": the words that say
// what the speaker is stand between the verb and its name.
TEST_F(FictionalTheatre, AnAgencyDescribedBeforeItsNameSpeaks) {
  const json reading = read_published(
      "A synthetic story\n\nAccording to the state news agency Freedonia Wire, Ruritanian troops "
      "shelled Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "fd-wire") << reading.dump(1);
}

// "killed two soldiers and three civilians", «قتل جنديان وثلاثة مدنيين»: the
// counted groups listed after the persons a status word is said of after it
// share it, each side its own figure; a dual counts itself, and the count
// after it is the next group's.
TEST_F(FictionalTheatre, CountedGroupsListedAfterAStatusWordShareIt) {
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "A synthetic story\n\nFreedonian troops killed two Ruritanian soldiers and three "
                "civilians near Grenzdorf yesterday, the Foreign Ministry of Ruritania said.")),
            (std::vector<std::string>{"killed 2 ruritania", "killed 3 civilians:ruritania"}));
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إنه قتل جنديان وثلاثة مدنيين في قصف "
                "فريدونيا أمس.")),
            (std::vector<std::string>{"killed 2 ruritania", "killed 3 civilians:ruritania"}));
}

// «МИД Руритании зафиксировал за сутки …»: a body that records speaks, and
// "in the past day" of a bulletin is the day before.
TEST_F(FictionalTheatre, ABodyThatRecordsSpeaksOfThePastDay) {
  const json reading = read_published(
      "Синтетический текст\n\nМИД Руритании зафиксировал за сутки 12 обстрелов Гренцдорфа со "
      "стороны Фридонии.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/time/start"), "2030-05-05") << reading.dump(1);
}

// "The organisation said …": the monitor named before speaks again.
TEST_F(FictionalTheatre, TheOrganisationIsTheMonitorNamedBefore) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, Grenzland Rights "
      "Watch said.\n\nThe talks on the border are to resume in June.\n\nThe organisation said "
      "Freedonian troops also shelled Oberland on 2 May, killing two civilians.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "grenzland-watch") << reading.dump(1);
  // So does the ministry after a sentence of the outlet's own.
  const json ministry = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, the Foreign Ministry "
      "of Ruritania said.\n\nThe talks on the border are to resume in June.\n\nThe ministry said "
      "Freedonian troops also shelled Oberland on 2 May, killing two civilians.");
  ASSERT_EQ(ministry["claims"].size(), 2U) << ministry.dump(1);
  EXPECT_EQ(ministry["claims"][1]["claimant"]["id"], "ru-fictional-mfa") << ministry.dump(1);
}

// "… had used mortars near Grenzdorf": a sentence after the act's that names
// the weapons it was done with says where it was.
TEST_F(FictionalTheatre, TheWeaponsOfTheActTellWhereItWas) {
  const json reading = read_published(
      "A synthetic story\n\nOne Ruritanian soldier was killed in Freedonian shelling yesterday, "
      "the Foreign Ministry of Ruritania said. The ministry said Freedonian troops had used "
      "mortars "
      "near Grenzdorf.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Grenzdorf") << reading.dump(1);
}

// "Ruritanian officials said …": an adjective before an office names the
// speaker; "Officials said Freedonian troops shelled …" names none, and the
// troops are who acted.
TEST_F(FictionalTheatre, OfficialsOfANationSpeakForIt) {
  const json named = read_published(
      "A synthetic story\n\nRuritanian officials said Freedonian troops shelled Grenzdorf "
      "yesterday.");
  EXPECT_EQ(of_the_one_claim(named, "/claimant/id"), "ruritania") << named.dump(1);
  EXPECT_EQ(of_the_one_claim(named, "/perpetrator/id"), "fd-fictional-forces") << named.dump(1);
  const json unnamed = read_published(
      "A synthetic story\n\nOfficials said Freedonian troops shelled Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(unnamed, "/claimant/id"), "ruritanian-daily") << unnamed.dump(1);
  EXPECT_EQ(of_the_one_claim(unnamed, "/perpetrator/id"), "fd-fictional-forces") << unnamed.dump(1);
}

// "a military source told Freedonia Wire", «قال مصدر عسكري لوكالة فريدونيا»: the
// agency told is not the speaker.
TEST_F(FictionalTheatre, TheAgencyToldIsNotTheSpeaker) {
  const json told = read_published(
      "A synthetic story\n\nRuritanian troops shelled Grenzdorf yesterday, a military source "
      "told Freedonia Wire.");
  EXPECT_EQ(of_the_one_claim(told, "/claimant/id"), "ruritanian-daily") << told.dump(1);
  const json told_ar = read_published(
      "نص اصطناعي\n\nقال مصدر عسكري لوكالة فريدونيا إن قوات روريتانيا قصفت أوبرلاند أمس.");
  EXPECT_EQ(of_the_one_claim(told_ar, "/claimant/id"), "ruritanian-daily") << told_ar.dump(1);
  const json told_ru = read_published(
      "Синтетический текст\n\nВоенные Руритании вчера обстреляли Гренцдорф, сообщил Фридония "
      "Пресс источник в МИД Руритании.");
  EXPECT_EQ(of_the_one_claim(told_ru, "/claimant/id"), "ru-fictional-mfa") << told_ru.dump(1);
}

// "killed by a sniper": the sniper named is sniper fire.
TEST_F(FictionalTheatre, KilledByASniperIsSniperFire) {
  const json reading = read_published(
      "A synthetic story\n\nA Ruritanian soldier was killed by a sniper near Grenzdorf yesterday, "
      "the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "sniper_fire") << reading.dump(1);
  // A sniper of a side named: a sniper, whoever's, fired.
  const json named = read_published(
      "A synthetic story\n\nA Ruritanian soldier was killed by a Freedonian sniper near "
      "Grenzdorf yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(named, "/event_type"), "sniper_fire") << named.dump(1);
}

// «استهدفت طائرة مسيرة فريدونية موقعا …», "a Freedonian drone struck …": a
// nationality beside the weapon that carried out the act names who did it,
// not whose position was hit.
TEST_F(FictionalTheatre, ANationalityBesideTheWeaponNamesWhoActed) {
  write_file(data_ / "actors/names/ar.drone.tsv",
             "freedonia\tفريدونية\tadjective\nruritania\tقوات روريتانيا\n");
  write_file(data_ / "actors/names/en.drone.tsv", "freedonia\tFreedonian\tadjective\n");
  const json arabic = read_published(
      "نص اصطناعي\n\nاستهدفت طائرة مسيرة فريدونية موقعا لقوات روريتانيا في أوبرلاند أمس، ما أدى "
      "إلى "
      "مقتل عنصرين.");
  EXPECT_EQ(of_the_one_claim(arabic, "/event_type"), "air_strike") << arabic.dump(1);
  EXPECT_EQ(of_the_one_claim(arabic, "/perpetrator/id"), "freedonia") << arabic.dump(1);
  const json english = read_published(
      "A synthetic story\n\nA Freedonian drone struck a Ruritanian army position in Oberland "
      "yesterday, killing two soldiers.");
  EXPECT_EQ(of_the_one_claim(english, "/event_type"), "air_strike") << english.dump(1);
  EXPECT_EQ(of_the_one_claim(english, "/perpetrator/id"), "freedonia") << english.dump(1);
}

// "the Mission heard 12 explosions": a monitor that hears or observes speaks.
TEST_F(FictionalTheatre, AMonitorThatHearsSpeaks) {
  for (const std::string verb : {"heard", "observed"}) {
    const json reading = read_published("A synthetic story\n\nThe Border Monitoring Mission " +
                                        verb + " 12 explosions near Grenzdorf yesterday.");
    EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "border-monitors") << reading.dump(1);
  }
}

// "… has reached seven" after four and three: a toll said to rise to the sum of
// the tolls its claimant told before is their running total, not another act.
TEST_F(FictionalTheatre, ATollRisingToTheSumOfThoseBeforeIsTheirTotal) {
  const std::string story =
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on 4 May, killing four civilians, "
      "Grenzland Rights Watch said.\n\nFreedonian troops shelled Oberland on 4 May, killing three "
      "civilians, Grenzland Rights Watch said.\n\nThe number of civilians killed by Freedonian "
      "shelling on 4 May has risen to ";
  EXPECT_EQ(read_published(story + "seven, Grenzland Rights Watch said.")["claims"].size(), 2U);
  EXPECT_EQ(read_published(story + "nine, Grenzland Rights Watch said.")["claims"].size(), 3U);
}

// «ارتقاء 4 شهداء»: martyrs are the dead, and the count right before a status
// noun is its count.
TEST_F(FictionalTheatre, MartyrsCountedAreTheDead) {
  const json reading = read_published(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قصف فريدونيا على أوبرلاند أمس أسفر عن ارتقاء 4 "
      "شهداء.");
  EXPECT_EQ(figures_of_the_one_claim(reading), (std::vector<std::string>{"killed 4 ruritania"}));
}

// «один защитник получил ранение»: Kyiv's word for a soldier is a fighter's.
TEST_F(FictionalTheatre, ADefenderIsASoldier) {
  write_file(data_ / "actors/names/ru.states.tsv", "freedonia\tФридонии\nruritania\tРуритании\n");
  const json reading = read_published(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера при обстреле Гренцдорфа со стороны "
      "Фридонии один защитник Руритании получил ранение.");
  EXPECT_EQ(figures_of_the_one_claim(reading), (std::vector<std::string>{"wounded 1 ruritania"}));
}

// "Two soldiers and a woman were wounded", "killing a soldier and two
// civilians": a person an article counts as one is a group of the list like a
// counted one, and the count after it opens the next group.
TEST_F(FictionalTheatre, ASinglePersonIsAGroupOfTheList) {
  const std::string lead =
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday";
  const json before = read_published(lead + ". Two soldiers and a woman were wounded.");
  EXPECT_EQ(figures_of_the_one_claim(before),
            (std::vector<std::string>{"wounded 2 ruritania", "wounded 1 civilians:ruritania"}));
  const json singles = read_published(lead + ". A man and a woman were wounded.");
  EXPECT_EQ(figures_of_the_one_claim(singles),
            (std::vector<std::string>{"wounded 2 civilians:ruritania"}));
  const json after = read_published(lead + ", killing a soldier and two civilians.");
  EXPECT_EQ(figures_of_the_one_claim(after),
            (std::vector<std::string>{"killed 1 ruritania", "killed 2 civilians:ruritania"}));
  // A list a single person opens after the status word goes on with singles.
  const json singles_after = read_published(lead + ", killing a man, a woman and two children.");
  EXPECT_EQ(figures_of_the_one_claim(singles_after),
            (std::vector<std::string>{"killed 4 civilians:ruritania"}));
  write_file(data_ / "actors/names/ru.states.tsv", "freedonia\tФридонии\n");
  const json russian = read_published(
      "Синтетический текст\n\nМИД Руритании сообщил, что вчера при обстреле Гренцдорфа со стороны "
      "Фридонии погибли мужчина и женщина.");
  EXPECT_EQ(figures_of_the_one_claim(russian),
            (std::vector<std::string>{"killed 2 civilians:ruritania"}));
}

// "a soldier was killed and another was wounded": "another" is one more person.
TEST_F(FictionalTheatre, AnotherIsOneMorePerson) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said a soldier was killed and "
      "another was wounded when Freedonian troops shelled Grenzdorf yesterday.");
  EXPECT_EQ(figures_of_the_one_claim(reading),
            (std::vector<std::string>{"killed 1 ruritania", "wounded 1 ruritania"}));
}

// "fired 120-mm mortars at …": firing with the weapon named after it, words between.
TEST_F(FictionalTheatre, FiringWithTheWeaponAfterItIsItsAct) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops fired "
      "120-mm mortars at Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "shelling") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Grenzdorf") << reading.dump(1);
}

// "A woman was wounded and two houses were damaged": a number right before an
// asset counts the asset, not persons.
TEST_F(FictionalTheatre, ACountOfHousesIsNoCountOfPersons) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday. A woman was wounded and two houses were damaged.");
  EXPECT_EQ(figures_of_the_one_claim(reading),
            (std::vector<std::string>{"wounded 1 civilians:ruritania"}));
}

// "… the ministry said. / As a result of the shelling of Grenzdorf, a woman was
// wounded": the outlet's undated retelling of the act just quoted tells whom
// it hit, as it tells where.
TEST_F(FictionalTheatre, TheRetellingOfAQuotedActGivesItsFigures) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Ruritanian villages yesterday, the Foreign "
      "Ministry of Ruritania said.\n\nAs a result of the shelling of Grenzdorf, a woman was "
      "wounded.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Grenzdorf") << reading.dump(1);
  EXPECT_EQ(figures_of_the_one_claim(reading),
            (std::vector<std::string>{"wounded 1 civilians:ruritania"}));
}

// «По данным представительства, под огонь попал Кляйнхайм»: the office just
// named speaks again, and coming under fire is an attack.
TEST_F(FictionalTheatre, TheOfficeJustNamedTellsWhatCameUnderFire) {
  write_file(data_ / "actors/names/ru.office.tsv",
             "ru-monitor-office\tпредставительстве Руритании в Миссии\n"
             "fd-fictional-forces\tвойска Фридонии\n");
  const json reading = read_published(
      "Синтетический текст\n\nВчера войска Фридонии обстреляли Гренцдорф, сообщили в "
      "представительстве Руритании в Миссии.\n\nПо данным представительства, вчера под огонь "
      "попал и Кляйнхайм.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  const json& second = reading["claims"][1];
  EXPECT_EQ(second["claimant"]["id"], "ru-monitor-office") << reading.dump(1);
  EXPECT_EQ(second["event_type"], "attack") << reading.dump(1);
  EXPECT_EQ(second["place"]["name"], "Кляйнхайм") << reading.dump(1);
}

// "subjected the positions of … to fire": the object between the verb and the fire.
TEST_F(FictionalTheatre, SubjectingAnObjectToFireIsAnAttack) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops subjected the positions of the Ruritanian army near "
      "Grenzdorf to fire yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "attack") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
}

// "a soldier was injured as Freedonian troops fired …": troops after a word
// that opens another clause are no object of the wound, and did the firing.
TEST_F(FictionalTheatre, TroopsOfAnotherClauseAreNoObject) {
  const json reading = read_published(
      "A synthetic story\n\nA Ruritanian soldier was injured as Freedonian troops fired mortar "
      "shells at Grenzdorf yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
  EXPECT_EQ(figures_of_the_one_claim(reading), (std::vector<std::string>{"wounded 1 ruritania"}));
}

// «جنديان قتلا وأصيب خمسة آخرون»: a count of others beside the second status
// is of new persons, not one count shared by both statuses.
TEST_F(FictionalTheatre, ACountOfOthersIsNotSharedByTheStatusBefore) {
  const json reading = read_published(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن جنديين قتلا وأصيب خمسة آخرون في قصف "
      "فريدونيا على أوبرلاند أمس.");
  EXPECT_EQ(figures_of_the_one_claim(reading),
            (std::vector<std::string>{"killed 2 ruritania", "wounded 5 ruritania"}));
}

// "… on Monday … / Meanwhile, …" on a page with no date: the sequel is of the
// same day, which nothing can place; it is no undated retelling to set aside.
TEST_F(FictionalTheatre, ASequelOnAnUndatedPageIsOfTheDayToldBefore) {
  const json reading = read_enveloped(
      json{{"text",
            "A synthetic story\n\nFreedonian troops shelled Grenzdorf on Monday, killing two "
            "civilians, Ruritanian Daily reports.\n\nMeanwhile, three civilians were killed in "
            "shelling by Freedonian troops on Kleinheim."},
           {"publisher", "Ruritanian Daily"}});
  ASSERT_EQ(reading["undated_claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["undated_claims"][1]["place"]["name"], "Kleinheim") << reading.dump(1);
  EXPECT_EQ(reading["undated_claims"][1]["casualties"][0]["min"], 3) << reading.dump(1);
}

// "members of" an armed body are its fighters; a family's members are civilians.
TEST_F(FictionalTheatre, MembersAreOfWhatTheyAreMembersOf) {
  const json family = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops shelled "
      "Grenzdorf yesterday, killing three members of one family.");
  EXPECT_EQ(figures_of_the_one_claim(family),
            (std::vector<std::string>{"killed 3 civilians:ruritania"}));
  const json guard = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Ruritanian troops shelled "
      "Ostdorf yesterday, killing two members of the Freedonian People's Guard.");
  EXPECT_EQ(figures_of_the_one_claim(guard), (std::vector<std::string>{"killed 2 freedonia"}));
}

// "… this morning, the ministry said. / The ministry said yesterday that …":
// what was said the day before tells no act of this day; it is another claim,
// of the day it was said, and not at the place told since.
TEST_F(FictionalTheatre, WhatWasSaidTheDayBeforeIsNoPartOfTodaysAct) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf this morning, the Foreign "
      "Ministry of Ruritania said.\n\nThe Foreign Ministry of Ruritania said yesterday that a "
      "child was killed in Freedonian shelling.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_TRUE(reading["claims"][0].value("casualties", json::array()).empty()) << reading.dump(1);
  const json& earlier = reading["claims"][1];
  EXPECT_EQ(earlier["time"]["start"], "2030-05-05") << reading.dump(1);
  EXPECT_EQ(earlier["time_basis"]["basis"], "announcement") << reading.dump(1);
  EXPECT_FALSE(earlier.contains("place")) << reading.dump(1);
  EXPECT_EQ(earlier["casualties"][0]["min"], 1) << reading.dump(1);
}

// "sustained a shrapnel wound", "received gunshot wounds": a wound is a wounded one.
TEST_F(FictionalTheatre, AWoundSustainedIsAWoundedPerson) {
  for (const std::string wound : {"sustained a shrapnel wound", "received gunshot wounds"}) {
    const json reading = read_published(
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said a Ruritanian soldier " +
        wound + " when Freedonian troops shelled Grenzdorf yesterday.");
    EXPECT_EQ(figures_of_the_one_claim(reading), (std::vector<std::string>{"wounded 1 ruritania"}));
  }
}

// «قتل جنديان … وأصيب ثلاثة مدنيين»: the persons right after a status word's
// count are those it counts; «قوات فريدونيا قتلت جنديين»: an actor with the
// status word between it and the persons did it and is not their side.
TEST_F(FictionalTheatre, TheCountedPersonsAndTheSubjectOfTheVerb) {
  write_file(data_ / "actors/names/ar.adjectives.tsv", "ruritania\tروريتاني\tadjective\n");
  const json counted = read_published(
      "نص اصطناعي\n\nقتل جنديان روريتانيان وأصيب ثلاثة مدنيين في قصف فريدونيا على أوبرلاند أمس، "
      "وفق ما أعلنت وزارة خارجية روريتانيا.");
  EXPECT_EQ(figures_of_the_one_claim(counted),
            (std::vector<std::string>{"killed 2 ruritania", "wounded 3 civilians:ruritania"}));
  const json subject = read_published(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قوات فريدونيا قتلت جنديين وثلاثة مدنيين في "
      "أوبرلاند أمس.");
  EXPECT_EQ(figures_of_the_one_claim(subject),
            (std::vector<std::string>{"killed 2 ruritania", "killed 3 civilians:ruritania"}));
}

// «سجلت … خلال اليوم الماضي»: a body that records speaks, and «the past day» of
// its bulletin is the day before.
TEST_F(FictionalTheatre, ABodyThatRecordsThePastDaySpeaksOfTheDayBefore) {
  const json reading = read_published(
      "نص اصطناعي\n\nسجلت وزارة خارجية روريتانيا خلال اليوم الماضي مقتل جنديين بقصف فريدونيا على "
      "أوبرلاند.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/time/start"), "2030-05-05") << reading.dump(1);
}

// "… denied the report, calling it disinformation, and said …": a verb of
// saying joined to an earlier one shares the subject that opens the sentence.
TEST_F(FictionalTheatre, AJoinedVerbOfSayingSharesTheOpeningSubject) {
  const json english = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania denied the report, calling it "
      "disinformation, and said Freedonian troops had shelled Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(english, "/claimant/id"), "ru-fictional-mfa") << english.dump(1);
  write_file(data_ / "actors/names/ru.states.tsv", "freedonia\tФридонии\n");
  const json russian = read_published(
      "Синтетический текст\n\nМИД Руритании опроверг эти данные, назвав их дезинформацией, и "
      "заявил, что вчера войска Фридонии обстреляли Гренцдорф.");
  EXPECT_EQ(of_the_one_claim(russian, "/claimant/id"), "ru-fictional-mfa") << russian.dump(1);
}

// "Freedonian jets struck …": aircraft that struck carried out an air strike.
TEST_F(FictionalTheatre, JetsThatStruckCarriedOutAnAirStrike) {
  write_file(data_ / "actors/names/en.jets.tsv", "freedonia\tFreedonian\tadjective\n");
  const json reading = read_published(
      "A synthetic story\n\nFreedonian jets struck a market in Grenzdorf yesterday, killing two "
      "civilians, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "air_strike") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "freedonia") << reading.dump(1);
}

// "said in Kleinheim that …", "… in Kleinheim said …": where a named speaker
// spoke is not where the act happened.
TEST_F(FictionalTheatre, WhereANamedSpeakerSpokeIsNotWhereItHappened) {
  for (const std::string opening : {"The Foreign Ministry of Ruritania said in Kleinheim that",
                                    "The Foreign Ministry of Ruritania in Kleinheim said"}) {
    const json reading = read_published("A synthetic story\n\n" + opening +
                                        " Freedonian troops shelled Grenzdorf yesterday.");
    EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Grenzdorf") << reading.dump(1);
  }
}

// A border guard named in the outlet's lead, then "The Army blamed …": the
// army anaphor is not the border guard (actors of kind border_guard).
TEST_F(FictionalTheatre, TheArmyIsNotTheBorderGuardNamedLast) {
  {
    std::ofstream actors(data_ / "actors/actors.tsv", std::ios::app);
    actors << "ru-fictional-border-force\tborder_guard\tRuritanian Border Force\truritania\t\t\t\t"
              "RU\tfictional\n";
    std::ofstream names(data_ / "actors/names/en.tsv", std::ios::app);
    names << "ru-fictional-border-force\tBorder Force\n";
  }
  const json reading = read_published(
      "A synthetic story\n\nFive people including three soldiers, a Border Force officer and a "
      "civilian were killed when Freedonia violated the ceasefire at Grenzdorf.\n\nThe Army "
      "blamed Freedonia for the ceasefire violation and said three soldiers were killed in the "
      "unprovoked violation.");
  ASSERT_FALSE(reading["claims"].empty()) << reading.dump(1);
  for (const json& claim : reading["claims"]) {
    EXPECT_NE(claim["claimant"]["id"], "ru-fictional-border-force") << reading.dump(1);
  }
}

// "SSP Kleinheim Anna Beispiel said …": a police officer's title, the seat of
// the office, and a name the lexicon does not know before the verb; the
// officer speaks for the seat's state, of the place told of.
TEST_F(FictionalTheatre, APoliceOfficerWithSeatAndNameSpeaksForTheSeatsState) {
  for (const std::string officer : {"SSP Kleinheim Anna Beispiel", "SSP Kleinheim",
                                    "Senior Superintendent of Police Kleinheim Anna Beispiel"}) {
    const json reading =
        read_published("A synthetic story\n\n" + officer +
                       " said that four civilians were killed in Grenzdorf yesterday.");
    EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ruritania") << reading.dump(1);
    EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Grenzdorf") << reading.dump(1);
  }
}

// The outlet's toll of soldiers and civilians beside the police's civilians
// alone is the outlet's own report, not covered by the quoted one.
TEST_F(FictionalTheatre, TheOutletsFiguresOfASideTheQuotedOneDoesNotCountAreItsOwn) {
  const json reading = read_published(
      "A synthetic story\n\nEight people including four soldiers and four civilians were killed "
      "when Freedonia violated the ceasefire at Grenzdorf.\n\nKleinheim police said that "
      "shelling is still going on in Grenzdorf. \u201cFour civilians were killed in Grenzdorf and "
      "another four were injured.\u201d");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["name"], "Ruritanian Daily") << reading.dump(1);
  EXPECT_EQ(reading["claims"][1]["claimant"]["id"], "ruritania") << reading.dump(1);
}

// "… shelled Grenzdorf, police said": police after the act speak of the place
// told before them, which stays the act's (not their seat across the comma).
TEST_F(FictionalTheatre, PoliceAfterTheActSpeakOfThePlaceToldBeforeThem) {
  for (const std::string act : {"Freedonian troops shelled Grenzdorf yesterday",
                                "Two civilians were wounded when Freedonian troops shelled "
                                "Grenzdorf"}) {
    const json reading = read_published("A synthetic story\n\n" + act + ", police said.");
    EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ruritania") << reading.dump(1);
    EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Grenzdorf") << reading.dump(1);
  }
}

// "… said Freedonian troops killed two civilians": an actor right after the
// verb that goes on to kill is the subject of what was said, not its speaker.
TEST_F(FictionalTheatre, AnActorAfterTheVerbWhoKillsIsNotTheSpeaker) {
  const json reading = read_published(
      "A synthetic story\n\nRuritania's military said Freedonian troops killed two civilians in "
      "Grenzdorf yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ruritania") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
  EXPECT_EQ(figures_of_the_one_claim(reading),
            (std::vector<std::string>{"killed 2 civilians:ruritania"}));
}

// «دون وقوع إصابات»: «إصابات» are injuries; "no injuries" says none wounded
// and nothing of the dead.
TEST_F(FictionalTheatre, NoInjuriesSaysNoneWoundedAndNothingOfTheDead) {
  const json reading = read_published(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن قذائف أطلقتها فريدونيا سقطت على أوبرلاند أمس "
      "دون وقوع إصابات.");
  EXPECT_EQ(figures_of_the_one_claim(reading), (std::vector<std::string>{"wounded 0 ruritania"}));
  // "no one was killed" says nothing of the wounded.
  const json killed = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, the Foreign Ministry "
      "of Ruritania said, adding that no one was killed.");
  EXPECT_EQ(figures_of_the_one_claim(killed), (std::vector<std::string>{"killed 0 ruritania"}));
}

// "Ruritania and Freedonia accused each other …": a mutual accusation is no
// one party's statement, and neither side is named as the one who did it.
TEST_F(FictionalTheatre, AMutualAccusationIsNoOnePartysStatement) {
  const json reading = read_published(
      "A synthetic story\n\nRuritania and Freedonia accused each other of shelling Grenzdorf "
      "yesterday.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/name"), "Ruritanian Daily") << reading.dump(1);
  EXPECT_TRUE(of_the_one_claim(reading, "/perpetrator").is_null()) << reading.dump(1);
  // Verb first, the subjects between it and the reciprocal word.
  write_file(data_ / "actors/names/ar.states.tsv", "ruritania\tروريتانيا\n");
  const json arabic =
      read_published("نص اصطناعي\n\nاتهمت روريتانيا وفريدونيا بعضهما البعض بقصف أوبرلاند أمس.");
  EXPECT_EQ(of_the_one_claim(arabic, "/claimant/name"), "Ruritanian Daily") << arabic.dump(1);
  EXPECT_TRUE(of_the_one_claim(arabic, "/perpetrator").is_null()) << arabic.dump(1);
  // A mutual statement in itself, its subjects before its end.
  for (const std::string text :
       {"A synthetic story\n\nRuritania and Freedonia traded accusations of shelling Grenzdorf "
        "yesterday.",
        "نص اصطناعي\n\nتبادلت روريتانيا وفريدونيا الاتهامات بقصف أوبرلاند أمس."}) {
    const json traded = read_published(text);
    EXPECT_TRUE(of_the_one_claim(traded, "/perpetrator").is_null()) << traded.dump(1);
  }
}

// «По данным МИД Руритании, в Гренцдорфе …»: a place after the clause that
// names the speaker is where it happened, not where they spoke.
TEST_F(FictionalTheatre, APlaceAfterTheSpeakersClauseIsWhereItHappened) {
  const json reading = read_published(
      "Синтетический текст\n\nПо данным МИД Руритании, в Гренцдорфе в результате обстрела вчера "
      "погибли два мирных жителя.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Гренцдорфе") << reading.dump(1);
}

// «обстрела пограничников Фридонии по Гренцдорфу»: «по» after an act and who
// did it marks its target, not a topic.
TEST_F(FictionalTheatre, TheTargetOfAnActMayFollowWhoDidIt) {
  const json reading = read_published(
      "Синтетический текст\n\nПо данным МИД Руритании, в результате обстрела пограничников "
      "Фридонии по Гренцдорфу вчера погибли два мирных жителя.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Гренцдорфу") << reading.dump(1);
}

// «В ночь на вторник пограничники Фридонии обстреляли …»: the «на» of a date
// marks no target; the actor after it did it.
TEST_F(FictionalTheatre, TheTargetWordOfADateMarksNoTarget) {
  {
    std::ofstream names(data_ / "actors/names/ru.tsv", std::ios::app);
    names << "fd-border-guards\tпограничники Фридонии\n";
  }
  const json reading = read_published(
      "Синтетический текст\n\nВ ночь на вторник пограничники Фридонии обстреляли Гренцдорф, "
      "сообщили в МИД Руритании.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-border-guards") << reading.dump(1);
}

// "Freedonian troops shelled the village of Grenzdorf, but no casualties were
// reported": the no one hurt where a settlement was struck are civilians, of
// the state the settlement lies in; where military positions were struck, of
// no stated side.
TEST_F(FictionalTheatre, NoOneHurtWhereAVillageWasStruckAreCivilians) {
  const auto sides_of_none = [](const json& reading) {
    std::set<std::string> sides;
    for (const json& figure : reading["claims"].at(0)["casualties"]) {
      if (figure["min"] == 0) {
        sides.insert(figure["side"]["id"].get<std::string>());
      }
    }
    return sides;
  };
  for (const std::string text :
       {"A synthetic story\n\nFreedonian troops shelled the village of Grenzdorf yesterday, but "
        "no casualties were reported.",
        "Синтетический текст\n\nВчера войска Фридонии обстреляли село Гренцдорф. Пострадавших "
        "нет."}) {
    const json reading = read_published(text);
    ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    EXPECT_EQ(sides_of_none(reading), std::set<std::string>{"civilians:ruritania"})
        << reading.dump(1);
  }
  const json positions = read_published(
      "A synthetic story\n\nFreedonian troops shelled army positions near Grenzdorf yesterday, "
      "but no casualties were reported.");
  ASSERT_EQ(positions["claims"].size(), 1U) << positions.dump(1);
  EXPECT_EQ(sides_of_none(positions), std::set<std::string>{"unknown"}) << positions.dump(1);
  // The hurt whom no word names are civilians too, unless fighters are counted.
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "A synthetic story\n\nFreedonian troops shelled the village of Grenzdorf "
                "yesterday, leaving four wounded.")),
            std::vector<std::string>{"wounded 4 civilians:ruritania"});
  for (const std::string& figure : figures_of_the_one_claim(read_published(
           "A synthetic story\n\nFreedonian troops shelled the village of Grenzdorf yesterday: "
           "a soldier was killed and two were wounded."))) {
    EXPECT_EQ(figure.find("civilians"), std::string::npos) << figure;
  }
}

// "It was reported that the shelling of the town left four wounded"
// after a quoted account: figures only "reported" are the outlet's own report,
// kept though nothing dates them, and people hurt where a town was struck are
// its civilians. Nothing dates them: of the day the page is published, if any.
TEST_F(FictionalTheatre, FiguresOnlyReportedAreTheOutletsOwnReport) {
  for (const std::string text :
       {"A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops attacked "
        "Grenzdorf. It was reported that the shelling of the town left four wounded.",
        "Синтетический текст\n\nВ МИД Руритании заявили, что войска Фридонии атаковали "
        "Гренцдорф. Сообщалось о четырех пострадавших при обстреле города."}) {
    const json reading = read_undated(text);
    const json& claims = reading["undated_claims"];
    ASSERT_EQ(claims.size(), 2U) << reading.dump(1);
    EXPECT_EQ(claims[0]["claimant"]["id"], "ru-fictional-mfa") << reading.dump(1);
    EXPECT_EQ(claims[1]["claimant"]["name"], "Ruritanian Daily") << reading.dump(1);
    ASSERT_EQ(claims[1]["casualties"].size(), 1U) << reading.dump(1);
    EXPECT_EQ(claims[1]["casualties"][0]["side"]["id"], "civilians:ruritania") << reading.dump(1);
    EXPECT_EQ(claims[1]["casualties"][0]["min"], 4) << reading.dump(1);
    // On a dated page, of the day it is published.
    const json dated = read_published(text);
    ASSERT_EQ(dated["claims"].size(), 2U) << dated.dump(1);
    EXPECT_EQ(dated["claims"][1]["time_basis"]["basis"], "announcement") << dated.dump(1);
  }
}

// "killing two children and a woman", "a woman and her two children",
// «امرأة وطفليها»: persons listed together are counted together, a single
// person after a counted group of its kind too and a possessive word before a
// group no break; a single person of another kind is told apart.
TEST_F(FictionalTheatre, PersonsListedTogetherAreCountedTogether) {
  const auto killed = [&](const std::string& text) {
    return figures_of_the_one_claim(read_published(text));
  };
  for (const std::string text :
       {"A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, killing two children "
        "and a woman.",
        "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, killing a woman and "
        "her two children.",
        "Синтетический текст\n\nВчера войска Фридонии обстреляли Гренцдорф, погибли женщина и её "
        "двое детей.",
        "نص اصطناعي\n\nقصفت قوات فريدونيا أوبرلاند أمس، ما أدى إلى مقتل امرأة وطفليها."}) {
    const std::vector<std::string> figures = killed(text);
    ASSERT_EQ(figures.size(), 1U) << text;
    EXPECT_EQ(figures[0].rfind("killed 3 civilians", 0), 0U) << figures[0];
  }
  const std::vector<std::string> apart = killed(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, killing two soldiers "
      "and a civilian.");
  EXPECT_TRUE(std::none_of(apart.begin(), apart.end(), [](const std::string& figure) {
    return figure.rfind("killed 3", 0) == 0;
  })) << apart.size();
}

// "Hans Muster, a spokesman for the Foreign Ministry of Ruritania, said
// Freedonian troops shelled …": a name the lexicon does not know beside the
// office, before or after it, does not hide whose spokesman speaks; the
// troops right after the verb are what was said.
TEST_F(FictionalTheatre, ASpokesmanNamedBesideTheOfficeSpeaksForTheBody) {
  for (const std::string text :
       {"A synthetic story\n\nA spokesman for the Foreign Ministry of Ruritania, Hans Muster, said "
        "on Tuesday that Freedonian troops shelled Grenzdorf.",
        "A synthetic story\n\nHans Muster, a spokesman for the Foreign Ministry of Ruritania, said "
        "Freedonian troops shelled Grenzdorf yesterday.",
        "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, said Hans Muster, a "
        "spokesman for the Foreign Ministry of Ruritania.",
        "Синтетический текст\n\nГанс Мустер, представитель МИД Руритании, заявил, что вчера "
        "войска Фридонии обстреляли Гренцдорф.",
        "نص اصطناعي\n\nقال هانس موستر، المتحدث باسم وزارة خارجية روريتانيا، إن قوات فريدونيا قصفت "
        "أوبرلاند أمس."}) {
    const json reading = read_published(text);
    EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  }
}

// "on Apr. 30", "Sept. 13": an abbreviated month with its full stop, as AP
// and VOA write it, dates the day after it.
TEST_F(FictionalTheatre, AnAbbreviatedMonthWithItsStopDatesTheDay) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on Apr. 30, the Foreign Ministry "
      "of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/time/start"), "2030-04-30") << reading.dump(1);
}

// "Freedonian troops violated the ceasefire … / Areas of Grenzdorf came under
// fire": a passive act with no one named as its agent was done by who the
// account said violated the ceasefire, even a sentence before.
TEST_F(FictionalTheatre, AnActWithNoAgentIsOfWhoViolatedTheCeasefireBefore) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said Freedonian troops violated the "
      "ceasefire 12 times yesterday. Areas of Grenzdorf came under fire.");
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "fd-fictional-forces") << reading.dump(1);
  {
    std::ofstream names(data_ / "actors/names/ru.tsv", std::ios::app);
    names << "fd-border-guards\tпограничники Фридонии\n";
  }
  const json russian = read_published(
      "Синтетический текст\n\nВ МИД Руритании сообщили, что вчера пограничники Фридонии 12 раз "
      "нарушили режим прекращения огня. Под обстрел попали районы Гренцдорфа.");
  EXPECT_EQ(of_the_one_claim(russian, "/perpetrator/id"), "fd-border-guards") << russian.dump(1);
}

// «قصف جوي», "aerial bombardment": bombardment from the air is an air strike,
// not shelling.
TEST_F(FictionalTheatre, AerialBombardmentIsAnAirStrike) {
  for (const std::string text :
       {"نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن مدنيين قتلا في قصف جوي على أوبرلاند أمس.",
        "A synthetic story\n\nThe Foreign Ministry of Ruritania said two civilians were killed in "
        "aerial bombardment of Grenzdorf yesterday."}) {
    const json reading = read_published(text);
    EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "air_strike") << reading.dump(1);
  }
}

// "Two soldiers as well as a civilian were killed", «двое детей, а также
// женщина»: a link of several words (`list_link`) joins persons listed
// together like "and".
TEST_F(FictionalTheatre, ALinkOfSeveralWordsJoinsAList) {
  const std::vector<std::string> soldiers = figures_of_the_one_claim(read_published(
      "A synthetic story\n\nTwo soldiers as well as a civilian were killed when Freedonian troops "
      "shelled Grenzdorf yesterday."));
  ASSERT_EQ(soldiers.size(), 2U);
  EXPECT_EQ(soldiers[0].rfind("killed 2 ", 0), 0U) << soldiers[0];
  EXPECT_EQ(soldiers[1], "killed 1 civilians:ruritania");
  const std::vector<std::string> russian = figures_of_the_one_claim(read_published(
      "Синтетический текст\n\nВчера в результате обстрела Гренцдорфа погибли двое детей, а также "
      "женщина."));
  EXPECT_EQ(russian, std::vector<std::string>{"killed 3 civilians:ruritania"});
}

// «Потерь среди личного состава нет», «Пострадавших среди мирного населения
// нет»: a "no casualties" phrase with words between its parts (lexicon
// attribute gap) is still read, of the side those words name.
TEST_F(FictionalTheatre, NoCasualtiesWithWordsBetweenItsParts) {
  EXPECT_EQ(
      figures_of_the_one_claim(read_published(
          "Синтетический текст\n\nВ МИД Руритании сообщили, что вчера войска Фридонии "
          "обстреляли Гренцдорф. Пострадавших среди мирного населения нет.")),
      (std::vector<std::string>{"killed 0 civilians:ruritania", "wounded 0 civilians:ruritania"}));
  {
    std::ofstream names(data_ / "actors/names/ru.tsv", std::ios::app);
    names << "fd-fictional-forces\tвойска Фридонии\n";
  }
  EXPECT_EQ(figures_of_the_one_claim(read_published(
                "Синтетический текст\n\nВ МИД Руритании сообщили, что вчера войска Фридонии "
                "обстреляли позиции под Гренцдорфом. Потерь среди личного состава нет.")),
            (std::vector<std::string>{"killed 0 ruritania", "wounded 0 ruritania"}));
}

// "Units stationed in the direction of X subjected to fire the positions
// stationed in the direction of Y": where the units that fired stand, told
// before the act, is where fire came from; the claim is placed where those
// it hit stand, known to the gazetteer or not.
TEST_F(FictionalTheatre, WhereTheUnitsThatFiredStandIsWhereFireCameFrom) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops stationed in the direction of Ostdorf subjected to "
      "fire the positions stationed in the direction of Grenzdorf yesterday, the Foreign Ministry "
      "of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Grenzdorf") << reading.dump(1);
  const json unknown = read_published(
      "Синтетический текст\n\nВ МИД Руритании сообщили, что вчера подразделения, "
      "дислоцированные в направлении села Альтдорф, подвергли обстрелу позиции, расположенные в "
      "направлении села Нойдорф.");
  EXPECT_EQ(of_the_one_claim(unknown, "/place/name"), "села Нойдорф") << unknown.dump(1);
}

// "… said on Tuesday that Freedonian troops had shelled Grenzdorf. In April
// 2016, fighting killed about 200 people": a sentence of the past after an act
// the claim gives no day for is another event, set aside as history, and so
// is one before an act on a day of its own; the act is still claimed.
TEST_F(FictionalTheatre, ThePastToldBesideAnActIsAnotherEvent) {
  for (const std::string text :
       {"A synthetic story\n\nThe Foreign Ministry of Ruritania said on Tuesday that Freedonian "
        "troops had shelled Grenzdorf. In April 2016, four days of fighting killed about 200 "
        "people.",
        "Синтетический текст\n\nВ МИД Руритании во вторник заявили, что войска Фридонии "
        "обстреляли Гренцдорф. В апреле 2016 года в ходе боев погибли около 200 человек.",
        // With no event word in the sentence of the past.
        "Синтетический текст\n\nВ МИД Руритании заявили, что войска Фридонии обстреляли "
        "Гренцдорф. Руритания и Фридония воевали осенью 2020 года, тогда погибли более 6500 "
        "человек.",
        // The past told first, and an act on a day of its own after it.
        "A synthetic story\n\nRuritania and Freedonia fought a war in 2020 that killed 6,500 "
        "people. On Tuesday, Freedonian troops shelled Grenzdorf, the Foreign Ministry of "
        "Ruritania said."}) {
    const json reading = read_published(text);
    EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "shelling") << reading.dump(1);
    ASSERT_EQ(reading["set_aside"].size(), 1U) << reading.dump(1);
    EXPECT_EQ(reading["set_aside"][0]["reason"], "historical") << reading.dump(1);
  }
}

// «передал Руритании пятерых пленных»: whom to and how many may stand between
// the verb and the prisoners (lexicon gap), and the handover is an exchange
// with no one captured in it.
TEST_F(FictionalTheatre, PrisonersHandedOverToSomeoneAreAnExchange) {
  const json reading = read_published(
      "Синтетический текст\n\nВ МИД Руритании сообщили, что вчера Фридония передала Руритании "
      "пятерых пленных военнослужащих.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "exchange") << reading.dump(1);
  EXPECT_TRUE(figures_of_the_one_claim(reading).empty()) << reading.dump(1);
}

// «сообщили о пленении двух военнослужащих Фридонии»: persons of the side the
// speaking party fights, captured by no one named, the speaking party
// captured; a mission's report of the same names no one.
TEST_F(FictionalTheatre, CapturedOfTheOtherSideWereCapturedByTheSpeakingParty) {
  {
    std::ofstream names(data_ / "actors/names/ru.tsv", std::ios::app);
    names << "freedonia\tФридонии\nborder-monitors\tМиссия наблюдателей\n";
  }
  const json reading = read_published(
      "Синтетический текст\n\nВ МИД Руритании вчера сообщили о пленении двух военнослужащих "
      "Фридонии у Гренцдорфа.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "detention") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "ruritania") << reading.dump(1);
  const json monitors = read_published(
      "Синтетический текст\n\nМиссия наблюдателей вчера сообщила о пленении двух "
      "военнослужащих Фридонии у Гренцдорфа.");
  EXPECT_TRUE(of_the_one_claim(monitors, "/perpetrator").is_null()) << monitors.dump(1);
}

// «подвергли обстрелу из стрелкового оружия», "shelled the post with small
// arms": a word of shelling whose only weapons in its clause are small arms
// tells small-arms fire, an attack; with a mortar beside them, shelling.
TEST_F(FictionalTheatre, ShellingWithSmallArmsOnlyIsAnAttack) {
  for (const std::string text :
       {"Синтетический текст\n\nВ МИД Руритании заявили, что вчера войска Фридонии подвергли "
        "обстрелу из стрелкового оружия позиции у Гренцдорфа.",
        "A synthetic story\n\nFreedonian troops shelled the posts near Grenzdorf with small "
        "arms yesterday, the Foreign Ministry of Ruritania said."}) {
    const json reading = read_published(text);
    EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "attack") << reading.dump(1);
  }
  const json mixed = read_published(
      "A synthetic story\n\nFreedonian troops shelled the posts near Grenzdorf with small arms "
      "and mortars yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(mixed, "/event_type"), "shelling") << mixed.dump(1);
}

// "shelled Unterdorf, Mitteldorf and Hochdorf": three places listed one after
// the other tell an event over the smallest area that holds them, named by the
// list as written, at the area's precision and point; a place "near" another
// is no list, and a list that only a country holds leaves its places alone.
TEST_F(FictionalTheatre, ThreePlacesListedAreTheAreaThatHoldsThem) {
  std::ofstream(data_ / "gazetteer/places.tsv", std::ios::app)
      << "mitteldorf\tsettlement\t10.7\t50.7\t1\tRU\toberland\toberland\tEurope/Moscow\tno\t"
         "fictional\n";
  std::ofstream(data_ / "gazetteer/names/en.tsv", std::ios::app) << "mitteldorf\tMitteldorf\n";
  std::ofstream(data_ / "gazetteer/names/ru.tsv", std::ios::app)
      << "unterdorf\tУнтердорф*\nmitteldorf\tМиттельдорф*\nhochdorf\tХохдорф*\n";
  for (const std::string text :
       {"A synthetic story\n\nFreedonian troops shelled Unterdorf, Mitteldorf and Hochdorf "
        "yesterday, the Foreign Ministry of Ruritania said.",
        "Синтетический текст\n\nВ МИД Руритании заявили, что вчера войска Фридонии обстреляли "
        "Унтердорф, Миттельдорф и Хохдорф."}) {
    const json reading = read_published(text);
    const json place = of_the_one_claim(reading, "/place");
    EXPECT_EQ(place["precision"], 4) << reading.dump(1);
    EXPECT_EQ(place["geometry"]["coordinates"], json::array({10.5, 50.5})) << reading.dump(1);
    EXPECT_NE(place["name"].get<std::string>().find(", "), std::string::npos) << reading.dump(1);
  }
  const json near = read_published(
      "A synthetic story\n\nFreedonian troops shelled Unterdorf near Hochdorf yesterday, the "
      "Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(near, "/place/name"), "Unterdorf") << near.dump(1);
  const json country_wide = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf, Kleinheim and Nebendorf "
      "yesterday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(country_wide, "/place/precision"), 1) << country_wide.dump(1);
}

// "a 50-year-old man and a 79-year-old woman", «мужчина 1966 года рождения и
// женщина 1937 года рождения», «رجل (50 عاماً) وامرأة (79 عاماً)»: a number with
// an age word is no count, and the age of a listed person does not break the
// list: two wounded.
TEST_F(FictionalTheatre, TheAgesOfListedPersonsAreNoCountsNorBreaks) {
  for (const std::string text :
       {"A synthetic story\n\nA 50-year-old man and a 79-year-old woman were wounded when "
        "Freedonian troops shelled Grenzdorf yesterday, the Foreign Ministry of Ruritania said.",
        "A synthetic story\n\nA man born in 1966 and a woman aged 79 were wounded when Freedonian "
        "troops shelled Grenzdorf yesterday, the Foreign Ministry of Ruritania said.",
        "Синтетический текст\n\nВ МИД Руритании заявили, что вчера при обстреле Гренцдорфа "
        "войсками Фридонии ранены мужчина 1966 года рождения и женщина 79 лет.",
        "Синтетический текст\n\nВ МИД Руритании заявили, что вчера при обстреле Гренцдорфа "
        "войсками Фридонии ранены 50-летний мужчина и 79-летняя женщина.",
        "نص اصطناعي\n\nأعلنت وزارة خارجية روريتانيا أمس إصابة رجل (50 عاماً) وامرأة (79 عاماً) "
        "بجروح جراء قصف القوات الفريدونية على أوبرلاند."}) {
    const json reading = read_published(text);
    EXPECT_EQ(counts_of_the_one_claim(reading), (std::vector<std::string>{"wounded 2"}))
        << reading.dump(1);
  }
}

// "killing 5 and wounding 12", «погибли 5, ранены 12», «مقتل 5 وجرح 12»: a
// count right after its status word that ends the phrase counts persons it
// does not name; "killing 5 sheep" counts none.
TEST_F(FictionalTheatre, ACountRightAfterItsStatusWordCountsPersons) {
  for (const std::string text :
       {"A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, killing 5 and "
        "wounding 12, the Foreign Ministry of Ruritania said.",
        "Синтетический текст\n\nВ МИД Руритании заявили, что вчера войска Фридонии обстреляли "
        "Гренцдорф: погибли 5, ранены 12.",
        "نص اصطناعي\n\nأعلنت وزارة خارجية روريتانيا أن القوات الفريدونية قصفت أوبرلاند أمس، ما "
        "أدى إلى مقتل 5 وجرح 12."}) {
    const json reading = read_published(text);
    EXPECT_EQ(counts_of_the_one_claim(reading),
              (std::vector<std::string>{"killed 5", "wounded 12"}))
        << reading.dump(1);
  }
  const json sheep = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, killing 5 sheep, the "
      "Foreign Ministry of Ruritania said.");
  EXPECT_TRUE(figures_of_the_one_claim(sheep).empty()) << sheep.dump(1);
}

// «قتل طفلان وامرأة وأصيب خمسة مدنيين»: a status word right before its own
// count or persons is theirs, not the single person's before it, who stays in
// the list of the status before: three killed, five wounded.
TEST_F(FictionalTheatre, AStatusBeforeItsOwnSubjectDoesNotEndTheListBeforeIt) {
  const json reading = read_published(
      "نص اصطناعي\n\nأعلنت وزارة خارجية روريتانيا أمس أنه قتل طفلان وامرأة وأصيب خمسة مدنيين "
      "آخرين جراء قصف القوات الفريدونية على أوبرلاند.");
  EXPECT_EQ(counts_of_the_one_claim(reading), (std::vector<std::string>{"killed 3", "wounded 5"}))
      << reading.dump(1);
}

// "Three civilians, two of them children, were wounded", «Три мирных жителя, в
// том числе двое детей, получили ранения»: the part set off by commas counts
// some of the whole, which the status is said of: three wounded.
TEST_F(FictionalTheatre, APartSetOffByCommasLeavesTheWholeCounted) {
  for (const std::string text :
       {"A synthetic story\n\nThree civilians, two of them children, were wounded when "
        "Freedonian troops shelled Grenzdorf yesterday, the Foreign Ministry of Ruritania said.",
        "Синтетический текст\n\nВ МИД Руритании заявили, что вчера трое мирных жителей, двое из "
        "них дети, получили ранения при обстреле Гренцдорфа войсками Фридонии.",
        "Синтетический текст\n\nВ МИД Руритании заявили, что вчера три мирных жителя, в том "
        "числе двое детей, получили ранения при обстреле Гренцдорфа войсками Фридонии."}) {
    const json reading = read_published(text);
    EXPECT_EQ(counts_of_the_one_claim(reading), (std::vector<std::string>{"wounded 3"}))
        << reading.dump(1);
  }
}

// "A civilian was killed and his wife and two children were wounded", «Погиб
// мирный житель, его жена и двое детей получили ранения», «قتل مدني وأصيبت
// زوجته وطفلاه»: members of a family are persons (lexicon), and the person a
// status word of its own opens is not listed with the hurt after it: one
// killed, three wounded.
TEST_F(FictionalTheatre, FamilyMembersAreCountedWithTheirOwnStatus) {
  for (const std::string text :
       {"A synthetic story\n\nA civilian was killed and his wife and two children were wounded "
        "when Freedonian troops shelled Grenzdorf yesterday, the Foreign Ministry of Ruritania "
        "said.",
        "Синтетический текст\n\nВ МИД Руритании заявили, что вчера при обстреле Гренцдорфа "
        "войсками Фридонии погиб мирный житель, его жена и двое детей получили ранения.",
        "نص اصطناعي\n\nأعلنت وزارة خارجية روريتانيا أمس أنه قتل مدني وأصيبت زوجته وطفلاه جراء "
        "قصف القوات الفريدونية على أوبرلاند."}) {
    const json reading = read_published(text);
    EXPECT_EQ(counts_of_the_one_claim(reading), (std::vector<std::string>{"killed 1", "wounded 3"}))
        << reading.dump(1);
  }
}

// «МИД Руритании в заявлении обвинил войска Фридонии в обстреле»: the one
// accused after the verb is never the speaker, though a statement stands
// between the speaker and the verb.
TEST_F(FictionalTheatre, TheAccusedAfterTheVerbIsNeverTheSpeaker) {
  std::ofstream(data_ / "actors/names/ru.tsv", std::ios::app)
      << "fd-fictional-forces\tвойска Фридонии\n";
  const json reading = read_published(
      "Синтетический текст\n\nМИД Руритании в заявлении обвинил войска Фридонии во вчерашнем "
      "обстреле Гренцдорфа.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
}

// «إن القوات الفريدونية شنت غارات على أوبرلاند»: the verb that launches the
// strikes is part of the act (lexicon), so the forces before it carried them
// out.
TEST_F(FictionalTheatre, TheForcesThatLaunchedTheStrikesCarriedThemOut) {
  std::ofstream(data_ / "actors/names/ar.tsv", std::ios::app)
      << "freedonia\tالفريدونية\tadjective\n";
  const json reading = read_published(
      "نص اصطناعي\n\nقالت وزارة خارجية روريتانيا إن القوات الفريدونية شنت غارات على أوبرلاند "
      "أمس.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "air_strike") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/perpetrator/id"), "freedonia") << reading.dump(1);
}

// «обстреляли поселок Пески», not «обстреляли пески у Гренцдорфа»: a place's
// name that is also an ordinary word (gazetteer attribute after_place_word)
// names the place only right after a word of place.
TEST_F(FictionalTheatre, ANameThatIsAnOrdinaryWordNeedsAWordOfPlace) {
  std::ofstream(data_ / "gazetteer/places.tsv", std::ios::app)
      << "sandfeld\tsettlement\t10.3\t50.3\t1\tRU\t\truritania\tEurope/Moscow\tno\t"
         "fictional\n";
  std::ofstream(data_ / "gazetteer/names/ru.tsv", std::ios::app)
      << "sandfeld\tПески\tafter_place_word\nsandfeld\tПесок\tafter_place_word\n";
  const json village = read_published(
      "Синтетический текст\n\nВ МИД Руритании заявили, что вчера войска Фридонии обстреляли "
      "позиции в районе Песок.");
  EXPECT_EQ(of_the_one_claim(village, "/place/geometry/coordinates"), json::array({10.3, 50.3}))
      << village.dump(1);
  const json sand = read_published(
      "Синтетический текст\n\nВ МИД Руритании заявили, что вчера войска Фридонии обстреляли "
      "пески у Гренцдорфа.");
  EXPECT_EQ(of_the_one_claim(sand, "/place/geometry/coordinates"), json::array({10.1, 50.1}))
      << sand.dump(1);
}

// "The Ruritanian side suffered no losses": a party named beside the words of
// no losses is whose they are, not one of no stated side; not the one that
// acted (Ostdorf's civilians then, the place struck), nor one that speaks.
TEST_F(FictionalTheatre, NoLossesOfThePartyNamedBesideThem) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday, the Border "
      "Monitoring Mission said. The Ruritanian side suffered no losses, it said.");
  EXPECT_EQ(figures_of_the_one_claim(reading),
            (std::vector<std::string>{"killed 0 ruritania", "wounded 0 ruritania"}))
      << reading.dump(1);
  const json acted = read_published(
      "A synthetic story\n\nRuritanian shelling of Ostdorf yesterday caused no casualties, the "
      "Border Monitoring Mission said.");
  EXPECT_EQ(
      figures_of_the_one_claim(acted),
      (std::vector<std::string>{"killed 0 civilians:freedonia", "wounded 0 civilians:freedonia"}))
      << acted.dump(1);
}

// An outlet whose name has no Latin letter («صحيفة الأيام», as an envelope
// gives it) tells its own account under an id of its own, not an empty one
// that the reader refused as an internal error.
TEST_F(FictionalTheatre, AnOutletNamedInAnotherScriptHasAnIdOfItsOwn) {
  const json reading = read_published(
      "A synthetic story\n\nOn Tuesday, Freedonian troops shelled Grenzdorf.", "صحيفة الأيام");
  const std::string id = of_the_one_claim(reading, "/claimant/id").get<std::string>();
  EXPECT_EQ(id.rfind("outlet-", 0), 0U) << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/name"), "صحيفة الأيام") << reading.dump(1);
}

// "Freedonian troops carried out air strikes on Grenzdorf while Ruritanian
// troops shelled Ostdorf": a word of contrast before another act with an actor
// of its own opens another claim, comma or not, of the day told before it;
// "killing two, while three were wounded" tells one act.
TEST_F(FictionalTheatre, AWordOfContrastBeforeAnotherActOpensAnotherClaim) {
  const json two = read_published(
      "A synthetic story\n\nFreedonian troops carried out air strikes on Grenzdorf on Monday "
      "while Ruritanian troops shelled positions in Ostdorf.");
  ASSERT_EQ(two["claims"].size(), 2U) << two.dump(1);
  EXPECT_EQ(two["claims"][0]["event_type"], "air_strike") << two.dump(1);
  EXPECT_EQ(two["claims"][0]["place"]["geometry"]["coordinates"], json::array({10.1, 50.1}));
  EXPECT_EQ(two["claims"][1]["event_type"], "shelling") << two.dump(1);
  EXPECT_EQ(two["claims"][1]["perpetrator"]["id"], "ruritania") << two.dump(1);
  EXPECT_EQ(two["claims"][1]["place"]["geometry"]["coordinates"], json::array({12.1, 48.1}));
  EXPECT_EQ(two["claims"][1]["time"]["start"], two["claims"][0]["time"]["start"]) << two.dump(1);
  // A quoted account of shelling on another day does not cover the outlet's.
  const json quoted = read_published(
      "A synthetic story\n\nRuritanian troops shelled Kleinheim on Sunday, the Border "
      "Monitoring Mission said.\n\nOn Monday, Freedonian troops carried out air strikes on "
      "Grenzdorf, while Ruritanian troops shelled positions in Ostdorf.");
  ASSERT_EQ(quoted["claims"].size(), 3U) << quoted.dump(1);
  EXPECT_EQ(quoted["claims"][2]["place"]["geometry"]["coordinates"], json::array({12.1, 48.1}))
      << quoted.dump(1);
  const json one = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on Monday, killing two "
      "soldiers, while three soldiers were wounded.");
  EXPECT_EQ(figures_of_the_one_claim(one),
            (std::vector<std::string>{"killed 2 ruritania", "wounded 3 ruritania"}))
      << one.dump(1);
}

// "Freedonian military convoys entered Grenzdorf": reinforcements moving in
// are an act of their own (type other), as a checkpoint set up is.
TEST_F(FictionalTheatre, AConvoyMovingInIsAnActOfItsOwn) {
  const json reading = read_published(
      "A synthetic story\n\nTwo Freedonian military convoys entered Grenzdorf on Monday, the "
      "Border Monitoring Mission said.");
  EXPECT_EQ(of_the_one_claim(reading, "/event_type"), "other") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "border-monitors") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/place/geometry/coordinates"), json::array({10.1, 50.1}))
      << reading.dump(1);
}

// «населенные пункты Альфаград и Бетаград», "the villages of Alphaburg,
// Betaburg and Gammaburg": after a plural place word, every name of the list
// is of the place read, not the first one alone; a singular word reads one.
TEST_F(FictionalTheatre, APluralPlaceWordReadsTheWholeListOfNames) {
  const json russian = read_published(
      "Синтетический текст\n\nВ МИД Руритании заявили, что вчера войска Фридонии обстреляли "
      "населенные пункты Альфаград и Бетаград.");
  EXPECT_EQ(of_the_one_claim(russian, "/place/name"), "населенные пункты Альфаград и Бетаград")
      << russian.dump(1);
  const json english = read_published(
      "A synthetic story\n\nFreedonian troops shelled the villages of Alphaburg, Betaburg and "
      "Gammaburg on Monday, the Border Monitoring Mission said.");
  EXPECT_EQ(of_the_one_claim(english, "/place/name"),
            "villages of Alphaburg, Betaburg and Gammaburg")
      << english.dump(1);
  const json one = read_published(
      "A synthetic story\n\nFreedonian troops shelled the village of Alphaburg and Ruritanian "
      "troops were put on alert on Monday, the Border Monitoring Mission said.");
  EXPECT_EQ(of_the_one_claim(one, "/place/name"), "village of Alphaburg") << one.dump(1);
}

// "Freedonian troops located in Ostdorf shelled Grenzdorf": where the troops
// stand before the act is where fire came from, not the place hit; and where
// fire came from lends no point to a village the gazetteer does not know
// ("fired rockets at Alphaburg village"), which is then kept as written.
TEST_F(FictionalTheatre, WhereTheShootersStandIsNotThePlaceHit) {
  const json known = read_published(
      "A synthetic story\n\nFreedonian troops located in Ostdorf shelled Grenzdorf on Monday, "
      "the Border Monitoring Mission said.");
  EXPECT_EQ(of_the_one_claim(known, "/place/geometry/coordinates"), json::array({10.1, 50.1}))
      << known.dump(1);
  const json unknown = read_published(
      "A synthetic story\n\nFreedonian troops stationed in Ostdorf fired rockets at Alphaburg "
      "village on Monday, the Border Monitoring Mission said.");
  EXPECT_EQ(of_the_one_claim(unknown, "/place/name"), "Alphaburg village") << unknown.dump(1);
  EXPECT_EQ(of_the_one_claim(unknown, "/place/geometry"), nullptr) << unknown.dump(1);
}

// "Before that, clashes on the border killed dozens": an act told as before
// the day told last is the outlet's own account, neither a retelling of that
// day's news nor of its day (no date), where a plain sequel ("Afterwards")
// goes on from that day.
TEST_F(FictionalTheatre, AnActToldAsBeforeTheDayToldLastHasNoDayOfItsOwn) {
  const std::string agreed =
      "A synthetic story\n\nRuritania and Freedonia agreed a ceasefire on Monday, the Border "
      "Monitoring Mission said.\n\n";
  const json before = read_published(
      agreed + "Before that, clashes on the Ruritania-Freedonia border killed dozens of people.");
  ASSERT_EQ(before["undated_claims"].size(), 1U) << before.dump(1);
  const json& clash = before["undated_claims"][0];
  EXPECT_EQ(clash["event_type"], "armed_clash") << before.dump(1);
  EXPECT_EQ(clash["claimant"]["id"], "ruritanian-daily") << before.dump(1);
  EXPECT_EQ(clash["place"]["geometry"]["coordinates"], json::array({11.0, 49.0})) << before.dump(1);
  const json after = read_published(
      agreed + "Afterwards, clashes on the Ruritania-Freedonia border killed dozens of people.");
  EXPECT_TRUE(after["undated_claims"].empty()) << after.dump(1);
  ASSERT_EQ(after["claims"].size(), 2U) << after.dump(1);
  EXPECT_EQ(after["claims"][1]["event_type"], "armed_clash") << after.dump(1);
  EXPECT_EQ(after["claims"][1]["time"]["start"], after["claims"][0]["time"]["start"])
      << after.dump(1);
}

// «Напомним, в Кляйнхайме погибли трое военных …» on an undated page whose
// account gives a day without a year: the outlet's reminder of an earlier act
// is its own claim, undated, not a retelling set aside.
TEST_F(FictionalTheatre, TheOutletsReminderOfAnEarlierActIsItsOwnClaim) {
  const json reading = read_undated(
      "Синтетический текст\n\nВ МИД Руритании заявили, что 27 февраля войска Фридонии "
      "обстреляли Гренцдорф.\n\nНапомним, в Кляйнхайме погибли трое военных Руритании во "
      "время атаки войск Фридонии.");
  const json& undated = reading["undated_claims"];
  const auto reminder = std::find_if(undated.begin(), undated.end(), [](const json& claim) {
    return claim["claimant"]["id"] == "ruritanian-daily";
  });
  ASSERT_NE(reminder, undated.end()) << reading.dump(1);
  EXPECT_EQ((*reminder)["place"]["geometry"]["coordinates"], json::array({10.4, 50.3}))
      << reading.dump(1);
  EXPECT_EQ((*reminder)["casualties"][0]["min"], 3) << reading.dump(1);
}

// "discussed the situation in Grenzdorf": what talks are about is no place of
// them (a telephone call is held nowhere the text says); where they met is.
TEST_F(FictionalTheatre, WhatTalksAreAboutIsNoPlaceOfThem) {
  const json about = read_published(
      "A synthetic story\n\nOn Monday, Anna Example discussed the situation in Grenzdorf with "
      "the Foreign Ministry of Freedonia by telephone, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(about, "/event_type"), "diplomatic_contact") << about.dump(1);
  EXPECT_EQ(of_the_one_claim(about, "/place"), nullptr) << about.dump(1);
  const json met = read_published(
      "A synthetic story\n\nOn Monday, Anna Example met officials of the Foreign Ministry of "
      "Freedonia in Grenzdorf, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(met, "/place/geometry/coordinates"), json::array({10.1, 50.1}))
      << met.dump(1);
}

// «По данным Министерства …, … были произведены выстрелы», then the
// ministry's words as the outlet gives them, naming the village: the outlet's
// account of the same act, set aside for the quoted one, says where the
// quoted one left out.
TEST_F(FictionalTheatre, TheOutletsAccountOfTheSameActSaysWhereTheQuotedOneLeftOut) {
  const json reading = read_published(
      "A synthetic story\n\nAccording to the Foreign Ministry of Ruritania, Freedonian troops "
      "shelled Ruritanian positions on Monday.\n\nFreedonian troops shelled Ruritanian "
      "positions near Grenzdorf on Monday.");
  EXPECT_EQ(of_the_one_claim(reading, "/claimant/id"), "ru-fictional-mfa") << reading.dump(1);
  EXPECT_EQ(of_the_one_claim(reading, "/place/geometry/coordinates"), json::array({10.1, 50.1}))
      << reading.dump(1);
}

// "Ostdorf — Freedonia Wire. …" opening a paragraph of the body restates
// where the story was filed, as a source line at the head does: the city is
// no place of what the paragraph tells.
TEST_F(FictionalTheatre, ADatelineInTheBodyIsNoPlaceOfTheAct) {
  const json reading = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania accused Freedonia of violating "
      "the ceasefire on Monday.\n\nOstdorf \u2014 Freedonia Wire. Freedonian troops shelled "
      "Ruritanian positions on Monday, the Foreign Ministry of Ruritania said.");
  for (const json& claim : reading["claims"]) {
    EXPECT_FALSE(claim.contains("place")) << reading.dump(1);
  }
  const json plain = read_published(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania accused Freedonia of violating "
      "the ceasefire on Monday.\n\nIn Ostdorf, Freedonian troops shelled Ruritanian positions "
      "on Monday, the Foreign Ministry of Ruritania said.");
  const bool placed =
      std::any_of(plain["claims"].begin(), plain["claims"].end(), [](const json& claim) {
        return claim.contains("place") && claim["place"].value("name", "") == "Ostdorf";
      });
  EXPECT_TRUE(placed) << plain.dump(1);
}

// «أراضي جمهورية لوغانسك الشعبية»: a place's name inside an actor's longer name
// is no place of its own.
TEST_F(FictionalTheatre, APlaceNameInsideAnActorsNameIsNoPlace) {
  std::ofstream(data_ / "actors/actors.tsv", std::ios::app)
      << "grenzdorf-council\tgovernment\tGrenzdorf Council\truritania\t\t\t\tRU\tfictional\n";
  std::ofstream(data_ / "actors/names/en.tsv", std::ios::app)
      << "grenzdorf-council\tGrenzdorf Council\n";
  const json inside = read_published(
      "A synthetic story\n\nFreedonian troops shelled the territory of the Grenzdorf Council on "
      "Monday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(inside, "/place"), nullptr) << inside.dump(1);
  const json alone = read_published(
      "A synthetic story\n\nFreedonian troops shelled Grenzdorf on Monday, the Foreign Ministry "
      "of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(alone, "/place/geometry/coordinates"), json::array({10.1, 50.1}))
      << alone.dump(1);
}

// «Чуть позже … уточнили, что раненых трое» after two wounded: a figure of no
// stated side with a word of revising, counting otherwise than the toll told
// last, is a revised toll of the same act (its side, its place), not a
// retelling set aside; the same count again is one.
TEST_F(FictionalTheatre, ARevisedTollIsAClaimOfItsOwn) {
  const std::string account =
      "Синтетический текст\n\nВ МИД Руритании заявили, что в понедельник войска Фридонии "
      "обстреляли Гренцдорф, ранены двое мирных жителей.\n\n";
  const json revised = read_published(account + "Позже власти уточнили, что раненых трое.");
  ASSERT_EQ(revised["claims"].size(), 2U) << revised.dump(1);
  const json& toll = revised["claims"][1];
  ASSERT_EQ(toll["casualties"].size(), 1U) << revised.dump(1);
  EXPECT_EQ(toll["casualties"][0]["min"], 3) << revised.dump(1);
  EXPECT_EQ(toll["casualties"][0]["status"], "wounded") << revised.dump(1);
  ASSERT_EQ(revised["claims"][0]["casualties"].size(), 1U) << revised.dump(1);
  EXPECT_EQ(revised["claims"][0]["casualties"][0]["min"], 2) << revised.dump(1);
  EXPECT_EQ(toll["casualties"][0]["side"], revised["claims"][0]["casualties"][0]["side"])
      << revised.dump(1);
  EXPECT_EQ(toll["place"]["geometry"]["coordinates"], json::array({10.1, 50.1})) << revised.dump(1);
  const json again = read_published(account + "Позже власти уточнили, что раненых двое.");
  EXPECT_EQ(again["claims"].size(), 1U) << again.dump(1);
}

// "terrorists located in the de-escalation zone in Idleb fired rockets on X
// village": an event word inside a place's name ("de-escalation zone") is no
// act between the origin word and the place; Idleb is where fire came from.
TEST_F(FictionalTheatre, AnEventWordInsideAPlacesNameKeepsTheOriginOfFire) {
  const json reading = read_published(
      "A synthetic story\n\nFreedonian troops located in the Grenzdorf ceasefire zone near "
      "Ostdorf fired rockets at Alphaburg village on Monday, the Border Monitoring Mission said.");
  EXPECT_EQ(of_the_one_claim(reading, "/place/name"), "Alphaburg village") << reading.dump(1);
}

// "rocket attacks on Naour Jourin village and al-Suqailabiya town": a village
// whose point no one knows (a gazetteer entry without coordinates, or a name
// the gazetteer lacks) listed with the place read is hit too: the pair as
// written is the place, near the known one's point. A village named apart
// from the place read is not.
TEST_F(FictionalTheatre, AVillageWithoutAPointListedWithThePlaceNamesItToo) {
  std::ofstream(data_ / "gazetteer/places.tsv", std::ios::app)
      << "neu-mittelbach\tsettlement\t\t\t2\tRU\t\truritania\tEurope/Moscow\tyes\tfictional\n";
  std::ofstream(data_ / "gazetteer/names/en.tsv", std::ios::app)
      << "neu-mittelbach\tNeu Mittelbach\n";
  const auto place_of = [&](const std::string& where) {
    const json reading = read_published("A synthetic story\n\nFreedonian troops shelled " + where +
                                        " on Monday, the Foreign Ministry of Ruritania said.");
    return of_the_one_claim(reading, "/place");
  };
  const json known = place_of("Neu Mittelbach village and Grenzdorf");
  EXPECT_EQ(known["name"], "Neu Mittelbach village and Grenzdorf") << known.dump(1);
  EXPECT_EQ(known["geometry"]["coordinates"], json::array({10.1, 50.1})) << known.dump(1);
  EXPECT_EQ(known["precision"], 2) << known.dump(1);
  const json unknown = place_of("Alphaburg village and Grenzdorf");
  EXPECT_EQ(unknown["name"], "Alphaburg village and Grenzdorf") << unknown.dump(1);
  const json apart = read_published(
      "A synthetic story\n\nFreedonian troops stationed near Alphaburg village shelled Grenzdorf "
      "on Monday, the Foreign Ministry of Ruritania said.");
  EXPECT_EQ(of_the_one_claim(apart, "/place/name"), "Grenzdorf") << apart.dump(1);
}

// «Армения сообщила о 105 погибших, Азербайджан оценил свои потери в 71
// военнослужащего»: in one sentence, the clause where another party's speaker
// comes in after the first one's account is that party's claim, with its
// own toll.
TEST_F(FictionalTheatre, ASecondPartysSpeakerInTheSameSentenceMakesASecondClaim) {
  const json reading = read_published(
      "A synthetic story\n\nFierce clashes broke out on the border on Monday. Ruritania "
      "reported 5 soldiers killed, Freedonia reported 7 servicemen killed.");
  std::map<std::string, int> killed_by_claimant;
  for (const json& claim : reading["claims"]) {
    for (const json& figure : claim.value("casualties", json::array())) {
      if (figure["status"] == "killed") {
        killed_by_claimant[claim["claimant"]["id"].get<std::string>()] += figure["min"].get<int>();
      }
    }
  }
  EXPECT_EQ(killed_by_claimant["ruritania"], 5) << reading.dump(1);
  EXPECT_EQ(killed_by_claimant["freedonia"], 7) << reading.dump(1);
}

}  // namespace
}  // namespace truce::test
