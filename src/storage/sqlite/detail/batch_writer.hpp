// Writes one IntakeBatch: sources, then documents, then claims, so records may
// refer to others earlier or later in the same batch. Counts what was added
// and what was already stored unchanged; refuses (kConflict) a stored id whose
// content differs and (kInvalidInput) a reference to a record that is neither
// in the batch nor stored, naming the record and its location in the input.
// Runs inside the caller's write transaction; on error the caller rolls back.
#pragma once

#include "core/batch.hpp"
#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

Result<WriteSummary> write_batch(Connection& db, const IntakeBatch& batch);

}  // namespace truce::storage::sqlite::detail
