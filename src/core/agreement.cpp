#include "core/agreement.hpp"

#include <array>
#include <utility>

namespace truce {
namespace {

template <typename Enum, std::size_t N>
using WordTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr WordTable<FeatureKind, 7> kFeatureKinds{{
    {FeatureKind::kTheatre, "theatre"},
    {FeatureKind::kLineOfContact, "line_of_contact"},
    {FeatureKind::kStateBorder, "state_border"},
    {FeatureKind::kCorridor, "corridor"},
    {FeatureKind::kZone, "zone"},
    {FeatureKind::kPeacekeeperPost, "peacekeeper_post"},
    {FeatureKind::kObservationPost, "observation_post"},
}};

constexpr WordTable<AgreementStatus, 4> kStatuses{{
    {AgreementStatus::kInForce, "in_force"},
    {AgreementStatus::kSuspended, "suspended"},
    {AgreementStatus::kSuperseded, "superseded"},
    {AgreementStatus::kEnded, "ended"},
}};

constexpr WordTable<ProvisionKind, 11> kProvisionKinds{{
    {ProvisionKind::kCeasefire, "ceasefire"},
    {ProvisionKind::kHoldPositions, "hold_positions"},
    {ProvisionKind::kWithdrawal, "withdrawal"},
    {ProvisionKind::kHeavyWeaponsLimit, "heavy_weapons_limit"},
    {ProvisionKind::kCorridorSecurity, "corridor_security"},
    {ProvisionKind::kPeacekeepers, "peacekeepers"},
    {ProvisionKind::kExchange, "exchange"},
    {ProvisionKind::kReturnOfDisplaced, "return_of_displaced"},
    {ProvisionKind::kTransportLinks, "transport_links"},
    {ProvisionKind::kMonitoring, "monitoring"},
    {ProvisionKind::kOther, "other"},
}};

template <typename Enum, std::size_t N>
std::string_view word_of(const WordTable<Enum, N>& table, Enum value) {
  for (const auto& [entry, word] : table) {
    if (entry == value) {
      return word;
    }
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const WordTable<Enum, N>& table, std::string_view word) {
  for (const auto& [entry, text] : table) {
    if (text == word) {
      return entry;
    }
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string words_of(const WordTable<Enum, N>& table) {
  std::string words;
  for (const auto& entry : table) {
    if (!words.empty()) {
      words += ", ";
    }
    words += entry.second;
  }
  return words;
}

std::optional<int> two_digits(std::string_view text, std::size_t at) {
  if (at + 2 > text.size() || text[at] < '0' || text[at] > '9' || text[at + 1] < '0' ||
      text[at + 1] > '9') {
    return std::nullopt;
  }
  return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

}  // namespace

std::optional<int> parse_utc_offset(std::string_view text) {
  if (text == "Z" || text == "UTC") {
    return 0;
  }
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
    return std::nullopt;
  }
  auto hours = two_digits(text, 1);
  auto minutes = two_digits(text, 4);
  if (!hours || !minutes || *hours > 14 || *minutes > 59) {
    return std::nullopt;
  }
  int offset = *hours * 60 + *minutes;
  return text[0] == '-' ? -offset : offset;
}

std::string format_utc_offset(int offset_minutes) {
  if (offset_minutes == 0) {
    return "Z";
  }
  int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::string text(1, offset_minutes < 0 ? '-' : '+');
  text += static_cast<char>('0' + magnitude / 600);
  text += static_cast<char>('0' + magnitude / 60 % 10);
  text += ':';
  text += static_cast<char>('0' + magnitude % 60 / 10);
  text += static_cast<char>('0' + magnitude % 10);
  return text;
}

std::optional<ZonedTime> parse_zoned_time(std::string_view text) {
  std::size_t zone_at = text.size();
  if (!text.empty() && text.back() == 'Z') {
    zone_at = text.size() - 1;
  } else if (text.size() > 6 && (text[text.size() - 6] == '+' || text[text.size() - 6] == '-')) {
    zone_at = text.size() - 6;
  }
  if (zone_at == text.size() || zone_at < 16) {
    return std::nullopt;  // no zone, or no time of day before it
  }
  auto local = parse_civil_time(text.substr(0, zone_at));
  auto offset = parse_utc_offset(text.substr(zone_at));
  if (!local || !offset || !local->time_of_day) {
    return std::nullopt;
  }
  return ZonedTime{*local, *offset};
}

std::string format_zoned_time(const ZonedTime& time) {
  std::string text = format_civil_time(time.local);
  return time.local.time_of_day ? text + format_utc_offset(time.offset_minutes)
                                : text + " (" + format_utc_offset(time.offset_minutes) + ")";
}

std::int64_t day_number(const std::chrono::year_month_day& date) {
  return std::chrono::sys_days(date).time_since_epoch().count();
}

std::int64_t utc_seconds(const ZonedTime& time) {
  std::int64_t seconds = day_number(time.local.date) * 86400;
  if (time.local.time_of_day) {
    seconds += time.local.time_of_day->count();
  }
  return seconds - static_cast<std::int64_t>(time.offset_minutes) * 60;
}

std::int64_t utc_seconds_end(const ZonedTime& time) {
  return time.local.time_of_day ? utc_seconds(time) : utc_seconds(time) + 86399;
}

std::string_view to_string(FeatureKind value) {
  return word_of(kFeatureKinds, value);
}
std::string_view to_string(AgreementStatus value) {
  return word_of(kStatuses, value);
}
std::string_view to_string(ProvisionKind value) {
  return word_of(kProvisionKinds, value);
}
std::optional<FeatureKind> parse_feature_kind(std::string_view word) {
  return value_of(kFeatureKinds, word);
}
std::optional<AgreementStatus> parse_agreement_status(std::string_view word) {
  return value_of(kStatuses, word);
}
std::optional<ProvisionKind> parse_provision_kind(std::string_view word) {
  return value_of(kProvisionKinds, word);
}
std::string words_of_feature_kind() {
  return words_of(kFeatureKinds);
}
std::string words_of_agreement_status() {
  return words_of(kStatuses);
}
std::string words_of_provision_kind() {
  return words_of(kProvisionKinds);
}

}  // namespace truce
