#include "storage/sqlite/detail/claim_summaries.hpp"

#include <string>
#include <unordered_map>

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kSummaryColumns =
    "c.claim_key, c.id, c.document_id, c.claimant_id, c.event_type, c.time_start, c.time_end, "
    "c.time_precision, c.start_key, c.place_name, c.place_precision, c.min_lon, c.min_lat, "
    "c.max_lon, c.max_lat, c.perpetrator_id, c.target_id, c.credibility";

std::optional<std::string> optional_text(const Statement& row, int column) {
  if (row.is_null(column)) {
    return std::nullopt;
  }
  return row.text_at(column);
}

}  // namespace

Result<std::vector<ClaimSummary>> read_claim_summaries(Connection& db, const ClaimFilter& filter,
                                                       int limit, int offset) {
  std::vector<ClaimSummary> summaries;
  std::unordered_map<long long, std::size_t> index_of_key;
  std::string keys = "[";
  {  // the page's statement is released (reset) before the figures are read
    int parameters = static_cast<int>(filter.parameters.size());
    auto statement =
        db.statement("SELECT " + std::string(kSummaryColumns) + " FROM claims AS c WHERE " +
                     filter.where + " ORDER BY c.start_key, c.id LIMIT ?" +
                     std::to_string(parameters + 1) + " OFFSET ?" + std::to_string(parameters + 2));
    if (!statement) {
      return std::move(statement).error();
    }
    int bound = bind_filter(**statement, filter);
    (*statement)->bind_int(bound + 1, limit);
    (*statement)->bind_int(bound + 2, offset);
    const Status walked = for_each_row(*statement, [&] {
      const Statement& r = **statement;
      ClaimSummary summary;
      long long key = r.int_at(0);
      summary.id = r.text_at(1);
      summary.document = r.text_at(2);
      summary.claimant = r.text_at(3);
      summary.event_type = r.text_at(4);
      summary.time_start = r.text_at(5);
      summary.time_end = r.text_at(6);
      summary.time_precision = r.text_at(7);
      summary.start_key = r.text_at(8);
      summary.place_name = optional_text(r, 9);
      if (!r.is_null(10)) {
        summary.place_precision = static_cast<int>(r.int_at(10));
      }
      if (!r.is_null(11)) {
        summary.box = BoundingBox{r.real_at(11), r.real_at(12), r.real_at(13), r.real_at(14)};
      }
      summary.perpetrator = optional_text(r, 15);
      summary.target = optional_text(r, 16);
      summary.credibility = static_cast<int>(r.int_at(17));
      index_of_key.emplace(key, summaries.size());
      keys += (keys.size() > 1 ? "," : "") + std::to_string(key);
      summaries.push_back(std::move(summary));
    });
    if (!walked) {
      return walked.error();
    }
  }
  if (summaries.empty()) {
    return summaries;
  }
  keys += "]";
  auto figures = db.statement(
      "SELECT claim_key, side_kind, party_id, status, count_min, count_max FROM claim_casualties "
      "WHERE claim_key IN (SELECT value FROM json_each(?1)) ORDER BY claim_key, position");
  if (!figures) {
    return std::move(figures).error();
  }
  (*figures)->bind_text(1, keys);
  const Status walked = for_each_row(*figures, [&] {
    const Statement& r = **figures;
    auto found = index_of_key.find(r.int_at(0));
    if (found == index_of_key.end()) {
      return;
    }
    CasualtySummary figure;
    figure.side_kind = r.text_at(1);
    figure.party = optional_text(r, 2);
    figure.status = r.text_at(3);
    figure.min = r.int_at(4);
    if (!r.is_null(5)) {
      figure.max = r.int_at(5);
    }
    summaries[found->second].casualties.push_back(std::move(figure));
  });
  if (!walked) {
    return walked.error();
  }
  return summaries;
}

}  // namespace truce::storage::sqlite::detail
