#include "fusion/parameters.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace truce::fusion {
namespace {

std::string read_bundled() {
  std::ifstream file(std::filesystem::path(TRUCE_SOURCE_DIR) / "data/fusion/parameters.tsv");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(FusionParameters, TheBundledFileHoldsExactlyTheDefaults) {
  auto parsed = parse_parameters(read_bundled(), "fusion/parameters.tsv");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_TRUE(*parsed == default_parameters());
}

TEST(FusionParameters, AChangedValueIsRead) {
  std::string text = read_bundled();
  const std::string line = "radius_km\t2\t25\n";
  text.replace(text.find(line), line.size(), "radius_km\t2\t40\n");
  auto parsed = parse_parameters(text, "fusion/parameters.tsv");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(radius_km(*parsed, LocationPrecision::kNear), 40);
}

TEST(FusionParameters, AnUnknownEventTypeNamesTheFileLineAndKey) {
  std::string text = read_bundled() + "event_type\tskirmish\tmember\thostilities\n";
  auto parsed = parse_parameters(text, "fusion/parameters.tsv");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(parsed.error().message.find("fusion/parameters.tsv:"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("key 'event_type'"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("skirmish"), std::string::npos);
}

TEST(FusionParameters, AMissingKeyIsNamed) {
  std::string text = read_bundled();
  const std::string line = "max_parties\t2\n";
  text.erase(text.find(line), line.size());
  auto parsed = parse_parameters(text, "p.tsv");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("missing parameters: max_parties"), std::string::npos)
      << parsed.error().message;
}

TEST(FusionParameters, AKeyGivenTwiceIsRefused) {
  auto parsed = parse_parameters(read_bundled() + "max_parties\t3\n", "p.tsv");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("given twice"), std::string::npos);
}

TEST(FusionParameters, AMemberRoleNeedsAGroup) {
  std::string text = read_bundled();
  const std::string line = "event_type\tattack\tmember\thostilities\n";
  text.replace(text.find(line), line.size(), "event_type\tattack\tmember\n");
  auto parsed = parse_parameters(text, "p.tsv");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("need a group"), std::string::npos);
}

TEST(FusionParameters, CommentsAndLineEndsAreReadAsInEveryDataFile) {
  std::string text = "\xEF\xBB\xBF  # an indented comment\n \t\n";
  for (char c : read_bundled()) {
    text += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  auto parsed = parse_parameters(text, "p.tsv");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_TRUE(*parsed == default_parameters());
}

TEST(FusionParameters, DAndERatedSourcesAreNotCredible) {
  const Parameters parameters = default_parameters();
  EXPECT_TRUE(counts_as_credible(parameters, Reliability::kA));
  EXPECT_TRUE(counts_as_credible(parameters, Reliability::kF));
  EXPECT_FALSE(counts_as_credible(parameters, Reliability::kD));
  EXPECT_FALSE(counts_as_credible(parameters, Reliability::kE));
}

}  // namespace
}  // namespace truce::fusion
