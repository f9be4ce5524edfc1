#include "storage/sqlite/detail/accounts.hpp"

#include <string>

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kUserColumns =
    "u.user_id, u.name, u.role, u.affiliation, u.password_hash, u.created_at, u.disabled";

// Columns 0-6 of `row` as selected by kUserColumns, from `first`.
User decode_user(const Statement& row, int first) {
  User user;
  user.id = row.int_at(first);
  user.name = row.text_at(first + 1);
  user.role = row.text_at(first + 2);
  if (!row.is_null(first + 3)) {
    user.affiliation = row.text_at(first + 3);
  }
  if (!row.is_null(first + 4)) {
    user.password_hash = row.text_at(first + 4);
  }
  user.created_at = row.text_at(first + 5);
  user.disabled = row.int_at(first + 6) != 0;
  return user;
}

void bind_optional(Statement& statement, int index, const std::optional<std::string>& value) {
  if (value) {
    statement.bind_text(index, *value);
  } else {
    statement.bind_null(index);
  }
}

}  // namespace

Result<User> insert_user(Connection& db, const User& user) {
  auto existing = read_user(db, user.name);
  if (!existing) {
    return std::move(existing).error();
  }
  if (*existing) {
    return make_error(ErrorCode::kConflict, "a user named '" + user.name + "' already exists",
                      "storage.sqlite: add user");
  }
  auto ran = run_statement(
      db,
      "INSERT INTO users (name, role, affiliation, password_hash, created_at, disabled) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      [&](Statement& s) {
        s.bind_text(1, user.name);
        s.bind_text(2, user.role);
        bind_optional(s, 3, user.affiliation);
        bind_optional(s, 4, user.password_hash);
        s.bind_text(5, user.created_at);
        s.bind_int(6, user.disabled ? 1 : 0);
      });
  if (!ran) {
    return ran.error();
  }
  User stored = user;
  stored.id = db.last_insert_rowid();
  return stored;
}

Result<std::optional<User>> read_user(Connection& db, std::string_view name) {
  auto statement =
      db.statement("SELECT " + std::string(kUserColumns) + " FROM users AS u WHERE u.name = ?1");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, name);
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  if (!*row) {
    return std::optional<User>();
  }
  return std::optional<User>(decode_user(**statement, 0));
}

Result<std::vector<User>> read_users(Connection& db) {
  auto statement =
      db.statement("SELECT " + std::string(kUserColumns) + " FROM users AS u ORDER BY u.name");
  if (!statement) {
    return std::move(statement).error();
  }
  std::vector<User> users;
  const Status walked =
      for_each_row(*statement, [&] { users.push_back(decode_user(**statement, 0)); });
  if (!walked) {
    return walked.error();
  }
  return users;
}

Status insert_token(Connection& db, const TokenRecord& token) {
  return run_statement(
      db,
      "INSERT INTO tokens (token_hash, user_id, kind, created_at, expires_at, revoked_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      [&](Statement& s) {
        s.bind_text(1, token.token_hash);
        s.bind_int(2, token.user_id);
        s.bind_text(3, token.kind == TokenKind::kApi ? "api" : "session");
        s.bind_text(4, token.created_at);
        bind_optional(s, 5, token.expires_at);
        bind_optional(s, 6, token.revoked_at);
      });
}

Result<std::optional<std::pair<TokenRecord, User>>> read_token(Connection& db,
                                                               std::string_view token_hash) {
  using Found = std::optional<std::pair<TokenRecord, User>>;
  auto statement = db.statement(
      "SELECT t.token_hash, t.user_id, t.kind, t.created_at, t.expires_at, t.revoked_at, " +
      std::string(kUserColumns) +
      " FROM tokens AS t JOIN users AS u ON u.user_id = t.user_id WHERE t.token_hash = ?1");
  if (!statement) {
    return std::move(statement).error();
  }
  (*statement)->bind_text(1, token_hash);
  auto row = (*statement)->step();
  if (!row) {
    return std::move(row).error();
  }
  if (!*row) {
    return Found();
  }
  const Statement& r = **statement;
  TokenRecord token;
  token.token_hash = r.text_at(0);
  token.user_id = r.int_at(1);
  token.kind = r.text_at(2) == "session" ? TokenKind::kSession : TokenKind::kApi;
  token.created_at = r.text_at(3);
  if (!r.is_null(4)) {
    token.expires_at = r.text_at(4);
  }
  if (!r.is_null(5)) {
    token.revoked_at = r.text_at(5);
  }
  return Found(std::pair{std::move(token), decode_user(r, 6)});
}

Result<int> mark_token_revoked(Connection& db, std::string_view token_hash, std::string_view at) {
  auto ran = run_statement(
      db, "UPDATE tokens SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL",
      [&](Statement& s) {
        s.bind_text(1, token_hash);
        s.bind_text(2, at);
      });
  if (!ran) {
    return ran.error();
  }
  return db.changes();
}

}  // namespace truce::storage::sqlite::detail
