// A fixed set of byte strings as a double-array trie over classes of the
// steps a walk takes: a two-byte UTF-8 character (a lead byte and a
// continuation byte) is one step, any other byte one step of its own; the
// steps that occur in some key have classes, any other ends a walk at once.
// Finding every key that starts at a place costs a few loads per step (the
// step's class, then its state; an Arabic or Cyrillic letter is one step), and
// the arrays hold three 32-bit words per trie state: the matcher's whole
// lexicon, 86 thousand states, takes 1 MB (and 128 KB per trie for the classes
// of two-byte steps), where a table with a row per state and a column per byte
// class took 244 MiB.
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
    std::uint32_t state = kRoot;
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
      // A step in no key is class 0, and no state has a child at its base + 0.
      const std::uint32_t next = (units_[state].base_and_end >> 1U) + step_class;
      if (units_[next].parent != state) {
        return;
      }
      at += step;
      state = next;
      if ((units_[state].base_and_end & 1U) != 0) {
        visit(at, values_[state]);
      }
    }
  }

 private:
  static constexpr std::uint32_t kRoot = 0;
  // A state's children lie at base + step class; each records its parent, so
  // a slot is a state's child only if it says so. The low bit of base_and_end
  // says that a key ends at the state (its value is in values_).
  struct Unit {
    std::uint32_t base_and_end = 0;
    std::uint32_t parent = kAbsent;
  };

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
  std::vector<Unit> units_;            // by state; slots past the last state pad the walk
  std::vector<std::uint32_t> values_;  // by state, the value of the key that ends there
};

}  // namespace truce::extract::detail
