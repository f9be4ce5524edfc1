// The registry_files table (migration 3): the agreement registry's files.
#pragma once

#include <vector>

#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

Result<std::vector<RegistryFile>> read_registry_files(Connection& db);
// Inside the caller's write transaction.
Result<int> write_registry_files(Connection& db, const std::vector<RegistryFile>& files);

}  // namespace truce::storage::sqlite::detail
