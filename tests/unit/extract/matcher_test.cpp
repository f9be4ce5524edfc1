#include "extract/matcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "core/document.hpp"
#include "extract/actors.hpp"
#include "extract/gazetteer.hpp"
#include "support/run_command.hpp"
#include "text/normalize.hpp"

// Lexicons and texts here are synthetic: single words and made-up phrases of the
// three languages, no quotation of any source.

namespace truce::extract {
namespace {

using test::TempDir;
using test::write_file;

// A small Arabic morphology: و ف (1), ب (2), ال (3) chain; ل only alone; suffixes
// ها هم (chain after ات), no dual ending ان.
constexpr std::string_view kArabicAffixes =
    "prefix\t-\tو\torder=1\n"
    "prefix\t-\tف\torder=1\n"
    "prefix\t-\tب\torder=2\n"
    "prefix\t-\tال\torder=3\n"
    "prefix\t-\tل\n"
    "suffix\t-\tات\torder=1\n"
    "suffix\t-\tها\torder=2\n"
    "suffix\t-\tهم\torder=2\n";

// Loads `tsv` as <dir>/<language>/<name>.
void load(Lexicon& lexicon, const TempDir& dir, const std::string& language,
          const std::string& name, std::string_view tsv) {
  std::filesystem::create_directories(dir / language);
  write_file(dir / language / name, std::string(tsv));
  Status loaded = lexicon.load_file(dir / language / name, language);
  ASSERT_TRUE(loaded) << loaded.error().message;
}

Matcher compile(const Lexicon& lexicon) {
  Result<Matcher> matcher = Matcher::compile(lexicon);
  EXPECT_TRUE(matcher) << matcher.error().message;
  return std::move(matcher).value();
}

// One match as text: "value:phrase[word]", e.g. "border:حدود[بالحدود]".
struct Found {
  std::string text;
  std::vector<Match> matches;
  std::vector<std::string> described;
};

Found scan(const Matcher& matcher, std::string_view original) {
  Found found{text::matching_form(original), {}, {}};
  found.matches = matcher.scan(found.text);
  for (const Match& match : found.matches) {
    std::string_view text = found.text;
    found.described.push_back(
        matcher.lexicon().entry(match.entry).value + ":" +
        std::string(text.substr(match.begin, match.end - match.begin)) + "[" +
        std::string(text.substr(match.word_begin, match.word_end - match.word_begin)) + "]");
  }
  return found;
}

using Strings = std::vector<std::string>;

// Every field of each match, to compare two matchers' findings whole.
std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>>
as_tuples(const std::vector<Match>& matches) {
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>>
      tuples;
  for (const Match& match : matches) {
    tuples.emplace_back(match.entry, match.begin, match.end, match.word_begin, match.word_end);
  }
  return tuples;
}

class ArabicMatcher : public testing::Test {
 protected:
  void SetUp() override {
    load(lexicon_, dir_, "ar", "affixes.tsv", kArabicAffixes);
    load(lexicon_, dir_, "ar", "words.tsv",
         "attribution\tannounced\tأعلنت\n"
         "place\tborder\tحدود\n"
         "casualty\tsoldiers\tجنود\n"
         "attribution\taccording_to\tبحسب\n");
  }

  TempDir dir_;
  Lexicon lexicon_;
};

TEST_F(ArabicMatcher, AllowsAConjunctionBeforeAWordWhoseHamzaIsFolded) {
  Matcher matcher = compile(lexicon_);
  Found found = scan(matcher, "وأعلنت");
  EXPECT_EQ(found.described, Strings{"announced:اعلنت[واعلنت]"});
  ASSERT_EQ(found.matches.size(), 1U);
  EXPECT_EQ(found.matches[0].word_begin, 0U);
  EXPECT_EQ(found.matches[0].begin, 2U);  // و is two bytes
  EXPECT_EQ(found.matches[0].end, found.text.size());
  EXPECT_EQ(found.matches[0].word_end, found.text.size());
}

TEST_F(ArabicMatcher, AllowsAChainOfPrefixesInOrder) {
  Matcher matcher = compile(lexicon_);
  EXPECT_EQ(scan(matcher, "بالحدود").described, Strings{"border:حدود[بالحدود]"});
  EXPECT_EQ(scan(matcher, "وبالحدود").described, Strings{"border:حدود[وبالحدود]"});
  EXPECT_EQ(scan(matcher, "فالحدود").described, Strings{"border:حدود[فالحدود]"});
  EXPECT_EQ(scan(matcher, "لحدود").described, Strings{"border:حدود[لحدود]"});
  // Out of order, or an affix that stands alone inside a chain: no word.
  EXPECT_TRUE(scan(matcher, "الوحدود").described.empty());
  EXPECT_TRUE(scan(matcher, "ولحدود").described.empty());
  // Four prefixes are more than a chain holds.
  EXPECT_TRUE(scan(matcher, "وفبالحدود").described.empty());
}

TEST_F(ArabicMatcher, APrefixChainMustItselfStartAWord) {
  Matcher matcher = compile(lexicon_);
  EXPECT_TRUE(scan(matcher, "محدود").described.empty());
  EXPECT_TRUE(scan(matcher, "مبالحدود").described.empty());
  EXPECT_EQ(scan(matcher, "(بالحدود)").described, Strings{"border:حدود[بالحدود]"});
}

TEST_F(ArabicMatcher, AllowsSuffixesAfterAWord) {
  Matcher matcher = compile(lexicon_);
  EXPECT_EQ(scan(matcher, "جنودها").described, Strings{"soldiers:جنود[جنودها]"});
  EXPECT_EQ(scan(matcher, "بجنودهم،").described, Strings{"soldiers:جنود[بجنودهم]"});
  EXPECT_EQ(scan(matcher, "حدوداتها").described, Strings{"border:حدود[حدوداتها]"});
  EXPECT_TRUE(scan(matcher, "جنودهات").described.empty());  // ها then ات: wrong order
}

TEST_F(ArabicMatcher, FindsNoWordInsideALongerWord) {
  Matcher matcher = compile(lexicon_);
  EXPECT_TRUE(scan(matcher, "بحسبان").described.empty());  // ان is no suffix here
  EXPECT_EQ(scan(matcher, "بحسبهم").described, Strings{"according_to:بحسب[بحسبهم]"});
  EXPECT_EQ(scan(matcher, "وبحسب").described, Strings{"according_to:بحسب[وبحسب]"});
}

TEST_F(ArabicMatcher, EntriesWithoutALanguageGetNoAffixes) {
  LexiconEntry name;
  name.category = "place";
  name.value = "place-1";  // synthetic gazetteer id
  name.phrase = "حدود";
  Lexicon lexicon;
  lexicon.add(name);
  load(lexicon, dir_, "ar", "affixes.tsv", kArabicAffixes);
  Matcher matcher = compile(lexicon);
  EXPECT_EQ(scan(matcher, "حدود").described, Strings{"place-1:حدود[حدود]"});
  EXPECT_TRUE(scan(matcher, "بالحدود").described.empty());
  EXPECT_TRUE(scan(matcher, "حدودها").described.empty());
}

TEST_F(ArabicMatcher, AffixesOfOneLanguageDoNotApplyToAnother) {
  load(lexicon_, dir_, "en", "words.tsv", "place\tborder\tborder\n");
  load(lexicon_, dir_, "en", "morphology.tsv", "suffix\t-\ts\n");
  Matcher matcher = compile(lexicon_);
  EXPECT_EQ(scan(matcher, "borders").described, Strings{"border:border[borders]"});
  EXPECT_TRUE(scan(matcher, "حدودs").described.empty());
  EXPECT_TRUE(scan(matcher, "وborder").described.empty());
}

TEST(Matcher, ARussianStemRunsOnOverLettersButStartsAWord) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "ru", "words.tsv", "casualty\tkilled\tубит*\nweapon\tmortar\tминомёт\n");
  Matcher matcher = compile(lexicon);
  EXPECT_EQ(scan(matcher, "убиты").described, Strings{"killed:убит[убиты]"});
  EXPECT_EQ(scan(matcher, "Убит.").described, Strings{"killed:убит[убит]"});
  EXPECT_EQ(scan(matcher, "были убитых 3").described, Strings{"killed:убит[убитых]"});
  EXPECT_TRUE(scan(matcher, "добит").described.empty());
  EXPECT_TRUE(scan(matcher, "добиты").described.empty());
  // Not a stem: ends at a word boundary; ё is folded to е.
  EXPECT_EQ(scan(matcher, "миномет").described, Strings{"mortar:миномет[миномет]"});
  EXPECT_TRUE(scan(matcher, "минометы").described.empty());
}

TEST(Matcher, StemsInsideAPhraseRunOnOverLetters) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "ru", "words.tsv",
       "event\tair_strike\tудар* с беспилотник*\n"
       "event\tde_escalation\tпрекращени* огня\n"
       "agreement\tceasefire\tпрекращени* огня\n");
  Matcher matcher = compile(lexicon);
  EXPECT_EQ(scan(matcher, "Нанесли удары с беспилотников.").described,
            Strings{"air_strike:удары с беспилотник[удары с беспилотников]"});
  EXPECT_EQ(scan(matcher, "удар с беспилотника").described,
            Strings{"air_strike:удар с беспилотник[удар с беспилотника]"});
  EXPECT_EQ(scan(matcher, "о прекращении огня").described,
            (Strings{"de_escalation:прекращении огня[прекращении огня]",
                     "ceasefire:прекращении огня[прекращении огня]"}));
  EXPECT_TRUE(scan(matcher, "прекращения огнями").described.empty());
  EXPECT_TRUE(scan(matcher, "впрекращения огня").described.empty());
  EXPECT_TRUE(scan(matcher, "удары сбеспилотника").described.empty());
  // Only letters continue a stem; a quotation mark ends the word.
  EXPECT_TRUE(scan(matcher, "удар» с беспилотника").described.empty());
  EXPECT_EQ(scan(matcher, "удар-удары с беспилотника").described,
            Strings{"air_strike:удары с беспилотник[удары с беспилотника]"});
}

TEST(Matcher, PunctuationInAPhraseWithStemsIsLiteral) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "en", "words.tsv", "event\ttalks\ttalk* (minsk)\n");
  Matcher matcher = compile(lexicon);
  EXPECT_EQ(scan(matcher, "talks (Minsk)").described,
            Strings{"talks:talks (minsk)[talks (minsk)]"});
  EXPECT_TRUE(scan(matcher, "talks minsk").described.empty());
}

TEST(Matcher, EnglishWordsEndAtWordBoundariesOrAPossessive) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "en", "words.tsv",
       "trigger\tceasefire\tceasefire\ntrigger\tfire\tfire\nplace\tarmenia\tArmenia\n");
  load(lexicon, dir, "en", "morphology.tsv", "suffix\t-\t's\nsuffix\t-\t’s\n");
  Matcher matcher = compile(lexicon);
  EXPECT_EQ(scan(matcher, "The Ceasefire held.").described,
            Strings{"ceasefire:ceasefire[ceasefire]"});
  EXPECT_TRUE(scan(matcher, "ceasefires").described.empty());
  EXPECT_TRUE(scan(matcher, "firearm").described.empty());
  EXPECT_EQ(scan(matcher, "fire-fight").described, Strings{"fire:fire[fire]"});
  EXPECT_EQ(scan(matcher, "Armenia's army").described, Strings{"armenia:armenia[armenia's]"});
  // The typographic apostrophe is the apostrophe for matching.
  EXPECT_EQ(scan(matcher, "Armenia’s army").described, Strings{"armenia:armenia[armenia's]"});
  EXPECT_EQ(scan(matcher, "Armenia'").described, Strings{"armenia:armenia[armenia]"});
  // The apostrophe ends the word even where no possessive follows.
  EXPECT_EQ(scan(matcher, "Armenia'sa").described, Strings{"armenia:armenia[armenia]"});
}

TEST(Matcher, DigitsAreWordCharacters) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "en", "words.tsv", "year\t20\t20\nunit\tpercent\t%\n");
  Matcher matcher = compile(lexicon);
  EXPECT_TRUE(scan(matcher, "2021").described.empty());
  EXPECT_TRUE(scan(matcher, "a20").described.empty());
  EXPECT_EQ(scan(matcher, "(20)").described, Strings{"20:20[20]"});
  // A phrase that starts or ends with a non-word character needs no boundary there.
  EXPECT_EQ(scan(matcher, "50%").described, Strings{"percent:%[%]"});
}

TEST(Matcher, ReportsEveryEntryOfAPhraseAndOverlapsSortedByStartLongestFirst) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "en", "words.tsv",
       "agreement\tloc\tline of contact\n"
       "diplomacy\tcontact\tcontact\n"
       "agreement\tline\tline\n"
       "place\tsite-a\tkilisali\n"
       "place\tsite-b\tkilisali\n");
  Matcher matcher = compile(lexicon);
  Found found = scan(matcher, "Kilisali, on the line of contact");
  EXPECT_EQ(found.described, (Strings{"site-a:kilisali[kilisali]", "site-b:kilisali[kilisali]",
                                      "loc:line of contact[line of contact]", "line:line[line]",
                                      "contact:contact[contact]"}));

  std::vector<Match> kept = longest_per_category(matcher.lexicon(), found.matches);
  Strings kept_values;
  for (const Match& match : kept) {
    kept_values.push_back(matcher.lexicon().entry(match.entry).value);
  }
  // "line" is inside "line of contact" (same category); "contact" is another category;
  // of two equal places the one loaded first stays.
  EXPECT_EQ(kept_values, (Strings{"site-a", "loc", "contact"}));
}

bool in_scan_order(const std::vector<Match>& matches) {
  return std::is_sorted(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
}

TEST(Matcher, SortsAMatchThatStartsFarBeforeTheMatchesFoundBeforeIt) {
  std::string many;
  for (int i = 0; i < 100; ++i) {
    many += "a ";
  }
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "en", "words.tsv", "letter\ta\ta\nphrase\tlong\t" + many + "b\n");
  Matcher matcher = compile(lexicon);
  std::vector<Match> matches = matcher.scan(many + "b");
  ASSERT_EQ(matches.size(), 101U);
  EXPECT_TRUE(in_scan_order(matches));
  EXPECT_EQ(matcher.lexicon().entry(matches[0].entry).value, "long");
  EXPECT_EQ(matches[1].begin, 0U);
}

TEST(Matcher, MergesPhrasesWithInnerStemsIntoScanOrder) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "ru", "words.tsv",
       "event\tde_escalation\tпрекращени* огня\nweapon\tfire\tогня\nevent\tstop\tпрекращение\n");
  Matcher matcher = compile(lexicon);
  Found found = scan(matcher, "огня; прекращение огня");
  EXPECT_EQ(found.described,
            (Strings{"fire:огня[огня]", "de_escalation:прекращение огня[прекращение огня]",
                     "stop:прекращение[прекращение]", "fire:огня[огня]"}));
  EXPECT_TRUE(in_scan_order(found.matches));
}

TEST(Matcher, LongestPerCategoryAcceptsMatchesInAnyOrder) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "en", "words.tsv",
       "agreement\tloc\tline of contact\nagreement\tline\tline\nagreement\tcontact\tcontact\n");
  Matcher matcher = compile(lexicon);
  std::vector<Match> matches = matcher.scan("contact; line of contact");
  ASSERT_EQ(matches.size(), 4U);
  std::reverse(matches.begin(), matches.end());
  std::vector<Match> kept = longest_per_category(matcher.lexicon(), matches);
  ASSERT_EQ(kept.size(), 2U);
  EXPECT_EQ(kept[0].begin, 0U);  // the first "contact", covered by nothing
  EXPECT_EQ(matcher.lexicon().entry(kept[0].entry).value, "contact");
  EXPECT_EQ(matcher.lexicon().entry(kept[1].entry).value, "loc");
}

TEST(Matcher, MatchesMapBackToTheOriginalText) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "ar", "affixes.tsv", kArabicAffixes);
  load(lexicon, dir, "ar", "words.tsv", "casualty\tsoldiers\tجنود\n");
  Matcher matcher = compile(lexicon);
  // Diacritics and tatweel are dropped from the matching form; the span still covers them.
  const std::string original = "قال: وبالجُنُودِ ـ";
  text::NormalizedText normalized = text::normalize_for_matching(original);
  std::vector<Match> matches = matcher.scan(normalized.text);
  ASSERT_EQ(matches.size(), 1U);
  TextSpan word = normalized.original_span(matches[0].word_begin, matches[0].word_end);
  TextSpan phrase = normalized.original_span(matches[0].begin, matches[0].end);
  EXPECT_EQ(code_point_slice(original, word.start, word.end), "وبالجُنُودِ");
  EXPECT_EQ(code_point_slice(original, phrase.start, phrase.end), "جُنُودِ");
}

TEST(Matcher, ScansFromSeveralThreadsAtOnce) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "ar", "affixes.tsv", kArabicAffixes);
  load(lexicon, dir, "ar", "words.tsv", "place\tborder\tحدود\ncasualty\tsoldiers\tجنود\n");
  Matcher matcher = compile(lexicon);
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "بالحدود جنودهم محدود ";
  }
  text = text::matching_form(text);
  const std::size_t expected = matcher.scan(text).size();
  ASSERT_EQ(expected, 4000U);
  std::vector<std::size_t> counts(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        counts[t] += matcher.scan(text).size();
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (std::size_t count : counts) {
    EXPECT_EQ(count, 20 * expected);
  }
}

TEST(Matcher, CompilesAnEmptyLexiconAndOneOfAffixesOnly) {
  Lexicon empty;
  Matcher none = compile(empty);
  EXPECT_TRUE(none.scan("anything").empty());

  TempDir dir;
  Lexicon affixes;
  load(affixes, dir, "ar", "affixes.tsv", kArabicAffixes);
  Matcher affixes_only = compile(affixes);
  EXPECT_TRUE(affixes_only.scan("والحدود").empty());
  EXPECT_EQ(affixes_only.lexicon().size(), affixes.size());
}

// Short phrases are looked up at word starts instead of by Hyperscan; the
// matches must be the same as with every phrase in Hyperscan, for any text,
// including bytes that are no valid UTF-8.
TEST(Matcher, FindsShortPhrasesAsHyperscanWould) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "ar", "affixes.tsv",
       std::string(kArabicAffixes) + "prefix\t-\tلل\nsuffix\t-\tي\torder=1\n");
  load(lexicon, dir, "ar", "words.tsv",
       "conjunction\t-\tو\nword\t-\tال\nword\t-\tم\nword\t-\tه\nword\t-\tمن\n"
       "word\t-\tفي\nword\t-\tوم\nplace\tborder\tحدود\nword\t-\tلم*\n"
       "word\t-\tوم* في\nword\t-\tم* ال\nword\t-\tمن* من*\nword\t-\tبب* في\n");
  load(lexicon, dir, "en", "morphology.tsv",
       "prefix\t-\tl'\nprefix\t-\t'o\nsuffix\t-\t's\nsuffix\t-\t’s\n");
  load(lexicon, dir, "en", "words.tsv",
       "word\t-\ton\nword\t-\tat\nword\t-\tof\nword\t-\ta\nword\t-\to\nword\t-\t1\n"
       "word\t-\t10\nword\t-\tpm\nword\t-\tp.m.\nword\t-\t-on\nword\t-\tst*\n"
       "word\t-\ton the\nword\t-\tatta\n");
  load(lexicon, dir, "ru", "words.tsv",
       "word\t-\tи\nword\t-\tс\nword\t-\tв\nword\t-\tг.\nword\t-\tво\n"
       "word\t-\tна*\nword\t-\tудар* с\nword\t-\tсв\nword\t-\tна* в\n"
       "word\t-\tна в* с\n");
  LexiconEntry name;
  name.category = "place";
  name.value = "place-1";
  name.phrase = "ви";
  lexicon.add(name);

  Matcher all_in_hyperscan = [&] {
    Result<Matcher> compiled = Matcher::compile(lexicon, MatcherOptions{0});
    EXPECT_TRUE(compiled) << compiled.error().message;
    return std::move(compiled).value();
  }();
  std::vector<Matcher> short_outside;
  for (std::size_t characters : {1U, 2U, 3U, 5U, 1000U}) {
    Result<Matcher> compiled = Matcher::compile(lexicon, MatcherOptions{characters});
    ASSERT_TRUE(compiled) << compiled.error().message;
    short_outside.push_back(std::move(compiled).value());
  }

  const std::vector<std::string> pieces = {
      "و", "ال", "ب",  "ف",  "ل",  "م", "ه",  "ن", "ي",    "ها",   "حدود", "من",       "في",
      "ك", "ات", "и",  "с",  "в",  "о", "на", "г", "удар", "ы",    "ви",   "o",        "n",
      "a", "t",  "of", "on", "st", "p", "m",  "1", "0",    "l",    "'",    "’",        "s",
      " ", " ",  " ",  ".",  ",",  "-", "\n", "«", "\xD0", "\x80", "\xBF", "\xE2\x80", "\xFF"};
  std::mt19937 random(20240607);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 40);
  // Hyperscan reports a phrase with inner stems once per end, from its
  // leftmost start: in "وببب في" from after "و", not also from after the
  // prefix chain "وب", where the first piece "بب" starts again.
  // A first piece with a space ("на в" of "на в* с") where it starts a word
  // and where it starts inside one.
  const std::vector<std::string> repeated_starts = {"وببب في", "وبببب في",   "ببب في",
                                                    "لببب في", "на вна в с", "на на в с"};
  for (const std::string& text : repeated_starts) {
    const auto expected = as_tuples(all_in_hyperscan.scan(text));
    for (const Matcher& matcher : short_outside) {
      ASSERT_EQ(as_tuples(matcher.scan(text)), expected) << "text: " << text;
    }
  }
  std::size_t found = 0;
  for (int round = 0; round < 10000; ++round) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) {
      text += pieces[pick(random)];
    }
    const auto expected = as_tuples(all_in_hyperscan.scan(text));
    found += expected.size();
    for (const Matcher& matcher : short_outside) {
      ASSERT_EQ(as_tuples(matcher.scan(text)), expected) << "text: " << text;
    }
  }
  EXPECT_GT(found, 5000U);  // the texts do hold matches
}

// The word-start pass passes over the ASCII and two-byte word characters
// inside a word by their bytes: words of every length from every offset,
// ended by each kind of character that ends a word (or, a mark, does not),
// and followed by a short phrase, give the matches Hyperscan gives.
TEST(Matcher, FindsShortPhrasesAfterWordsOfEveryLength) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "ar", "words.tsv", "conjunction\t-\tو\nword\t-\tمن\n");
  load(lexicon, dir, "en", "words.tsv", "word\t-\ton\nword\t-\t1\n");
  load(lexicon, dir, "ru", "words.tsv", "word\t-\tв\nword\t-\tсв\n");
  const auto compile_with = [&](std::size_t characters) {
    Result<Matcher> compiled = Matcher::compile(lexicon, MatcherOptions{characters});
    EXPECT_TRUE(compiled) << compiled.error().message;
    return std::move(compiled).value();
  };
  const Matcher all_in_hyperscan = compile_with(0);
  const Matcher short_outside = compile_with(MatcherOptions{}.short_phrase_characters);
  const auto entries_and_ranges = [](const std::vector<Match>& matches) {
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> tuples;
    for (const Match& match : matches) {
      tuples.emplace_back(match.entry, match.begin, match.end);
    }
    return tuples;
  };
  const std::vector<std::vector<std::string>> alphabets = {{"ا", "ل", "ح", "د", "و", "م"},
                                                           {"п", "е", "р", "Г", "ё", "в"},
                                                           {"o", "N", "7", "x", "1", "n"},
                                                           {"a", "ж", "ن", "é", "\xCC\x81", "5"}};
  const std::vector<std::string> tails = {
      " ", ".", "\x80", "\xD8", "«", "\xE2\x80\x94", "\xCC\x81", "\xF0\x9F\x98\x80", "\xC0\x80"};
  std::size_t found = 0;
  for (const std::vector<std::string>& alphabet : alphabets) {
    for (std::size_t shift = 0; shift < 18; ++shift) {
      for (std::size_t length = 1; length <= 20; ++length) {
        std::string word;
        for (std::size_t i = 0; i < length; ++i) {
          word += alphabet[(i * 5) % alphabet.size()];
        }
        for (const std::string& tail : tails) {
          for (std::string_view phrase : {"و", "в", "on", "1"}) {
            const std::string text =
                std::string(shift, ' ') + word + tail + std::string(phrase) + " " + word;
            const auto expected = entries_and_ranges(all_in_hyperscan.scan(text));
            found += expected.size();
            ASSERT_EQ(entries_and_ranges(short_outside.scan(text)), expected) << "text: " << text;
          }
        }
      }
    }
  }
  EXPECT_GT(found, 10000U);
}

TEST(Matcher, StaysUsableAfterAMove) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "en", "words.tsv", "trigger\tceasefire\tceasefire\n");
  Matcher first = compile(lexicon);
  Matcher second = std::move(first);
  EXPECT_EQ(second.scan("a ceasefire").size(), 1U);
  Result<Matcher> third = Matcher::compile(Lexicon(lexicon));
  ASSERT_TRUE(third);
  second = std::move(third).value();
  EXPECT_EQ(second.scan("ceasefire ceasefire").size(), 2U);
}

TEST(Matcher, RejectsABadAffixOrder) {
  TempDir dir;
  Lexicon lexicon;
  load(lexicon, dir, "ar", "affixes.tsv", "prefix\t-\tو\torder=1\nprefix\t-\tب\torder=first\n");
  Result<Matcher> matcher = Matcher::compile(lexicon);
  ASSERT_FALSE(matcher);
  EXPECT_EQ(matcher.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(matcher.error().message.find("ar/affixes.tsv:2: prefix 'ب': attribute 'order' must be"),
            std::string::npos)
      << matcher.error().message;
}

// A verb, its subject and its object (a made-up "fired ... the fire" phrase).
TEST_F(ArabicMatcher, APhraseWithAGapTakesWordsBetweenItsFirstWordAndTheRest) {
  load(lexicon_, dir_, "ar", "gap.tsv", "event\tfire\tأطلق* النار\tgap=2\n");
  Matcher matcher = compile(lexicon_);
  // Contiguous, it is one match, not two.
  EXPECT_EQ(scan(matcher, "أطلقت النار").described, Strings{"fire:اطلقت النار[اطلقت النار]"});
  // One or two words between: the match runs from the first word to the rest,
  // prefixes and suffixes included.
  EXPECT_EQ(scan(matcher, "وأطلقت القوات النار").described,
            Strings{"fire:اطلقت القوات النار[واطلقت القوات النار]"});
  EXPECT_EQ(scan(matcher, "أطلقت القوات الجنوبية النار على الحدود").described,
            (Strings{"fire:اطلقت القوات الجنوبيه النار[اطلقت القوات الجنوبيه النار]",
                     "border:حدود[الحدود]"}));
  // Three words are more than the gap; a sentence end or a line break between
  // them parts them; the pieces themselves are never reported.
  EXPECT_TRUE(scan(matcher, "أطلقت القوات الجنوبية الكبيرة النار").described.empty());
  EXPECT_TRUE(scan(matcher, "أطلقت القوات. النار").described.empty());
  EXPECT_TRUE(scan(matcher, "أطلقت القوات\nالنار").described.empty());
  EXPECT_TRUE(scan(matcher, "أطلقت سراحهم").described.empty());
  EXPECT_TRUE(scan(matcher, "النار").described.empty());
  // The nearest rest after each first word.
  EXPECT_EQ(scan(matcher, "أطلقت القوات النار ثم النار").described,
            Strings{"fire:اطلقت القوات النار[اطلقت القوات النار]"});
}

TEST(Matcher, RejectsABadGap) {
  for (const auto& [line, message] :
       {std::pair{"event\tfire\tأطلق* النار\tgap=0\n",
                  "ar/gap.tsv:1: event 'اطلق* النار': attribute 'gap' must be a number of words "
                  "from 1 to 8, not '0'"},
        std::pair{"event\tfire\tأطلق* النار\tgap=many\n", "not 'many'"},
        std::pair{"event\tfire\tالنار\tgap=2\n",
                  "ar/gap.tsv:1: event 'النار': attribute 'gap' needs a phrase of two words"}}) {
    TempDir dir;
    Lexicon lexicon;
    load(lexicon, dir, "ar", "gap.tsv", line);
    Result<Matcher> matcher = Matcher::compile(lexicon);
    ASSERT_FALSE(matcher) << line;
    EXPECT_EQ(matcher.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(matcher.error().message.find(message), std::string::npos) << matcher.error().message;
  }
}

TEST(Matcher, RejectsAnAffixWithoutALanguage) {
  Lexicon lexicon;
  LexiconEntry suffix;
  suffix.category = "suffix";
  suffix.value = "-";
  suffix.phrase = "s";
  lexicon.add(suffix);
  Result<Matcher> matcher = Matcher::compile(lexicon);
  ASSERT_FALSE(matcher);
  EXPECT_NE(matcher.error().message.find("affixes belong to a language"), std::string::npos);
}

// The bundled Arabic and English morphology with synthetic words.
TEST(Matcher, TheBundledMorphologyFindsInflectedWords) {
  const std::filesystem::path root = std::filesystem::path(TRUCE_SOURCE_DIR) / "data" / "lexicon";
  TempDir dir;
  Lexicon lexicon;
  for (const char* language : {"ar", "en"}) {
    Status loaded = lexicon.load_file(root / language / "morphology.tsv", language);
    ASSERT_TRUE(loaded) << loaded.error().message;
  }
  load(lexicon, dir, "ar", "words.tsv",
       "attribution\tannounced\tأعلنت\n"
       "place\tborder\tحدود\n"
       "casualty\tsoldiers\tجنود\n"
       "casualty\tsoldier\tجندي\n"
       "place\tarab\tعرب\n");
  load(lexicon, dir, "en", "words.tsv", "place\tarmenia\tArmenia\n");
  Matcher matcher = compile(lexicon);
  EXPECT_EQ(scan(matcher, "وأعلنت").described, Strings{"announced:اعلنت[واعلنت]"});
  EXPECT_EQ(scan(matcher, "بالحدود").described, Strings{"border:حدود[بالحدود]"});
  EXPECT_EQ(scan(matcher, "للحدود").described, Strings{"border:حدود[للحدود]"});
  EXPECT_EQ(scan(matcher, "وللحدود").described, Strings{"border:حدود[وللحدود]"});
  EXPECT_EQ(scan(matcher, "جنودها").described, Strings{"soldiers:جنود[جنودها]"});
  EXPECT_EQ(scan(matcher, "جندياً").described, Strings{"soldier:جندي[جنديا]"});
  EXPECT_EQ(scan(matcher, "جنديين").described, Strings{"soldier:جندي[جنديين]"});
  EXPECT_TRUE(scan(matcher, "محدود").described.empty());
  EXPECT_TRUE(scan(matcher, "عربدة").described.empty());
  EXPECT_TRUE(scan(matcher, "لالحدود").described.empty());  // li + al- is written لل
  EXPECT_EQ(scan(matcher, "Armenia's").described, Strings{"armenia:armenia[armenia's]"});
  // Near misses of the mixed chain "'s": its first byte alone, or the chain
  // run on into a word, leave the word as it is.
  EXPECT_EQ(scan(matcher, "Armenia's army").described, Strings{"armenia:armenia[armenia's]"});
  EXPECT_EQ(scan(matcher, "Armenia'").described, Strings{"armenia:armenia[armenia]"});
  EXPECT_EQ(scan(matcher, "Armenia' s").described, Strings{"armenia:armenia[armenia]"});
  EXPECT_EQ(scan(matcher, "Armenia'sx").described, Strings{"armenia:armenia[armenia]"});
  EXPECT_EQ(scan(matcher, "Armenia,s").described, Strings{"armenia:armenia[armenia]"});
}

// The bundled lexicon with the gazetteer's and the actors' names, as the
// extractor compiles it: the word-start trie finds, on every text of the test
// corpus, exactly the matches that Hyperscan finds with every phrase in it.
TEST(Matcher, TheBundledLexiconFindsTheSameMatchesAtWordStartsAsInHyperscan) {
  const std::filesystem::path data = std::filesystem::path(TRUCE_SOURCE_DIR) / "data";
  Lexicon lexicon;
  Status loaded = lexicon.load_directory(data / "lexicon");
  ASSERT_TRUE(loaded) << loaded.error().message;
  Result<Gazetteer> places = Gazetteer::load(data, lexicon);
  ASSERT_TRUE(places) << places.error().message;
  Result<ActorRegistry> actors = ActorRegistry::load(data, lexicon);
  ASSERT_TRUE(actors) << actors.error().message;
  Result<Matcher> all_in_hyperscan = Matcher::compile(lexicon, MatcherOptions{0});
  ASSERT_TRUE(all_in_hyperscan) << all_in_hyperscan.error().message;
  Result<Matcher> at_word_starts = Matcher::compile(lexicon);
  ASSERT_TRUE(at_word_starts) << at_word_starts.error().message;

  std::size_t texts = 0;
  std::size_t matches = 0;
  const std::filesystem::path corpus = std::filesystem::path(TRUCE_SOURCE_DIR) / "tests" / "data";
  for (const auto& file : std::filesystem::recursive_directory_iterator(corpus)) {
    if (file.path().extension() != ".txt") {
      continue;
    }
    const std::string normalized = text::normalize_for_matching(test::read_file(file.path())).text;
    const auto expected = as_tuples(all_in_hyperscan->scan(normalized));
    ASSERT_EQ(as_tuples(at_word_starts->scan(normalized)), expected) << file.path();
    ++texts;
    matches += expected.size();
  }
  EXPECT_GE(texts, 60U);
  EXPECT_GT(matches, 5000U);
}

}  // namespace
}  // namespace truce::extract
