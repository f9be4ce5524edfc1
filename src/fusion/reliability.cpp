#include "fusion/reliability.hpp"

#include "core/ids.hpp"
#include "core/vocabulary.hpp"

namespace truce::fusion {

Result<ReliabilityTable> parse_reliability_table(std::string_view text,
                                                 std::string_view file_name) {
  ReliabilityTable table;
  int line_number = 0;
  while (!text.empty()) {
    auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') {
      continue;
    }
    auto where = [&](std::string_view column) {
      return std::string(file_name) + ":" + std::to_string(line_number) + ": column '" +
             std::string(column) + "': ";
    };
    const auto tab = line.find('\t');
    const std::string_view id = line.substr(0, tab);
    if (!is_valid_slug(id)) {
      return make_error(ErrorCode::kInvalidInput,
                        where("id") + "'" + std::string(id) + "' is not a source or actor id",
                        "fusion: read reliability table");
    }
    if (tab == std::string_view::npos) {
      return make_error(ErrorCode::kInvalidInput, where("reliability") + "missing",
                        "fusion: read reliability table");
    }
    std::string_view rest = line.substr(tab + 1);
    const std::string_view grade = rest.substr(0, rest.find('\t'));
    auto reliability = parse_reliability(grade);
    if (!reliability) {
      return make_error(ErrorCode::kInvalidInput,
                        where("reliability") + "'" + std::string(grade) + "' is not one of A-F",
                        "fusion: read reliability table");
    }
    if (!table.emplace(std::string(id), *reliability).second) {
      return make_error(ErrorCode::kInvalidInput,
                        where("id") + "'" + std::string(id) + "' is rated twice",
                        "fusion: read reliability table");
    }
  }
  return table;
}

Reliability reliability_of(const ReliabilityTable& table, std::string_view claimant,
                           std::string_view source, Reliability stored) {
  if (auto found = table.find(claimant); found != table.end()) {
    return found->second;
  }
  if (auto found = table.find(source); found != table.end()) {
    return found->second;
  }
  return stored;
}

}  // namespace truce::fusion
