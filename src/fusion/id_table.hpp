// Claim ids to their position in the Clusterer's records, without a copy of
// any id: an open-addressing table of (hash, position) pairs in one array,
// which compares a candidate's id through the records themselves. A million
// ids cost two allocations instead of two per id.
//
// Thread-safety: none; owned by one Clusterer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string_view>
#include <vector>

namespace truce::fusion {

class IdTable {
 public:
  static constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();

  // Room for `count` ids without growing.
  void reserve(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity * kLoadNumerator < count * kLoadDenominator) {
      capacity *= 2;
    }
    if (capacity > slots_.size()) {
      rehash(capacity);
    }
  }

  // The position of `id`, or kAbsent; `id_at(position)` gives the id stored
  // at a position.
  template <typename IdAt>
  std::size_t find(std::string_view id, const IdAt& id_at) const {
    if (slots_.empty()) {
      return kAbsent;
    }
    const std::uint64_t hash = std::hash<std::string_view>{}(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      const Slot& entry = slots_[slot];
      if (entry.position == kAbsent) {
        return kAbsent;
      }
      if (entry.hash == hash && id_at(entry.position) == id) {
        return entry.position;
      }
    }
  }

  // Records `id` at `position` unless it is there already; whether it was not.
  template <typename IdAt>
  bool insert(std::string_view id, std::size_t position, const IdAt& id_at) {
    if ((size_ + 1) * kLoadDenominator > slots_.size() * kLoadNumerator) {
      rehash(slots_.empty() ? 16 : slots_.size() * 2);
    }
    const std::uint64_t hash = std::hash<std::string_view>{}(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      Slot& entry = slots_[slot];
      if (entry.position == kAbsent) {
        entry = {hash, position};
        ++size_;
        return true;
      }
      if (entry.hash == hash && id_at(entry.position) == id) {
        return false;
      }
    }
  }

 private:
  // At most 7 in 10 slots taken, so that probes stay short.
  static constexpr std::size_t kLoadNumerator = 7;
  static constexpr std::size_t kLoadDenominator = 10;

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
