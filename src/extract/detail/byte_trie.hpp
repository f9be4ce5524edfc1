// A fixed set of byte strings as a double-array trie over byte classes (the
// bytes that occur in some key; any other byte ends a walk at once). Finding
// every key that starts at a place costs two loads per byte walked, and the
// arrays hold three 32-bit words per trie state: the matcher's whole lexicon,
// 137 thousand states, takes 1.6 MB, where a table with a row per state and a
// column per byte class took 244 MiB.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace truce::extract::detail {

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
    std::uint32_t state = kRoot;
    for (std::size_t at = from; at < text.size();) {
      // A byte in no key is class 0, and no state has a child at its base + 0.
      const std::uint32_t next =
          (units_[state].base_and_end >> 1U) + class_of_[static_cast<unsigned char>(text[at])];
      if (units_[next].parent != state) {
        return;
      }
      ++at;
      state = next;
      if ((units_[state].base_and_end & 1U) != 0) {
        visit(at, values_[state]);
      }
    }
  }

 private:
  static constexpr std::uint32_t kRoot = 0;
  // A state's children lie at base + byte class; each records its parent, so
  // a slot is a state's child only if it says so. The low bit of base_and_end
  // says that a key ends at the state (its value is in values_).
  struct Unit {
    std::uint32_t base_and_end = 0;
    std::uint32_t parent = kAbsent;
  };

  std::array<std::uint16_t, 256> class_of_{};
  std::vector<Unit> units_;            // by state; slots past the last state pad the walk
  std::vector<std::uint32_t> values_;  // by state, the value of the key that ends there
};

}  // namespace truce::extract::detail
