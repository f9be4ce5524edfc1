#include "extract/detail/byte_trie.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace truce::extract::detail {
namespace {

using Keys = std::vector<std::pair<std::string, std::uint32_t>>;
using Hits = std::vector<std::pair<std::size_t, std::uint32_t>>;

ByteTrie build(const Keys& keys) {
  std::vector<std::pair<std::string_view, std::uint32_t>> views;
  for (const auto& [key, value] : keys) {
    views.emplace_back(key, value);
  }
  return ByteTrie(views);
}

Hits walk(const ByteTrie& trie, std::string_view text, std::size_t from) {
  Hits hits;
  trie.each_key_at(text, from,
                   [&](std::size_t end, std::uint32_t value) { hits.emplace_back(end, value); });
  return hits;
}

// What each_key_at must report: every key that the text continues with, by
// its end, shortest first, with the value the key was first given.
Hits brute_force(const std::map<std::string, std::uint32_t>& keys, std::string_view text,
                 std::size_t from) {
  Hits hits;
  for (std::size_t end = from + 1; end <= text.size(); ++end) {
    if (auto found = keys.find(std::string(text.substr(from, end - from))); found != keys.end()) {
      hits.emplace_back(end, found->second);
    }
  }
  return hits;
}

TEST(ByteTrie, FindsEveryKeyThatStartsAtAPlaceShortestFirst) {
  const ByteTrie trie = build({{"a", 1}, {"ab", 2}, {"abc", 3}, {"b", 4}, {"abd", 5}});
  EXPECT_EQ(walk(trie, "abcd", 0), (Hits{{1, 1}, {2, 2}, {3, 3}}));
  EXPECT_EQ(walk(trie, "abd", 0), (Hits{{1, 1}, {2, 2}, {3, 5}}));
  EXPECT_EQ(walk(trie, "abcd", 1), (Hits{{2, 4}}));
  EXPECT_EQ(walk(trie, "abcd", 2), Hits{});
  EXPECT_EQ(walk(trie, "xab", 0), Hits{});  // a byte in no key ends the walk
  EXPECT_EQ(walk(trie, "ab", 2), Hits{});   // from the end of the text
}

TEST(ByteTrie, AKeyGivenTwiceKeepsItsFirstValue) {
  const ByteTrie trie = build({{"key", 7}, {"key", 9}});
  EXPECT_EQ(walk(trie, "key", 0), (Hits{{3, 7}}));
}

TEST(ByteTrie, AnEmptySetFindsNothing) {
  const ByteTrie trie = build({});
  EXPECT_TRUE(trie.empty());
  EXPECT_EQ(walk(trie, "anything", 0), Hits{});
}

// Random keys over every byte value, many sharing beginnings and some nodes
// with a child for nearly every byte: the layout puts children of different
// states in the same array, so a walk must never take another state's child
// for its own.
TEST(ByteTrie, AgreesWithALookupOfEveryPrefixOnRandomKeys) {
  std::mt19937 random(20261205);
  for (int round = 0; round < 20; ++round) {
    std::uniform_int_distribution<int> alphabet_size(2, 256);
    const int letters = alphabet_size(random);
    std::uniform_int_distribution<int> letter(0, letters - 1);
    std::uniform_int_distribution<std::size_t> length(1, 6);
    std::map<std::string, std::uint32_t> first_values;
    Keys keys;
    for (std::uint32_t value = 0; value < 3000; ++value) {
      std::string key;
      for (std::size_t n = length(random); n > 0; --n) {
        key += static_cast<char>(letter(random));
      }
      first_values.try_emplace(key, value);
      keys.emplace_back(key, value);
    }
    const ByteTrie trie = build(keys);
    std::string text;
    for (int n = 0; n < 400; ++n) {
      // Now and then a byte in no key (unless the keys use all 256).
      text += static_cast<char>(n % 50 == 0 ? letters % 256 : letter(random));
    }
    for (std::size_t from = 0; from <= text.size(); ++from) {
      ASSERT_EQ(walk(trie, text, from), brute_force(first_values, text, from))
          << "round " << round << ", from " << from;
    }
    for (const auto& [key, value] : first_values) {
      const Hits hits = walk(trie, key, 0);
      ASSERT_FALSE(hits.empty());
      EXPECT_EQ(hits.back(), (std::pair<std::size_t, std::uint32_t>{key.size(), value}));
    }
  }
}

// States whose children are of different classes could have their children
// laid out from the same base; a walk that took the slot of another state's
// child for its own would find keys that are not there. Small alphabets, keys
// of few children each, and every string over the alphabet up to the longest
// key looked up from its start.
TEST(ByteTrie, FindsNoKeyInTheChildrenOfAnotherState) {
  std::mt19937 random(20261208);
  for (int round = 0; round < 200; ++round) {
    std::uniform_int_distribution<int> alphabet_size(3, 8);
    const int letters = alphabet_size(random);
    std::uniform_int_distribution<int> letter(0, letters - 1);
    std::uniform_int_distribution<std::size_t> length(1, 3);
    std::uniform_int_distribution<std::uint32_t> count(2, 12);
    std::map<std::string, std::uint32_t> first_values;
    Keys keys;
    for (std::uint32_t value = 0, keys_wanted = count(random); value < keys_wanted; ++value) {
      std::string key;
      for (std::size_t n = length(random); n > 0; --n) {
        key += static_cast<char>('a' + letter(random));
      }
      first_values.try_emplace(key, value);
      keys.emplace_back(key, value);
    }
    const ByteTrie trie = build(keys);
    std::vector<std::string> texts = {""};
    for (std::size_t size = 1; size <= 3; ++size) {
      std::vector<std::string> longer;
      for (const std::string& text : texts) {
        for (int l = 0; l < letters; ++l) {
          longer.push_back(text + static_cast<char>('a' + l));
        }
      }
      for (const std::string& text : longer) {
        ASSERT_EQ(walk(trie, text, 0), brute_force(first_values, text, 0))
            << "round " << round << ", text " << text;
      }
      texts = std::move(longer);
    }
  }
}

// Two-byte characters are one step of a walk. Keys and texts of letters of
// two bytes, ASCII, three-byte characters and stray bytes (lead bytes without
// their continuation, continuation bytes without a lead): the walk must find
// exactly the keys whose bytes the text holds, wherever it starts, even inside
// a character.
TEST(ByteTrie, StepsOverTwoByteCharactersAsOverTheirBytes) {
  const std::vector<std::string> pieces = {"д", "е", "ж",    "ب",    "ت",    "ث",    "a",       "b",
                                           " ", "…", "\xD0", "\xD8", "\x80", "\xB6", "\xE2\x80"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<std::size_t> length(1, 5);
  for (int round = 0; round < 20; ++round) {
    std::map<std::string, std::uint32_t> first_values;
    Keys keys;
    for (std::uint32_t value = 0; value < 300; ++value) {
      std::string key;
      for (std::size_t n = length(random); n > 0; --n) {
        key += pieces[pick(random)];
      }
      // A key that ends with a lead byte would make every character bytes again.
      const auto last = static_cast<unsigned char>(key.back());
      if (last >= 0xC2U && last <= 0xDFU) {
        key += "a";
      }
      first_values.try_emplace(key, value);
      keys.emplace_back(key, value);
    }
    const ByteTrie trie = build(keys);
    std::string text;
    for (int n = 0; n < 300; ++n) {
      text += pieces[pick(random)];
    }
    for (std::size_t from = 0; from <= text.size(); ++from) {
      ASSERT_EQ(walk(trie, text, from), brute_force(first_values, text, from))
          << "round " << round << ", from " << from;
    }
  }
}

// A key that ends with a lead byte matches before the continuation byte that
// the text has after it.
TEST(ByteTrie, AKeyEndingWithALeadByteMatchesInsideACharacter) {
  const ByteTrie trie = build({{"a\xD0", 1}, {"д", 2}});
  EXPECT_EQ(walk(trie, "aд", 0), (Hits{{2, 1}}));
  EXPECT_EQ(walk(trie, "дa", 0), (Hits{{2, 2}}));
}

}  // namespace
}  // namespace truce::extract::detail
