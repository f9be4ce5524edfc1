// A fixed set of byte strings as a double-array trie over classes of the
// steps a walk takes: a two-byte UTF-8 character (a lead byte and a
// continuation byte) is one step, any other byte one step of its own; the
// steps that occur in some key have classes, any other ends a walk at once.
// Finding every key that starts at a place costs a few loads per step (the
// step's class, then its state; an Arabic or Cyrillic letter is one step), and
// a walk reads one 32-bit word per state: the matcher's whole lexicon, 101
// thousand states, walks over 400 KB (its values, read where a key ends,
// take as much, and the classes of two-byte steps 128 KB per trie), where a
// table with a row per state and a column per byte class took 244 MiB. A walk
// waits on each state's word in turn; at half the size of a word for the base
// and one for the parent, more of the trie stays in the nearer caches (3 %
// faster end to end).
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace truce::extract::detail {

// Two bytes of a text as one 16-bit number, as they lie in memory (one load):
// the index of the tables that look a step or a character up by its bytes.
inline std::uint16_t two_bytes_at(const unsigned char* bytes) {
  std::uint16_t value = 0;
  std::memcpy(&value, bytes, sizeof value);
  return value;
}

class ByteTrie {
 public:
  static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();

  ByteTrie() = default;
  // Keys must not be empty; a key given twice keeps its first value.
  explicit ByteTrie(const std::vector<std::pair<std::string_view, std::uint32_t>>& keys);

  bool empty() const { return units_.empty(); }

  // Calls visit(end, value) for each key that text[from, end) is, shortest first.
  template <typename Visit>
  void each_key_at(std::string_view text, std::size_t from, Visit&& visit) const {
    if (units_.empty()) {
      return;
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::uint32_t unit = units_[kRoot];
    for (std::size_t at = from; at < size;) {
      std::uint32_t step_class = 0;
      std::size_t step = 1;
      const std::uint16_t pair = at + 1 < size ? pair_step_[two_bytes_at(bytes + at)] : 0;
      if ((pair & kPairStep) != 0) {
        step_class = pair & ~kPairStep;
        step = 2;
      } else {
        step_class = byte_class_[bytes[at]];
      }
      // A slot is the child by this step of the state whose base it is at only
      // if it was reached by the step's class (bases are not shared); a step in
      // no key is class 0, which no slot records.
      const std::uint32_t next = (unit >> base_shift_) + step_class;
      const std::uint32_t child = units_[next];
      if (((child >> 1U) & class_mask_) != step_class) {
        return;
      }
      at += step;
      unit = child;
      if ((child & 1U) != 0) {
        visit(at, values_[next]);
      }
    }
  }

 private:
  static constexpr std::uint32_t kRoot = 0;
  // A state's word: bit 0 says that a key ends there (its value is in
  // values_); the next class_bits bits hold the class of the step that leads
  // to it (all ones in a free slot and the root's, which no step has); the
  // bits above base_shift_ the base at which its children lie, at base +
  // their class. No two states with children share a base, so a slot is a
  // state's child exactly when it records the step's class; the states
  // without children have base 0, which no other state has.
  std::uint32_t class_mask_ = 0;
  unsigned base_shift_ = 1;

  static bool is_pair_lead(unsigned char byte) { return byte >= 0xC2U && byte <= 0xDFU; }
  static bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }
  static std::size_t pair_index(unsigned char lead, unsigned char continuation) {
    return (std::size_t{lead & 0x1FU} << 6U) | (continuation & 0x3FU);
  }
  static constexpr std::uint16_t kPairStep = 0x8000U;

  std::array<std::uint16_t, 256> byte_class_{};
  // By two_bytes_at of the text: kPairStep and the pair's class (0 when it is in
  // no key) where the two bytes are a step (a lead and a continuation byte, and
  // pairs_), 0 elsewhere. One load and no tests of the bytes per step; all the
  // two-byte characters with one continuation byte share one cache line.
  std::vector<std::uint16_t> pair_step_;
  static_assert(256 + 2048 < kPairStep,
                "every step class (a byte's or a pair's) fits beside kPairStep");
  // Whether two-byte characters are one step: not when a key ends with a lead
  // byte, which the text may follow with a continuation byte.
  bool pairs_ = true;
  std::vector<std::uint32_t> units_;   // by state; slots past the last state pad the walk
  std::vector<std::uint32_t> values_;  // by state, the value of the key that ends there
};

}  // namespace truce::extract::detail
