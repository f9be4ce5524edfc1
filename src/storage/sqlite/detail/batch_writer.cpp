#include "storage/sqlite/detail/batch_writer.hpp"

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/time.hpp"
#include "storage/sqlite/detail/differences.hpp"
#include "storage/sqlite/detail/record_reader.hpp"
#include "storage/sqlite/detail/record_writer.hpp"

namespace truce::storage::sqlite::detail {
namespace {

constexpr std::string_view kContext = "storage.sqlite: write batch";

// "claim clm_1 (reports.csv:14)": the record and where it was read.
std::string label(std::string_view kind, const std::string& id,
                  const std::vector<std::string>& locations, std::size_t index,
                  const std::string& origin) {
  std::string text = std::string(kind) + " " + (id.empty() ? "(without id)" : id);
  if (index < locations.size() && !locations[index].empty()) {
    text += " (" + locations[index] + ")";
  } else if (!origin.empty()) {
    text += " (in " + origin + ")";
  }
  return text;
}

Error invalid(std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message), std::string(kContext));
}

// Database errors keep their code; the message says which record was written.
Error while_writing(const std::string& record, Error error) {
  error.message = "writing " + record + ": " + error.message;
  return with_context(std::move(error), kContext);
}

// The database stores civil times as text; one that does not read back equal
// (an impossible date) would break the round trip, so it is refused here.
bool round_trips(const CivilTime& time) {
  return parse_civil_time(format_civil_time(time)) == time;
}

bool dates_round_trip(const std::vector<AgreementReference>& references) {
  for (const AgreementReference& reference : references) {
    for (const CivilTime& date : reference.dates) {
      if (!round_trips(date)) {
        return false;
      }
    }
  }
  return true;
}

class BatchWriter {
 public:
  BatchWriter(Connection& db, const IntakeBatch& batch) : db_(db), batch_(batch) {}

  Result<WriteSummary> run() {
    for (std::size_t i = 0; i < batch_.sources.size(); ++i) {
      auto status = write_source(i);
      if (!status) {
        return status.error();
      }
    }
    for (std::size_t i = 0; i < batch_.documents.size(); ++i) {
      auto status = write_document(i);
      if (!status) {
        return status.error();
      }
    }
    for (std::size_t i = 0; i < batch_.claims.size(); ++i) {
      auto status = write_claim(i);
      if (!status) {
        return status.error();
      }
    }
    return summary_;
  }

 private:
  Status write_source(std::size_t i) {
    const Source& source = batch_.sources[i];
    std::string record =
        label("source", source.id.str(), batch_.source_locations, i, batch_.origin);
    if (source.id.empty()) {
      return invalid(record + " has an empty id");
    }
    auto inserted = insert_source(db_, source);
    if (!inserted) {
      return while_writing(record, std::move(inserted).error());
    }
    known_sources_.insert(source.id.str());
    if (*inserted) {
      ++summary_.sources_added;
      return Status::ok();
    }
    auto stored = read_source(db_, source.id);
    if (!stored || !*stored) {
      return while_writing(record, stored ? missing_after_conflict() : std::move(stored).error());
    }
    std::string_view field = first_difference(**stored, source);
    if (!field.empty()) {
      return make_error(ErrorCode::kConflict,
                        record + " is already stored with a different " + std::string(field) +
                            ": stored " + describe_source_field(**stored, field) + ", given " +
                            describe_source_field(source, field) +
                            "; a source id must keep its attributes, so use a new id or correct "
                            "the input",
                        std::string(kContext));
    }
    ++summary_.sources_unchanged;
    return Status::ok();
  }

  Status write_document(std::size_t i) {
    const Document& document = batch_.documents[i];
    std::string record =
        label("document", document.id.str(), batch_.document_locations, i, batch_.origin);
    if (document.id.empty()) {
      return invalid(record + " has an empty id");
    }
    if (document.published && !round_trips(*document.published)) {
      return invalid(record + ": published is not a valid calendar date and time");
    }
    if (!dates_round_trip(document.agreement_references)) {
      return invalid(record +
                     ": a date of agreement_references is not a valid calendar date and time");
    }
    auto source_known =
        is_known(known_sources_, document.source.str(), "SELECT 1 FROM sources WHERE id = ?1");
    if (!source_known) {
      return while_writing(record, std::move(source_known).error());
    }
    if (!*source_known) {
      return invalid(record + " refers to source '" + document.source.str() +
                     "', which is neither in this batch nor stored; add the source first");
    }
    auto inserted = insert_document(db_, document);
    if (!inserted) {
      return while_writing(record, std::move(inserted).error());
    }
    known_documents_.insert(document.id.str());
    if (*inserted) {
      ++summary_.documents_added;
      return Status::ok();
    }
    auto stored = read_document(db_, document.id);
    if (!stored || !*stored) {
      return while_writing(record, stored ? missing_after_conflict() : std::move(stored).error());
    }
    std::string_view field = first_difference(**stored, document);
    if (!field.empty()) {
      return make_error(ErrorCode::kConflict,
                        record + " is already stored with a different " + std::string(field) +
                            "; document ids are derived from content, so the input was altered "
                            "after its id was computed",
                        std::string(kContext));
    }
    ++summary_.documents_unchanged;
    return Status::ok();
  }

  Status write_claim(std::size_t i) {
    const Claim& claim = batch_.claims[i];
    std::string record = label("claim", claim.id.str(), batch_.claim_locations, i, batch_.origin);
    if (auto problem = storable_problem(claim); !problem.empty()) {
      return invalid(record + ": " + problem);
    }
    auto document_known =
        is_known(known_documents_, claim.document.str(), "SELECT 1 FROM documents WHERE id = ?1");
    if (!document_known) {
      return while_writing(record, std::move(document_known).error());
    }
    if (!*document_known) {
      return invalid(record + " refers to document '" + claim.document.str() +
                     "', which is neither in this batch nor stored; add the document first");
    }
    auto inserted = insert_claim(db_, claim);
    if (!inserted) {
      return while_writing(record, std::move(inserted).error());
    }
    if (*inserted) {
      ++summary_.claims_added;
      return Status::ok();
    }
    auto stored = read_claim(db_, claim.id);
    if (!stored || !*stored) {
      return while_writing(record, stored ? missing_after_conflict() : std::move(stored).error());
    }
    std::string_view field = first_difference(**stored, claim);
    if (!field.empty()) {
      return make_error(ErrorCode::kConflict,
                        record + " is already stored with a different " + std::string(field) +
                            "; claim ids are derived from content, so the input was altered "
                            "after its id was computed",
                        std::string(kContext));
    }
    ++summary_.claims_unchanged;
    return Status::ok();
  }

  // What the schema cannot hold so that it reads back equal; "" if storable.
  static std::string storable_problem(const Claim& claim) {
    if (claim.id.empty()) {
      return "has an empty id";
    }
    if (!round_trips(claim.time.start) || !round_trips(claim.time.end)) {
      return "time is not a valid calendar date and time";
    }
    if (!dates_round_trip(claim.agreements)) {
      return "a date of agreements is not a valid calendar date and time";
    }
    if (claim.place && claim.place->geometry) {
      std::string problem = geometry_problem(*claim.place->geometry);
      if (!problem.empty()) {
        return "place/geometry " + problem;
      }
    }
    return {};
  }

  // Whether `id` is in the batch (seen) or stored; remembers stored ids.
  Result<bool> is_known(std::unordered_set<std::string>& seen, const std::string& id,
                        std::string_view query) {
    if (seen.contains(id)) {
      return true;
    }
    auto statement = db_.statement(query);
    if (!statement) {
      return std::move(statement).error();
    }
    (*statement)->bind_text(1, id);
    auto found = (*statement)->step();
    if (found && *found) {
      seen.insert(id);
    }
    return found;
  }

  static Error missing_after_conflict() {
    return make_error(ErrorCode::kInternal,
                      "the id was reported as stored but cannot be read back (a bug in truce)",
                      std::string(kContext));
  }

  Connection& db_;
  const IntakeBatch& batch_;
  WriteSummary summary_;
  std::unordered_set<std::string> known_sources_;
  std::unordered_set<std::string> known_documents_;
};

}  // namespace

Result<WriteSummary> write_batch(Connection& db, const IntakeBatch& batch) {
  return BatchWriter(db, batch).run();
}

}  // namespace truce::storage::sqlite::detail
