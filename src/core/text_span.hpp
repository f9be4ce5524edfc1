// Where something is in a document's original text. Offsets count Unicode code
// points, not bytes, so they mean the same in every encoding and language.
#pragma once

#include <cstdint>

namespace truce {

// [start, end) in Unicode code points of the document's original text.
struct TextSpan {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

}  // namespace truce
