// RFC 4180 tables: splits CSV text into records of cells and writes cells back.
// Knows nothing about claims; the claim columns live in csv_columns.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace truce::serial::detail {

struct CsvRecord {
  std::size_t line = 0;  // physical line (1-based) where the record starts
  std::vector<std::string> cells;
};

// Why the text stopped being a table: an unterminated quote, a quote inside an
// unquoted cell, text after a closing quote, or bytes that are not UTF-8.
struct CsvTableProblem {
  std::size_t line = 0;  // where the faulty quote or byte is
  std::size_t cell = 0;  // 0-based index of the cell in its record
  std::string message;
};

struct CsvTable {
  std::vector<CsvRecord> records;          // the records before any problem
  std::optional<CsvTableProblem> problem;  // set when parsing stopped early
};

// Parses comma-separated text: an optional UTF-8 byte order mark, records ended
// by CRLF, LF or a lone CR, cells optionally quoted with '"' ('""' inside a
// quoted cell is one quote; quoted cells may hold commas and line breaks, kept
// as written). Blank records (no cells, or only empty ones) are dropped.
CsvTable parse_csv_table(std::string_view text);

// Appends `cell` to `out`, quoted only when it holds a comma, quote, CR or LF,
// or starts or ends with a space or tab (so trimming tools leave it intact).
void append_csv_cell(std::string& out, std::string_view cell);

}  // namespace truce::serial::detail
