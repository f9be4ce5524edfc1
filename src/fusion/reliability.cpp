#include "fusion/reliability.hpp"

#include "core/data_lines.hpp"
#include "core/ids.hpp"
#include "core/vocabulary.hpp"

namespace truce::fusion {

Result<ReliabilityTable> parse_reliability_table(std::string_view text,
                                                 std::string_view file_name) {
  ReliabilityTable table;
  for (const DataLineView& line : data_lines(text)) {
    auto where = [&](std::string_view column) {
      return std::string(file_name) + ":" + std::to_string(line.number) + ": column '" +
             std::string(column) + "': ";
    };
    const auto cells = split_tabs(line.text);
    const std::string_view id = cells[0];
    if (!is_valid_slug(id)) {
      return make_error(ErrorCode::kInvalidInput,
                        where("id") + "'" + std::string(id) + "' is not a source or actor id",
                        "fusion: read reliability table");
    }
    if (cells.size() < 2) {
      return make_error(ErrorCode::kInvalidInput, where("reliability") + "missing",
                        "fusion: read reliability table");
    }
    const std::string_view grade = cells[1];
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
