#include "extract/detail/analysis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/detail/assemble.hpp"
#include "extract/lexicon.hpp"
#include "extract/matcher.hpp"
#include "hand_made_lexicon.hpp"

// The byte loops of analyse read eight or sixteen bytes at a time; these tests compare them
// with a byte-by-byte reading of the same rules, on synthetic texts shifted by
// every offset so that marks, gaps and characters fall across the blocks' edges.

namespace truce::extract::detail {
namespace {

Matcher empty_matcher() {
  Result<Matcher> matcher = Matcher::compile(Lexicon());
  EXPECT_TRUE(matcher.has_value());
  return std::move(matcher).value();
}

// A matcher of hand-made entries, each (category, phrase) with its phrase as value.
Matcher matcher_of(const std::vector<std::pair<std::string, std::string>>& entries) {
  Lexicon lexicon;
  for (const auto& [category, phrase] : entries) {
    LexiconEntry entry;
    entry.category = category;
    entry.value = phrase;
    entry.phrase = phrase;
    lexicon.add(std::move(entry));
  }
  return hand_made::compiled(std::move(lexicon));
}

bool digit(std::string_view text, std::size_t at) {
  return at < text.size() && text[at] >= '0' && text[at] <= '9';
}

// Clauses of a sentence by the rule of split_clauses, one byte at a time.
std::vector<Range> clauses_byte_by_byte(std::string_view text, Range sentence) {
  std::vector<std::uint32_t> cuts;
  for (std::uint32_t at = sentence.begin; at < sentence.end; ++at) {
    const char c = text[at];
    const bool arabic =
        c == '\xD8' && at + 1 < text.size() && (text[at + 1] == '\x8C' || text[at + 1] == '\x9B');
    const bool thousands = c == ',' && at > 0 && digit(text, at - 1) && digit(text, at + 1);
    if (c == ';' || c == ':' || (c == ',' && !thousands) || arabic) {
      cuts.push_back(at);
      at += arabic ? 1 : 0;
    }
  }
  std::vector<Range> clauses;
  std::uint32_t start = sentence.begin;
  for (std::uint32_t cut : cuts) {
    if (cut > start) {
      clauses.push_back({start, cut});
    }
    start = cut;
  }
  if (sentence.end > start) {
    clauses.push_back({start, sentence.end});
  }
  return clauses;
}

std::uint32_t words_between_byte_by_byte(std::string_view text, std::uint32_t from,
                                         std::uint32_t to) {
  const auto gap = [&](std::size_t at) { return text[at] == ' ' || text[at] == '\n'; };
  to = std::min<std::uint32_t>(to, static_cast<std::uint32_t>(text.size()));
  if (to <= from) {
    return 0;
  }
  // Words that start in [from, to); the word `to` falls inside belongs to what
  // begins at `to`, as the word `from` falls inside belongs to what ends there.
  const auto starts_word = [&](std::uint32_t at) { return !gap(at) && (at == 0 || gap(at - 1)); };
  std::uint32_t count = 0;
  std::uint32_t last_start = to;
  for (std::uint32_t at = from; at < to; ++at) {
    if (starts_word(at)) {
      ++count;
      last_start = at;
    }
  }
  const bool to_inside_word = to < text.size() && !gap(to) && !gap(to - 1);
  if (to_inside_word && last_start < to) {
    --count;
  }
  return count;
}

// Arabic and Latin words with commas, semicolons, colons (ASCII and Arabic) and
// a thousands separator, in short sentences.
constexpr std::string_view kBody =
    "قال المتحدث، إن القصف؛ استمر: 1,500 قذيفة، وأكثر.\n"
    "Patrol one, patrol two; the post: held،ok؛ 12,30 then, 7 ,8\n\n"
    "نص،نص؛نص ، ؛ a;b:c,d";

std::string shifted(std::size_t shift) {
  return std::string(shift, 'x') + " " + std::string(kBody) + std::string(shift % 3, ',');
}

TEST(Analysis, ClausesMatchTheByteRuleAtEveryAlignment) {
  const Matcher matcher = empty_matcher();
  for (std::size_t shift = 0; shift < 16; ++shift) {
    const std::string original = shifted(shift);
    const Analysis analysis = analyse(original, matcher, std::nullopt);
    ASSERT_FALSE(analysis.sentences.empty());
    for (const Sentence& sentence : analysis.sentences) {
      const std::vector<Range> expected =
          clauses_byte_by_byte(analysis.normalized.text, sentence.range);
      ASSERT_EQ(sentence.clauses.size(), expected.size()) << "shift " << shift;
      for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(sentence.clauses[i].begin, expected[i].begin) << "shift " << shift;
        EXPECT_EQ(sentence.clauses[i].end, expected[i].end) << "shift " << shift;
      }
    }
  }
}

TEST(Analysis, ArabicCommaAcrossABlockEdgeCutsAClause) {
  const Matcher matcher = empty_matcher();
  // ، (0xD8 0x8C) after seven ASCII bytes, and across a sixteen-byte edge
  // (bytes 15 and 16).
  for (const auto& [text, cut] : {std::pair<std::string_view, std::uint32_t>{"abcdef ،ghi jk", 7},
                                  {"abcdef ghijklmn،op qrstuvwxyz", 15}}) {
    const Analysis analysis = analyse(text, matcher, std::nullopt);
    ASSERT_EQ(analysis.sentences.size(), 1U) << text;
    ASSERT_EQ(analysis.sentences[0].clauses.size(), 2U) << text;
    EXPECT_EQ(analysis.sentences[0].clauses[1].begin, cut) << text;
  }
}

TEST(Analysis, WordsBetweenMatchesTheByteCount) {
  const Matcher matcher = empty_matcher();
  for (std::size_t shift = 0; shift < 17; ++shift) {
    const std::string original = shifted(shift);
    const Analysis analysis = analyse(original, matcher, std::nullopt);
    const std::string_view text = analysis.normalized.text;
    const auto size = static_cast<std::uint32_t>(text.size());
    for (std::uint32_t from = 0; from < size; ++from) {
      for (std::uint32_t to = from; to <= size + 1; to += 3) {
        ASSERT_EQ(analysis.words_between(from, to), words_between_byte_by_byte(text, from, to))
            << "shift " << shift << ", from " << from << " to " << to;
      }
    }
  }
}

TEST(Analysis, OriginalOffsetsStartEveryCodePoint) {
  const Matcher matcher = empty_matcher();
  for (std::size_t shift = 0; shift < 17; ++shift) {
    const std::string original = shifted(shift);
    const Analysis analysis = analyse(original, matcher, std::nullopt);
    std::vector<std::uint32_t> expected;
    for (std::size_t at = 0; at < original.size(); ++at) {
      if ((static_cast<unsigned char>(original[at]) & 0xC0U) != 0x80U) {
        expected.push_back(static_cast<std::uint32_t>(at));
      }
    }
    expected.push_back(static_cast<std::uint32_t>(original.size()));
    const std::vector<std::uint32_t> offsets(analysis.original_offsets.begin(),
                                             analysis.original_offsets.end());
    EXPECT_EQ(offsets, expected) << "shift " << shift;
  }
}

TEST(Analysis, NumbersInARangeAreThoseThatBeginInIt) {
  const Matcher matcher = empty_matcher();
  const Analysis analysis =
      analyse("Shelled 3 times, 12 wounded and 40 left; 7 more on 9 roads, 250 m away.", matcher,
              std::nullopt);
  ASSERT_GE(analysis.numbers.size(), 5U);
  const auto size = static_cast<std::uint32_t>(analysis.normalized.text.size());
  for (std::uint32_t from = 0; from <= size + 1; ++from) {
    for (std::uint32_t to = 0; to <= size + 1; ++to) {
      std::vector<std::uint32_t> expected;
      for (const NumberMention& number : analysis.numbers) {
        if (number.begin >= from && number.begin < to) {
          expected.push_back(number.begin);
        }
      }
      std::vector<std::uint32_t> found;
      for (const NumberMention& number : analysis.numbers_in({from, to})) {
        found.push_back(number.begin);
      }
      ASSERT_EQ(found, expected) << "from " << from << " to " << to;
    }
  }
}

// `within` bisects the begins kept beside the category lists, or follows the
// pointers of any other list: both give, for every range, the mentions that
// begin inside it, for runs shorter and longer than its first short walk.
TEST(Analysis, MentionsInARangeAreThoseThatBeginInIt) {
  const Matcher matcher =
      matcher_of({{"place", "alpha"}, {"actor", "bravo"}, {"event", "charlie"}});
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += i % 7 == 3 ? "bravo alpha " : (i % 5 == 1 ? "charlie " : "alpha alpha x ");
  }
  const Analysis analysis = analyse(text, matcher, std::nullopt);
  const auto size = static_cast<std::uint32_t>(analysis.normalized.text.size());
  for (const Category category : {Category("place"), Category("actor"), Category("event")}) {
    const MentionList all = analysis.all_of(category);
    ASSERT_FALSE(all.empty()) << category.name();
    const std::vector<const Mention*> copied(all.begin(), all.end());
    const MentionList tail = all.subspan(all.size() / 3);
    for (std::uint32_t from = 0; from <= size + 1; ++from) {
      for (std::uint32_t to = 0; to <= size + 1; ++to) {
        const auto expected = [&](MentionList list) {
          std::vector<const Mention*> inside;
          for (const Mention* mention : list) {
            if (mention->range.begin >= from && mention->range.begin < to) {
              inside.push_back(mention);
            }
          }
          return inside;
        };
        const auto as_vector = [](MentionList list) {
          return std::vector<const Mention*>(list.begin(), list.end());
        };
        ASSERT_EQ(as_vector(analysis.in({from, to}, category)), expected(all))
            << category.name() << " " << from << ".." << to;
        ASSERT_EQ(as_vector(analysis.within(tail, {from, to})), expected(tail))
            << category.name() << " tail " << from << ".." << to;
        ASSERT_EQ(as_vector(analysis.within(copied, {from, to})), expected(all))
            << category.name() << " copy " << from << ".." << to;
      }
    }
  }
}

TEST(ExcludedRanges, JoinedTheyOverlapWhatAnyOfThemOverlaps) {
  // Overlapping, touching, nested and empty ranges, in no order.
  const std::vector<Range> ranges{{30, 40}, {5, 9},   {9, 12},  {50, 50}, {60, 80},
                                  {65, 70}, {38, 45}, {90, 91}, {20, 20}, {70, 85}};
  std::vector<Range> joined = ranges;
  join_ranges(joined);
  for (std::size_t i = 1; i < joined.size(); ++i) {
    ASSERT_LE(joined[i - 1].end, joined[i].begin) << "sorted and apart";
  }
  for (std::uint32_t begin = 0; begin < 100; ++begin) {
    for (std::uint32_t end = begin; end < 100; ++end) {
      const Range query{begin, end};
      const bool expected = std::any_of(ranges.begin(), ranges.end(), [&](const Range& range) {
        return range.begin < range.end && range.overlaps(query);  // an empty range holds no word
      });
      ASSERT_EQ(overlaps_any(joined, query), expected) << begin << ".." << end;
    }
  }
}

TEST(Category, EveryKnownNameIsFoundAtItsIndexAndNoOther) {
  for (std::size_t i = 0; i < kKnownCategories.size(); ++i) {
    EXPECT_EQ(category_table::index_of(kKnownCategories[i]), i) << kKnownCategories[i];
  }
  for (std::string_view other : {"", "plac", "places", "actors", "Actor", "event "}) {
    EXPECT_EQ(category_table::index_of(other), category_table::kNone) << "'" << other << "'";
  }
  const Category place = "place";
  EXPECT_EQ(place.name(), "place");
}

TEST(Category, TheBundledLexiconsHaveNoCategoryTheListLacks) {
  Lexicon lexicon;
  ASSERT_TRUE(lexicon.load_directory(std::filesystem::path(TRUCE_SOURCE_DIR) / "data" / "lexicon"));
  for (const LexiconEntry& entry : lexicon.entries()) {
    EXPECT_NE(category_table::index_of(entry.category), category_table::kNone) << entry.category;
  }
}

// A lookup by Category gives the list a lookup by the name gives, for known
// categories with mentions, known ones without, and never one of another name.
TEST(Category, ListsByCategoryAreTheListsByName) {
  const Matcher matcher = matcher_of({{"place", "alpha"},
                                      {"actor", "bravo"},
                                      {"event", "charlie"},
                                      {"place", "delta"},
                                      {"unlisted", "echo"},
                                      {"negation", "foxtrot"}});
  const Analysis analysis =
      analyse("alpha bravo charlie. delta echo alpha, foxtrot.", matcher, std::nullopt);
  for (std::size_t i = 0; i < kKnownCategories.size(); ++i) {
    const MentionList by_index = analysis.known_categories[i];
    const MentionList by_name = analysis.all_of(kKnownCategories[i]);
    EXPECT_EQ(by_index.data(), by_name.data()) << kKnownCategories[i];
    EXPECT_EQ(by_index.size(), by_name.size()) << kKnownCategories[i];
  }
  EXPECT_EQ(analysis.all_of("place").size(), 3U);
  EXPECT_EQ(analysis.all_of("actor").size(), 1U);
  EXPECT_EQ(analysis.in({0, 12}, "place").size(), 1U);
  EXPECT_EQ(analysis.all_of("number").size(), 0U);
  EXPECT_EQ(analysis.all_of(std::string_view("unlisted")).size(), 1U);
}

}  // namespace
}  // namespace truce::extract::detail
