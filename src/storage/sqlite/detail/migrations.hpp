// Versioned schema migrations: the SQL files of data/migrations, compiled into
// the binary at build time, and the runner that applies the pending ones in
// one transaction and records each in schema_migrations (version, name,
// applied_at). The runner takes the list as a parameter so tests can drive it
// with migration lists of their own.
#pragma once

#include <span>
#include <string_view>

#include "core/result.hpp"
#include "storage/sqlite/detail/connection.hpp"

namespace truce::storage::sqlite::detail {

struct Migration {
  int version = 0;        // 1, 2, 3... from the file name "0001_..."
  std::string_view name;  // "sources_documents_claims"
  std::string_view sql;   // runs inside the runner's transaction: no BEGIN/COMMIT
};

// data/migrations/*.sql in version order; defined by the generated
// bundled_migrations.cpp (see src/storage/embed_migrations.cmake).
std::span<const Migration> bundled_migrations();

// The highest version in `migrations`, 0 for an empty list.
int latest_version(std::span<const Migration> migrations);

// Whether the database has a schema_migrations table, i.e. is a truce database.
Result<bool> has_migration_table(Connection& db);

// The highest version recorded in schema_migrations; 0 when the table is absent.
Result<int> schema_version(Connection& db);

// Brings the database to the latest version of `migrations`: creates
// schema_migrations if absent, then applies every migration newer than the
// recorded version in one write transaction, so a failing migration leaves the
// database as it was. Fails with kIncompatible (naming both versions and the
// file) when the database is newer than the list, and with kInternal when the
// list is not numbered 1, 2, 3...
Status migrate(Connection& db, std::span<const Migration> migrations);

}  // namespace truce::storage::sqlite::detail
