// Escalation alerts. Daily series of incidents and casualties (killed and
// wounded) per theatre and per segment of a line of contact, days counted in
// the theatre's local time (its utc_offset in the geography data); an
// escalation alert when the last `recent_days` depart from the baseline of the
// `baseline_days` before them by a one-sided Poisson test; and threshold
// alerts on single incidents (near a corridor, a death, a capture of
// positions). The tests and their numbers: docs/agreements.md.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "assess/facts.hpp"
#include "assess/registry.hpp"

namespace truce::assess {

struct AlertSettings {
  int baseline_days = 28;    // the window the baseline rate is taken from
  int recent_days = 7;       // the window tested against it
  double p_value = 0.001;    // alert when P(X >= observed | baseline) is below this
  int min_recent_count = 3;  // and at least this many in the recent window
  double corridor_km = 10;   // threshold: an incident within this of a corridor
  double segment_km = 25;    // an incident counts for a line segment within this distance
};

// {"baseline_days": 28, ...}; absent members keep their defaults.
Result<AlertSettings> read_alert_settings_json(std::string_view text, std::string_view file_name);

struct Alert {
  std::string kind;    // "escalation", "corridor", "death", "capture"
  std::string series;  // "theatre:<id>:incidents", "segment:<line>#<n>:casualties"; or the incident
  std::string day;     // local day YYYY-MM-DD the alert is for
  std::string message;
  std::map<std::string, double> numbers;  // what triggered it
};

// P(X >= observed) for X ~ Poisson(mean).
double poisson_upper_tail(int observed, double mean);

// One series: an alert for each day whose last `recent_days` (ending that
// day) are improbably many given the `baseline_days` before them.
std::vector<Alert> escalation_alerts(const std::string& series, const std::string& first_day,
                                     const std::vector<int>& daily, const AlertSettings& settings);

// Every series and threshold over the incidents. Incidents outside every
// theatre are counted in no theatre series.
std::vector<Alert> alerts(const Registry& registry, const std::vector<IncidentFacts>& incidents,
                          const AlertSettings& settings);

}  // namespace truce::assess
