#include "http/params.hpp"

#include <array>
#include <charconv>
#include <vector>

#include "core/time.hpp"
#include "core/vocabulary.hpp"
#include "fusion/reconciliation.hpp"

namespace truce::http {
namespace {

Error bad(std::string_view name, std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message), std::string(name));
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

const std::string* find(const QueryMap& query, std::string_view name) {
  auto found = query.find(name);
  return found == query.end() ? nullptr : &found->second;
}

Result<BoundingBox> parse_bbox(const std::string& text) {
  std::vector<double> numbers;
  std::string_view rest = text;
  while (true) {
    auto comma = rest.find(',');
    auto number = parse_double(rest.substr(0, comma));
    if (!number) {
      return bad("bbox", "bbox '" + text + "' is not MIN_LON,MIN_LAT,MAX_LON,MAX_LAT");
    }
    numbers.push_back(*number);
    if (comma == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(comma + 1);
  }
  if (numbers.size() != 4) {
    return bad("bbox", "bbox needs four numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, got " +
                           std::to_string(numbers.size()));
  }
  BoundingBox box{numbers[0], numbers[1], numbers[2], numbers[3]};
  if (!is_valid(GeoPoint{Longitude{box.min_lon}, Latitude{box.min_lat}}) ||
      !is_valid(GeoPoint{Longitude{box.max_lon}, Latitude{box.max_lat}}) ||
      box.min_lon > box.max_lon || box.min_lat > box.max_lat) {
    return bad("bbox", "bbox '" + text +
                           "' is not a box on the globe (min <= max, lon in [-180, 180], lat in "
                           "[-90, 90])");
  }
  return box;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return -1;
}

}  // namespace

Result<storage::ClaimQuery> claim_filters(const QueryMap& query) {
  storage::ClaimQuery filters;
  for (std::string_view name : {"since", "until"}) {
    if (const std::string* value = find(query, name)) {
      if (!parse_civil_time(*value)) {
        return bad(name, std::string(name) + " '" + *value +
                             "' is not a date (YYYY-MM-DD, YYYY-MM-DDTHH:MM or "
                             "YYYY-MM-DDTHH:MM:SS)");
      }
      (name == "since" ? filters.since : filters.until) = *value;
    }
  }
  if (filters.since && filters.until &&
      *parse_civil_time(*filters.until) < *parse_civil_time(*filters.since)) {
    return bad("until", "until " + *filters.until + " is before since " + *filters.since);
  }
  if (const std::string* value = find(query, "bbox")) {
    auto box = parse_bbox(*value);
    if (!box) {
      return std::move(box).error();
    }
    filters.bbox = *box;
  }
  if (const std::string* value = find(query, "event_type")) {
    filters.event_type = parse_event_type(*value);
    if (!filters.event_type) {
      return bad("event_type",
                 "event_type '" + *value + "' is not one of " + words_of_event_type());
    }
  }
  for (std::string_view name : {"actor", "source"}) {
    if (const std::string* value = find(query, name)) {
      if (!is_valid_slug(*value)) {
        return bad(name, std::string(name) + " '" + *value + "' is not an id (a slug)");
      }
      if (name == "actor") {
        filters.actor = *value;
      } else {
        filters.source = SourceId(*value);
      }
    }
  }
  if (const std::string* value = find(query, "document")) {
    if (value->rfind("doc_", 0) != 0) {
      return bad("document", "document '" + *value + "' is not a document id (doc_...)");
    }
    filters.document = DocumentId(*value);
  }
  return filters;
}

namespace {

// `value` must be one of `words`; otherwise an Error naming the parameter
// and the words.
template <typename Words>
Status one_of(std::string_view name, const std::string& value, const Words& words) {
  std::string all;
  for (const auto& word : words) {
    if (value == word) {
      return Status::ok();
    }
    all += (all.empty() ? "" : ", ") + std::string(word);
  }
  return bad(name, std::string(name) + " '" + value + "' is not one of " + all);
}

}  // namespace

Result<storage::IncidentSummaryQuery> incident_filters(const QueryMap& query) {
  QueryMap claim_part;
  for (std::string_view name : {"since", "until", "bbox", "event_type", "actor"}) {
    if (const std::string* value = find(query, name)) {
      claim_part.emplace(name, *value);
    }
  }
  auto claims = claim_filters(claim_part);
  if (!claims) {
    return std::move(claims).error();
  }
  storage::IncidentSummaryQuery filters;
  filters.since = claims->since;
  filters.until = claims->until;
  filters.bbox = claims->bbox;
  if (claims->event_type) {
    filters.event_type = std::string(to_string(*claims->event_type));
  }
  filters.actor = claims->actor;
  if (const std::string* value = find(query, "theatre")) {
    if (!is_valid_slug(*value)) {
      return bad("theatre", "theatre '" + *value + "' is not a feature id (a slug)");
    }
    filters.theatre = *value;
  }
  using fusion::AttributionGrade;
  using fusion::EvidenceGrade;
  const std::array attribution_words = {fusion::to_string(AttributionGrade::kAgreed),
                                        fusion::to_string(AttributionGrade::kOneSided),
                                        fusion::to_string(AttributionGrade::kContested),
                                        fusion::to_string(AttributionGrade::kUndetermined)};
  const std::array evidence_words = {fusion::to_string(EvidenceGrade::kSingleSource),
                                     fusion::to_string(EvidenceGrade::kCorroborated),
                                     fusion::to_string(EvidenceGrade::kContested),
                                     fusion::to_string(EvidenceGrade::kDiscounted)};
  if (const std::string* value = find(query, "attribution")) {
    if (auto known = one_of("attribution", *value, attribution_words); !known) {
      return known.error();
    }
    filters.attribution = *value;
  }
  if (const std::string* value = find(query, "evidence")) {
    if (auto known = one_of("evidence", *value, evidence_words); !known) {
      return known.error();
    }
    filters.evidence = *value;
  }
  if (const std::string* value = find(query, "state")) {
    if (auto known = one_of("state", *value, kVerificationStates); !known) {
      return known.error();
    }
    filters.state = *value;
  }
  return filters;
}

Result<storage::IncidentCursor> parse_incident_cursor(std::string_view position) {
  auto bar = position.find('|');
  if (bar == std::string_view::npos || position.substr(bar + 1).rfind("inc_", 0) != 0) {
    return bad("cursor", "cursor is not one this API gave out");
  }
  return storage::IncidentCursor{std::string(position.substr(0, bar)),
                                 std::string(position.substr(bar + 1))};
}

Result<int> limit_parameter(const QueryMap& query, int fallback, int max) {
  const std::string* value = find(query, "limit");
  if (value == nullptr) {
    return fallback;
  }
  int limit = 0;
  auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), limit);
  if (error != std::errc{} || end != value->data() + value->size() || limit < 1 || limit > max) {
    return bad("limit",
               "limit '" + *value + "' is not a whole number from 1 to " + std::to_string(max));
  }
  return limit;
}

Result<bool> flag_parameter(const QueryMap& query, std::string_view name, bool fallback) {
  const std::string* value = find(query, name);
  if (value == nullptr) {
    return fallback;
  }
  if (*value == "true" || *value == "1") {
    return true;
  }
  if (*value == "false" || *value == "0") {
    return false;
  }
  return bad(name, std::string(name) + " '" + *value + "' is not true or false");
}

std::string encode_cursor(std::string_view position) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string cursor;
  cursor.reserve(position.size() * 2);
  for (unsigned char c : position) {
    cursor += kHex[c >> 4U];
    cursor += kHex[c & 15U];
  }
  return cursor;
}

Result<std::string> decode_cursor(const QueryMap& query) {
  const std::string* value = find(query, "cursor");
  if (value == nullptr) {
    return std::string();
  }
  constexpr std::size_t kMaxCursor = 512;
  if (value->empty() || value->size() % 2 != 0 || value->size() > kMaxCursor) {
    return bad("cursor", "cursor is not one this API gave out");
  }
  std::string position;
  for (std::size_t i = 0; i < value->size(); i += 2) {
    int high = hex_digit((*value)[i]);
    int low = hex_digit((*value)[i + 1]);
    if (high < 0 || low < 0) {
      return bad("cursor", "cursor is not one this API gave out");
    }
    position += static_cast<char>(high * 16 + low);
  }
  return position;
}

std::string claim_cursor(const Claim& claim) {
  return encode_cursor(interval_start_key(claim.time) + "|" + claim.id.str());
}

Result<storage::ClaimCursor> parse_claim_cursor(std::string_view position) {
  auto bar = position.find('|');
  if (bar == std::string_view::npos || position.substr(bar + 1).rfind("clm_", 0) != 0) {
    return bad("cursor", "cursor is not one this API gave out");
  }
  return storage::ClaimCursor{std::string(position.substr(0, bar)),
                              std::string(position.substr(bar + 1))};
}

}  // namespace truce::http
