// What an incident's claims add up to: reconciled casualty figures per side and
// status (low / best / high, every report beside them, and how the estimate
// changed as reports arrived), who is blamed (the attribution grade) and how
// well the incident is attested (the evidence grade). The rules are written in
// docs/fusion.md ("Reconciliation", "Grades"); this is their only implementation.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/source.hpp"
#include "fusion/facts.hpp"
#include "fusion/parameters.hpp"

namespace truce::fusion {

// A member claim with what its document and source tell about it.
struct ClaimContext {
  Claim claim;
  std::optional<CivilTime> published;  // the document's publication
  SourceId source;
  std::string source_name;
  Reliability reliability = Reliability::kF;  // after data/sources/reliability.tsv
  std::vector<std::string> origin;            // publisher first, then originating agencies
};

// Whose figure: the side's own party, its opponent in the incident, or a
// claimant acting for neither (a monitor, a mediator, an outlet on its own account).
enum class Standing { kOwn, kOpponent, kIndependent };

struct FigureReport {
  ClaimId claim;
  ActorRef claimant;
  std::string via;       // the source (publisher) name
  std::string reported;  // the date the figure was reported (YYYY-MM-DD)
  // The date the same party first gave this same figure: a toll repeated by a
  // later article is the old toll, not a new report.
  std::string first_reported;
  CasualtyStatus status = CasualtyStatus::kKilled;
  Standing standing = Standing::kOwn;
  CountRange count;
  bool current = true;   // false: superseded by a later report of the same claimant party
  bool release = false;  // an exchange or release: these captured were freed
};

struct Estimate {
  long long low = 0;
  long long best = 0;
  long long high = 0;
  friend bool operator==(const Estimate&, const Estimate&) = default;
};

struct ReconciledFigure {
  Side side;
  CasualtyStatus status = CasualtyStatus::kKilled;
  Estimate estimate;
  std::string rule;  // which reports gave low, best and high, in words
  std::vector<FigureReport> reports;
};

// The estimate of one side and status after the reports of one day.
struct FigureChange {
  std::string reported;
  Side side;
  CasualtyStatus status = CasualtyStatus::kKilled;
  std::optional<Estimate> before;
  Estimate after;
  std::string because;
};

enum class AttributionGrade { kAgreed, kOneSided, kContested, kUndetermined };
enum class EvidenceGrade { kSingleSource, kCorroborated, kContested, kDiscounted };

struct Reconciliation {
  std::vector<ReconciledFigure> figures;  // by side id, then status
  std::vector<FigureChange> history;      // by date
  AttributionGrade attribution = AttributionGrade::kUndetermined;
  std::string attribution_reason;
  EvidenceGrade evidence = EvidenceGrade::kSingleSource;
  std::string evidence_reason;
  std::vector<std::string> independent_origins;  // credible origins, each counted once
  bool in_headline = false;  // its evidence grade is one Parameters::headline_evidence names
};

// Assesses an incident from its members (order does not matter).
Reconciliation reconcile(const std::vector<ClaimContext>& members, const ActorParties& parties,
                         const Parameters& parameters);

// The origin a claim's information comes from, for independence: a claimant
// acting for a party is that party (a wire story citing a ministry is the
// ministry's account, and two ministries of one state are one origin);
// otherwise the originating agency (last of the document's origin chain), else the source.
std::string origin_of(const ClaimContext& claim, const ActorParties& parties);

std::string_view to_string(Standing standing);
std::string_view to_string(AttributionGrade grade);
std::string_view to_string(EvidenceGrade grade);

}  // namespace truce::fusion
