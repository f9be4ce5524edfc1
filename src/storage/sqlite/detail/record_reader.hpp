// Reads records back from their rows: the inverse of record_writer. A value
// the schema cannot hold (an unknown enum word, a malformed time) is reported
// as kDataCorruption naming the record, the column and the database file.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"
#include "storage/sqlite/detail/connection.hpp"

namespace truce::storage::sqlite::detail {

Result<std::optional<Source>> read_source(Connection& db, const SourceId& id);
Result<std::vector<Source>> read_sources(Connection& db);  // ordered by id

Result<std::optional<Document>> read_document(Connection& db, const DocumentId& id);
Result<std::vector<Document>> read_documents_without_text(Connection& db);  // ordered by id

// Documents without text ordered by id: of one source if given, after
// `after_id` if given, at most `limit`.
Result<std::vector<Document>> read_documents_page(Connection& db,
                                                  const std::optional<std::string>& source,
                                                  const std::optional<std::string>& after_id,
                                                  int limit);

Result<std::optional<Claim>> read_claim(Connection& db, const ClaimId& id);

// The select list read_claim_row expects, columns of table alias "c", for
// queries that select whole claims (find_claims).
extern const std::string_view kClaimColumns;
// Decodes the current row of `row` (selected with kClaimColumns) and loads
// the claim's child rows.
Result<Claim> read_claim_row(Connection& db, const Statement& row);

}  // namespace truce::storage::sqlite::detail
