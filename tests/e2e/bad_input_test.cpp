// Bad input is refused with an error naming the file, the place and the
// field, and nothing from that file is written.
#include "e2e.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

class BadInput : public CliTest {
 protected:
  json example() { return json::parse(read_file(kExample)); }

  // Ingests `text` as FILE and expects exit 3, every `expected` piece in
  // standard error, and an untouched database.
  void expect_rejected(const std::string& file, const std::string& text,
                       const std::vector<std::string>& expected) {
    write_file(dir_ / file, text);
    auto result = truce({"ingest", "--db", db_, (dir_ / file).string()});
    EXPECT_EQ(result.exit_code, 3) << result.out << result.err;
    for (const auto& piece : expected) {
      EXPECT_NE(result.err.find(piece), std::string::npos)
          << "missing \"" << piece << "\" in: " << result.err;
    }
    EXPECT_NE(result.err.find("nothing from it was written"), std::string::npos) << result.err;
    auto sources = json_of({"sources"});
    EXPECT_EQ(sources["sources"].size(), 0U) << "a rejected file wrote its sources";
    EXPECT_EQ(claim_count(), 0);
  }
};

TEST_F(BadInput, ANegativeCountNamesItsPointer) {
  json report = example();
  report["claims"][2]["casualties"][0]["min"] = -7;
  expect_rejected("negative.json", report.dump(), {"negative.json", "/claims/2/casualties/0/min"});
}

TEST_F(BadInput, AMaximumBelowTheMinimum) {
  json report = example();
  report["claims"][1]["casualties"][1]["max"] = 3;
  expect_rejected("range.json", report.dump(), {"range.json", "/claims/1/casualties/1/max"});
}

TEST_F(BadInput, AnIntervalEndingBeforeItStarts) {
  json report = example();
  report["claims"][1]["time"]["end"] = "2021-11-15";
  expect_rejected("time.json", report.dump(), {"time.json", "/claims/1/time/end"});
}

TEST_F(BadInput, CoordinatesOffTheGlobe) {
  json report = example();
  report["claims"][1]["place"]["geometry"] = {{"type", "Point"}, {"coordinates", {181.0, 40.0}}};
  expect_rejected("lon.json", report.dump(), {"lon.json", "/claims/1/place/geometry"});
}

TEST_F(BadInput, AnUnknownEventTypeListsTheKnownOnes) {
  json report = example();
  report["claims"][3]["event_type"] = "battle";
  expect_rejected("type.json", report.dump(), {"type.json", "/claims/3/event_type", "armed_clash"});
}

TEST_F(BadInput, AQuoteThatIsNotInTheDocument) {
  json report = example();
  report["claims"][1]["provenance"]["casualties/0"] = "this sentence is not in the article";
  expect_rejected("quote.json", report.dump(), {"quote.json", "/claims/1/provenance"});
}

TEST_F(BadInput, ASyntaxErrorNamesTheLine) {
  std::string text = example().dump(2);
  text.resize(text.size() / 2);
  expect_rejected("cut.json", text, {"cut.json:"});
}

TEST_F(BadInput, InvalidUtf8NamesTheLine) {
  std::string text = example().dump(2);
  std::size_t third_line = text.find('\n', text.find('\n') + 1);
  text.insert(third_line + 3, "\xff");
  expect_rejected("latin1.json", text, {"latin1.json", "line 3", "UTF-8"});
}

TEST_F(BadInput, ANulByteIsRefused) {
  std::string text = example().dump(2);
  text[text.size() / 2] = '\0';
  expect_rejected("nul.json", text, {"nul.json", "NUL"});
}

TEST_F(BadInput, AChangedTextNoLongerMatchesItsDocumentId) {
  // Export gives the document its content-derived id; editing the text then
  // breaks the match and the file is refused.
  std::string db2 = (dir_ / "source.db").string();
  ASSERT_EQ(truce({"init", "--db", db2}).exit_code, 0);
  ASSERT_EQ(truce({"ingest", "--db", db2, kExample.string()}).exit_code, 0);
  auto exported = truce({"export", "--db", db2, "--format", "json"});
  json report = json::parse(exported.out);
  std::string text = report["documents"][0]["text"];
  report["documents"][0]["text"] = text + " ";
  expect_rejected("tampered.json", report.dump(), {"tampered.json", "/documents/0", "text"});
}

std::string csv_fixture() {
  return read_file(kSourceDir / "tests/data/serial/csv/kilisali.csv");
}

// Replaces the first occurrence of `from` on physical line `line` (1-based).
std::string replace_on_line(std::string text, int line, const std::string& from,
                            const std::string& to) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start) + 1;
  }
  std::size_t at = text.find(from, start);
  EXPECT_LT(at, text.find('\n', start))
      << "fixture changed: no \"" << from << "\" on line " << line;
  return text.replace(at, from.size(), to);
}

TEST_F(BadInput, ACsvCellThatIsNotANumberNamesLineAndColumn) {
  std::string text = replace_on_line(csv_fixture(), 3, ",1,,13,24,", ",seven,,13,24,");
  expect_rejected("reports.csv", text,
                  {"reports.csv:3: column 'killed': \"seven\" is not a number"});
}

TEST_F(BadInput, ACsvNegativeCountNamesLineAndColumn) {
  std::string text = replace_on_line(csv_fixture(), 4, ",7,10,", ",7,-10,");
  expect_rejected("negative.csv", text, {"negative.csv:4: column 'wounded'"});
}

TEST_F(BadInput, ACsvUnknownVocabularyWordNamesLineAndColumn) {
  std::string text = replace_on_line(csv_fixture(), 5, "de_escalation", "truce");
  expect_rejected("word.csv", text, {"word.csv:5: column 'event_type'", "de_escalation"});
}

TEST_F(BadInput, ACsvWithAMisspelledColumnIsRefused) {
  std::string text = replace_on_line(csv_fixture(), 1, "killed", "kiled");
  expect_rejected("header.csv", text, {"header.csv:1", "kiled"});
}

TEST_F(BadInput, TheLastBadRowOfACsvKeepsTheWholeFileOut) {
  std::string text = replace_on_line(csv_fixture(), 5, ",2,Both sides", ",7,Both sides");
  expect_rejected("last.csv", text, {"last.csv:5: column 'credibility'"});
}

TEST_F(BadInput, OneBadFileDoesNotStopTheOthers) {
  json report = example();
  report["claims"][0]["credibility"] = 9;
  write_file(dir_ / "bad.json", report.dump());
  auto result = truce({"ingest", "--db", db_, (dir_ / "bad.json").string(), kExample.string()});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_NE(result.err.find("bad.json"), std::string::npos);
  EXPECT_NE(result.err.find("/claims/0/credibility"), std::string::npos) << result.err;
  EXPECT_EQ(claim_count(), 4);
}

TEST_F(BadInput, DryRunValidatesAndWritesNothing) {
  auto result = truce({"ingest", "--db", db_, "--dry-run", kExample.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("would add 4 claims"), std::string::npos) << result.out;
  EXPECT_EQ(claim_count(), 0);
}

TEST_F(BadInput, AMissingFileIsUnavailable) {
  auto result = truce({"ingest", "--db", db_, (dir_ / "absent.json").string()});
  EXPECT_EQ(result.exit_code, 6);
  EXPECT_NE(result.err.find("absent.json"), std::string::npos);
}

}  // namespace
}  // namespace truce::test
