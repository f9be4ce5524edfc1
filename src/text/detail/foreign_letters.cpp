#include "text/detail/foreign_letters.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

namespace truce::text::detail {
namespace {

constexpr std::string_view kBundledFileName = "data/text/foreign_letters.tsv";

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      return parts;
    }
    start = end + 1;
  }
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

bool is_language_tag(std::string_view tag) {
  return tag.size() >= 2 && tag.size() <= 8 &&
         std::all_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

Error line_error(std::string_view file_name, std::size_t line, std::string_view column,
                 std::string_view problem) {
  return make_error(ErrorCode::kInvalidInput,
                    std::string(file_name) + ":" + std::to_string(line) + ": column '" +
                        std::string(column) + "': " + std::string(problem),
                    "text.foreign_letters");
}

// "U+06A9" -> 0x06A9; 0 when malformed.
char32_t parse_code_point(std::string_view text) {
  if (text.size() < 6 || text.size() > 8 || text.substr(0, 2) != "U+") {
    return 0;
  }
  std::uint32_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data() + 2, end, value, 16);
  if (error != std::errc() || stop != end || value > 0x10FFFF) {
    return 0;
  }
  return static_cast<char32_t>(value);
}

}  // namespace

const MarkerLetter* ForeignLetterBase::find(char32_t letter) const {
  const auto found =
      std::lower_bound(letters.begin(), letters.end(), letter,
                       [](const MarkerLetter& entry, char32_t key) { return entry.letter < key; });
  return found != letters.end() && found->letter == letter ? &*found : nullptr;
}

Result<ForeignLetters> ForeignLetters::parse(std::string_view text, std::string_view file_name) {
  ForeignLetters table;
  std::size_t line_number = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) {
      continue;
    }
    const std::vector<std::string_view> columns = split(line, '\t');
    if (columns.size() != 3) {
      return line_error(
          file_name, line_number, "languages",
          "expected 3 tab-separated columns, found " + std::to_string(columns.size()));
    }
    const std::string_view base_language = trim(columns[0]);
    if (!is_language_tag(base_language)) {
      return line_error(file_name, line_number, "base",
                        "'" + std::string(base_language) + "' is not a language subtag");
    }
    const char32_t letter = parse_code_point(trim(columns[1]));
    if (letter == 0) {
      return line_error(file_name, line_number, "letter",
                        "'" + std::string(trim(columns[1])) + "' is not U+XXXX");
    }
    auto base =
        std::find_if(table.bases_.begin(), table.bases_.end(),
                     [&](const ForeignLetterBase& b) { return b.language == base_language; });
    if (base == table.bases_.end()) {
      table.bases_.push_back(ForeignLetterBase{std::string(base_language), {}, {}});
      base = table.bases_.end() - 1;
    }
    if (base->find(letter) != nullptr) {
      return line_error(file_name, line_number, "letter", "listed twice for this base");
    }
    MarkerLetter marker{letter, {}};
    for (std::string_view language : split(trim(columns[2]), ' ')) {
      if (language.empty()) {
        continue;
      }
      if (!is_language_tag(language) || language == base_language) {
        return line_error(
            file_name, line_number, "languages",
            "'" + std::string(language) + "' is not a language subtag other than the base");
      }
      auto known = std::find(base->languages.begin(), base->languages.end(), language);
      if (known == base->languages.end()) {
        base->languages.emplace_back(language);
        known = base->languages.end() - 1;
      }
      marker.languages.push_back(static_cast<std::uint8_t>(known - base->languages.begin()));
    }
    const auto at = std::lower_bound(
        base->letters.begin(), base->letters.end(), letter,
        [](const MarkerLetter& entry, char32_t key) { return entry.letter < key; });
    base->letters.insert(at, std::move(marker));
    table.all_letters_.push_back(letter);
  }
  std::sort(table.all_letters_.begin(), table.all_letters_.end());
  return table;
}

const ForeignLetterBase* ForeignLetters::base(std::string_view language) const {
  for (const ForeignLetterBase& entry : bases_) {
    if (entry.language == language) {
      return &entry;
    }
  }
  return nullptr;
}

bool ForeignLetters::is_marker(char32_t letter) const {
  return std::binary_search(all_letters_.begin(), all_letters_.end(), letter);
}

const ForeignLetters& bundled_foreign_letters() {
  static const ForeignLetters table = [] {
    Result<ForeignLetters> parsed =
        ForeignLetters::parse(bundled_foreign_letters_text(), kBundledFileName);
    if (!parsed) {
      // The file is compiled in and tested; a parse error here is a build defect.
      throw std::logic_error(parsed.error().message);
    }
    return std::move(parsed).value();
  }();
  return table;
}

}  // namespace truce::text::detail
