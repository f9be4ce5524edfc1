// The SQLite store on real files: creating, opening, refusing foreign or newer
// files, upgrading older ones, several stores on one file, and durability of
// an acknowledged write when the writer is killed with SIGKILL.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "storage/sqlite/detail/connection.hpp"
#include "storage/sqlite/detail/migrations.hpp"
#include "storage/store.hpp"
#include "unit/storage/temp_dir.hpp"
#include "unit/storage/test_data.hpp"

namespace truce::storage {
namespace {

using sqlite::detail::Connection;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string journal_mode(const std::string& path) {
  auto db = Connection::open(path, false);
  EXPECT_TRUE(db) << db.error().message;
  if (!db) {
    return {};
  }
  auto statement = db->statement("PRAGMA journal_mode");
  auto row = statement ? (*statement)->step() : Result<bool>(statement.error());
  return row && *row ? (*statement)->text_at(0) : std::string();
}

class StoreFiles : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.ok()); }

  std::unique_ptr<Store> open(const std::string& location, OpenMode mode) {
    auto store = open_store(location, mode);
    EXPECT_TRUE(store) << store.error().message;
    return store ? std::move(store).value() : nullptr;
  }

  test::TempDir dir_;
  std::string path_ = dir_.file("truce.db");
  IntakeBatch batch_ = test::batch_of({test::rich_claim("clm_1", DocumentId())});
};

TEST_F(StoreFiles, CreateMakesAWalDatabaseAtTheLatestSchemaVersion) {
  auto store = open(path_, OpenMode::kCreate);
  ASSERT_TRUE(store);
  EXPECT_TRUE(std::filesystem::exists(path_));
  auto stats = store->stats();
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->schema_version, latest_schema_version());
  EXPECT_EQ(journal_mode(path_), "wal");
}

TEST_F(StoreFiles, EveryLocationSpellingOpensTheSameFile) {
  auto created = open("sqlite:" + path_, OpenMode::kCreate);
  ASSERT_TRUE(created);
  ASSERT_TRUE(created->write(batch_, WriteMode::kCommit));
  for (const std::string& location : {"file:" + path_, path_}) {
    auto store = open(location, OpenMode::kOpenExisting);
    ASSERT_TRUE(store) << location;
    EXPECT_TRUE(store->get_claim(ClaimId("clm_1"))) << location;
  }
}

TEST_F(StoreFiles, CreatingOverAnExistingFileIsAConflictNamingIt) {
  std::ofstream(path_) << "precious";
  auto store = open_store(path_, OpenMode::kCreate);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(contains(store.error().message, path_)) << store.error().message;
  EXPECT_EQ(read_all(path_), "precious");
}

TEST_F(StoreFiles, OpeningAMissingFileIsNotFound) {
  auto store = open_store(path_, OpenMode::kOpenExisting);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(contains(store.error().message, path_));
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(StoreFiles, AFileThatIsNotADatabaseIsRefusedNamingItAndLeftUntouched) {
  std::string text = "source,claim\n";
  for (int i = 0; i < 200; ++i) {
    text += "am-mod,\"7 killed near the line of contact\"\n";
  }
  std::ofstream(path_) << text;
  auto store = open_store(path_, OpenMode::kOpenExisting);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kIncompatible);
  EXPECT_TRUE(contains(store.error().message, path_)) << store.error().message;
  EXPECT_TRUE(contains(store.error().message, "not a SQLite database")) << store.error().message;
  EXPECT_EQ(read_all(path_), text);
}

TEST_F(StoreFiles, AnotherProgramsSqliteDatabaseIsRefusedAndNotConverted) {
  {
    auto db = Connection::open(path_, true);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE bookmarks (url TEXT)"));
  }
  auto store = open_store(path_, OpenMode::kOpenExisting);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kIncompatible);
  EXPECT_TRUE(contains(store.error().message, path_)) << store.error().message;
  EXPECT_TRUE(contains(store.error().message, "not a truce database")) << store.error().message;
  EXPECT_EQ(journal_mode(path_), "delete");
}

TEST_F(StoreFiles, ADatabaseFromANewerTruceIsRefusedNamingBothVersions) {
  ASSERT_TRUE(open(path_, OpenMode::kCreate));
  {
    auto db = Connection::open(path_, false);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(
        "INSERT INTO schema_migrations VALUES (99, 'from_the_future', '2030-01-01T00:00:00Z')"));
  }
  auto store = open_store(path_, OpenMode::kOpenExisting);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kIncompatible);
  const std::string& message = store.error().message;
  EXPECT_TRUE(contains(message, "99")) << message;
  EXPECT_TRUE(contains(message, "version " + std::to_string(latest_schema_version()))) << message;
  EXPECT_TRUE(contains(message, path_)) << message;
}

TEST_F(StoreFiles, ADatabaseAtAnOlderVersionIsUpgradedOnOpen) {
  {
    // Version 0: a truce database whose schema_migrations is still empty.
    auto db = Connection::open(path_, true);
    ASSERT_TRUE(db);
    ASSERT_TRUE(
        db->exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL) STRICT"));
  }
  auto store = open(path_, OpenMode::kOpenExisting);
  ASSERT_TRUE(store);
  auto stats = store->stats();
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->schema_version, latest_schema_version());
  EXPECT_TRUE(store->write(batch_, WriteMode::kCommit));
}

// A database of the first release, with a claim and a document it stored,
// opens at the latest version; the old records read back as they were (no
// date basis, no actors, no agreement references) and new ones use it all.
TEST_F(StoreFiles, ADatabaseWithOnlyMigrationOneAppliedByHandOpensAndUpgrades) {
  {
    auto db = Connection::open(path_, true);
    ASSERT_TRUE(db);
    auto first = sqlite::detail::bundled_migrations().front();
    ASSERT_TRUE(
        db->exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL) STRICT"));
    ASSERT_TRUE(db->exec(first.sql));
    ASSERT_TRUE(
        db->exec("INSERT INTO schema_migrations VALUES (1, 'sources_documents_claims', "
                 "'2021-11-21T00:00:00Z')"));
    // The rows version 1 wrote for a source, a document and a claim.
    ASSERT_TRUE(db->exec(
        "INSERT INTO sources VALUES ('wire', 'A news wire', 'F', 'neutral', NULL, NULL, '');"
        "INSERT INTO documents VALUES ('doc_old', 'wire', 'article', 'Old', 'en', '2021-11-16', "
        "'', '', 'Two soldiers were killed.', 'h');"
        "INSERT INTO claims (id, document_id, claimant_id, claimant_name, event_type, time_start, "
        "time_end, time_precision, timezone, start_key, end_key, credibility, summary) VALUES "
        "('clm_old', 'doc_old', 'wire', 'A news wire', 'attack', '2021-11-16', '2021-11-16', "
        "'day', '', '2021-11-16T00:00:00', '2021-11-16T23:59:59', 6, 'old');"
        "INSERT INTO claim_actors VALUES ('wire', 1, 'claimant');"));
  }
  auto store = open(path_, OpenMode::kOpenExisting);
  ASSERT_TRUE(store);
  auto stats = store->stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->schema_version, latest_schema_version());

  auto old_claim = store->get_claim(ClaimId("clm_old"));
  ASSERT_TRUE(old_claim) << old_claim.error().message;
  EXPECT_EQ(old_claim->summary, "old");
  EXPECT_EQ(old_claim->time_basis, TimeBasis{});
  EXPECT_TRUE(old_claim->actors.empty());
  EXPECT_TRUE(old_claim->agreements.empty());
  auto old_document = store->get_document(DocumentId("doc_old"));
  ASSERT_TRUE(old_document) << old_document.error().message;
  EXPECT_TRUE(old_document->agreement_references.empty());

  ASSERT_TRUE(store->write(batch_, WriteMode::kCommit));
  EXPECT_EQ(*store->get_claim(ClaimId("clm_1")), batch_.claims[0]);
  EXPECT_EQ(*store->get_document(batch_.documents[0].id), batch_.documents[0]);
  ClaimQuery mediated;
  mediated.actor = "russia";
  auto found = store->find_claims(mediated);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front(), batch_.claims[0]);
}

TEST_F(StoreFiles, APathThatCannotBeOpenedIsUnavailableNamingIt) {
  std::string path = dir_.file("no-such-directory/truce.db");
  auto store = open_store(path, OpenMode::kCreate);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(contains(store.error().message, path)) << store.error().message;
}

TEST_F(StoreFiles, WritesThroughOneStoreAreReadThroughAnotherOnTheSameFile) {
  auto first = open(path_, OpenMode::kCreate);
  ASSERT_TRUE(first);
  ASSERT_TRUE(first->write(batch_, WriteMode::kCommit));
  auto second = open(path_, OpenMode::kOpenExisting);
  ASSERT_TRUE(second);
  auto claim = second->get_claim(ClaimId("clm_1"));
  ASSERT_TRUE(claim) << claim.error().message;
  EXPECT_EQ(*claim, batch_.claims[0]);

  // And back: the first store sees what the second wrote.
  IntakeBatch more = test::batch_of({test::bare_claim("clm_2", DocumentId())});
  ASSERT_TRUE(second->write(more, WriteMode::kCommit));
  auto count = first->count_claims(ClaimQuery{});
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 2);
}

TEST_F(StoreFiles, AnAcknowledgedWriteSurvivesTheWriterBeingKilled) {
  ASSERT_TRUE(open(path_, OpenMode::kCreate));
  // No connection is open across fork(): the child opens its own.
  pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    auto store = open_store(path_, OpenMode::kOpenExisting);
    if (store && (*store)->write(batch_, WriteMode::kCommit)) {
      kill(getpid(), SIGKILL);  // no close, no checkpoint: the data is only in the WAL
    }
    _exit(1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer failed";
  EXPECT_TRUE(std::filesystem::exists(path_ + "-wal"));

  auto store = open(path_, OpenMode::kOpenExisting);
  ASSERT_TRUE(store);
  auto claim = store->get_claim(ClaimId("clm_1"));
  ASSERT_TRUE(claim) << claim.error().message;
  EXPECT_EQ(*claim, batch_.claims[0]);
}

}  // namespace
}  // namespace truce::storage
