#include "service/monitor.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <limits>
#include <map>
#include <set>

#include "core/vocabulary.hpp"
#include "fusion/reconciliation.hpp"
#include "service/agreements.hpp"
#include "util/data_dir.hpp"

namespace truce::service {
namespace {

constexpr std::string_view kContext = "service";

// A document without text whose id is already stored is a reference to the
// stored one (exports carry no text in CSV and GeoJSON): keep the stored
// record, and say so if the metadata differs.
void drop_stored_references(const storage::Store& store, IntakeBatch& batch,
                            storage::WriteSummary& summary, std::vector<std::string>& warnings) {
  std::vector<Document> documents;
  std::vector<std::string> locations;
  for (std::size_t i = 0; i < batch.documents.size(); ++i) {
    Document& document = batch.documents[i];
    std::string where =
        i < batch.document_locations.size() ? batch.document_locations[i] : batch.origin;
    if (document.text.empty()) {
      auto stored = store.get_document(document.id);
      if (stored) {
        Document comparable = *stored;
        comparable.text.clear();
        comparable.content_hash = document.content_hash;
        // CSV carries neither the text nor the document's agreement references.
        if (document.agreement_references.empty()) {
          comparable.agreement_references.clear();
        }
        if (!(comparable == document)) {
          warnings.push_back(where + ": document " + document.id.str() +
                             " is already stored with other details; the stored record is kept");
        }
        ++summary.documents_unchanged;
        continue;
      }
    }
    locations.push_back(std::move(where));
    documents.push_back(std::move(document));
  }
  batch.documents = std::move(documents);
  batch.document_locations = std::move(locations);
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Error invalid_decision(const std::string& message) {
  return make_error(ErrorCode::kInvalidInput, message, "service: decide");
}

void count(report::FileOutcome& outcome, const storage::IncidentUpdate& update) {
  for (const IncidentEvent& event : update.events) {
    if (event.what == "created") {
      ++outcome.incidents_created;
    } else if (event.what == "updated") {
      ++outcome.incidents_updated;
    } else {
      ++outcome.incidents_retired;
    }
  }
}

void add(report::FileOutcome& outcome, const storage::WriteSummary& part) {
  outcome.sources_added += part.sources_added;
  outcome.sources_unchanged += part.sources_unchanged;
  outcome.documents_added += part.documents_added;
  outcome.documents_unchanged += part.documents_unchanged;
  outcome.claims_added += part.claims_added;
  outcome.claims_unchanged += part.claims_unchanged;
}

}  // namespace

Monitor::Monitor(std::string location, std::unique_ptr<storage::Store> store)
    : location_(std::move(location)), store_(std::move(store)) {}

Result<Monitor> Monitor::open(const std::string& location, storage::OpenMode mode) {
  auto store = storage::open_store(location, mode);
  if (!store) {
    Error error = std::move(store).error();
    if (error.code == ErrorCode::kNotFound && mode == storage::OpenMode::kOpenExisting) {
      error.message += "; create one with: truce init --db " + location;
    }
    return error;
  }
  auto registered = register_bundled_files(**store);
  if (!registered) {
    return std::move(registered).error();
  }
  Monitor monitor(location, std::move(store).value());
  // A database from before incident summaries, or written by an older truce.
  if (auto summarised = monitor.refresh_incident_summaries(); !summarised) {
    return summarised.error();
  }
  return monitor;
}

std::vector<report::FileOutcome> Monitor::ingest(const std::vector<std::filesystem::path>& files,
                                                 const IngestOptions& options) {
  std::vector<report::FileOutcome> outcomes;
  outcomes.reserve(files.size());
  for (const auto& file : files) {
    outcomes.push_back(ingest_one(file, options));
  }
  return outcomes;
}

report::FileOutcome Monitor::ingest_one(const std::filesystem::path& file,
                                        const IngestOptions& options) {
  report::FileOutcome outcome;
  outcome.file = file.string();
  outcome.dry_run = options.dry_run;
  auto intake = ingest::read_intake_file(file, options.format);
  if (!intake) {
    outcome.error = intake.error();
    return outcome;
  }
  store_intake(*intake, options, outcome, nullptr);
  return outcome;
}

report::FileOutcome Monitor::ingest_text(std::string_view content, const std::string& name,
                                         const IngestOptions& options, std::string_view actor) {
  report::FileOutcome outcome;
  outcome.file = name;
  outcome.dry_run = options.dry_run;
  auto intake = ingest::read_intake_text(content, name, options.format);
  if (!intake) {
    outcome.error = intake.error();
    return outcome;
  }
  std::string who(actor);
  store_intake(*intake, options, outcome, &who);
  return outcome;
}

void Monitor::store_intake(ingest::Intake& intake, const IngestOptions& options,
                           report::FileOutcome& outcome, const std::string* actor) {
  outcome.format = std::string(ingest::to_string(intake.format));
  outcome.warnings = std::move(intake.warnings);
  if (intake.text) {
    auto reader = this->reader();
    if (!reader) {
      outcome.error = reader.error();
      return;
    }
    ReadOptions read_options;
    read_options.format = intake.format;
    read_options.published = options.published;
    read_options.source = options.source;
    auto reading =
        (*reader)->read_document(*intake.text, outcome.file, intake.format, read_options);
    if (!reading) {
      outcome.error = reading.error();
      return;
    }
    // A claim without a time cannot join an incident, and storing the text
    // without it would lose it: the caller gives the date and tries again.
    if (const std::size_t undated = reading->extraction.undated_claims.size(); undated > 0) {
      outcome.error =
          make_error(ErrorCode::kInvalidInput,
                     outcome.file + ": " + std::to_string(undated) +
                         (undated == 1 ? " claim has" : " claims have") +
                         " no date: the text dates no event and gives no publication date; give "
                         "--published YYYY-MM-DD");
      return;
    }
    intake.batch = std::move(reading->batch);
    for (std::string& note : reading->notes) {
      outcome.warnings.push_back(std::move(note));
    }
    for (const extract::Warning& warning : reading->extraction.warnings) {
      outcome.warnings.push_back(outcome.file + ": " + warning.message +
                                 (warning.chosen.empty() ? "" : "; used " + warning.chosen));
    }
    // A source the store already knows keeps its record (an analyst may have graded it).
    if (store_->get_source(intake.batch.sources.front().id)) {
      intake.batch.sources.clear();
    }
  }
  storage::WriteSummary references;
  drop_stored_references(*store_, intake.batch, references, outcome.warnings);
  auto mode = options.dry_run ? storage::WriteMode::kDryRun : storage::WriteMode::kCommit;
  // Incidents change in the same transaction as the claims that change them.
  storage::IncidentUpdate incidents;
  if (!intake.batch.claims.empty()) {
    auto data = fusion_data();
    if (!data) {
      outcome.error = data.error();
      return;
    }
    auto planned = plan_incidents(*store_, **data, intake.batch.claims, {}, {});
    if (!planned) {
      outcome.error = planned.error();
      return;
    }
    incidents = std::move(planned).value();
  }
  std::optional<storage::AuditRecord> audit;
  if (actor != nullptr) {
    audit =
        storage::AuditRecord{*actor, "ingest", outcome.file, "null",
                             R"({"format":")" + outcome.format + R"(","documents":)" +
                                 std::to_string(intake.batch.documents.size()) + R"(,"claims":)" +
                                 std::to_string(intake.batch.claims.size()) + "}"};
  }
  auto written = store_->write(intake.batch, mode, incidents, audit ? &*audit : nullptr);
  if (!written) {
    outcome.error = written.error();
    return;
  }
  add(outcome, *written);
  count(outcome, incidents);
  add(outcome, references);
  if (mode == storage::WriteMode::kCommit && !incidents.empty()) {
    if (auto summarised = refresh_incident_summaries(); !summarised) {
      outcome.warnings.push_back("incident summaries are not up to date: " +
                                 summarised.error().message);
    }
  }
}

Result<const Reader*> Monitor::reader() {
  if (!reader_) {
    auto loaded = Reader::load();
    if (!loaded) {
      return std::move(loaded).error();
    }
    reader_.emplace(std::move(loaded).value());
  }
  return &*reader_;
}

Result<const FusionData*> Monitor::fusion_data() {
  if (!fusion_) {
    auto data_dir = util::find_data_dir();
    if (!data_dir) {
      return std::move(data_dir).error();
    }
    auto loaded = FusionData::load(*data_dir);
    if (!loaded) {
      return std::move(loaded).error();
    }
    fusion_.emplace(std::move(loaded).value());
  }
  return &*fusion_;
}

Result<report::IncidentRecord> Monitor::incident_record(const Incident& incident, bool with_history,
                                                        bool with_texts) {
  auto data = fusion_data();
  if (!data) {
    return data.error();
  }
  // Each document and source once: the members of an incident often come
  // from one text.
  std::map<std::string, Document, std::less<>> documents;
  std::map<std::string, Source, std::less<>> sources;
  const auto claim_record = [&](const ClaimId& id) -> Result<report::ClaimRecord> {
    auto claim = store_->get_claim(id);
    if (!claim) {
      return claim.error();
    }
    auto document = documents.find(claim->document.str());
    if (document == documents.end()) {
      auto read = store_->get_document(claim->document);
      if (!read) {
        return read.error();
      }
      if (!with_texts) {
        read->text.clear();
      }
      document = documents.emplace(claim->document.str(), std::move(read).value()).first;
    }
    auto source = sources.find(document->second.source.str());
    if (source == sources.end()) {
      auto read = store_->get_source(document->second.source);
      if (!read) {
        return read.error();
      }
      source = sources.emplace(document->second.source.str(), std::move(read).value()).first;
    }
    return report::ClaimRecord{std::move(claim).value(), document->second, source->second};
  };
  report::IncidentRecord record;
  record.incident = incident;
  std::vector<fusion::ClaimContext> contexts;
  std::vector<ClaimId> member_ids;
  for (const IncidentMember& member : incident.members) {
    auto found = claim_record(member.claim);
    if (!found) {
      return found.error();
    }
    contexts.push_back(claim_context(**data, found->claim, found->document, found->source));
    record.members.push_back(std::move(found).value());
    member_ids.push_back(member.claim);
  }
  for (const IncidentLink& link : incident.links) {
    auto found = claim_record(link.claim);
    if (!found) {
      return found.error();
    }
    record.linked.push_back(std::move(found).value());
  }
  record.reconciliation = fusion::reconcile(contexts, (*data)->parties, (*data)->parameters);
  if (with_history) {
    auto history = store_->incident_history(incident.id);
    if (!history) {
      return history.error();
    }
    record.history = std::move(history).value();
    auto decisions = store_->decisions_about(member_ids);
    if (!decisions) {
      return decisions.error();
    }
    record.decisions = std::move(decisions).value();
  }
  return record;
}

Result<report::IncidentList> Monitor::incidents(const storage::IncidentQuery& query) {
  auto data = fusion_data();
  if (!data) {
    return data.error();
  }
  auto found = store_->find_incidents(query);
  if (!found) {
    return found.error();
  }
  auto total = store_->count_incidents();
  if (!total) {
    return total.error();
  }
  report::IncidentList list;
  list.total = *total;
  list.headline_grades = (*data)->parameters.headline_evidence;
  for (const Incident& incident : *found) {
    auto record = incident_record(incident, false);
    if (!record) {
      return record.error();
    }
    list.incidents.push_back(std::move(record).value());
  }
  return list;
}

Result<report::IncidentRecord> Monitor::incident(const IncidentId& id) {
  auto found = store_->get_incident(id);
  if (!found) {
    Error error = std::move(found).error();
    if (error.code == ErrorCode::kNotFound) {
      auto history = store_->incident_history(id);
      if (history && !history->empty()) {
        error.message += "; it was " + history->back().what + " " + history->back().detail;
      }
    }
    return error;
  }
  auto record = incident_record(*found, true);
  auto fusion = fusion_data();
  auto data = assessment_data();
  if (!record || !fusion || !data) {
    return !record ? record.error() : !fusion ? fusion.error() : data.error();
  }
  auto registry = this->registry();
  if (!registry) {
    return std::move(registry).error();
  }
  record->agreements = assess::assess(
      *registry, service::incident_facts(*record, (*fusion)->parties, (*data)->radii));
  return record;
}

Result<report::DecisionOutcome> Monitor::decide(const DecisionRequest& request) {
  if (request.by.empty() || request.reason.empty()) {
    return invalid_decision("a decision needs --by (who decides) and --reason (why)");
  }
  auto data = fusion_data();
  if (!data) {
    return data.error();
  }
  auto incident = store_->get_incident(request.incident);
  if (!incident) {
    return incident.error();
  }
  std::vector<ClaimId> members;
  for (const IncidentMember& member : incident->members) {
    members.push_back(member.claim);
  }
  auto is_member = [&](const ClaimId& claim) {
    return std::find(members.begin(), members.end(), claim) != members.end();
  };
  Decision decision;
  decision.kind = request.kind;
  decision.incident = request.incident;
  decision.other = request.other;
  decision.claims = request.claims;
  decision.by = request.by;
  decision.reason = request.reason;
  decision.at = utc_now();
  auto pair = [](const ClaimId& a, const ClaimId& b, bool must_link) {
    return a < b ? PairConstraint{a, b, must_link} : PairConstraint{b, a, must_link};
  };
  std::vector<ClaimId> seeds = members;
  switch (request.kind) {
    case DecisionKind::kMerge: {
      if (!request.other || *request.other == request.incident) {
        return invalid_decision("merge needs two different incidents");
      }
      auto other = store_->get_incident(*request.other);
      if (!other) {
        return other.error();
      }
      std::vector<ClaimId> all = members;
      for (const IncidentMember& member : other->members) {
        all.push_back(member.claim);
      }
      std::sort(all.begin(), all.end());
      for (std::size_t i = 1; i < all.size(); ++i) {
        decision.constraints.push_back(pair(all.front(), all[i], true));
      }
      seeds = all;
      break;
    }
    case DecisionKind::kSplit: {
      std::vector<ClaimId> taken = request.claims;
      std::sort(taken.begin(), taken.end());
      taken.erase(std::unique(taken.begin(), taken.end()), taken.end());
      if (taken.empty()) {
        return invalid_decision("split needs --claims: the claims that form the new incident");
      }
      for (const ClaimId& claim : taken) {
        if (!is_member(claim)) {
          return invalid_decision("claim " + claim.str() + " is not a member of incident " +
                                  request.incident.str());
        }
      }
      if (taken.size() == members.size()) {
        return invalid_decision("split: --claims names every claim of incident " +
                                request.incident.str() + "; leave at least one behind");
      }
      for (std::size_t i = 1; i < taken.size(); ++i) {
        decision.constraints.push_back(pair(taken.front(), taken[i], true));
      }
      for (const ClaimId& claim : taken) {
        for (const ClaimId& member : members) {
          if (!std::binary_search(taken.begin(), taken.end(), member)) {
            decision.constraints.push_back(pair(claim, member, false));
          }
        }
      }
      break;
    }
    case DecisionKind::kAttach:
    case DecisionKind::kDetach: {
      if (request.claims.size() != 1) {
        return invalid_decision(std::string(to_string(request.kind)) + " takes exactly one claim");
      }
      const ClaimId& claim = request.claims.front();
      auto stored = store_->get_claim(claim);
      if (!stored) {
        return stored.error();
      }
      if (request.kind == DecisionKind::kAttach) {
        if (is_member(claim)) {
          return invalid_decision("claim " + claim.str() + " is already a member of incident " +
                                  request.incident.str());
        }
        const auto role = fusion::rule_of((*data)->parameters, stored->event_type).role;
        if (role != fusion::EventRole::kMember && role != fusion::EventRole::kReleases) {
          return invalid_decision("claim " + claim.str() + " is a " +
                                  std::string(to_string(stored->event_type)) +
                                  " claim, which forms no incident (docs/fusion.md)");
        }
        for (const ClaimId& member : members) {
          decision.constraints.push_back(pair(claim, member, true));
        }
      } else {
        if (!is_member(claim)) {
          return invalid_decision("claim " + claim.str() + " is not a member of incident " +
                                  request.incident.str());
        }
        if (members.size() < 2) {
          return invalid_decision("claim " + claim.str() + " is the only member of incident " +
                                  request.incident.str());
        }
        for (const ClaimId& member : members) {
          if (member != claim) {
            decision.constraints.push_back(pair(claim, member, false));
          }
        }
      }
      seeds.push_back(claim);
      break;
    }
  }
  auto sequence = store_->next_decision_sequence();
  if (!sequence) {
    return sequence.error();
  }
  decision.sequence = *sequence;
  auto planned = plan_incidents(*store_, **data, {}, seeds, {decision});
  if (!planned) {
    return planned.error();
  }
  planned->events.push_back(
      {decision.at, request.incident, "decision " + std::to_string(decision.sequence),
       std::string(to_string(decision.kind)) + " by " + decision.by + ": " + decision.reason});
  if (auto recorded = store_->record_decision(decision, *planned); !recorded) {
    return recorded.error();
  }
  if (auto summarised = refresh_incident_summaries(); !summarised) {
    return summarised.error();
  }
  report::DecisionOutcome outcome;
  outcome.decision = decision;
  auto now = store_->incidents_of(seeds);
  if (!now) {
    return now.error();
  }
  std::set<std::string> seen;
  for (const auto& [claim, id] : *now) {
    if (seen.insert(id.str()).second) {
      outcome.incidents.push_back(id);
    }
  }
  outcome.retired = planned->removed;
  return outcome;
}

Result<std::vector<Claim>> Monitor::claims(const storage::ClaimQuery& query) const {
  return store_->find_claims(query);
}

Result<std::vector<storage::ClaimSummary>> Monitor::claim_summaries(
    const storage::ClaimQuery& query) const {
  return store_->find_claim_summaries(query);
}

Result<long long> Monitor::count_claims(const storage::ClaimQuery& query) const {
  return store_->count_claims(query);
}

Result<report::ClaimRecord> Monitor::claim(const ClaimId& id) const {
  auto claim = store_->get_claim(id);
  if (!claim) {
    return claim.error();
  }
  auto document = store_->get_document(claim->document);
  if (!document) {
    return document.error();
  }
  auto source = store_->get_source(document->source);
  if (!source) {
    return source.error();
  }
  return report::ClaimRecord{std::move(claim).value(), std::move(document).value(),
                             std::move(source).value()};
}

Result<Document> Monitor::document(const DocumentId& id) const {
  return store_->get_document(id);
}

Result<Source> Monitor::source(const SourceId& id) const {
  return store_->get_source(id);
}

Result<std::vector<Source>> Monitor::sources() const {
  return store_->list_sources();
}

Result<std::vector<Document>> Monitor::documents() const {
  return store_->list_documents();
}

Result<std::vector<Document>> Monitor::documents_page(const storage::DocumentQuery& query) const {
  return store_->find_documents(query);
}

Result<std::vector<storage::DailyCount>> Monitor::daily_counts(
    const storage::ClaimQuery& query) const {
  return store_->daily_claim_counts(query);
}

Status Monitor::ping() const {
  return store_->ping();
}

Result<IntakeBatch> Monitor::export_batch(const storage::ClaimQuery& query) const {
  auto claims = store_->find_claims(query);
  if (!claims) {
    return claims.error();
  }
  IntakeBatch batch;
  batch.origin = location_;
  std::set<std::string> documents_seen;
  std::set<std::string> sources_seen;
  for (const Claim& claim : *claims) {
    if (documents_seen.insert(claim.document.str()).second) {
      auto document = store_->get_document(claim.document);
      if (!document) {
        return document.error();
      }
      if (sources_seen.insert(document->source.str()).second) {
        auto source = store_->get_source(document->source);
        if (!source) {
          return source.error();
        }
        batch.sources.push_back(std::move(source).value());
      }
      batch.documents.push_back(std::move(document).value());
    }
  }
  batch.claims = std::move(claims).value();
  return batch;
}

Result<report::Picture> Monitor::picture(int latest_claims) const {
  report::Picture picture;
  picture.location = location_;
  auto stats = store_->stats();
  if (!stats) {
    return stats.error();
  }
  picture.schema_version = stats->schema_version;
  picture.sources = stats->sources;
  picture.documents = stats->documents;
  picture.claims = stats->claims;
  picture.first_event = stats->first_event.value_or("");
  picture.last_event = stats->last_event.value_or("");
  auto sources = store_->list_sources();
  if (!sources) {
    return sources.error();
  }
  for (Source& source : *sources) {
    storage::ClaimQuery query;
    query.source = source.id;
    auto count = store_->count_claims(query);
    if (!count) {
      return count.error();
    }
    picture.activity.push_back({std::move(source), *count});
  }
  // Newest first: take the last `latest_claims` in time order and reverse them.
  storage::ClaimQuery all;
  all.offset = static_cast<int>(std::max<long long>(0, stats->claims - latest_claims));
  all.limit = latest_claims;
  auto latest = store_->find_claims(all);
  if (!latest) {
    return latest.error();
  }
  for (std::size_t i = latest->size(); i-- > 0;) {
    auto record = claim((*latest)[i].id);
    if (!record) {
      return record.error();
    }
    picture.latest.push_back(std::move(record).value());
  }
  return picture;
}

}  // namespace truce::service
