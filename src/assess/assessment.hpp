// Assessment: an incident's facts against every agreement in the registry.
// First which agreements apply (in force at the time, the place inside their
// area), then, per provision, a verdict with the reasons in words a person can
// check: days since the agreement took effect, distances to its lines,
// inside/outside its zones given how precisely the place is known, and the
// attribution grade. The rules: docs/agreements.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assess/facts.hpp"
#include "assess/registry.hpp"

namespace truce::assess {

enum class Verdict {
  kBreach,          // every fact needed is established
  kPossibleBreach,  // the facts point to a breach, but place, time or attribution is not settled
  kNoBreach,        // the provision is not engaged, or the incident is outside its reach
  kUndetermined,    // too little is known to say either way
  kNotChecked,      // a provision of a kind that is recorded, not machine-checked
};

std::string_view to_string(Verdict verdict);

struct ProvisionAssessment {
  std::string provision;  // id
  std::string point;
  ProvisionKind kind = ProvisionKind::kOther;
  std::string title;
  Verdict verdict = Verdict::kUndetermined;
  std::vector<std::string> reasons;
  bool in_force = true;  // false: the provision's own period does not hold the incident
};

struct AgreementAssessment {
  std::string agreement;  // id
  std::string title;
  bool applies_certainly = true;     // false: the time or place straddles its limits
  std::vector<std::string> reasons;  // why it applies: time, place, attribution
  std::vector<ProvisionAssessment> provisions;
};

struct NotApplicable {
  std::string agreement;
  std::string reason;
};

struct IncidentAssessment {
  std::string incident;
  std::vector<AgreementAssessment> agreements;
  std::vector<NotApplicable> not_applicable;
};

IncidentAssessment assess(const Registry& registry, const IncidentFacts& facts);

// The worst verdict of an assessment (breach > possible > undetermined > no
// breach > not checked), for listings.
Verdict worst_verdict(const IncidentAssessment& assessment);

}  // namespace truce::assess
