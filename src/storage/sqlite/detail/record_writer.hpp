// The rows of one record: INSERTs for a source, a document with its origins
// and agreement references, and a claim with its child rows (coordinates,
// casualties, weapons, assets, provenance, actors, agreement references) and
// its R*Tree box. Each insert is skipped when the id is already
// stored; checking references and comparing with stored records is
// batch_writer's job. Call inside a write transaction.
#pragma once

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"
#include "storage/sqlite/detail/connection.hpp"

namespace truce::storage::sqlite::detail {

// Each returns true when the record was inserted, false when its id exists.
Result<bool> insert_source(Connection& db, const Source& source);
Result<bool> insert_document(Connection& db, const Document& document);
// The claim's time must survive format_civil_time/parse_civil_time and its
// geometry must be valid (see batch_writer), or it would not read back equal.
Result<bool> insert_claim(Connection& db, const Claim& claim);

}  // namespace truce::storage::sqlite::detail
