#include "report/incident_notes.hpp"

#include <nlohmann/json.hpp>

#include "report/table.hpp"

namespace truce::report {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json comment_value(const IncidentComment& comment) {
  return {{"id", comment.id},
          {"written_on", comment.incident.str()},
          {"author", comment.author},
          {"created_at", comment.created_at},
          {"text", comment.text}};
}

Json attachment_value(const EvidenceAttachment& attachment) {
  return {{"id", attachment.id},
          {"incident", attachment.incident.str()},
          {"written_on", attachment.incident.str()},
          {"sha256", attachment.sha256},
          {"name", attachment.name},
          {"media_type", attachment.media_type},
          {"size", attachment.size},
          {"added_by", attachment.added_by},
          {"added_at", attachment.added_at}};
}

Json person_value(const PersonRecord& person) {
  return {{"id", person.id},
          {"written_on", person.incident.str()},
          {"name", person.name},
          {"status", person.status},
          {"side", person.side},
          {"claim", person.claim ? Json(person.claim->str()) : Json(nullptr)},
          {"document", person.document ? Json(person.document->str()) : Json(nullptr)},
          {"span", person.span ? Json({{"start", person.span->start}, {"end", person.span->end}})
                               : Json(nullptr)},
          {"recorded_by", person.recorded_by},
          {"recorded_at", person.recorded_at}};
}

}  // namespace

std::string comments_json(const IncidentId& incident,
                          const std::vector<IncidentComment>& comments) {
  Json value = {{"incident", incident.str()}, {"comments", Json::array()}};
  for (const IncidentComment& comment : comments) {
    value["comments"].push_back(comment_value(comment));
  }
  return dump(value);
}

std::string comment_json(const IncidentComment& comment) {
  return dump(comment_value(comment));
}

std::string comments_text(const std::vector<IncidentComment>& comments) {
  if (comments.empty()) {
    return "(no comments)\n";
  }
  std::string out;
  for (const IncidentComment& comment : comments) {
    out += "#" + std::to_string(comment.id) + " " + comment.created_at + " " + comment.author +
           "\n  " + comment.text + "\n";
  }
  return out;
}

std::string evidence_json(const IncidentId& incident,
                          const std::vector<EvidenceAttachment>& attachments) {
  Json value = {{"incident", incident.str()}, {"evidence", Json::array()}};
  for (const EvidenceAttachment& attachment : attachments) {
    value["evidence"].push_back(attachment_value(attachment));
  }
  return dump(value);
}

std::string evidence_stored_json(const EvidenceStored& stored) {
  Json value = attachment_value(stored.attachment);
  value["file_added"] = stored.file_added;
  value["attachment_added"] = stored.attachment_added;
  return dump(value);
}

std::string evidence_table(const std::vector<EvidenceAttachment>& attachments) {
  Table table({"sha256", "name", "media type", "bytes", "added by", "added at"});
  for (const EvidenceAttachment& attachment : attachments) {
    table.add_row({attachment.sha256, truncate(attachment.name, 40), attachment.media_type,
                   std::to_string(attachment.size), attachment.added_by, attachment.added_at});
  }
  return table.render();
}

std::string persons_json(const IncidentId& incident, const std::vector<PersonRecord>& persons) {
  Json value = {{"incident", incident.str()}, {"persons", Json::array()}};
  for (const PersonRecord& person : persons) {
    value["persons"].push_back(person_value(person));
  }
  return dump(value);
}

std::string person_json(const PersonRecord& person) {
  return dump(person_value(person));
}

std::string persons_table(const std::vector<PersonRecord>& persons) {
  Table table({"id", "name", "status", "side", "claim", "recorded by"});
  for (const PersonRecord& person : persons) {
    table.add_row({std::to_string(person.id), person.name, person.status, person.side,
                   person.claim ? person.claim->str() : "", person.recorded_by});
  }
  return table.render();
}

}  // namespace truce::report
