// One incident's assessment as `truce assess` and `truce show` render it, so
// that both print the same thing (internal to report/).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "assess/assessment.hpp"

namespace truce::report::detail {

// {"incident", "verdict", "agreements": [...], "not_applicable": [...]}
nlohmann::ordered_json assessment_value(const assess::IncidentAssessment& assessment);

// Each agreement that applies with its reasons and checked provisions, then
// those that do not; every line starts with `indent`.
std::string assessment_lines(const assess::IncidentAssessment& assessment,
                             const std::string& indent);

}  // namespace truce::report::detail
