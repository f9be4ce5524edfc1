// A minimal text table: columns padded to the widest cell, counted in code
// points so Arabic and Cyrillic cells line up as well as Latin ones.
#pragma once

#include <string>
#include <vector>

namespace truce::report {

class Table final {
 public:
  explicit Table(std::vector<std::string> headers);
  void add_row(std::vector<std::string> cells);
  std::string render() const;  // header, rule, rows; empty table says "(none)"

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// Cuts `text` to at most `max` code points, marking the cut with "…".
std::string truncate(const std::string& text, std::size_t max);

}  // namespace truce::report
