// Invariants of every text function on pseudo-random input built from the
// pieces that make trouble: several scripts, marks, whitespace of all kinds,
// markup and broken UTF-8. The generator is seeded, so failures reproduce.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "text/html.hpp"
#include "text/language.hpp"
#include "text/normalize.hpp"
#include "text/segment.hpp"

namespace truce::text {
namespace {

const std::vector<std::string>& pieces() {
  static const std::vector<std::string> all = {
      "a",      "Z",    "3.5",      ". ",      "? ",
      "V. ",    " ",    "\t",       "\n",      "\r\n",
      "\n\n",   "\r",   "\u00A0",   "\u2009",  "\u2029",
      "ب",      "ُ",     "ـ",        "أ",       "ة",
      "ى",      "ی",    "ک",        "ٹ",       "ے",
      "٢",      "۴",    "\uFEFB",   "\u200C",  "\uFEFF",
      "\u00AD", "Ё",    "й",        "и\u0306", "e\u0301",
      "ß",      "؟ ",   "«",        "»",       "<p>",
      "</p>",   "<br>", "&amp;",    "&#1576;", "<script>",
      "\x80",   "\xC3", "\xE2\x82", "\xFF",    "\xF0\x9F\x98\x80",
      "ﷺ",      "Ⅻ",    "①",
  };
  return all;
}

std::string random_text(std::mt19937& random) {
  std::uniform_int_distribution<std::size_t> length(0, 60);
  std::uniform_int_distribution<std::size_t> pick(0, pieces().size() - 1);
  std::string text;
  for (std::size_t n = length(random); n > 0; --n) {
    text += pieces()[pick(random)];
  }
  return text;
}

TEST(Robustness, InvariantsHoldOnRandomInput) {
  std::mt19937 random(20211121);
  for (int round = 0; round < 600; ++round) {
    const std::string input = random_text(random);
    SCOPED_TRACE(testing::PrintToString(input));
    const auto length = static_cast<std::uint32_t>(code_point_count(input));

    const NormalizedText normalized = normalize_for_matching(input);
    ASSERT_EQ(normalized.origin_begin.size(), normalized.text.size());
    ASSERT_EQ(normalized.origin_end.size(), normalized.text.size());
    for (std::size_t i = 0; i < normalized.text.size(); ++i) {
      ASSERT_LT(normalized.origin_begin[i], normalized.origin_end[i]);
      ASSERT_LE(normalized.origin_end[i], length);
      if (i > 0) {
        ASSERT_LE(normalized.origin_begin[i - 1], normalized.origin_begin[i]);
        ASSERT_LE(normalized.origin_end[i - 1], normalized.origin_end[i]);
      }
    }
    ASSERT_EQ(matching_form(input), normalized.text);
    ASSERT_EQ(matching_form(normalized.text), normalized.text);

    std::uint32_t previous_end = 0;
    for (const Range& paragraph : paragraphs(normalized.text)) {
      ASSERT_LE(previous_end, paragraph.begin);
      ASSERT_LT(paragraph.begin, paragraph.end);
      ASSERT_LE(paragraph.end, normalized.text.size());
      std::uint32_t sentence_end = paragraph.begin;
      for (const Range& sentence : sentences(normalized.text, paragraph)) {
        ASSERT_LE(sentence_end, sentence.begin);
        ASSERT_LT(sentence.begin, sentence.end);
        ASSERT_LE(sentence.end, paragraph.end);
        sentence_end = sentence.end;
      }
      previous_end = paragraph.end;
    }

    const LanguageReport report = detect_languages(input);
    std::uint32_t span_end = 0;
    for (const LanguageSpan& span : report.spans) {
      ASSERT_LE(span_end, span.span.start);
      ASSERT_LT(span.span.start, span.span.end);
      ASSERT_LE(span.span.end, length);
      ASSERT_NE(span.language, report.language);
      span_end = span.span.end;
    }
    for (const LanguageSpan& paragraph : report.paragraphs) {
      ASSERT_LT(paragraph.span.start, paragraph.span.end);
      ASSERT_LE(paragraph.span.end, length);
    }

    const Result<HtmlDocument> html = html_to_text(input);
    if (html) {
      ASSERT_EQ(html->text.find("\n\n\n"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace truce::text
