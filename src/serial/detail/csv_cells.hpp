// Parsing and formatting of single CSV cells: counts, numbers, dates, grades
// and vocabulary words. Parsers take a trimmed, non-empty cell and fail with an
// Error whose message is only the problem ("\"seven\" is not a number ..."); the
// caller prefixes file, line and column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/casualties.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace truce::serial::detail {

// Removes leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view text);

// The cell as quoted in messages: "seven", shortened when long.
std::string quote_cell(std::string_view cell);

// "7" exactly, "7+" or ">=7" at least, "7-10" a range. Fails on anything else,
// on negative numbers and on a maximum below the minimum.
Result<CountRange> parse_count(std::string_view cell);
// The writer's spelling: "7", "7+", "7-10".
std::string format_count(const CountRange& count);

// A decimal number within [-limit, limit] (degrees of longitude or latitude).
Result<double> parse_degrees(std::string_view cell, double limit);
// Shortest text that reads back to exactly `value` (std::to_chars).
std::string format_double(double value);

// A whole number within [min, max]; `what` names it in the message.
Result<int> parse_int_in(std::string_view cell, int min, int max, std::string_view what);
// A non-negative offset that fits 32 bits (provenance spans).
Result<std::uint32_t> parse_offset(std::string_view cell);

// core's civil time syntax; the message lists the accepted forms.
Result<CivilTime> parse_time_cell(std::string_view cell);

// Looks `cell` up with a core vocabulary parser; the message lists the words.
template <typename T, typename Parse, typename Words>
Result<T> parse_word(std::string_view cell, Parse parse, Words words, std::string_view what) {
  if (auto value = parse(cell)) {
    return *value;
  }
  return make_error(ErrorCode::kInvalidInput, quote_cell(cell) + " is not " + std::string(what) +
                                                  "; expected one of: " + words());
}

}  // namespace truce::serial::detail
