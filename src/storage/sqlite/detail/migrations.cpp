#include "storage/sqlite/detail/migrations.hpp"

#include <string>

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kContext = "storage.sqlite: migrate";

constexpr std::string_view kCreateMigrationTable = R"(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT)";

constexpr std::string_view kRecordMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) "
    "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";

Status check_numbering(std::span<const Migration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return make_error(ErrorCode::kInternal,
                        "migration '" + std::string(migrations[i].name) + "' has version " +
                            std::to_string(migrations[i].version) + ", expected " +
                            std::to_string(i + 1) + " (a bug in this build of truce)",
                        std::string(kContext));
    }
  }
  return Status::ok();
}

Error newer_than_known(const Connection& db, int version, int latest) {
  return make_error(ErrorCode::kIncompatible,
                    "database '" + db.path() + "' has schema version " + std::to_string(version) +
                        ", newer than version " + std::to_string(latest) +
                        ", the latest this build of truce knows; use a newer truce to open it",
                    std::string(kContext));
}

// The pending migrations of `migrations`, applied inside an open transaction.
Status apply_pending(Connection& db, std::span<const Migration> migrations) {
  auto created = db.exec(kCreateMigrationTable);
  if (!created) {
    return with_context(created.error(), kContext);
  }
  // Read again under the write lock: another process may have migrated
  // between our first look and BEGIN IMMEDIATE.
  auto current = schema_version(db);
  if (!current) {
    return std::move(current).error();
  }
  int latest = latest_version(migrations);
  if (*current > latest) {
    return newer_than_known(db, *current, latest);
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *current) {
      continue;
    }
    std::string label =
        "migration " + std::to_string(migration.version) + " (" + std::string(migration.name) + ")";
    auto applied = db.exec(migration.sql);
    if (!applied) {
      Error error = applied.error();
      error.message = label + " failed: " + error.message;
      return with_context(std::move(error), kContext);
    }
    auto record = db.statement(kRecordMigration);
    if (!record) {
      return std::move(record).error();
    }
    (*record)->bind_int(1, migration.version);
    (*record)->bind_text(2, migration.name);
    auto recorded = (*record)->run();
    if (!recorded) {
      return with_context(recorded.error(), kContext);
    }
  }
  return Status::ok();
}

}  // namespace

int latest_version(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<bool> has_migration_table(Connection& db) {
  auto query = db.statement(
      "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
  if (!query) {
    return std::move(query).error();
  }
  return (*query)->step();
}

Result<int> schema_version(Connection& db) {
  auto exists = has_migration_table(db);
  if (!exists) {
    return std::move(exists).error();
  }
  if (!*exists) {
    return 0;
  }
  auto query = db.statement("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!query) {
    return std::move(query).error();
  }
  auto row = (*query)->step();
  if (!row) {
    return std::move(row).error();
  }
  return static_cast<int>((*query)->int_at(0));
}

Status migrate(Connection& db, std::span<const Migration> migrations) {
  auto numbered = check_numbering(migrations);
  if (!numbered) {
    return numbered;
  }
  // A first look without the write lock, so opening an up-to-date database
  // never waits for (or blocks) a writer.
  auto exists = has_migration_table(db);
  if (!exists) {
    return with_context(std::move(exists).error(), kContext);
  }
  auto current = schema_version(db);
  if (!current) {
    return with_context(std::move(current).error(), kContext);
  }
  int latest = latest_version(migrations);
  if (*current > latest) {
    return newer_than_known(db, *current, latest);
  }
  if (*exists && *current == latest) {
    return Status::ok();
  }

  auto transaction = Transaction::begin(db, Transaction::Kind::kWrite);
  if (!transaction) {
    return with_context(std::move(transaction).error(), kContext);
  }
  auto applied = apply_pending(db, migrations);
  if (!applied) {
    auto rolled_back = transaction->rollback();
    if (!rolled_back) {
      Error error = applied.error();
      error.message += "; rolling back also failed: " + rolled_back.error().message;
      return error;
    }
    return applied;
  }
  auto committed = transaction->commit();
  if (!committed) {
    return with_context(committed.error(), kContext);
  }
  return Status::ok();
}

}  // namespace truce::storage::sqlite::detail
