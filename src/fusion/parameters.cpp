#include "fusion/parameters.hpp"

#include <charconv>
#include <set>
#include <vector>

#include "core/data_lines.hpp"
#include "core/vocabulary.hpp"

namespace truce::fusion {
namespace {

constexpr std::string_view kContext = "fusion: read parameters";

constexpr std::array<std::pair<EventRole, std::string_view>, 4> kRoleWords{{
    {EventRole::kMember, "member"},
    {EventRole::kEnds, "ends"},
    {EventRole::kReleases, "releases"},
    {EventRole::kNone, "none"},
}};

std::optional<double> number(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

class LineReader {
 public:
  LineReader(std::string_view file_name, std::uint32_t line) : file_name_(file_name), line_(line) {}
  Error error(std::string_view key, const std::string& message) const {
    return make_error(ErrorCode::kInvalidInput,
                      std::string(file_name_) + ":" + std::to_string(line_) + ": key '" +
                          std::string(key) + "': " + message,
                      std::string(kContext));
  }

 private:
  std::string_view file_name_;
  std::uint32_t line_;
};

}  // namespace

std::string_view to_string(EventRole role) {
  for (const auto& [value, word] : kRoleWords) {
    if (value == role) {
      return word;
    }
  }
  return "?";
}

Parameters default_parameters() {
  Parameters parameters;
  parameters.time_widen_hours = {1, 2, 0, 24, 72, 168, 168};
  parameters.coarsest_linking_time = TimePrecision::kWeek;
  parameters.radius_km = {5, 25, 50, 100, 300, 500, 500};
  parameters.max_parties = 2;
  parameters.end_link_hours = 48;
  parameters.non_credible_reliabilities = "DE";
  parameters.discounted_credibility = 5;
  parameters.headline_evidence = {"corroborated", "contested"};
  const EventTypeRule hostilities{EventRole::kMember, "hostilities"};
  for (EventType type :
       {EventType::kArmedClash, EventType::kAttack, EventType::kShelling, EventType::kAirStrike,
        EventType::kSniperFire, EventType::kCeasefireViolation, EventType::kTerritorySeizure,
        EventType::kDetention}) {
    parameters.event_types[type] = hostilities;
  }
  parameters.event_types[EventType::kMineOrIed] = {EventRole::kMember, "mines"};
  parameters.event_types[EventType::kExchange] = {EventRole::kReleases, "exchanges"};
  parameters.event_types[EventType::kDeEscalation] = {EventRole::kEnds, ""};
  parameters.event_types[EventType::kAgreement] = {EventRole::kEnds, ""};
  parameters.event_types[EventType::kDiplomaticContact] = {EventRole::kNone, ""};
  parameters.event_types[EventType::kOther] = {EventRole::kNone, ""};
  return parameters;
}

Result<Parameters> parse_parameters(std::string_view text, std::string_view file_name) {
  Parameters parameters;
  std::set<std::string> seen;
  for (const DataLineView& line : data_lines(text)) {
    const auto cells = split_tabs(line.text);
    const std::string_view key = cells[0];
    const LineReader at(file_name, line.number);
    const bool keyed = key == "time_widen_hours" || key == "radius_km" || key == "event_type";
    const std::size_t wanted = keyed ? 3 : 2;
    const bool variadic = key == "event_type" || key == "headline_evidence";
    if (cells.size() < wanted || (!variadic && cells.size() != wanted)) {
      return at.error(key, "expected " + std::to_string(wanted) + " tab-separated cells, got " +
                               std::to_string(cells.size()));
    }
    std::string identity(key);
    if (keyed) {
      identity += " " + std::string(cells[1]);
    }
    if (!seen.insert(identity).second) {
      return at.error(key, "'" + identity + "' is given twice");
    }
    if (key == "time_widen_hours") {
      auto precision = parse_time_precision(cells[1]);
      auto hours = number(cells[2]);
      if (!precision || !hours) {
        return at.error(key, "expected a time precision (" + words_of_time_precision() +
                                 ") and a number of hours, got '" + std::string(cells[1]) + "', '" +
                                 std::string(cells[2]) + "'");
      }
      parameters.time_widen_hours.at(static_cast<std::size_t>(*precision)) = *hours;
    } else if (key == "radius_km") {
      auto where_prec = number(cells[1]);
      auto km = number(cells[2]);
      if (!where_prec || !km || !parse_location_precision(static_cast<int>(*where_prec)) ||
          *where_prec != static_cast<int>(*where_prec)) {
        return at.error(key, "expected a where_prec 1-7 and a distance in km, got '" +
                                 std::string(cells[1]) + "', '" + std::string(cells[2]) + "'");
      }
      parameters.radius_km.at(static_cast<std::size_t>(*where_prec) - 1) = *km;
    } else if (key == "coarsest_linking_time") {
      auto precision = parse_time_precision(cells[1]);
      if (!precision) {
        return at.error(key, "expected one of " + words_of_time_precision());
      }
      parameters.coarsest_linking_time = *precision;
    } else if (key == "max_parties" || key == "end_link_hours" || key == "discounted_credibility") {
      auto value = number(cells[1]);
      if (!value) {
        return at.error(key, "expected a non-negative number, got '" + std::string(cells[1]) + "'");
      }
      if (key == "max_parties") {
        parameters.max_parties = static_cast<int>(*value);
      } else if (key == "end_link_hours") {
        parameters.end_link_hours = *value;
      } else {
        parameters.discounted_credibility = static_cast<int>(*value);
      }
    } else if (key == "non_credible_reliabilities") {
      for (char letter : cells[1]) {
        if (!parse_reliability(std::string_view(&letter, 1))) {
          return at.error(key, "expected letters A-F, got '" + std::string(cells[1]) + "'");
        }
      }
      parameters.non_credible_reliabilities = std::string(cells[1]);
    } else if (key == "headline_evidence") {
      for (std::size_t i = 1; i < cells.size(); ++i) {
        if (cells[i] != "single_source" && cells[i] != "corroborated" && cells[i] != "contested" &&
            cells[i] != "discounted") {
          return at.error(key, "'" + std::string(cells[i]) +
                                   "' is not one of single_source, corroborated, contested, "
                                   "discounted");
        }
        parameters.headline_evidence.emplace_back(cells[i]);
      }
    } else if (key == "event_type") {
      auto type = parse_event_type(cells[1]);
      if (!type) {
        return at.error(key,
                        "'" + std::string(cells[1]) + "' is not one of " + words_of_event_type());
      }
      std::optional<EventRole> role;
      for (const auto& [value, word] : kRoleWords) {
        if (word == cells[2]) {
          role = value;
        }
      }
      if (!role) {
        return at.error(
            key, "role '" + std::string(cells[2]) + "' is not one of member, ends, releases, none");
      }
      const bool grouped = *role == EventRole::kMember || *role == EventRole::kReleases;
      if (grouped != (cells.size() == 4) || cells.size() > 4 || (grouped && cells[3].empty())) {
        return at.error(key, grouped ? "roles member and releases need a group"
                                     : "only roles member and releases take a group");
      }
      parameters.event_types[*type] = {*role, grouped ? std::string(cells[3]) : std::string()};
    } else {
      return at.error(key,
                      "unknown key (expected time_widen_hours, coarsest_linking_time, "
                      "radius_km, max_parties, end_link_hours, non_credible_reliabilities, "
                      "discounted_credibility, headline_evidence, event_type)");
    }
  }
  std::vector<std::string> missing;
  for (std::string_view precision : {"minute", "hour", "day", "week", "month", "year", "span"}) {
    if (!seen.contains("time_widen_hours " + std::string(precision))) {
      missing.push_back("time_widen_hours " + std::string(precision));
    }
  }
  for (int where_prec = 1; where_prec <= 7; ++where_prec) {
    if (!seen.contains("radius_km " + std::to_string(where_prec))) {
      missing.push_back("radius_km " + std::to_string(where_prec));
    }
  }
  for (std::string_view key :
       {"coarsest_linking_time", "max_parties", "end_link_hours", "non_credible_reliabilities",
        "discounted_credibility", "headline_evidence"}) {
    if (!seen.contains(std::string(key))) {
      missing.emplace_back(key);
    }
  }
  for (std::string_view word :
       {"armed_clash", "attack", "shelling", "air_strike", "sniper_fire", "mine_or_ied",
        "ceasefire_violation", "territory_seizure", "detention", "exchange", "de_escalation",
        "diplomatic_contact", "agreement", "other"}) {
    if (!seen.contains("event_type " + std::string(word))) {
      missing.push_back("event_type " + std::string(word));
    }
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string& key : missing) {
      list += (list.empty() ? "" : ", ") + key;
    }
    return make_error(ErrorCode::kInvalidInput,
                      std::string(file_name) + ": missing parameters: " + list,
                      std::string(kContext));
  }
  return parameters;
}

const EventTypeRule& rule_of(const Parameters& parameters, EventType type) {
  static const EventTypeRule no_rule{};
  auto found = parameters.event_types.find(type);
  return found == parameters.event_types.end() ? no_rule : found->second;
}

double widen_hours(const Parameters& parameters, TimePrecision precision) {
  return parameters.time_widen_hours.at(static_cast<std::size_t>(precision));
}

double radius_km(const Parameters& parameters, LocationPrecision precision) {
  return parameters.radius_km.at(static_cast<std::size_t>(precision) - 1);
}

bool counts_as_credible(const Parameters& parameters, Reliability reliability) {
  return parameters.non_credible_reliabilities.find(to_string(reliability)[0]) == std::string::npos;
}

}  // namespace truce::fusion
