// Texts in every input shape, and bad texts: each gets a clear error or a
// clean empty result, never a crash, and a refused text writes nothing.
#include <algorithm>
#include <fstream>

#include "e2e.hpp"
#include "fictional_theatre.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

const std::filesystem::path kSeed = kSourceDir / "tests/data/seed/ar-sputnik-2021-11-21.txt";

class ExtractInput : public CliTest {
 protected:
  std::string path(const std::string& name, const std::string& content) {
    write_file(dir_ / name, content);
    return (dir_ / name).string();
  }
  json extract_json(const std::vector<std::string>& args) {
    std::vector<std::string> all{"extract", "--json"};
    all.insert(all.end(), args.begin(), args.end());
    auto result = truce(all);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }
  void expect_refused(const std::vector<std::string>& args, const std::string& message) {
    std::vector<std::string> all{"extract"};
    all.insert(all.end(), args.begin(), args.end());
    auto extracted = truce(all);
    EXPECT_EQ(extracted.exit_code, 3) << extracted.out << extracted.err;
    EXPECT_NE(extracted.err.find(message), std::string::npos) << extracted.err;
    std::vector<std::string> ingest{"ingest", "--db", db_};
    ingest.insert(ingest.end(), args.begin(), args.end());
    auto ingested = truce(ingest);
    EXPECT_EQ(ingested.exit_code, 3) << ingested.out << ingested.err;
    EXPECT_EQ(claim_count(), 0);
  }
};

TEST_F(ExtractInput, TheSameArticleAsHtmlAndAsAnEnvelopeGivesTheSameClaims) {
  const std::string article = read_file(kSeed);
  const json plain = extract_json({kSeed.string()});

  std::string html =
      "<!doctype html><html lang=\"ar\"><head><title>t</title>"
      "<script>var claims = 'قتل 99 جنديا';</script></head><body>"
      "<nav>الرئيسية | أخبار</nav><article>";
  std::size_t start = 0;
  while (start < article.size()) {
    std::size_t end = article.find("\n\n", start);
    if (end == std::string::npos)
      end = article.size();
    html += "<p>" + article.substr(start, end - start) + "</p>\n";
    start = end + 2;
  }
  html += "</article><footer>synthetic page around a real article</footer></body></html>";
  const json from_html = extract_json({path("article.html", html)});

  const json from_envelope = extract_json(
      {path("article.json", json({{"text", article}, {"url", "https://example.org/a"}}).dump())});

  for (const json* reading : {&from_html, &from_envelope}) {
    ASSERT_EQ((*reading)["claims"].size(), plain["claims"].size()) << reading->dump(1);
    for (std::size_t i = 0; i < plain["claims"].size(); ++i) {
      EXPECT_EQ((*reading)["claims"][i]["event_type"], plain["claims"][i]["event_type"]);
      EXPECT_EQ((*reading)["claims"][i].value("casualties", json::array()),
                plain["claims"][i].value("casualties", json::array()));
      EXPECT_EQ((*reading)["claims"][i]["provenance_quotes"],
                plain["claims"][i]["provenance_quotes"]);
    }
  }
  EXPECT_EQ(from_envelope["document"]["url"], "https://example.org/a");
  EXPECT_EQ(from_html["document"]["text"].get<std::string>().find("99"), std::string::npos)
      << "the script's text leaked into the document";
}

TEST_F(ExtractInput, AnEnvelopeDateAnchorsRelativeDatesAndAMisspeltMemberIsRefused) {
  const std::string text =
      "Clashes on the border\n\nFighting broke out yesterday on the border, the ministry of a "
      "fictional republic said. This text is synthetic.";
  const json reading = extract_json(
      {path("story.json", json({{"text", text}, {"published", "2021-11-21T10:00:00Z"}}).dump())});
  EXPECT_EQ(reading["document"]["published"], "2021-11-21");
  expect_refused({path("typo.json", json({{"text", text}, {"publishd", "2021-11-21"}}).dump())},
                 "'publishd'");
}

TEST_F(ExtractInput, AnOverlongTitleOrPublisherIsCutNotRefused) {
  const std::string text = "A synthetic note about nothing in particular.";
  const json reading = extract_json({path("long.json", json({{"text", text},
                                                             {"title", std::string(2000, 'T')},
                                                             {"publisher", std::string(400, 'P')}})
                                                           .dump())});
  EXPECT_LE(reading["document"]["title"].get<std::string>().size(), 300U);
  EXPECT_LE(reading["document"]["origin"][0].get<std::string>().size(), 300U);
}

TEST_F(ExtractInput, BinaryDataIsRefusedNamingTheFile) {
  std::string binary(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00\x00",
      10);
  expect_refused({path("program.bin", binary)}, "program.bin");
}

TEST_F(ExtractInput, AnEnvelopeWhoseTextHoldsAnEscapedNulIsRefusedNamingTheField) {
  // JSON spells the NUL as \u0000, so the file itself has no NUL byte.
  expect_refused({path("nul.json", R"({"text": "Shelling near the border\u0000 was reported."})")},
                 "field 'text': contains a NUL character");
}

TEST_F(ExtractInput, InvalidUtf8IsRefusedNamingLineAndByte) {
  expect_refused({path("broken.txt", "first line\nsecond \xff line\n")}, "line 2");
}

TEST_F(ExtractInput, AnEmptyFileIsRefused) {
  expect_refused({path("empty.txt", "")}, "empty");
}

TEST_F(ExtractInput, HtmlWithOnlyScriptsHasNoReadableText) {
  expect_refused({path("scripts.html",
                       "<html><head><script>alert('x')</script></head>"
                       "<body><script>document.write('y')</script></body></html>")},
                 "no readable text");
}

TEST_F(ExtractInput, AFileOverTheSizeLimitIsRefusedBeforeItIsRead) {
  const auto big = dir_ / "big.txt";
  {
    std::ofstream out(big, std::ios::binary);
    out.seekp((65LL << 20) - 1);  // a sparse file just over the 64 MiB limit
    out.put('\n');
  }
  expect_refused({big.string()}, "more than the limit");
}

TEST_F(ExtractInput, AStructuredReportIsNotATextToRead) {
  auto result = truce({"extract", kExample.string()});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find("truce ingest"), std::string::npos) << result.err;
}

TEST_F(ExtractInput, ATextWithoutEventsGivesACleanEmptyResult) {
  const json reading = extract_json(
      {path("weather.txt", "A synthetic note.\n\nThe weather was mild and the market opened.")});
  EXPECT_EQ(reading["claims"].size(), 0U);
  EXPECT_EQ(reading["document"]["language"], "en");
}

// A dual of a person noun counts two, though the noun's stem with the dual ending would
// read as one person (synthetic sentence).
TEST_F(ExtractInput, AnArabicDualOfAPersonNounCountsTwo) {
  const json reading = extract_json(
      {"--published", "2021-11-17",
       path("dual.txt",
            "قصف\n\nوبحسب وزارة الدفاع الأرمنية، فقد قتل عنصرين أرمنيين في قصف أذربيجاني يوم "
            "16 نوفمبر 2021.\n")});
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& casualties = reading["claims"][0]["casualties"];
  ASSERT_EQ(casualties.size(), 1U) << reading.dump(1);
  EXPECT_EQ(casualties[0]["status"], "killed");
  EXPECT_EQ(casualties[0]["min"], 2) << reading.dump(1);
  EXPECT_EQ(casualties[0]["max"], 2) << reading.dump(1);
}

// "and another wounded" after a counted figure: new persons, one of them, though a person
// noun of the figure before stands as near (synthetic sentences).
TEST_F(ExtractInput, AnotherAfterACountedFigureIsOneMore) {
  const auto figures = [&](const std::string& sentence) {
    const json reading = extract_json(
        {"--published", "2021-11-17", path("another.txt", "قصف\n\n" + sentence + "\n")});
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    return reading["claims"].empty() ? json::array() : reading["claims"][0]["casualties"];
  };
  for (const std::string sentence :
       {"أعلنت وزارة الدفاع الأرمنية مقتل أربعة جنود وإصابة آخر يوم 16 نوفمبر 2021.",
        "أعلنت وزارة الدفاع الأرمنية مقتل جندي وإصابة آخر يوم 16 نوفمبر 2021."}) {
    const json casualties = figures(sentence);
    ASSERT_EQ(casualties.size(), 2U) << sentence << casualties.dump(1);
    EXPECT_EQ(casualties[1]["status"], "wounded") << casualties.dump(1);
    EXPECT_EQ(casualties[1]["min"], 1) << casualties.dump(1);
    EXPECT_EQ(casualties[1]["max"], 1) << casualties.dump(1);
  }
}

TEST_F(ExtractInput, StandardInputIsReadWithADash) {
  auto result = run_command("/bin/sh",
                            {"-c", std::string(kBinary) + " extract --json - < " + kSeed.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["claims"].size(), 4U);
}

}  // namespace
}  // namespace truce::test

namespace truce::test {
namespace {

TEST_F(FictionalTheatre, ASpokespersonSpeaksForTheMinistry) {
  const json reading = read(
      "A synthetic story\n\nAnna Example said that two Ruritanian soldiers were wounded in "
      "shelling of Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
  EXPECT_EQ(reading["claims"][0]["time"]["start"], "2030-05-05");
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Grenzdorf");
}

TEST_F(FictionalTheatre, ANewParagraphNamingAnotherKindOfEventIsAnotherClaim) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Grenzdorf was "
      "attacked yesterday.\n\nThe ministry said an air strike hit Grenzdorf the same day.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "attack");
  EXPECT_EQ(reading["claims"][1]["event_type"], "air_strike");
  for (const json& claim : reading["claims"]) {
    EXPECT_EQ(claim["claimant"]["id"], "ru-fictional-mfa");
  }
}

TEST_F(FictionalTheatre, ANewParagraphTellingTheSameKindOfEventElsewhereIsAnotherClaim) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Grenzdorf was "
      "attacked yesterday.\n\nThe ministry said Kleinheim was attacked the same day.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["place"]["name"], "Grenzdorf");
  EXPECT_EQ(reading["claims"][1]["place"]["name"], "Kleinheim");
}

TEST_F(FictionalTheatre, ASubjectSetOffByAParentheticalIsThePerpetrator) {
  const json reading = read(
      "A synthetic story\n\nFreedonian troops, starting from the night of 5 May, shelled "
      "Grenzdorf, the Foreign Ministry of Ruritania said.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "fd-fictional-forces") << reading.dump(1);
}

TEST_F(FictionalTheatre, ReturnedFireIsTheClaimantsSidesOwnAttackAndAClaimApart) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "shelled Grenzdorf yesterday.\n\nThe ministry said our troops returned fire.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "shelling");
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "fd-fictional-forces");
  EXPECT_EQ(reading["claims"][1]["event_type"], "attack");
  EXPECT_EQ(reading["claims"][1]["perpetrator"]["id"], "ruritania") << reading.dump(1);
}

TEST_F(FictionalTheatre, CiviliansBelongToTheStateOfThePlaceWhereTheyWereHit) {
  const json abroad = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that two civilians were "
      "wounded in shelling of Ostdorf yesterday.");
  ASSERT_EQ(abroad["claims"].size(), 1U) << abroad.dump(1);
  ASSERT_EQ(abroad["claims"][0]["casualties"].size(), 1U) << abroad.dump(1);
  EXPECT_EQ(abroad["claims"][0]["casualties"][0]["side"]["id"], "civilians:freedonia");
  // Without a place, the reporting party's own.
  const json nowhere = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that two civilians were "
      "wounded in shelling yesterday.");
  ASSERT_EQ(nowhere["claims"].size(), 1U) << nowhere.dump(1);
  ASSERT_EQ(nowhere["claims"][0]["casualties"].size(), 1U) << nowhere.dump(1);
  EXPECT_EQ(nowhere["claims"][0]["casualties"][0]["side"]["id"], "civilians:ruritania");
}

TEST_F(FictionalTheatre, TheSameTollToldTwiceInOneAccountIsOneFigure) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that two soldiers were "
      "killed in shelling of Grenzdorf yesterday, and that two soldiers were killed.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& casualties = reading["claims"][0]["casualties"];
  ASSERT_EQ(casualties.size(), 1U) << reading.dump(1);
  EXPECT_EQ(casualties[0]["min"], 2);
  EXPECT_EQ(reading["claims"][0]["provenance"]["casualties/0"].size(), 6U) << reading.dump(1);
}

TEST_F(FictionalTheatre, EarlierOpeningAParagraphMarksTheOutletsOwnAccountAsBackground) {
  const json earlier =
      read_published("Синтетическая история\n\nРанее Freedonian troops обстреляли Kleinheim.");
  EXPECT_TRUE(earlier["claims"].empty()) << earlier.dump(1);
  ASSERT_EQ(earlier["set_aside"].size(), 1U) << earlier.dump(1);
  EXPECT_EQ(earlier["set_aside"][0]["reason"], "background");
  // Dated two days before publication, the recap is the outlet's account.
  const json recap = read_published(
      "Синтетическая история\n\nРанее Freedonian troops обстреляли Kleinheim 4 мая.");
  ASSERT_EQ(recap["claims"].size(), 1U) << recap.dump(1);
  // Inside the sentence the word dates nothing new: the account stands.
  const json inside = read_published(
      "Синтетическая история\n\nFreedonian troops ранее обстреляли Kleinheim 4 мая.");
  ASSERT_EQ(inside["claims"].size(), 1U) << inside.dump(1);
  EXPECT_EQ(inside["claims"][0]["claimant"]["id"], "ruritanian-daily");
}

TEST_F(FictionalTheatre, ACountAfterASubsetWordBreaksDownTheFigureBeforeIt) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that five civilians "
      "including two women were wounded in shelling of Grenzdorf yesterday.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& casualties = reading["claims"][0]["casualties"];
  ASSERT_EQ(casualties.size(), 1U) << reading.dump(1);
  EXPECT_EQ(casualties[0]["min"], 5);
  EXPECT_EQ(casualties[0]["status"], "wounded");
}

TEST_F(FictionalTheatre, ABodyRepublishedByAnotherSiteStillSpeaksInItsOwnVoice) {
  const json reading =
      read_published("A synthetic story\n\nFreedonian troops shelled Grenzdorf yesterday.",
                     "Foreign Ministry of Ruritania, as republished by Example Wire");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["claimant"]["id"], "ru-fictional-mfa");
}

TEST_F(FictionalTheatre, ClashesAfterAnAttackAreTheSameClaim) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Grenzdorf was "
      "attacked yesterday.\n\nThe ministry said two soldiers were wounded in the clashes.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["event_type"], "attack");
  EXPECT_EQ(reading["claims"][0]["casualties"].size(), 1U) << reading.dump(1);
}

}  // namespace
}  // namespace truce::test

namespace truce::test {
namespace {

// Two villages of one name in two fictional countries, in a second place table
// and a second English names file: the document's other places choose.
class FictionalTwins : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    data_ = fictional_data_dir(dir_.path());
    write_file(data_ / "gazetteer/places.tsv",
               "ruritania\tcountry\t10.0\t50.0\t6\tRU\t\t\tEurope/Moscow\tno\tfictional\n"
               "westgau\tadmin1\t10.1\t50.1\t4\tRU\t\truritania\tEurope/Moscow\tyes\tfictional\n"
               "grenzdorf\tsettlement\t10.1\t50.1\t1\tRU\twestgau\twestgau\tEurope/Moscow\tno\t"
               "fictional\n");
    write_file(data_ / "gazetteer/places-twins.tsv",
               "freedonia\tcountry\t12.0\t48.0\t6\tFD\t\t\tEurope/Berlin\tno\tfictional\n"
               "ostmark\tadmin1\t12.1\t48.1\t4\tFD\t\tfreedonia\tEurope/Berlin\tyes\tfictional\n"
               "zweibach-r\tsettlement\t10.2\t50.2\t1\tRU\twestgau\twestgau\tEurope/Moscow\tno\t"
               "fictional\n"
               "zweibach-f\tsettlement\t12.2\t48.2\t1\tFD\tostmark\tostmark\tEurope/Berlin\tno\t"
               "fictional\n");
    write_file(data_ / "gazetteer/names/en.tsv",
               "ruritania\tRuritania\ngrenzdorf\tGrenzdorf\nwestgau\tWestgau\n");
    write_file(data_ / "gazetteer/names/en.twins.tsv",
               "freedonia\tFreedonia\nostmark\tOstmark\nzweibach-r\tZweibach\n"
               "zweibach-f\tZweibach\n");
    write_file(data_ / "actors/actors.tsv",
               "ruritania\tstate\tRuritania\truritania\t\t\t\tRU\tfictional\n"
               "freedonia\tstate\tFreedonia\tfreedonia\t\t\t\tFD\tfictional\n"
               "ru-fictional-mfa\tministry\tForeign Ministry of Ruritania\truritania\t\t\t\tRU\t"
               "fictional\n"
               "anna-example\tperson\tAnna Example\tru-fictional-mfa\tSpokesperson\t\t\tRU\t"
               "fictional\n");
    write_file(data_ / "actors/names/en.tsv",
               "ruritania\tRuritania\nruritania\tRuritanian\tadjective\n"
               "freedonia\tFreedonia\nfreedonia\tFreedonian\tadjective\n"
               "ru-fictional-mfa\tForeign Ministry of Ruritania\nanna-example\tAnna Example\n");
  }

  json place_of(const std::string& sentence) {
    write_file(dir_ / "story.txt", "A synthetic story\n\n" + sentence + "\n");
    auto result =
        truce({"extract", "--json", "--published", "2030-05-06", (dir_ / "story.txt").string()},
              {{"TRUCE_DATA", data_.string()}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const json reading = json::parse(result.out);
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    return reading["claims"].empty() ? json() : reading["claims"][0]["place"];
  }

  std::filesystem::path data_;
};

TEST_F(FictionalTwins, TheDivisionNamedInTheTextChoosesBetweenSameNamedPlaces) {
  const json place = place_of(
      "Anna Example said that Freedonian troops shelled Zweibach in Ostmark yesterday, wounding "
      "two Ruritanian soldiers.");
  EXPECT_EQ(place["name"], "Zweibach");
  EXPECT_EQ(place["country"], "FD");
  EXPECT_EQ(place["admin1"], "Ostmark");
}

TEST_F(FictionalTwins, ANeighbourNamedInTheTextChoosesBetweenSameNamedPlaces) {
  const json place = place_of(
      "Anna Example said that Freedonian troops shelled Zweibach near Grenzdorf yesterday, "
      "wounding two Ruritanian soldiers.");
  EXPECT_EQ(place["country"], "RU");
  EXPECT_EQ(place["admin1"], "Westgau");
}

TEST_F(FictionalTheatre, AFullStopBeforeACapitalEndsTheSentenceThoughTheTextIsCaseFolded) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that Freedonian troops "
      "attacked Grenzdorf yesterday. Our troops returned fire.");
  ASSERT_EQ(reading["claims"].size(), 2U) << reading.dump(1);
  EXPECT_EQ(reading["claims"][0]["perpetrator"]["id"], "fd-fictional-forces");
  EXPECT_EQ(reading["claims"][1]["perpetrator"]["id"], "ruritania") << reading.dump(1);
}

TEST_F(FictionalTheatre, OneCountOfTwoStatusesTogetherIsSharedByBoth) {
  const auto figures = [this](const std::string& count) {
    const json reading =
        read("A synthetic story\n\nThe Foreign Ministry of Ruritania said that " + count +
             " soldiers were killed and wounded in shelling of "
             "Grenzdorf yesterday.");
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    return reading["claims"][0].value("casualties", json::array());
  };
  // Three in all, each status asserted: each is one or two.
  const json exact = figures("three");
  ASSERT_EQ(exact.size(), 2U) << exact.dump(1);
  for (const json& figure : exact) {
    EXPECT_EQ(figure["min"], 1) << exact.dump(1);
    EXPECT_EQ(figure["max"], 2) << exact.dump(1);
  }
  EXPECT_NE(exact[0]["status"], exact[1]["status"]);
  // An open count is said of each.
  const json open = figures("several");
  ASSERT_EQ(open.size(), 2U) << open.dump(1);
  for (const json& figure : open) {
    EXPECT_EQ(figure["min"], 2) << open.dump(1);
    EXPECT_TRUE(figure["max"].is_null()) << open.dump(1);
  }
}

TEST_F(FictionalTheatre, ASideNamedBesidePeopleSaysWhoseTheyAre) {
  const json reading = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that shelling of Grenzdorf "
      "yesterday killed 11 people from the side of Freedonia.");
  ASSERT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
  const json& casualties = reading["claims"][0]["casualties"];
  ASSERT_EQ(casualties.size(), 1U) << reading.dump(1);
  EXPECT_EQ(casualties[0]["side"]["id"], "freedonia") << reading.dump(1);
  EXPECT_EQ(casualties[0]["min"], 11);
  // Without the side word they are of no stated side.
  const json plain = read(
      "A synthetic story\n\nThe Foreign Ministry of Ruritania said that shelling of Grenzdorf "
      "yesterday killed 11 people.");
  ASSERT_EQ(plain["claims"].size(), 1U) << plain.dump(1);
  EXPECT_EQ(plain["claims"][0]["casualties"][0]["side"]["id"], "unknown") << plain.dump(1);
}

}  // namespace
}  // namespace truce::test
