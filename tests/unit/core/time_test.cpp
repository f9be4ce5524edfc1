#include "core/time.hpp"

#include <gtest/gtest.h>

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
