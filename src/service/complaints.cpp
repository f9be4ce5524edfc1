// Complaints of the parties: filing a claim as a complaint, reading them as
// the reader's role allows, and the steps from review to a finding
// (docs/api.md, "Complaints").
#include "service/complaints.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "ingest/intake.hpp"
#include "report/complaint.hpp"
#include "serial/json_values.hpp"
#include "service/monitor.hpp"

namespace truce::service {
namespace {

using serial::JsonValue;

constexpr std::string_view kContext = "service: complaint";
// The name that stands for the request body in messages ("body:/time/start: ...").
constexpr std::string_view kBodyName = "body";
constexpr std::string_view kDocumentKey = "complaint";

Error invalid(const std::string& message, std::string_view context = kContext) {
  return make_error(ErrorCode::kInvalidInput, message, std::string(context));
}

std::string actor_of(const std::string& by) {
  return by.empty() || by == "cli" ? "cli" : "user:" + by;
}

// The reader reports at pointers of the report the body was put into; the
// filer wrote the claim and the text at the top of the body.
std::string body_pointers(const std::string& message) {
  std::string out;
  std::size_t begin = 0;
  while (begin <= message.size()) {
    std::size_t end = message.find('\n', begin);
    std::string line =
        message.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    for (std::string_view record : {"/claims/0", "/documents/0"}) {
      const std::string prefix = std::string(kBodyName) + ":" + std::string(record);
      if (line.starts_with(prefix)) {
        line = std::string(kBodyName) + (line.compare(prefix.size(), 1, "/") == 0 ? ":" : "") +
               line.substr(prefix.size());
        break;
      }
    }
    out += (out.empty() ? "" : "\n") + line;
    if (end == std::string::npos) {
      break;
    }
    begin = end + 1;
  }
  return out;
}

// The claim of the body inside a JSON report with the party's complaints
// source and a document of the complaint's words, so the report reader
// checks it member by member.
Result<std::string> complaint_report(const ComplaintFiling& filing, const std::string& filed_at) {
  // The report reader refuses a member given twice; parsing here would keep
  // one of them silently, so the parse itself watches for repeats.
  std::vector<std::set<std::string>> open_objects;
  std::string repeated;
  const auto watch = [&](int /*depth*/, JsonValue::parse_event_t event, JsonValue& parsed) {
    if (event == JsonValue::parse_event_t::object_start) {
      open_objects.emplace_back();
    } else if (event == JsonValue::parse_event_t::object_end && !open_objects.empty()) {
      open_objects.pop_back();
    } else if (event == JsonValue::parse_event_t::key && !open_objects.empty() &&
               !open_objects.back().insert(parsed.get<std::string>()).second && repeated.empty()) {
      repeated = parsed.get<std::string>();
    }
    return true;
  };
  JsonValue claim = JsonValue::parse(filing.body, watch, false);
  if (claim.is_discarded()) {
    return invalid(std::string(kBodyName) + ": the body is not valid JSON");
  }
  if (!repeated.empty()) {
    return invalid(std::string(kBodyName) + ": field '" + repeated +
                   "': the member is given twice in one object");
  }
  if (!claim.is_object()) {
    return invalid(std::string(kBodyName) + ": the body must be one claim (a JSON object)");
  }
  JsonValue document = {{"key", std::string(kDocumentKey)},
                        {"source", filing.party + "-complaints"},
                        {"kind", "form"},
                        {"title", "Complaint of " + filing.party},
                        // A document's time has no zone: the filing's UTC time as written.
                        {"published", filed_at.substr(0, 19)}};
  for (const std::string member : {"title", "text"}) {
    auto found = claim.find(member);
    if (found == claim.end()) {
      continue;
    }
    if (!found->is_string()) {
      return invalid(std::string(kBodyName) + ":/" + std::string(member) + ": field '" +
                     std::string(member) + "': must be a string");
    }
    if (!found->get<std::string>().empty()) {
      document[std::string(member)] = *found;
    }
    claim.erase(member);
  }
  for (const std::string member : {"id", "document"}) {
    if (claim.contains(member)) {
      return invalid(std::string(kBodyName) + ":/" + std::string(member) + ": field '" +
                     std::string(member) +
                     "': not accepted in a complaint (the complaint's document is made of its "
                     "text and title, and ids are derived)");
    }
  }
  if (auto claimant = claim.find("claimant"); claimant != claim.end()) {
    if (claimant->is_object() && claimant->contains("id") && (*claimant)["id"].is_string() &&
        (*claimant)["id"].get<std::string>() != filing.party) {
      return invalid(std::string(kBodyName) + ":/claimant/id: field 'id': the claimant '" +
                         (*claimant)["id"].get<std::string>() + "' is not the filer's party '" +
                         filing.party + "'; a liaison officer files for its own party only",
                     kClaimantMismatch);
    }
  } else {
    claim["claimant"] = {{"id", filing.party}, {"name", filing.party}};
  }
  claim["document"] = std::string(kDocumentKey);
  JsonValue report = {
      {"format", "truce-report"},
      {"version", 1},
      {"sources",
       JsonValue::array(
           {{{"id", filing.party + "-complaints"},
             {"name", "Complaints of " + filing.party},
             {"reliability", "F"},
             {"affiliation",
              {{"kind", "party"}, {"actor", {{"id", filing.party}, {"name", filing.party}}}}}}})},
      {"documents", JsonValue::array({document})},
      {"claims", JsonValue::array({claim})}};
  return report.dump(-1, ' ', false, JsonValue::error_handler_t::strict);
}

std::string complaint_id(const ClaimId& claim) {
  return "cmp_" + ingest::sha256_hex("complaint\n" + claim.str()).substr(0, 20);
}

bool reads_party(const ComplaintReader& reader, const Complaint& complaint) {
  return reader.role != Role::kLiaison ||
         (reader.affiliation && *reader.affiliation == complaint.party);
}

}  // namespace

Result<ComplaintView> Monitor::file_complaint(const ComplaintFiling& filing) {
  if (filing.by.empty() || filing.party.empty() || !is_valid_slug(filing.party)) {
    return invalid("a complaint is filed by a liaison officer affiliated to a party");
  }
  const std::string now = utc_timestamp();
  auto text = complaint_report(filing, now);
  if (!text) {
    return std::move(text).error();
  }
  auto intake = ingest::read_intake_text(*text, kBodyName, ingest::InputFormat::kJson);
  if (!intake) {
    Error error = std::move(intake).error();
    if (error.code == ErrorCode::kInvalidInput) {
      error.message = body_pointers(error.message);
    }
    return error;
  }
  IntakeBatch& batch = intake->batch;
  if (batch.claims.size() != 1) {
    return make_error(ErrorCode::kInternal, "a complaint's report read as no claim",
                      std::string(kContext));
  }
  // The party's complaints source keeps its stored record (an analyst may have graded it).
  if (store_->get_source(batch.sources.front().id)) {
    batch.sources.clear();
  }
  Complaint complaint;
  complaint.claim = batch.claims.front().id;
  complaint.id = complaint_id(complaint.claim);
  complaint.document = batch.claims.front().document;
  complaint.party = filing.party;
  complaint.state = "filed";
  complaint.filed = {filing.by, now};
  complaint.updated_at = now;
  auto existing = store_->get_complaint(complaint.id);
  if (!existing) {
    return std::move(existing).error();
  }
  if (*existing) {
    return make_error(ErrorCode::kConflict,
                      "this claim was filed already as complaint " + complaint.id + " (" +
                          (*existing)->filed.at + ")",
                      std::string(kContext));
  }
  auto data = fusion_data();
  if (!data) {
    return data.error();
  }
  auto planned = plan_incidents(*store_, **data, batch.claims, {}, {});
  if (!planned) {
    return planned.error();
  }
  for (const Incident& incident : planned->put) {
    for (const IncidentMember& member : incident.members) {
      if (member.claim == complaint.claim) {
        complaint.incident = incident.id;
      }
    }
  }
  storage::AuditRecord audit{actor_of(filing.by), "complaint.file", complaint.id, "null",
                             report::complaint_object_json(complaint)};
  if (auto written = store_->file_complaint(batch, *planned, complaint, audit); !written) {
    return std::move(written).error();
  }
  // The complaint is stored; a summary left behind is written on the next change or open.
  static_cast<void>(refresh_incident_summaries());
  auto claim = this->claim(complaint.claim);
  if (!claim) {
    return std::move(claim).error();
  }
  return ComplaintView{std::move(complaint), std::move(claim).value()};
}

Result<std::vector<Complaint>> Monitor::complaints(storage::ComplaintQuery query,
                                                   const ComplaintReader& reader) {
  if (reader.role == Role::kLiaison) {
    if (!reader.affiliation) {
      return invalid("a liaison officer without a party reads no complaints", kForeignParty);
    }
    if (query.party && *query.party != *reader.affiliation) {
      return invalid("a liaison officer of '" + *reader.affiliation +
                         "' reads the complaints of its own party only",
                     kForeignParty);
    }
    query.party = reader.affiliation;
  }
  auto found = store_->find_complaints(query);
  if (!found) {
    return found.error();
  }
  // The incident a complaint shows is its claim's now: merges and splits move it.
  std::vector<ClaimId> claims;
  for (const Complaint& complaint : *found) {
    claims.push_back(complaint.claim);
  }
  auto memberships = store_->incidents_of(claims);
  if (!memberships) {
    return memberships.error();
  }
  std::map<ClaimId, IncidentId> incident_of(memberships->begin(), memberships->end());
  for (Complaint& complaint : *found) {
    auto at = incident_of.find(complaint.claim);
    complaint.incident =
        at == incident_of.end() ? std::nullopt : std::optional<IncidentId>(at->second);
  }
  return found;
}

Result<ComplaintView> Monitor::complaint(const std::string& id, const ComplaintReader& reader) {
  auto found = store_->get_complaint(id);
  if (!found) {
    return found.error();
  }
  if (!*found || !reads_party(reader, **found)) {
    return make_error(ErrorCode::kNotFound, "no complaint '" + id + "'", std::string(kContext));
  }
  Complaint complaint = std::move(**found);
  auto memberships = store_->incidents_of({complaint.claim});
  if (!memberships) {
    return memberships.error();
  }
  complaint.incident =
      memberships->empty() ? std::nullopt : std::optional<IncidentId>(memberships->front().second);
  auto claim = this->claim(complaint.claim);
  if (!claim) {
    return std::move(claim).error();
  }
  return ComplaintView{std::move(complaint), std::move(claim).value()};
}

Result<ComplaintView> Monitor::advance_complaint(const ComplaintStepRequest& request) {
  if (request.action == ComplaintAction::kFinding) {
    if (std::find(kComplaintOutcomes.begin(), kComplaintOutcomes.end(), request.outcome) ==
        kComplaintOutcomes.end()) {
      return invalid("outcome '" + request.outcome +
                         "' is not one of substantiated, not_substantiated, inconclusive",
                     "outcome");
    }
    if (request.text.empty()) {
      return invalid("a finding needs its text: what was found and why", "text");
    }
  }
  auto stored = store_->get_complaint(request.complaint);
  if (!stored) {
    return stored.error();
  }
  if (!*stored) {
    return make_error(ErrorCode::kNotFound, "no complaint '" + request.complaint + "'",
                      std::string(kContext));
  }
  const Complaint current = std::move(**stored);
  Complaint next = current;
  next.updated_at = utc_timestamp();
  const ComplaintStep step{request.by.empty() ? "cli" : request.by, next.updated_at};
  std::string action;
  const auto refuse = [&](const std::string& wanted) {
    return make_error(ErrorCode::kConflict,
                      "complaint " + current.id + " is " + current.state + "; " + wanted,
                      std::string(kInvalidTransition));
  };
  switch (request.action) {
    case ComplaintAction::kReview:
      if (current.state != "filed") {
        return refuse("a review is opened on a filed complaint only");
      }
      next.state = "under_review";
      next.review = step;
      action = "complaint.review";
      break;
    case ComplaintAction::kFinding:
      if (current.state != "under_review") {
        return refuse("a finding is recorded on a complaint under review only");
      }
      next.state = "finding";
      next.outcome = request.outcome;
      next.finding = request.text;
      next.found = step;
      action = "complaint.finding";
      break;
  }
  storage::AuditRecord audit{actor_of(request.by), action, current.id,
                             report::complaint_object_json(current),
                             report::complaint_object_json(next)};
  if (auto written = store_->put_complaint(next, current, audit); !written) {
    return written.error();
  }
  return complaint(next.id, ComplaintReader{});
}

}  // namespace truce::service
