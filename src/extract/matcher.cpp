#include "extract/matcher.hpp"

#include <hs.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "extract/detail/byte_trie.hpp"

namespace truce::extract {
namespace {

constexpr std::string_view kContext = "extract.matcher: compile";
constexpr std::string_view kPrefixCategory = "prefix";
constexpr std::string_view kSuffixCategory = "suffix";
constexpr std::string_view kOrderAttribute = "order";
constexpr std::string_view kGapAttribute = "gap";
constexpr std::string_view kGapPieceCategory = "gap_piece";
constexpr unsigned kMaxGapWords = 8;
// A rest further than this from its first word is not looked at (eight long words).
constexpr std::uint32_t kMaxGapBytesPerWord = 40;
// "وبال" is three prefixes (and, with, the); no language we read needs more.
constexpr std::size_t kMaxAffixesInChain = 3;
// Guards against data whose combinations would explode (many affixes of many orders).
constexpr std::size_t kMaxChainsPerLanguage = 100000;
constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();
constexpr char32_t kReplacementCharacter = 0xFFFD;

// --- UTF-8 and word characters --------------------------------------------------------------

struct Decoded {
  char32_t code_point = kReplacementCharacter;
  std::size_t length = 1;
};

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

Decoded decode_long(std::string_view text, std::size_t at);

// Invalid or truncated sequences decode as one replacement character per byte.
// The boundary checks decode a few characters per raw hit: ASCII and the
// two-byte letters of Arabic and Cyrillic are decoded inline, the rest out of line.
inline Decoded decode_at(std::string_view text, std::size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80U) {
    return {lead, 1};
  }
  if (lead >= 0xC2U && lead <= 0xDFU && at + 1 < text.size() &&
      is_continuation(static_cast<unsigned char>(text[at + 1]))) {
    return {((lead & 0x1FU) << 6U) | (static_cast<unsigned char>(text[at + 1]) & 0x3FU), 2};
  }
  return decode_long(text, at);
}

[[gnu::noinline]] Decoded decode_long(std::string_view text, std::size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t lowest = 0;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
    code_point = lead & 0x1FU;
    lowest = 0x80;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    code_point = lead & 0x0FU;
    lowest = 0x800;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    code_point = lead & 0x07U;
    lowest = 0x10000;
  } else {
    return {};
  }
  if (at + length > text.size()) {
    return {};
  }
  for (std::size_t i = 1; i < length; ++i) {
    auto byte = static_cast<unsigned char>(text[at + i]);
    if (!is_continuation(byte)) {
      return {};
    }
    code_point = (code_point << 6U) | (byte & 0x3FU);
  }
  bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < lowest || code_point > 0x10FFFF || surrogate) {
    return {};
  }
  return {code_point, length};
}

Decoded decode_before_long(std::string_view text, std::size_t at);

// The code point that ends at byte `at` (at > 0). ASCII and two-byte letters
// inline, the rest out of line, as in decode_at: every raw hit looks at least
// at the character before it.
inline Decoded decode_before(std::string_view text, std::size_t at) {
  const auto last = static_cast<unsigned char>(text[at - 1]);
  if (last < 0x80U) {
    return {last, 1};
  }
  if (at >= 2 && is_continuation(last)) {
    const auto lead = static_cast<unsigned char>(text[at - 2]);
    if (lead >= 0xC2U && lead <= 0xDFU) {
      return {((lead & 0x1FU) << 6U) | (last & 0x3FU), 2};
    }
  }
  return decode_before_long(text, at);
}

[[gnu::noinline]] Decoded decode_before_long(std::string_view text, std::size_t at) {
  std::size_t start = at - 1;
  while (start > 0 && at - start < 4 && is_continuation(static_cast<unsigned char>(text[start]))) {
    --start;
  }
  Decoded decoded = decode_at(text, start);
  if (start + decoded.length != at) {
    return {};
  }
  return decoded;
}

bool classify_word_char(char32_t code_point) {
  constexpr std::uint32_t kWordCategories = U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK;
  return (U_GET_GC_MASK(static_cast<UChar32>(code_point)) & kWordCategories) != 0;
}

// The Basic Multilingual Plane as a bit table, built once: the boundary checks
// classify several characters per raw hit, and Arabic text has a hit every few bytes.
class BmpWordChars {
 public:
  BmpWordChars() {
    for (char32_t code_point = 0; code_point < kSize; ++code_point) {
      if (classify_word_char(code_point)) {
        bits_[code_point / 64] |= std::uint64_t{1} << (code_point % 64);
      }
    }
  }
  bool contains(char32_t code_point) const {
    return ((bits_[code_point / 64] >> (code_point % 64)) & 1U) != 0;
  }
  static constexpr char32_t kSize = 0x10000;

 private:
  std::array<std::uint64_t, kSize / 64> bits_{};
};

// Built at start-up (64K lookups, about a millisecond) so the hot path has no guard to check.
const BmpWordChars kBmpWordChars;

// By two bytes as they lie in memory (one 16-bit load): how many of them a
// word character that starts at the first takes as each_boundary reads it, 1
// for an ASCII letter or digit and 2 for a two-byte word character (Arabic,
// Cyrillic); 0 for anything else (no word character, a longer or invalid
// sequence), which each_boundary decodes. One lookup per character of a word
// and no decoding; the entries of the ASCII and two-byte characters lie in
// 64 of the table's cache lines.
class WordCharPairs {
 public:
  WordCharPairs() {
    for (unsigned first = 0; first < 0x100U; ++first) {
      for (unsigned second = 0; second < 0x100U; ++second) {
        std::uint8_t length = 0;
        if (first < 0x80U) {
          length = kBmpWordChars.contains(first) ? 1 : 0;
        } else if (first >= 0xC2U && first <= 0xDFU && is_continuation(second)) {
          length = kBmpWordChars.contains(((first & 0x1FU) << 6U) | (second & 0x3FU)) ? 2 : 0;
        }
        const std::array<unsigned char, 2> bytes = {static_cast<unsigned char>(first),
                                                    static_cast<unsigned char>(second)};
        lengths_[detail::two_bytes_at(bytes.data())] = length;
      }
    }
  }
  // `bytes` must have two bytes to read.
  std::uint8_t word_char_length(const unsigned char* bytes) const {
    return lengths_[detail::two_bytes_at(bytes)];
  }

 private:
  std::array<std::uint8_t, 0x10000> lengths_{};
};

// After kBmpWordChars, which it reads (the same translation unit, so in this order).
const WordCharPairs kWordCharPairs;

// Letters, combining marks and decimal digits make up words; everything else separates them.
bool is_word_char(char32_t code_point) {
  return code_point < BmpWordChars::kSize ? kBmpWordChars.contains(code_point)
                                          : classify_word_char(code_point);
}

bool boundary_before(std::string_view text, std::size_t at) {
  return at == 0 || !is_word_char(decode_before(text, at).code_point);
}

bool boundary_after(std::string_view text, std::size_t at) {
  return at == text.size() || !is_word_char(decode_at(text, at).code_point);
}

bool all_word_chars(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    Decoded decoded = decode_at(text, at);
    if (!is_word_char(decoded.code_point)) {
      return false;
    }
    at += decoded.length;
  }
  return true;
}

// Where the run of word characters that ends at `at` starts; nullopt when it
// is longer than `limit` bytes (then no affix chain can be that long).
std::optional<std::size_t> word_run_start(std::string_view text, std::size_t at,
                                          std::size_t limit) {
  std::size_t start = at;
  while (start > 0) {
    Decoded previous = decode_before(text, start);
    if (!is_word_char(previous.code_point)) {
      break;
    }
    start -= previous.length;
    if (at - start > limit) {
      return std::nullopt;
    }
  }
  return start;
}

std::optional<std::size_t> word_run_end(std::string_view text, std::size_t at, std::size_t limit) {
  std::size_t end = at;
  while (end < text.size()) {
    Decoded next = decode_at(text, end);
    if (!is_word_char(next.code_point)) {
      break;
    }
    end += next.length;
    if (end - at > limit) {
      return std::nullopt;
    }
  }
  return end;
}

// --- affixes --------------------------------------------------------------------------------

// An affix chain of up to 16 bytes as two integers: looking one up after a raw
// hit inside a word is then a few integer comparisons, no memcmp.
struct PackedChain {
  static constexpr std::size_t kMaxBytes = 16;
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  std::size_t length = 0;
  friend bool operator==(const PackedChain&, const PackedChain&) = default;
};

PackedChain pack_chain(std::string_view bytes) {
  PackedChain packed;
  packed.length = bytes.size();
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::uint64_t byte = static_cast<unsigned char>(bytes[i]);
    if (i < 8) {
      packed.low |= byte << (8 * i);
    } else {
      packed.high |= byte << (8 * (i - 8));
    }
  }
  return packed;
}

// The bytes text[from, to) packed as pack_chain does (to - from <= 16). Each raw
// hit inside a word packs the letters between it and the word boundary, so they
// are read as one or two 64-bit loads that end at `to` (the text before it may
// be read, never the text after it) instead of one byte at a time.
PackedChain pack_span(std::string_view text, std::size_t from, std::size_t to) {
  const std::size_t length = to - from;
  if constexpr (std::endian::native == std::endian::little) {
    if (to >= sizeof(std::uint64_t) && length > 0) {
      std::uint64_t last = 0;  // text[to - 8, to): byte to - 8 + k in bits 8k
      std::memcpy(&last, text.data() + to - sizeof last, sizeof last);
      if (length <= 8) {
        return {last >> (8 * (8 - length)), 0, length};
      }
      std::uint64_t first = 0;
      std::memcpy(&first, text.data() + from, sizeof first);
      return {first, last >> (8 * (16 - length)), length};
    }
  }
  return pack_chain(text.substr(from, length));
}

// A fixed set of packed chains, looked up by open addressing: a lookup is a
// multiplication and one or two comparisons where a binary search over a
// language's few dozen chains took five or six.
class PackedChainSet {
 public:
  PackedChainSet() = default;
  explicit PackedChainSet(const std::vector<PackedChain>& chains) {
    if (chains.empty()) {
      return;
    }
    while ((std::size_t{1} << bits_) < 2 * chains.size()) {
      ++bits_;
    }
    slots_.assign(std::size_t{1} << bits_, PackedChain{0, 0, kEmpty});
    for (const PackedChain& chain : chains) {
      std::size_t slot = slot_of(chain);
      while (slots_[slot].length != kEmpty && !(slots_[slot] == chain)) {
        slot = (slot + 1) & (slots_.size() - 1);
      }
      slots_[slot] = chain;
    }
  }

  bool contains(const PackedChain& chain) const {
    if (slots_.empty()) {
      return false;
    }
    for (std::size_t slot = slot_of(chain);; slot = (slot + 1) & (slots_.size() - 1)) {
      if (slots_[slot] == chain) {
        return true;
      }
      if (slots_[slot].length == kEmpty) {
        return false;
      }
    }
  }

 private:
  static constexpr std::size_t kEmpty = std::numeric_limits<std::size_t>::max();

  std::size_t slot_of(const PackedChain& chain) const {
    const std::uint64_t mixed =
        (chain.low ^ (chain.high * 0xC2B2AE3D27D4EB4FULL) ^ chain.length) * 0x9E3779B97F4A7C15ULL;
    return bits_ == 0 ? 0 : static_cast<std::size_t>(mixed >> (64 - bits_));
  }

  unsigned bits_ = 0;
  std::vector<PackedChain> slots_;  // length kEmpty: a free slot
};

using detail::ByteTrie;

// Every chain of a language's prefixes (or suffixes) that may stand between a
// phrase and the word boundary.
struct AffixChains {
  PackedChainSet short_within_word;           // letters only, up to 16 bytes
  std::vector<std::string> long_within_word;  // letters only, longer; sorted
  std::size_t longest_within_word = 0;
  std::vector<std::string> mixed;  // with a non-word character ("'s"), longest first

  // Whether text[from, to) is one of the chains within a word.
  bool has_within_word(std::string_view text, std::size_t from, std::size_t to) const {
    if (to - from <= PackedChain::kMaxBytes) {
      return short_within_word.contains(pack_span(text, from, to));
    }
    return std::binary_search(long_within_word.begin(), long_within_word.end(),
                              text.substr(from, to - from), std::less<>());
  }
};

struct Morphology {
  AffixChains prefixes;
  AffixChains suffixes;
};

struct Affix {
  std::string_view form;
  unsigned order = 0;  // 0: stands alone, never chained
};

// "ar/claims.tsv:12: event 'فتح* النار'", as the lexicon's own errors begin.
std::string where(const LexiconEntry& entry) {
  return entry.file + ":" + std::to_string(entry.line) + ": " + entry.category + " '" +
         entry.phrase + "'";
}

Result<unsigned> affix_order(const LexiconEntry& entry) {
  if (!entry.has_attribute(kOrderAttribute)) {
    return 0U;
  }
  std::string_view text = entry.attribute(kOrderAttribute);
  unsigned order = 0;
  bool digits_only =
      !text.empty() && text.size() <= 3 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits_only) {
    for (char c : text) {
      order = order * 10 + static_cast<unsigned>(c - '0');
    }
  }
  if (order == 0) {
    return make_error(ErrorCode::kInvalidInput,
                      where(entry) + ": attribute 'order' must be a positive integer, not '" +
                          std::string(text) + "'",
                      std::string(kContext));
  }
  return order;
}

// Chains of affixes with strictly increasing order, written left to right.
void extend_chains(const std::vector<Affix>& ordered, std::size_t next, unsigned last_order,
                   std::size_t depth, std::string& chain, std::vector<std::string>& chains) {
  for (std::size_t i = next; i < ordered.size() && chains.size() < kMaxChainsPerLanguage; ++i) {
    if (ordered[i].order <= last_order) {
      continue;
    }
    std::size_t kept = chain.size();
    chain += ordered[i].form;
    chains.push_back(chain);
    if (depth + 1 < kMaxAffixesInChain) {
      extend_chains(ordered, i + 1, ordered[i].order, depth + 1, chain, chains);
    }
    chain.resize(kept);
  }
}

Result<std::vector<std::string>> build_chains(const std::vector<Affix>& affixes,
                                              std::string_view language,
                                              std::string_view category) {
  std::vector<std::string> chains;
  std::vector<Affix> ordered;
  for (const Affix& affix : affixes) {
    if (affix.order == 0) {
      chains.emplace_back(affix.form);
    } else {
      ordered.push_back(affix);
    }
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Affix& a, const Affix& b) { return a.order < b.order; });
  std::string chain;
  extend_chains(ordered, 0, 0, 0, chain, chains);
  if (chains.size() >= kMaxChainsPerLanguage) {
    return make_error(ErrorCode::kInvalidInput,
                      "the " + std::string(category) + "es of language '" + std::string(language) +
                          "' combine into more than " + std::to_string(kMaxChainsPerLanguage) +
                          " chains; give fewer of them an 'order'",
                      std::string(kContext));
  }
  return chains;
}

// Indexes chains for the lookups after a raw hit.
AffixChains index_chains(std::vector<std::string> chains) {
  AffixChains result;
  std::vector<PackedChain> short_within_word;
  for (std::string& each : chains) {
    if (!all_word_chars(each)) {
      result.mixed.push_back(std::move(each));
      continue;
    }
    result.longest_within_word = std::max(result.longest_within_word, each.size());
    if (each.size() <= PackedChain::kMaxBytes) {
      short_within_word.push_back(pack_chain(each));
    } else {
      result.long_within_word.push_back(std::move(each));
    }
  }
  result.short_within_word = PackedChainSet(short_within_word);
  std::sort(result.long_within_word.begin(), result.long_within_word.end());
  result.long_within_word.erase(
      std::unique(result.long_within_word.begin(), result.long_within_word.end()),
      result.long_within_word.end());
  std::sort(result.mixed.begin(), result.mixed.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() != b.size() ? a.size() > b.size() : a < b;
            });
  result.mixed.erase(std::unique(result.mixed.begin(), result.mixed.end()), result.mixed.end());
  return result;
}

// --- match tables ---------------------------------------------------------------------------

// Index 0 is "no language": such entries get no affixes.
using LanguageIndex = std::uint32_t;
constexpr LanguageIndex kNoLanguage = std::numeric_limits<LanguageIndex>::max();

struct PatternEntry {
  std::uint32_t entry = 0;
  LanguageIndex language = 0;
  bool stem = false;
};

// One Hyperscan pattern: a distinct phrase, shared by all the entries that write it.
struct Pattern {
  std::uint32_t length = 0;       // of a literal; the start of a match is its end minus this
  bool variable_length = false;   // a phrase with inner stems: Hyperscan reports the start
  std::uint32_t stem_phrase = 0;  // of a variable-length pattern, into MatchTables::stem_phrases
  std::uint32_t first_entry = 0;  // into MatchTables::pattern_entries
  std::uint32_t entry_count = 0;
  bool word_char_first = true;  // a phrase that starts with punctuation needs no boundary there
  bool word_char_last = true;
};

// Phrases that start with a word character (all but a handful) can only match
// at a word start or right after a prefix chain that starts a word (or a chain
// with punctuation, "mixed", after a boundary): one pass over the word starts
// looks the phrases up there and hands each hit to the same checks as a
// Hyperscan hit (collect_matches). As Hyperscan literals, the short ones ("on",
// a one-letter conjunction) made a raw hit every few bytes, nearly all thrown
// away by the boundary checks, and the eleven thousand others cost more to
// scan for than the walks at word starts (MatcherOptions).
struct ShortPhrases {
  // The value is the pattern, or kGroup and the index of the group of patterns
  // found by the key (phrases with inner stems by their first piece).
  ByteTrie phrases;
  static constexpr std::uint32_t kGroup = 1U << 31U;
  std::vector<std::vector<std::uint32_t>> groups;
  ByteTrie prefix_chains;  // every language's prefix chains within a word
  AffixChains prefixes;    // the same chains and the mixed ones, as find_word_begin reads them
  // What must follow the phrase for a pattern to match at all, per pattern.
  enum class After : std::uint8_t {
    kAnything,          // a stem, a suffix chain that may start inside a letter's bytes...
    kBoundary,          // a word boundary
    kBoundaryOrSuffix,  // a boundary, or a suffix chain within a word that ends at one
  };
  std::vector<After> after;
  ByteTrie suffix_chains;  // every language's suffix chains within a word

  // Whether a hit of the pattern that ends at `end` can pass find_word_end for
  // any of its entries; the hits of the first letters of longer words cannot.
  bool may_end_there(std::string_view text, std::uint32_t pattern, std::size_t end) const {
    const After needed = after[pattern];
    if (needed == After::kAnything || boundary_after(text, end)) {
      return true;
    }
    if (needed == After::kBoundary) {
      return false;
    }
    bool found = false;
    suffix_chains.each_key_at(text, end, [&](std::size_t chain_end, std::uint32_t) {
      found = found || boundary_after(text, chain_end);
    });
    return found;
  }

  bool empty() const { return phrases.empty(); }
};

struct MatchTables {
  std::vector<Pattern> patterns;
  std::vector<PatternEntry> pattern_entries;  // grouped by pattern, then by language and stem
  std::vector<std::string> stem_phrases;      // phrases with inner stem marks
  std::vector<Morphology> languages;
  ShortPhrases short_phrases;  // found without Hyperscan
};

// text.substr(at, chain.size()) == chain (at <= text.size()), its first byte
// compared inline: a mixed chain ("'s") is tried after every raw hit and
// rarely starts there, and a full comparison was a call to memcmp.
bool chain_at(std::string_view text, std::size_t at, std::string_view chain) {
  return chain.empty() ||
         (at < text.size() && text[at] == chain.front() && text.substr(at, chain.size()) == chain);
}

std::optional<std::size_t> find_word_begin(std::string_view text, std::size_t begin,
                                           const AffixChains& prefixes) {
  bool at_boundary = boundary_before(text, begin);
  if (!at_boundary && prefixes.longest_within_word > 0) {
    std::optional<std::size_t> start = word_run_start(text, begin, prefixes.longest_within_word);
    if (start && prefixes.has_within_word(text, *start, begin)) {
      return start;
    }
  }
  for (const std::string& chain : prefixes.mixed) {
    if (chain.size() <= begin && chain_at(text, begin - chain.size(), chain) &&
        boundary_before(text, begin - chain.size())) {
      return begin - chain.size();
    }
  }
  return at_boundary ? std::optional<std::size_t>(begin) : std::nullopt;
}

std::optional<std::size_t> find_word_end(std::string_view text, std::size_t end,
                                         const AffixChains& suffixes) {
  bool at_boundary = boundary_after(text, end);
  if (!at_boundary && suffixes.longest_within_word > 0) {
    std::optional<std::size_t> run_end = word_run_end(text, end, suffixes.longest_within_word);
    if (run_end && suffixes.has_within_word(text, end, *run_end)) {
      return run_end;
    }
  }
  for (const std::string& chain : suffixes.mixed) {
    if (chain_at(text, end, chain) && boundary_after(text, end + chain.size())) {
      return end + chain.size();
    }
  }
  return at_boundary ? std::optional<std::size_t>(end) : std::nullopt;
}

// A '*' that ends a word inside a phrase: that word may run on ("удар* с").
bool is_inner_stem_mark(std::string_view phrase, std::size_t at) {
  return phrase[at] == '*' && at > 0 && phrase[at - 1] != ' ' && phrase[at - 1] != '*' &&
         at + 1 < phrase.size() && phrase[at + 1] == ' ';
}

std::size_t inner_stem_marks(std::string_view phrase) {
  std::size_t marks = 0;
  for (std::size_t at = phrase.find('*'); at != std::string_view::npos;
       at = phrase.find('*', at + 1)) {
    marks += is_inner_stem_mark(phrase, at) ? 1 : 0;
  }
  return marks;
}

bool has_inner_stem(std::string_view phrase) {
  return inner_stem_marks(phrase) > 0;
}

// A byte that may belong to a word character: an ASCII letter or digit, any
// byte of a multi-byte character. A stem mark in a phrase runs on over these
// (Hyperscan's own Unicode classes make expressions too large); the runs are
// checked afterwards (matches_with_stems).
bool is_stem_run_byte(unsigned char byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= '0' && byte <= '9') || byte >= 0x80U;
}

// The Hyperscan expression of a phrase with inner stems, over bytes: the phrase
// as a literal, each stem mark a run of is_stem_run_byte bytes.
std::string stem_expression(std::string_view phrase) {
  constexpr std::string_view kWordBytes = "[0-9A-Za-z\\x80-\\xff]*";
  constexpr std::string_view kHexDigits = "0123456789abcdef";
  std::string expression;
  for (std::size_t at = 0; at < phrase.size(); ++at) {
    auto byte = static_cast<unsigned char>(phrase[at]);
    if (is_inner_stem_mark(phrase, at)) {
      expression += kWordBytes;
    } else if (is_stem_run_byte(byte) && byte < 0x80U) {
      expression += phrase[at];
    } else {
      expression += "\\x";
      expression += kHexDigits[byte >> 4U];
      expression += kHexDigits[byte & 0x0FU];
    }
  }
  return expression;
}

// The part of a phrase with inner stems before its first stem mark.
std::string_view first_stem_piece(std::string_view phrase) {
  for (std::size_t at = 0; at < phrase.size(); ++at) {
    if (is_inner_stem_mark(phrase, at)) {
      return phrase.substr(0, at);
    }
  }
  return phrase;
}

// Where the stem expression of `phrase` matches from `begin` on, as Hyperscan
// reports it, given that its first piece does (text[begin, piece_end)): each
// stem mark takes the run of stem-run bytes, which ends where a piece (that
// starts with a space) must begin, so the end is unique. Hyperscan reports one
// start per end, the leftmost: when the first piece also starts earlier and
// the run after it takes in this start's first piece, the match from there
// ends at the same place and is the one reported, not this one. (That holds
// for a first piece of stem-run bytes, or a phrase with one stem mark; the
// others stay in Hyperscan.)
std::optional<std::size_t> stem_match_end(std::string_view text, std::size_t begin,
                                          std::size_t piece_end, std::string_view phrase) {
  const auto run_byte = [&](std::size_t at) {
    return is_stem_run_byte(static_cast<unsigned char>(text[at]));
  };
  const std::string_view first = text.substr(begin, piece_end - begin);
  std::size_t run_begin = piece_end;  // of the stem-run bytes the first piece ends with
  while (run_begin > 0 && run_byte(run_begin - 1)) {
    --run_begin;
  }
  for (std::size_t earlier = run_begin > first.size() ? run_begin - first.size() : 0;
       earlier < begin; ++earlier) {
    if (text[earlier] == first.front() && text.substr(earlier, first.size()) == first) {
      return std::nullopt;
    }
  }
  std::size_t at = piece_end;
  std::size_t from = first.size();
  while (from < phrase.size()) {
    from += 1;  // the stem mark
    while (at < text.size() && run_byte(at)) {
      ++at;
    }
    std::size_t mark = from;
    while (mark < phrase.size() && !is_inner_stem_mark(phrase, mark)) {
      ++mark;
    }
    const std::string_view piece = phrase.substr(from, mark - from);
    if (text.substr(at, piece.size()) != piece) {
      return std::nullopt;
    }
    at += piece.size();
    from = mark;
  }
  return at;
}

// Whether text[begin, end) is the phrase with each inner stem run on over word
// characters only. (When the leftmost start fails this, a later one is not tried.)
bool matches_with_stems(std::string_view text, std::size_t begin, std::size_t end,
                        std::string_view phrase) {
  std::size_t at = begin;
  std::size_t from = 0;
  while (true) {
    std::size_t mark = from;
    while (mark < phrase.size() && !is_inner_stem_mark(phrase, mark)) {
      ++mark;
    }
    std::string_view piece = phrase.substr(from, mark - from);
    if (text.substr(at, piece.size()) != piece) {
      return false;
    }
    at += piece.size();
    if (mark == phrase.size()) {
      return at == end;
    }
    at = *word_run_end(text, at, kNoLimit);
    from = mark + 1;
  }
}

// Turns one raw Hyperscan hit into the matches of its entries that respect word boundaries.
void collect_matches(const MatchTables& tables, std::string_view text, std::uint32_t pattern_id,
                     std::size_t start_of_match, std::size_t end, std::vector<Match>& matches) {
  const Pattern& pattern = tables.patterns[pattern_id];
  std::size_t begin = pattern.variable_length ? start_of_match : end - pattern.length;
  if (pattern.variable_length &&
      !matches_with_stems(text, begin, end, tables.stem_phrases[pattern.stem_phrase])) {
    return;
  }
  // Entries are grouped by language and stem, so each side is worked out once per group.
  LanguageIndex left_language = kNoLanguage;
  LanguageIndex right_language = kNoLanguage;
  bool right_stem = false;
  std::optional<std::size_t> word_begin;
  std::optional<std::size_t> word_end;
  for (std::uint32_t i = 0; i < pattern.entry_count; ++i) {
    const PatternEntry& candidate = tables.pattern_entries[pattern.first_entry + i];
    const Morphology& morphology = tables.languages[candidate.language];
    if (candidate.language != left_language) {
      left_language = candidate.language;
      word_begin = pattern.word_char_first ? find_word_begin(text, begin, morphology.prefixes)
                                           : std::optional<std::size_t>(begin);
    }
    if (!word_begin) {
      continue;
    }
    if (candidate.language != right_language || candidate.stem != right_stem) {
      right_language = candidate.language;
      right_stem = candidate.stem;
      if (candidate.stem) {
        word_end = word_run_end(text, end, kNoLimit);
      } else {
        word_end = pattern.word_char_last ? find_word_end(text, end, morphology.suffixes)
                                          : std::optional<std::size_t>(end);
      }
    }
    if (!word_end) {
      continue;
    }
    matches.push_back(
        Match{candidate.entry, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
              static_cast<std::uint32_t>(*word_begin), static_cast<std::uint32_t>(*word_end)});
  }
}

bool canonical_order(const Match& a, const Match& b) {
  if (a.begin != b.begin) {
    return a.begin < b.begin;
  }
  if (a.end != b.end) {
    return a.end > b.end;
  }
  if (a.entry != b.entry) {
    return a.entry < b.entry;
  }
  return std::pair(a.word_begin, a.word_end) < std::pair(b.word_begin, b.word_end);
}

// --- Hyperscan resources --------------------------------------------------------------------

struct DatabaseDeleter {
  void operator()(hs_database_t* database) const { hs_free_database(database); }
};
struct ScratchDeleter {
  void operator()(hs_scratch_t* scratch) const { hs_free_scratch(scratch); }
};
using DatabasePtr = std::unique_ptr<hs_database_t, DatabaseDeleter>;
using ScratchPtr = std::unique_ptr<hs_scratch_t, ScratchDeleter>;

// A Hyperscan scratch space serves one scan at a time. Concurrent scans each
// borrow one from this pool, which clones the prototype when none is idle; so
// steady-state scans allocate nothing, the pool grows to the highest number of
// concurrent scans, and it dies with its matcher (no thread_local state that
// could outlive the database).
class ScratchPool {
 public:
  explicit ScratchPool(ScratchPtr prototype) : prototype_(std::move(prototype)) {}

  ScratchPtr acquire() {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      ScratchPtr scratch = std::move(idle_.back());
      idle_.pop_back();
      return scratch;
    }
    hs_scratch_t* clone = nullptr;
    if (hs_clone_scratch(prototype_.get(), &clone) != HS_SUCCESS) {
      throw std::bad_alloc();
    }
    return ScratchPtr(clone);
  }

  void release(ScratchPtr scratch) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(scratch));
  }

 private:
  ScratchPtr prototype_;
  std::mutex mutex_;
  std::vector<ScratchPtr> idle_;
};

class ScratchLease {
 public:
  explicit ScratchLease(ScratchPool& pool) : pool_(pool), scratch_(pool.acquire()) {}
  ~ScratchLease() { pool_.release(std::move(scratch_)); }
  ScratchLease(const ScratchLease&) = delete;
  ScratchLease& operator=(const ScratchLease&) = delete;
  hs_scratch_t* get() const { return scratch_.get(); }

 private:
  ScratchPool& pool_;
  ScratchPtr scratch_;
};

// Hyperscan reports hits by end offset, so a new match belongs at most a few
// places before the end in canonical order: insertion keeps each database's run
// of matches sorted for the price of a few swaps, where sorting half a million
// matches of a 10 MB text would cost a tenth of the scan. A match that would
// travel further switches the run to one sort at the end.
constexpr std::size_t kMaxInsertionDistance = 64;

struct ScanState {
  const MatchTables& tables;
  std::string_view text;
  std::vector<Match>& matches;
  std::size_t run_start = 0;  // the current database's first match
  bool run_sorted = true;
  std::exception_ptr failure;  // exceptions must not unwind through Hyperscan's C frames

  // Adds the matches of a raw hit of the pattern at text[from, to), keeping the run in order.
  void collect(std::uint32_t pattern_id, std::size_t from, std::size_t to) {
    const std::size_t before = matches.size();
    collect_matches(tables, text, pattern_id, from, to, matches);
    for (std::size_t added = before; added < matches.size() && run_sorted; ++added) {
      insert_in_order(added);
    }
  }

  // Moves matches[at] back to its place among matches[run_start, at).
  void insert_in_order(std::size_t at) {
    for (std::size_t moved = 0; at > run_start && canonical_order(matches[at], matches[at - 1]);
         ++moved, --at) {
      if (moved == kMaxInsertionDistance) {
        run_sorted = false;
        return;
      }
      std::swap(matches[at], matches[at - 1]);
    }
  }

  // Sorts the run if insertion gave up, then merges it with the runs before.
  void finish_run() {
    auto run = matches.begin() + static_cast<std::ptrdiff_t>(run_start);
    if (!run_sorted) {
      std::sort(run, matches.end(), canonical_order);
    }
    std::inplace_merge(matches.begin(), run, matches.end(), canonical_order);
    run_start = matches.size();
    run_sorted = true;
  }
};

int on_hit(unsigned int id, unsigned long long from, unsigned long long to, unsigned int /*flags*/,
           void* context) {
  auto* state = static_cast<ScanState*>(context);
  try {
    state->collect(id, static_cast<std::size_t>(from), static_cast<std::size_t>(to));
  } catch (...) {
    state->failure = std::current_exception();
    return 1;  // stop scanning
  }
  return 0;
}

// A raw hit of the pattern's key at text[begin, end): its phrase, or the first
// piece of its phrase with inner stems.
void found_key(const ShortPhrases& shorts, ScanState& state, std::uint32_t pattern_id,
               std::size_t begin, std::size_t end) {
  const Pattern& pattern = state.tables.patterns[pattern_id];
  if (pattern.variable_length) {
    const std::string_view phrase = state.tables.stem_phrases[pattern.stem_phrase];
    if (std::optional<std::size_t> stem_end = stem_match_end(state.text, begin, end, phrase)) {
      state.collect(pattern_id, begin, *stem_end);
    }
    return;
  }
  // Most raw hits are the first letters of a longer word; this spares them collect_matches.
  if (shorts.may_end_there(state.text, pattern_id, end)) {
    state.collect(pattern_id, begin, end);
  }
}

void find_short_phrases_at(const ShortPhrases& shorts, ScanState& state, std::size_t begin) {
  shorts.phrases.each_key_at(state.text, begin, [&](std::size_t end, std::uint32_t value) {
    if ((value & ShortPhrases::kGroup) == 0) {
      found_key(shorts, state, value, begin, end);
      return;
    }
    for (std::uint32_t pattern_id : shorts.groups[value & ~ShortPhrases::kGroup]) {
      found_key(shorts, state, pattern_id, begin, end);
    }
  });
}

// At a word start: the short phrases there and after each prefix chain there.
[[gnu::noinline]] void find_short_phrases_in_word(const ShortPhrases& shorts, ScanState& state,
                                                  std::size_t start) {
  find_short_phrases_at(shorts, state, start);
  shorts.prefix_chains.each_key_at(state.text, start, [&](std::size_t end, std::uint32_t) {
    find_short_phrases_at(shorts, state, end);
  });
}

// Calls visit(at, word) at every character that starts the text or follows a
// non-word character; `word`: whether it is a word character itself. Walking
// forward reaches every byte that is not a continuation byte, and there the
// character before it is the one boundary_before decodes. The loop runs once
// per character, so it is kept apart from the work at the places it finds.
// decode_at is spelled out for ASCII and two-byte characters (the compiler
// would not inline it here).
template <typename Visit>
void each_boundary(std::string_view text, Visit&& visit) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  bool word_before = false;
  for (std::size_t at = 0; at < size;) {
    // Inside a word nothing is visited: its ASCII and two-byte word characters
    // are passed over with one lookup each; the character after them is
    // decoded below.
    if (word_before) {
      while (at + 1 < size) {
        const std::uint8_t length = kWordCharPairs.word_char_length(bytes + at);
        if (length == 0) {
          break;
        }
        at += length;
      }
      if (at == size) {
        break;
      }
    }
    const unsigned lead = bytes[at];
    bool word = false;
    std::size_t length = 1;
    if (lead < 0x80U) {
      word = kBmpWordChars.contains(lead);
    } else if (lead >= 0xC2U && lead <= 0xDFU && at + 1 < size && is_continuation(bytes[at + 1])) {
      word = kBmpWordChars.contains(((lead & 0x1FU) << 6U) | (bytes[at + 1] & 0x3FU));
      length = 2;
    } else {
      const Decoded decoded = decode_long(text, at);
      word = is_word_char(decoded.code_point);
      length = decoded.length;
    }
    if (!word_before) {
      visit(at, word);
    }
    word_before = word;
    at += length;
  }
}

// Every place where a raw hit of a short phrase could pass find_word_begin: a
// word start, the end of a prefix chain within a word that starts at a word
// start, or the end of a mixed chain that starts at a boundary. (Out of line:
// inside scan the walk's variables lived on the stack.)
[[gnu::noinline]] void find_short_phrases(const ShortPhrases& shorts, ScanState& state) {
  const std::string_view text = state.text;
  each_boundary(text, [&](std::size_t at, bool word) {
    if (word) {
      find_short_phrases_in_word(shorts, state, at);
    }
  });
  const std::vector<std::string>& mixed = shorts.prefixes.mixed;
  if (mixed.empty()) {
    return;
  }
  std::vector<std::size_t> after_mixed;
  each_boundary(text, [&](std::size_t at, bool) {
    for (const std::string& chain : mixed) {
      if (chain_at(text, at, chain)) {
        after_mixed.push_back(at + chain.size());
      }
    }
  });
  // A place after a mixed chain may also be one of the places above; each is looked at once.
  std::sort(after_mixed.begin(), after_mixed.end());
  after_mixed.erase(std::unique(after_mixed.begin(), after_mixed.end()), after_mixed.end());
  const AffixChains& prefixes = shorts.prefixes;
  for (std::size_t begin : after_mixed) {
    if (begin >= text.size()) {
      continue;
    }
    bool seen = false;
    if (boundary_before(text, begin)) {
      seen = is_word_char(decode_at(text, begin).code_point);
    } else {
      std::optional<std::size_t> start = word_run_start(text, begin, prefixes.longest_within_word);
      seen = start && prefixes.has_within_word(text, *start, begin);
    }
    if (!seen) {
      find_short_phrases_at(shorts, state, begin);
    }
  }
}

std::string describe(const LexiconEntry& entry) {
  return entry.category + " '" + entry.phrase + "' (" + entry.file + ":" +
         std::to_string(entry.line) + ")";
}

// Language indices and per-language affix chains; `every_prefix_chain` and
// `every_suffix_chain` get the chains of all languages together.
Result<std::vector<Morphology>> build_morphology(const Lexicon& lexicon,
                                                 std::vector<LanguageIndex>& entry_language,
                                                 std::vector<std::string>& every_prefix_chain,
                                                 std::vector<std::string>& every_suffix_chain) {
  std::map<std::string, LanguageIndex, std::less<>> index_of{{"", 0}};
  std::vector<std::vector<Affix>> prefixes(1);
  std::vector<std::vector<Affix>> suffixes(1);
  entry_language.reserve(lexicon.size());
  for (const LexiconEntry& entry : lexicon.entries()) {
    auto [it, inserted] = index_of.try_emplace(entry.language, index_of.size());
    if (inserted) {
      prefixes.emplace_back();
      suffixes.emplace_back();
    }
    entry_language.push_back(it->second);
    bool prefix = entry.category == kPrefixCategory;
    if (!prefix && entry.category != kSuffixCategory) {
      continue;
    }
    if (entry.language.empty()) {
      return make_error(ErrorCode::kInvalidInput,
                        describe(entry) + ": affixes belong to a language, this one has none",
                        std::string(kContext));
    }
    Result<unsigned> order = affix_order(entry);
    if (!order) {
      return std::move(order).error();
    }
    if (!entry.phrase.empty()) {
      (prefix ? prefixes : suffixes)[it->second].push_back(Affix{entry.phrase, *order});
    }
  }

  std::vector<Morphology> languages(index_of.size());
  for (const auto& [language, index] : index_of) {
    Result<std::vector<std::string>> prefix_chains =
        build_chains(prefixes[index], language, kPrefixCategory);
    if (!prefix_chains) {
      return std::move(prefix_chains).error();
    }
    Result<std::vector<std::string>> suffix_chains =
        build_chains(suffixes[index], language, kSuffixCategory);
    if (!suffix_chains) {
      return std::move(suffix_chains).error();
    }
    every_prefix_chain.insert(every_prefix_chain.end(), prefix_chains->begin(),
                              prefix_chains->end());
    every_suffix_chain.insert(every_suffix_chain.end(), suffix_chains->begin(),
                              suffix_chains->end());
    languages[index] = {index_chains(std::move(prefix_chains).value()),
                        index_chains(std::move(suffix_chains).value())};
  }
  return languages;
}

// What Hyperscan compiles: literals, and expressions for phrases with inner stems.
struct PatternSources {
  std::vector<const char*> literals;
  std::vector<std::size_t> literal_lengths;
  std::vector<unsigned> literal_ids;
  std::vector<std::string> stem_expressions;
  std::vector<unsigned> stem_ids;
  std::vector<std::string_view> short_phrases;  // found without Hyperscan
  std::vector<unsigned> short_ids;
  std::vector<std::string_view> short_stem_starts;  // first pieces of phrases with inner stems
  std::vector<unsigned> short_stem_ids;             // found without Hyperscan
};

std::size_t character_count(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); at += decode_at(text, at).length) {
    ++count;
  }
  return count;
}

// Short phrases need every place a prefix chain can end to be reachable from a
// word start; a chain that starts inside a character (not valid UTF-8) would
// not be, and then every phrase goes to Hyperscan.
bool chains_start_characters(const std::vector<std::string>& chains) {
  return std::none_of(chains.begin(), chains.end(), [](const std::string& chain) {
    return chain.empty() || is_continuation(static_cast<unsigned char>(chain.front()));
  });
}

// Fills the tables' patterns, one per distinct phrase, each with all its entries.
// Literals of up to `short_characters` characters that start with a word
// character become short phrases, and so do phrases with inner stems whose
// first piece is that short (found by that piece; see stem_match_end).
PatternSources build_patterns(const Lexicon& lexicon,
                              const std::vector<LanguageIndex>& entry_language,
                              std::size_t short_characters, MatchTables& tables) {
  PatternSources sources;
  std::unordered_map<std::string_view, std::uint32_t> pattern_of_phrase;
  std::vector<std::pair<std::uint32_t, PatternEntry>> grouped;
  const std::vector<LexiconEntry>& entries = lexicon.entries();
  for (std::uint32_t index = 0; index < entries.size(); ++index) {
    const LexiconEntry& entry = entries[index];
    // Affixes are read by the code around phrases, and words marked `lookup`
    // ("in" of `locative`) only where the code looks for them: scanning for
    // such frequent words everywhere would cost more than the few places
    // that need them.
    if (entry.phrase.empty() || entry.category == kPrefixCategory ||
        entry.category == kSuffixCategory || entry.has_attribute("lookup")) {
      continue;
    }
    auto [it, inserted] = pattern_of_phrase.try_emplace(
        entry.phrase, static_cast<std::uint32_t>(tables.patterns.size()));
    if (inserted) {
      Pattern pattern;
      pattern.length = static_cast<std::uint32_t>(entry.phrase.size());
      pattern.variable_length = has_inner_stem(entry.phrase);
      pattern.word_char_first = is_word_char(decode_at(entry.phrase, 0).code_point);
      pattern.word_char_last =
          is_word_char(decode_before(entry.phrase, entry.phrase.size()).code_point);
      const std::string_view stem_start = first_stem_piece(entry.phrase);
      if (pattern.variable_length) {
        pattern.stem_phrase = static_cast<std::uint32_t>(tables.stem_phrases.size());
        tables.stem_phrases.push_back(entry.phrase);
      }
      const bool stem_start_is_run =
          std::all_of(stem_start.begin(), stem_start.end(),
                      [](char byte) { return is_stem_run_byte(static_cast<unsigned char>(byte)); });
      if (pattern.variable_length && pattern.word_char_first &&
          (stem_start_is_run || inner_stem_marks(entry.phrase) == 1) &&
          character_count(stem_start) <= short_characters) {
        sources.short_stem_starts.push_back(stem_start);
        sources.short_stem_ids.push_back(it->second);
      } else if (pattern.variable_length) {
        sources.stem_expressions.push_back(stem_expression(entry.phrase));
        sources.stem_ids.push_back(it->second);
      } else if (pattern.word_char_first && character_count(entry.phrase) <= short_characters) {
        sources.short_phrases.push_back(entry.phrase);
        sources.short_ids.push_back(it->second);
      } else {
        sources.literals.push_back(entry.phrase.data());
        sources.literal_lengths.push_back(entry.phrase.size());
        sources.literal_ids.push_back(it->second);
      }
      tables.patterns.push_back(pattern);
    }
    grouped.emplace_back(it->second, PatternEntry{index, entry_language[index], entry.stem});
  }

  std::sort(grouped.begin(), grouped.end(), [](const auto& a, const auto& b) {
    return std::tuple(a.first, a.second.language, a.second.stem, a.second.entry) <
           std::tuple(b.first, b.second.language, b.second.stem, b.second.entry);
  });
  tables.pattern_entries.reserve(grouped.size());
  for (const auto& [pattern_id, pattern_entry] : grouped) {
    Pattern& pattern = tables.patterns[pattern_id];
    if (pattern.entry_count == 0) {
      pattern.first_entry = static_cast<std::uint32_t>(tables.pattern_entries.size());
    }
    ++pattern.entry_count;
    tables.pattern_entries.push_back(pattern_entry);
  }
  return sources;
}

// What must follow a pattern's phrase for find_word_end to let any of its
// entries match. A suffix chain of any language stands for those of the
// entries' languages: the test only has to let every real match through.
ShortPhrases::After needed_after(const MatchTables& tables, const Pattern& pattern) {
  using After = ShortPhrases::After;
  if (!pattern.word_char_last) {
    return After::kAnything;
  }
  After needed = After::kBoundary;
  for (std::uint32_t i = 0; i < pattern.entry_count; ++i) {
    const PatternEntry& entry = tables.pattern_entries[pattern.first_entry + i];
    const AffixChains& suffixes = tables.languages[entry.language].suffixes;
    if (entry.stem) {
      return After::kAnything;
    }
    // A mixed chain that starts with a whole non-word character cannot start
    // where a word character does; any other might.
    for (const std::string& chain : suffixes.mixed) {
      const Decoded first = decode_at(chain, 0);
      const bool whole = first.length > 1 || static_cast<unsigned char>(chain.front()) < 0x80U;
      if (!whole || is_word_char(first.code_point)) {
        return After::kAnything;
      }
    }
    if (suffixes.longest_within_word > 0) {
      needed = After::kBoundaryOrSuffix;
    }
  }
  return needed;
}

ShortPhrases build_short_phrases(const PatternSources& sources, const MatchTables& tables,
                                 std::vector<std::string> prefix_chains,
                                 const std::vector<std::string>& suffix_chains) {
  ShortPhrases shorts;
  shorts.after.resize(tables.patterns.size(), ShortPhrases::After::kAnything);
  for (unsigned id : sources.short_ids) {
    shorts.after[id] = needed_after(tables, tables.patterns[id]);
  }
  std::vector<std::pair<std::string_view, std::uint32_t>> suffixes_within_word;
  for (const std::string& chain : suffix_chains) {
    if (all_word_chars(chain)) {
      suffixes_within_word.emplace_back(chain, 0);
    }
  }
  shorts.suffix_chains = ByteTrie(suffixes_within_word);
  // Patterns by the key they are found by, in the order given: a phrase, or the
  // first piece of phrases with inner stems (which may be a phrase too).
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> patterns_of_key;
  std::vector<std::string_view> keys;
  const auto add = [&](std::string_view key, std::uint32_t pattern) {
    auto [it, inserted] = patterns_of_key.try_emplace(key);
    if (inserted) {
      keys.push_back(key);
    }
    it->second.push_back(pattern);
  };
  for (std::size_t i = 0; i < sources.short_phrases.size(); ++i) {
    add(sources.short_phrases[i], sources.short_ids[i]);
  }
  for (std::size_t i = 0; i < sources.short_stem_starts.size(); ++i) {
    add(sources.short_stem_starts[i], sources.short_stem_ids[i]);
  }
  std::vector<std::pair<std::string_view, std::uint32_t>> phrases;
  for (std::string_view key : keys) {
    std::vector<std::uint32_t>& patterns = patterns_of_key[key];
    if (patterns.size() == 1 && !tables.patterns[patterns.front()].variable_length) {
      phrases.emplace_back(key, patterns.front());
    } else {
      phrases.emplace_back(key,
                           ShortPhrases::kGroup | static_cast<std::uint32_t>(shorts.groups.size()));
      shorts.groups.push_back(std::move(patterns));
    }
  }
  shorts.phrases = ByteTrie(phrases);
  std::vector<std::pair<std::string_view, std::uint32_t>> within_word;
  for (const std::string& chain : prefix_chains) {
    if (all_word_chars(chain)) {
      within_word.emplace_back(chain, 0);
    }
  }
  shorts.prefix_chains = ByteTrie(within_word);
  shorts.prefixes = index_chains(std::move(prefix_chains));
  return shorts;
}

// Turns a Hyperscan compile failure into an error that names the phrase at fault.
Error compile_failure(hs_compile_error_t* failure, const std::vector<unsigned>& ids,
                      const MatchTables& tables, const Lexicon& lexicon) {
  std::string message = "cannot compile the lexicon into a matcher";
  if (failure != nullptr) {
    if (failure->expression >= 0) {
      const Pattern& pattern = tables.patterns[ids[static_cast<std::size_t>(failure->expression)]];
      message += ": " + describe(lexicon.entry(tables.pattern_entries[pattern.first_entry].entry));
    }
    message += ": " + std::string(failure->message);
    hs_free_compile_error(failure);
  }
  return make_error(ErrorCode::kInvalidInput, message, std::string(kContext));
}

Result<DatabasePtr> compile_literals(const PatternSources& sources, const MatchTables& tables,
                                     const Lexicon& lexicon) {
  if (sources.literals.empty()) {
    return DatabasePtr();
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* failure = nullptr;
  if (hs_compile_lit_multi(sources.literals.data(), nullptr, sources.literal_ids.data(),
                           sources.literal_lengths.data(),
                           static_cast<unsigned>(sources.literals.size()), HS_MODE_BLOCK, nullptr,
                           &database, &failure) != HS_SUCCESS) {
    return compile_failure(failure, sources.literal_ids, tables, lexicon);
  }
  return DatabasePtr(database);
}

Result<DatabasePtr> compile_stems(const PatternSources& sources, const MatchTables& tables,
                                  const Lexicon& lexicon) {
  if (sources.stem_expressions.empty()) {
    return DatabasePtr();
  }
  std::vector<const char*> expressions;
  for (const std::string& expression : sources.stem_expressions) {
    expressions.push_back(expression.c_str());
  }
  // Leftmost start: where the phrase begins, since its stems make its length vary.
  std::vector<unsigned> flags(expressions.size(), HS_FLAG_SOM_LEFTMOST);
  hs_database_t* database = nullptr;
  hs_compile_error_t* failure = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), sources.stem_ids.data(),
                       static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &database,
                       &failure) != HS_SUCCESS) {
    return compile_failure(failure, sources.stem_ids, tables, lexicon);
  }
  return DatabasePtr(database);
}

// An entry with attribute gap=N ("أطلق* النار" with gap=3) is found with up to N
// words between its first word and the rest of its phrase, as an Arabic verb,
// its subject and its object stand ("أطلقت القوات الهندية النار"). Its two pieces
// are compiled as entries of their own (category gap_piece, appended to the
// matcher's lexicon), and scan joins them.
struct GapPiece {
  std::uint32_t parent = 0;  // the entry with the gap
  bool first_word = true;
  unsigned gap = 0;
};

struct GapPieces {
  std::uint32_t first_entry = std::numeric_limits<std::uint32_t>::max();
  std::vector<GapPiece> pieces;  // of entries first_entry, first_entry + 1, ...

  const GapPiece* of(std::uint32_t entry) const {
    return entry >= first_entry ? &pieces[entry - first_entry] : nullptr;
  }
};

Result<GapPieces> add_gap_pieces(Lexicon& lexicon) {
  GapPieces added;
  added.first_entry = static_cast<std::uint32_t>(lexicon.size());
  const auto count = static_cast<std::uint32_t>(lexicon.size());
  for (std::uint32_t index = 0; index < count; ++index) {
    const LexiconEntry& entry = lexicon.entry(index);
    if (!entry.has_attribute(kGapAttribute)) {
      continue;
    }
    const std::string_view written = entry.attribute(kGapAttribute);
    unsigned gap = 0;
    const auto [end, error] = std::from_chars(written.data(), written.data() + written.size(), gap);
    if (error != std::errc{} || end != written.data() + written.size() || gap < 1 ||
        gap > kMaxGapWords) {
      return make_error(ErrorCode::kInvalidInput,
                        where(entry) + ": attribute 'gap' must be a number of words from 1 to " +
                            std::to_string(kMaxGapWords) + ", not '" + std::string(written) + "'",
                        std::string(kContext));
    }
    const std::size_t space = entry.phrase.find(' ');
    if (space == std::string::npos) {
      return make_error(ErrorCode::kInvalidInput,
                        where(entry) + ": attribute 'gap' needs a phrase of two words or more",
                        std::string(kContext));
    }
    LexiconEntry first_word;
    first_word.category = std::string(kGapPieceCategory);
    first_word.value = std::to_string(index);
    first_word.phrase = entry.phrase.substr(0, space);
    first_word.language = entry.language;
    first_word.file = entry.file;
    first_word.line = entry.line;
    LexiconEntry rest = first_word;
    rest.phrase = entry.phrase.substr(space + 1) + (entry.stem ? "*" : "");
    added.pieces.push_back({index, true, gap});
    added.pieces.push_back({index, false, gap});
    lexicon.add(std::move(first_word));
    lexicon.add(std::move(rest));
  }
  return added;
}

// The words between a first word and a rest; nullopt when a sentence ends or a
// line breaks between them.
std::optional<unsigned> words_in_gap(std::string_view gap) {
  unsigned words = 0;
  bool in_word = false;
  for (std::size_t at = 0; at < gap.size();) {
    const Decoded decoded = decode_at(gap, at);
    at += std::max<std::size_t>(decoded.length, 1);
    const char32_t c = decoded.code_point;
    if (c == U'\n' || c == U'.' || c == U'!' || c == U'?' || c == U'؟' || c == U';' || c == U'؛') {
      return std::nullopt;
    }
    const bool word = is_word_char(c);
    words += word && !in_word ? 1 : 0;
    in_word = word;
  }
  return words;
}

// Replaces the pieces among `matches` (in canonical order) by the matches of
// their entries: a first word and the nearest rest of the same entry after it,
// 1 to gap words apart in one sentence.
void join_gap_pieces(const GapPieces& gaps, std::string_view text, std::vector<Match>& matches) {
  std::vector<Match> joined;
  bool any_piece = false;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const Match& first = matches[i];
    const GapPiece* piece = gaps.of(first.entry);
    any_piece = any_piece || piece != nullptr;
    if (piece == nullptr || !piece->first_word) {
      continue;
    }
    const std::uint32_t reach = first.word_end + kMaxGapBytesPerWord * piece->gap;
    for (std::size_t j = i + 1; j < matches.size() && matches[j].begin <= reach; ++j) {
      const Match& rest = matches[j];
      const GapPiece* other = gaps.of(rest.entry);
      if (other == nullptr || other->first_word || other->parent != piece->parent ||
          rest.word_begin < first.word_end) {
        continue;
      }
      const std::optional<unsigned> words =
          words_in_gap(text.substr(first.word_end, rest.word_begin - first.word_end));
      if (words && *words >= 1 && *words <= piece->gap) {
        joined.push_back(
            Match{piece->parent, first.begin, rest.end, first.word_begin, rest.word_end});
      }
      break;
    }
  }
  if (!any_piece) {
    return;
  }
  std::erase_if(matches, [&](const Match& match) { return gaps.of(match.entry) != nullptr; });
  // The joined are few and already in order: each goes where it belongs.
  for (const Match& match : joined) {
    matches.insert(std::upper_bound(matches.begin(), matches.end(), match, canonical_order), match);
  }
}

}  // namespace

struct Matcher::Impl {
  explicit Impl(Lexicon source) : lexicon(std::move(source)) {}

  Lexicon lexicon;
  GapPieces gap_pieces;
  MatchTables tables;
  DatabasePtr literals;                    // null when there is none
  DatabasePtr stems;                       // phrases with inner stems; null when there is none
  std::unique_ptr<ScratchPool> scratches;  // one scratch space serves both databases
};

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

const Lexicon& Matcher::lexicon() const {
  return impl_->lexicon;
}

Result<Matcher> Matcher::compile(const Lexicon& lexicon, MatcherOptions options) {
  return compile(Lexicon(lexicon), options);
}

Result<Matcher> Matcher::compile(Lexicon&& lexicon, MatcherOptions options) {
  auto impl = std::make_unique<Impl>(std::move(lexicon));
  if (impl->lexicon.size() > std::numeric_limits<std::uint32_t>::max()) {
    return make_error(ErrorCode::kInvalidInput, "the lexicon has too many entries",
                      std::string(kContext));
  }
  Result<GapPieces> gap_pieces = add_gap_pieces(impl->lexicon);
  if (!gap_pieces) {
    return std::move(gap_pieces).error();
  }
  impl->gap_pieces = std::move(gap_pieces).value();
  std::vector<LanguageIndex> entry_language;
  std::vector<std::string> every_prefix_chain;
  std::vector<std::string> every_suffix_chain;
  Result<std::vector<Morphology>> languages =
      build_morphology(impl->lexicon, entry_language, every_prefix_chain, every_suffix_chain);
  if (!languages) {
    return std::move(languages).error();
  }
  impl->tables.languages = std::move(languages).value();
  const std::size_t short_characters =
      chains_start_characters(every_prefix_chain) ? options.short_phrase_characters : 0;
  PatternSources sources =
      build_patterns(impl->lexicon, entry_language, short_characters, impl->tables);
  impl->tables.short_phrases =
      build_short_phrases(sources, impl->tables, std::move(every_prefix_chain), every_suffix_chain);

  Result<DatabasePtr> literals = compile_literals(sources, impl->tables, impl->lexicon);
  if (!literals) {
    return std::move(literals).error();
  }
  impl->literals = std::move(literals).value();
  Result<DatabasePtr> stems = compile_stems(sources, impl->tables, impl->lexicon);
  if (!stems) {
    return std::move(stems).error();
  }
  impl->stems = std::move(stems).value();

  hs_scratch_t* prototype = nullptr;
  for (const DatabasePtr& database : {std::cref(impl->literals), std::cref(impl->stems)}) {
    if (database && hs_alloc_scratch(database.get(), &prototype) != HS_SUCCESS) {
      hs_free_scratch(prototype);
      return make_error(ErrorCode::kInternal, "cannot allocate matcher scratch space",
                        std::string(kContext));
    }
  }
  if (prototype != nullptr) {
    impl->scratches = std::make_unique<ScratchPool>(ScratchPtr(prototype));
  }
  return Matcher(std::move(impl));
}

std::vector<Match> Matcher::scan(std::string_view normalized) const {
  std::vector<Match> matches;
  if ((!impl_->scratches && impl_->tables.short_phrases.empty()) || normalized.empty()) {
    return matches;
  }
  if (normalized.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("Matcher::scan: texts are limited to 4 GiB (32-bit offsets)");
  }
  // Lexicons of short words find a match every 20 bytes or so of Arabic news text.
  matches.reserve(normalized.size() / 16);
  ScanState state{impl_->tables, normalized, matches, 0, true, nullptr};
  if (impl_->scratches) {
    ScratchLease scratch(*impl_->scratches);
    for (const DatabasePtr& database : {std::cref(impl_->literals), std::cref(impl_->stems)}) {
      if (!database) {
        continue;
      }
      hs_error_t scanned =
          hs_scan(database.get(), normalized.data(), static_cast<unsigned>(normalized.size()), 0,
                  scratch.get(), &on_hit, &state);
      if (state.failure) {
        std::rethrow_exception(state.failure);
      }
      if (scanned != HS_SUCCESS) {
        throw std::runtime_error("Matcher::scan: Hyperscan failed with code " +
                                 std::to_string(scanned));
      }
      state.finish_run();
    }
  }
  if (!impl_->tables.short_phrases.empty()) {
    find_short_phrases(impl_->tables.short_phrases, state);
    state.finish_run();
  }
  // Each run (the two databases', the short phrases') is in order; the runs are merged.
  if (!std::is_sorted(matches.begin(), matches.end(), canonical_order)) {
    std::sort(matches.begin(), matches.end(), canonical_order);
  }
  if (!impl_->gap_pieces.pieces.empty()) {
    join_gap_pieces(impl_->gap_pieces, normalized, matches);
  }
  return matches;
}

std::vector<Match> longest_per_category(const Lexicon& lexicon, std::vector<Match> matches) {
  if (!std::is_sorted(matches.begin(), matches.end(), canonical_order)) {
    std::sort(matches.begin(), matches.end(), canonical_order);
  }
  // In canonical order every match that covers this one came before it (it starts
  // no later and, starting at the same place, is longer or of an earlier entry), so
  // the furthest end seen so far per category decides.
  // Per category number, the furthest end plus one; 0 before the first match.
  std::vector<std::uint32_t> furthest_end_after(lexicon.category_count(), 0);
  std::size_t kept = 0;
  for (const Match& match : matches) {
    std::uint32_t& furthest = furthest_end_after[lexicon.category_number(match.entry)];
    if (furthest <= match.end) {
      furthest = match.end + 1;
      matches[kept++] = match;
    }
  }
  matches.resize(kept);
  return matches;
}

}  // namespace truce::extract
