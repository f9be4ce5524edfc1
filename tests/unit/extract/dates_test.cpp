#include "extract/dates.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hand_made_lexicon.hpp"
#include "support/test_data.hpp"
#include "text/normalize.hpp"

// The repository's own lexicons (data/lexicon) and matcher: the data is tested
// with the rules. Short texts are synthetic phrases written for these tests,
// some of them excerpts of the seed article, the project's founding fixture
// (tests/data/seed, sources in its SOURCE.md), or variations on them.
// Unless a test says otherwise, texts are read as published on Sunday
// 2021-11-21, the seed article's date.

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

std::optional<CivilTime> date(std::string_view iso) {
  return parse_civil_time(iso);
}

const std::optional<CivilTime> kSunday = date("2021-11-21");

struct Read {
  std::string text;
  std::vector<DateMention> mentions;

  std::string span(const DateMention& mention) const {
    return text.substr(mention.begin, mention.end - mention.begin);
  }
};

Read read(std::string_view original, std::optional<CivilTime> anchor = kSunday) {
  const Matcher& matcher = repository_matcher();
  Read result{text::normalize_for_matching(original).text, {}};
  result.mentions = find_dates(result.text, matcher.scan(result.text), matcher.lexicon(), anchor);
  return result;
}

std::string as_text(const TimeInterval& interval) {
  std::string start = format_civil_time(interval.start);
  std::string end = format_civil_time(interval.end);
  return start == end ? start : start + ".." + end;
}

struct Expected {
  Expected(std::string_view span_written, std::string_view iso,
           TimePrecision expected_precision = TimePrecision::kDay,
           DateBasis expected_basis = DateBasis::kStated)
      : span(span_written), time(iso), precision(expected_precision), basis(expected_basis) {}

  std::string_view span;  // as written; compared in matching form
  std::string_view time;  // "2021-11-16" or "2021-11-20..2021-11-21"
  TimePrecision precision = TimePrecision::kDay;
  DateBasis basis = DateBasis::kStated;
};

struct Case {
  std::string_view text;
  std::vector<Expected> expected;
};

void check(const std::vector<Case>& cases, std::optional<CivilTime> anchor = kSunday) {
  for (const Case& each : cases) {
    SCOPED_TRACE(std::string(each.text));
    Read found = read(each.text, anchor);
    std::string all;
    for (const DateMention& mention : found.mentions) {
      all += "[" + found.span(mention) + " " + as_text(mention.time) + "] ";
    }
    ASSERT_EQ(found.mentions.size(), each.expected.size()) << all;
    for (std::size_t i = 0; i < each.expected.size(); ++i) {
      const Expected& expected = each.expected[i];
      const DateMention& mention = found.mentions[i];
      EXPECT_EQ(found.span(mention), text::matching_form(expected.span));
      EXPECT_EQ(as_text(mention.time), expected.time);
      EXPECT_EQ(mention.time.precision, expected.precision);
      EXPECT_EQ(mention.basis, expected.basis);
      EXPECT_TRUE(mention.resolved);
      EXPECT_TRUE(mention.conflict.empty()) << mention.conflict;
      EXPECT_TRUE(mention.alternatives.empty());
    }
  }
}

constexpr TimePrecision kDay = TimePrecision::kDay;
constexpr TimePrecision kMonth = TimePrecision::kMonth;
constexpr TimePrecision kYear = TimePrecision::kYear;
constexpr TimePrecision kSpan = TimePrecision::kSpan;
constexpr DateBasis kStated = DateBasis::kStated;
constexpr DateBasis kRelative = DateBasis::kRelative;
constexpr DateBasis kAnnouncement = DateBasis::kAnnouncement;

// The reader gathers what it needs of a lexicon once per lexicon and thread,
// keyed by the lexicon's revision: two lexicons read in turn on one thread,
// whose month category has another number in each, keep their own readings.
TEST(DatesTest, EachLexiconIsReadWithItsOwnWords) {
  using hand_made::compiled;
  const auto entry = hand_made::english_entry;
  Lexicon month_first;
  month_first.add(entry("month", "3", "march"));
  Lexicon month_second;
  month_second.add(entry("number", "2", "two"));
  month_second.add(entry("month", "3", "march"));
  const Matcher first = compiled(month_first);
  const Matcher second = compiled(month_second);
  const std::string text = text::normalize_for_matching("on 5 March 2022").text;
  const auto dates_in = [&](const Matcher& matcher) {
    return find_dates(text, matcher.scan(text), matcher.lexicon(), std::nullopt).size();
  };
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(dates_in(first), 1U);
    EXPECT_EQ(dates_in(second), 1U);
  }
}

TEST(DatesTest, ArabicMonthFamilies) {
  check({
      {"سبوتنيك - 21 نوفمبر 2021ء)", {{"21 نوفمبر 2021ء", "2021-11-21"}}},
      {"9 شباط 2020", {{"9 شباط 2020", "2020-02-09"}}},
      {"15 آذار 2021", {{"15 آذار 2021", "2021-03-15"}}},
      {"3 أيار 2019", {{"3 أيار 2019", "2019-05-03"}}},
      {"1 آب 2020", {{"1 آب 2020", "2020-08-01"}}},
      {"30 أيلول 2020", {{"30 أيلول 2020", "2020-09-30"}}},
      {"27 تشرين الأول 2020", {{"27 تشرين الأول 2020", "2020-10-27"}}},
      {"31 كانون الأول 2020", {{"31 كانون الأول 2020", "2020-12-31"}}},
      {"5 يونيه 2021", {{"5 يونيه 2021", "2021-06-05"}}},
      {"5 ابريل 2021", {{"5 ابريل 2021", "2021-04-05"}}},
      {"14 يوليوز 2021", {{"14 يوليوز 2021", "2021-07-14"}}},
      {"20 غشت 2021", {{"20 غشت 2021", "2021-08-20"}}},
      {"1 دجنبر 2021", {{"1 دجنبر 2021", "2021-12-01"}}},
      {"5 جويلية 2021", {{"5 جويلية 2021", "2021-07-05"}}},
      {"تشرين الأول 2020", {{"تشرين الأول 2020", "2020-10-01..2020-10-31", kMonth}}},
      {"في عام 2020", {{"في عام 2020", "2020-01-01..2020-12-31", kYear}}},
      {"10 نوفمبر", {{"10 نوفمبر", "2021-11-10"}}},
      {"في 12 و 13 مايو", {{"في 12 و 13 مايو", "2021-05-12..2021-05-13", kSpan}}},
  });
}

TEST(DatesTest, ArabicCombinedMonthNamesThatAgree) {
  check({
      {"المؤرخة في 9 تشرين الثاني/نوفمبر 2020", {{"في 9 تشرين الثاني/نوفمبر 2020", "2020-11-09"}}},
      {"و11 كانون الثاني/يناير 2021", {{"11 كانون الثاني/يناير 2021", "2021-01-11"}}},
      {"9 نوفمبر (تشرين الثاني) 2020", {{"9 نوفمبر (تشرين الثاني) 2020", "2020-11-09"}}},
  });
}

TEST(DatesTest, CombinedMonthNamesThatDisagreeKeepBothReadings) {
  Read found = read("وتوصلت أرمينيا وأذربيجان، في 9 تشرين الأول/نوفمبر 2020، إلى اتفاق");
  ASSERT_EQ(found.mentions.size(), 1U);
  const DateMention& mention = found.mentions[0];
  EXPECT_EQ(found.span(mention), text::matching_form("في 9 تشرين الأول/نوفمبر 2020"));
  ASSERT_EQ(mention.alternatives.size(), 2U);
  EXPECT_EQ(as_text(mention.alternatives[0]), "2020-10-09");
  EXPECT_EQ(as_text(mention.alternatives[1]), "2020-11-09");
  EXPECT_EQ(as_text(mention.time), "2020-10-09");  // the first name written, until context decides
  EXPECT_NE(mention.conflict.find("2020-10-09"), std::string::npos) << mention.conflict;
  EXPECT_NE(mention.conflict.find("2020-11-09"), std::string::npos) << mention.conflict;
  EXPECT_FALSE(mention.choice.empty());

  DateMention chosen = mention;
  choose_reading(chosen, 1, "the next sentence dates the truce to November");
  EXPECT_EQ(as_text(chosen.time), "2020-11-09");
  EXPECT_EQ(chosen.choice, "the next sentence dates the truce to November");
}

TEST(DatesTest, ArabicRelativeDates) {
  check({
      {"هذا واندلعت مواجهات، يوم الثلاثاء الماضي، بين أرمينيا وأذربيجان",
       {{"يوم الثلاثاء الماضي", "2021-11-16", kDay, kRelative}}},
      {"أعلن الكرملين، اليوم الأحد، أن", {{"اليوم الأحد", "2021-11-21", kDay, kAnnouncement}}},
      {"أعلن اليوم", {{"اليوم", "2021-11-21", kDay, kAnnouncement}}},
      {"وقع الهجوم أمس", {{"أمس", "2021-11-20", kDay, kRelative}}},
      {"أول أمس", {{"أول أمس", "2021-11-19", kDay, kRelative}}},
      {"قبل يومين", {{"قبل يومين", "2021-11-19", kDay, kRelative}}},
      {"منذ يومين", {{"منذ يومين", "2021-11-19", kDay, kRelative}}},
      {"يوم أمس الأول", {{"يوم أمس الأول", "2021-11-19", kDay, kRelative}}},
      {"الخميس الماضي", {{"الخميس الماضي", "2021-11-18", kDay, kRelative}}},
      {"يوم الأحد الماضي", {{"يوم الأحد الماضي", "2021-11-14", kDay, kRelative}}},
      {"يوم الأحد", {{"يوم الأحد", "2021-11-21", kDay, kRelative}}},
      {"الليلة الماضية", {{"الليلة الماضية", "2021-11-20..2021-11-21", kSpan, kRelative}}},
      // Arabic weeks start on Sunday, the publication day here.
      {"الأسبوع الماضي", {{"الأسبوع الماضي", "2021-11-14..2021-11-20", kSpan, kRelative}}},
      {"الاسبوع الماضي", {{"الاسبوع الماضي", "2021-11-14..2021-11-20", kSpan, kRelative}}},
      {"في اليوم التالي", {}},
      {"1443 هـ", {}},
  });
}

TEST(DatesTest, TodayWithTheWrongWeekdayIsAConflict) {
  Read found = read("أعلن الكرملين، اليوم الاثنين، أن");
  ASSERT_EQ(found.mentions.size(), 1U);
  const DateMention& mention = found.mentions[0];
  EXPECT_EQ(mention.basis, DateBasis::kAnnouncement);
  EXPECT_EQ(as_text(mention.time), "2021-11-21");
  ASSERT_EQ(mention.alternatives.size(), 2U);
  EXPECT_EQ(as_text(mention.alternatives[1]), "2021-11-15");  // the Monday before
  EXPECT_NE(mention.conflict.find("Sunday"), std::string::npos) << mention.conflict;
  EXPECT_NE(mention.conflict.find("Monday"), std::string::npos) << mention.conflict;
}

TEST(DatesTest, RussianDates) {
  check({
      {"21 ноября 2021 года", {{"21 ноября 2021 года", "2021-11-21"}}},
      {"9 ноября 2020 г.", {{"9 ноября 2020 г.", "2020-11-09"}}},
      {"1 января 2021 г", {{"1 января 2021 г", "2021-01-01"}}},
      {"8 марта", {{"8 марта", "2021-03-08"}}},
      {"в ноябре 2020 года", {{"в ноябре 2020 года", "2020-11-01..2020-11-30", kMonth}}},
      {"в 2020 году", {{"в 2020 году", "2020-01-01..2020-12-31", kYear}}},
      {"12-15 ноября 2021 года", {{"12-15 ноября 2021 года", "2021-11-12..2021-11-15", kSpan}}},
      {"12 и 13 мая 2021 года", {{"12 и 13 мая 2021 года", "2021-05-12..2021-05-13", kSpan}}},
      {"в ночь на 16 ноября", {{"в ночь на 16 ноября", "2021-11-15..2021-11-16", kSpan}}},
      {"в ночь с 15 на 16 ноября", {{"15 на 16 ноября", "2021-11-15..2021-11-16", kSpan}}},
  });
}

TEST(DatesTest, ThisYearAndThisMonthArePeriodsOfThePublicationDate) {
  check({
      {"this year", {{"this year", "2021-01-01..2021-12-31", kYear, kRelative}}},
      {"هذا العام", {{"هذا العام", "2021-01-01..2021-12-31", kYear, kRelative}}},
      {"в этом месяце", {{"в этом месяце", "2021-11-01..2021-11-30", kMonth, kRelative}}},
  });
  EXPECT_TRUE(read("this year", kSunday).mentions.at(0).period);
}

TEST(DatesTest, TheNextDayIsCountedFromTheDateBeforeIt) {
  check({
      {"on 19 September 2021 it began; the next day a truce",
       {{"on 19 September 2021", "2021-09-19"}, {"the next day", "2021-09-20", kDay, kRelative}}},
      {"وشنت عملية في 19 سبتمبر 2021. وبعد يوم واحد، تم التوصل إلى اتفاق",
       {{"في 19 سبتمبر 2021", "2021-09-19"}, {"بعد يوم واحد", "2021-09-20", kDay, kRelative}}},
      {"on 19 September 2021 it began; the day before a truce",
       {{"on 19 September 2021", "2021-09-19"}, {"the day before", "2021-09-18", kDay, kRelative}}},
      {"19 сентября 2021 года обстрел, днем ранее переговоры",
       {{"19 сентября 2021 года", "2021-09-19"}, {"днем ранее", "2021-09-18", kDay, kRelative}}},
      {"вчера обстрел, а в тот же день переговоры",
       {{"вчера", "2021-11-20", kDay, kRelative},
        {"в тот же день", "2021-11-20", kDay, kRelative}}},
      {"the next day", {}},
      {"في اليوم التالي", {}},
  });
}

TEST(DatesTest, RussianRelativeDates) {
  check({
      {"в прошлый вторник", {{"в прошлый вторник", "2021-11-16", kDay, kRelative}}},
      {"в минувшую среду", {{"в минувшую среду", "2021-11-17", kDay, kRelative}}},
      {"во вторник", {{"во вторник", "2021-11-16", kDay, kRelative}}},
      {"вчера", {{"вчера", "2021-11-20", kDay, kRelative}}},
      {"позавчера", {{"позавчера", "2021-11-19", kDay, kRelative}}},
      {"три дня назад", {{"три дня назад", "2021-11-18", kDay, kRelative}}},
      {"за прошедшие сутки", {{"за прошедшие сутки", "2021-11-20", kDay, kRelative}}},
      {"в минувшие сутки", {{"в минувшие сутки", "2021-11-20", kDay, kRelative}}},
      {"за сутки", {{"за сутки", "2021-11-20", kDay, kRelative}}},
      // Russian weeks start on Monday.
      {"на этой неделе", {{"на этой неделе", "2021-11-15..2021-11-21", kSpan, kRelative}}},
      {"на прошлой неделе", {{"на прошлой неделе", "2021-11-08..2021-11-14", kSpan, kRelative}}},
      {"ночью", {{"ночью", "2021-11-20..2021-11-21", kSpan, kRelative}}},
      {"в минувшие выходные",
       {{"в минувшие выходные", "2021-11-20..2021-11-21", kSpan, kRelative}}},
      {"сегодня, в воскресенье", {{"сегодня, в воскресенье", "2021-11-21", kDay, kAnnouncement}}},
      {"окружающая среда", {}},
      {"на следующий день", {}},
  });
}

TEST(DatesTest, EnglishDates) {
  check({
      {"November 21, 2021", {{"November 21, 2021", "2021-11-21"}}},
      {"21 November 2021", {{"21 November 2021", "2021-11-21"}}},
      {"on Nov 9, 2020", {{"on Nov 9, 2020", "2020-11-09"}}},
      {"2021-11-21", {{"2021-11-21", "2021-11-21"}}},
      {"21.11.2021", {{"21.11.2021", "2021-11-21"}}},
      {"21/11/2021", {{"21/11/2021", "2021-11-21"}}},
      {"October 2020", {{"October 2020", "2020-10-01..2020-10-31", kMonth}}},
      {"the year 2020", {{"year 2020", "2020-01-01..2020-12-31", kYear}}},
      {"Tuesday, 16 November 2021", {{"Tuesday, 16 November 2021", "2021-11-16"}}},
      {"12-15 November 2021", {{"12-15 November 2021", "2021-11-12..2021-11-15", kSpan}}},
      {"it may rain", {}},
      {"in 2020 there were", {{"in 2020", "2020-01-01..2020-12-31", kYear}}},
      {"2020 violations", {}},
      {"in 600 villages", {}},
  });
}

TEST(DatesTest, EnglishRelativeDates) {
  check({
      {"last Tuesday", {{"last Tuesday", "2021-11-16", kDay, kRelative}}},
      {"on Tuesday", {{"on Tuesday", "2021-11-16", kDay, kRelative}}},
      {"on Sunday", {{"on Sunday", "2021-11-21", kDay, kRelative}}},
      {"last Sunday", {{"last Sunday", "2021-11-14", kDay, kRelative}}},
      {"On weekend", {{"On weekend", "2021-11-20..2021-11-21", kSpan, kRelative}}},
      {"shelled on November 5.", {{"on November 5", "2021-11-05"}}},
      {"at November 5.30", {}},
      {"today", {{"today", "2021-11-21", kDay, kAnnouncement}}},
      {"this morning", {{"this morning", "2021-11-21", kDay, kRelative}}},
      {"yesterday", {{"yesterday", "2021-11-20", kDay, kRelative}}},
      {"the day before yesterday", {{"the day before yesterday", "2021-11-19", kDay, kRelative}}},
      {"two days ago", {{"two days ago", "2021-11-19", kDay, kRelative}}},
      {"overnight", {{"overnight", "2021-11-20..2021-11-21", kSpan, kRelative}}},
      {"this week", {{"this week", "2021-11-15..2021-11-21", kSpan, kRelative}}},
      {"last week", {{"last week", "2021-11-08..2021-11-14", kSpan, kRelative}}},
      {"last weekend", {{"last weekend", "2021-11-20..2021-11-21", kSpan, kRelative}}},
      {"the next day", {}},
  });
}

// A day in words dates only right before a month.
TEST(DatesTest, ADayInWordsBeforeAMonth) {
  check({
      {"في التاسع من أغسطس 2021", {{"في التاسع من أغسطس 2021", "2021-08-09"}}},
      {"في الحادي والعشرين من يوليو", {{"في الحادي والعشرين من يوليو", "2021-07-21"}}},
      {"the ninth of August 2021", {{"ninth of August 2021", "2021-08-09"}}},
      {"второго августа 2016 года", {{"второго августа 2016 года", "2016-08-02"}}},
      {"the first of its kind", {}},
      {"الأول من نوعه", {}},
  });
}

TEST(DatesTest, StatedDateWithTheWrongWeekdayIsAConflict) {
  Read found = read("Monday, 16 November 2021");
  ASSERT_EQ(found.mentions.size(), 1U);
  const DateMention& mention = found.mentions[0];
  EXPECT_EQ(as_text(mention.time), "2021-11-16");
  ASSERT_EQ(mention.alternatives.size(), 2U);
  EXPECT_EQ(as_text(mention.alternatives[1]), "2021-11-15");
  EXPECT_NE(mention.conflict.find("Tuesday"), std::string::npos) << mention.conflict;
}

TEST(DatesTest, DayAndMonthWithoutYearTakeTheYearBefore) {
  check({{"28 December", {{"28 December", "2021-12-28"}}}}, date("2022-01-02"));
  check({{"25 November", {{"25 November", "2021-11-25"}}}}, date("2021-11-21"));
  check({{"5 December", {{"5 December", "2020-12-05"}}}}, date("2021-11-21"));
}

TEST(DatesTest, TheFirstDateOfARangeTakesTheYearOfTheSecond) {
  check({
      {"خلال الفترة من 27 سبتمبر إلى 10 نوفمبر 2020",
       {{"27 سبتمبر", "2020-09-27"}, {"10 نوفمبر 2020", "2020-11-10"}}},
      {"from 28 December to 3 January 2021",
       {{"28 December", "2020-12-28"}, {"3 January 2021", "2021-01-03"}}},
      {"с 1 по 5 октября 2020 года",
       {{"1 по 5 октября 2020 года", "2020-10-01..2020-10-05", kSpan}}},
      {"من 1 إلى 5 أكتوبر 2020", {{"1 إلى 5 أكتوبر 2020", "2020-10-01..2020-10-05", kSpan}}},
  });
}

TEST(DatesTest, WithoutAnAnchorRelativeDatesAreUnresolved) {
  for (std::string_view text :
       {"yesterday", "last Tuesday", "10 November", "сегодня", "overnight"}) {
    SCOPED_TRACE(std::string(text));
    Read found = read(text, std::nullopt);
    ASSERT_EQ(found.mentions.size(), 1U);
    EXPECT_FALSE(found.mentions[0].resolved);
    EXPECT_FALSE(found.mentions[0].wording.empty());
  }
  // Counted from an unresolved day, a day is unresolved too; from none, no date.
  Read counted = read("on Saturday evening; earlier the same day, a raid", std::nullopt);
  ASSERT_EQ(counted.mentions.size(), 2U);
  EXPECT_FALSE(counted.mentions[1].resolved);
  EXPECT_NE(counted.mentions[1].wording.find("unresolved"), std::string::npos);
  EXPECT_TRUE(read("the same day", std::nullopt).mentions.empty());
  Read stated = read("9 November 2020", std::nullopt);
  ASSERT_EQ(stated.mentions.size(), 1U);
  EXPECT_TRUE(stated.mentions[0].resolved);
  EXPECT_EQ(as_text(stated.mentions[0].time), "2020-11-09");
}

TEST(DatesTest, RelativeDatesSayHowTheyWereWorkedOut) {
  Read found = read("last Tuesday");
  ASSERT_EQ(found.mentions.size(), 1U);
  EXPECT_NE(found.mentions[0].wording.find("Tuesday"), std::string::npos);
  EXPECT_NE(found.mentions[0].wording.find("2021-11-21"), std::string::npos);
}

// Every date of the founding article, and the October/November slip settled by
// the date the article states for the same agreement earlier on.
TEST(DatesTest, SeedArticle) {
  Read found = read(test::read_test_data("seed/ar-sputnik-2021-11-21.txt"));
  std::vector<std::string> times;
  for (const DateMention& mention : found.mentions) {
    times.push_back(as_text(mention.time));
  }
  std::vector<std::string> expected = {"2021-11-21", "2021-11-21", "2020-11-09", "2021-01-11",
                                       "2021-11-16", "2020-10-09", "2020-11-10"};
  EXPECT_EQ(times, expected);
  ASSERT_EQ(found.mentions.size(), expected.size());
  EXPECT_EQ(found.mentions[1].basis, DateBasis::kAnnouncement);
  EXPECT_EQ(found.mentions[4].basis, DateBasis::kRelative);
  EXPECT_EQ(found.mentions[5].alternatives.size(), 2U);

  choose_readings_stated_elsewhere(found.mentions);
  EXPECT_EQ(as_text(found.mentions[5].time), "2020-11-09");
  EXPECT_NE(found.mentions[5].choice.find("2020-11-09"), std::string::npos);
}

// The rules skip entries whose value they cannot read; this test catches them,
// and checks that every language names all twelve months and seven weekdays.
TEST(DatesTest, LexiconValuesAreWellFormed) {
  std::map<std::string, std::set<int>> months;
  std::map<std::string, std::set<int>> weekdays;
  const auto number = [](const std::string& text) { return std::stoi(text); };
  for (const LexiconEntry& entry : repository_matcher().lexicon().entries()) {
    SCOPED_TRACE(entry.file + ":" + std::to_string(entry.line));
    const std::string& value = entry.value;
    std::string_view position = entry.attribute("position");
    if (entry.category == "month") {
      ASSERT_EQ(value.find_first_not_of("0123456789"), std::string::npos) << value;
      EXPECT_TRUE(number(value) >= 1 && number(value) <= 12) << value;
      months[entry.language].insert(number(value));
    } else if (entry.category == "weekday") {
      ASSERT_EQ(value.find_first_not_of("0123456789"), std::string::npos) << value;
      EXPECT_TRUE(number(value) >= 0 && number(value) <= 6) << value;
      weekdays[entry.language].insert(number(value));
    } else if (entry.category == "relative_day") {
      ASSERT_EQ(value.find_first_not_of("-0123456789"), std::string::npos) << value;
      EXPECT_TRUE(number(value) <= 0 && number(value) >= -7) << value;
    } else if (entry.category == "relative_week") {
      EXPECT_TRUE(value == "0" || value == "-1") << value;
      const std::string first_day(entry.attribute("first_day"));
      EXPECT_TRUE(first_day.size() == 1 && first_day[0] >= '0' && first_day[0] <= '6') << first_day;
    } else if (entry.category == "day_word") {
      ASSERT_EQ(value.find_first_not_of("0123456789"), std::string::npos) << value;
      EXPECT_TRUE(number(value) >= 1 && number(value) <= 31) << value;
    } else if (entry.category == "night") {
      EXPECT_TRUE(value == "last" || value == "before") << value;
    } else if (entry.category == "date_modifier") {
      EXPECT_EQ(value, "last");
    } else if (entry.category == "year_marker") {
      EXPECT_TRUE(value == "year" || value == "ce" || value == "ah") << value;
      EXPECT_TRUE(position == "before" || position == "after") << position;
    } else if (entry.category == "time_marker") {
      EXPECT_TRUE(position == "before" || position == "after") << position;
    }
  }
  for (const char* language : {"ar", "en", "ru"}) {
    EXPECT_EQ(months[language].size(), 12U) << language;
    EXPECT_EQ(weekdays[language].size(), 7U) << language;
  }
}

TEST(DatesTest, CalendarArithmetic) {
  std::chrono::year_month_day sunday = date("2021-11-21")->date;
  EXPECT_EQ(weekday_of(sunday), 0U);
  EXPECT_EQ(format_civil_time({previous_weekday(sunday, 2, false), {}}), "2021-11-16");
  EXPECT_EQ(format_civil_time({previous_weekday(sunday, 0, false), {}}), "2021-11-21");
  EXPECT_EQ(format_civil_time({previous_weekday(sunday, 0, true), {}}), "2021-11-14");
  EXPECT_EQ(format_civil_time({add_days(date("2021-03-01")->date, -1), {}}), "2021-02-28");
  EXPECT_EQ(weekday_name(2), "Tuesday");
}

}  // namespace
}  // namespace truce::extract
