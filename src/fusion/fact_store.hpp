// The Clusterer's records, by position. The first bulk load's vector is
// adopted whole, and later records go into chunks of fixed capacity: no
// record is copied or moved once added, and adding one never moves a million.
// (Copying a million records into fresh memory costs a second here, most of
// it in the page faults of touching that memory for the first time.)
//
// Thread-safety: none; owned by one Clusterer.
#pragma once

#include <cstddef>
#include <vector>

#include "fusion/facts.hpp"

namespace truce::fusion {

class FactStore {
 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  const ClaimFacts& operator[](std::size_t position) const {
    if (position < first_.size()) {
      return first_[position];
    }
    const std::size_t rest = position - first_.size();
    return chunks_[rest / kChunk][rest % kChunk];
  }

  // Only into an empty store.
  void adopt(std::vector<ClaimFacts> records) {
    first_ = std::move(records);
    size_ = first_.size();
  }

  void push_back(ClaimFacts record) {
    if (chunks_.empty() || chunks_.back().size() == kChunk) {
      chunks_.emplace_back();
      chunks_.back().reserve(kChunk);  // never grown past it, so never moved
    }
    chunks_.back().push_back(std::move(record));
    ++size_;
  }

 private:
  static constexpr std::size_t kChunk = 4096;

  std::vector<ClaimFacts> first_;
  std::vector<std::vector<ClaimFacts>> chunks_;
  std::size_t size_ = 0;
};

}  // namespace truce::fusion
