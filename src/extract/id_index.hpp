// Ids (slugs of the actor and place registries) to positions, for the lookups
// claim assembly makes tens of thousands of times a megabyte. An open-addressing
// table whose hash reads the id's length and at most its first and last eight
// bytes, so a lookup costs a few loads and one comparison instead of hashing
// every byte of the id through std::hash.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace truce::extract {

class IdIndex {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFU;

  // Records `id` at `position` unless it is there already; whether it was not.
  bool insert(std::string_view id, std::uint32_t position) {
    if (find(id) != kAbsent) {
      return false;
    }
    if (2 * (count_ + 1) > slots_.size()) {
      grow();
    }
    place(Slot{std::string(id), position, hash(id)});
    ++count_;
    return true;
  }

  // The position of `id`, or kAbsent.
  std::uint32_t find(std::string_view id) const {
    if (slots_.empty()) {
      return kAbsent;
    }
    const std::uint32_t h = hash(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.position == kAbsent) {
        return kAbsent;
      }
      if (slot.hash == h && std::string_view(slot.id) == id) {
        return slot.position;
      }
    }
  }

  std::size_t size() const { return count_; }

  // The length and at most the first and last eight bytes, mixed: ids that
  // differ only in their middle bytes share it (and are told apart on lookup).
  static std::uint32_t hash(std::string_view id) {
    const std::size_t size = id.size();
    const char* bytes = id.data();
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    if (size >= 8) {
      std::memcpy(&first, bytes, 8);
      std::memcpy(&last, bytes + size - 8, 8);
    } else if (size >= 4) {
      std::uint32_t head = 0;
      std::uint32_t tail = 0;
      std::memcpy(&head, bytes, 4);
      std::memcpy(&tail, bytes + size - 4, 4);
      first = head;
      last = tail;
    } else if (size > 0) {
      first = static_cast<unsigned char>(bytes[0]) |
              (std::uint64_t{static_cast<unsigned char>(bytes[size / 2])} << 8U);
      last = static_cast<unsigned char>(bytes[size - 1]);
    }
    std::uint64_t mixed = (first * 0x9E3779B97F4A7C15ULL) ^ ((last + size) * 0xC2B2AE3D27D4EB4FULL);
    mixed ^= mixed >> 29U;
    mixed *= 0xBF58476D1CE4E5B9ULL;
    return static_cast<std::uint32_t>(mixed >> 32U);
  }

 private:
  struct Slot {
    std::string id;
    std::uint32_t position = kAbsent;  // kAbsent: empty
    std::uint32_t hash = 0;
  };

  void place(Slot slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = slot.hash & mask;
    while (slots_[at].position != kAbsent) {
      at = (at + 1) & mask;
    }
    slots_[at] = std::move(slot);
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    for (Slot& slot : old) {
      if (slot.position != kAbsent) {
        place(std::move(slot));
      }
    }
  }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace truce::extract
