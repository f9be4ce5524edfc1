#include "text/detail/cld2.hpp"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cstring>
#include <utility>

#include "text/detail/utf8.hpp"

namespace truce::text::detail {
namespace {

// CLD2 keeps codes that BCP 47 has replaced.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kReplacedCodes = {{
    {"iw", "he"},  // Hebrew
    {"jw", "jv"},  // Javanese
    {"in", "id"},  // Indonesian
    {"ji", "yi"},  // Yiddish
}};

std::string bcp47_of(CLD2::Language language) {
  if (language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return {};
  }
  return bcp47_from_cld2_code(CLD2::LanguageCode(language));
}

// CLD2's scanner trusts its input (getonescriptspan.cc): it copies as many
// bytes as a lead byte announces without checking them, and looks at the
// character after the one it copies, so invalid UTF-8, or a text that ends
// inside a character, makes it read past the buffer. It therefore reads a
// copy that is valid UTF-8 of the same length as the text it stands for, so
// that its chunk offsets index the caller's text: every byte of an invalid
// sequence becomes a space, and so does every byte of a character CLD2 calls
// not interchange-valid (C0 and C1 controls but tab and line breaks, DEL,
// noncharacters). The copy ends with spaces and a NUL that CLD2 may look at.
constexpr std::size_t kPaddingBytes = 8;

class Cld2Input {
 public:
  explicit Cld2Input(std::string_view utf8) {
    const std::size_t limit = std::min(utf8.size(), kMaxCld2Bytes);
    std::memcpy(bytes_.data(), utf8.data(), limit);
    std::size_t at = 0;
    while (at < limit) {
      const auto lead = static_cast<unsigned char>(utf8[at]);
      if (lead >= 0x20U && lead < 0x7FU) {
        ++at;  // printable ASCII, most of the bytes in any text
        continue;
      }
      if (lead >= 0xC3U && lead <= 0xDFU && at + 1 < limit &&
          (static_cast<unsigned char>(utf8[at + 1]) & 0xC0U) == 0x80U) {
        at += 2;  // a two-byte letter (Latin, Cyrillic, Arabic...), never a control
        continue;
      }
      const std::size_t length = valid_sequence_length(utf8, at);
      if (at + std::max<std::size_t>(length, 1) > limit) {
        break;  // a character cut by the limit stays out
      }
      if (length == 0) {
        bytes_[at++] = ' ';
        continue;
      }
      if (!interchange_valid(utf8.substr(at, length))) {
        std::fill_n(bytes_.begin() + static_cast<std::ptrdiff_t>(at), length, ' ');
      }
      at += length;
    }
    size_ = at;
    std::fill_n(bytes_.begin() + static_cast<std::ptrdiff_t>(size_), kPaddingBytes - 1, ' ');
    bytes_[size_ + kPaddingBytes - 1] = '\0';
  }

  std::string_view text() const { return {bytes_.data(), size_}; }

 private:
  // The length of the well-formed UTF-8 sequence at `at` (Unicode's table 3-7:
  // no overlong forms, surrogates or values above U+10FFFF), 0 if there is none.
  static std::size_t valid_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80U) {
      return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80U;
    unsigned char high = 0xBFU;
    if (lead >= 0xC2U && lead <= 0xDFU) {
      length = 2;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
      length = 3;
      low = lead == 0xE0U ? 0xA0U : 0x80U;
      high = lead == 0xEDU ? 0x9FU : 0xBFU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
      length = 4;
      low = lead == 0xF0U ? 0x90U : 0x80U;
      high = lead == 0xF4U ? 0x8FU : 0xBFU;
    } else {
      return 0;
    }
    if (at + length > text.size()) {
      return 0;
    }
    const unsigned char second = byte(at + 1);
    if (second < low || second > high) {
      return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
      if ((byte(at + i) & 0xC0U) != 0x80U) {
        return 0;
      }
    }
    return length;
  }

  static bool interchange_valid(std::string_view sequence) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(sequence[i]); };
    switch (sequence.size()) {
      case 1: {
        const unsigned char c = byte(0);
        return (c >= 0x20U && c != 0x7FU) || c == '\t' || c == '\n' || c == '\r';
      }
      case 2:  // U+0080..U+009F are C1 controls
        return !(byte(0) == 0xC2U && byte(1) < 0xA0U);
      case 3:  // U+FDD0..U+FDEF and U+FFFE, U+FFFF are noncharacters
        if (byte(0) == 0xEFU && byte(1) == 0xB7U && byte(2) >= 0x90U && byte(2) <= 0xAFU) {
          return false;
        }
        return !(byte(0) == 0xEFU && byte(1) == 0xBFU && byte(2) >= 0xBEU);
      default:  // U+nFFFE and U+nFFFF of every plane are noncharacters
        return !((byte(1) & 0x0FU) == 0x0FU && byte(2) == 0xBFU && byte(3) >= 0xBEU);
    }
  }

  std::array<char, kMaxCld2Bytes + kPaddingBytes> bytes_;  // filled up to size_ + padding
  std::size_t size_ = 0;
};

bool is_sample_break(char byte) {
  return byte == ' ' || byte == '\n' || byte == '\r' || byte == '\t';
}

}  // namespace

std::string_view cld2_sample(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) {
    return text;
  }
  std::size_t end = limit;  // text[end] is the first byte left out
  while (end > 0 && !is_sample_break(text[end])) {
    --end;
  }
  if (end == 0) {
    end = limit;
    while (end > 0 && is_continuation_byte(static_cast<unsigned char>(text[end]))) {
      --end;
    }
  }
  return text.substr(0, end);
}

bool cld2_accepts_its_copy_of(std::string_view text) {
  const Cld2Input input(text);
  const std::string_view utf8 = input.text();
  const CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  std::array<CLD2::Language, 3> languages{};
  std::array<int, 3> percents{};
  std::array<double, 3> scores{};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8.data(), static_cast<int>(utf8.size()), true, &hints,
                                          CLD2::kCLDFlagBestEffort, languages.data(),
                                          percents.data(), scores.data(), nullptr, &text_bytes,
                                          &reliable, &valid_prefix);
  return valid_prefix >= 0 && static_cast<std::size_t>(valid_prefix) == utf8.size();
}

std::string bcp47_from_cld2_code(std::string_view code) {
  for (const auto& [old_code, new_code] : kReplacedCodes) {
    if (code == old_code) {
      return std::string(new_code);
    }
  }
  // "un" is unknown, "xxx" CLD2's "ignore"; unnamed languages have numeric or
  // empty codes.
  if (code == "un" || code == "xxx" || code.empty() || (code[0] >= '0' && code[0] <= '9')) {
    return {};
  }
  return std::string(code);
}

Cld2Result detect_with_cld2(std::string_view text, Cld2Chunks wanted) {
  Cld2Result result;
  const Cld2Input input(text);
  const std::string_view utf8 = input.text();
  if (utf8.empty()) {
    return result;
  }
  const CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  std::array<CLD2::Language, 3> languages{};
  std::array<int, 3> percents{};
  std::array<double, 3> scores{};
  CLD2::ResultChunkVector chunks;
  int text_bytes = 0;
  bool reliable = false;
  // The copy is valid, interchange-valid UTF-8 (cld2_accepts_its_copy_of): the
  // variant that checks it first would scan it once more for nothing.
  const CLD2::Language language = CLD2::ExtDetectLanguageSummary(
      utf8.data(), static_cast<int>(utf8.size()), true, &hints, CLD2::kCLDFlagBestEffort,
      languages.data(), percents.data(), scores.data(),
      wanted == Cld2Chunks::kWanted ? &chunks : nullptr, &text_bytes, &reliable);
  result.language = bcp47_of(language);
  for (const CLD2::ResultChunk& chunk : chunks) {
    result.chunks.push_back(Cld2Chunk{static_cast<std::size_t>(chunk.offset),
                                      static_cast<std::size_t>(chunk.bytes),
                                      bcp47_of(static_cast<CLD2::Language>(chunk.lang1))});
  }
  return result;
}

}  // namespace truce::text::detail
