// CLD2 behind a small interface, with its language codes turned into BCP 47.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace truce::text::detail {

struct Cld2Chunk {
  std::size_t offset = 0;  // bytes into the text given to detect_with_cld2
  std::size_t length = 0;
  std::string language;  // BCP 47; "" where CLD2 could not tell
};

struct Cld2Result {
  std::string language;           // BCP 47 of the most likely language; "" if unknown
  std::vector<Cld2Chunk> chunks;  // runs of the text in one language each
};

// CLD2 reads at most this many bytes of a text (cut at a character boundary).
inline constexpr std::size_t kMaxCld2Bytes = 1024;

// Plain-text detection; gives a best-effort answer for short texts. Any bytes
// are accepted: CLD2 reads a copy in which invalid UTF-8 and control
// characters are spaces, of the same length, so chunk offsets index `text`.
enum class Cld2Chunks { kWanted, kNotWanted };
Cld2Result detect_with_cld2(std::string_view text, Cld2Chunks wanted = Cld2Chunks::kWanted);

// At most `limit` bytes from the start of `text`, for CLD2 to read. Where it
// must cut, it ends before the last space or line break that fits (the letters
// of a cut word are a sequence of no language and can move CLD2's choice), or,
// in a text without one (a script written without spaces), before the last
// code point that fits.
std::string_view cld2_sample(std::string_view text, std::size_t limit);

// For tests: whether CLD2's own check (ExtDetectLanguageSummaryCheckUTF8)
// finds every byte of the copy it is given for `text` valid, so that
// detect_with_cld2 may skip that check.
bool cld2_accepts_its_copy_of(std::string_view text);

// CLD2's code for a language ("iw", "zh-Hant", "un") as BCP 47 ("he",
// "zh-Hant", ""); "" for CLD2's unknown and unnamed languages.
std::string bcp47_from_cld2_code(std::string_view code);

}  // namespace truce::text::detail
