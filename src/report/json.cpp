#include "report/json.hpp"

#include "core/vocabulary.hpp"
#include "serial/json_values.hpp"

namespace truce::report {
namespace {

using serial::JsonValue;

std::string dump(const JsonValue& value) {
  return value.dump(2) + "\n";
}

JsonValue outcome_value(const FileOutcome& outcome) {
  JsonValue value = JsonValue::object();
  value["file"] = outcome.file;
  value["format"] = outcome.format.empty() ? JsonValue() : JsonValue(outcome.format);
  value["ok"] = !outcome.error.has_value();
  value["dry_run"] = outcome.dry_run;
  if (outcome.error) {
    value["error"] = {{"message", outcome.error->message}};
  }
  value["added"] = {{"sources", outcome.sources_added},
                    {"documents", outcome.documents_added},
                    {"claims", outcome.claims_added}};
  value["already_stored"] = {{"sources", outcome.sources_unchanged},
                             {"documents", outcome.documents_unchanged},
                             {"claims", outcome.claims_unchanged}};
  value["incidents"] = {{"created", outcome.incidents_created},
                        {"updated", outcome.incidents_updated},
                        {"retired", outcome.incidents_retired}};
  value["warnings"] = JsonValue::array();
  for (const auto& warning : outcome.warnings) {
    value["warnings"].push_back({{"message", warning}});
  }
  return value;
}

}  // namespace

std::string claims_json(const std::vector<Claim>& claims, const Paging& paging) {
  JsonValue value = JsonValue::object();
  value["claims"] = JsonValue::array();
  for (const Claim& claim : claims) {
    value["claims"].push_back(serial::claim_value(claim, nullptr));
  }
  value["total"] = paging.total;
  value["limit"] = paging.limit;
  value["offset"] = paging.offset;
  return dump(value);
}

std::string sources_json(const std::vector<Source>& sources) {
  JsonValue value = JsonValue::object();
  value["sources"] = JsonValue::array();
  for (const Source& source : sources) {
    value["sources"].push_back(serial::source_value(source));
  }
  return dump(value);
}

std::string documents_json(const std::vector<Document>& documents) {
  JsonValue value = JsonValue::object();
  value["documents"] = JsonValue::array();
  for (const Document& document : documents) {
    value["documents"].push_back(serial::document_value(document, false));
  }
  return dump(value);
}

std::string claim_record_json(const ClaimRecord& record) {
  JsonValue value = JsonValue::object();
  value["claim"] = serial::claim_value(record.claim, &record.document);
  value["document"] = serial::document_value(record.document, true);
  value["source"] = serial::source_value(record.source);
  return dump(value);
}

std::string document_json(const Document& document) {
  return dump({{"document", serial::document_value(document, true)}});
}

std::string source_json(const Source& source) {
  return dump({{"source", serial::source_value(source)}});
}

std::string picture_json(const Picture& picture) {
  JsonValue value = JsonValue::object();
  value["database"] = picture.location;
  value["schema_version"] = picture.schema_version;
  value["counts"] = {
      {"sources", picture.sources}, {"documents", picture.documents}, {"claims", picture.claims}};
  value["first_event"] = picture.first_event.empty() ? JsonValue() : JsonValue(picture.first_event);
  value["last_event"] = picture.last_event.empty() ? JsonValue() : JsonValue(picture.last_event);
  value["sources"] = JsonValue::array();
  for (const SourceActivity& activity : picture.activity) {
    JsonValue source = serial::source_value(activity.source);
    source["claims"] = activity.claims;
    value["sources"].push_back(source);
  }
  value["latest_claims"] = JsonValue::array();
  for (const ClaimRecord& record : picture.latest) {
    value["latest_claims"].push_back(serial::claim_value(record.claim, &record.document));
  }
  return dump(value);
}

std::string ingest_json(const std::vector<FileOutcome>& outcomes) {
  JsonValue value = JsonValue::object();
  value["files"] = JsonValue::array();
  value["warnings"] = JsonValue::array();
  for (const FileOutcome& outcome : outcomes) {
    value["files"].push_back(outcome_value(outcome));
    for (const auto& warning : outcome.warnings) {
      value["warnings"].push_back({{"file", outcome.file}, {"message", warning}});
    }
  }
  return dump(value);
}

std::string error_json(const Error& error) {
  return dump({{"error",
                {{"code", std::string(error_code_name(error.code))}, {"message", error.message}}}});
}

}  // namespace truce::report
