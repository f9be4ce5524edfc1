#include "storage/store.hpp"

#include <string>

#include "storage/sqlite/detail/migrations.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace truce::storage {
namespace {

constexpr std::string_view kContext = "storage: open";

bool has_prefix(std::string_view location, std::string_view prefix) {
  return location.substr(0, prefix.size()) == prefix;
}

}  // namespace

Result<std::unique_ptr<Store>> open_store(std::string_view location, OpenMode mode) {
  std::string_view path = location;
  for (std::string_view scheme : {"sqlite:", "file:"}) {
    if (has_prefix(location, scheme)) {
      path = location.substr(scheme.size());
      break;
    }
  }
  if (has_prefix(location, "postgres:") || has_prefix(location, "postgresql:")) {
    return make_error(ErrorCode::kInvalidInput,
                      "'" + std::string(location) +
                          "' names a PostgreSQL database, but this build of truce has only the "
                          "SQLite backend; give a file path or sqlite:PATH",
                      std::string(kContext));
  }
  if (path.empty()) {
    return make_error(ErrorCode::kInvalidInput,
                      "no database location given; use a file path, sqlite:PATH or :memory:",
                      std::string(kContext));
  }
  return sqlite::open_sqlite_store(std::string(path), mode);
}

int latest_schema_version() {
  return sqlite::detail::latest_version(sqlite::detail::bundled_migrations());
}

}  // namespace truce::storage
