// Comments, evidence files and named persons of incidents (docs/api.md,
// "Comments, evidence and personal names"). Names of people are personal
// data: no message built here quotes one, and the audit log records that a
// name was added or read, never the name itself.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/vocabulary.hpp"
#include "service/monitor.hpp"

namespace truce::service {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxEvidenceNameBytes = 200;
constexpr std::size_t kMaxMediaTypeBytes = 200;

Error invalid(std::string message, std::string_view context) {
  return make_error(ErrorCode::kInvalidInput, std::move(message), std::string(context));
}

std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// The incident must be stored to be written to.
Status require_incident(const storage::Store& store, const IncidentId& incident) {
  auto found = store.get_incident(incident);
  if (!found) {
    return found.error();
  }
  return Status::ok();
}

// A read of an incident that is not stored and has nothing kept under its id
// is a kNotFound, as a read of the incident itself would be.
Status require_known(const storage::Store& store, const IncidentId& incident) {
  auto found = store.get_incident(incident);
  if (found) {
    return Status::ok();
  }
  if (found.error().code != ErrorCode::kNotFound) {
    return found.error();
  }
  auto kept = store.has_incident_notes(incident);
  if (!kept) {
    return kept.error();
  }
  if (!*kept) {
    return found.error();
  }
  return Status::ok();
}

// "type/subtype" with optional parameters, printable ASCII only (it is sent
// back as a Content-Type header); type and subtype are lowercased.
Result<std::string> media_type_of(std::string_view given) {
  if (given.empty()) {
    return std::string("application/octet-stream");
  }
  constexpr std::string_view kContext = "service: add evidence";
  std::string type(given);
  auto token_end = type.find(';');
  std::string essence = type.substr(0, token_end);
  while (!essence.empty() && essence.back() == ' ') {
    essence.pop_back();
  }
  auto slash = essence.find('/');
  auto is_token = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) ||
             std::string_view("!#$&^_.+-").find(c) != std::string_view::npos;
    });
  };
  if (type.size() > kMaxMediaTypeBytes || slash == std::string::npos ||
      !is_token(std::string_view(essence).substr(0, slash)) ||
      !is_token(std::string_view(essence).substr(slash + 1)) ||
      std::any_of(type.begin(), type.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e;
      })) {
    return invalid("media type '" + type.substr(0, kMaxMediaTypeBytes) +
                       "' is not a type/subtype of printable ASCII (at most 200 bytes)",
                   kContext);
  }
  std::transform(essence.begin(), essence.end(), essence.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return essence + (token_end == std::string::npos ? std::string() : type.substr(token_end));
}

bool is_side(std::string_view side) {
  constexpr std::string_view kCivilians = "civilians";
  if (side == kCivilians) {
    return true;
  }
  if (side.starts_with(kCivilians) && side.size() > kCivilians.size() + 1 &&
      side[kCivilians.size()] == ':') {
    return is_valid_slug(side.substr(kCivilians.size() + 1));
  }
  return is_valid_slug(side);
}

Status check_person(const NewPerson& person) {
  constexpr std::string_view kContext = "service: add person";
  // The messages describe what is wrong with a name without quoting it.
  if (person.name.empty() || person.name.size() > kMaxPersonNameBytes) {
    return invalid("a person's name must have 1 to " + std::to_string(kMaxPersonNameBytes) +
                       " bytes (it has " + std::to_string(person.name.size()) + ")",
                   kContext);
  }
  if (has_control_character(person.name) || !ingest::text_encoding_problem(person.name).empty()) {
    return invalid("a person's name must be UTF-8 text on one line, without control characters",
                   kContext);
  }
  if (!parse_casualty_status(person.status)) {
    return invalid(
        "status '" + person.status + "' is not one of killed, wounded, captured, missing",
        kContext);
  }
  if (!is_side(person.side)) {
    return invalid(
        "side '" + person.side + "' is not a party's actor id, 'civilians' or 'civilians:PARTY'",
        kContext);
  }
  if (person.span && !person.document) {
    return invalid("a span needs the document it is in", kContext);
  }
  if (person.span && person.span->start >= person.span->end) {
    return invalid("span " + std::to_string(person.span->start) + "-" +
                       std::to_string(person.span->end) + " is empty or reversed",
                   kContext);
  }
  return Status::ok();
}

}  // namespace

Result<IncidentComment> Monitor::add_comment(const NewComment& comment) {
  constexpr std::string_view kContext = "service: add comment";
  if (comment.text.empty() || comment.text.size() > kMaxCommentBytes) {
    return invalid("a comment must have 1 to " + std::to_string(kMaxCommentBytes) +
                       " bytes of text (it has " + std::to_string(comment.text.size()) + ")",
                   kContext);
  }
  if (auto problem = ingest::text_encoding_problem(comment.text); !problem.empty()) {
    return invalid("the comment is not UTF-8 text: " + problem, kContext);
  }
  if (comment.author.empty()) {
    return invalid("a comment needs its author", kContext);
  }
  if (auto known = require_incident(*store_, comment.incident); !known) {
    return known.error();
  }
  IncidentComment stored{0, comment.incident, comment.author, utc_timestamp(), comment.text};
  // The text stays in the comments table; the log holds its hash, which ties
  // the entry to the text without copying it into every reader's view.
  Json after = {{"author", stored.author},
                {"created_at", stored.created_at},
                {"bytes", stored.text.size()},
                {"text_sha256", ingest::sha256_hex(stored.text)}};
  return store_->add_comment(
      stored, storage::AuditRecord{comment.actor, "comment.add", comment.incident.str(), "null",
                                   dump(after)});
}

Result<std::vector<IncidentComment>> Monitor::comments(const IncidentId& incident) const {
  if (auto known = require_known(*store_, incident); !known) {
    return known.error();
  }
  return store_->comments_of(incident);
}

Result<EvidenceStored> Monitor::add_evidence(const NewEvidence& evidence,
                                             std::string_view content) {
  constexpr std::string_view kContext = "service: add evidence";
  if (content.empty()) {
    return invalid("the evidence file is empty", kContext);
  }
  if (content.size() > evidence.max_bytes) {
    return invalid("the evidence file has " + std::to_string(content.size()) + " bytes; at most " +
                       std::to_string(evidence.max_bytes) + " are accepted",
                   kContext);
  }
  if (evidence.name.empty() || evidence.name.size() > kMaxEvidenceNameBytes ||
      has_control_character(evidence.name) ||
      !ingest::text_encoding_problem(evidence.name).empty()) {
    return invalid("an evidence file's name must be 1 to 200 bytes of UTF-8 on one line", kContext);
  }
  auto media_type = media_type_of(evidence.media_type);
  if (!media_type) {
    return media_type.error();
  }
  if (evidence.author.empty()) {
    return invalid("evidence needs who adds it", kContext);
  }
  if (auto known = require_incident(*store_, evidence.incident); !known) {
    return known.error();
  }
  EvidenceAttachment attachment;
  attachment.incident = evidence.incident;
  attachment.sha256 = ingest::sha256_hex(content);
  attachment.name = evidence.name;
  attachment.media_type = *media_type;
  attachment.size = static_cast<long long>(content.size());
  attachment.added_by = evidence.author;
  attachment.added_at = utc_timestamp();
  Json after = {{"sha256", attachment.sha256},
                {"name", attachment.name},
                {"media_type", attachment.media_type},
                {"size", attachment.size},
                {"added_by", attachment.added_by}};
  return store_->add_evidence(attachment, content,
                              storage::AuditRecord{evidence.actor, "evidence.add",
                                                   evidence.incident.str(), "null", dump(after)});
}

Result<std::vector<EvidenceAttachment>> Monitor::evidence(const IncidentId& incident) const {
  if (auto known = require_known(*store_, incident); !known) {
    return known.error();
  }
  return store_->evidence_of(incident);
}

Result<EvidenceFile> Monitor::evidence_file(const std::string& sha256,
                                            const EvidenceReader& reader) const {
  constexpr std::string_view kContext = "service: evidence file";
  // One answer for a hash never stored and for a file the reader may not
  // reach, so that the answer does not tell whether the bytes exist.
  const Error not_found = make_error(
      ErrorCode::kNotFound, "no evidence file with SHA-256 " + sha256, std::string(kContext));
  std::vector<IncidentId> through;
  if (reader.incident) {
    auto attachments = store_->evidence_of(*reader.incident);
    if (!attachments) {
      return attachments.error();
    }
    if (std::any_of(attachments->begin(), attachments->end(),
                    [&](const EvidenceAttachment& shown) { return shown.sha256 == sha256; })) {
      through.push_back(*reader.incident);
    }
  } else {
    auto incidents = store_->evidence_incidents(sha256);
    if (!incidents) {
      return incidents.error();
    }
    through = std::move(incidents).value();
  }
  bool reachable = false;
  for (const IncidentId& incident : through) {
    if (reader.sees_unpublished) {
      reachable = true;
      break;
    }
    auto review = store_->incident_review(incident);
    if (!review) {
      return review.error();
    }
    if (review->published) {
      reachable = true;
      break;
    }
  }
  if (!reachable) {
    return not_found;
  }
  auto file = store_->evidence_file(sha256);
  if (!file) {
    return file.error();
  }
  if (!*file) {
    return not_found;
  }
  if (ingest::sha256_hex((*file)->content) != sha256 ||
      static_cast<long long>((*file)->content.size()) != (*file)->size) {
    return make_error(ErrorCode::kDataCorruption,
                      "evidence file " + sha256 +
                          " no longer has the SHA-256 or size it was stored with; it was "
                          "changed in the database",
                      std::string(kContext));
  }
  return std::move(**file);
}

Result<PersonRecord> Monitor::add_person(const NewPerson& person) {
  if (auto checked = check_person(person); !checked) {
    return checked.error();
  }
  if (person.author.empty()) {
    return invalid("a person record needs who records it", "service: add person");
  }
  if (auto known = require_incident(*store_, person.incident); !known) {
    return known.error();
  }
  PersonRecord record;
  record.incident = person.incident;
  record.name = person.name;
  record.status = person.status;
  record.side = person.side;
  record.claim = person.claim;
  record.document = person.document;
  record.span = person.span;
  record.recorded_by = person.author;
  record.recorded_at = utc_timestamp();
  // The name is withheld from the log: its readers (the admin) are not among
  // the roles that may read names.
  Json after = {
      {"name", "(withheld)"},
      {"status", record.status},
      {"side", record.side},
      {"claim", record.claim ? Json(record.claim->str()) : Json(nullptr)},
      {"document", record.document ? Json(record.document->str()) : Json(nullptr)},
      {"span", record.span ? Json::array({record.span->start, record.span->end}) : Json(nullptr)},
      {"recorded_by", record.recorded_by}};
  return store_->add_person(
      record,
      storage::AuditRecord{person.actor, "person.add", person.incident.str(), "null", dump(after)});
}

Result<std::vector<PersonRecord>> Monitor::persons(const IncidentId& incident,
                                                   const std::string& actor) {
  if (auto known = require_known(*store_, incident); !known) {
    return known.error();
  }
  return store_->read_persons(
      incident, storage::AuditRecord{actor, "persons.read", incident.str(), "null", "null"});
}

}  // namespace truce::service
