// When something happened, as the source can tell it: an interval of civil
// (wall-clock) time at the place, with a precision and, when known, a zone.
// A day-precision date stays the local calendar date; nothing is shifted to
// UTC, because "16 November" in Yerevan is a fact about Yerevan.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace truce {

// A calendar date with an optional time of day (second resolution).
struct CivilTime {
  std::chrono::year_month_day date{};
  std::optional<std::chrono::seconds> time_of_day;  // since local midnight, [0, 86400)

  // Orders by date, then time; a date without time sorts before any time that day.
  friend std::strong_ordering operator<=>(const CivilTime& a, const CivilTime& b);
  friend bool operator==(const CivilTime& a, const CivilTime& b) = default;
};

// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS". Returns nullopt on
// anything else, including impossible dates (2021-02-30) and times (24:00).
std::optional<CivilTime> parse_civil_time(std::string_view text);
// Inverse of parse_civil_time: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", or with ":SS"
// when the seconds are not zero.
std::string format_civil_time(const CivilTime& time);

// UCDP's date_prec, widened: how exactly the interval is known.
enum class TimePrecision { kMinute, kHour, kDay, kWeek, kMonth, kYear, kSpan };

struct TimeInterval {
  CivilTime start;  // first moment covered
  CivilTime end;    // last moment covered, inclusive at `precision`
  TimePrecision precision = TimePrecision::kDay;
  std::string timezone;  // IANA name ("Asia/Yerevan"), "UTC" or "+04:00"; empty: not stated

  friend bool operator==(const TimeInterval&, const TimeInterval&) = default;
};

// Whether two intervals share no calendar day (each read by its dates).
inline bool days_apart(const TimeInterval& a, const TimeInterval& b) {
  return a.end.date < b.start.date || b.end.date < a.start.date;
}

// How the date of an interval was arrived at: a date the text states
// ("16 November"), one resolved from a relative expression ("last Tuesday")
// against a reference date, or the date of the announcement standing in for
// an event the text does not date.
enum class DateBasis { kUnknown, kStated, kRelative, kAnnouncement };

struct TimeBasis {
  DateBasis basis = DateBasis::kUnknown;
  // The claim's own sentences give no date; it comes from the document's
  // account of the same events.
  bool from_context = false;
  // How it was resolved, e.g. "'last Tuesday' before 2021-11-21 (publication)"; may be empty.
  std::string wording;

  // Nothing known about the basis: what claims read from files before it existed have.
  bool is_default() const {
    return basis == DateBasis::kUnknown && !from_context && wording.empty();
  }
  friend bool operator==(const TimeBasis&, const TimeBasis&) = default;
};

// Sort keys for window queries: "YYYY-MM-DDTHH:MM:SS", with a missing time read
// as 00:00:00 for the start and 23:59:59 for the end, so string order is time order.
std::string interval_start_key(const TimeInterval& interval);
std::string interval_end_key(const TimeInterval& interval);

// "UTC", "Z", "±HH:MM" or an IANA-shaped name "Area/Location[/More]".
bool is_valid_timezone(std::string_view zone);

}  // namespace truce
