// Turns a ClaimQuery into SQL: a WHERE clause over the claims table (alias
// "c") and its parameters. The filters are written so SQLite can use the
// R*Tree (bbox), the time indexes (since/until) and the actor index; the
// R*Tree's float boxes are rechecked against the exact REAL box in claims.
#pragma once

#include <string>
#include <string_view>
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

// since/until as interval keys: a date `since` starts at 00:00:00, a date
// `until` runs to 23:59:59 of that day, so both ends are inclusive.
Result<std::string> window_key(const std::string& text, std::string_view name, bool is_end);

// kInvalidInput for a box that is not finite or whose min exceeds its max.
Status check_box(const BoundingBox& box);

// Builds a WHERE clause of "AND"ed conditions with numbered parameters.
class FilterBuilder {
 public:
  // Adds "AND <condition>", where each '?' in `condition` takes the next value.
  template <typename... Values>
  void add(std::string_view condition, Values... values) {
    std::string numbered;
    for (char c : condition) {
      numbered += c;
      if (c == '?') {
        numbered += std::to_string(++count_);
      }
    }
    filter_.where += filter_.where.empty() ? "" : " AND ";
    filter_.where += numbered;
    (filter_.parameters.emplace_back(std::move(values)), ...);
  }

  ClaimFilter finish() && {
    if (filter_.where.empty()) {
      filter_.where = "1";
    }
    return std::move(filter_);
  }

 private:
  ClaimFilter filter_;
  int count_ = 0;
};

// Fails with kInvalidInput for an unreadable since/until, a box whose min
// exceeds its max or that is not finite. limit and offset are not part of it.
Result<ClaimFilter> claim_filter(const ClaimQuery& query);

// Binds the filter's parameters as ?1 ... ?N; returns N.
int bind_filter(Statement& statement, const ClaimFilter& filter);

}  // namespace truce::storage::sqlite::detail
