#include "text/language.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "support/test_data.hpp"
#include "text/detail/cld2.hpp"
#include "text/detail/foreign_letters.hpp"
#include "text/detail/utf8.hpp"
#include "text/detail/word_scan.hpp"

namespace truce::text {
namespace {

// Synthetic texts; the names and places in them are fictional.
constexpr std::string_view kArabic =
    "قال متحدث باسم وزارة الدفاع في جمهورية خيالية إن الوضع على الحدود هادئ منذ صباح اليوم، "
    "وإن المفاوضات بين الطرفين مستمرة منذ أسبوعين برعاية دولية.";
constexpr std::string_view kRussian =
    "Представитель вымышленного министерства Иван Петров заявил журналистам, что ситуация на "
    "границе остаётся стабильной, а переговоры сторон продолжаются.";
constexpr std::string_view kEnglish =
    "The ministry said two soldiers were wounded near the fictional village of Lorem and that "
    "talks between the two sides would resume next week.";

// The code point span of the first occurrence of `needle` in `text`.
TextSpan span_of(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  const auto start = static_cast<std::uint32_t>(code_point_count(text.substr(0, at)));
  return TextSpan{start, start + static_cast<std::uint32_t>(code_point_count(needle))};
}

TEST(DetectLanguages, EmptyTextHasNoLanguage) {
  const LanguageReport report = detect_languages("");
  EXPECT_EQ(report.language, "");
  EXPECT_TRUE(report.spans.empty());
  EXPECT_TRUE(report.paragraphs.empty());
  EXPECT_EQ(detect_languages(" \n\n 12, 13 — 14 \n").language, "");
}

TEST(DetectLanguages, SingleLanguageDocuments) {
  for (const auto& [text, language] :
       {std::pair{kArabic, "ar"}, std::pair{kRussian, "ru"}, std::pair{kEnglish, "en"}}) {
    const LanguageReport report = detect_languages(text);
    EXPECT_EQ(report.language, language) << text;
    EXPECT_TRUE(report.spans.empty()) << text;
    ASSERT_EQ(report.paragraphs.size(), 1U);
    EXPECT_EQ(report.paragraphs[0].language, language);
    EXPECT_EQ(report.paragraphs[0].span,
              (TextSpan{0, static_cast<std::uint32_t>(code_point_count(text))}));
  }
}

TEST(DetectLanguages, ParagraphsAreBlankLineSeparatedAndTrimmed) {
  const std::string text = "  " + std::string(kRussian) + "\r\n \r\n" + std::string(kEnglish) +
                           "\n\n\n" + std::string(kRussian) + "\nЗаголовок без пустой строки\n";
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.language, "ru");
  ASSERT_EQ(report.paragraphs.size(), 3U);
  EXPECT_EQ(report.paragraphs[0], (LanguageSpan{"ru", span_of(text, kRussian)}));
  EXPECT_EQ(report.paragraphs[1], (LanguageSpan{"en", span_of(text, kEnglish)}));
  EXPECT_EQ(report.paragraphs[2].language, "ru");
  EXPECT_EQ(report.paragraphs[2].span.end, code_point_count(text) - 1);
  // The English paragraph is a foreign span of the Russian document.
  ASSERT_EQ(report.spans.size(), 1U);
  EXPECT_EQ(report.spans[0], (LanguageSpan{"en", span_of(text, kEnglish)}));
}

// Words of ASCII letters are read up to their last letter sixteen bytes at a
// time: words of every length from every offset across the blocks' edges, ended
// by a space, a combining mark, a stray continuation byte, a digit, a Cyrillic
// letter or a dash, keep the paragraph's code-point span.
TEST(DetectLanguages, WordsOfAsciiLettersAreCountedAtEveryOffset) {
  for (std::size_t shift = 0; shift < 34; ++shift) {
    for (std::size_t length = 1; length <= 20; ++length) {
      for (std::string_view tail : {"", "\xCC\x81", "\x80", "1", "\xD0\xBB", "-"}) {
        std::string word;
        for (std::size_t i = 0; i < length; ++i) {
          word += static_cast<char>(i % 3 == 0 ? 'A' + i % 26 : 'a' + (i * 7) % 26);
        }
        const std::string text = std::string(shift, ' ') + word + std::string(tail) + " end";
        const LanguageReport report = detect_languages(text);
        ASSERT_EQ(report.paragraphs.size(), 1U);
        EXPECT_EQ(report.paragraphs[0].span,
                  (TextSpan{static_cast<std::uint32_t>(shift),
                            static_cast<std::uint32_t>(code_point_count(text))}))
            << "shift " << shift << ", length " << length << ", tail " << tail.size();
      }
    }
  }
}

// The scanner reads runs of two-byte letters of one script (Arabic, Cyrillic)
// without decoding each: words of every length from every offset, ended by
// whatever can end such a run (a mark, a stray continuation byte, a marker
// letter, a letter of another script, an ASCII letter, an overlong form, a
// lead byte without its continuation, a three-byte dash, the text's end),
// give the same words as reading one character at a time.
TEST(ScanWords, TwoByteLettersAreCountedAsOneByOne) {
  const std::array<std::string_view, 3> alphabets = {
      "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xAF\xD9\x88\xD8\xAF",  // الحدود
      "\xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5\xD0\x93\xD1\x91",  // переГё
      "\xC3\xA9\xC3\xA8\xC5\x93\xC3\xB1\xC3\x9F\xC3\x89",  // éèœñßÉ
  };
  const std::array<std::string_view, 14> tails = {
      "",         " ",        "\xD9\x8E", "\xCC\x81", "\x80",     "\x80\x80", "\xDA\xBE",
      "\xD1\x96", "\xD0\xBB", "a",        "\xC0\x80", "\xC1\xBF", "\xD8",     "\xE2\x80\x94"};
  for (std::string_view alphabet : alphabets) {
    for (std::size_t shift = 0; shift < 18; ++shift) {
      for (std::size_t length = 1; length <= 20; ++length) {
        for (std::string_view tail : tails) {
          std::string word;
          for (std::size_t i = 0; i < length; ++i) {
            word += alphabet.substr((i * 7 % (alphabet.size() / 2)) * 2, 2);
          }
          const std::string text = std::string(shift, ' ') + word + std::string(tail);
          EXPECT_EQ(detail::scan_words(text, true), detail::scan_words(text, false))
              << "shift " << shift << ", length " << length << ", tail " << tail.size();
          const std::string continued = text + word + " end";
          EXPECT_EQ(detail::scan_words(continued, true), detail::scan_words(continued, false))
              << "shift " << shift << ", length " << length << ", tail " << tail.size();
        }
      }
    }
  }
}

// Random texts of letters of several scripts, marks, marker letters, spaces,
// line breaks and invalid bytes give the same words with block reading as
// without. Three pieces in four are letters of the current script (Arabic,
// Cyrillic or accented Latin, changed now and then), so words run long.
TEST(ScanWords, RandomTextsGiveTheSameWordsAsOneByOne) {
  const std::array<std::array<std::string_view, 3>, 3> letters = {{
      {"\xD8\xA7", "\xD9\x84", "\xDB\x8C"},  // ا ل ی (a marker letter)
      {"\xD0\xBF", "\xD1\x8F", "\xD1\x96"},  // п я і (a marker letter)
      {"\xC3\xA9", "\xC5\x93", "e"},
  }};
  const std::array<std::string_view, 16> others = {" ",
                                                   "\n",
                                                   "\r\n",
                                                   "\xD9\x8E",
                                                   "\xCC\x81",
                                                   "\x80",
                                                   "\xBF",
                                                   "\xC0\x80",
                                                   "\xD8",
                                                   "\xE2\x80\x94",
                                                   "7",
                                                   ",",
                                                   "\xF0\x9F\x98\x80",
                                                   "a",
                                                   "\xDA\xBE",
                                                   "\xD0\xBB"};
  std::mt19937 random(12345);
  std::uniform_int_distribution<std::size_t> choice(0, 11);
  std::uniform_int_distribution<std::size_t> length(0, 80);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    std::size_t script = 0;
    const std::size_t count = length(random);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t pick = choice(random);
      if (pick < 9) {
        text += letters[script][pick % 3];
      } else if (pick < 11) {
        text += others[choice(random) % 12 + (pick - 9) * 4];
      } else {
        script = choice(random) % 3;
      }
    }
    ASSERT_EQ(detail::scan_words(text, true), detail::scan_words(text, false)) << text;
  }
}

TEST(DetectLanguages, MainLanguageIsTheLargest) {
  const std::string text = std::string(kEnglish) + "\n\n" + std::string(kArabic) + "\n\n" +
                           std::string(kArabic) + "\n\n" + std::string(kArabic);
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.language, "ar");
  ASSERT_EQ(report.paragraphs.size(), 4U);
  EXPECT_EQ(report.paragraphs[0].language, "en");
  ASSERT_EQ(report.spans.size(), 1U);
  EXPECT_EQ(report.spans[0], (LanguageSpan{"en", span_of(text, kEnglish)}));
}

TEST(DetectLanguages, FindsAnEnglishQuoteInRussianText) {
  const std::string quote = "we have no reports of any shooting along the line today";
  const std::string text =
      "Представитель вымышленного министерства Иван Петров заявил, что "
      "ситуация на границе остаётся стабильной. По его словам, \"" +
      quote + "\", и стороны продолжают переговоры.";
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.language, "ru");
  ASSERT_EQ(report.paragraphs.size(), 1U);
  EXPECT_EQ(report.paragraphs[0].language, "ru");
  ASSERT_EQ(report.spans.size(), 1U);
  EXPECT_EQ(report.spans[0], (LanguageSpan{"en", span_of(text, quote)}));
}

// A paragraph of one script is read without keeping its words; where CLD2
// read it in parts, its words are read again from its own bytes. That gives
// the words the scan of the whole text gives there: random texts of
// paragraphs, with stray bytes, marks and line breaks.
TEST(ScanWords, AParagraphReadAloneGivesTheWordsOfTheWholeText) {
  // Within a paragraph: letters of two scripts, a mark, a stray continuation
  // byte, a lone lead byte, line breaks that do not end it.
  const std::array<std::string_view, 9> pieces = {
      "\xD8\xA7\xD9\x84", "\xD0\xBF\xD1\x8F", "word", " ", "\n", "\xCC\x81", "\x80", "\xD9", ","};
  std::mt19937 random(8122026);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 30);
  std::uniform_int_distribution<int> paragraphs(1, 4);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> bounds;  // of each paragraph, in bytes
    for (int p = paragraphs(random); p > 0; --p) {
      text += "\n\n";
      const std::size_t begin = text.size();
      text += "word";
      for (int n = length(random); n > 0; --n) {
        text += pieces[piece(random)];
      }
      text += "word";
      bounds.emplace_back(begin, text.size());
    }
    const std::vector<detail::ScannedWord> whole = detail::scan_words(text, true);
    for (const auto& bound : bounds) {
      const std::size_t begin = bound.first;
      const std::size_t end = bound.second;
      std::vector<detail::ScannedWord> inside;
      std::copy_if(whole.begin(), whole.end(), std::back_inserter(inside), [&](const auto& word) {
        return word.byte_begin >= begin && word.byte_end <= end;
      });
      ASSERT_FALSE(inside.empty());
      const std::uint32_t cp_begin = inside.front().cp_begin;  // the paragraph opens with a word
      ASSERT_EQ(detail::scan_paragraph_words(text, begin, end, cp_begin), inside)
          << "round " << round;
    }
  }
}

// Dropping the words of paragraphs of one script changes no report: random
// documents of paragraphs in Arabic, Russian, English, French and Persian,
// whole or mixed, against the detector that keeps every word.
TEST(DetectLanguages, DroppingTheWordsOfParagraphsOfOneScriptChangesNoReport) {
  const std::array<std::string_view, 6> pieces = {
      kArabic,
      kRussian,
      kEnglish,
      "Le ministère imaginaire a déclaré que les négociations reprendront la semaine prochaine.",
      "سخنگوی وزارت خیالی گفت که وضعیت در مرز آرام است و گفتگوها ادامه دارد.",
      "Представитель заявил: \"we have no reports of any shooting along the line today\"."};
  std::mt19937 random(20261208);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(1, 5);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int paragraph = count(random); paragraph > 0; --paragraph) {
      for (int sentence = count(random) % 3 + 1; sentence > 0; --sentence) {
        text += pieces[piece(random)];
        text += ' ';
      }
      text += "\n\n";
    }
    const LanguageReport dropped = detect_languages(text);
    const LanguageReport kept = detail::detect_languages_keeping_every_word(text);
    ASSERT_EQ(dropped.language, kept.language) << text;
    ASSERT_EQ(dropped.paragraphs, kept.paragraphs) << text;
    ASSERT_EQ(dropped.spans, kept.spans) << text;
  }
}

TEST(DetectLanguages, SingleForeignWordsAreNotSpans) {
  const std::string text = std::string(kRussian) + " Об этом сообщает Reuters.";
  EXPECT_TRUE(detect_languages(text).spans.empty());
}

TEST(DetectLanguages, FindsTheUrduPublisherNameInTheSeedArticle) {
  const std::string text = test::read_test_data("seed/ar-sputnik-2021-11-21.txt");
  ASSERT_FALSE(text.empty());
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.language, "ar");
  ASSERT_EQ(report.spans.size(), 1U);
  EXPECT_EQ(report.spans[0], (LanguageSpan{"ur", span_of(text, "پاکستان پوائنٹ نیوز")}));
  ASSERT_EQ(report.paragraphs.size(), 14U);
  for (const LanguageSpan& paragraph : report.paragraphs) {
    EXPECT_EQ(paragraph.language, "ar");
  }
  EXPECT_EQ(report.paragraphs[0].span,
            span_of(text,
                    "رئيس الوزراء الأرميني يشكر بوتين على وساطة روسيا النشطة بشأن ناغورني "
                    "قره باغ"));
}

TEST(DetectLanguages, MarkerLettersNameTheLanguage) {
  // Persian letters without the Urdu-only ones: Persian comes first in the table.
  const std::string persian = "پژوهشگاه چشمه";
  const std::string text = std::string(kArabic) + " (" + persian + ") " + std::string(kArabic);
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.language, "ar");
  ASSERT_EQ(report.spans.size(), 1U);
  EXPECT_EQ(report.spans[0], (LanguageSpan{"fa", span_of(text, persian)}));
}

TEST(DetectLanguages, OneForeignLetterInOneWordIsNotASpan) {
  // A name spelled with one Persian letter, as Arabic writers sometimes do.
  const std::string text = std::string(kArabic) + " وقال گريم إن الاجتماع انتهى.";
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.language, "ar");
  EXPECT_TRUE(report.spans.empty());
}

TEST(DetectLanguages, PersianParagraphInArabicText) {
  const std::string persian =
      "سخنگوی وزارت دفاع یک کشور خیالی گفت که وضعیت در مرز آرام است و گفتگوها میان دو طرف از دو "
      "هفته پیش ادامه دارد.";
  const std::string text = std::string(kArabic) + "\n\n" + persian + "\n\n" + std::string(kArabic);
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.language, "ar");
  ASSERT_EQ(report.paragraphs.size(), 3U);
  EXPECT_EQ(report.paragraphs[1], (LanguageSpan{"fa", span_of(text, persian)}));
  ASSERT_EQ(report.spans.size(), 1U);
  EXPECT_EQ(report.spans[0], (LanguageSpan{"fa", span_of(text, persian)}));
}

TEST(DetectLanguages, UkrainianQuoteInRussianText) {
  const std::string text =
      std::string(kRussian) +
      "\n\nПо словам представителя вымышленной пограничной службы Анны Сидоровой, «ми не "
      "отримували жодних повідомлень про обстріли вздовж лінії зіткнення сьогодні», и стороны "
      "продолжают переговоры уже третью неделю подряд, несмотря на взаимные обвинения.";
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.language, "ru");
  ASSERT_EQ(report.spans.size(), 1U);
  EXPECT_EQ(report.spans[0].language, "uk");
  // CLD2 draws the edges loosely; the marker letters pin the core.
  const TextSpan core = span_of(text, "лінії зіткнення сьогодні");
  EXPECT_LE(report.spans[0].span.start, core.start);
  EXPECT_GE(report.spans[0].span.end, core.end);
  EXPECT_GT(report.spans[0].span.start, span_of(text, "Сидоровой").end);
}

TEST(DetectLanguages, InvalidUtf8DoesNotCrash) {
  const std::string text = std::string(kRussian) + "\xD0\n\n\x80\xFF" + std::string(kEnglish);
  const LanguageReport report = detect_languages(text);
  EXPECT_EQ(report.paragraphs.size(), 2U);
}

// Every chunk CLD2 reports lies inside the text it was given.
void expect_chunks_inside(const detail::Cld2Result& result, std::string_view text) {
  for (const detail::Cld2Chunk& chunk : result.chunks) {
    EXPECT_LE(chunk.offset + chunk.length, std::min(text.size(), detail::kMaxCld2Bytes));
  }
}

TEST(Cld2, ReadsPastInvalidBytesAndControls) {
  // Before the copy was cleaned, CLD2 read only the valid prefix (nothing
  // here) or crashed on such bytes.
  std::string text = "\xFF\xD8";
  std::string_view rest = kArabic;
  const std::string_view junk[] = {std::string_view("\0", 1),
                                   "\x01\x1B",
                                   "\xC2\x85",
                                   "\xEF\xBF\xBF",
                                   "\xD8\xD8",
                                   "\x80\xBF",
                                   "\xED\xA0\x80",
                                   "\xF4\x90\x80\x80"};
  for (std::size_t i = 0; !rest.empty(); ++i) {
    const std::size_t space = rest.find(' ');
    const std::size_t end = space == std::string_view::npos ? rest.size() : space + 1;
    text += rest.substr(0, end);
    text += junk[i % std::size(junk)];
    rest.remove_prefix(end);
  }
  const detail::Cld2Result result = detail::detect_with_cld2(text);
  EXPECT_EQ(result.language, "ar");
  expect_chunks_inside(result, text);
}

TEST(Cld2, TextCutInsideACharacter) {
  const std::string_view arabic = kArabic;
  for (std::size_t cut = 1; cut <= 3; ++cut) {
    const std::string text(arabic.substr(0, arabic.size() - cut));
    const detail::Cld2Result result = detail::detect_with_cld2(text);
    EXPECT_EQ(result.language, "ar") << cut;
    expect_chunks_inside(result, text);
  }
}

TEST(Cld2, ReadsABoundedPrefix) {
  std::string text;
  while (text.size() < 3 * detail::kMaxCld2Bytes) {
    text += std::string(kRussian) + " ";
  }
  const detail::Cld2Result result = detail::detect_with_cld2(text);
  EXPECT_EQ(result.language, "ru");
  ASSERT_FALSE(result.chunks.empty());
  expect_chunks_inside(result, text);
}

TEST(Cld2, RandomBytesAmongArabicLetters) {
  // Deterministic mixtures of Arabic and arbitrary bytes, the kind of input
  // that once crashed CLD2 under the fuzzer; run under a sanitiser to catch
  // reads outside the buffer.
  std::uint32_t state = 12345;
  const auto next = [&] {
    state = state * 1664525U + 1013904223U;
    return state >> 24U;
  };
  const std::string_view arabic = kArabic;
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const std::size_t pieces = 1 + next() % 12;
    for (std::size_t piece = 0; piece < pieces; ++piece) {
      if (next() % 2 == 0) {
        const std::size_t from = next() % arabic.size();
        text += arabic.substr(from, next() % 64);
      } else {
        for (std::size_t i = next() % 8; i > 0; --i) {
          text += static_cast<char>(next());
        }
      }
    }
    const detail::Cld2Result result = detail::detect_with_cld2(text);
    expect_chunks_inside(result, text);
    const LanguageReport report = detect_languages(text);
    EXPECT_LE(report.paragraphs.size(), text.size());
  }
}

// detect_with_cld2 skips CLD2's own check of its input; the copy it hands over
// must pass that check whatever the text: every code point (controls,
// noncharacters and private use among them), and random bytes.
TEST(Cld2, AcceptsItsCopyOfAnyText) {
  std::string text;
  for (char32_t code_point = 0; code_point <= 0x10FFFF; ++code_point) {
    if (code_point >= 0xD800 && code_point <= 0xDFFF) {
      continue;  // surrogates have no UTF-8 form; their bytes come below
    }
    detail::append_utf8(text, code_point);
    if (text.size() >= detail::kMaxCld2Bytes - 4) {
      ASSERT_TRUE(detail::cld2_accepts_its_copy_of(text))
          << "near U+" << std::hex << static_cast<std::uint32_t>(code_point);
      text.clear();
    }
  }
  std::uint32_t state = 20261207;
  const auto next = [&] {
    state = state * 1664525U + 1013904223U;
    return state >> 24U;
  };
  for (int round = 0; round < 2000; ++round) {
    text.clear();
    for (std::size_t i = next() % 300; i > 0; --i) {
      text += static_cast<char>(next());
    }
    ASSERT_TRUE(detail::cld2_accepts_its_copy_of(text)) << "round " << round;
  }
}

// Without its chunks CLD2 skips the work that maps them back to the text;
// the language it names must stay the same: on the three texts above and on
// random pieces of them, cut anywhere (inside a character too).
TEST(Cld2, NamesTheSameLanguageWithOrWithoutChunks) {
  std::vector<std::string> samples = {std::string(kArabic), std::string(kRussian),
                                      std::string(kEnglish)};
  std::uint32_t state = 2026;
  const auto next = [&] {
    state = state * 1664525U + 1013904223U;
    return state >> 16U;
  };
  for (const std::string_view text : {kArabic, kRussian, kEnglish}) {
    for (int round = 0; round < 200; ++round) {
      const std::size_t from = next() % text.size();
      samples.emplace_back(text.substr(from, next() % 200));
      samples.back() += std::string(text.substr(0, next() % 60));
    }
  }
  for (const std::string& sample : samples) {
    EXPECT_EQ(detail::detect_with_cld2(sample, detail::Cld2Chunks::kNotWanted).language,
              detail::detect_with_cld2(sample).language)
        << sample;
    EXPECT_TRUE(detail::detect_with_cld2(sample, detail::Cld2Chunks::kNotWanted).chunks.empty());
  }
}

TEST(Cld2Sample, CutsBeforeTheLastSpaceOrLineBreakThatFits) {
  const std::string_view text = "один два\nтри четыре";  // Cyrillic letters are two bytes
  EXPECT_EQ(detail::cld2_sample(text, text.size()), text);
  EXPECT_EQ(detail::cld2_sample(text, 100), text);
  // Every limit inside "четыре" gives the text up to its space, inside "три"
  // up to the line break: no cut word.
  const std::size_t space = text.find(' ', text.find('\n'));
  for (std::size_t limit = space; limit < text.size(); ++limit) {
    EXPECT_EQ(detail::cld2_sample(text, limit), text.substr(0, space)) << limit;
  }
  const std::size_t line_break = text.find('\n');
  for (std::size_t limit = line_break; limit < space; ++limit) {
    EXPECT_EQ(detail::cld2_sample(text, limit), text.substr(0, line_break)) << limit;
  }
}

TEST(Cld2Sample, WithoutASpaceCutsBeforeTheLastCodePointThatFits) {
  const std::string_view text = "二つの村で停戦が守られた";  // three bytes a character
  for (std::size_t limit = 0; limit < text.size(); ++limit) {
    const std::string_view sample = detail::cld2_sample(text, limit);
    EXPECT_EQ(sample.size(), limit - limit % 3) << limit;
    EXPECT_EQ(text.substr(0, sample.size()), sample);
  }
  // A text that starts with a space but has none after it is cut like one
  // without: an empty sample would tell CLD2 nothing.
  const std::string_view spaced = " 二つの村";
  EXPECT_EQ(detail::cld2_sample(spaced, 7), spaced.substr(0, 7));
}

TEST(Cld2Codes, AreBcp47) {
  EXPECT_EQ(detail::bcp47_from_cld2_code("ar"), "ar");
  EXPECT_EQ(detail::bcp47_from_cld2_code("iw"), "he");
  EXPECT_EQ(detail::bcp47_from_cld2_code("jw"), "jv");
  EXPECT_EQ(detail::bcp47_from_cld2_code("zh-Hant"), "zh-Hant");
  EXPECT_EQ(detail::bcp47_from_cld2_code("un"), "");
  EXPECT_EQ(detail::bcp47_from_cld2_code("xxx"), "");
  EXPECT_EQ(detail::bcp47_from_cld2_code("116"), "");
}

TEST(ForeignLetters, BundledTableParses) {
  const Result<detail::ForeignLetters> parsed =
      detail::ForeignLetters::parse(detail::bundled_foreign_letters_text(), "foreign_letters.tsv");
  ASSERT_TRUE(parsed) << parsed.error().message;
  const detail::ForeignLetterBase* arabic = parsed->base("ar");
  ASSERT_NE(arabic, nullptr);
  const detail::MarkerLetter* tteh = arabic->find(0x0679);
  ASSERT_NE(tteh, nullptr);
  ASSERT_EQ(tteh->languages.size(), 1U);
  EXPECT_EQ(arabic->languages[tteh->languages[0]], "ur");
  EXPECT_EQ(arabic->find(0x0627), nullptr);  // alef is Arabic
  EXPECT_TRUE(parsed->is_marker(0x0457));    // Ukrainian yi
  EXPECT_EQ(parsed->base("en"), nullptr);
}

TEST(ForeignLetters, ErrorsNameFileLineAndColumn) {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"# comment\nar\tU+0679\n", "t.tsv:2: column 'languages': expected 3"},
      {"ar\tU+0679\tur\nAR\tU+067E\tfa\n", "t.tsv:2: column 'base'"},
      {"ar\t0679\tur\n", "t.tsv:1: column 'letter': '0679' is not U+XXXX"},
      {"ar\tU+06ZZ\tur\n", "t.tsv:1: column 'letter'"},
      {"ar\tU+0679\tur\nar\tU+0679\tfa\n", "t.tsv:2: column 'letter': listed twice"},
      {"ar\tU+0679\tar\n", "t.tsv:1: column 'languages': 'ar' is not a language subtag other"},
      {"ar\tU+0679\t  \n", "t.tsv:1: column 'languages': expected 3"},
  };
  for (const auto& bad : cases) {
    const Result<detail::ForeignLetters> parsed = detail::ForeignLetters::parse(bad.text, "t.tsv");
    ASSERT_FALSE(parsed) << bad.text;
    EXPECT_NE(parsed.error().message.find(bad.message), std::string::npos)
        << parsed.error().message;
  }
}

}  // namespace
}  // namespace truce::text
