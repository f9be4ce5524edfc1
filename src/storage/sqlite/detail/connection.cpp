#include "storage/sqlite/detail/connection.hpp"

#include <sqlite3.h>

#include <cctype>
#include <string>

namespace truce::storage::sqlite::detail {
namespace {

// Long enough for a concurrent writer's batch to finish, short enough that a
// stuck process is reported instead of hanging the caller.
constexpr int kBusyTimeoutMs = 10000;
constexpr std::size_t kSqlHeadLength = 60;

ErrorCode code_for(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS: return ErrorCode::kUnavailable;
    case SQLITE_CORRUPT: return ErrorCode::kDataCorruption;
    case SQLITE_NOTADB: return ErrorCode::kIncompatible;
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH: return ErrorCode::kInvalidInput;
    default: return ErrorCode::kInternal;
  }
}

// A message a user can act on: what failed, SQLite's words, the file, a hint.
std::string message_for(int rc, std::string_view sqlite_message, const std::string& path) {
  std::string quoted = "'" + path + "'";
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "database " + quoted + " is locked by another connection (" +
             std::string(sqlite_message) + "); retry when the other writer has finished";
    case SQLITE_FULL:
      return "database " + quoted + " cannot grow (" + std::string(sqlite_message) +
             "); free disk space and retry";
    case SQLITE_CORRUPT:
      return "database " + quoted + " is damaged (" + std::string(sqlite_message) +
             "); restore it from a backup";
    case SQLITE_NOTADB:
      return quoted + " is not a SQLite database (" + std::string(sqlite_message) + ")";
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return "cannot read or write database " + quoted + " (" + std::string(sqlite_message) +
             "); check the file, its directory and their permissions";
    default: return "SQLite error on database " + quoted + ": " + std::string(sqlite_message);
  }
}

std::string sql_head(const char* sql) {
  std::string head = sql == nullptr ? std::string() : std::string(sql);
  for (char& c : head) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      c = ' ';
    }
  }
  if (head.size() > kSqlHeadLength) {
    head.resize(kSqlHeadLength);
    head += "...";
  }
  return head;
}

}  // namespace

Error with_context(Error error, std::string_view context) {
  std::string previous = std::move(error.context);
  error.context = std::string(context);
  if (!previous.empty()) {
    error.context += " (" + previous + ")";
  }
  return error;
}

// ---- Statement ----

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string database_path)
    : db_(db), stmt_(stmt), database_path_(std::move(database_path)) {}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

void Statement::bind_text(int index, std::string_view value) {
  // SQLITE_TRANSIENT copies: callers' strings may not outlive the step.
  int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  remember_bind(rc, index);
}

void Statement::bind_blob(int index, std::string_view bytes) {
  // Static: blobs are large and the caller keeps them alive until the step.
  int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC);
  remember_bind(rc, index);
}

void Statement::bind_int(int index, long long value) {
  remember_bind(sqlite3_bind_int64(stmt_, index, value), index);
}

void Statement::bind_real(int index, double value) {
  remember_bind(sqlite3_bind_double(stmt_, index, value), index);
}

void Statement::bind_null(int index) {
  remember_bind(sqlite3_bind_null(stmt_, index), index);
}

void Statement::remember_bind(int rc, int index) {
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
}

Result<bool> Statement::step() {
  if (bind_rc_ != SQLITE_OK) {
    return make_error(code_for(bind_rc_),
                      "cannot bind parameter " + std::to_string(bind_index_) + ": " +
                          sqlite3_errstr(bind_rc_) + " (database '" + database_path_ + "')",
                      "storage.sqlite: " + sql_head(sqlite3_sql(stmt_)));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  return error_for(rc);
}

Status Statement::run() {
  auto stepped = step();
  if (!stepped) {
    return std::move(stepped).error();
  }
  return Status::ok();
}

void Statement::reset() {
  // The return value repeats the last step's error, which was reported there.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = SQLITE_OK;
  bind_index_ = 0;
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

long long Statement::int_at(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::real_at(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text_at(int column) const {
  // text before bytes: the byte count refers to the UTF-8 form just produced.
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  int bytes = sqlite3_column_bytes(stmt_, column);
  if (text == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes)};
}

std::string Statement::blob_at(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  if (bytes == nullptr) {
    return {};
  }
  return {static_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

Error Statement::error_for(int rc) const {
  return make_error(code_for(rc), message_for(rc, sqlite3_errmsg(db_), database_path_),
                    "storage.sqlite: " + sql_head(sqlite3_sql(stmt_)));
}

// ---- Connection ----

Result<Connection> Connection::open(const std::string& path, bool create) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (create) {
    flags |= SQLITE_OPEN_CREATE;
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);  // a handle is returned even on failure and must be freed
    return make_error(ErrorCode::kUnavailable,
                      "cannot open database '" + path + "': " + reason +
                          "; check that the path and its directory exist and are writable",
                      "storage.sqlite: open");
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  return Connection(db, path);
}

Connection::Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Connection::Connection(Connection&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      statements_(std::move(other.statements_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    statements_ = std::move(other.statements_);
  }
  return *this;
}

Connection::~Connection() {
  close();
}

void Connection::close() {
  // Statements first: sqlite3_close refuses a connection with live statements.
  statements_.clear();
  if (db_ != nullptr) {
    sqlite3_close(db_);
    db_ = nullptr;
  }
}

Status Connection::exec(std::string_view sql) {
  std::string text(sql);  // sqlite3_exec needs a NUL-terminated string
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string reason = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return make_error(code_for(rc), message_for(rc, reason, path_),
                      "storage.sqlite: " + sql_head(text.c_str()));
  }
  return Status::ok();
}

Result<StatementLease> Connection::statement(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found != statements_.end()) {
    if (found->second->leased()) {
      return make_error(ErrorCode::kInternal,
                        "a cached statement was used while already in use (a bug in truce)",
                        "storage.sqlite: " + sql_head(std::string(sql).c_str()));
    }
    return StatementLease(*found->second);
  }
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) {
    return last_error(rc, "prepare " + sql_head(std::string(sql).c_str()));
  }
  auto statement = std::make_unique<Statement>(db_, stmt, path_);
  auto& stored = *statements_.emplace(std::string(sql), std::move(statement)).first->second;
  return StatementLease(stored);
}

long long Connection::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

int Connection::changes() const {
  return sqlite3_changes(db_);
}

bool Connection::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

Error Connection::last_error(int rc, std::string_view what) const {
  return make_error(code_for(rc), message_for(rc, sqlite3_errmsg(db_), path_),
                    "storage.sqlite: " + std::string(what));
}

// ---- Transaction ----

Result<Transaction> Transaction::begin(Connection& db, Kind kind) {
  auto begun = db.exec(kind == Kind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!begun) {
    return begun.error();
  }
  return Transaction(db);
}

Transaction::~Transaction() {
  if (db_ != nullptr && db_->in_transaction()) {
    // Only reached on a path that returned early without commit() or
    // rollback(); those report their errors. A destructor cannot, and SQLite
    // rolls back anyway when the connection closes.
    static_cast<void>(db_->exec("ROLLBACK"));
  }
}

Status Transaction::commit() {
  Connection* db = std::exchange(db_, nullptr);
  auto committed = db->exec("COMMIT");
  if (!committed && db->in_transaction()) {
    // A failed COMMIT may leave the transaction open; never leave it dangling.
    static_cast<void>(db->exec("ROLLBACK"));
  }
  return committed;
}

Status Transaction::rollback() {
  Connection* db = std::exchange(db_, nullptr);
  // Some errors (IO, full disk) make SQLite roll back by itself.
  if (!db->in_transaction()) {
    return Status::ok();
  }
  return db->exec("ROLLBACK");
}

}  // namespace truce::storage::sqlite::detail
