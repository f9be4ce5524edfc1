// Agreements as data: a ceasefire and its machine-checkable terms, and the
// geography its terms name. A Feature is a geometry with a kind and a validity
// period; a Provision says what it requires of which parties, where (feature
// ids) and when. Readers are in serial/ (docs/formats/agreements.md,
// docs/formats/geography.md); checks against incidents are in assess/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actors.hpp"
#include "core/claim.hpp"
#include "core/geo.hpp"
#include "core/time.hpp"

namespace truce {

// A moment as a source states it: a civil time and the UTC offset it was
// given in ("2020-11-10T00:00+03:00", 00:00 Moscow time). A date without time
// of day stands for the whole day at that offset.
struct ZonedTime {
  CivilTime local;
  int offset_minutes = 0;  // east of UTC
  friend bool operator==(const ZonedTime&, const ZonedTime&) = default;
};

// "Z", "UTC" or "+HH:MM"/"-HH:MM" (hours <= 14) as minutes east of UTC.
std::optional<int> parse_utc_offset(std::string_view text);
std::string format_utc_offset(int offset_minutes);
// "YYYY-MM-DDTHH:MM[:SS]" followed by "Z" or "+HH:MM"; nullopt without a zone.
std::optional<ZonedTime> parse_zoned_time(std::string_view text);
std::string format_zoned_time(const ZonedTime& time);
// Seconds since 1970-01-01T00:00Z of the first moment (a date: its midnight).
std::int64_t utc_seconds(const ZonedTime& time);
// Seconds of the last moment: 23:59:59 for a date, the time itself otherwise.
std::int64_t utc_seconds_end(const ZonedTime& time);
// Days from 1970-01-01 of a calendar date.
std::int64_t day_number(const std::chrono::year_month_day& date);

enum class FeatureKind {
  kTheatre,          // the area a conflict's agreements apply to, with its local time
  kLineOfContact,    // line
  kStateBorder,      // line
  kCorridor,         // line with a half width
  kZone,             // polygon: a district to hand over, a security zone, a conflict zone
  kPeacekeeperPost,  // point
  kObservationPost,  // point with an observation radius
};

struct Feature {
  std::string id;  // slug, unique across all geography files
  std::string name;
  FeatureKind kind = FeatureKind::kZone;
  Geometry geometry;
  std::optional<ZonedTime> valid_from;  // absent: always
  std::optional<ZonedTime> valid_until;
  bool approximate = false;
  std::string source;  // required when approximate; where the geometry comes from
  std::optional<double> observation_radius_km;  // observation posts
  std::optional<double> half_width_km;          // corridors
  std::optional<int> utc_offset_minutes;        // theatres: the local time of its days
  std::string theatre;                          // id of the theatre feature it belongs to
  std::string file;                             // where it was read from
  friend bool operator==(const Feature&, const Feature&) = default;
};

enum class AgreementStatus { kInForce, kSuspended, kSuperseded, kEnded };

enum class ProvisionKind {
  kCeasefire,          // cease fire and all hostilities
  kHoldPositions,      // stop at current positions, no advance
  kWithdrawal,         // withdraw from an area by a date
  kHeavyWeaponsLimit,  // no heavy weapons within a distance of a line
  kCorridorSecurity,   // security of and free passage through a corridor
  kPeacekeepers,       // deployment of a peacekeeping force
  kExchange,           // prisoners, detainees and bodies
  kReturnOfDisplaced,  // return of displaced persons and refugees
  kTransportLinks,     // unblocking of economic and transport links
  kMonitoring,         // a monitoring mechanism, its members and quorum
  kOther,              // recorded with its text, not machine-checked
};

struct Provision {
  std::string id;     // unique in the agreement: "1a", "6-kalbajar"
  std::string point;  // the numbered point of the text it belongs to ("1"); default: id
  ProvisionKind kind = ProvisionKind::kOther;
  std::string title;
  std::string text;                   // the provision's words, quoted exactly from `text_source`
  std::string summary;                // our words, when the text is only referenced
  std::vector<std::string> binds;     // actor ids of the parties it binds
  std::vector<std::string> features;  // where: feature ids
  // false when the text names an area it does not draw ("the zone of the
  // conflict"): the features are only the mapped part of it.
  bool area_drawn = true;
  std::optional<ZonedTime> from;               // absent: from the agreement's effect
  std::optional<ZonedTime> until;              // absent: while the agreement is in force
  std::optional<ZonedTime> deadline;           // withdrawal: by this moment
  std::optional<ZonedTime> original_deadline;  // before an amendment moved it
  std::string amended_by;                      // amendment id
  std::optional<double> distance_km;           // heavy weapons: from the line; corridor: buffer
  std::vector<WeaponClass> weapon_classes;     // heavy weapons: which classes
  std::string force;                           // peacekeepers: actor id of the force
  std::vector<std::string> members;            // monitoring: actor ids
  int quorum = 0;                              // monitoring: sign-offs needed
  friend bool operator==(const Provision&, const Provision&) = default;
};

// One change an amendment makes, checked on load: `field` of `provision`
// must read `from`, and becomes `to`. Fields: "deadline", "until".
struct AmendmentChange {
  std::string provision;
  std::string field;
  std::string from;
  std::string to;
  friend bool operator==(const AmendmentChange&, const AmendmentChange&) = default;
};

struct Amendment {
  std::string id;
  std::optional<ZonedTime> agreed;
  std::string summary;
  std::string source;
  std::vector<AmendmentChange> changes;
  friend bool operator==(const Amendment&, const Amendment&) = default;
};

struct Agreement {
  std::string id;  // slug
  int version = 1;
  std::string title;
  std::vector<ActorRef> parties;
  std::vector<ActorRef> mediators;
  std::vector<ActorRef> guarantors;
  int utc_offset_minutes = 0;  // the zone of its dates written without time
  std::optional<ZonedTime> signed_at;
  ZonedTime effective;
  std::optional<ZonedTime> ends;
  AgreementStatus status = AgreementStatus::kInForce;
  std::string status_note;
  std::vector<std::string> area;     // feature ids (theatres, zones) where it applies
  std::string text_source;           // where the text is published
  std::vector<std::string> sources;  // of every other fact in the file
  std::vector<Amendment> amendments;
  std::vector<Provision> provisions;
  std::string file;  // where it was read from
  friend bool operator==(const Agreement&, const Agreement&) = default;
};

std::string_view to_string(FeatureKind value);
std::string_view to_string(AgreementStatus value);
std::string_view to_string(ProvisionKind value);
std::optional<FeatureKind> parse_feature_kind(std::string_view word);
std::optional<AgreementStatus> parse_agreement_status(std::string_view word);
std::optional<ProvisionKind> parse_provision_kind(std::string_view word);
std::string words_of_feature_kind();
std::string words_of_agreement_status();
std::string words_of_provision_kind();

}  // namespace truce
