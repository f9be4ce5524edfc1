#include "service/monitor.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

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
  return Monitor(location, std::move(store).value());
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
  Result<storage::WriteSummary> written =
      actor == nullptr ? store_->write(intake.batch, mode)
                       : store_->write_audited(
                             intake.batch, mode,
                             {*actor, "ingest", outcome.file, "null",
                              R"({"format":")" + outcome.format + R"(","documents":)" +
                                  std::to_string(intake.batch.documents.size()) + R"(,"claims":)" +
                                  std::to_string(intake.batch.claims.size()) + "}"});
  if (!written) {
    outcome.error = written.error();
    return;
  }
  add(outcome, *written);
  add(outcome, references);
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
