// The agreement registry's files in the store: added at version 1, unchanged
// text left alone, changed text replaced with the next version, and a bundled
// file never overwriting a user's file of the same name.
#include <gtest/gtest.h>

#include "storage/store.hpp"

namespace truce::storage {
namespace {

std::unique_ptr<Store> memory_store() {
  auto store = open_store(":memory:", OpenMode::kCreate);
  EXPECT_TRUE(store) << store.error().message;
  return std::move(*store);
}

TEST(RegistryFiles, AFreshStoreHasNone) {
  auto files = memory_store()->registry_files();
  ASSERT_TRUE(files) << files.error().message;
  EXPECT_TRUE(files->empty());
}

TEST(RegistryFiles, AreVersionedByContent) {
  auto store = memory_store();
  RegistryFile agreement{"agreements/a.json", true, true, 1, "{\"v\": 1}"};
  RegistryFile geography{"geography/g.geojson", false, true, 1, "{}"};
  auto added = store->put_registry_files({agreement, geography});
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(*added, 2);
  auto again = store->put_registry_files({agreement, geography});
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  agreement.content = "{\"v\": 2}";
  auto changed = store->put_registry_files({agreement});
  ASSERT_TRUE(changed);
  EXPECT_EQ(*changed, 1);
  auto files = store->registry_files();
  ASSERT_TRUE(files);
  ASSERT_EQ(files->size(), 2U);
  EXPECT_EQ((*files)[0].name, "agreements/a.json");
  EXPECT_EQ((*files)[0].version, 2);
  EXPECT_EQ((*files)[0].content, "{\"v\": 2}");
  EXPECT_TRUE((*files)[0].agreement);
  EXPECT_FALSE((*files)[1].agreement);
  EXPECT_EQ((*files)[1].version, 1);
}

TEST(RegistryFiles, ABundledFileDoesNotReplaceAUserFileAndNothingIsWritten) {
  auto store = memory_store();
  ASSERT_TRUE(store->put_registry_files({{"agreements/a.json", true, false, 1, "user"}}));
  auto clash = store->put_registry_files(
      {{"agreements/b.json", true, true, 1, "new"}, {"agreements/a.json", true, true, 1, "x"}});
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
  auto files = store->registry_files();
  ASSERT_TRUE(files);
  ASSERT_EQ(files->size(), 1U) << "b.json must not be written either";
  EXPECT_EQ((*files)[0].content, "user");
}

}  // namespace
}  // namespace truce::storage
