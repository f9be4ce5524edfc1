// Claim ids to their position in the Clusterer's records, without a copy of
// any id: a PositionTable that compares a candidate's id through the records
// themselves. A million ids cost two allocations instead of two per id.
//
// Thread-safety: none; owned by one Clusterer.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "fusion/position_table.hpp"

namespace truce::fusion {

class IdTable {
 public:
  static constexpr std::size_t kAbsent = PositionTable::kAbsent;

  // Room for `count` ids without growing.
  void reserve(std::size_t count) { table_.reserve(count); }

  // The position of `id`, or kAbsent; `id_at(position)` gives the id stored
  // at a position.
  template <typename IdAt>
  std::size_t find(std::string_view id, const IdAt& id_at) const {
    return table_.find(std::hash<std::string_view>{}(id),
                       [&](std::size_t position) { return id_at(position) == id; });
  }

  // Records `id` at `position` unless it is there already; whether it was not.
  template <typename IdAt>
  bool insert(std::string_view id, std::size_t position, const IdAt& id_at) {
    return table_
        .insert(std::hash<std::string_view>{}(id), position,
                [&](std::size_t stored) { return id_at(stored) == id; })
        .second;
  }

 private:
  PositionTable table_;
};

}  // namespace truce::fusion
