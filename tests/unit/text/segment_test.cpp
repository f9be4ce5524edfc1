#include "text/segment.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "support/test_data.hpp"
#include "text/normalize.hpp"

namespace truce::text {
namespace {

std::vector<std::string> texts(std::string_view text, const std::vector<Range>& ranges) {
  std::vector<std::string> result;
  result.reserve(ranges.size());
  for (const Range& range : ranges) {
    result.emplace_back(text.substr(range.begin, range.end - range.begin));
  }
  return result;
}

std::vector<std::string> paragraph_texts(std::string_view text) {
  return texts(text, paragraphs(text));
}

std::vector<std::string> sentence_texts(std::string_view text) {
  return texts(text, sentences(text, Range{0, static_cast<std::uint32_t>(text.size())}));
}

using Strings = std::vector<std::string>;

TEST(Paragraphs, SplitAtBlankLines) {
  EXPECT_EQ(paragraph_texts("One, two\n\nThree"), (Strings{"One, two", "Three"}));
  EXPECT_EQ(paragraph_texts(""), Strings{});
  EXPECT_EQ(paragraph_texts("\n\n"), Strings{});
  EXPECT_EQ(paragraph_texts("Only one."), Strings{"Only one."});
}

TEST(Paragraphs, ShortLinesAreParagraphsOfTheirOwn) {
  EXPECT_EQ(paragraph_texts("Talks resume in Lorem\nNegotiators met on Monday. They talked."),
            (Strings{"Talks resume in Lorem", "Negotiators met on Monday. They talked."}));
  EXPECT_EQ(paragraph_texts("رئيس الوزراء يشكر الوسيط\nأعلن المتحدث اليوم أن المحادثات ستستمر."),
            (Strings{"رئيس الوزراء يشكر الوسيط", "أعلن المتحدث اليوم أن المحادثات ستستمر."}));
}

TEST(Paragraphs, LinesEndingASentenceEndTheParagraph) {
  const std::string long_line(120, 'x');
  EXPECT_EQ(paragraph_texts(long_line + ".\nNext"), (Strings{long_line + ".", "Next"}));
  EXPECT_EQ(paragraph_texts("He said: \"Enough.\"\nThen left"),
            (Strings{"He said: \"Enough.\"", "Then left"}));
}

TEST(Paragraphs, WrappedLinesStayTogether) {
  // A long line without a final stop, and a short line continued in lower case.
  const std::string long_line =
      "the negotiators from both sides met on monday in the fictional town of lorem and talked";
  const std::string text = long_line + " for many hours about the\nexchange of prisoners.";
  ASSERT_GE(long_line.size() + 25, 100U);
  EXPECT_EQ(paragraph_texts(text), Strings{text});
  EXPECT_EQ(paragraph_texts("The talks lasted\nsix hours."),
            Strings{"The talks lasted\nsix hours."});
}

TEST(Sentences, SplitAtFinalPunctuation) {
  EXPECT_EQ(sentence_texts("One. Two! Three? Four; five"),
            (Strings{"One.", "Two!", "Three?", "Four;", "five"}));
  EXPECT_EQ(sentence_texts("هل انتهى؟ نعم، انتهى؛ وبدأت المفاوضات."),
            (Strings{"هل انتهى؟", "نعم، انتهى؛", "وبدأت المفاوضات."}));
  EXPECT_EQ(sentence_texts("Wait... What?! Yes."), (Strings{"Wait...", "What?!", "Yes."}));
  EXPECT_EQ(sentence_texts("No final stop"), Strings{"No final stop"});
  EXPECT_EQ(sentence_texts(""), Strings{});
}

TEST(Sentences, KeepClosingQuotesWithTheSentence) {
  EXPECT_EQ(sentence_texts("He said \"enough.\" Then he left."),
            (Strings{"He said \"enough.\"", "Then he left."}));
  EXPECT_EQ(sentence_texts("Он сказал: «хватит!» Потом ушёл."),
            (Strings{"Он сказал: «хватит!»", "Потом ушёл."}));
}

TEST(Sentences, DoNotSplitNumbersInitialsOrAbbreviations) {
  EXPECT_EQ(sentence_texts("Losses rose 3.5 percent. Then fell."),
            (Strings{"Losses rose 3.5 percent.", "Then fell."}));
  EXPECT_EQ(sentence_texts("В. Петров и U.S. officials met. Talks ended."),
            (Strings{"В. Петров и U.S. officials met.", "Talks ended."}));
  EXPECT_EQ(sentence_texts("It lasted approx. five hours. It ended."),
            (Strings{"It lasted approx. five hours.", "It ended."}));
}

TEST(Sentences, AFullStopRightBeforeALetterWithoutCaseEndsTheSentence) {
  // Pages pasted together drop the space: "… مع أذربيجان.وقال …".
  EXPECT_EQ(sentence_texts("قتل جنديان في اشتباكات.وقال الوزير إن القتال مستمر."),
            (Strings{"قتل جنديان في اشتباكات.", "وقال الوزير إن القتال مستمر."}));
  // A closing quote may stand between the letter and the stop: «…الانفصاليون".وأضاف».
  EXPECT_EQ(sentence_texts("وقال \"إن القتال مستمر\".وأضاف أن جنديا قتل."),
            (Strings{"وقال \"إن القتال مستمر\".", "وأضاف أن جنديا قتل."}));
  // Not after a single letter (an initial: "د.محمد"), a digit, or between
  // letters that have case ("U.S.Army", "e.g.the").
  EXPECT_EQ(sentence_texts("قال د.محمد إن القتال مستمر."),
            (Strings{"قال د.محمد إن القتال مستمر."}));
  EXPECT_EQ(sentence_texts("ارتفع 3.وقال"), (Strings{"ارتفع 3.وقال"}));
  EXPECT_EQ(sentence_texts("The U.S.Army and e.g.the rest."),
            (Strings{"The U.S.Army and e.g.the rest."}));
  EXPECT_EQ(sentence_texts("Бои шли.Затем стихли."), (Strings{"Бои шли.Затем стихли."}));
}

// An editor's omission mark within brackets ("[…]", "[...]") stands for cut
// words: no sentence ends there, unless a capital opens the next.
TEST(Sentences, AnOmissionMarkInBracketsEndsNoSentence) {
  EXPECT_EQ(sentence_texts("وقتل الطفل […] وأخته […]، نتيجة قصف."),
            (Strings{"وقتل الطفل […] وأخته […]، نتيجة قصف."}));
  EXPECT_EQ(sentence_texts("Seven soldiers (...) were among the victims."),
            (Strings{"Seven soldiers (...) were among the victims."}));
  EXPECT_EQ(sentence_texts("Fighting went on [...] Talks ended."),
            (Strings{"Fighting went on [...]", "Talks ended."}));
}

TEST(Sentences, StayInsideTheParagraph) {
  const std::string text = "First. Second.\n\nThird. Fourth.";
  const std::vector<Range> found = paragraphs(text);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(texts(text, sentences(text, found[1])), (Strings{"Third.", "Fourth."}));
  EXPECT_EQ(sentences(text, Range{5, 999}).back(), (Range{23, 30}));
}

TEST(Segment, SeedArticle) {
  const std::string normalized =
      matching_form(test::read_test_data("seed/ar-sputnik-2021-11-21.txt"));
  const std::vector<Range> found = paragraphs(normalized);
  ASSERT_EQ(found.size(), 14U);
  const std::vector<std::string> headline = texts(normalized, sentences(normalized, found[0]));
  EXPECT_EQ(headline,
            Strings{matching_form(
                "رئيس الوزراء الأرميني يشكر بوتين على وساطة روسيا النشطة بشأن ناغورني قره باغ")});
  const std::vector<std::string> third = texts(normalized, sentences(normalized, found[2]));
  ASSERT_EQ(third.size(), 2U);
  EXPECT_EQ(third[1], matching_form("وأعرب نيكول باشينيان عن \"امتنانه لوساطة روسيا النشطة\"."));
}

TEST(Sentences, AFoldedTextIsSplitByTheCaseOfTheOriginal) {
  const std::string original = "Posts were hit yesterday. Our troops replied. approx. five";
  const std::string folded = matching_form(original);
  ASSERT_EQ(folded.size(), original.size());
  const Range all{0, static_cast<std::uint32_t>(folded.size())};
  // Folded, every word after a full stop looks lower case: nothing splits.
  EXPECT_EQ(sentences(folded, all).size(), 1U);
  const auto lower_case_at = [&original](std::size_t at) {
    return original[at] >= 'a' && original[at] <= 'z';
  };
  EXPECT_EQ(texts(folded, sentences(folded, all, lower_case_at)),
            (Strings{"posts were hit yesterday.", "our troops replied. approx. five"}));
}

}  // namespace
}  // namespace truce::text
