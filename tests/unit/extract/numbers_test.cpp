#include "extract/numbers.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hand_made_lexicon.hpp"
#include "support/test_data.hpp"
#include "text/normalize.hpp"

// The repository's own lexicons (data/lexicon) and matcher: the data is tested
// with the rules. Short texts are synthetic phrases written for these tests,
// some of them excerpts of the seed article, the project's founding fixture
// (tests/data/seed, sources in its SOURCE.md), or variations on them.

namespace truce::extract {
namespace {

const Matcher& repository_matcher() {
  static const Matcher matcher = [] {
    Lexicon lexicon;
    Status loaded =
        lexicon.load_directory(std::filesystem::path(TRUCE_SOURCE_DIR) / "data" / "lexicon");
    if (!loaded) {
      throw std::runtime_error(loaded.error().message);
    }
    Result<Matcher> compiled = Matcher::compile(std::move(lexicon));
    if (!compiled) {
      throw std::runtime_error(compiled.error().message);
    }
    return std::move(compiled).value();
  }();
  return matcher;
}

struct Read {
  std::string text;
  std::vector<NumberMention> mentions;

  std::string span(const NumberMention& mention) const {
    return text.substr(mention.begin, mention.end - mention.begin);
  }
  std::string figure(const NumberMention& mention) const {
    return text.substr(mention.figure_begin, mention.figure_end - mention.figure_begin);
  }
};

Read read(std::string_view original) {
  const Matcher& matcher = repository_matcher();
  Read result{text::normalize_for_matching(original).text, {}};
  result.mentions = find_numbers(result.text, matcher.scan(result.text), matcher.lexicon());
  return result;
}

struct Expected {
  Expected(std::string_view span_written, std::int64_t least, std::optional<std::int64_t> most,
           std::string_view rule = "", bool is_vague = false, bool is_approximate = false)
      : span(span_written),
        min(least),
        max(most),
        qualifier(rule),
        vague(is_vague),
        approximate(is_approximate) {}

  std::string_view span;  // as written; compared in matching form
  std::int64_t min = 0;
  std::optional<std::int64_t> max;
  std::string_view qualifier;
  bool vague = false;
  bool approximate = false;
};

struct Case {
  std::string_view text;
  std::vector<Expected> expected;
};

constexpr std::nullopt_t kOpen = std::nullopt;

void check(const std::vector<Case>& cases) {
  for (const Case& each : cases) {
    SCOPED_TRACE(std::string(each.text));
    Read found = read(each.text);
    std::string all;
    for (const NumberMention& mention : found.mentions) {
      all += "[" + found.span(mention) + "] ";
    }
    ASSERT_EQ(found.mentions.size(), each.expected.size()) << all;
    for (std::size_t i = 0; i < each.expected.size(); ++i) {
      const Expected& expected = each.expected[i];
      const NumberMention& mention = found.mentions[i];
      EXPECT_EQ(found.span(mention), text::matching_form(expected.span));
      EXPECT_EQ(mention.count.min, expected.min);
      EXPECT_EQ(mention.count.max, expected.max);
      EXPECT_EQ(mention.qualifier, expected.qualifier);
      EXPECT_EQ(mention.vague, expected.vague);
      EXPECT_EQ(mention.approximate, expected.approximate);
    }
  }
}

// The reader gathers what it needs of a lexicon once per lexicon and thread,
// keyed by the lexicon's revision: two lexicons read in turn on one thread,
// whose qualifier category has another number in each, keep their own
// readings (with the other's words neither would find its qualifier).
TEST(NumbersTest, EachLexiconIsReadWithItsOwnWords) {
  using hand_made::compiled;
  const auto entry = hand_made::english_entry;
  Lexicon qualifier_first;
  qualifier_first.add(entry("number_qualifier", "at_least", "at least"));
  Lexicon qualifier_second;
  qualifier_second.add(entry("number", "2", "two"));
  qualifier_second.add(entry("number_qualifier", "at_least", "at least"));
  const Matcher first = compiled(qualifier_first);
  const Matcher second = compiled(qualifier_second);
  const std::string text = text::normalize_for_matching("at least 5 killed").text;
  const auto qualifier_of = [&](const Matcher& matcher) {
    const std::vector<NumberMention> mentions =
        find_numbers(text, matcher.scan(text), matcher.lexicon());
    return mentions.size() == 1 ? mentions[0].qualifier : std::string("?");
  };
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(qualifier_of(first), "at_least");
    EXPECT_EQ(qualifier_of(second), "at_least");
  }
}

TEST(NumbersTest, ArabicDigitsAndWordsInTheirForms) {
  check({
      {"قتل جندي أرمني واحد", {{"واحد", 1, 1}}},
      {"وأسر 13 آخرين", {{"13", 13, 13}}},
      {"فُقد الاتصال بـ 24 جندياً", {{"24", 24, 24}}},
      {"أفادت بمقتل سبعة من جنودها", {{"سبعة", 7, 7}}},
      {"وجرح عشرة آخرين", {{"عشرة", 10, 10}}},
      {"قتلت ثلاث نساء", {{"ثلاث", 3, 3}}},
      {"إحدى عشرة امرأة", {{"إحدى عشرة", 11, 11}}},
      {"مقتل ثلاثة عشر جندياً", {{"ثلاثة عشر", 13, 13}}},
      {"أسر واحد وعشرين جندياً", {{"واحد وعشرين", 21, 21}}},
      {"أحد وعشرون مقاتلاً", {{"أحد وعشرون", 21, 21}}},
      {"مئة وخمسون", {{"مئة وخمسون", 150, 150}}},
      {"مئتا جندي", {{"مئتا", 200, 200}}},
      {"ثلاثة آلاف نازح", {{"ثلاثة آلاف", 3000, 3000}}},
      {"3 آلاف نازح", {{"3 آلاف", 3000, 3000}}},
      {"١٣ جندياً", {{"١٣", 13, 13}}},
      {"1,200 جندي", {{"1,200", 1200, 1200}}},
      {"1٬200 جندي", {{"1٬200", 1200, 1200}}},
      {"ثلاثين قتيلاً", {{"ثلاثين", 30, 30}}},
      {"نزح خمسة وعشرون ألفاً", {{"خمسة وعشرون ألفاً", 25000, 25000}}},
  });
}

TEST(NumbersTest, ArabicQualifiersVagueQuantitiesAndRanges) {
  check({
      {"قتل ما لا يقل عن 7 جنود", {{"ما لا يقل عن 7", 7, kOpen, "at_least"}}},
      {"قتل 7 جنود على الأقل", {{"7 جنود على الأقل", 7, kOpen, "at_least"}}},
      {"نحو 20 جندياً", {{"نحو 20", 20, 20, "about", false, true}}},
      {"قرابة خمسين", {{"قرابة خمسين", 50, 50, "nearly", false, true}}},
      {"أكثر من 10 مدنيين", {{"أكثر من 10", 11, kOpen, "more_than"}}},
      {"حتى 5 قتلى", {{"حتى 5", 1, 5, "up_to"}}},
      {"عشرات القتلى", {{"عشرات", 10, kOpen, "", true}}},
      {"مئات الجرحى", {{"مئات", 100, kOpen, "", true}}},
      {"بعد تصعيد استمر عدة أسابيع", {{"عدة", 2, kOpen, "", true}}},
      {"عشرات الآلاف", {{"عشرات الآلاف", 10000, kOpen, "", true}}},
      {"آلاف النازحين", {{"آلاف", 1000, kOpen, "", true}}},
      {"بين 10 و15 جندياً", {{"بين 10 و15", 10, 15, "range"}}},
      {"من 12 إلى 15 قتيلاً", {{"من 12 إلى 15", 12, 15, "range"}}},
      {"12-15 قتيلاً", {{"12-15", 12, 15, "range"}}},
  });
}

TEST(NumbersTest, ArabicWordsThatAreNotCounts) {
  check({
      {"أعلن الكرملين، اليوم الأحد", {}},
      {"اليوم الاثنين", {}},
      {"الاتفاقات الثلاثية", {}},
      {"بعد معارك استمرت لنحو شهر ونصف", {}},
      {"المؤرخة في 9 تشرين الثاني/نوفمبر 2020 و11 كانون الثاني/يناير 2021", {}},
      {"سبوتنيك - 21 نوفمبر 2021ء", {}},
      {"في عام 2020", {}},
      {"ارتفع بنسبة 50%", {}},
      {"في الساعة 10 صباحاً قتل 3", {{"3", 3, 3}}},
  });
}

TEST(NumbersTest, RussianCasesCollectivesAndCompounds) {
  check({
      {"погибли двое военнослужащих", {{"двое", 2, 2}}},
      {"ранены пятеро", {{"пятеро", 5, 5}}},
      {"гибель двух солдат", {{"двух", 2, 2}}},
      {"задержаны четверых", {{"четверых", 4, 4}}},
      {"гибель пятерых военнослужащих", {{"пятерых", 5, 5}}},
      {"трёх человек", {{"трёх", 3, 3}}},
      {"трех человек", {{"трех", 3, 3}}},
      {"двадцать один человек", {{"двадцать один", 21, 21}}},
      {"около двадцати одного человека", {{"около двадцати одного", 21, 21, "about", false, true}}},
      {"сто двадцать пять", {{"сто двадцать пять", 125, 125}}},
      {"три тысячи", {{"три тысячи", 3000, 3000}}},
      {"5 тысяч беженцев", {{"5 тысяч", 5000, 5000}}},
      {"1 200 человек", {{"1 200", 1200, 1200}}},
  });
}

TEST(NumbersTest, RussianQualifiersVagueQuantitiesAndRanges) {
  check({
      {"не менее 5 погибших", {{"не менее 5", 5, kOpen, "at_least"}}},
      {"по меньшей мере трое", {{"по меньшей мере трое", 3, kOpen, "at_least"}}},
      {"менее 5 человек", {{"менее 5", 1, 4, "less_than"}}},
      {"более 100 человек", {{"более 100", 101, kOpen, "more_than"}}},
      {"свыше 40", {{"свыше 40", 41, kOpen, "more_than"}}},
      {"почти 100", {{"почти 100", 100, 100, "nearly", false, true}}},
      {"до 7 человек", {{"до 7", 1, 7, "up_to"}}},
      {"от 5 до 7 человек", {{"от 5 до 7", 5, 7, "range"}}},
      {"5-7 человек", {{"5-7", 5, 7, "range"}}},
      {"двое или трое", {{"двое или трое", 2, 3, "range"}}},
      {"десятки раненых", {{"десятки", 10, kOpen, "", true}}},
      {"несколько человек", {{"несколько", 2, kOpen, "", true}}},
      {"сотни тысяч", {{"сотни тысяч", 100000, kOpen, "", true}}},
      {"тысячи беженцев", {{"тысячи", 1000, kOpen, "", true}}},
      {"более двух десятков", {{"более двух десятков", 21, kOpen, "more_than"}}},
      {"около десятка", {{"около десятка", 10, 10, "about", false, true}}},
      {"несколько десятков", {{"несколько десятков", 20, kOpen, "", true}}},
  });
}

TEST(NumbersTest, RussianDigitsThatAreNotCounts) {
  check({
      {"21 ноября 2021 года", {}},
      {"в 2020 году погибли 5 человек", {{"5", 5, 5}}},
      {"2021 г.", {}},
      {"штурмовик Су-25", {}},
      {"82-мм миномёт", {}},
      {"в 10:30", {}},
      {"ни один человек не пострадал", {}},
      {"в 18 часов погибли 2 человека", {{"2", 2, 2}}},
      {"с 1 по 5 октября 2020 года", {}},
  });
  // A figure that ends the text, or stands before a word that only begins
  // like a marker word ("году"), counts.
  check({
      {"погибли 5", {{"5", 5, 5}}},
      {"погибли 5 го", {{"5", 5, 5}}},
      {"погибли 5 годовалых", {{"5", 5, 5}}},
  });
}

TEST(NumbersTest, EnglishWordsAndCompounds) {
  check({
      {"twenty-one soldiers", {{"twenty-one", 21, 21}}},
      {"one hundred and twenty", {{"one hundred and twenty", 120, 120}}},
      {"three hundred", {{"three hundred", 300, 300}}},
      {"two dozen", {{"two dozen", 24, 24}}},
      {"a dozen soldiers", {{"a dozen", 12, 12}}},
      {"Two Million", {{"two million", 2000000, 2000000}}},
      {"13 (thirteen) soldiers", {{"13 (thirteen)", 13, 13}}},
      {"five soldiers and six civilians", {{"five", 5, 5}, {"six", 6, 6}}},
  });
}

TEST(NumbersTest, EnglishQualifiersVagueQuantitiesAndRanges) {
  check({
      {"at least 7 killed", {{"at least 7", 7, kOpen, "at_least"}}},
      {"more than 20", {{"more than 20", 21, kOpen, "more_than"}}},
      {"over 20", {{"over 20", 21, kOpen, "more_than"}}},
      {"about 50", {{"about 50", 50, 50, "about", false, true}}},
      {"nearly 100", {{"nearly 100", 100, 100, "nearly", false, true}}},
      {"up to 30", {{"up to 30", 1, 30, "up_to"}}},
      {"fewer than 10", {{"fewer than 10", 1, 9, "less_than"}}},
      {"20 people or more", {{"20 people or more", 20, kOpen, "at_least"}}},
      {"between 10 and 15", {{"between 10 and 15", 10, 15, "range"}}},
      {"10 to 15", {{"10 to 15", 10, 15, "range"}}},
      {"12–15 wounded", {{"12–15", 12, 15, "range"}}},
      {"two or three", {{"two or three", 2, 3, "range"}}},
      {"dozens of civilians", {{"dozens", 12, kOpen, "", true}}},
      {"hundreds", {{"hundreds", 100, kOpen, "", true}}},
      {"tens of thousands", {{"tens of thousands", 10000, kOpen, "", true}}},
      {"several hundred", {{"several hundred", 200, kOpen, "", true}}},
      {"a few", {{"a few", 2, kOpen, "", true}}},
  });
}

TEST(NumbersTest, EnglishDigitsThatAreNotCounts) {
  check({
      {"an F-16 jet", {}},
      {"82mm mortars", {}},
      {"50% of", {}},
      {"1.5 km", {}},
      {"at 10:30", {}},
      {"on 2021-11-21", {}},
      {"on 21.11.2021", {}},
      {"On 21 November 2021, 7 soldiers", {{"7", 7, 7}}},
      {"November 21, 2021", {}},
      {"no one was hurt", {}},
      {"At 5 a.m. the shelling killed four", {{"four", 4, 4}}},
      {"a 22 years old civilian", {}},
      {"two men, 40 years of age", {{"two", 2, 2}}},
  });
}

// Digits right beside a month word are a day or a year: after it with spaces
// between, before it with spaces and one comma at most; anything else
// between, or a month further off, leaves them a count. Several months in a
// text: each run looks at the nearest on each side.
TEST(NumbersTest, DigitsBesideAMonthAreNoCount) {
  check({
      {"in May 12 soldiers", {}},
      {"in May, 12 soldiers", {}},
      {"in May ,  12 soldiers", {}},
      {"in May,, 12 soldiers", {{"12", 12, 12}}},
      {"in May: 12 soldiers", {{"12", 12, 12}}},
      {"12 May soldiers", {}},
      {"12  May soldiers", {}},
      {"12 soldiers in May", {{"12", 12, 12}}},
      {"in May and June, 12 soldiers died; 14 June there were 3 more", {{"3", 3, 3}}},
      {"in May and June 12 soldiers, in July 5 more", {}},
  });
}

TEST(NumbersTest, FigureIsTheNumberWithoutItsQualifier) {
  Read found = read("قتل ما لا يقل عن سبعة جنود");
  ASSERT_EQ(found.mentions.size(), 1U);
  EXPECT_EQ(found.figure(found.mentions[0]), text::matching_form("سبعة"));
  EXPECT_TRUE(found.mentions[0].words);
  Read digits = read("at least 7");
  ASSERT_EQ(digits.mentions.size(), 1U);
  EXPECT_EQ(digits.figure(digits.mentions[0]), "7");
  EXPECT_FALSE(digits.mentions[0].words);
}

// Every count of the founding article, once each, and nothing from its dates.
TEST(NumbersTest, SeedArticle) {
  Read found = read(test::read_test_data("seed/ar-sputnik-2021-11-21.txt"));
  std::vector<std::string> figures;
  for (const NumberMention& mention : found.mentions) {
    figures.push_back(found.figure(mention) + "=" + std::to_string(mention.count.min) +
                      (mention.vague ? "+" : ""));
  }
  std::vector<std::string> expected = {
      text::matching_form("عدة") + "=2+", text::matching_form("واحد") + "=1", "13=13", "24=24",
      text::matching_form("سبعة") + "=7", text::matching_form("عشرة") + "=10"};
  EXPECT_EQ(figures, expected);
}

// The rules skip entries whose value they cannot read; this test catches them.
TEST(NumbersTest, LexiconValuesAreWellFormed) {
  const std::set<std::string> qualifiers = {"at_least", "more_than", "about",
                                            "nearly",   "up_to",     "less_than"};
  const std::set<std::string> range_words = {"open", "join", "join_after_open"};
  const std::set<std::string> connectors = {"and", "of"};
  std::set<std::string> languages_with_numbers;
  std::map<std::string, std::string> value_of_phrase;  // "ar:phrase" -> value
  for (const LexiconEntry& entry : repository_matcher().lexicon().entries()) {
    SCOPED_TRACE(entry.file + ":" + std::to_string(entry.line));
    if (entry.category == "number" || entry.category == "number_vague") {
      EXPECT_FALSE(entry.value.empty());
      EXPECT_EQ(entry.value.find_first_not_of("0123456789"), std::string::npos) << entry.value;
      languages_with_numbers.insert(entry.language);
      // One spelling, one value: "ألفا" cannot be both 1000 (accusative) and 2000.
      auto [known, inserted] =
          value_of_phrase.try_emplace(entry.language + ":" + entry.phrase, entry.value);
      EXPECT_TRUE(inserted || known->second == entry.value)
          << entry.phrase << " is " << known->second << " and " << entry.value;
    } else if (entry.category == "number_qualifier") {
      EXPECT_TRUE(qualifiers.count(entry.value)) << entry.value;
      std::string_view position = entry.attribute("position");
      EXPECT_TRUE(position.empty() || position == "after") << position;
    } else if (entry.category == "number_range") {
      EXPECT_TRUE(range_words.count(entry.value)) << entry.value;
    } else if (entry.category == "number_connector") {
      EXPECT_TRUE(connectors.count(entry.value)) << entry.value;
    }
  }
  EXPECT_EQ(languages_with_numbers, (std::set<std::string>{"ar", "en", "ru"}));
}

TEST(NumbersTest, DigitRunsReadThousandsAndGlue) {
  const Matcher& matcher = repository_matcher();
  std::string text = text::matching_form("1,200 و15 F-16 82mm");
  std::vector<DigitRun> runs = find_digit_runs(text, matcher.lexicon());
  ASSERT_EQ(runs.size(), 4U);
  EXPECT_EQ(runs[0].value, 1200);
  EXPECT_TRUE(runs[0].grouped);
  EXPECT_EQ(runs[1].value, 15);
  EXPECT_FALSE(runs[1].glued_before);  // و is a clitic prefix
  EXPECT_TRUE(runs[2].glued_before);
  EXPECT_TRUE(runs[3].glued_after);
}

// The digits are looked for sixteen bytes at a time: runs of every length at
// every offset across the blocks' edges, after letters, bytes above 0x80 and
// the neighbours of '0' and '9' ('/' and ':'), against a byte-by-byte reading.
TEST(NumbersTest, DigitRunsStartWhereADigitFollowsANonDigitAtEveryOffset) {
  const Lexicon lexicon;
  for (std::size_t shift = 0; shift < 40; ++shift) {
    for (std::size_t length = 1; length <= 5; ++length) {
      std::string text(shift, 'x');
      for (std::size_t i = 0; i < shift; i += 7) {
        text[i] = i % 2 == 0 ? '/' : ':';
      }
      if (shift >= 3) {
        text[shift - 3] = '\xD0';  // a two-byte letter, "л"
        text[shift - 2] = '\xBB';
        text[shift - 1] = ' ';
      }
      text += std::string(length, '7') + " " + std::string(20, 'y') + " 9";
      std::vector<std::uint32_t> expected;
      for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] >= '0' && text[at] <= '9' &&
            (at == 0 || text[at - 1] < '0' || text[at - 1] > '9')) {
          expected.push_back(static_cast<std::uint32_t>(at));
        }
      }
      std::vector<std::uint32_t> begins;
      for (const DigitRun& run : find_digit_runs(text, lexicon)) {
        begins.push_back(run.begin);
        EXPECT_EQ(run.end - run.begin, run.begin == shift ? length : 1U);
      }
      EXPECT_EQ(begins, expected) << "shift " << shift << ", length " << length;
    }
  }
}

}  // namespace
}  // namespace truce::extract
