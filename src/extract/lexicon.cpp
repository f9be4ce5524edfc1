#include "extract/lexicon.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "core/data_lines.hpp"
#include "text/normalize.hpp"

namespace truce::extract {
namespace {

constexpr std::string_view kContext = "extract.lexicon: load";
constexpr std::array<std::string_view, 4> kColumns = {"category", "value", "phrase", "attributes"};
constexpr std::size_t kPhraseColumn = 2;
constexpr std::size_t kAttributesColumn = 3;

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

bool is_category_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(),
                                      [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

bool is_attribute_key(std::string_view text) {
  return !text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 code_point = 0;
    U8_NEXT(bytes, i, length, code_point);
    if (code_point < 0) {
      return false;
    }
  }
  return true;
}

// A '*' ends a word that may run on: it must follow a character of the word
// and be followed by a space or the end. The problem in words, or "".
std::string stem_mark_problem(std::string_view written) {
  for (std::size_t at = written.find('*'); at != std::string_view::npos;
       at = written.find('*', at + 1)) {
    bool after_word = at > 0 && written[at - 1] != ' ' && written[at - 1] != '*';
    bool ends_word = at + 1 == written.size() || written[at + 1] == ' ';
    if (!after_word || !ends_word) {
      return "'*' may only end a word (it marks a stem): '" + std::string(written) + "'";
    }
  }
  return {};
}

// The final stem mark is split off before normalising; stem marks inside a
// phrase ("удар* с беспилотник*") stay in it for the matcher.
struct PreparedPhrase {
  std::string phrase;
  bool stem = false;
};

PreparedPhrase prepare_phrase(std::string_view written, bool stem) {
  written = trim_spaces(written);
  if (!written.empty() && written.back() == '*') {
    stem = true;
    written = trim_spaces(written.substr(0, written.size() - 1));
  }
  std::string form = text::matching_form(written);
  std::string_view trimmed = trim_spaces(form);
  if (trimmed.size() != form.size()) {
    form = std::string(trimmed);
  }
  return {std::move(form), stem};
}

// "key=value;key" into pairs; the problem in words, or "" when the text is well formed.
std::string parse_attributes(std::string_view text,
                             std::vector<std::pair<std::string, std::string>>& attributes) {
  if (text.empty()) {
    return {};
  }
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t to = std::min(text.find(';', from), text.size());
    std::string_view item = trim_spaces(text.substr(from, to - from));
    from = to + 1;
    if (item.empty()) {
      return "empty attribute in '" + std::string(text) + "' (write key=value;key=value)";
    }
    std::size_t equals = item.find('=');
    std::string_view key = trim_spaces(item.substr(0, equals));
    std::string_view value = equals == std::string_view::npos
                                 ? std::string_view()
                                 : trim_spaces(item.substr(equals + 1));
    if (!is_attribute_key(key)) {
      return "attribute key '" + std::string(key) + "' is not a lowercase word ([a-z][a-z0-9_]*)";
    }
    if (value.find('=') != std::string_view::npos) {
      return "attribute '" + std::string(item) + "' has more than one '='";
    }
    for (const auto& [known, unused] : attributes) {
      if (known == key) {
        return "attribute '" + std::string(key) + "' given twice";
      }
    }
    attributes.emplace_back(key, value);
  }
  return {};
}

Error line_error(const std::string& file, std::uint32_t line, const std::string& problem) {
  return make_error(ErrorCode::kInvalidInput, file + ":" + std::to_string(line) + ": " + problem,
                    std::string(kContext));
}

Error column_error(const std::string& file, std::uint32_t line, std::size_t column,
                   const std::string& problem) {
  return line_error(file, line, "column '" + std::string(kColumns[column]) + "': " + problem);
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t from = 0;
  while (true) {
    std::size_t tab = line.find('\t', from);
    fields.push_back(line.substr(from, tab == std::string_view::npos ? line.npos : tab - from));
    if (tab == std::string_view::npos) {
      return fields;
    }
    from = tab + 1;
  }
}

Result<LexiconEntry> parse_line(std::string_view line, const std::string& file,
                                std::uint32_t line_number, std::string_view language) {
  std::vector<std::string_view> fields = split_tabs(line);
  if (fields.size() < 3 || fields.size() > 4) {
    return line_error(file, line_number,
                      std::to_string(fields.size()) +
                          " tab-separated columns; expected 3 or 4 "
                          "(category, value, phrase[, attributes])");
  }
  for (std::size_t column = 0; column < fields.size(); ++column) {
    fields[column] = trim_spaces(fields[column]);
    if (!is_valid_utf8(fields[column])) {
      return column_error(file, line_number, column, "not valid UTF-8");
    }
    if (column < kAttributesColumn && fields[column].empty()) {
      return column_error(file, line_number, column, "empty");
    }
  }

  LexiconEntry entry;
  entry.category = std::string(fields[0]);
  if (!is_category_name(entry.category)) {
    return column_error(file, line_number, 0,
                        "'" + entry.category + "' is not a lowercase word ([a-z_]+)");
  }
  entry.value = std::string(fields[1]);

  std::string_view written = fields[kPhraseColumn];
  std::string stem_problem = stem_mark_problem(written);
  if (!stem_problem.empty()) {
    return column_error(file, line_number, kPhraseColumn, stem_problem);
  }
  PreparedPhrase prepared = prepare_phrase(written, false);
  if (prepared.phrase.empty()) {
    return column_error(file, line_number, kPhraseColumn,
                        "'" + std::string(written) + "' is empty after normalisation");
  }
  entry.phrase = std::move(prepared.phrase);
  entry.stem = prepared.stem;

  if (fields.size() > kAttributesColumn) {
    std::string problem = parse_attributes(fields[kAttributesColumn], entry.attributes);
    if (!problem.empty()) {
      return column_error(file, line_number, kAttributesColumn, problem);
    }
  }
  entry.language = std::string(language);
  entry.file = file;
  entry.line = line_number;
  return entry;
}

// Error messages name a file as "<language>/<file name>", the way it sits in
// the lexicon directory, whatever the path it was read from.
std::string display_name(const std::filesystem::path& file, std::string_view language) {
  std::string name = file.filename().string();
  return language.empty() ? name : std::string(language) + "/" + name;
}

Result<std::vector<LexiconEntry>> parse_file(const std::filesystem::path& file,
                                             std::string_view language) {
  std::string name = display_name(file, language);
  auto lines = read_data_lines(file, name);
  if (!lines) {
    return std::move(lines).error();
  }
  std::vector<LexiconEntry> entries;
  for (const DataLine& line : lines.value()) {
    Result<LexiconEntry> entry = parse_line(line.text, name, line.number, language);
    if (!entry) {
      return std::move(entry).error();
    }
    entries.push_back(std::move(entry).value());
  }
  return entries;
}

// The language directories (or the *.tsv files) of `directory`, in name order.
Result<std::vector<std::filesystem::path>> sorted_children(const std::filesystem::path& directory,
                                                           bool directories) {
  std::vector<std::filesystem::path> children;
  std::error_code error;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    bool wanted = directories ? it->is_directory(error)
                              : it->is_regular_file(error) && it->path().extension() == ".tsv";
    if (wanted) {
      children.push_back(it->path());
    }
  }
  if (error) {
    return make_error(
        ErrorCode::kUnavailable,
        "cannot list lexicon directory " + directory.string() + ": " + error.message(),
        std::string(kContext));
  }
  std::sort(children.begin(), children.end());
  return children;
}

}  // namespace

Result<std::vector<DataLine>> read_data_lines(const std::filesystem::path& file,
                                              std::string_view display_name) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return make_error(
        ErrorCode::kUnavailable,
        std::string(display_name) + ": cannot read " + file.string() + ": " + std::strerror(errno),
        std::string(kContext));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();
  std::vector<DataLine> lines;
  for (const DataLineView& line : data_lines(content)) {
    lines.push_back(DataLine{line.number, std::string(line.text)});
  }
  return lines;
}

std::string_view LexiconEntry::attribute(std::string_view key) const {
  for (const auto& [name, text] : attributes) {
    if (name == key) {
      return text;
    }
  }
  return {};
}

bool LexiconEntry::has_attribute(std::string_view key) const {
  return std::any_of(attributes.begin(), attributes.end(),
                     [key](const auto& attribute) { return attribute.first == key; });
}

Status Lexicon::load_file(const std::filesystem::path& file, std::string_view language) {
  Result<std::vector<LexiconEntry>> parsed = parse_file(file, language);
  if (!parsed) {
    return std::move(parsed).error();
  }
  const std::size_t first = entries_.size();
  std::move(parsed->begin(), parsed->end(), std::back_inserter(entries_));
  index_from(first);
  return Status::ok();
}

Status Lexicon::load_directory(const std::filesystem::path& root) {
  Result<std::vector<std::filesystem::path>> languages = sorted_children(root, true);
  if (!languages) {
    return std::move(languages).error();
  }
  std::vector<LexiconEntry> loaded;
  for (const std::filesystem::path& language_dir : *languages) {
    Result<std::vector<std::filesystem::path>> files = sorted_children(language_dir, false);
    if (!files) {
      return std::move(files).error();
    }
    std::string language = language_dir.filename().string();
    for (const std::filesystem::path& file : *files) {
      Result<std::vector<LexiconEntry>> parsed = parse_file(file, language);
      if (!parsed) {
        return std::move(parsed).error();
      }
      std::move(parsed->begin(), parsed->end(), std::back_inserter(loaded));
    }
  }
  const std::size_t first = entries_.size();
  std::move(loaded.begin(), loaded.end(), std::back_inserter(entries_));
  index_from(first);
  return Status::ok();
}

void Lexicon::add(LexiconEntry entry) {
  PreparedPhrase prepared = prepare_phrase(entry.phrase, entry.stem);
  entry.phrase = std::move(prepared.phrase);
  entry.stem = prepared.stem;
  entries_.push_back(std::move(entry));
  index_from(entries_.size() - 1);
}

std::uint64_t Lexicon::Revision::next() {
  static std::atomic<std::uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

void Lexicon::index_from(std::size_t first) {
  revision_.renew();
  for (std::size_t i = first; i < entries_.size(); ++i) {
    auto found = by_category_.find(entries_[i].category);
    if (found == by_category_.end()) {
      found = by_category_.emplace(entries_[i].category, std::vector<std::uint32_t>{}).first;
      number_of_category_.emplace(entries_[i].category,
                                  static_cast<std::uint32_t>(number_of_category_.size()));
    }
    found->second.push_back(static_cast<std::uint32_t>(i));
    category_numbers_.push_back(number_of_category_.find(entries_[i].category)->second);
  }
}

std::uint32_t Lexicon::category_number(std::string_view name) const {
  const auto found = number_of_category_.find(name);
  return found == number_of_category_.end() ? kNoCategory : found->second;
}

const std::vector<std::uint32_t>& Lexicon::category(std::string_view name) const {
  static const std::vector<std::uint32_t> none;
  const auto found = by_category_.find(name);
  return found == by_category_.end() ? none : found->second;
}

}  // namespace truce::extract
