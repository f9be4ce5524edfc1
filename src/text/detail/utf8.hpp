// UTF-8 decoding that never fails: the text module's inputs are checked
// upstream, but a stray byte must not crash or desynchronise the offsets.
// Code points are counted as core/document.hpp counts them (every byte that is
// not a continuation byte starts one), so spans agree with code_point_slice.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace truce::text::detail {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct DecodedCodePoint {
  char32_t code_point = 0;
  std::uint32_t length = 0;  // bytes consumed, stray continuation bytes included
};

inline bool is_continuation_byte(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

// Two bytes of a text as one 16-bit number, as they lie in memory (one load):
// the index of the tables that look a two-byte character up by its bytes,
// with no test of the bytes and no decoding.
inline std::uint16_t two_bytes_at(const void* bytes) {
  std::uint16_t value = 0;
  std::memcpy(&value, bytes, sizeof value);
  return value;
}

// two_bytes_at of the UTF-8 form of a code point from U+0080 to U+07FF.
inline std::uint16_t two_byte_index(char32_t code_point) {
  const std::array<unsigned char, 2> bytes = {
      static_cast<unsigned char>(0xC0U | (code_point >> 6U)),
      static_cast<unsigned char>(0x80U | (code_point & 0x3FU))};
  return two_bytes_at(bytes.data());
}

// Decodes the code point starting at `at` (which must not be a continuation
// byte unless it is the first byte of the text) and swallows continuation
// bytes that follow it without belonging to it. Malformed sequences decode to
// U+FFFD.
inline DecodedCodePoint decode_utf8(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  // Fast paths for the common cases, ASCII and two-byte characters (Arabic,
  // Cyrillic) not followed by a stray continuation byte; the same results as
  // the general path below.
  if (lead < 0x80U) {
    if (at + 1 == text.size() || !is_continuation_byte(byte(at + 1))) {
      return {lead, 1};
    }
  } else if (lead >= 0xC2U && lead <= 0xDFU && at + 1 < text.size() &&
             is_continuation_byte(byte(at + 1)) &&
             (at + 2 == text.size() || !is_continuation_byte(byte(at + 2)))) {
    return {static_cast<char32_t>(((lead & 0x1FU) << 6U) | (byte(at + 1) & 0x3FU)), 2};
  }
  DecodedCodePoint decoded;
  if (lead < 0x80U) {
    decoded = {lead, 1};
  } else {
    std::uint32_t expected = 1;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2U && lead <= 0xDFU) {
      expected = 2;
      value = lead & 0x1FU;
      minimum = 0x80;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
      expected = 3;
      value = lead & 0x0FU;
      minimum = 0x800;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
      expected = 4;
      value = lead & 0x07U;
      minimum = 0x10000;
    }
    std::uint32_t length = 1;
    while (length < expected && at + length < text.size() &&
           is_continuation_byte(byte(at + length))) {
      value = (value << 6U) | (byte(at + length) & 0x3FU);
      ++length;
    }
    const bool valid = expected > 1 && length == expected && value >= minimum &&
                       value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
    decoded = {valid ? value : kReplacementCharacter, length};
  }
  while (at + decoded.length < text.size() && is_continuation_byte(byte(at + decoded.length))) {
    ++decoded.length;
  }
  return decoded;
}

// Bytes of the text's first code point: continuation bytes at the very start
// belong to no code point and are skipped.
inline std::size_t first_code_point_offset(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && is_continuation_byte(static_cast<unsigned char>(text[at]))) {
    ++at;
  }
  return at;
}

inline void append_utf8(std::string& out, char32_t code_point) {
  const auto put = [&](std::uint32_t value) { out.push_back(static_cast<char>(value)); };
  const auto cp = static_cast<std::uint32_t>(code_point);
  if (cp < 0x80U) {
    put(cp);
  } else if (cp < 0x800U) {
    put(0xC0U | (cp >> 6U));
    put(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000U) {
    put(0xE0U | (cp >> 12U));
    put(0x80U | ((cp >> 6U) & 0x3FU));
    put(0x80U | (cp & 0x3FU));
  } else {
    put(0xF0U | (cp >> 18U));
    put(0x80U | ((cp >> 12U) & 0x3FU));
    put(0x80U | ((cp >> 6U) & 0x3FU));
    put(0x80U | (cp & 0x3FU));
  }
}

}  // namespace truce::text::detail
