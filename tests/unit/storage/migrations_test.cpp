// The migration runner on migration lists of the tests' own: upgrades apply
// only what is pending, a failing migration leaves the database as it was,
// and a database newer than the list is refused.
#include "storage/sqlite/detail/migrations.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {
namespace {

constexpr Migration kFirst{1, "first", "CREATE TABLE one (x INTEGER);"};
constexpr Migration kSecond{2, "second",
                            "CREATE TABLE two (y TEXT); INSERT INTO two VALUES ('v2');"};
constexpr Migration kBroken{2, "broken",
                            "CREATE TABLE half (z INTEGER); INSERT INTO nowhere VALUES (1);"};

Connection memory_database() {
  auto db = Connection::open(":memory:", true);
  EXPECT_TRUE(db) << db.error().message;
  return std::move(db).value();
}

bool has_table(Connection& db, const std::string& name) {
  auto statement = db.statement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
  EXPECT_TRUE(statement);
  if (!statement) {
    return false;
  }
  (*statement)->bind_text(1, name);
  auto row = (*statement)->step();
  return row && *row;
}

std::vector<std::string> recorded(Connection& db) {
  std::vector<std::string> rows;
  auto statement = db.statement(
      "SELECT version || ' ' || name || ' ' || length(applied_at) FROM schema_migrations "
      "ORDER BY version");
  EXPECT_TRUE(statement);
  while (statement) {
    auto row = (*statement)->step();
    if (!row || !*row) {
      return rows;
    }
    rows.push_back((*statement)->text_at(0));
  }
  return rows;
}

TEST(MigrationRunner, AFreshDatabaseGetsEveryMigrationRecordedWithItsTime) {
  Connection db = memory_database();
  std::vector<Migration> list{kFirst, kSecond};
  auto migrated = migrate(db, list);
  ASSERT_TRUE(migrated) << migrated.error().message;
  EXPECT_TRUE(has_table(db, "one"));
  EXPECT_TRUE(has_table(db, "two"));
  // applied_at is "YYYY-MM-DDTHH:MM:SSZ": 20 characters.
  EXPECT_EQ(recorded(db), (std::vector<std::string>{"1 first 20", "2 second 20"}));
  auto version = schema_version(db);
  ASSERT_TRUE(version);
  EXPECT_EQ(*version, 2);
}

TEST(MigrationRunner, ADatabaseAtVersionOneIsUpgradedByThePendingMigrationOnly) {
  Connection db = memory_database();
  std::vector<Migration> first_only{kFirst};
  ASSERT_TRUE(migrate(db, first_only));
  ASSERT_TRUE(db.exec("INSERT INTO one VALUES (42)"));

  std::vector<Migration> both{kFirst, kSecond};
  auto upgraded = migrate(db, both);
  ASSERT_TRUE(upgraded) << upgraded.error().message;
  EXPECT_EQ(recorded(db), (std::vector<std::string>{"1 first 20", "2 second 20"}));
  auto kept = db.statement("SELECT x FROM one");
  ASSERT_TRUE(kept);
  auto row = (*kept)->step();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ((*kept)->int_at(0), 42);  // migration 1 did not run again
}

TEST(MigrationRunner, RunningAgainAtTheLatestVersionChangesNothing) {
  Connection db = memory_database();
  std::vector<Migration> both{kFirst, kSecond};
  ASSERT_TRUE(migrate(db, both));
  auto again = migrate(db, both);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(recorded(db).size(), 2u);
}

TEST(MigrationRunner, AFailingMigrationLeavesTheDatabaseAtItsPreviousVersion) {
  Connection db = memory_database();
  std::vector<Migration> first_only{kFirst};
  ASSERT_TRUE(migrate(db, first_only));

  std::vector<Migration> broken{kFirst, kBroken};
  auto failed = migrate(db, broken);
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().message.find("migration 2 (broken)"), std::string::npos)
      << failed.error().message;
  EXPECT_FALSE(has_table(db, "half"));  // its first statement was rolled back too
  EXPECT_EQ(recorded(db), (std::vector<std::string>{"1 first 20"}));
  EXPECT_FALSE(db.in_transaction());
}

TEST(MigrationRunner, ADatabaseNewerThanTheListIsIncompatibleNamingBothVersions) {
  Connection db = memory_database();
  std::vector<Migration> both{kFirst, kSecond};
  ASSERT_TRUE(migrate(db, both));

  std::vector<Migration> first_only{kFirst};
  auto refused = migrate(db, first_only);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kIncompatible);
  EXPECT_NE(refused.error().message.find("version 2"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("version 1"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find(":memory:"), std::string::npos) << refused.error().message;
}

TEST(MigrationRunner, AListWithAGapIsABugReportedAsInternal) {
  Connection db = memory_database();
  std::vector<Migration> gap{kSecond};
  auto refused = migrate(db, gap);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInternal);
  EXPECT_FALSE(has_table(db, "two"));
}

TEST(BundledMigrations, AreNumberedFromOneAndDefineTheLatestSchemaVersion) {
  auto bundled = bundled_migrations();
  ASSERT_FALSE(bundled.empty());
  for (std::size_t i = 0; i < bundled.size(); ++i) {
    EXPECT_EQ(bundled[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(bundled[i].sql.empty());
  }
  EXPECT_EQ(bundled[0].name, "sources_documents_claims");
  ASSERT_GE(bundled.size(), 2u);
  EXPECT_EQ(bundled[1].name, "claim_context_and_agreement_references");
  ASSERT_GE(bundled.size(), 4u);
  EXPECT_EQ(bundled[2].name, "agreement_registry");
  EXPECT_EQ(bundled[3].name, "incidents");
  ASSERT_GE(bundled.size(), 5u);
  EXPECT_EQ(bundled[4].name, "users_and_audit");
  ASSERT_GE(bundled.size(), 6u);
  EXPECT_EQ(bundled[5].name, "incident_summaries_and_reviews");
  ASSERT_GE(bundled.size(), 9u);
  EXPECT_EQ(bundled[6].name, "complaints");
  EXPECT_EQ(bundled[7].name, "incident_comments_evidence_persons");
  EXPECT_EQ(bundled[8].name, "incident_page_order");
  ASSERT_GE(bundled.size(), 10u);
  EXPECT_EQ(bundled[9].name, "incident_note_anchors");
  EXPECT_EQ(latest_version(bundled), storage::latest_schema_version());
}

TEST(BundledMigrations, CreateOnlyTheTablesOfTodaysModel) {
  Connection db = memory_database();
  ASSERT_TRUE(migrate(db, bundled_migrations()));
  for (const char* table : {"sources",
                            "documents",
                            "claims",
                            "claim_casualties",
                            "claim_boxes",
                            "claim_involved_actors",
                            "claim_agreement_references",
                            "claim_agreement_reference_dates",
                            "claim_agreement_reference_spans",
                            "document_agreement_references",
                            "document_agreement_reference_dates",
                            "document_agreement_reference_spans",
                            "incidents",
                            "incident_members",
                            "incident_links",
                            "analyst_decisions",
                            "analyst_decision_claims",
                            "decision_constraints",
                            "incident_history",
                            "users",
                            "tokens",
                            "incident_summaries",
                            "incident_boxes",
                            "incident_tags",
                            "incident_reviews",
                            "incident_signoffs",
                            "incident_comments",
                            "evidence_files",
                            "incident_evidence",
                            "incident_persons",
                            "incident_note_anchors",
                            "incident_summary_spans",
                            "audit_log"}) {
    EXPECT_TRUE(has_table(db, table)) << table;
  }
  for (const char* table : {"agreements", "audit"}) {
    EXPECT_FALSE(has_table(db, table)) << table;
  }
}

// Summaries, tags and reviews written under migration 6 come through
// the later ones (9: page order) with the tags in page order, the reviews copied onto the
// summaries and the longest span measured.
TEST(BundledMigrations, PageOrderIsFilledInForSummariesWrittenBefore) {
  Connection db = memory_database();
  const auto& bundled = bundled_migrations();
  ASSERT_GE(bundled.size(), 7u);
  std::vector<Migration> up_to_6(bundled.begin(), bundled.begin() + 6);
  ASSERT_TRUE(migrate(db, up_to_6));
  ASSERT_TRUE(db.exec(
      "INSERT INTO incidents (id, start_key, end_key, updated_at) VALUES "
      "('inc_1', '2023-01-01T00:00:00', '2023-01-03T00:00:00', 'now'), "
      "('inc_2', '2023-02-01T00:00:00', '2023-02-01T01:00:00', 'now');"
      "INSERT INTO incident_summaries (summary_key, incident_id, start_key, end_key, attribution, "
      "evidence, summary, public_summary, summarised_at) VALUES "
      "(7, 'inc_1', '2023-01-01T00:00:00', '2023-01-03T00:00:00', 'agreed', 'corroborated', "
      "'{}', '{}', 'now'), "
      "(8, 'inc_2', '2023-02-01T00:00:00', '2023-02-01T01:00:00', 'contested', 'contested', "
      "'{}', '{}', 'now');"
      "INSERT INTO incident_tags (kind, value, summary_key) VALUES ('actor', 'north', 7), "
      "('actor', 'north', 8);"
      "INSERT INTO incident_reviews (incident_id, published, state, updated_at) VALUES "
      "('inc_2', 1, 'verified', 'now');"));
  ASSERT_TRUE(migrate(db, bundled_migrations()));
  auto rows = db.statement(
      "SELECT group_concat(incident_id || ' ' || start_key || ' ' || state || ' ' || published, "
      "'; ') FROM (SELECT * FROM incident_tags WHERE kind = 'actor' AND value = 'north' "
      "ORDER BY start_key)");
  ASSERT_TRUE(rows);
  ASSERT_TRUE((*rows)->step());
  EXPECT_EQ((*rows)->text_at(0),
            "inc_1 2023-01-01T00:00:00 unverified 0; inc_2 2023-02-01T00:00:00 verified 1");
  auto span = db.statement("SELECT longest_seconds FROM incident_summary_spans");
  ASSERT_TRUE(span);
  ASSERT_TRUE((*span)->step());
  EXPECT_EQ((*span)->int_at(0), 2 * 86400);
}

}  // namespace
}  // namespace truce::storage::sqlite::detail
