#include "core/time.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace truce {
namespace {

TEST(CivilTime, ParsesDatesAndTimesAndFormatsThemBack) {
  for (const char* text : {"2021-11-16", "2021-11-16T14:30", "2020-02-29T00:00:07"}) {
    auto parsed = parse_civil_time(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(format_civil_time(*parsed), text);
  }
}

TEST(CivilTime, DropsZeroSecondsWhenFormatting) {
  auto parsed = parse_civil_time("2021-11-16T14:30:00");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(format_civil_time(*parsed), "2021-11-16T14:30");
}

// format_civil_time as it was written with snprintf alone; it now writes the
// usual dates and times digit by digit and must give the same text.
std::string formatted_by_snprintf(const CivilTime& time) {
  char buffer[32];
  int written = std::snprintf(
      buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(time.date.year()),
      static_cast<unsigned>(time.date.month()), static_cast<unsigned>(time.date.day()));
  std::string text(buffer, static_cast<std::size_t>(written));
  if (time.time_of_day) {
    long long total = time.time_of_day->count();
    long long seconds = total % 60;
    written =
        std::snprintf(buffer, sizeof buffer, "T%02lld:%02lld", total / 3600, (total / 60) % 60);
    text.append(buffer, static_cast<std::size_t>(written));
    if (seconds != 0) {
      written = std::snprintf(buffer, sizeof buffer, ":%02lld", seconds);
      text.append(buffer, static_cast<std::size_t>(written));
    }
  }
  return text;
}

TEST(CivilTime, FormatsAsSnprintfDid) {
  using std::chrono::day;
  using std::chrono::month;
  using std::chrono::year;
  for (int y : {-10000, -999, -1, 0, 7, 99, 999, 1000, 2021, 9999, 10000, 32767}) {
    for (unsigned m : {0U, 1U, 9U, 10U, 12U, 13U, 99U, 100U, 255U}) {
      for (unsigned d : {0U, 1U, 9U, 10U, 31U, 32U, 99U, 100U, 255U}) {
        CivilTime time;
        time.date = std::chrono::year_month_day{year{y}, month{m}, day{d}};
        EXPECT_EQ(format_civil_time(time), formatted_by_snprintf(time))
            << y << " " << m << " " << d;
      }
    }
  }
  for (long long seconds : {-86400LL, -3601LL, -61LL, -1LL, 0LL, 1LL, 59LL, 60LL, 61LL, 3599LL,
                            3600LL, 45296LL, 86399LL, 86400LL, 359999LL, 360000LL, 999999LL}) {
    CivilTime time = *parse_civil_time("2021-11-16");
    time.time_of_day = std::chrono::seconds{seconds};
    EXPECT_EQ(format_civil_time(time), formatted_by_snprintf(time)) << seconds;
  }
  for (long long seconds = 0; seconds < 86400; seconds += 7) {
    CivilTime time = *parse_civil_time("2021-11-16");
    time.time_of_day = std::chrono::seconds{seconds};
    ASSERT_EQ(format_civil_time(time), formatted_by_snprintf(time)) << seconds;
  }
}

TEST(CivilTime, RejectsImpossibleDatesAndMalformedText) {
  for (const char* text :
       {"2021-02-29", "2021-13-01", "2021-11-31", "2021-11-16T24:00", "2021-11-16T12:60",
        "2021-11-16 12:00", "16-11-2021", "2021-1-16", "", "2021-11-16T12:00:60", "2021-11-16Z"}) {
    EXPECT_FALSE(parse_civil_time(text)) << text;
  }
}

TEST(CivilTime, OrdersByDateThenTimeWithBareDatesFirst) {
  auto day = *parse_civil_time("2021-11-16");
  auto morning = *parse_civil_time("2021-11-16T08:00");
  auto evening = *parse_civil_time("2021-11-16T20:00");
  auto next_day = *parse_civil_time("2021-11-17");
  EXPECT_LT(day, morning);
  EXPECT_LT(morning, evening);
  EXPECT_LT(evening, next_day);
  EXPECT_EQ(day, *parse_civil_time("2021-11-16"));
}

TEST(TimeInterval, KeysCoverTheWholeDayOfADayPrecisionInterval) {
  TimeInterval interval{*parse_civil_time("2021-11-16"), *parse_civil_time("2021-11-17"),
                        TimePrecision::kDay, "Asia/Yerevan"};
  EXPECT_EQ(interval_start_key(interval), "2021-11-16T00:00:00");
  EXPECT_EQ(interval_end_key(interval), "2021-11-17T23:59:59");
}

TEST(TimeInterval, KeysKeepExplicitTimes) {
  TimeInterval interval{*parse_civil_time("2021-11-16T14:30"),
                        *parse_civil_time("2021-11-16T15:05:09"), TimePrecision::kMinute, "+04:00"};
  EXPECT_EQ(interval_start_key(interval), "2021-11-16T14:30:00");
  EXPECT_EQ(interval_end_key(interval), "2021-11-16T15:05:09");
}

TEST(Timezone, AcceptsIanaNamesUtcAndOffsetsOnly) {
  for (const char* zone : {"UTC", "Z", "+04:00", "-03:30", "Asia/Yerevan",
                           "America/Argentina/Buenos_Aires", "Etc/GMT+4"}) {
    EXPECT_TRUE(is_valid_timezone(zone)) << zone;
  }
  for (const char* zone :
       {"", "Yerevan", "+4", "+15:00", "Asia/", "/Baku", "Asia//Baku", "Asia/Ba ku", "+04:60"}) {
    EXPECT_FALSE(is_valid_timezone(zone)) << zone;
  }
}

}  // namespace
}  // namespace truce
