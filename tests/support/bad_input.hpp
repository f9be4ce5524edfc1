// Table-driven bad-input tests: each case replaces one unique piece of a valid
// base text and expects the reader to reject the result with kInvalidInput and
// an error message that contains a given substring.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace truce::test {

struct BadInput {
  const char* name;      // the test's name: letters, digits and _
  const char* find;      // occurs once in the base text
  const char* replace;   // what it becomes
  const char* expected;  // a substring of the error message
};

// gtest looks for this name to print a parameter.
// NOLINTNEXTLINE(readability-identifier-naming)
inline void PrintTo(const BadInput& input, std::ostream* out) {
  *out << input.name;
}

// Replaces the one occurrence of input.find in `base` by input.replace and
// expects `read(text)`, a Result, to fail with kInvalidInput and a message that
// contains input.expected. Its ASSERTs end only this function: call it as the
// last statement of a test, or under ASSERT_NO_FATAL_FAILURE.
template <typename Read>
void expect_rejected(const BadInput& input, std::string_view base, const Read& read) {
  std::string text(base);
  std::size_t at = text.find(input.find);
  ASSERT_NE(at, std::string::npos) << input.find;
  ASSERT_EQ(text.find(input.find, at + 1), std::string::npos) << input.find << " is not unique";
  text.replace(at, std::string_view(input.find).size(), input.replace);
  auto result = read(std::string_view(text));
  ASSERT_FALSE(result) << "accepted:\n" << text;
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(result.error().message.find(input.expected), std::string::npos)
      << "expected: " << input.expected << "\ngot: " << result.error().message;
}

}  // namespace truce::test
