#include "extract/id_index.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace truce::extract {
namespace {

TEST(IdIndex, AnEmptyIndexFindsNothing) {
  const IdIndex index;
  EXPECT_EQ(index.find("armenia"), IdIndex::kAbsent);
  EXPECT_EQ(index.find(""), IdIndex::kAbsent);
  EXPECT_EQ(index.size(), 0U);
}

TEST(IdIndex, FindsWhatWasInsertedAndRefusesDuplicates) {
  IdIndex index;
  EXPECT_TRUE(index.insert("armenia", 0));
  EXPECT_TRUE(index.insert("am-mod", 1));
  EXPECT_FALSE(index.insert("armenia", 2));
  EXPECT_EQ(index.find("armenia"), 0U);
  EXPECT_EQ(index.find("am-mod"), 1U);
  EXPECT_EQ(index.find("az-mod"), IdIndex::kAbsent);
  EXPECT_EQ(index.find("armeni"), IdIndex::kAbsent);
  EXPECT_EQ(index.find("armenia "), IdIndex::kAbsent);
  EXPECT_EQ(index.size(), 2U);
}

// The hash reads the length and the first and last bytes (up to eight each):
// ids of every length from 0 to 40 that differ only in one middle byte hash
// alike from length 17 on, and must still be told apart.
TEST(IdIndex, TellsApartIdsOfEveryLengthThatDifferInOneByte) {
  IdIndex index;
  std::vector<std::string> ids;
  for (std::size_t length = 0; length <= 40; ++length) {
    for (char middle : {'a', 'b', 'c'}) {
      std::string id(length, 'x');
      if (length > 0) {
        id[length / 2] = middle;
      }
      if (index.find(id) == IdIndex::kAbsent) {
        EXPECT_TRUE(index.insert(id, static_cast<std::uint32_t>(ids.size())));
        ids.push_back(id);
      }
    }
  }
  EXPECT_EQ(index.size(), ids.size());
  EXPECT_EQ(IdIndex::hash(std::string(20, 'x')), IdIndex::hash("xxxxxxxxxxaxxxxxxxxx"));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(index.find(ids[i]), i) << "'" << ids[i] << "'";
    std::string other = ids[i] + "y";
    EXPECT_EQ(index.find(other), IdIndex::kAbsent) << "'" << other << "'";
  }
}

TEST(IdIndex, KeepsEveryIdWhileItGrows) {
  IdIndex index;
  for (std::uint32_t i = 0; i < 5000; ++i) {
    ASSERT_TRUE(index.insert("place-" + std::to_string(i), i));
  }
  for (std::uint32_t i = 0; i < 5000; ++i) {
    EXPECT_EQ(index.find("place-" + std::to_string(i)), i);
  }
  EXPECT_EQ(index.find("place-5000"), IdIndex::kAbsent);
}

}  // namespace
}  // namespace truce::extract
