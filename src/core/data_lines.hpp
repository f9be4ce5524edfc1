// The lines of a data file's text that hold data, shared by every reader of
// the bundled tab-separated files (lexicons, gazetteer, actors, fusion
// parameters, source ratings, place precision), so that they agree on what a
// comment, a blank line and a line number are.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace truce {

struct DataLineView {
  std::uint32_t number = 0;  // counts every line of the text from 1, skipped ones too
  std::string_view text;     // without its line end
};

// Blank lines and lines whose first non-blank character is '#' are skipped; a
// byte-order mark and CR LF line ends are accepted. The views point into `text`.
std::vector<DataLineView> data_lines(std::string_view text);

// The cells of a tab-separated line; always at least one.
std::vector<std::string_view> split_tabs(std::string_view line);

}  // namespace truce
