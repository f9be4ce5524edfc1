// Assessments and alerts of the stored incidents a query selects
// (docs/api.md, "Assessments and alerts"): incidents are chosen from their
// summary rows, in the listings' stable order, and each is assessed afresh.
#include <algorithm>
#include <array>

#include "service/monitor.hpp"

namespace truce::service {
namespace {

constexpr int kScanBatch = 200;

Status known_agreement(const assess::Registry& registry, const std::optional<std::string>& id) {
  if (id && registry.agreement(*id) == nullptr) {
    return make_error(ErrorCode::kInvalidInput,
                      "no agreement '" + *id + "' in the registry (GET /api/v1/agreements)",
                      "agreement");
  }
  return Status::ok();
}

const assess::AgreementAssessment* applying(const assess::IncidentAssessment& assessment,
                                            const std::string& agreement) {
  for (const assess::AgreementAssessment& item : assessment.agreements) {
    if (item.agreement == agreement) {
      return &item;
    }
  }
  return nullptr;
}

bool selected(const assess::IncidentAssessment& assessment, const AssessmentQuery& query) {
  if (!query.agreement) {
    return !query.verdict || assess::worst_verdict(assessment) == *query.verdict;
  }
  const assess::AgreementAssessment* item = applying(assessment, *query.agreement);
  if (item == nullptr) {
    return false;
  }
  if (!query.verdict) {
    return true;
  }
  assess::IncidentAssessment only;
  only.agreements.push_back(*item);
  return assess::worst_verdict(only) == *query.verdict;
}

// Days YYYY-MM-DD and kind words of an alert query (the CLI passes them unchecked).
Status valid_alert_query(const AlertQuery& query) {
  for (const auto* day : {&query.since, &query.until}) {
    if (*day) {
      auto parsed = parse_civil_time(**day);
      if (!parsed || parsed->time_of_day) {
        const char* name = day == &query.since ? "since" : "until";
        return make_error(ErrorCode::kInvalidInput,
                          std::string(name) + " '" + **day + "' is not a date (YYYY-MM-DD)", name);
      }
    }
  }
  if (query.since && query.until && *query.until < *query.since) {
    return make_error(ErrorCode::kInvalidInput,
                      "until " + *query.until + " is before since " + *query.since, "until");
  }
  constexpr std::array kKinds = {"escalation", "corridor", "death", "capture"};
  if (query.kind && std::find(kKinds.begin(), kKinds.end(), *query.kind) == kKinds.end()) {
    return make_error(
        ErrorCode::kInvalidInput,
        "kind '" + *query.kind + "' is not one of escalation, corridor, death, capture", "kind");
  }
  return Status::ok();
}

}  // namespace

Result<AssessmentPage> Monitor::assessment_page(const AssessmentQuery& query) {
  auto registry = this->registry();
  if (!registry) {
    return std::move(registry).error();
  }
  if (auto known = known_agreement(*registry, query.agreement); !known) {
    return known.error();
  }
  const auto wanted = static_cast<std::size_t>(std::max(1, query.incidents.limit));
  storage::IncidentSummaryQuery scan = query.incidents;
  scan.limit = std::max(static_cast<int>(wanted) + 1, kScanBatch);
  AssessmentPage page;
  std::optional<storage::IncidentCursor> last;
  while (true) {
    auto rows = store_->find_incident_summaries(scan);
    if (!rows) {
      return rows.error();
    }
    for (const storage::IncidentSummaryRow& row : *rows) {
      auto facts = incident_facts(IncidentId(row.id));
      if (!facts) {
        return facts.error();
      }
      assess::IncidentAssessment assessment = assess::assess(*registry, *facts);
      if (!selected(assessment, query)) {
        continue;
      }
      if (page.assessments.size() == wanted) {
        page.next = last;  // one more matches: another page follows
        return page;
      }
      page.assessments.push_back(std::move(assessment));
      last = storage::IncidentCursor{row.start_key, row.id};
    }
    if (static_cast<int>(rows->size()) < scan.limit) {
      return page;
    }
    scan.after = storage::IncidentCursor{rows->back().start_key, rows->back().id};
  }
}

Result<std::vector<assess::Alert>> Monitor::stored_alerts(const AlertQuery& query) {
  if (auto valid = valid_alert_query(query); !valid) {
    return valid.error();
  }
  auto registry = this->registry();
  if (!registry) {
    return std::move(registry).error();
  }
  if (auto known = known_agreement(*registry, query.agreement); !known) {
    return known.error();
  }
  storage::IncidentSummaryQuery scan;
  scan.published_only = query.published_only;
  scan.theatre = query.theatre;
  scan.limit = kScanBatch;
  std::vector<assess::IncidentFacts> counted;
  while (true) {
    auto rows = store_->find_incident_summaries(scan);
    if (!rows) {
      return rows.error();
    }
    for (const storage::IncidentSummaryRow& row : *rows) {
      auto facts = incident_facts(IncidentId(row.id));
      if (!facts) {
        return facts.error();
      }
      if (query.agreement &&
          applying(assess::assess(*registry, *facts), *query.agreement) == nullptr) {
        continue;
      }
      counted.push_back(std::move(facts).value());
    }
    if (static_cast<int>(rows->size()) < scan.limit) {
      break;
    }
    scan.after = storage::IncidentCursor{rows->back().start_key, rows->back().id};
  }
  auto found = alerts(counted);
  if (!found) {
    return found.error();
  }
  std::erase_if(*found, [&](const assess::Alert& alert) {
    return (query.since && alert.day < *query.since) || (query.until && alert.day > *query.until) ||
           (query.kind && alert.kind != *query.kind);
  });
  return found;
}

}  // namespace truce::service
