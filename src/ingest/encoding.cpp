#include <sodium.h>

#include <cstdio>

#include "ingest/intake.hpp"

namespace truce::ingest {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 if it is invalid
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  if (lead < 0x80U) {
    return 1;
  }
  std::size_t length = 0;
  unsigned char min_second = 0x80U;
  unsigned char max_second = 0xBFU;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    if (lead == 0xE0U) {
      min_second = 0xA0U;
    } else if (lead == 0xEDU) {
      max_second = 0x9FU;
    }
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    if (lead == 0xF0U) {
      min_second = 0x90U;
    } else if (lead == 0xF4U) {
      max_second = 0x8FU;
    }
  } else {
    return 0;
  }
  if (i + length > text.size() || byte(i + 1) < min_second || byte(i + 1) > max_second) {
    return 0;
  }
  for (std::size_t k = i + 2; k < i + length; ++k) {
    if (byte(k) < 0x80U || byte(k) > 0xBFU) {
      return 0;
    }
  }
  return length;
}

}  // namespace

std::string text_encoding_problem(std::string_view text) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    auto where = [&] {
      return "line " + std::to_string(line) + ", byte " + std::to_string(i - line_start + 1);
    };
    if (c == '\0') {
      return where() + ": NUL byte (is this a binary file?)";
    }
    std::size_t length = sequence_length(text, i);
    if (length == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(c));
      return where() + ": invalid UTF-8 (" + hex + "); the input must be UTF-8";
    }
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    }
    i += length;
  }
  return {};
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return {hex, crypto_hash_sha256_BYTES * 2};
}

}  // namespace truce::ingest
