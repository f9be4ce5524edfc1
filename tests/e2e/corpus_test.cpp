// The development corpus (tests/data/corpus) and the held-out texts
// (tests/data/heldout): real texts with hand-coded expected results. Their
// files must agree with each other; every text is read and stored without
// error; and the reader's scores on the corpus must not fall below the floors
// recorded here (README.md quotes the current figures; raise the floors when
// the reader improves).
#include <algorithm>

#include "e2e.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

const std::filesystem::path kCorpus = kSourceDir / "tests/data/corpus";
const std::filesystem::path kHeldOut = kSourceDir / "tests/data/heldout";

std::vector<std::filesystem::path> texts(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
    if (entry.path().extension() == ".txt")
      found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::filesystem::path> texts() {
  return texts(kCorpus);
}

std::vector<std::filesystem::path> every_text() {
  std::vector<std::filesystem::path> found = texts(kCorpus);
  const std::vector<std::filesystem::path> held_out = texts(kHeldOut);
  found.insert(found.end(), held_out.begin(), held_out.end());
  return found;
}

std::filesystem::path expected_of(const std::filesystem::path& text) {
  auto path = text;
  return path.replace_extension(".expected.json");
}

TEST(Corpus, HoldsAtLeastTenRealTextsPerLanguageEachWithItsExpectedResultAndSource) {
  const std::string sources = read_file(kCorpus / "SOURCES.md");
  std::map<std::string, int> per_language;
  for (const auto& text : texts()) {
    ASSERT_TRUE(std::filesystem::exists(expected_of(text))) << text;
    const json expected = json::parse(read_file(expected_of(text)));
    ++per_language[expected["language"].get<std::string>()];
    EXPECT_EQ(text.parent_path().filename().string(), expected["language"]) << text;
    EXPECT_NE(sources.find(text.filename().string()), std::string::npos)
        << text.filename() << " is not in SOURCES.md";
    EXPECT_FALSE(expected["source"]["licence"].get<std::string>().empty()) << text;
  }
  // The development corpus of the gazetteer issue: at least 60 texts, 20 Arabic, 15 Russian, 15
  // English.
  const std::map<std::string, int> minimum = {{"ar", 20}, {"ru", 15}, {"en", 15}};
  int total = 0;
  for (const auto& [language, count] : per_language) {
    total += count;
  }
  for (const auto& [language, count] : minimum) {
    EXPECT_GE(per_language[language], count) << language;
  }
  EXPECT_GE(total, 60);
}

TEST(Corpus, EveryQuotedEvidenceOccursVerbatimInItsText) {
  for (const auto& text : every_text()) {
    const std::string content = read_file(text);
    const json expected = json::parse(read_file(expected_of(text)));
    for (const auto& claim : expected["claims"]) {
      if (!claim.contains("evidence"))
        continue;
      const json quotes =
          claim["evidence"].is_array() ? claim["evidence"] : json::array({claim["evidence"]});
      for (const auto& quote : quotes) {
        EXPECT_NE(content.find(quote.get<std::string>()), std::string::npos)
            << text.filename() << ": " << quote;
      }
    }
    for (const auto& quote : expected.value("not_claims", json::array())) {
      EXPECT_NE(content.find(quote.get<std::string>()), std::string::npos)
          << text.filename() << ": " << quote;
    }
  }
}

class CorpusText : public CliTest, public ::testing::WithParamInterface<std::filesystem::path> {};

TEST_P(CorpusText, IsReadAndStoredWithoutError) {
  const json expected = json::parse(read_file(expected_of(GetParam())));
  std::vector<std::string> args{"ingest", "--db", db_, GetParam().string()};
  if (expected["published"].is_string()) {
    args.insert(args.end(), {"--published", expected["published"].get<std::string>()});
  }
  auto result = truce(args);
  if (expected["published"].is_null() && result.exit_code != 0) {
    // A text that dates no event needs the date from the analyst, and until
    // then nothing of it is stored.
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_NE(result.err.find("give --published"), std::string::npos) << result.err;
    EXPECT_TRUE(json_of({"documents"})["documents"].empty());
    args.insert(args.end(), {"--published", "2025-01-01"});
    result = truce(args);
  }
  EXPECT_EQ(result.exit_code, 0) << result.err;
  auto again = truce(args);
  EXPECT_NE(again.out.find("already stored"), std::string::npos) << again.out << again.err;
}

std::string test_name(const ::testing::TestParamInfo<std::filesystem::path>& param) {
  std::string name =
      param.param.parent_path().filename().string() + "_" + param.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Texts, CorpusText, ::testing::ValuesIn(texts()), test_name);
INSTANTIATE_TEST_SUITE_P(HeldOut, CorpusText, ::testing::ValuesIn(texts(kHeldOut)), test_name);

double f1_of(const json& evaluation, const std::string& field) {
  for (const auto& score : evaluation["fields"]) {
    if (score["field"] == field)
      return score["f1"].get<double>();
  }
  return evaluation["overall"]["f1"].get<double>();
}

TEST(Corpus, TheReaderScoresAtLeastItsRecordedFloors) {
  auto result = run_command(kBinary, {"eval", "--json", kCorpus.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json evaluation = json::parse(result.out);
  // The floors follow the corpus as it grows. On its first 69 texts the reader
  // meets the corpus targets the README quotes (event dates and casualty
  // figures 0.9, places 0.85); seventeen texts added later from outlets it had
  // not read (tests/data/corpus/README.md) are read much worse, and with them
  // the corpus meets the targets on event dates and casualty figures only:
  // these floors hold today's figures on all the texts, a point lower at most
  // (places a little over one matched place), to catch a breakage.
  const std::map<std::string, double> floors = {
      {"claim", 0.90},       {"claimant", 0.87},    {"event_type", 0.835},
      {"date", 0.87},        {"event_date", 0.905}, {"place", 0.845},
      {"perpetrator", 0.78}, {"casualties", 0.905}, {"overall", 0.855}};
  for (const auto& [field, floor] : floors) {
    EXPECT_GE(f1_of(evaluation, field), floor) << field;
  }
  EXPECT_LE(evaluation["false_claims"].get<int>(), 8) << "statements that must not be claims";
}

// A place id the gazetteer lacks would be scored by its name alone: a coding
// slip (an id spelt as the text spells the place) would pass as a reading miss.
TEST(Corpus, EveryExpectedPlaceIdIsAGazetteerEntry) {
  auto result = run_command(kBinary, {"eval", "--json", kCorpus.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json evaluation = json::parse(result.out);
  for (const auto& text : evaluation["texts"]) {
    for (const auto& place : text["unknown_places"]) {
      ADD_FAILURE() << text["file"].get<std::string>() << place.get<std::string>();
    }
  }
}

// The held-out texts are no target (tests/data/heldout/README.md): each is
// listed with its source, and the reader scores them, above a floor low
// enough only to catch a breakage of the reading.
TEST(HeldOut, EachTextHasItsSourceAndTheReaderScoresThem) {
  const std::string sources = read_file(kHeldOut / "SOURCES.md");
  const std::vector<std::filesystem::path> held_out = texts(kHeldOut);
  EXPECT_GE(held_out.size(), 10U);
  for (const auto& text : held_out) {
    ASSERT_TRUE(std::filesystem::exists(expected_of(text))) << text;
    const json expected = json::parse(read_file(expected_of(text)));
    EXPECT_EQ(text.parent_path().filename().string(), expected["language"]) << text;
    EXPECT_NE(sources.find(text.filename().string()), std::string::npos)
        << text.filename() << " is not in SOURCES.md";
    EXPECT_FALSE(expected["source"]["licence"].get<std::string>().empty()) << text;
  }
  auto result = run_command(kBinary, {"eval", "--json", kHeldOut.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json evaluation = json::parse(result.out);
  EXPECT_GE(f1_of(evaluation, "overall"), 0.30);
}

}  // namespace
}  // namespace truce::test
