#include "text/detail/cld2.hpp"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <array>
#include <climits>
#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <utility>

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

}  // namespace

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

Cld2Result detect_with_cld2(std::string_view utf8) {
  Cld2Result result;
  if (utf8.empty() || utf8.size() > static_cast<std::size_t>(INT_MAX)) {
    return result;
  }
  const CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  std::array<CLD2::Language, 3> languages{};
  std::array<int, 3> percents{};
  std::array<double, 3> scores{};
  CLD2::ResultChunkVector chunks;
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  const auto detect = [&](std::string_view text) {
    return CLD2::ExtDetectLanguageSummaryCheckUTF8(text.data(), static_cast<int>(text.size()), true,
                                                   &hints, CLD2::kCLDFlagBestEffort,
                                                   languages.data(), percents.data(), scores.data(),
                                                   &chunks, &text_bytes, &reliable, &valid_prefix);
  };
  CLD2::Language language = detect(utf8);
  if (valid_prefix >= 0 && static_cast<std::size_t>(valid_prefix) < utf8.size()) {
    chunks.clear();
    language = valid_prefix > 0 ? detect(utf8.substr(0, static_cast<std::size_t>(valid_prefix)))
                                : CLD2::UNKNOWN_LANGUAGE;
  }
  result.language = bcp47_of(language);
  for (const CLD2::ResultChunk& chunk : chunks) {
    result.chunks.push_back(Cld2Chunk{static_cast<std::size_t>(chunk.offset),
                                      static_cast<std::size_t>(chunk.bytes),
                                      bcp47_of(static_cast<CLD2::Language>(chunk.lang1))});
  }
  return result;
}

}  // namespace truce::text::detail
