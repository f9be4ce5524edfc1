#include "report/table.hpp"

#include <algorithm>

#include "core/document.hpp"

namespace truce::report {

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

std::string Table::render() const {
  std::vector<std::size_t> widths;
  widths.reserve(headers_.size());
  for (const auto& header : headers_) {
    widths.push_back(code_point_count(header));
  }
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], code_point_count(row[i]));
    }
  }
  auto line = [&widths](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      text += cells[i];
      if (i + 1 < cells.size()) {
        text.append(widths[i] - code_point_count(cells[i]) + 2, ' ');
      }
    }
    return text + "\n";
  };
  std::string text = line(headers_);
  std::vector<std::string> rule;
  rule.reserve(widths.size());
  for (std::size_t width : widths) {
    rule.emplace_back(width, '-');
  }
  text += line(rule);
  for (const auto& row : rows_) {
    text += line(row);
  }
  if (rows_.empty()) {
    text += "(none)\n";
  }
  return text;
}

std::string truncate(const std::string& text, std::size_t max) {
  if (code_point_count(text) <= max || max == 0) {
    return text;
  }
  return std::string(code_point_slice(text, 0, max - 1)) + "…";
}

}  // namespace truce::report
