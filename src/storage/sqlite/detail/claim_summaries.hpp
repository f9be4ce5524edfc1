// Claim summaries for listings: one query over the claims table for the page
// and one for all of the page's casualty figures (keys passed as a JSON array
// to json_each), so a page of 100 costs two statements, not hundreds.
#pragma once

#include <vector>

#include "core/result.hpp"
#include "storage/sqlite/detail/claim_query.hpp"
#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

Result<std::vector<ClaimSummary>> read_claim_summaries(Connection& db, const ClaimFilter& filter,
                                                       int limit, int offset);

}  // namespace truce::storage::sqlite::detail
