// The incident records front ends show: an incident with its member claims
// (with their documents and sources), the claims linked to it, the reconciled
// figures and grades, its history and the decisions that shaped it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.hpp"
#include "core/incident.hpp"
#include "fusion/reconciliation.hpp"
#include "report/picture.hpp"

namespace truce::report {

struct IncidentRecord {
  Incident incident;
  std::vector<ClaimRecord> members;  // in the order of incident.members
  std::vector<ClaimRecord> linked;   // in the order of incident.links
  fusion::Reconciliation reconciliation;
  std::vector<IncidentEvent> history;
  std::vector<Decision> decisions;  // decisions naming any member, by sequence
  // Against the agreement registry; set for one incident shown, not in listings.
  std::optional<assess::IncidentAssessment> agreements;
};

// The incidents of a listing, with the totals of the headline figures.
struct IncidentList {
  std::vector<IncidentRecord> incidents;
  long long total = 0;  // all stored incidents
  std::vector<std::string> headline_grades;
};

// What an analyst decision did.
struct DecisionOutcome {
  Decision decision;
  std::vector<IncidentId> incidents;  // the incidents the affected claims are in now
  std::vector<IncidentId> retired;
};

// A monitoring mechanism that could verify an incident: a provision of kind
// monitoring of an agreement whose period and area hold the incident.
struct MechanismChoice {
  std::string agreement;
  std::string provision;
  std::vector<std::string> members;  // actor ids
  int quorum = 0;
  bool certain = true;  // false: the agreement only possibly applies (docs/agreements.md)
};

struct VerificationSignOff {
  std::string member;
  std::string verdict;  // verified, refuted
  std::string by;
  std::string note;
  std::string at;
};

// What the centre decided about an incident (docs/api.md, "Joint
// verification"), and the mechanisms that apply to it.
struct Verification {
  IncidentId incident;
  bool published = false;
  std::string state = "unverified";
  std::optional<std::string> agreement;  // the mechanism of the open review
  std::optional<std::string> provision;
  std::optional<std::string> opened_by;
  std::string updated_at;  // empty: never reviewed
  std::vector<VerificationSignOff> signoffs;
  std::vector<MechanismChoice> mechanisms;
};

std::string verification_json(const Verification& verification);
std::string verification_text(const Verification& verification);

// `truce incidents`: one row per incident, then the headline totals.
std::string incidents_table(const IncidentList& list);
// `truce show INCIDENT`: claims, figures side by side, reconciled figures,
// grades, ending links, history, decisions, the assessment against the
// agreements; with `why`, each member's matched features and score.
std::string incident_detail(const IncidentRecord& record, bool why);
std::string incidents_json(const IncidentList& list);
std::string incident_json(const IncidentRecord& record, bool why);
// One incident of an API listing, on one line: the object `incidents_json`
// lists, with its members' event types and the name and box of its place;
// `public_view` leaves out the claim ids (docs/api.md, "Public view").
std::string incident_summary_json(const IncidentRecord& record, bool public_view);
std::string decision_text(const DecisionOutcome& outcome);
std::string decision_json(const DecisionOutcome& outcome);

// "killed 1-3 (best 1)" or "killed 7".
std::string estimate_text(const fusion::Estimate& estimate);

}  // namespace truce::report
