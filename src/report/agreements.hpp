// Renderings of the agreement registry, assessments, coverage and alerts:
// text for people, JSON (--json) for scripts. Listings put their records
// under a plural name ({"agreements": [...]}).
#pragma once

#include <string>
#include <vector>

#include "assess/alerts.hpp"
#include "assess/assessment.hpp"
#include "assess/coverage.hpp"
#include "assess/registry.hpp"

namespace truce::report {

// Where each agreement's file came from, by agreement id order of the registry.
struct AgreementOrigin {
  std::string file;  // "agreements/x.json"
  bool bundled = true;
  int version = 1;
};

std::string agreements_text(const assess::Registry& registry,
                            const std::vector<AgreementOrigin>& origins);
std::string agreements_json(const assess::Registry& registry,
                            const std::vector<AgreementOrigin>& origins);
// One agreement with its provisions and the features they name.
std::string agreement_text(const assess::Registry& registry, const Agreement& agreement);
std::string agreement_json(const assess::Registry& registry, const Agreement& agreement);

std::string assessments_text(const std::vector<assess::IncidentAssessment>& assessments);
std::string assessments_json(const std::vector<assess::IncidentAssessment>& assessments);
// {"assessment": {...}}: one item of assessments_json.
std::string assessment_json(const assess::IncidentAssessment& assessment);

std::string coverage_text(const assess::LineCoverage& line,
                          const std::vector<assess::NearestPost>& incidents);
std::string coverage_json(const assess::LineCoverage& line,
                          const std::vector<assess::NearestPost>& incidents);

std::string alerts_text(const std::vector<assess::Alert>& alerts);
std::string alerts_json(const std::vector<assess::Alert>& alerts);

}  // namespace truce::report
