#include "storage/sqlite/detail/registry_files.hpp"

#include <map>

namespace truce::storage::sqlite::detail {

Result<std::vector<RegistryFile>> read_registry_files(Connection& db) {
  auto query =
      db.statement("SELECT name, kind, origin, version, content FROM registry_files ORDER BY name");
  if (!query) {
    return std::move(query).error();
  }
  std::vector<RegistryFile> files;
  for (;;) {
    auto row = (*query)->step();
    if (!row) {
      return std::move(row).error();
    }
    if (!*row) {
      break;
    }
    files.push_back({(*query)->text_at(0), (*query)->text_at(1) == "agreement",
                     (*query)->text_at(2) == "bundled", static_cast<int>((*query)->int_at(3)),
                     (*query)->text_at(4)});
  }
  return files;
}

Result<int> write_registry_files(Connection& db, const std::vector<RegistryFile>& files) {
  auto stored = read_registry_files(db);
  if (!stored) {
    return std::move(stored).error();
  }
  std::map<std::string, RegistryFile> by_name;
  for (RegistryFile& file : *stored) {
    by_name.emplace(file.name, std::move(file));
  }
  auto upsert = db.statement(
      "INSERT INTO registry_files (name, kind, origin, version, content, loaded_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
      "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, version = excluded.version, "
      "content = excluded.content, loaded_at = excluded.loaded_at");
  if (!upsert) {
    return std::move(upsert).error();
  }
  int changed = 0;
  for (const RegistryFile& file : files) {
    int version = 1;
    if (auto at = by_name.find(file.name); at != by_name.end()) {
      if (at->second.bundled != file.bundled) {
        return make_error(ErrorCode::kConflict,
                          "'" + file.name + "' is already stored as a " +
                              (at->second.bundled ? "bundled" : "user") +
                              " file; choose another file name",
                          "storage.sqlite: registry files");
      }
      if (at->second.content == file.content) {
        continue;
      }
      version = at->second.version + 1;
    }
    (*upsert)->bind_text(1, file.name);
    (*upsert)->bind_text(2, file.agreement ? "agreement" : "geography");
    (*upsert)->bind_text(3, file.bundled ? "bundled" : "user");
    (*upsert)->bind_int(4, version);
    (*upsert)->bind_text(5, file.content);
    auto ran = (*upsert)->run();
    if (!ran) {
      return ran.error();
    }
    (*upsert)->reset();
    ++changed;
  }
  return changed;
}

}  // namespace truce::storage::sqlite::detail
