// One assertion inside a document: who claims what happened, when, where, to
// whom, with what losses. Every field keeps the spans of the original text it
// came from (provenance), so any figure can be traced to its words.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/actors.hpp"
#include "core/casualties.hpp"
#include "core/geo.hpp"
#include "core/ids.hpp"
#include "core/references.hpp"
#include "core/text_span.hpp"
#include "core/time.hpp"

namespace truce {

enum class EventType {
  kArmedClash,  // exchange of fire between armed forces
  kAttack,      // one side attacks or advances on the other
  kShelling,    // artillery, mortar or rocket fire
  kAirStrike,   // aircraft or drone strike
  kSniperFire,
  kMineOrIed,           // a landmine or improvised explosive device
  kCeasefireViolation,  // a violation reported without more detail, or an accusation of one
  kTerritorySeizure,    // positions or ground taken
  kDetention,           // people captured or detained
  kExchange,            // prisoners or bodies exchanged or released
  kDeEscalation,        // fighting stopped, forces pulled back
  kDiplomaticContact,   // talks, calls, mediation
  kAgreement,           // an agreement concluded or announced
  kOther,
};

enum class WeaponClass {
  kSmallArms,
  kSniperRifle,
  kGrenadeLauncher,
  kMortar,
  kArtillery,
  kRocketArtillery,
  kTank,
  kAntiTank,
  kDrone,
  kAircraft,
  kMissile,
  kMine,
  kOther,
};

struct Weapon {
  WeaponClass weapon_class = WeaponClass::kOther;
  std::string calibre;  // as written ("82mm", "122-mm"); may be empty
  friend bool operator==(const Weapon&, const Weapon&) = default;
};

enum class AssetKind { kPosition, kTerritory, kSettlement, kVehicle, kEquipment, kInfrastructure };
enum class AssetOutcome { kLost, kCaptured, kDestroyed, kDamaged, kOverrun };

// Materiel and territory: "two military positions came under Baku's control"
// is {position, 2, lost, owner Armenia, gained by Azerbaijan}.
struct AssetChange {
  AssetKind kind = AssetKind::kPosition;
  AssetOutcome outcome = AssetOutcome::kLost;
  std::optional<CountRange> count;  // absent when the source gives no number
  std::optional<ActorRef> owner;    // whose it was
  std::optional<ActorRef> gainer;   // who took it, when said
  std::string description;          // as written, may be empty
  friend bool operator==(const AssetChange&, const AssetChange&) = default;
};

// The Admiralty code's second half: 1 confirmed ... 5 improbable, 6 cannot be judged.
struct Credibility {
  int grade = 6;
  friend bool operator==(const Credibility&, const Credibility&) = default;
};

// Actors a claim names besides its claimant, perpetrator and target: the
// sides of a clash or a talk, and whoever mediates.
enum class ActorRole { kParticipant, kMediator };

struct ClaimActor {
  ActorRef actor;
  ActorRole role = ActorRole::kParticipant;
  friend bool operator==(const ClaimActor&, const ClaimActor&) = default;
};

// Spans for one field of the claim. Field paths are the claim's JSON member
// names, with an index for list items: "claimant", "time", "casualties/0",
// "actors/1".
struct FieldProvenance {
  std::string field;
  std::vector<TextSpan> spans;
  friend bool operator==(const FieldProvenance&, const FieldProvenance&) = default;
};

struct Claim {
  ClaimId id;
  DocumentId document;
  ActorRef claimant;
  EventType event_type = EventType::kOther;
  TimeInterval time;
  TimeBasis time_basis;  // how `time` was arrived at
  std::optional<Place> place;
  std::optional<ActorRef> perpetrator;  // as claimed
  std::optional<ActorRef> target;       // as claimed
  std::vector<ClaimActor> actors;       // others named, with their roles
  std::vector<CasualtyFigure> casualties;
  std::vector<Weapon> weapons;
  std::optional<CountRange> violations;  // number of violations, when counted
  std::optional<CountRange> explosions;  // number of explosions, when counted
  std::vector<AssetChange> assets;
  std::vector<AgreementReference> agreements;  // agreements the claim itself refers to
  Credibility credibility;
  std::string summary;  // one line in the analyst's words; may be empty
  std::vector<FieldProvenance> provenance;
  friend bool operator==(const Claim&, const Claim&) = default;
};

// Field paths a provenance entry may name for this claim ("casualties/0"...).
bool is_provenance_field(const Claim& claim, std::string_view field);

}  // namespace truce
