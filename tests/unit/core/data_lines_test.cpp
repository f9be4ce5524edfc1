// The rule every reader of the bundled data files shares: which lines hold
// data, and what their numbers are.
#include "core/data_lines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace truce {
namespace {

std::vector<std::string> texts(const std::vector<DataLineView>& lines) {
  std::vector<std::string> result;
  for (const DataLineView& line : lines) {
    result.push_back(std::to_string(line.number) + ":" + std::string(line.text));
  }
  return result;
}

TEST(DataLines, CommentsAndBlankLinesAreSkippedButCounted) {
  const auto lines = data_lines("# header\n\na\tb\n  \t \n  # indented comment\nc\n");
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"3:a\tb", "6:c"}));
}

TEST(DataLines, AByteOrderMarkAndCrLfLineEndsAreAccepted) {
  const auto lines = data_lines(
      "\xEF\xBB\xBF"
      "first\r\nsecond\r\n");
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"1:first", "2:second"}));
}

TEST(DataLines, TheLastLineNeedsNoLineEnd) {
  EXPECT_EQ(texts(data_lines("a\nb")), (std::vector<std::string>{"1:a", "2:b"}));
  EXPECT_TRUE(data_lines("").empty());
}

TEST(DataLines, LeadingBlanksOfADataLineAreKept) {
  EXPECT_EQ(texts(data_lines(" a\n")), (std::vector<std::string>{"1: a"}));
}

TEST(SplitTabs, EveryTabStartsACellEvenAnEmptyOne) {
  EXPECT_EQ(split_tabs("a\t\tb"), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(split_tabs("a\t"), (std::vector<std::string_view>{"a", ""}));
  EXPECT_EQ(split_tabs(""), (std::vector<std::string_view>{""}));
}

}  // namespace
}  // namespace truce
