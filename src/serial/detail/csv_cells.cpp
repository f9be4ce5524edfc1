#include "serial/detail/csv_cells.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace truce::serial::detail {
namespace {

constexpr std::string_view kCountForms = "write 7, 7+, >=7 or 7-10";

Error problem(std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message));
}

// Digits only, into a non-negative 64-bit count.
std::optional<std::int64_t> read_natural(std::string_view text) {
  text = trim_blanks(text);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string quote_cell(std::string_view cell) {
  constexpr std::size_t kMaxBytes = 60;
  if (cell.size() <= kMaxBytes) {
    return "\"" + std::string(cell) + "\"";
  }
  std::size_t cut = kMaxBytes;
  // Never cut inside a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  return "\"" + std::string(cell.substr(0, cut)) + "...\"";
}

Result<CountRange> parse_count(std::string_view cell) {
  std::string_view text = trim_blanks(cell);
  if (text.starts_with('-') && read_natural(text.substr(1))) {
    return problem(quote_cell(cell) + " is negative; counts are 0 or more");
  }
  if (text.starts_with(">=")) {
    if (auto min = read_natural(text.substr(2))) {
      return at_least(*min);
    }
  } else if (text.ends_with('+')) {
    if (auto min = read_natural(text.substr(0, text.size() - 1))) {
      return at_least(*min);
    }
  } else if (auto dash = text.find('-'); dash != std::string_view::npos) {
    auto min = read_natural(text.substr(0, dash));
    auto max = read_natural(text.substr(dash + 1));
    if (min && max) {
      if (*max < *min) {
        return problem(quote_cell(cell) + ": the maximum " + std::to_string(*max) +
                       " is smaller than the minimum " + std::to_string(*min));
      }
      return CountRange{*min, *max};
    }
    if (min && text.substr(dash + 1).starts_with('-')) {
      return problem(quote_cell(cell) + " has a negative maximum; counts are 0 or more");
    }
  } else if (auto exact = read_natural(text)) {
    return exactly(*exact);
  }
  return problem(quote_cell(cell) + " is not a number (" + std::string(kCountForms) + ")");
}

std::string format_count(const CountRange& count) {
  if (!count.max) {
    return std::to_string(count.min) + "+";
  }
  if (*count.max == count.min) {
    return std::to_string(count.min);
  }
  return std::to_string(count.min) + "-" + std::to_string(*count.max);
}

Result<double> parse_degrees(std::string_view cell, double limit) {
  std::string_view text = trim_blanks(cell);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    return problem(quote_cell(cell) + " is not a number (write decimal degrees, e.g. 46.7512)");
  }
  if (value < -limit || value > limit) {
    return problem(quote_cell(cell) + " is outside [-" + format_double(limit) + ", " +
                   format_double(limit) + "]");
  }
  return value;
}

std::string format_double(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc{}) {
    return "nan";  // 32 bytes always suffice for the shortest form of a double
  }
  return {buffer, end};
}

Result<int> parse_int_in(std::string_view cell, int min, int max, std::string_view what) {
  std::string_view text = trim_blanks(cell);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < min ||
      value > max) {
    return problem(quote_cell(cell) + " is not " + std::string(what) + " (" + std::to_string(min) +
                   "-" + std::to_string(max) + ")");
  }
  return value;
}

Result<std::uint32_t> parse_offset(std::string_view cell) {
  auto value = read_natural(cell);
  if (!value || *value > std::numeric_limits<std::uint32_t>::max()) {
    return problem(quote_cell(cell) + " is not a code-point offset (a whole number, 0 or more)");
  }
  return static_cast<std::uint32_t>(*value);
}

Result<CivilTime> parse_time_cell(std::string_view cell) {
  if (auto time = parse_civil_time(trim_blanks(cell))) {
    return *time;
  }
  return problem(quote_cell(cell) +
                 " is not a date (write YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)");
}

}  // namespace truce::serial::detail
