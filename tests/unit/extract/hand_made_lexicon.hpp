// Lexicons made by hand in a test, entry by entry, and their matchers.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "extract/lexicon.hpp"
#include "extract/matcher.hpp"

namespace truce::extract::hand_made {

inline LexiconEntry english_entry(std::string category, std::string value, std::string phrase) {
  LexiconEntry made;
  made.category = std::move(category);
  made.value = std::move(value);
  made.phrase = std::move(phrase);
  made.language = "en";
  return made;
}

inline Matcher compiled(Lexicon lexicon) {
  Result<Matcher> compiled = Matcher::compile(std::move(lexicon));
  EXPECT_TRUE(compiled) << compiled.error().message;
  return std::move(compiled).value();
}

}  // namespace truce::extract::hand_made
