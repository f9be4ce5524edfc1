// Keys to positions in records kept elsewhere, without a copy of any key: an
// open-addressing table of (hash, position) pairs in one array. The caller
// hashes the key and says whether the record at a position holds it, so a
// table costs one allocation however many keys it holds.
//
// Thread-safety: none; owned by one container.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace truce::fusion {

class PositionTable {
 public:
  static constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();

  // Room for `count` keys without growing.
  void reserve(std::size_t count) {
    std::size_t capacity = kSmallest;
    while (capacity * kLoadNumerator < count * kLoadDenominator) {
      capacity *= 2;
    }
    if (capacity > slots_.size()) {
      rehash(capacity);
    }
  }

  // The position whose record `holds_key(position)` among those stored with
  // `hash`, or kAbsent.
  template <typename HoldsKey>
  std::size_t find(std::uint64_t hash, const HoldsKey& holds_key) const {
    if (slots_.empty()) {
      return kAbsent;
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const Slot& entry = slots_[slot];
      if (entry.position == kAbsent) {
        return kAbsent;
      }
      if (entry.hash == hash && holds_key(entry.position)) {
        return entry.position;
      }
    }
  }

  // Records `position` under `hash` unless a record stored with that hash
  // `holds_key` already: that record's position and false, else `position`
  // and true.
  template <typename HoldsKey>
  std::pair<std::size_t, bool> insert(std::uint64_t hash, std::size_t position,
                                      const HoldsKey& holds_key) {
    if ((size_ + 1) * kLoadDenominator > slots_.size() * kLoadNumerator) {
      rehash(slots_.empty() ? kSmallest : slots_.size() * 2);
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      Slot& entry = slots_[slot];
      if (entry.position == kAbsent) {
        entry = {hash, position};
        ++size_;
        return {position, true};
      }
      if (entry.hash == hash && holds_key(entry.position)) {
        return {entry.position, false};
      }
    }
  }

 private:
  // At most 7 in 10 slots taken, so that probes stay short.
  static constexpr std::size_t kLoadNumerator = 7;
  static constexpr std::size_t kLoadDenominator = 10;
  static constexpr std::size_t kSmallest = 8;

  struct Slot {
    std::uint64_t hash = 0;
    std::size_t position = kAbsent;
  };

  void rehash(std::size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    const std::size_t mask = capacity - 1;
    for (const Slot& entry : old) {
      if (entry.position == kAbsent) {
        continue;
      }
      std::size_t slot = entry.hash & mask;
      while (slots_[slot].position != kAbsent) {
        slot = (slot + 1) & mask;
      }
      slots_[slot] = entry;
    }
  }

  std::vector<Slot> slots_;  // a power of two of them
  std::size_t size_ = 0;
};

}  // namespace truce::fusion
