// The letter table of data/text/foreign_letters.tsv: letters that mark words
// of one language inside a paragraph of another language of the same script.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace truce::text::detail {

struct MarkerLetter {
  char32_t letter = 0;
  std::vector<std::uint8_t> languages;  // indexes into ForeignLetterBase::languages
};

struct ForeignLetterBase {
  std::string language;                // the paragraph's language, e.g. "ar"
  std::vector<std::string> languages;  // the foreign languages, in order of first mention
  std::vector<MarkerLetter> letters;   // sorted by letter

  const MarkerLetter* find(char32_t letter) const;
};

class ForeignLetters {
 public:
  // Parses the file's text; errors name `file_name`, the line and the column.
  static Result<ForeignLetters> parse(std::string_view text, std::string_view file_name);

  const ForeignLetterBase* base(std::string_view language) const;
  // Whether any base lists the (lower-case) letter.
  bool is_marker(char32_t letter) const;

 private:
  std::vector<ForeignLetterBase> bases_;
  std::vector<char32_t> all_letters_;  // sorted
};

// The table compiled from data/text/foreign_letters.tsv, parsed once.
const ForeignLetters& bundled_foreign_letters();

// Generated from the data file by embed_data.cmake.
std::string_view bundled_foreign_letters_text();

}  // namespace truce::text::detail
