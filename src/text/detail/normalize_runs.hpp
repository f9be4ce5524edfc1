// The normaliser with its fast path for runs of plain characters turned off,
// for tests that compare the two: the runs must leave the text, its origins
// and its code-point offsets exactly as the per-character path does.
#pragma once

#include <string_view>

#include "text/normalize.hpp"

namespace truce::text::detail {

// normalize_for_matching, reading every character on its own.
NormalizedText normalize_for_matching_by_character(std::string_view utf8);

}  // namespace truce::text::detail
