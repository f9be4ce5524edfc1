// Complaints of the parties (docs/api.md, "Complaints"): what a front end
// asks of Monitor's complaint methods, and the stable names of the refusals
// it must tell apart (carried in Error::context).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/access.hpp"
#include "core/complaint.hpp"
#include "report/picture.hpp"
#include "storage/store.hpp"

namespace truce::service {

// A body naming a claimant other than the filer's party.
inline constexpr std::string_view kClaimantMismatch = "complaint.claimant_mismatch";
// A step the complaint's state does not allow (a finding before a review...).
inline constexpr std::string_view kInvalidTransition = "complaint.invalid_transition";
// A liaison officer asking for another party's complaints.
inline constexpr std::string_view kForeignParty = "complaint.foreign_party";

// One claim as JSON: the members of a claim of the JSON report format
// (docs/formats/json.md) but `id` and `document`, plus the complaint's own
// words `text` (its document's text, which provenance quotes point into) and
// a `title`. `claimant` may be left out; given, it must be the party.
struct ComplaintFiling {
  std::string body;
  std::string by;     // the liaison officer's user name
  std::string party;  // the officer's affiliation (an actor id)
};

// Who reads: a liaison officer reads its own party's complaints only; every
// other role given here reads all of them.
struct ComplaintReader {
  Role role = Role::kOperator;
  std::optional<std::string> affiliation;
};

enum class ComplaintAction { kReview, kFinding };

struct ComplaintStepRequest {
  std::string complaint;
  ComplaintAction action = ComplaintAction::kReview;
  std::string outcome;  // kFinding: substantiated, not_substantiated, inconclusive
  std::string text;     // kFinding: the finding's words (required)
  std::string by;       // user name, or "cli"
};

// A complaint with its claim (and the claim's document and source).
struct ComplaintView {
  Complaint complaint;
  report::ClaimRecord claim;
};

}  // namespace truce::service
