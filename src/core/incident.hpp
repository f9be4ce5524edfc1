// What we believe happened: an incident is a group of claims about one event,
// each member with the reasons it belongs (the features it matched and a
// score), the claims linked to it without being part of it (the de-escalation
// that ended it), and the analysts' decisions that shaped it. The grouping
// itself is computed by fusion/ (docs/fusion.md); reconciled figures and
// grades are derived from the members and are not part of this record.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace truce {

// Why a claim is where it is: the strongest link to another claim of the
// incident, feature by feature, or the analyst decision that placed it.
struct MatchFeatures {
  ClaimId matched_with;               // empty for a claim alone in its incident
  double time_gap_hours = 0;          // 0 when the widened intervals overlap
  std::optional<double> distance_km;  // absent when either place has no geometry
  std::string place_rule;             // "12.3 km apart, 55 km allowed", "place not stated"...
  std::string type_rule;              // "attack ~ armed_clash (hostilities)"
  std::string actor_rule;             // "parties armenia, azerbaijan"
  double score = 0;                   // 0..1; 1 for a decision
  std::optional<long long> decision;  // the analyst decision behind the link, if any
  friend bool operator==(const MatchFeatures&, const MatchFeatures&) = default;
};

struct IncidentMember {
  ClaimId claim;
  MatchFeatures why;
  friend bool operator==(const IncidentMember&, const IncidentMember&) = default;
};

enum class IncidentLinkKind {
  kEndedBy,  // a de-escalation or ceasefire claim about the end of this incident
};

struct IncidentLink {
  IncidentLinkKind kind = IncidentLinkKind::kEndedBy;
  ClaimId claim;
  MatchFeatures why;
  friend bool operator==(const IncidentLink&, const IncidentLink&) = default;
};

struct Incident {
  IncidentId id;
  std::vector<IncidentMember> members;  // ordered by claim id; the first gives the id
  std::vector<IncidentLink> links;      // ordered by claim id
  std::string start_key;                // earliest member interval start (time.hpp keys)
  std::string end_key;                  // latest member interval end
  friend bool operator==(const Incident&, const Incident&) = default;
};

// The states of an incident's joint verification, in order: nobody has
// looked at it; a review under a monitoring mechanism is open; some members
// have signed off; the mechanism's quorum of members agreed it happened
// (verified) or did not (refuted).
inline constexpr std::array<std::string_view, 5> kVerificationStates = {
    "unverified", "under_review", "signed_off", "verified", "refuted"};

// "inc_" + the hex digits of a claim id ("clm_3f..." -> "inc_3f...").
IncidentId incident_id_for(const ClaimId& first_member);

// Analysts' corrections. Each is recorded with who, when and why, and turned
// into pair constraints that every later clustering applies.
enum class DecisionKind { kMerge, kSplit, kAttach, kDetach };

struct PairConstraint {
  ClaimId a;  // a < b
  ClaimId b;
  bool must_link = true;  // false: cannot-link
  friend bool operator==(const PairConstraint&, const PairConstraint&) = default;
};

struct Decision {
  long long sequence = 0;  // order of decisions; later ones win on the same pair
  DecisionKind kind = DecisionKind::kMerge;
  IncidentId incident;
  std::optional<IncidentId> other;  // merge: the second incident
  std::vector<ClaimId> claims;      // split: the claims taken out; attach/detach: the claim
  std::string by;                   // who decided
  std::string reason;               // why, in their words
  std::string at;                   // when, "YYYY-MM-DDTHH:MM:SSZ"
  std::vector<PairConstraint> constraints;
  friend bool operator==(const Decision&, const Decision&) = default;
};

// One line of an incident's history: created, grew, merged into another,
// split, a decision applied.
struct IncidentEvent {
  std::string at;  // "YYYY-MM-DDTHH:MM:SSZ"
  IncidentId incident;
  std::string what;  // "created", "claims added", "merged into", "split", "decision"...
  std::string detail;
  friend bool operator==(const IncidentEvent&, const IncidentEvent&) = default;
};

}  // namespace truce
