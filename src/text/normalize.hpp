// The matching form of a text, and the way back from it to the original:
// lexicons, gazetteers and the extractor all match against this form, and every
// match is reported to the user as a span of the original text.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/claim.hpp"

namespace truce::text {

// An allocator whose value-less construction leaves a trivial element
// uninitialised: the normaliser sizes its offset tables to the input up front
// and writes every element it keeps, so zeroing them first is wasted work.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  using std::allocator<T>::allocator;
  template <typename U>
  struct rebind {  // NOLINT(readability-identifier-naming): the name allocators must use
    using other = UninitializedAllocator<U>;
  };
  template <typename U>
  void construct(U* where) noexcept {
    ::new (static_cast<void*>(where)) U;
  }
  template <typename U, typename... Args>
  void construct(U* where, Args&&... args) {
    ::new (static_cast<void*>(where)) U(std::forward<Args>(args)...);
  }
};

using OriginTable = std::vector<std::uint32_t, UninitializedAllocator<std::uint32_t>>;

// NFKC and case folding; Arabic diacritics and tatweel removed; alef/hamza
// forms, alef maqsura and taa marbuta folded; Persian/Urdu letters folded to
// their Arabic counterparts; Arabic-Indic and Persian digits to ASCII; Russian
// ё to е; horizontal whitespace runs to one space; a line break stays one "\n"
// and a blank line one "\n\n", so paragraphs survive; whitespace at either end
// is dropped. The script-specific table is in detail/folding.cpp; the rules and
// their order are in src/text/README.md. Invalid UTF-8 becomes U+FFFD.
struct NormalizedText {
  std::string text;  // UTF-8 matching form
  // For every byte i of `text`: the original code points [origin_begin[i],
  // origin_end[i]) it came from. Characters dropped by normalisation (marks,
  // tatweel) are counted in the end of the character before them.
  OriginTable origin_begin;
  OriginTable origin_end;
  // The byte offset in the input of every code point (every byte that is not
  // a continuation byte, as core/document.hpp counts them), then the input's
  // size: written while decoding, so a span of code points is cut from the
  // input without walking it again.
  OriginTable code_point_offsets;

  // The original span of normalised bytes [begin, end); end > begin.
  TextSpan original_span(std::size_t begin, std::size_t end) const;
};

NormalizedText normalize_for_matching(std::string_view utf8);

// The matching form alone, for lexicon phrases and names (no offsets kept).
std::string matching_form(std::string_view utf8);

}  // namespace truce::text
