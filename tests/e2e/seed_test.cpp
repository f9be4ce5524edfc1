// The founding article, read end to end by the built binary exactly as
// tests/data/seed/EXPECTED.md says: four claims with claimants, dates and their
// basis, actors, places, every casualty figure, territory and positions, the
// publisher chain, agreement references, the October/November slip, and no
// claim from the background paragraphs.
#include <algorithm>

#include "e2e.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

const std::filesystem::path kSeed = kSourceDir / "tests/data/seed/ar-sputnik-2021-11-21.txt";

json extract(const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"extract", "--json", kSeed.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  auto result = run_command(kBinary, args);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return json::parse(result.out);
}

// Every quote recorded for a field of a claim, joined.
std::string quotes(const json& claim, const std::string& field) {
  std::string joined;
  if (!claim.contains("provenance_quotes") || !claim["provenance_quotes"].contains(field)) {
    return joined;
  }
  for (const auto& quote : claim["provenance_quotes"][field]) {
    joined += quote.get<std::string>() + " | ";
  }
  return joined;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

struct Figure {
  std::string party;
  std::string status;
  long long count;
  bool operator==(const Figure&) const = default;
};

std::vector<Figure> figures(const json& claim) {
  std::vector<Figure> found;
  for (const auto& figure : claim.value("casualties", json::array())) {
    EXPECT_EQ(figure["min"], figure["max"]) << figure.dump();
    found.push_back({figure["side"]["party"]["id"].get<std::string>(),
                     figure["status"].get<std::string>(), figure["min"].get<long long>()});
  }
  return found;
}

std::vector<std::string> actor_roles(const json& claim) {
  std::vector<std::string> found;
  for (const auto& actor : claim.value("actors", json::array())) {
    found.push_back(actor["id"].get<std::string>() + ":" + actor["role"].get<std::string>());
  }
  return found;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

class FoundingArticle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { reading_ = new json(extract()); }
  static void TearDownTestSuite() {
    delete reading_;
    reading_ = nullptr;
  }
  const json& reading() const { return *reading_; }
  const json& claim(std::size_t index) const { return (*reading_)["claims"].at(index); }
  static json* reading_;
};
json* FoundingArticle::reading_ = nullptr;

TEST_F(FoundingArticle, DocumentIsArabicPublishedOnTheSourceLinesDateWithItsPublisherChain) {
  const json& document = reading()["document"];
  EXPECT_EQ(document["language"], "ar");
  EXPECT_EQ(document["published"], "2021-11-21");
  ASSERT_EQ(document["origin"].size(), 2U) << document["origin"].dump();
  EXPECT_EQ(document["origin"][0], "Pakistan Point News");
  EXPECT_EQ(document["origin"][1], "Sputnik");
  EXPECT_EQ(reading()["source"]["id"], "pakistan-point-news");
}

TEST_F(FoundingArticle, TheUrduPublisherNameIsAForeignSpan) {
  bool found = false;
  for (const auto& span : reading()["foreign_spans"]) {
    if (span["language"] == "ur" && contains(span["text"], "پاکستان پوائنٹ نیوز"))
      found = true;
  }
  EXPECT_TRUE(found) << reading()["foreign_spans"].dump();
}

TEST_F(FoundingArticle, HasExactlyFourClaimsInTextOrder) {
  ASSERT_EQ(reading()["claims"].size(), 4U) << reading()["claims"].dump(1);
  EXPECT_EQ(claim(0)["event_type"], "diplomatic_contact");
  EXPECT_EQ(claim(1)["event_type"], "attack");
  EXPECT_EQ(claim(3)["event_type"], "de_escalation");
}

TEST_F(FoundingArticle, KremlinCallIsDatedByItsAnnouncement) {
  const json& call = claim(0);
  EXPECT_EQ(call["claimant"]["id"], "kremlin");
  EXPECT_TRUE(contains(quotes(call, "claimant"), "الكرملين")) << quotes(call, "claimant");
  EXPECT_EQ(call["time"]["start"], "2021-11-21");
  EXPECT_EQ(call["time_basis"]["basis"], "announcement");
  EXPECT_TRUE(contains(quotes(call, "time"), "اليوم الأحد")) << quotes(call, "time");
  const auto roles = actor_roles(call);
  EXPECT_TRUE(has(roles, "putin:participant")) << call["actors"].dump();
  EXPECT_TRUE(has(roles, "pashinyan:participant")) << call["actors"].dump();
  EXPECT_TRUE(has(roles, "russia:mediator")) << call["actors"].dump();
  ASSERT_EQ(call["agreements"].size(), 1U) << call.dump(1);
  EXPECT_EQ(call["agreements"][0]["dates"], json({"2020-11-09", "2021-01-11"}));
}

TEST_F(FoundingArticle, HeadlineIsTheSameClaimAsTheKremlinCall) {
  const std::string headline = "رئيس الوزراء الأرميني يشكر بوتين";
  bool repeated = false;
  for (const auto& aside : reading()["set_aside"]) {
    if (aside["reason"] == "headline_repeat" && contains(aside["span"]["text"], headline)) {
      repeated = true;
    }
  }
  EXPECT_TRUE(repeated) << reading()["set_aside"].dump(1);
  // The headline's words join the claim's provenance.
  bool from_headline = false;
  for (const auto& span : claim(0)["provenance"]["event_type"]) {
    if (span[1].get<int>() <= 80)
      from_headline = true;
  }
  EXPECT_TRUE(from_headline) << claim(0)["provenance"].dump();
}

TEST_F(FoundingArticle, ArmeniaReportsTheAttackTheGroundAndItsLosses) {
  const json& attack = claim(1);
  EXPECT_EQ(attack["claimant"]["id"], "am-mod");
  EXPECT_TRUE(contains(quotes(attack, "claimant"), "يريفان"));
  EXPECT_TRUE(contains(quotes(attack, "claimant"), "وزارة الدفاع الأرمنية"));
  EXPECT_EQ(attack["time"]["start"], "2021-11-16");
  EXPECT_EQ(attack["time_basis"]["basis"], "relative");
  EXPECT_EQ(attack["time_basis"]["from_context"], true);
  EXPECT_TRUE(contains(quotes(attack, "time"), "الثلاثاء الماضي")) << quotes(attack, "time");
  EXPECT_EQ(attack["perpetrator"]["id"], "az-armed-forces");
  EXPECT_EQ(attack["target"]["id"], "armenia");
  EXPECT_EQ(attack["place"]["name"], "منطقة جبل كيليسالي");
  EXPECT_EQ(attack["place"]["precision"], 2);
  EXPECT_EQ(figures(attack), (std::vector<Figure>{{"armenia", "killed", 1},
                                                  {"armenia", "captured", 13},
                                                  {"armenia", "missing", 24}}));
  ASSERT_EQ(attack["assets"].size(), 2U) << attack["assets"].dump(1);
  const json& ground = attack["assets"][0];
  EXPECT_EQ(ground["kind"], "territory");
  EXPECT_EQ(ground["outcome"], "overrun");
  EXPECT_EQ(ground["owner"]["id"], "armenia");
  EXPECT_EQ(ground["gainer"]["id"], "azerbaijan");
  const json& positions = attack["assets"][1];
  EXPECT_EQ(positions["kind"], "position");
  EXPECT_EQ(positions["outcome"], "lost");
  EXPECT_EQ(positions["count"]["min"], 2);
  EXPECT_EQ(positions["count"]["max"], 2);
  EXPECT_EQ(positions["owner"]["id"], "armenia");
  EXPECT_EQ(positions["gainer"]["id"], "azerbaijan");
}

TEST_F(FoundingArticle, AzerbaijanReportsItsLossesInNumberWords) {
  const json& losses = claim(2);
  EXPECT_EQ(losses["claimant"]["id"], "az-mod");
  EXPECT_EQ(figures(losses),
            (std::vector<Figure>{{"azerbaijan", "killed", 7}, {"azerbaijan", "wounded", 10}}));
  EXPECT_TRUE(contains(quotes(losses, "casualties/0"), "سبعة")) << quotes(losses, "casualties/0");
  EXPECT_TRUE(contains(quotes(losses, "casualties/1"), "عشرة")) << quotes(losses, "casualties/1");
  EXPECT_TRUE(contains(losses["place"]["name"], "الحدود مع أرمينيا")) << losses["place"].dump();
  EXPECT_EQ(losses["place"]["precision"], 5);
  EXPECT_EQ(losses["time"]["start"], "2021-11-16");
  EXPECT_EQ(losses["time_basis"]["from_context"], true);
}

TEST_F(FoundingArticle, RussiaReportsTheDeEscalationItMediated) {
  const json& stop = claim(3);
  EXPECT_EQ(stop["claimant"]["id"], "ru-mod");
  EXPECT_EQ(stop["place"]["name"], "منطقة جبل كيليسالي");
  EXPECT_EQ(stop["time"]["start"], "2021-11-16");
  EXPECT_EQ(stop["time_basis"]["from_context"], true);
  const auto roles = actor_roles(stop);
  EXPECT_TRUE(has(roles, "russia:mediator")) << stop["actors"].dump();
  EXPECT_TRUE(has(roles, "shoigu:participant")) << stop["actors"].dump();
}

TEST_F(FoundingArticle, TheOctoberNovemberSlipIsFlaggedWithBothReadingsAndTheReason) {
  const json* slip = nullptr;
  for (const auto& warning : reading()["warnings"]) {
    if (warning["code"] == "date_conflict")
      slip = &warning;
  }
  ASSERT_NE(slip, nullptr) << reading()["warnings"].dump(1);
  EXPECT_TRUE(contains((*slip)["spans"][0]["text"], "9 تشرين الأول/نوفمبر 2020")) << slip->dump(1);
  EXPECT_EQ((*slip)["chosen"], "2020-11-09");
  const auto readings = (*slip)["readings"].get<std::vector<std::string>>();
  EXPECT_TRUE(has(readings, "2020-11-09"));
  EXPECT_TRUE(has(readings, "2020-10-09"));
  EXPECT_TRUE(contains((*slip)["reason"], "2020-11-10")) << (*slip)["reason"];
}

TEST_F(FoundingArticle, BackgroundParagraphsGiveReferencesNotClaims) {
  std::vector<std::string> dates;
  for (const auto& reference : reading()["document"]["agreement_references"]) {
    for (const auto& date : reference.value("dates", json::array())) {
      dates.push_back(date.get<std::string>());
    }
  }
  EXPECT_TRUE(has(dates, "2020-11-09")) << reading()["document"].dump(1);
  EXPECT_TRUE(has(dates, "2020-11-10")) << reading()["document"].dump(1);
  bool monitoring_centre = false;
  for (const auto& reference : reading()["document"]["agreement_references"]) {
    if (contains(reference["name"], "مركز مراقبة"))
      monitoring_centre = true;
  }
  EXPECT_TRUE(monitoring_centre);
  int historical = 0;
  int background = 0;
  for (const auto& aside : reading()["set_aside"]) {
    if (aside["reason"] == "historical")
      ++historical;
    if (aside["reason"] == "background")
      ++background;
  }
  EXPECT_GE(historical, 1) << reading()["set_aside"].dump(1);
  EXPECT_GE(background, 1) << reading()["set_aside"].dump(1);
  for (const auto& claim : reading()["claims"]) {
    EXPECT_NE(claim["time"]["start"].get<std::string>().substr(0, 4), "2020") << claim.dump();
  }
}

TEST(FoundingArticleOptions, APublishedDateThatDisagreesIsAWarning) {
  const json reading = extract({"--published", "2021-11-22"});
  bool warned = false;
  for (const auto& warning : reading["warnings"]) {
    if (warning["code"] == "published_conflict") {
      warned = true;
      EXPECT_EQ(warning["readings"], json({"2021-11-22", "2021-11-21"}));
    }
  }
  EXPECT_TRUE(warned) << reading["warnings"].dump(1);
  EXPECT_EQ(reading["document"]["published"], "2021-11-22");
  // The anchor moved: "last Tuesday" before Monday 22 November is still the 16th,
  // and "today, Sunday" no longer agrees with the anchor's weekday.
  EXPECT_EQ(reading["claims"][1]["time"]["start"], "2021-11-16");
}

TEST_F(CliTest, IngestOfTheFoundingArticleStoresItsFourClaimsOnce) {
  auto first = truce({"ingest", "--db", db_, kSeed.string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("added 4 claims, 1 documents, 1 sources"), std::string::npos)
      << first.out;
  auto second = truce({"ingest", "--db", db_, kSeed.string()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("already stored"), std::string::npos) << second.out;
  EXPECT_EQ(claim_count(), 4);
  auto stored = json_of({"claims", "--actor", "am-mod"});
  ASSERT_EQ(stored["claims"].size(), 1U);
  EXPECT_EQ(stored["claims"][0]["casualties"].size(), 3U);
}

}  // namespace
}  // namespace truce::test
