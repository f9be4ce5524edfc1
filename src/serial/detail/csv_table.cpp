#include "serial/detail/csv_table.hpp"

#include <algorithm>

namespace truce::serial::detail {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Offset of the first byte that does not belong to a well-formed UTF-8
// sequence (no overlongs, no surrogates, nothing above U+10FFFF), or npos.
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;  // bounds of the second byte; later ones are 80-BF
    unsigned char high = 0xBF;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      low = byte == 0xE0 ? 0xA0 : 0x80;
      high = byte == 0xED ? 0x9F : 0xBF;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      low = byte == 0xF0 ? 0x90 : 0x80;
      high = byte == 0xF4 ? 0x8F : 0xBF;
    } else {
      return i;
    }
    if (i + length > text.size()) {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) {
        return i;
      }
    }
    i += length;
  }
  return std::string_view::npos;
}

// True when the byte at `pos` ends a physical line: LF, or CR not followed by LF.
bool ends_line(std::string_view text, std::size_t pos) {
  return text[pos] == '\n' ||
         (text[pos] == '\r' && (pos + 1 >= text.size() || text[pos + 1] != '\n'));
}

std::size_t line_breaks_before(std::string_view text, std::size_t offset) {
  std::size_t breaks = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (ends_line(text, i)) {
      ++breaks;
    }
  }
  return breaks;
}

bool is_blank(const CsvRecord& record) {
  return std::all_of(record.cells.begin(), record.cells.end(),
                     [](const std::string& cell) { return cell.empty(); });
}

// A cursor over the text that counts physical lines as it goes.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool next_is(char c) const { return pos_ + 1 < text_.size() && text_[pos_ + 1] == c; }
  std::size_t line() const { return line_; }

  void advance() {
    if (ends_line(text_, pos_)) {
      ++line_;
    }
    ++pos_;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// Reads one cell at the scanner; returns a problem message or nothing.
std::optional<std::string> read_cell(Scanner& in, std::string& cell, std::size_t& problem_line) {
  if (in.done() || in.peek() != '"') {
    while (!in.done() && in.peek() != ',' && in.peek() != '\r' && in.peek() != '\n') {
      if (in.peek() == '"') {
        problem_line = in.line();
        return "a quote inside a cell that does not start with a quote (quote the whole cell "
               "and write each quote inside it as two quotes)";
      }
      cell += in.peek();
      in.advance();
    }
    return std::nullopt;
  }
  const std::size_t quote_line = in.line();
  in.advance();
  while (true) {
    if (in.done()) {
      problem_line = quote_line;
      return "a quoted cell starts on this line but its closing quote is missing";
    }
    if (in.peek() == '"') {
      if (in.next_is('"')) {
        cell += '"';
        in.advance();
        in.advance();
        continue;
      }
      in.advance();
      break;
    }
    cell += in.peek();
    in.advance();
  }
  if (!in.done() && in.peek() != ',' && in.peek() != '\r' && in.peek() != '\n') {
    problem_line = in.line();
    return "text follows the closing quote of a cell (write a quote inside a quoted cell as "
           "two quotes)";
  }
  return std::nullopt;
}

}  // namespace

CsvTable parse_csv_table(std::string_view text) {
  if (text.starts_with(kByteOrderMark)) {
    text.remove_prefix(kByteOrderMark.size());
  }
  CsvTable table;
  Scanner in(text);
  while (!in.done()) {
    CsvRecord record;
    record.line = in.line();
    while (true) {
      std::string cell;
      const std::size_t cell_line = in.line();
      std::size_t problem_line = 0;
      if (auto problem = read_cell(in, cell, problem_line)) {
        table.problem = CsvTableProblem{problem_line, record.cells.size(), std::move(*problem)};
        return table;
      }
      if (auto bad = first_invalid_utf8(cell); bad != std::string_view::npos) {
        table.problem =
            CsvTableProblem{cell_line + line_breaks_before(cell, bad), record.cells.size(),
                            "is not valid UTF-8 text (save the file as UTF-8)"};
        return table;
      }
      record.cells.push_back(std::move(cell));
      if (!in.done() && in.peek() == ',') {
        in.advance();
        continue;
      }
      break;
    }
    if (!in.done()) {  // a line break ends the record; CRLF is one break
      if (in.peek() == '\r' && in.next_is('\n')) {
        in.advance();
      }
      in.advance();
    }
    if (!is_blank(record)) {
      table.records.push_back(std::move(record));
    }
  }
  return table;
}

void append_csv_cell(std::string& out, std::string_view cell) {
  bool needs_quotes = cell.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!cell.empty()) {
    auto edge = [](char c) { return c == ' ' || c == '\t'; };
    needs_quotes = needs_quotes || edge(cell.front()) || edge(cell.back());
  }
  if (!needs_quotes) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
}

}  // namespace truce::serial::detail
