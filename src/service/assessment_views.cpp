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

// Walks the incidents `scan` selects, a batch of summary rows at a time in the
// listings' stable order, handing each one's facts to `visit(row, facts)`,
// which returns false to end the walk there.
template <typename Visit>
Status each_incident(Monitor& monitor, const storage::Store& store,
                     storage::IncidentSummaryQuery scan, Visit&& visit) {
  while (true) {
    auto rows = store.find_incident_summaries(scan);
    if (!rows) {
      return rows.error();
    }
    for (const storage::IncidentSummaryRow& row : *rows) {
      auto facts = monitor.incident_facts(IncidentId(row.id));
      if (!facts) {
        return facts.error();
      }
      if (!visit(row, std::move(facts).value())) {
        return Status::ok();
      }
    }
    if (static_cast<int>(rows->size()) < scan.limit) {
      return Status::ok();
    }
    scan.after = storage::IncidentCursor{rows->back().start_key, rows->back().id};
  }
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
  auto walked = each_incident(
      *this, *store_, scan,
      [&](const storage::IncidentSummaryRow& row, const assess::IncidentFacts& facts) {
        assess::IncidentAssessment assessment = assess::assess(*registry, facts);
        if (!selected(assessment, query)) {
          return true;
        }
        if (page.assessments.size() == wanted) {
          page.next = last;  // one more matches: another page follows
          return false;
        }
        page.assessments.push_back(std::move(assessment));
        last = storage::IncidentCursor{row.start_key, row.id};
        return true;
      });
  if (!walked) {
    return walked.error();
  }
  return page;
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
  auto walked = each_incident(
      *this, *store_, scan, [&](const storage::IncidentSummaryRow&, assess::IncidentFacts facts) {
        if (!query.agreement ||
            applying(assess::assess(*registry, facts), *query.agreement) != nullptr) {
          counted.push_back(std::move(facts));
        }
        return true;
      });
  if (!walked) {
    return walked.error();
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
