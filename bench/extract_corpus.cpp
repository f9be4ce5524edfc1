#include "extract_corpus.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace truce::bench {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The first "YYYY-MM-DD" in a file name: the corpus names its files by date.
std::optional<CivilTime> date_in_name(std::string_view name) {
  for (std::size_t i = 0; i + 10 <= name.size(); ++i) {
    std::string_view candidate = name.substr(i, 10);
    if (is_digit(candidate[0]) && candidate[4] == '-' && candidate[7] == '-') {
      if (auto time = parse_civil_time(candidate)) {
        return time;
      }
    }
  }
  return std::nullopt;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Paragraphs are runs of non-blank lines; a text without a blank line is taken
// line by line, so it can still be shuffled.
std::vector<std::string_view> split_paragraphs(std::string_view text, std::string_view& separator) {
  std::vector<std::string_view> paragraphs;
  std::size_t start = std::string_view::npos;
  std::size_t end = 0;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t line_end = text.find('\n', position);
    if (line_end == std::string_view::npos) {
      line_end = text.size();
    }
    std::string_view line = text.substr(position, line_end - position);
    if (is_blank(line)) {
      if (start != std::string_view::npos) {
        paragraphs.push_back(text.substr(start, end - start));
      }
      start = std::string_view::npos;
    } else {
      if (start == std::string_view::npos) {
        start = position;
      }
      end = line_end;
    }
    position = line_end + 1;
  }
  if (start != std::string_view::npos) {
    paragraphs.push_back(text.substr(start, end - start));
  }
  separator = "\n\n";
  if (paragraphs.size() == 1) {
    separator = "\n";
    std::vector<std::string_view> lines;
    std::string_view only = paragraphs.front();
    for (std::size_t from = 0; from <= only.size();) {
      std::size_t to = std::min(only.find('\n', from), only.size());
      if (to > from) {
        lines.push_back(only.substr(from, to - from));
      }
      from = to + 1;
    }
    paragraphs = std::move(lines);
  }
  return paragraphs;
}

// Gives one ASCII number after the headline new digits: a number of one or
// two digits (a count, a day) is preferred to a longer one (a year), and only
// its last two digits change, so it keeps its length and rough size.
void vary_a_number(std::string& text, std::size_t body_start, std::mt19937_64& random) {
  std::vector<std::pair<std::size_t, std::size_t>> short_runs;
  std::vector<std::pair<std::size_t, std::size_t>> long_runs;
  for (std::size_t i = body_start; i < text.size();) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    (j - i <= 2 ? short_runs : long_runs).emplace_back(i, j - i);
    i = j;
  }
  const auto& runs = short_runs.empty() ? long_runs : short_runs;
  if (runs.empty()) {
    return;
  }
  auto [begin, length] = runs[random() % runs.size()];
  const std::size_t changed = std::min<std::size_t>(length, 2);
  for (std::size_t k = begin + length - changed; k < begin + length; ++k) {
    const bool leading = k == begin && length > 1;
    text[k] = static_cast<char>('0' + (leading ? 1 + random() % 9 : random() % 10));
  }
}

}  // namespace

Result<std::vector<SourceText>> read_source_texts(
    const std::vector<std::filesystem::path>& directories) {
  std::vector<std::filesystem::path> files;
  for (const auto& directory : directories) {
    std::error_code error;
    for (const auto& item : std::filesystem::directory_iterator(directory, error)) {
      const std::string name = item.path().filename().string();
      if (item.is_regular_file() && item.path().extension() == ".txt" &&
          name.find(".expected.") == std::string::npos) {
        files.push_back(item.path());
      }
    }
    if (error) {
      return make_error(ErrorCode::kUnavailable,
                        directory.string() + ": cannot list the directory: " + error.message());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<SourceText> sources;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      return make_error(ErrorCode::kUnavailable, file.string() + ": cannot read the file");
    }
    SourceText source{file.filename().string(), std::move(content).str(), std::nullopt};
    source.published = date_in_name(source.name);
    if (!is_blank(source.text)) {
      sources.push_back(std::move(source));
    }
  }
  if (sources.empty()) {
    return make_error(ErrorCode::kNotFound, "no *.txt test texts in the directories given");
  }
  return sources;
}

std::string varied_copy(const SourceText& source, std::uint64_t seed, std::uint64_t copy) {
  std::seed_seq sequence{seed, copy, static_cast<std::uint64_t>(source.text.size())};
  std::mt19937_64 random(sequence);
  std::string_view separator;
  std::vector<std::string_view> paragraphs = split_paragraphs(source.text, separator);
  std::shuffle(paragraphs.begin() + 1, paragraphs.end(), random);
  std::string text;
  text.reserve(source.text.size() + 16);
  for (std::string_view paragraph : paragraphs) {
    if (!text.empty()) {
      text += separator;
    }
    text += paragraph;
  }
  vary_a_number(text, paragraphs.front().size(), random);
  // A text too short to shuffle and without a number would repeat itself; a
  // trailing copy number, as feeds number their items, makes every copy unique.
  text += "\n\n#" + std::to_string(copy + 1) + "\n";
  return text;
}

Corpus build_corpus(const std::vector<SourceText>& sources, std::size_t target_bytes,
                    std::uint64_t seed) {
  Corpus corpus;
  corpus.source_count = sources.size();
  for (std::uint64_t copy = 0; corpus.bytes < target_bytes; ++copy) {
    for (const SourceText& source : sources) {
      CorpusDocument document{varied_copy(source, seed, copy), source.published};
      corpus.bytes += document.text.size();
      corpus.documents.push_back(std::move(document));
    }
  }
  std::unordered_set<std::string_view> seen;
  seen.reserve(corpus.documents.size());
  for (const CorpusDocument& document : corpus.documents) seen.insert(document.text);
  corpus.distinct_texts = seen.size();
  return corpus;
}

}  // namespace truce::bench
