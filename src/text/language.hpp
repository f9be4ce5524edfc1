// Which languages a document is written in: its main language, the language
// of each paragraph, and the runs of words in another language (an Urdu
// publisher name inside an Arabic article, an English quote in a Russian one).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"

namespace truce::text {

struct LanguageSpan {
  std::string language;  // BCP 47 ("ar", "ru", "en", "ur", ...); "" if unknown
  TextSpan span;         // code points of the original text
  friend bool operator==(const LanguageSpan&, const LanguageSpan&) = default;
};

struct LanguageReport {
  std::string language;  // BCP 47 main language of the document, "" if unknown
  // Runs in another language than the main one, in text order, not
  // overlapping: whole paragraphs, and word runs inside paragraphs.
  std::vector<LanguageSpan> spans;
  // Every paragraph (blank-line separated, whitespace trimmed) with its
  // language; "" for a paragraph without letters.
  std::vector<LanguageSpan> paragraphs;
};

// Detects languages in UTF-8 text (invalid bytes are tolerated). CLD2 reads a
// bounded sample of the document and only the paragraphs that may differ from
// it (another script, or letters foreign to the main language listed in
// data/text/foreign_letters.tsv); see src/text/README.md.
LanguageReport detect_languages(std::string_view utf8);

}  // namespace truce::text
