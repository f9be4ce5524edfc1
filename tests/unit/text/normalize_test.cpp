#include "text/normalize.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "support/test_data.hpp"
#include "text/detail/normalize_runs.hpp"

namespace truce::text {
namespace {

// The original text of the first occurrence of `needle` (in matching form) in
// the matching form of `original`.
std::string original_of(std::string_view original, std::string_view needle) {
  const NormalizedText normalized = normalize_for_matching(original);
  const std::string folded_needle = matching_form(needle);
  const std::size_t at = normalized.text.find(folded_needle);
  if (at == std::string::npos || folded_needle.empty()) {
    return "<not found>";
  }
  const TextSpan span = normalized.original_span(at, at + folded_needle.size());
  return std::string(code_point_slice(original, span.start, span.end));
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80   ? 1
                         : lead < 0xC2 ? 0
                         : lead < 0xE0 ? 2
                         : lead < 0xF0 ? 3
                         : lead < 0xF5 ? 4
                                       : 0;
    if (length == 0 || i + length > text.size()) {
      return false;
    }
    for (std::size_t j = 1; j < length; ++j) {
      if ((static_cast<unsigned char>(text[i + j]) & 0xC0U) != 0x80U) {
        return false;
      }
    }
    i += length;
  }
  return true;
}

// Every output byte has an origin; origins never go backwards and stay inside
// the original text.
void expect_consistent_origins(std::string_view original, const NormalizedText& normalized) {
  ASSERT_EQ(normalized.origin_begin.size(), normalized.text.size());
  ASSERT_EQ(normalized.origin_end.size(), normalized.text.size());
  const std::size_t length = code_point_count(original);
  for (std::size_t i = 0; i < normalized.text.size(); ++i) {
    EXPECT_LT(normalized.origin_begin[i], normalized.origin_end[i]) << i;
    EXPECT_LE(normalized.origin_end[i], length) << i;
    if (i > 0) {
      EXPECT_LE(normalized.origin_begin[i - 1], normalized.origin_begin[i]) << i;
      EXPECT_LE(normalized.origin_end[i - 1], normalized.origin_end[i]) << i;
    }
  }
}

TEST(MatchingForm, LowerCasesAndTidiesAscii) {
  EXPECT_EQ(matching_form("  Hello,\t\tWORLD!  "), "hello, world!");
  EXPECT_EQ(matching_form(""), "");
  EXPECT_EQ(matching_form(" \n\t "), "");
}

TEST(MatchingForm, RemovesArabicDiacriticsAndTatweel) {
  // fatha, damma, kasra, shadda, sukun, tanween, superscript alef, tatweel
  EXPECT_EQ(matching_form("مُحَمَّدٌ"), "محمد");
  EXPECT_EQ(matching_form("جندياً"), "جنديا");
  EXPECT_EQ(matching_form("عِلْمٍ"), "علم");
  EXPECT_EQ(matching_form("هٰذا"), "هذا");
  EXPECT_EQ(matching_form("بـ"), "ب");
  EXPECT_EQ(matching_form("مـــدينة"), "مدينه");
}

TEST(MatchingForm, FoldsAlefHamzaAndFinalForms) {
  EXPECT_EQ(matching_form("أ إ آ ٱ"), "ا ا ا ا");
  EXPECT_EQ(matching_form("أرمينيا"), "ارمينيا");
  EXPECT_EQ(matching_form("مستشفى"), "مستشفي");
  EXPECT_EQ(matching_form("وزارة"), "وزاره");
  EXPECT_EQ(matching_form("مؤتمر"), "موتمر");
  EXPECT_EQ(matching_form("رئيس"), "رييس");
  // Decomposed: alef + hamza above composes under NFKC, then folds.
  EXPECT_EQ(matching_form("\u0627\u0654"), "ا");
}

TEST(MatchingForm, FoldsPersianAndUrduLetters) {
  EXPECT_EQ(matching_form("ک گ ی ے ہ ۀ ھ پ چ ژ ٹ ڈ ڑ ں"), "ك ك ي ي ه ه ه ب ج ز ت د ر ن");
  EXPECT_EQ(matching_form("پاکستان پوائنٹ نیوز"), "باكستان بواينت نيوز");
}

// Typographic quotation marks are one mark for matching: Arabic sites open
// and close with ” alike, Russian ones use «», English “”; and ’ is '.
TEST(MatchingForm, FoldsQuotationMarks) {
  EXPECT_EQ(matching_form("\u00ABa\u00BB \u201Cb\u201D \u201Ec\u201F \u201Dd\u201D"),
            "\"a\" \"b\" \"c\" \"d\"");
  // Single quotation marks are the apostrophe inside words, however typed:
  // "al-Fu\u2019ah" is the gazetteer's "al-Fu'ah", "Слов\u02BCянськ" is "Слов'янськ".
  EXPECT_EQ(matching_form("Baku\u2019s"), "baku's");
  EXPECT_EQ(matching_form("al-Fu\u2019ah \u2018a\u2019 \u201Ab\u201B"), "al-fu'ah 'a' 'b'");
  EXPECT_EQ(matching_form("\u0421\u043B\u043E\u0432\u02BC\u044F\u043D\u0441\u044C\u043A"),
            matching_form("\u0421\u043B\u043E\u0432'\u044F\u043D\u0441\u044C\u043A"));
  EXPECT_EQ(original_of("al-Fu\u2019ah", "al-fu'ah"), "al-Fu\u2019ah");
  EXPECT_EQ(original_of("\u0645\u0646\u0637\u0642\u0629 \u201D\u062E\u0641\u0636\u201D",
                        "\"\u062E\u0641\u0636\""),
            "\u201D\u062E\u0641\u0636\u201D");
}

TEST(MatchingForm, ALatinYoInsideACyrillicWordIsTheCyrillicLetter) {
  // "боестолкновения" typed with U+00EB, as a Russian site printed it.
  EXPECT_EQ(matching_form("бо\u00EBстолкновения"), matching_form("боестолкновения"));
  EXPECT_EQ(matching_form("договор\u00EBнность"), matching_form("договоренность"));
  const NormalizedText normalized = normalize_for_matching("Бо\u00EB");
  EXPECT_EQ(normalized.text, matching_form("бое"));
  EXPECT_EQ(normalized.text.size(), normalized.origin_begin.size());
  // Latin words keep it.
  EXPECT_EQ(matching_form("No\u00EBl"), "no\u00EBl");
}

TEST(MatchingForm, DropsJoinersBomAndSoftHyphen) {
  EXPECT_EQ(matching_form("\uFEFFمی\u200Cخواهم"), "ميخواهم");
  EXPECT_EQ(matching_form("a\u200Db"), "ab");
  EXPECT_EQ(matching_form("cease\u00ADfire"), "ceasefire");
}

TEST(MatchingForm, FoldsDigitsToAscii) {
  EXPECT_EQ(matching_form("٠١٢٣٤٥٦٧٨٩"), "0123456789");
  EXPECT_EQ(matching_form("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
  EXPECT_EQ(matching_form("٢٤ جندياً"), "24 جنديا");
  EXPECT_EQ(matching_form("３．５"), "3.5");  // full-width forms through NFKC
}

TEST(MatchingForm, FoldsCyrillicYo) {
  EXPECT_EQ(matching_form("Ёлка и всё"), "елка и все");
  EXPECT_EQ(matching_form("ВОЕННЫЕ"), "военные");
  EXPECT_EQ(matching_form("и\u0306"), "й");  // decomposed short i composes
}

TEST(MatchingForm, CollapsesHorizontalWhitespace) {
  EXPECT_EQ(matching_form("a\u00A0b\u2009c\u202Fd \t \u3000e"), "a b c d e");
}

TEST(MatchingForm, KeepsLineBreaksAndParagraphs) {
  EXPECT_EQ(matching_form("a\nb"), "a\nb");
  EXPECT_EQ(matching_form("a \n  b"), "a\nb");
  EXPECT_EQ(matching_form("a\n\nb"), "a\n\nb");
  EXPECT_EQ(matching_form("a\n \n\n\t b"), "a\n\nb");
  EXPECT_EQ(matching_form("a\r\nb"), "a\nb");
  EXPECT_EQ(matching_form("a\r\n\r\nb"), "a\n\nb");
  EXPECT_EQ(matching_form("a\rb"), "a\nb");
  EXPECT_EQ(matching_form("a\u2029b"), "a\n\nb");
}

TEST(MatchingForm, ExpandsLigaturesAndFoldsCase) {
  EXPECT_EQ(matching_form("\uFEFB"), "لا");  // lam-alef ligature
  EXPECT_EQ(matching_form("\uFEFBجئ"), "لاجي");
  EXPECT_EQ(matching_form("Straße"), "strasse");
  EXPECT_EQ(matching_form("e\u0301"), "é");
}

TEST(MatchingForm, MixedScripts) {
  EXPECT_EQ(matching_form("Путин и Erdoğan في أنقرة"), "путин и erdoğan في انقره");
}

TEST(NormalizeForMatching, MapsAMatchBackToTheOriginalWithItsMarks) {
  const std::string original = "فُقد الاتصال بـ 24 جندياً";
  EXPECT_EQ(original_of(original, "جنديا"), "جندياً");
  EXPECT_EQ(original_of(original, "فقد"), "فُقد");
  EXPECT_EQ(original_of(original, "ب"), "بـ");
  EXPECT_EQ(original_of(original, "24"), "24");

  const NormalizedText normalized = normalize_for_matching(original);
  const std::size_t at = normalized.text.find("جنديا");
  ASSERT_NE(at, std::string::npos);
  // The original: 20 code points before the word, 6 in it (the tanween last).
  EXPECT_EQ(normalized.original_span(at, at + std::string_view("جنديا").size()),
            (TextSpan{19, 25}));
  expect_consistent_origins(original, normalized);
}

TEST(NormalizeForMatching, MapsFoldedAndExpandedCharactersBack) {
  EXPECT_EQ(original_of("في وزارة الدفاع", "وزاره"), "وزارة");
  EXPECT_EQ(original_of("(پاکستان پوائنٹ نیوز / سبوتنيك)", "باكستان بواينت نيوز"),
            "پاکستان پوائنٹ نیوز");
  EXPECT_EQ(original_of("x \uFEFB y", "لا"), "\uFEFB");
  EXPECT_EQ(original_of("Всё ясно", "все"), "Всё");
  EXPECT_EQ(original_of("cafe\u0301 noir", "café"), "cafe\u0301");
  EXPECT_EQ(original_of("a\r\n\r\nb", "a\n\nb"), "a\r\n\r\nb");
  EXPECT_EQ(original_of("موقعَين عسكريَين", "موقعين عسكريين"), "موقعَين عسكريَين");
}

TEST(NormalizeForMatching, OriginsOfWhitespaceRunsCoverTheRun) {
  const std::string original = "a \u00A0\n b";
  const NormalizedText normalized = normalize_for_matching(original);
  ASSERT_EQ(normalized.text, "a\nb");
  EXPECT_EQ(normalized.original_span(1, 2), (TextSpan{1, 5}));
  EXPECT_EQ(normalized.original_span(0, 3), (TextSpan{0, 6}));
}

TEST(NormalizeForMatching, SpanOfNothingIsEmpty) {
  const NormalizedText normalized = normalize_for_matching("abc");
  EXPECT_EQ(normalized.original_span(2, 2), TextSpan{});
  EXPECT_EQ(normalized.original_span(1, 99), (TextSpan{1, 3}));
}

TEST(NormalizeForMatching, SeedArticleOriginsAreConsistent) {
  const std::string original = test::read_test_data("seed/ar-sputnik-2021-11-21.txt");
  ASSERT_FALSE(original.empty());
  const NormalizedText normalized = normalize_for_matching(original);
  expect_consistent_origins(original, normalized);
  EXPECT_EQ(normalized.text, matching_form(original));
  EXPECT_EQ(normalized.original_span(0, normalized.text.size()),
            (TextSpan{0, static_cast<std::uint32_t>(code_point_count(original))}));
  // The paragraphs survive.
  EXPECT_NE(normalized.text.find("قره باغ\n\n(باكستان بواينت نيوز / سبوتنيك - 21 نوفمبر 2021ء)"),
            std::string::npos);
  EXPECT_NE(normalized.text.find("\n\nوبحسب الكرملين"), std::string::npos);
  EXPECT_EQ(original_of(original, "فقد الاتصال ب 24 جنديا"), "فُقد الاتصال بـ 24 جندياً");
}

TEST(NormalizeForMatching, InvalidUtf8NeitherCrashesNorBreaksOrigins) {
  const std::string cases[] = {
      std::string("\x80\x80 abc"),
      std::string("abc\xC3"),
      std::string("a\xC3(b"),
      std::string("\xE2\x82 x \xF0\x9F\x98"),
      std::string("\xED\xA0\x80 surrogate"),
      std::string("\xC0\xAF overlong"),
      std::string("\xFF\xFE\xFD"),
      std::string("\xD8\xA8\x80\x80\xD8\xAA"),
      std::string("\xF4\x90\x80\x80 beyond"),
  };
  for (const std::string& input : cases) {
    SCOPED_TRACE(testing::PrintToString(input));
    const NormalizedText normalized = normalize_for_matching(input);
    EXPECT_TRUE(is_valid_utf8(normalized.text));
    expect_consistent_origins(input, normalized);
    EXPECT_EQ(normalized.text, matching_form(input));
  }
  EXPECT_EQ(matching_form("\xD8\xA8\x80\x80\xD8\xAA"), "بت");
  EXPECT_EQ(matching_form("a\xC3(b"), "a\uFFFD(b");
}

TEST(NormalizeForMatching, CodePointOffsetsStartEveryCodePoint) {
  const std::string cases[] = {
      std::string("e\xCC\x81t\xC3\xA9  A\xCC\x8A\xD9\x8E x"),  // combining marks, retracted
      std::string("\x80\x80 abc\xC3"),
      std::string("\xE2\x82 x \xF0\x9F\x98\x80\x80"),
      std::string("\xD8\xA8\x80\x80\xD8\xAA\xFF\xEF\xAC\x81"),
      std::string(),
      test::read_test_data("seed/ar-sputnik-2021-11-21.txt"),
  };
  for (const std::string& input : cases) {
    SCOPED_TRACE(testing::PrintToString(input));
    std::vector<std::uint32_t> expected;
    for (std::size_t at = 0; at < input.size(); ++at) {
      if ((static_cast<unsigned char>(input[at]) & 0xC0U) != 0x80U) {
        expected.push_back(static_cast<std::uint32_t>(at));
      }
    }
    expected.push_back(static_cast<std::uint32_t>(input.size()));
    const NormalizedText normalized = normalize_for_matching(input);
    EXPECT_EQ(std::vector<std::uint32_t>(normalized.code_point_offsets.begin(),
                                         normalized.code_point_offsets.end()),
              expected);
  }
}

// The fast path for runs of plain characters (ASCII and two-byte characters
// the table emits, single spaces between them) must leave everything as the
// per-character path does: the text, both origin tables and the code-point
// offsets. Random texts of pieces that end a run or must join the character
// before it: combining marks after plain letters, diacritics and tatweel,
// folded letters, upper case, line breaks, double spaces, three-byte
// punctuation, ligatures, stray and cut bytes, a Latin ë between Cyrillic letters.
TEST(NormalizeForMatching, PlainRunsGiveWhatTheCharacterByCharacterPathGives) {
  const std::vector<std::string> pieces = {"a",        "Z",
                                           "7",        "-",
                                           ",",        " ",
                                           "  ",       "\n",
                                           "\r\n",     "\n\n",
                                           "\t",       "д",
                                           "Ё",        "ж",
                                           "ب",        "ت",
                                           "\u0629",   "\u0649",
                                           "\u0623",   "\u064E",
                                           "\u0640",   "\u0301",
                                           "e\u0301",  "\u00E9",
                                           "\u00EB",   "\u00AB",
                                           "\u060C",   "\u06A9",
                                           "\u0661",   "\u2014",
                                           "\u201C",   "\uFB01",
                                           "\u00AD",   "\u200D",
                                           "\xD8",     "\x80",
                                           "\xE2\x80", "\xF0\x9F\x98\x80",
                                           "\u00A0"};
  std::mt19937 random(20261207);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 60);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) {
      text += pieces[pick(random)];
    }
    const NormalizedText fast = normalize_for_matching(text);
    const NormalizedText slow = detail::normalize_for_matching_by_character(text);
    ASSERT_EQ(fast.text, slow.text) << "round " << round;
    ASSERT_TRUE(std::equal(fast.origin_begin.begin(), fast.origin_begin.end(),
                           slow.origin_begin.begin(), slow.origin_begin.end()))
        << "round " << round;
    ASSERT_TRUE(std::equal(fast.origin_end.begin(), fast.origin_end.end(), slow.origin_end.begin(),
                           slow.origin_end.end()))
        << "round " << round;
    ASSERT_TRUE(std::equal(fast.code_point_offsets.begin(), fast.code_point_offsets.end(),
                           slow.code_point_offsets.begin(), slow.code_point_offsets.end()))
        << "round " << round;
  }
}

}  // namespace
}  // namespace truce::text
