// The words of a text as the language detector's scanner reads them, for tests
// that compare its block reading of ASCII and two-byte letters with the plain
// per-character loop.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/language.hpp"

namespace truce::text::detail {

struct ScannedWord {
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  std::uint32_t cp_begin = 0;
  std::uint32_t cp_end = 0;
  std::uint32_t letters = 0;  // letters with a script
  std::uint8_t script = 0;    // a UScriptCode: that of its first letter with a script
  bool has_marker = false;    // a letter of data/text/foreign_letters.tsv
  friend bool operator==(const ScannedWord&, const ScannedWord&) = default;
};

// Every word (run of letters and marks) of `text`; with `block_reading` false
// the scanner reads each character on its own, as it did before it read runs
// of letters at once.
std::vector<ScannedWord> scan_words(std::string_view text, bool block_reading);

// The words of the paragraph text[byte_begin, byte_end), whose first
// character is code point cp_begin of the text, read from its own bytes: the
// words a scan of the whole text gives there. The detector reads a paragraph
// again so when it dropped its words and needs them after all.
std::vector<ScannedWord> scan_paragraph_words(std::string_view text, std::size_t byte_begin,
                                              std::size_t byte_end, std::uint32_t cp_begin);

// detect_languages as it was before the scanner dropped the words of
// paragraphs of one script without marker letters (and read them again where
// CLD2 found parts in other languages): the same report, for tests.
LanguageReport detect_languages_keeping_every_word(std::string_view utf8);

}  // namespace truce::text::detail
