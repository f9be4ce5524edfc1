#include "extract/detail/byte_trie.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <limits>
#include <stdexcept>

namespace truce::extract::detail {
namespace {

// The trie as built, one node per key prefix, before it is laid out.
struct Node {
  std::vector<std::pair<std::uint16_t, std::uint32_t>> children;  // (step class, node), sorted
  std::uint32_t value = ByteTrie::kAbsent;
};

// Places the children of one node after another: finds the lowest base whose
// slots for the node's classes are all free. Only free slots are tried as the
// place of the lowest child: each slot knows a later slot that may be free, and
// the chains are shortened as they are followed, so the search skips the
// filled part of the array instead of testing it slot by slot (which made
// laying out the bundled lexicon take seconds).
class SlotAllocator {
 public:
  explicit SlotAllocator(std::size_t reserve) {
    later_.reserve(reserve);
    base_taken_.reserve(reserve);
  }

  void take(std::size_t slot) {
    grow(slot + 2);
    later_[slot] = slot + 1;
  }

  std::uint32_t base_for(const std::vector<std::pair<std::uint16_t, std::uint32_t>>& children) {
    const std::size_t lowest = children.front().first;
    for (std::size_t slot = free_at_or_after(lowest + 1);; slot = free_at_or_after(slot + 1)) {
      // At least 1: base 0 is that of the states without children.
      const std::size_t base = slot - lowest;
      const bool fits = !base_taken(base) &&
                        std::all_of(children.begin() + 1, children.end(), [&](const auto& child) {
                          return !is_used(base + child.first);
                        });
      if (fits) {
        if (base > std::numeric_limits<std::uint32_t>::max() / 2) {
          throw std::length_error("ByteTrie: too many states");
        }
        if (base_taken_.size() <= base) {
          base_taken_.resize(base + 1, false);
        }
        base_taken_[base] = true;
        return static_cast<std::uint32_t>(base);
      }
    }
  }

 private:
  bool is_used(std::size_t slot) const { return slot < later_.size() && later_[slot] != slot; }
  bool base_taken(std::size_t base) const { return base < base_taken_.size() && base_taken_[base]; }

  void grow(std::size_t size) {
    while (later_.size() < size) {
      later_.push_back(later_.size());
    }
  }

  std::size_t free_at_or_after(std::size_t slot) {
    grow(slot + 1);
    std::size_t free = slot;
    while (later_[free] != free) {
      free = later_[free];
      grow(free + 1);
    }
    while (later_[slot] != free) {  // every slot on the way now points at `free`
      const std::size_t next = later_[slot];
      later_[slot] = free;
      slot = next;
    }
    return free;
  }

  std::vector<std::size_t> later_;  // later_[s] == s: s is free
  std::vector<bool> base_taken_;    // the bases given out: each to one state
};

}  // namespace

ByteTrie::ByteTrie(const std::vector<std::pair<std::string_view, std::uint32_t>>& keys) {
  pairs_ = std::none_of(keys.begin(), keys.end(), [](const auto& key) {
    return !key.first.empty() && is_pair_lead(static_cast<unsigned char>(key.first.back()));
  });
  // The steps of each key, as each_key_at takes them, by class; a pair's class
  // by pair_index while building, then in pair_step_.
  std::array<std::uint16_t, 2048> pair_class{};
  std::uint16_t classes = 0;
  std::vector<std::vector<std::uint16_t>> steps_of_key;
  steps_of_key.reserve(keys.size());
  for (const auto& [key, value] : keys) {
    std::vector<std::uint16_t>& steps = steps_of_key.emplace_back();
    for (std::size_t at = 0; at < key.size();) {
      const auto byte = static_cast<unsigned char>(key[at]);
      std::uint16_t* step_class = &byte_class_[byte];
      std::size_t step = 1;
      if (pairs_ && is_pair_lead(byte) && at + 1 < key.size() &&
          is_continuation(static_cast<unsigned char>(key[at + 1]))) {
        step_class = &pair_class[pair_index(byte, static_cast<unsigned char>(key[at + 1]))];
        step = 2;
      }
      if (*step_class == 0) {
        *step_class = ++classes;
      }
      steps.push_back(*step_class);
      at += step;
    }
  }
  if (classes == 0) {
    return;
  }
  pair_step_.assign(std::size_t{1} << 16U, 0);
  if (pairs_) {
    for (unsigned lead = 0xC2U; lead <= 0xDFU; ++lead) {
      for (unsigned continuation = 0x80U; continuation <= 0xBFU; ++continuation) {
        const std::array<unsigned char, 2> pair = {static_cast<unsigned char>(lead),
                                                   static_cast<unsigned char>(continuation)};
        pair_step_[two_bytes_at(pair.data())] =
            static_cast<std::uint16_t>(kPairStep | pair_class[pair_index(pair[0], pair[1])]);
      }
    }
  }
  std::vector<Node> nodes(1);
  for (std::size_t key = 0; key < keys.size(); ++key) {
    std::uint32_t node = 0;
    for (std::uint16_t step_class : steps_of_key[key]) {
      auto& children = nodes[node].children;
      auto found = std::lower_bound(children.begin(), children.end(),
                                    std::pair<std::uint16_t, std::uint32_t>(step_class, 0));
      if (found == children.end() || found->first != step_class) {
        const auto child = static_cast<std::uint32_t>(nodes.size());
        found = children.emplace(found, step_class, child);
        nodes.emplace_back();
      }
      node = found->second;
    }
    if (nodes[node].value == kAbsent) {
      nodes[node].value = keys[key].second;
    }
  }

  // Depth first, so that a walk down one key finds its next states near the
  // last one (breadth first, each level lay in a region of its own and a walk
  // missed the cache at every step: 5 % slower end to end).
  std::vector<std::uint32_t> state_of(nodes.size(), kAbsent);
  std::vector<std::uint32_t> base_of(nodes.size(), 0);
  state_of[0] = kRoot;
  SlotAllocator slots(nodes.size() + classes);
  slots.take(kRoot);
  std::size_t end = 1;  // one past the highest slot in use
  std::vector<std::uint32_t> stack = {0};
  while (!stack.empty()) {
    const Node& node = nodes[stack.back()];
    const std::uint32_t index = stack.back();
    stack.pop_back();
    if (node.children.empty()) {
      continue;
    }
    const std::uint32_t base = slots.base_for(node.children);
    base_of[index] = base;
    for (const auto& [byte_class, child] : node.children) {
      state_of[child] = base + byte_class;
      slots.take(state_of[child]);
      end = std::max<std::size_t>(end, state_of[child] + 1);
    }
    // NOLINTNEXTLINE(modernize-loop-convert): std::views::reverse fails under clang-tidy 14
    for (auto child = node.children.rbegin(); child != node.children.rend(); ++child) {
      stack.push_back(child->second);
    }
  }
  // The class of a step, and all ones (the mark of a free slot) beside it.
  const auto class_bits = static_cast<unsigned>(std::bit_width(std::uint32_t{classes} + 1U));
  class_mask_ = (1U << class_bits) - 1U;
  base_shift_ = 1U + class_bits;
  // Every walk reads units_[base + class] for any class, so the array reaches
  // that far past the highest base.
  const std::uint32_t highest_base = *std::max_element(base_of.begin(), base_of.end());
  if (highest_base > (std::numeric_limits<std::uint32_t>::max() >> base_shift_)) {
    throw std::length_error("ByteTrie: too many states for a 32-bit state word");
  }
  const std::uint32_t free_slot = class_mask_ << 1U;
  units_.assign(std::max<std::size_t>(end, std::size_t{highest_base} + classes + 1), free_slot);
  values_.assign(units_.size(), kAbsent);
  std::vector<std::uint16_t> class_of(nodes.size(), static_cast<std::uint16_t>(class_mask_));
  for (const Node& node : nodes) {
    for (const auto& [step_class, child] : node.children) {
      class_of[child] = step_class;
    }
  }
  for (std::uint32_t node = 0; node < nodes.size(); ++node) {
    const bool key_ends = nodes[node].value != kAbsent;
    units_[state_of[node]] = (base_of[node] << base_shift_) |
                             (std::uint32_t{class_of[node]} << 1U) | (key_ends ? 1U : 0U);
    values_[state_of[node]] = nodes[node].value;
  }
}

}  // namespace truce::extract::detail
