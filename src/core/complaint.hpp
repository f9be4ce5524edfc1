// A party's complaint: a claim filed by a liaison officer with the party as
// claimant, tracked from filing through review to a finding. The claim itself
// is an ordinary stored claim (it joins incidents like any other); this record
// says who filed it, who reviewed it and what the centre found. The steps and
// who may take them are service/'s (docs/api.md, "Complaints").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"

namespace truce {

// filed -> under_review -> finding; no other move.
inline constexpr std::array<std::string_view, 3> kComplaintStates = {"filed", "under_review",
                                                                     "finding"};
inline constexpr std::array<std::string_view, 3> kComplaintOutcomes = {
    "substantiated", "not_substantiated", "inconclusive"};

// Who took a step and when (UTC "YYYY-MM-DDTHH:MM:SSZ").
struct ComplaintStep {
  std::string by;  // user name, or "cli"
  std::string at;
  friend bool operator==(const ComplaintStep&, const ComplaintStep&) = default;
};

struct Complaint {
  std::string id;  // "cmp_" + 20 hex digits of SHA-256 over the claim id
  ClaimId claim;
  DocumentId document;
  std::string party;  // actor id: the claimant
  std::optional<IncidentId>
      incident;                 // the incident of the claim; none for a claim that forms none
  std::string state = "filed";  // a word of kComplaintStates
  ComplaintStep filed;
  std::optional<ComplaintStep> review;
  std::optional<std::string> outcome;  // a word of kComplaintOutcomes, with the finding
  std::string finding;                 // the finding's words
  std::optional<ComplaintStep> found;
  std::string updated_at;
  friend bool operator==(const Complaint&, const Complaint&) = default;
};

}  // namespace truce
