// Paragraphs and sentences of normalised text (normalize.hpp), as byte
// ranges of that text. Rule-based and fast: no dictionary, no ICU
// BreakIterator. The rules are in src/text/README.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace truce::text {

// Bytes [begin, end) of the normalised text.
struct Range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const Range&, const Range&) = default;
};

// Paragraphs: split at blank lines ("\n\n"); a single "\n" also ends one
// after a line that ends a sentence, and after a short line (a headline,
// dateline or byline) unless the next line starts in lower case. Otherwise a
// single "\n" is a line wrap inside the paragraph. Ranges exclude the breaks
// and surrounding spaces; empty paragraphs are skipped.
std::vector<Range> paragraphs(std::string_view normalized);

// Sentences of one paragraph: split after . ! ? ; and their Arabic, Urdu and
// typographic counterparts (؟ ؛ ۔ …), with any closing quotes and brackets,
// when a space, a line break or the end follows. Not split: after a single
// letter (initials: "V. Putin", "U.S."), nor at a full stop followed by a word
// in lower case ("approx. five").
std::vector<Range> sentences(std::string_view normalized, Range paragraph);

// The same for a case-folded text, where every word looks lower case:
// `lower_case_at(byte)` tells whether the character at that byte of
// `normalized` was in lower case before folding.
std::vector<Range> sentences(std::string_view normalized, Range paragraph,
                             const std::function<bool(std::size_t)>& lower_case_at);

}  // namespace truce::text
