// Error vocabulary shared by every module. Expected failures (bad input, a
// missing row, a database that is down) travel as values of Result<T>;
// exceptions are reserved for bugs and are caught at the edges (CLI, HTTP).
// Member names follow std::expected (C++23) so a later switch is mechanical.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace truce {

// Closed set; each maps to one CLI exit code (app/exit_codes) and later one
// HTTP status. Adding a code makes -Wswitch point at every table to extend.
enum class ErrorCode {
  kInvalidInput,    // the caller sent something malformed
  kNotFound,        // the addressed entity does not exist
  kConflict,        // the input contradicts what is already stored
  kUnavailable,     // a file or database cannot be reached; retrying may help
  kIncompatible,    // e.g. a database written by a newer truce
  kDataCorruption,  // stored data violates an invariant
  kInternal,        // a bug; should never reach a user
};

// Stable machine-readable names ("invalid_input"), used in JSON output.
constexpr std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kIncompatible: return "incompatible";
    case ErrorCode::kDataCorruption: return "data_corruption";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // complete sentence for the user: names file, line, field
  std::string context;  // where it was noticed, for logs: "storage.sqlite: write batch"
};

inline Error make_error(ErrorCode code, std::string message, std::string context = {}) {
  return Error{code, std::move(message), std::move(context)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool has_value() const noexcept { return std::holds_alternative<T>(state_); }
  explicit operator bool() const noexcept { return has_value(); }

  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }

  const Error& error() const& { return std::get<Error>(state_); }
  Error&& error() && { return std::get<Error>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

// Result of an operation that yields nothing but success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  // Implicit so that `return error;` reads like Result's.
  // NOLINTNEXTLINE(google-explicit-constructor)
  Status(Error error) : error_(std::move(error)), ok_(false) {}

  static Status ok() { return {}; }
  bool has_value() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  const Error& error() const& { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace truce
