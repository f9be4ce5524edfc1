// One table per enum: the words of the data model as stored and exchanged.
#include "core/vocabulary.hpp"

#include <array>
#include <utility>

namespace truce {
namespace {

template <typename Enum, std::size_t N>
using Table = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::string_view word_of(const Table<Enum, N>& table, Enum value) {
  for (const auto& [entry, word] : table) {
    if (entry == value) {
      return word;
    }
  }
  return "?";  // unreachable: every enumerator is in its table (tested)
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const Table<Enum, N>& table, std::string_view word) {
  for (const auto& [entry, text] : table) {
    if (text == word) {
      return entry;
    }
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string words_in(const Table<Enum, N>& table) {
  std::string words;
  for (const auto& [entry, text] : table) {
    if (!words.empty()) {
      words += ", ";
    }
    words += text;
  }
  return words;
}

constexpr Table<EventType, 14> kEventTypeWords{{
    {EventType::kArmedClash, "armed_clash"},
    {EventType::kAttack, "attack"},
    {EventType::kShelling, "shelling"},
    {EventType::kAirStrike, "air_strike"},
    {EventType::kSniperFire, "sniper_fire"},
    {EventType::kMineOrIed, "mine_or_ied"},
    {EventType::kCeasefireViolation, "ceasefire_violation"},
    {EventType::kTerritorySeizure, "territory_seizure"},
    {EventType::kDetention, "detention"},
    {EventType::kExchange, "exchange"},
    {EventType::kDeEscalation, "de_escalation"},
    {EventType::kDiplomaticContact, "diplomatic_contact"},
    {EventType::kAgreement, "agreement"},
    {EventType::kOther, "other"},
}};

constexpr Table<DateBasis, 4> kDateBasisWords{{
    {DateBasis::kUnknown, "unknown"},
    {DateBasis::kStated, "stated"},
    {DateBasis::kRelative, "relative"},
    {DateBasis::kAnnouncement, "announcement"},
}};

constexpr Table<ActorRole, 2> kActorRoleWords{{
    {ActorRole::kParticipant, "participant"},
    {ActorRole::kMediator, "mediator"},
}};

constexpr Table<WeaponClass, 13> kWeaponClassWords{{
    {WeaponClass::kSmallArms, "small_arms"},
    {WeaponClass::kSniperRifle, "sniper_rifle"},
    {WeaponClass::kGrenadeLauncher, "grenade_launcher"},
    {WeaponClass::kMortar, "mortar"},
    {WeaponClass::kArtillery, "artillery"},
    {WeaponClass::kRocketArtillery, "rocket_artillery"},
    {WeaponClass::kTank, "tank"},
    {WeaponClass::kAntiTank, "anti_tank"},
    {WeaponClass::kDrone, "drone"},
    {WeaponClass::kAircraft, "aircraft"},
    {WeaponClass::kMissile, "missile"},
    {WeaponClass::kMine, "mine"},
    {WeaponClass::kOther, "other"},
}};

constexpr Table<AssetKind, 6> kAssetKindWords{{
    {AssetKind::kPosition, "position"},
    {AssetKind::kTerritory, "territory"},
    {AssetKind::kSettlement, "settlement"},
    {AssetKind::kVehicle, "vehicle"},
    {AssetKind::kEquipment, "equipment"},
    {AssetKind::kInfrastructure, "infrastructure"},
}};

constexpr Table<AssetOutcome, 5> kAssetOutcomeWords{{
    {AssetOutcome::kLost, "lost"},
    {AssetOutcome::kCaptured, "captured"},
    {AssetOutcome::kDestroyed, "destroyed"},
    {AssetOutcome::kDamaged, "damaged"},
    {AssetOutcome::kOverrun, "overrun"},
}};

constexpr Table<CasualtyStatus, 4> kCasualtyStatusWords{{
    {CasualtyStatus::kKilled, "killed"},
    {CasualtyStatus::kWounded, "wounded"},
    {CasualtyStatus::kCaptured, "captured"},
    {CasualtyStatus::kMissing, "missing"},
}};

constexpr Table<SideKind, 3> kSideKindWords{{
    {SideKind::kCombatants, "combatants"},
    {SideKind::kCivilians, "civilians"},
    {SideKind::kUnknown, "unknown"},
}};

constexpr Table<TimePrecision, 7> kTimePrecisionWords{{
    {TimePrecision::kMinute, "minute"},
    {TimePrecision::kHour, "hour"},
    {TimePrecision::kDay, "day"},
    {TimePrecision::kWeek, "week"},
    {TimePrecision::kMonth, "month"},
    {TimePrecision::kYear, "year"},
    {TimePrecision::kSpan, "span"},
}};

constexpr Table<GeometryType, 4> kGeometryTypeWords{{
    {GeometryType::kPoint, "Point"},
    {GeometryType::kLineString, "LineString"},
    {GeometryType::kMultiLineString, "MultiLineString"},
    {GeometryType::kPolygon, "Polygon"},
}};

constexpr Table<Reliability, 6> kReliabilityWords{{
    {Reliability::kA, "A"},
    {Reliability::kB, "B"},
    {Reliability::kC, "C"},
    {Reliability::kD, "D"},
    {Reliability::kE, "E"},
    {Reliability::kF, "F"},
}};

constexpr Table<AffiliationKind, 4> kAffiliationKindWords{{
    {AffiliationKind::kParty, "party"},
    {AffiliationKind::kCoChair, "co_chair"},
    {AffiliationKind::kMission, "mission"},
    {AffiliationKind::kNeutral, "neutral"},
}};

constexpr Table<DocumentKind, 6> kDocumentKindWords{{
    {DocumentKind::kArticle, "article"},
    {DocumentKind::kStatement, "statement"},
    {DocumentKind::kPatrolReport, "patrol_report"},
    {DocumentKind::kForm, "form"},
    {DocumentKind::kReport, "report"},
    {DocumentKind::kOther, "other"},
}};

constexpr Table<DecisionKind, 4> kDecisionKindWords{{
    {DecisionKind::kMerge, "merge"},
    {DecisionKind::kSplit, "split"},
    {DecisionKind::kAttach, "attach"},
    {DecisionKind::kDetach, "detach"},
}};

constexpr Table<IncidentLinkKind, 1> kIncidentLinkKindWords{{
    {IncidentLinkKind::kEndedBy, "ended_by"},
}};

}  // namespace

std::string_view to_string(EventType value) {
  return word_of(kEventTypeWords, value);
}
std::optional<EventType> parse_event_type(std::string_view word) {
  return value_of(kEventTypeWords, word);
}
std::string words_of_event_type() {
  return words_in(kEventTypeWords);
}

std::string_view to_string(DateBasis value) {
  return word_of(kDateBasisWords, value);
}
std::optional<DateBasis> parse_date_basis(std::string_view word) {
  return value_of(kDateBasisWords, word);
}
std::string words_of_date_basis() {
  return words_in(kDateBasisWords);
}

std::string_view to_string(ActorRole value) {
  return word_of(kActorRoleWords, value);
}
std::optional<ActorRole> parse_actor_role(std::string_view word) {
  return value_of(kActorRoleWords, word);
}
std::string words_of_actor_role() {
  return words_in(kActorRoleWords);
}

std::string_view to_string(WeaponClass value) {
  return word_of(kWeaponClassWords, value);
}
std::optional<WeaponClass> parse_weapon_class(std::string_view word) {
  return value_of(kWeaponClassWords, word);
}
std::string words_of_weapon_class() {
  return words_in(kWeaponClassWords);
}

std::string_view to_string(AssetKind value) {
  return word_of(kAssetKindWords, value);
}
std::optional<AssetKind> parse_asset_kind(std::string_view word) {
  return value_of(kAssetKindWords, word);
}
std::string words_of_asset_kind() {
  return words_in(kAssetKindWords);
}

std::string_view to_string(AssetOutcome value) {
  return word_of(kAssetOutcomeWords, value);
}
std::optional<AssetOutcome> parse_asset_outcome(std::string_view word) {
  return value_of(kAssetOutcomeWords, word);
}
std::string words_of_asset_outcome() {
  return words_in(kAssetOutcomeWords);
}

std::string_view to_string(CasualtyStatus value) {
  return word_of(kCasualtyStatusWords, value);
}
std::optional<CasualtyStatus> parse_casualty_status(std::string_view word) {
  return value_of(kCasualtyStatusWords, word);
}
std::string words_of_casualty_status() {
  return words_in(kCasualtyStatusWords);
}

std::string_view to_string(SideKind value) {
  return word_of(kSideKindWords, value);
}
std::optional<SideKind> parse_side_kind(std::string_view word) {
  return value_of(kSideKindWords, word);
}
std::string words_of_side_kind() {
  return words_in(kSideKindWords);
}

std::string_view to_string(TimePrecision value) {
  return word_of(kTimePrecisionWords, value);
}
std::optional<TimePrecision> parse_time_precision(std::string_view word) {
  return value_of(kTimePrecisionWords, word);
}
std::string words_of_time_precision() {
  return words_in(kTimePrecisionWords);
}

std::string_view to_string(GeometryType value) {
  return word_of(kGeometryTypeWords, value);
}
std::optional<GeometryType> parse_geometry_type(std::string_view word) {
  return value_of(kGeometryTypeWords, word);
}

std::string_view to_string(Reliability value) {
  return word_of(kReliabilityWords, value);
}
std::optional<Reliability> parse_reliability(std::string_view word) {
  return value_of(kReliabilityWords, word);
}

std::string_view to_string(AffiliationKind value) {
  return word_of(kAffiliationKindWords, value);
}
std::optional<AffiliationKind> parse_affiliation_kind(std::string_view word) {
  return value_of(kAffiliationKindWords, word);
}
std::string words_of_affiliation_kind() {
  return words_in(kAffiliationKindWords);
}

std::string_view to_string(DocumentKind value) {
  return word_of(kDocumentKindWords, value);
}
std::optional<DocumentKind> parse_document_kind(std::string_view word) {
  return value_of(kDocumentKindWords, word);
}
std::string words_of_document_kind() {
  return words_in(kDocumentKindWords);
}

std::optional<LocationPrecision> parse_location_precision(int where_prec) {
  if (where_prec < 1 || where_prec > 7) {
    return std::nullopt;
  }
  return static_cast<LocationPrecision>(where_prec);
}

std::string_view to_string(DecisionKind value) {
  return word_of(kDecisionKindWords, value);
}
std::optional<DecisionKind> parse_decision_kind(std::string_view word) {
  return value_of(kDecisionKindWords, word);
}
std::string_view to_string(IncidentLinkKind value) {
  return word_of(kIncidentLinkKindWords, value);
}
std::optional<IncidentLinkKind> parse_incident_link_kind(std::string_view word) {
  return value_of(kIncidentLinkKindWords, word);
}

}  // namespace truce
