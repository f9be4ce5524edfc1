#include "storage/sqlite/detail/claim_query.hpp"

#include <cmath>
#include <string_view>

#include "core/time.hpp"
#include "core/vocabulary.hpp"

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kContext = "storage.sqlite: claim query";

}  // namespace

// since/until as interval keys: a date `since` starts at 00:00:00, a date
// `until` runs to 23:59:59 of that day, so both ends are inclusive.
Result<std::string> window_key(const std::string& text, std::string_view name, bool is_end) {
  auto time = parse_civil_time(text);
  if (!time) {
    return make_error(ErrorCode::kInvalidInput,
                      std::string(name) + " '" + text +
                          "' is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS])",
                      std::string(kContext));
  }
  TimeInterval instant{*time, *time, TimePrecision::kDay, {}};
  return is_end ? interval_end_key(instant) : interval_start_key(instant);
}

Status check_box(const BoundingBox& box) {
  for (double value : {box.min_lon, box.min_lat, box.max_lon, box.max_lat}) {
    if (!std::isfinite(value)) {
      return make_error(ErrorCode::kInvalidInput, "bbox has a coordinate that is not a number",
                        std::string(kContext));
    }
  }
  if (box.min_lon > box.max_lon) {
    return make_error(ErrorCode::kInvalidInput,
                      "bbox min_lon " + std::to_string(box.min_lon) + " is greater than max_lon " +
                          std::to_string(box.max_lon) +
                          "; a box across the antimeridian must be queried as two boxes",
                      std::string(kContext));
  }
  if (box.min_lat > box.max_lat) {
    return make_error(ErrorCode::kInvalidInput,
                      "bbox min_lat " + std::to_string(box.min_lat) + " is greater than max_lat " +
                          std::to_string(box.max_lat),
                      std::string(kContext));
  }
  return Status::ok();
}

Result<ClaimFilter> claim_filter(const ClaimQuery& query) {
  FilterBuilder filter;
  if (query.since) {
    auto key = window_key(*query.since, "since", false);
    if (!key) {
      return std::move(key).error();
    }
    // As a rowid subquery: written as "c.end_key >= ?", SQLite prefers
    // scanning claims_by_start for the ORDER BY and tests end_key row by row,
    // which reads every older claim; this form seeks claims_by_end instead.
    filter.add("c.claim_key IN (SELECT e.claim_key FROM claims AS e WHERE e.end_key >= ?)",
               std::move(key).value());
  }
  if (query.until) {
    auto key = window_key(*query.until, "until", true);
    if (!key) {
      return std::move(key).error();
    }
    filter.add("c.start_key <= ?", std::move(key).value());
  }
  if (query.bbox) {
    const BoundingBox& box = *query.bbox;
    auto checked = check_box(box);
    if (!checked) {
      return checked.error();
    }
    // The R*Tree narrows to candidates by float boxes rounded outward; the
    // exact REAL columns then decide, so edge-touching boxes stay exact.
    filter.add(
        "c.claim_key IN (SELECT claim_boxes.claim_key FROM claim_boxes WHERE "
        "claim_boxes.min_lon <= ? AND claim_boxes.max_lon >= ? AND claim_boxes.min_lat <= ? AND "
        "claim_boxes.max_lat >= ?)",
        box.max_lon, box.min_lon, box.max_lat, box.min_lat);
    filter.add("c.min_lon <= ? AND c.max_lon >= ? AND c.min_lat <= ? AND c.max_lat >= ?",
               box.max_lon, box.min_lon, box.max_lat, box.min_lat);
  }
  if (query.event_type) {
    filter.add("c.event_type = ?", std::string(to_string(*query.event_type)));
  }
  if (query.actor) {
    filter.add(
        "c.claim_key IN (SELECT claim_actors.claim_key FROM claim_actors WHERE "
        "claim_actors.actor_id = ?)",
        *query.actor);
  }
  if (query.source) {
    filter.add(
        "c.document_id IN (SELECT documents.id FROM documents WHERE documents.source_id = ?)",
        query.source->str());
  }
  if (query.document) {
    filter.add("c.document_id = ?", query.document->str());
  }
  if (query.after) {
    // A row value, so SQLite seeks claims_by_start (start_key, id) to the position.
    filter.add("(c.start_key, c.id) > (?, ?)", query.after->start_key, query.after->id);
  }
  return std::move(filter).finish();
}

int bind_filter(Statement& statement, const ClaimFilter& filter) {
  int index = 0;
  for (const auto& parameter : filter.parameters) {
    ++index;
    if (const auto* text = std::get_if<std::string>(&parameter)) {
      statement.bind_text(index, *text);
    } else if (const auto* real = std::get_if<double>(&parameter)) {
      statement.bind_real(index, *real);
    } else {
      statement.bind_int(index, std::get<long long>(parameter));
    }
  }
  return index;
}

}  // namespace truce::storage::sqlite::detail
