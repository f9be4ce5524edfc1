// Query parameters of the API, checked strictly: a malformed value is an
// Error whose context names the parameter, which the endpoint answers with a
// 400 invalid_parameter problem. Cursors are opaque to clients: the hex form
// of a position in a listing's stable order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace truce::http {

using QueryMap = std::map<std::string, std::string, std::less<>>;

// since, until, bbox, event_type, actor, source, document (those present).
Result<storage::ClaimQuery> claim_filters(const QueryMap& query);

// since, until, bbox, theatre, event_type, actor, attribution, evidence,
// state (those present).
Result<storage::IncidentSummaryQuery> incident_filters(const QueryMap& query);
Result<storage::IncidentCursor> parse_incident_cursor(std::string_view position);

// limit: 1..max, `fallback` when absent.
Result<int> limit_parameter(const QueryMap& query, int fallback, int max);

// true/false (also 1/0); `fallback` when absent.
Result<bool> flag_parameter(const QueryMap& query, std::string_view name, bool fallback);

std::string encode_cursor(std::string_view position);
// The position, or an Error naming "cursor".
Result<std::string> decode_cursor(const QueryMap& query);

std::string claim_cursor(const Claim& claim);
Result<storage::ClaimCursor> parse_claim_cursor(std::string_view position);

}  // namespace truce::http
