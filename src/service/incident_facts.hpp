// What an assessment needs to know about a stored incident, taken from the
// incident as fusion makes it (docs/agreements.md, "Facts of a stored
// incident"): the time all its accounts allow, the place of the most precise
// one as a disc, event types, weapons and assets of every member, who is
// named as perpetrator and target and by whom (each actor as the party it
// acts for, so that it meets the parties the agreements name), the
// attribution grade and the reconciled casualty figures.
//
// Thread-safety: pure functions; AssessmentData is immutable after load.
#pragma once

#include <filesystem>

#include "assess/alerts.hpp"
#include "assess/facts.hpp"
#include "assess/precision.hpp"
#include "core/result.hpp"
#include "fusion/facts.hpp"
#include "report/incident.hpp"

namespace truce::service {

// The assessment's own data: place precision (assessment/precision.tsv,
// required) and alert settings (assessment/alerts.json; defaults when the
// file is absent). Errors name the file, line and field.
struct AssessmentData {
  assess::PrecisionRadii radii;
  assess::AlertSettings alerts;

  static Result<AssessmentData> load(const std::filesystem::path& data_dir);
};

assess::IncidentFacts incident_facts(const report::IncidentRecord& record,
                                     const fusion::ActorParties& parties,
                                     const assess::PrecisionRadii& radii);

}  // namespace truce::service
