// Turns a ClaimQuery into SQL: a WHERE clause over the claims table (alias
// "c") and its parameters. The filters are written so SQLite can use the
// R*Tree (bbox), the time indexes (since/until) and the actor index; the
// R*Tree's float boxes are rechecked against the exact REAL box in claims.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "storage/sqlite/detail/connection.hpp"
#include "storage/store.hpp"

namespace truce::storage::sqlite::detail {

struct ClaimFilter {
  std::string where;                                                     // "1" when nothing filters
  std::vector<std::variant<std::string, double, long long>> parameters;  // ?1, ?2, ...
};

// Fails with kInvalidInput for an unreadable since/until, a box whose min
// exceeds its max or that is not finite. limit and offset are not part of it.
Result<ClaimFilter> claim_filter(const ClaimQuery& query);

// Binds the filter's parameters as ?1 ... ?N; returns N.
int bind_filter(Statement& statement, const ClaimFilter& filter);

}  // namespace truce::storage::sqlite::detail
