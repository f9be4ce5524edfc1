// Monitor's agreement registry, assessments, coverage and alerts.
#include <fstream>
#include <sstream>

#include "service/agreements.hpp"
#include "service/monitor.hpp"
#include "util/data_dir.hpp"

namespace truce::service {
namespace {

Result<std::string> read_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return make_error(ErrorCode::kUnavailable, path.string() + ": no such file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::kUnavailable, path.string() + ": cannot be read");
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<std::vector<storage::RegistryFile>> Monitor::registry_files() const {
  return store_->registry_files();
}

Result<assess::Registry> Monitor::registry() const {
  auto files = store_->registry_files();
  if (!files) {
    return std::move(files).error();
  }
  auto registry = build_registry(*files);
  if (!registry) {
    Error error = std::move(registry).error();
    error.code = ErrorCode::kDataCorruption;
    error.message = "the stored agreement registry does not load: " + error.message;
    return error;
  }
  return registry;
}

Result<RegistryLoad> Monitor::load_registry_files(const std::vector<std::filesystem::path>& files,
                                                  bool dry_run) {
  std::vector<storage::RegistryFile> changes;
  RegistryLoad outcome;
  outcome.dry_run = dry_run;
  for (const auto& path : files) {
    const std::string extension = path.extension().string();
    if (extension != ".json" && extension != ".geojson") {
      return make_error(
          ErrorCode::kInvalidInput,
          path.string() + ": an agreement is a .json file and geography a .geojson file");
    }
    auto text = read_file(path);
    if (!text) {
      return std::move(text).error();
    }
    const bool agreement = extension == ".json";
    std::string name =
        std::string(agreement ? "agreements/" : "geography/") + path.filename().string();
    outcome.names.push_back(name);
    changes.push_back({std::move(name), agreement, false, 1, std::move(*text)});
  }
  auto stored = store_->registry_files();
  if (!stored) {
    return std::move(stored).error();
  }
  for (const auto& change : changes) {
    for (const auto& file : *stored) {
      if (file.name == change.name && file.bundled) {
        return make_error(ErrorCode::kConflict, change.name +
                                                    " is the name of a bundled file; rename "
                                                    "yours to load it beside the bundled one");
      }
    }
  }
  // Errors name the stored name ("agreements/x.json"); say which path it was.
  auto registry = build_registry(merged(*stored, changes));
  if (!registry) {
    return std::move(registry).error();
  }
  if (dry_run) {
    for (const auto& change : changes) {
      bool same = false;
      for (const auto& file : *stored) {
        same = same || (file.name == change.name && file.content == change.content);
      }
      outcome.changed += same ? 0 : 1;
    }
    return outcome;
  }
  auto changed = store_->put_registry_files(changes);
  if (!changed) {
    return std::move(changed).error();
  }
  outcome.changed = *changed;
  return outcome;
}

Result<const AssessmentData*> Monitor::assessment_data() {
  if (!assessment_) {
    auto data_dir = util::find_data_dir();
    if (!data_dir) {
      return std::move(data_dir).error();
    }
    auto loaded = AssessmentData::load(*data_dir);
    if (!loaded) {
      return std::move(loaded).error();
    }
    assessment_.emplace(std::move(loaded).value());
  }
  return &*assessment_;
}

Result<std::vector<assess::IncidentFacts>> Monitor::read_facts(const std::filesystem::path& file) {
  auto data = assessment_data();
  if (!data) {
    return data.error();
  }
  auto text = read_file(file);
  if (!text) {
    return std::move(text).error();
  }
  return assess::read_facts_json(*text, file.string(), (*data)->radii);
}

Result<std::vector<assess::IncidentAssessment>> Monitor::assess_facts(
    const std::vector<assess::IncidentFacts>& facts) const {
  auto registry = this->registry();
  if (!registry) {
    return std::move(registry).error();
  }
  std::vector<assess::IncidentAssessment> assessments;
  assessments.reserve(facts.size());
  for (const auto& incident : facts) {
    assessments.push_back(assess::assess(*registry, incident));
  }
  return assessments;
}

Result<CoverageReport> Monitor::coverage(const std::string& line,
                                         const std::vector<std::string>& posts,
                                         const CivilTime& day,
                                         const std::vector<assess::IncidentFacts>& facts) const {
  auto registry = this->registry();
  if (!registry) {
    return std::move(registry).error();
  }
  // Noon UTC of the day: a feature valid that day in any theatre's zone.
  const std::int64_t moment = day_number(day.date) * 86400 + 43200;
  auto covered = assess::line_coverage(*registry, line, posts, moment);
  if (!covered) {
    return std::move(covered).error();
  }
  return CoverageReport{std::move(*covered), assess::nearest_posts(*registry, posts, facts)};
}

Result<std::vector<assess::Alert>> Monitor::alerts(
    const std::vector<assess::IncidentFacts>& facts) {
  auto data = assessment_data();
  if (!data) {
    return data.error();
  }
  auto registry = this->registry();
  if (!registry) {
    return std::move(registry).error();
  }
  return assess::alerts(*registry, facts, (*data)->alerts);
}

Result<std::vector<Incident>> Monitor::stored_incidents(const storage::IncidentQuery& query) const {
  if (query.limit > 0) {
    return store_->find_incidents(query);
  }
  constexpr int kPage = 1000;
  std::vector<Incident> all;
  storage::IncidentQuery page = query;
  page.limit = kPage;
  while (true) {
    auto found = store_->find_incidents(page);
    if (!found) {
      return found.error();
    }
    const std::size_t count = found->size();
    all.insert(all.end(), std::make_move_iterator(found->begin()),
               std::make_move_iterator(found->end()));
    if (count < static_cast<std::size_t>(kPage)) {
      return all;
    }
    page.offset += kPage;
  }
}

Result<assess::IncidentFacts> Monitor::incident_facts(const IncidentId& id) {
  auto found = store_->get_incident(id);
  if (!found) {
    return found.error();
  }
  auto record = incident_record(*found, false, false);
  auto fusion = fusion_data();
  auto data = assessment_data();
  if (!record || !fusion || !data) {
    return !record ? record.error() : !fusion ? fusion.error() : data.error();
  }
  return service::incident_facts(*record, (*fusion)->parties, (*data)->radii);
}

Result<std::vector<assess::IncidentFacts>> Monitor::stored_incident_facts(
    const storage::IncidentQuery& query) {
  auto incidents = stored_incidents(query);
  auto fusion = fusion_data();
  auto data = assessment_data();
  if (!incidents || !fusion || !data) {
    return !incidents ? incidents.error() : !fusion ? fusion.error() : data.error();
  }
  std::vector<assess::IncidentFacts> facts;
  facts.reserve(incidents->size());
  for (const Incident& incident : *incidents) {
    auto record = incident_record(incident, false, false);
    if (!record) {
      return record.error();
    }
    facts.push_back(service::incident_facts(*record, (*fusion)->parties, (*data)->radii));
  }
  return facts;
}

Result<assess::IncidentAssessment> Monitor::incident_assessment(const IncidentId& id) {
  auto facts = incident_facts(id);
  if (!facts) {
    return facts.error();
  }
  auto registry = this->registry();
  if (!registry) {
    return std::move(registry).error();
  }
  return assess::assess(*registry, *facts);
}

Result<std::vector<assess::IncidentAssessment>> Monitor::assess_incidents(
    const storage::IncidentQuery& query) {
  auto facts = stored_incident_facts(query);
  if (!facts) {
    return facts.error();
  }
  return assess_facts(*facts);
}

Result<std::vector<assess::Alert>> Monitor::stored_alerts() {
  storage::IncidentQuery all;
  all.limit = 0;
  auto facts = stored_incident_facts(all);
  if (!facts) {
    return facts.error();
  }
  return alerts(*facts);
}

}  // namespace truce::service
