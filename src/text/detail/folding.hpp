// The script-specific part of the matching form, kept in one table
// (folding.cpp, documented in src/text/README.md): which code points are
// dropped, which count as whitespace, and which letters fold onto which.
// Everything else is Unicode's NFKC_Casefold, applied by normalize.cpp.
#pragma once

#include <cstdint>

namespace truce::text::detail {

enum class CharClass : std::uint8_t {
  kKept,            // goes through NFKC_Casefold and fold_character
  kDropped,         // diacritics, tatweel, joiners, BOM, soft hyphen
  kSpace,           // horizontal whitespace and control characters
  kLineBreak,       // LF, VT, FF, NEL, LINE SEPARATOR
  kCarriageReturn,  // CR; CR LF counts as one line break
  kParagraphBreak,  // PARAGRAPH SEPARATOR counts as a blank line
};

CharClass classify(char32_t code_point);

// The folded form of one code point of NFKC_Casefold output: letter variants
// to their base letter (alef forms, Persian/Urdu letters, ё), decimal digits
// of any script to ASCII, Arabic number separators to ASCII; itself otherwise.
char32_t fold_character(char32_t code_point);

}  // namespace truce::text::detail
