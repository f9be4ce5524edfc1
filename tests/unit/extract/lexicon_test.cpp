#include "extract/lexicon.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "support/bad_input.hpp"
#include "support/run_command.hpp"

// All lexicon lines here are synthetic: words of the three languages, no quoted text.

namespace truce::extract {
namespace {

using test::TempDir;
using test::write_file;

// Writes `text` as <dir>/ar/test.tsv and loads it as Arabic.
Status load_text(const TempDir& dir, std::string_view text, Lexicon& lexicon) {
  std::filesystem::create_directories(dir / "ar");
  write_file(dir / "ar" / "test.tsv", std::string(text));
  return lexicon.load_file(dir / "ar" / "test.tsv", "ar");
}

TEST(Lexicon, ReadsEntriesAndSkipsCommentsAndBlankLines) {
  TempDir dir;
  Lexicon lexicon;
  Status loaded = load_text(dir,
                            "# header comment: synthetic\n"
                            "\n"
                            "number\t7\tسبعة\tgender=m\n"
                            "   # indented comment\n"
                            "   \n"
                            "trigger\tattack\tهجوم\n",
                            lexicon);
  ASSERT_TRUE(loaded) << loaded.error().message;
  ASSERT_EQ(lexicon.size(), 2U);
  const LexiconEntry& seven = lexicon.entry(0);
  EXPECT_EQ(seven.category, "number");
  EXPECT_EQ(seven.value, "7");
  EXPECT_EQ(seven.phrase, "سبعه");  // taa marbuta folded by the matching form
  EXPECT_EQ(seven.language, "ar");
  EXPECT_EQ(seven.file, "ar/test.tsv");
  EXPECT_EQ(seven.line, 3U);
  EXPECT_FALSE(seven.stem);
  EXPECT_EQ(seven.attribute("gender"), "m");
  EXPECT_EQ(lexicon.entry(1).line, 6U);
  EXPECT_TRUE(lexicon.entry(1).attributes.empty());
}

TEST(Lexicon, TurnsPhrasesIntoTheirMatchingForm) {
  TempDir dir;
  Lexicon lexicon;
  ASSERT_TRUE(load_text(dir,
                        "attribution\tafter\tأعلنت\n"
                        "trigger\tclash\tاشتباكاتٌ\n"
                        "trigger\tceasefire\t Ceasefire \n",
                        lexicon));
  EXPECT_EQ(lexicon.entry(0).phrase, "اعلنت");
  EXPECT_EQ(lexicon.entry(1).phrase, "اشتباكات");
  EXPECT_EQ(lexicon.entry(2).phrase, "ceasefire");
}

TEST(Lexicon, AStarAtTheEndMakesAStem) {
  TempDir dir;
  Lexicon lexicon;
  std::filesystem::create_directories(dir / "ru");
  write_file(dir / "ru" / "stems.tsv", "casualty\tkilled\tубит*\ncasualty\tkilled\t Убит* \n");
  ASSERT_TRUE(lexicon.load_file(dir / "ru" / "stems.tsv", "ru"));
  ASSERT_EQ(lexicon.size(), 2U);
  for (const LexiconEntry& entry : lexicon.entries()) {
    EXPECT_EQ(entry.phrase, "убит");
    EXPECT_TRUE(entry.stem);
    EXPECT_EQ(entry.language, "ru");
    EXPECT_EQ(entry.file, "ru/stems.tsv");
  }
}

TEST(Lexicon, KeepsStemMarksInsideAPhrase) {
  TempDir dir;
  Lexicon lexicon;
  std::filesystem::create_directories(dir / "ru");
  write_file(dir / "ru" / "stems.tsv", "event\tair_strike\tУдар* с  беспилотник*\n");
  ASSERT_TRUE(lexicon.load_file(dir / "ru" / "stems.tsv", "ru"));
  EXPECT_EQ(lexicon.entry(0).phrase, "удар* с беспилотник");
  EXPECT_TRUE(lexicon.entry(0).stem);
}

// What readers gather from a lexicon is kept by its revision, so no two
// lexicons, and no two states of one, may share one.
TEST(Lexicon, EveryChangeCopyAndMoveGivesANewRevision) {
  LexiconEntry entry;
  entry.category = "number";
  entry.value = "2";
  entry.phrase = "two";
  Lexicon lexicon;
  const std::uint64_t empty = lexicon.revision();
  lexicon.add(entry);
  const std::uint64_t one_entry = lexicon.revision();
  EXPECT_NE(one_entry, empty);
  EXPECT_NE(Lexicon().revision(), one_entry);
  Lexicon copy = lexicon;
  EXPECT_NE(copy.revision(), one_entry);
  EXPECT_EQ(lexicon.revision(), one_entry);  // reading does not change it
  copy = lexicon;
  EXPECT_NE(copy.revision(), one_entry);
  const std::uint64_t copied = copy.revision();
  Lexicon moved = std::move(copy);
  EXPECT_NE(moved.revision(), copied);
  EXPECT_NE(copy.revision(), copied);  // NOLINT(bugprone-use-after-move): the moved-from side
  EXPECT_NE(moved.revision(), copy.revision());
}

TEST(Lexicon, ParsesAttributes) {
  TempDir dir;
  Lexicon lexicon;
  ASSERT_TRUE(load_text(dir, "number\t2\tاثنين\tgender=m; dual ;note=a b\n", lexicon));
  const LexiconEntry& entry = lexicon.entry(0);
  ASSERT_EQ(entry.attributes.size(), 3U);
  EXPECT_EQ(entry.attribute("gender"), "m");
  EXPECT_TRUE(entry.has_attribute("dual"));  // a bare key is present with an empty value
  EXPECT_EQ(entry.attribute("dual"), "");
  EXPECT_EQ(entry.attribute("note"), "a b");
  EXPECT_FALSE(entry.has_attribute("scale"));
  EXPECT_EQ(entry.attribute("scale"), "");
}

TEST(Lexicon, AcceptsWindowsLineEndsAndAByteOrderMark) {
  TempDir dir;
  Lexicon lexicon;
  ASSERT_TRUE(
      load_text(dir, "\xEF\xBB\xBFnumber\t7\tسبعة\r\nnumber\t10\tعشرة\tgender=m\r\n", lexicon));
  ASSERT_EQ(lexicon.size(), 2U);
  EXPECT_EQ(lexicon.entry(0).category, "number");
  EXPECT_EQ(lexicon.entry(1).attribute("gender"), "m");
}

constexpr std::string_view kValidFile =
    "# synthetic\n"
    "number\t7\tسبعة\tgender=m\n"
    "month\t11\tنوفمبر\n";

class LexiconBadInput : public testing::TestWithParam<test::BadInput> {};

TEST_P(LexiconBadInput, IsRejectedWithFileLineAndColumn) {
  test::expect_rejected(GetParam(), kValidFile, [](std::string_view text) {
    TempDir dir;
    Lexicon lexicon;
    Status loaded = load_text(dir, text, lexicon);
    EXPECT_EQ(lexicon.size(), 0U) << "nothing is added on error";
    return loaded;
  });
}

INSTANTIATE_TEST_SUITE_P(
    Lexicon, LexiconBadInput,
    testing::Values(
        test::BadInput{"EmptyPhrase", "\tنوفمبر", "\t", "ar/test.tsv:3: column 'phrase': empty"},
        test::BadInput{"BlankPhrase", "\tنوفمبر", "\t  ", "ar/test.tsv:3: column 'phrase': empty"},
        test::BadInput{"EmptyValue", "\t11\t", "\t\t", "ar/test.tsv:3: column 'value': empty"},
        test::BadInput{"EmptyCategory", "month\t", "\t", "ar/test.tsv:3: column 'category': empty"},
        test::BadInput{"TooFewColumns", "\tنوفمبر", "",
                       "ar/test.tsv:3: 2 tab-separated columns; expected 3 or 4"},
        test::BadInput{"TooManyColumns", "gender=m", "gender=m\textra",
                       "ar/test.tsv:2: 5 tab-separated columns; expected 3 or 4"},
        test::BadInput{"CategoryNotLowercase", "month", "Month",
                       "ar/test.tsv:3: column 'category': 'Month' is not a lowercase word"},
        test::BadInput{"CategoryWithDigit", "month", "month2",
                       "ar/test.tsv:3: column 'category': 'month2' is not a lowercase word"},
        test::BadInput{"StarInsideAWord", "نوفمبر", "نوف*مبر",
                       "ar/test.tsv:3: column 'phrase': '*' may only end a word"},
        test::BadInput{"StarAfterASpace", "نوفمبر", "نوفمبر *",
                       "ar/test.tsv:3: column 'phrase': '*' may only end a word"},
        test::BadInput{"TwoStars", "نوفمبر", "نوفمبر**",
                       "ar/test.tsv:3: column 'phrase': '*' may only end a word"},
        test::BadInput{"OnlyAStar", "نوفمبر", "*",
                       "ar/test.tsv:3: column 'phrase': '*' may only end a word"},
        test::BadInput{"OnlyDiacritics", "نوفمبر", "\xD9\x8B",  // a lone tanween
                       "ar/test.tsv:3: column 'phrase': '\xD9\x8B' is empty after normalisation"},
        test::BadInput{"InvalidUtf8", "نوفمبر", "\xFF",
                       "ar/test.tsv:3: column 'phrase': not valid UTF-8"},
        test::BadInput{"EmptyAttribute", "gender=m", "gender=m;;dual",
                       "ar/test.tsv:2: column 'attributes': empty attribute in 'gender=m;;dual'"},
        test::BadInput{"AttributeKeyNotLowercase", "gender=m", "Gender=m",
                       "ar/test.tsv:2: column 'attributes': attribute key 'Gender' is not"},
        test::BadInput{"AttributeWithoutKey", "gender=m", "=m",
                       "ar/test.tsv:2: column 'attributes': attribute key '' is not"},
        test::BadInput{"AttributeTwoEquals", "gender=m", "gender=m=f",
                       "ar/test.tsv:2: column 'attributes': attribute 'gender=m=f' has more"},
        test::BadInput{"AttributeTwice", "gender=m", "gender=m;gender=f",
                       "ar/test.tsv:2: column 'attributes': attribute 'gender' given twice"}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(Lexicon, AddsNothingFromAFileWithAnErrorOnItsLastLine) {
  TempDir dir;
  Lexicon lexicon;
  ASSERT_TRUE(load_text(dir, "number\t7\tسبعة\n", lexicon));
  Status loaded = load_text(dir, "number\t8\tثمانية\nnumber\t9\n", lexicon);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(lexicon.size(), 1U);
}

TEST(Lexicon, ReportsAFileThatCannotBeRead) {
  TempDir dir;
  Lexicon lexicon;
  Status loaded = lexicon.load_file(dir / "ar" / "missing.tsv", "ar");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(loaded.error().message.find("ar/missing.tsv"), std::string::npos);
}

TEST(Lexicon, LoadsADirectoryByLanguageAndFileNameOrder) {
  TempDir dir;
  std::filesystem::create_directories(dir / "ru");
  std::filesystem::create_directories(dir / "ar");
  write_file(dir / "ru" / "b.tsv", "number\t7\tсемь\n");
  write_file(dir / "ar" / "z.tsv", "number\t7\tسبعة\n");
  write_file(dir / "ar" / "a.tsv", "number\t10\tعشرة\n");
  write_file(dir / "ar" / "notes.txt", "not a lexicon\n");
  write_file(dir / "README.md", "not a lexicon either\n");

  Lexicon lexicon;
  Status loaded = lexicon.load_directory(dir.path());
  ASSERT_TRUE(loaded) << loaded.error().message;
  ASSERT_EQ(lexicon.size(), 3U);
  EXPECT_EQ(lexicon.entry(0).file, "ar/a.tsv");
  EXPECT_EQ(lexicon.entry(1).file, "ar/z.tsv");
  EXPECT_EQ(lexicon.entry(2).file, "ru/b.tsv");
  EXPECT_EQ(lexicon.entry(0).language, "ar");
  EXPECT_EQ(lexicon.entry(2).language, "ru");
}

TEST(Lexicon, AddsNothingFromADirectoryWithOneBadFile) {
  TempDir dir;
  std::filesystem::create_directories(dir / "ar");
  std::filesystem::create_directories(dir / "en");
  write_file(dir / "ar" / "good.tsv", "number\t7\tسبعة\n");
  write_file(dir / "en" / "bad.tsv", "number\tseven\n");
  Lexicon lexicon;
  Status loaded = lexicon.load_directory(dir.path());
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(loaded.error().message.rfind("en/bad.tsv:1: ", 0), 0U) << loaded.error().message;
  EXPECT_EQ(lexicon.size(), 0U);
}

TEST(Lexicon, ReportsAMissingDirectory) {
  TempDir dir;
  Lexicon lexicon;
  Status loaded = lexicon.load_directory(dir / "nowhere");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kUnavailable);
}

TEST(Lexicon, AddNormalisesThePhraseAndStripsTheStemMark) {
  Lexicon lexicon;
  LexiconEntry place;
  place.category = "place";
  place.value = "place-1";  // synthetic id
  place.phrase = "Ла-Манш";
  lexicon.add(place);
  LexiconEntry stem;
  stem.category = "casualty";
  stem.value = "killed";
  stem.phrase = "Убит*";
  stem.language = "ru";
  lexicon.add(stem);
  EXPECT_EQ(lexicon.entry(0).phrase, "ла-манш");
  EXPECT_FALSE(lexicon.entry(0).stem);
  EXPECT_EQ(lexicon.entry(1).phrase, "убит");
  EXPECT_TRUE(lexicon.entry(1).stem);
}

TEST(Lexicon, TheBundledMorphologyFilesLoad) {
  const std::filesystem::path root = std::filesystem::path(TRUCE_SOURCE_DIR) / "data" / "lexicon";
  for (const char* language : {"ar", "en", "ru"}) {
    Lexicon lexicon;
    Status loaded = lexicon.load_file(root / language / "morphology.tsv", language);
    ASSERT_TRUE(loaded) << loaded.error().message;
    for (const LexiconEntry& entry : lexicon.entries()) {
      EXPECT_TRUE(entry.category == "prefix" || entry.category == "suffix")
          << entry.file << ":" << entry.line;
    }
  }
}

}  // namespace
}  // namespace truce::extract
