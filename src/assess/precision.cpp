#include "assess/precision.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "core/data_lines.hpp"
#include "core/vocabulary.hpp"

namespace truce::assess {
namespace {

template <typename Number>
std::optional<Number> parse_number(std::string_view text) {
  Number value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Result<PrecisionRadii> read_precision_radii_tsv(std::string_view text, std::string_view file_name) {
  PrecisionRadii radii;
  std::array<std::uint32_t, 7> seen_on{};  // line of each code, 0: not yet
  std::vector<std::string> errors;
  auto error = [&](std::uint32_t line, std::string_view field, const std::string& message) {
    errors.push_back(std::string(file_name) + ":" + std::to_string(line) + ": field '" +
                     std::string(field) + "': " + message);
  };
  for (const DataLineView& line : data_lines(text)) {
    const auto cells = split_tabs(line.text);
    if (cells.size() < 2) {
      error(line.number, "radius_km", "missing: a line is where_prec, radius_km and its meaning");
      continue;
    }
    auto code = parse_number<int>(cells[0]);
    auto precision = code ? parse_location_precision(*code) : std::nullopt;
    if (!precision) {
      error(line.number, "where_prec", "\"" + std::string(cells[0]) + "\" is not UCDP's 1-7");
      continue;
    }
    auto km = parse_number<double>(cells[1]);
    if (!km || !std::isfinite(*km) || *km < 0) {
      error(line.number, "radius_km",
            "\"" + std::string(cells[1]) + "\" is not a number of kilometres >= 0");
      continue;
    }
    const auto index = static_cast<std::size_t>(*code) - 1;
    if (seen_on[index] != 0) {
      error(line.number, "where_prec",
            std::to_string(*code) + " is given twice (first on line " +
                std::to_string(seen_on[index]) + ")");
      continue;
    }
    seen_on[index] = line.number;
    radii.km_[index] = *km;
  }
  for (std::size_t index = 0; index < seen_on.size(); ++index) {
    if (seen_on[index] == 0) {
      errors.push_back(std::string(file_name) + ": field 'where_prec': " +
                       std::to_string(index + 1) + " has no line; every code 1-7 needs one");
    }
  }
  if (!errors.empty()) {
    std::string message;
    for (const std::string& line : errors) {
      message += (message.empty() ? "" : "\n") + line;
    }
    return make_error(ErrorCode::kInvalidInput, message, "assess: read place precision");
  }
  return radii;
}

}  // namespace truce::assess
