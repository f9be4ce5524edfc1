// RAII handles for the SQLite C API: a connection, its cached prepared
// statements and transactions. The sqlite3 types are only forward-declared, so
// code that drives a Connection (the migration tests) need not include sqlite3.h.
//
// Errors: every failure becomes a truce::Error whose code follows SQLite's
// result code (busy/IO -> kUnavailable, corrupt -> kDataCorruption, not a
// database -> kIncompatible) and whose message names the database file.
//
// Thread-safety: none; a Connection belongs to one Store.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace truce::storage::sqlite::detail {

// A prepared statement. Bind failures are remembered and reported by the next
// step(), so call sites can bind a row of values without a check after each.
// Indexes are SQLite's: parameters from 1, result columns from 0.
class Statement final {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string database_path);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  void bind_text(int index, std::string_view value);
  // `bytes` must stay alive until the statement is stepped.
  void bind_blob(int index, std::string_view bytes);
  void bind_int(int index, long long value);
  void bind_real(int index, double value);
  void bind_null(int index);

  // true: a result row is ready; false: the statement has finished.
  Result<bool> step();
  // For statements that return no rows (INSERT, CREATE...).
  Status run();
  // Ends the current execution and clears the bindings.
  void reset();

  bool is_null(int column) const;
  long long int_at(int column) const;
  double real_at(int column) const;
  std::string text_at(int column) const;
  std::string blob_at(int column) const;

  // Used by Connection's cache: a statement is handed out to one user at a time.
  bool leased() const { return leased_; }
  void set_leased(bool leased) { leased_ = leased; }

 private:
  Error error_for(int rc) const;
  // Keeps the first failed bind for step() to report.
  void remember_bind(int rc, int index);

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string database_path_;
  int bind_rc_ = 0;
  int bind_index_ = 0;
  bool leased_ = false;
};

// A cached statement on loan; resetting it on release means no statement keeps
// a read snapshot open between calls (which would stall WAL checkpoints).
class StatementLease final {
 public:
  explicit StatementLease(Statement& statement) : statement_(&statement) {
    statement_->set_leased(true);
  }
  StatementLease(StatementLease&& other) noexcept
      : statement_(std::exchange(other.statement_, nullptr)) {}
  StatementLease& operator=(StatementLease&&) = delete;
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  ~StatementLease() {
    if (statement_ != nullptr) {
      statement_->reset();
      statement_->set_leased(false);
    }
  }

  Statement* operator->() const { return statement_; }
  Statement& operator*() const { return *statement_; }

 private:
  Statement* statement_;
};

class Connection final {
 public:
  // Opens `path` (":memory:" is a private in-memory database). With `create`
  // the file is created if absent. Fails with kUnavailable naming the path.
  // Sets a busy timeout so a concurrent writer makes us wait, not fail.
  static Result<Connection> open(const std::string& path, bool create);

  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  const std::string& path() const { return path_; }

  // Runs one or more statements that take no parameters (migrations, pragmas).
  Status exec(std::string_view sql);
  // A prepared statement for `sql`, prepared once per connection and reused.
  Result<StatementLease> statement(std::string_view sql);

  long long last_insert_rowid() const;
  int changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
  bool in_transaction() const;

  // The connection's last error as an Error; `what` says what was attempted.
  Error last_error(int rc, std::string_view what) const;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };

  Connection(sqlite3* db, std::string path);
  void close();

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>, StringHash, std::equal_to<>>
      statements_;
};

// BEGIN ... COMMIT with rollback on every other path. A write transaction
// takes the write lock at BEGIN (IMMEDIATE), so waiting for another writer
// happens before any work, and a read transaction gives one consistent snapshot.
class Transaction final {
 public:
  enum class Kind { kRead, kWrite };

  static Result<Transaction> begin(Connection& db, Kind kind);

  Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // Rolls back if neither commit() nor rollback() ran (an early return).
  ~Transaction();

  Status commit();
  Status rollback();

 private:
  explicit Transaction(Connection& db) : db_(&db) {}

  Connection* db_;
};

// Replaces an error's context with `context`, keeping the old one in brackets
// ("storage.sqlite: write batch (INSERT INTO claims ...)").
Error with_context(Error error, std::string_view context);

// Steps through the rows of a leased statement, calling `read()` on each;
// the first step that fails ends the walk with its error.
template <typename Read>
Status for_each_row(const StatementLease& statement, Read&& read) {
  while (true) {
    auto row = statement->step();
    if (!row) {
      return std::move(row).error();
    }
    if (!*row) {
      return Status::ok();
    }
    read();
  }
}

// Prepares `sql` (or takes it from the cache), lets `bind(statement)` set its
// parameters and runs it once: the counterpart of for_each_row for the
// statements that return no rows.
template <typename Bind>
Status run_statement(Connection& db, std::string_view sql, Bind&& bind) {
  auto statement = db.statement(sql);
  if (!statement) {
    return std::move(statement).error();
  }
  bind(**statement);
  return (*statement)->run();
}

}  // namespace truce::storage::sqlite::detail
