#include "fusion/position_table.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace truce::fusion {
namespace {

// Records kept outside the table, as the Clusterer keeps its claims.
struct Records {
  std::vector<std::string> keys;
  PositionTable table;

  // Every key under one of `hashes` values, so that probes collide often.
  std::uint64_t hash_of(const std::string& key, std::uint64_t hashes) const {
    return std::hash<std::string>{}(key) % hashes;
  }

  std::pair<std::size_t, bool> add(const std::string& key, std::uint64_t hashes) {
    auto result = table.insert(hash_of(key, hashes), keys.size(),
                               [&](std::size_t position) { return keys[position] == key; });
    if (result.second) {
      keys.push_back(key);
    }
    return result;
  }

  std::size_t find(const std::string& key, std::uint64_t hashes) const {
    return table.find(hash_of(key, hashes),
                      [&](std::size_t position) { return keys[position] == key; });
  }
};

TEST(PositionTable, AnEmptyTableFindsNothing) {
  const PositionTable table;
  EXPECT_EQ(table.find(42, [](std::size_t) { return true; }), PositionTable::kAbsent);
}

TEST(PositionTable, FindsEveryKeyThroughGrowthAndCollisions) {
  for (const std::uint64_t hashes : {std::uint64_t{1}, std::uint64_t{7}, std::uint64_t{1} << 62}) {
    Records records;
    for (int number = 0; number < 3000; ++number) {
      const auto [position, added] = records.add("key-" + std::to_string(number), hashes);
      ASSERT_TRUE(added) << number;
      EXPECT_EQ(position, static_cast<std::size_t>(number));
      if (hashes == 1 && number > 300) {
        break;  // one hash for all: every probe walks them all
      }
    }
    for (std::size_t position = 0; position < records.keys.size(); ++position) {
      EXPECT_EQ(records.find(records.keys[position], hashes), position) << hashes;
    }
    EXPECT_EQ(records.find("key-absent", hashes), PositionTable::kAbsent) << hashes;
  }
}

TEST(PositionTable, AKeyAddedTwiceKeepsItsFirstPosition) {
  Records records;
  records.add("alpha", 1u << 20);
  records.add("beta", 1u << 20);
  const auto [position, added] = records.add("alpha", 1u << 20);
  EXPECT_FALSE(added);
  EXPECT_EQ(position, 0u);
  EXPECT_EQ(records.keys.size(), 2u);
}

TEST(PositionTable, ReserveKeepsWhatIsStored) {
  Records records;
  for (int number = 0; number < 50; ++number) {
    records.add("key-" + std::to_string(number), 1000);
  }
  records.table.reserve(100000);
  for (std::size_t position = 0; position < records.keys.size(); ++position) {
    EXPECT_EQ(records.find(records.keys[position], 1000), position);
  }
}

}  // namespace
}  // namespace truce::fusion
