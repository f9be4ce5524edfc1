// The hash-chained audit log (table audit_log, migration 5). Each entry's
// hash is SHA-256 over the previous entry's hash and this entry's fields, each
// length-prefixed so no two different entries serialise alike:
//   hash = hex(SHA-256(prev_hash | seq | at | actor | action | target | before | after))
// The first entry's prev_hash is 64 zeros. An edited entry no longer matches
// its hash; a deleted or reordered one breaks the next entry's prev_hash or the
// run of sequence numbers. Appends run inside the caller's write transaction.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

// Appends one entry; call inside a write transaction.
Status append_audit_entry(Connection& db, const AuditRecord& record);

Result<std::vector<AuditEntry>> read_audit_entries(Connection& db, long long after_seq, int limit);

// Walks the whole log in order and reports the first entry that breaks the chain.
Result<AuditCheck> check_audit_chain(Connection& db);

// The hash an entry must carry; exposed for tests.
std::string audit_entry_hash(const std::string& prev_hash, long long seq, const std::string& at,
                             const AuditRecord& record);

}  // namespace truce::storage::sqlite::detail
