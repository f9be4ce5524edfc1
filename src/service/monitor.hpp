// The one facade every front end uses (the CLI now, HTTP later): open a
// store, ingest files, query and export. Front ends parse arguments, call
// this, and format results; no business logic lives in them.
//
// Thread-safety: one Monitor per thread (it owns one Store).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/batch.hpp"
#include "core/result.hpp"
#include "ingest/intake.hpp"
#include "report/picture.hpp"
#include "service/accounts.hpp"
#include "service/reading.hpp"
#include "storage/store.hpp"

namespace truce::service {

struct IngestOptions {
  ingest::InputFormat format = ingest::InputFormat::kAuto;
  bool dry_run = false;                // validate and check against the store, write nothing
  std::optional<CivilTime> published;  // texts: the publication date, anchor of relative dates
  std::string source;                  // texts: the source id; derived from the publisher if empty
};

class Monitor final {
 public:
  // kNotFound (with a hint to run `truce init`) when kOpenExisting finds no database.
  static Result<Monitor> open(const std::string& location, storage::OpenMode mode);

  // Each file is its own transaction: one rejected file does not stop the others.
  std::vector<report::FileOutcome> ingest(const std::vector<std::filesystem::path>& files,
                                          const IngestOptions& options);

  // One text held in memory (an HTTP request body); `name` stands for the
  // file in messages. The write and its audit entry (`actor`) are one transaction.
  report::FileOutcome ingest_text(std::string_view content, const std::string& name,
                                  const IngestOptions& options, std::string_view actor);

  Result<std::vector<Claim>> claims(const storage::ClaimQuery& query) const;
  Result<long long> count_claims(const storage::ClaimQuery& query) const;
  Result<std::vector<storage::ClaimSummary>> claim_summaries(
      const storage::ClaimQuery& query) const;
  Result<report::ClaimRecord> claim(const ClaimId& id) const;
  Result<Document> document(const DocumentId& id) const;
  Result<Source> source(const SourceId& id) const;
  Result<std::vector<Source>> sources() const;
  Result<std::vector<Document>> documents() const;
  Result<std::vector<Document>> documents_page(const storage::DocumentQuery& query) const;
  Result<std::vector<storage::DailyCount>> daily_counts(const storage::ClaimQuery& query) const;
  // Whether the store answers (a read of its statistics).
  Status ping() const;

  // Texts are read with `reader` instead of loading one (a Reader is cheap to
  // copy and may be shared by threads).
  void share_reader(const Reader& reader) { reader_ = reader; }

  // Users, tokens and the audit log of this monitor's store.
  Accounts accounts() { return Accounts(*store_); }

  // The claims matching `query` with every document (with text) and source
  // they refer to: what `truce export` writes and `truce ingest` reads back.
  Result<IntakeBatch> export_batch(const storage::ClaimQuery& query) const;

  // The monitoring picture: counts, activity by source, the latest claims.
  Result<report::Picture> picture(int latest_claims) const;

  const std::string& location() const { return location_; }

 private:
  Monitor(std::string location, std::unique_ptr<storage::Store> store);

  report::FileOutcome ingest_one(const std::filesystem::path& file, const IngestOptions& options);
  // Reads texts, drops stored references and writes; `actor` audits the write.
  void store_intake(ingest::Intake& intake, const IngestOptions& options,
                    report::FileOutcome& outcome, const std::string* actor);

  // Texts need the extractor's data; it is loaded on the first text only.
  Result<const Reader*> reader();

  std::string location_;
  std::unique_ptr<storage::Store> store_;
  std::optional<Reader> reader_;
};

}  // namespace truce::service
