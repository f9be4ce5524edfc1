// Users and tokens (tables users and tokens, migration 5). Writes run inside
// the caller's transaction; each fails with the SQLite-derived Error.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

// kConflict when the name is taken.
Result<User> insert_user(Connection& db, const User& user);
Result<std::optional<User>> read_user(Connection& db, std::string_view name);
Result<std::vector<User>> read_users(Connection& db);

Status insert_token(Connection& db, const TokenRecord& token);
Result<std::optional<std::pair<TokenRecord, User>>> read_token(Connection& db,
                                                               std::string_view token_hash);
// Number of live tokens revoked (0 or 1).
Result<int> mark_token_revoked(Connection& db, std::string_view token_hash, std::string_view at);

}  // namespace truce::storage::sqlite::detail
