#include "core/time.hpp"

#include <array>
#include <cstdio>

namespace truce {
namespace {

// Appends `value` (0 <= value < 10^width, width <= 4) as `width` decimal digits.
void append_digits(std::string& text, long long value, int width) {
  std::array<char, 4> digits{};
  for (int at = width - 1; at >= 0; --at) {
    digits[static_cast<std::size_t>(at)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  text.append(digits.data(), static_cast<std::size_t>(width));
}

// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) {
    return std::nullopt;
  }
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string key_of(const CivilTime& time, std::chrono::seconds missing_time) {
  CivilTime filled = time;
  if (!filled.time_of_day) {
    filled.time_of_day = missing_time;
  }
  std::string text = format_civil_time(filled);
  if (text.size() == 16) {  // "YYYY-MM-DDTHH:MM": zero seconds were omitted
    text += ":00";
  }
  return text;
}

}  // namespace

std::strong_ordering operator<=>(const CivilTime& a, const CivilTime& b) {
  if (auto order = a.date <=> b.date; std::is_neq(order)) {
    return order;
  }
  if (!a.time_of_day || !b.time_of_day) {
    return a.time_of_day.has_value() <=> b.time_of_day.has_value();
  }
  return *a.time_of_day <=> *b.time_of_day;
}

std::optional<CivilTime> parse_civil_time(std::string_view text) {
  if (text.size() != 10 && text.size() != 16 && text.size() != 19) {
    return std::nullopt;
  }
  auto year = read_digits(text, 0, 4);
  auto month = read_digits(text, 5, 2);
  auto day = read_digits(text, 8, 2);
  if (!year || !month || !day || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  CivilTime result;
  result.date = std::chrono::year_month_day{std::chrono::year{*year},
                                            std::chrono::month{static_cast<unsigned>(*month)},
                                            std::chrono::day{static_cast<unsigned>(*day)}};
  if (!result.date.ok()) {
    return std::nullopt;
  }
  if (text.size() == 10) {
    return result;
  }
  auto hour = read_digits(text, 11, 2);
  auto minute = read_digits(text, 14, 2);
  if (text[10] != 'T' || text[13] != ':' || !hour || !minute || *hour > 23 || *minute > 59) {
    return std::nullopt;
  }
  int second = 0;
  if (text.size() == 19) {
    auto parsed = read_digits(text, 17, 2);
    if (text[16] != ':' || !parsed || *parsed > 59) {
      return std::nullopt;
    }
    second = *parsed;
  }
  result.time_of_day = std::chrono::seconds{*hour * 3600 + *minute * 60 + second};
  return result;
}

std::string format_civil_time(const CivilTime& time) {
  const int year = static_cast<int>(time.date.year());
  const auto month = static_cast<unsigned>(time.date.month());
  const auto day = static_cast<unsigned>(time.date.day());
  const long long total = time.time_of_day ? time.time_of_day->count() : 0;
  // Years 0 to 9999 and times of day under 100 hours are written digit by
  // digit: the readers of a text word dates with this hundreds of times a
  // megabyte, and each snprintf cost several hundred instructions. Anything
  // else is written by snprintf, as before.
  if (year >= 0 && year <= 9999 && month <= 99 && day <= 99 && total >= 0 && total < 100LL * 3600) {
    std::string text;
    append_digits(text, year, 4);
    text += '-';
    append_digits(text, month, 2);
    text += '-';
    append_digits(text, day, 2);
    if (time.time_of_day) {
      text += 'T';
      append_digits(text, total / 3600, 2);
      text += ':';
      append_digits(text, (total / 60) % 60, 2);
      if (total % 60 != 0) {
        text += ':';
        append_digits(text, total % 60, 2);
      }
    }
    return text;
  }
  char buffer[32];
  int written = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
  std::string text(buffer, static_cast<std::size_t>(written));
  if (time.time_of_day) {
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

std::string interval_start_key(const TimeInterval& interval) {
  return key_of(interval.start, std::chrono::seconds{0});
}

std::string interval_end_key(const TimeInterval& interval) {
  return key_of(interval.end, std::chrono::seconds{86399});
}

bool is_valid_timezone(std::string_view zone) {
  if (zone == "UTC" || zone == "Z") {
    return true;
  }
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    auto hours = read_digits(zone, 1, 2);
    auto minutes = read_digits(zone, 4, 2);
    return hours && minutes && *hours <= 14 && *minutes <= 59;
  }
  // IANA names: "Area/Location" with letters, digits, '_', '-', '+' per part.
  if (zone.empty() || zone.size() > 64 || zone.find('/') == std::string_view::npos) {
    return false;
  }
  bool part_start = true;
  for (char c : zone) {
    if (c == '/') {
      if (part_start) {
        return false;
      }
      part_start = true;
      continue;
    }
    bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    bool other = (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
    if (part_start && !letter) {
      return false;
    }
    if (!letter && !other) {
      return false;
    }
    part_start = false;
  }
  return !part_start;
}

}  // namespace truce
