// The embedded SQLite backend of Store: one database file in WAL mode with
// foreign keys on and synchronous=FULL, so a write() that returned is on disk
// even if the process is killed right after. Schema by versioned migrations
// (data/migrations, compiled in).
//
// Thread-safety: as Store; one SqliteStore per thread. Several processes may
// open the same file: SQLite's locks serialise writers (readers never block),
// and a busy writer makes others wait up to a timeout, then kUnavailable.
#pragma once

#include <memory>
#include <string>

#include "storage/store.hpp"

namespace truce::storage::sqlite {

// Opens or creates the SQLite database at `path` (":memory:" for a private
// in-memory database, created fresh whatever the mode). Failures, each naming
// the file: kCreate on an existing file -> kConflict; kOpenExisting on a
// missing file -> kNotFound; a file that is not a SQLite database or not a
// truce database -> kIncompatible; a damaged one -> kDataCorruption; a
// schema newer than this build -> kIncompatible naming both versions; a path
// that cannot be opened -> kUnavailable.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, OpenMode mode);

}  // namespace truce::storage::sqlite
