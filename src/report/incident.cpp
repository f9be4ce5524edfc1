#include "report/incident.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "core/vocabulary.hpp"
#include "report/detail/assessment_values.hpp"
#include "report/table.hpp"
#include "report/text.hpp"
#include "serial/json_values.hpp"

namespace truce::report {
namespace {

using serial::JsonValue;

void field(std::string& text, std::string_view name, const std::string& value) {
  text += "  ";
  text += name;
  text.append(name.size() < 14 ? 14 - name.size() : 1, ' ');
  text += value + "\n";
}

std::string number(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string when_text(const Incident& incident) {
  const std::string start = incident.start_key.substr(0, 10);
  const std::string end = incident.end_key.substr(0, 10);
  return start == end ? start : start + ".." + end;
}

std::string place_of(const IncidentRecord& record) {
  for (const ClaimRecord& member : record.members) {
    if (member.claim.place && member.claim.place->geometry) {
      return member.claim.place->name;
    }
  }
  for (const ClaimRecord& member : record.members) {
    if (member.claim.place) {
      return member.claim.place->name;
    }
  }
  return "-";
}

std::string figures_line(const fusion::Reconciliation& reconciliation) {
  std::string line;
  std::string side;
  for (const fusion::ReconciledFigure& figure : reconciliation.figures) {
    if (figure.side.id() != side) {
      side = figure.side.id();
      line += (line.empty() ? "" : "; ") + figure.side.name() + ":";
    } else {
      line += ",";
    }
    line += " " + std::string(to_string(figure.status)) + " " + estimate_text(figure.estimate);
  }
  return line.empty() ? "-" : line;
}

std::string why_text(const MatchFeatures& why) {
  if (why.matched_with.empty()) {
    return "alone: no other claim matches";
  }
  if (why.decision) {
    return "with " + why.matched_with.str() + ": analyst decision " + std::to_string(*why.decision);
  }
  std::string text = "with " + why.matched_with.str() + ", score " + number(why.score, 2) +
                     ": time gap " + number(why.time_gap_hours, 1) + " h; " + why.place_rule +
                     "; " + why.type_rule + "; " + why.actor_rule;
  return text;
}

JsonValue why_value(const MatchFeatures& why) {
  JsonValue value = JsonValue::object();
  value["matched_with"] =
      why.matched_with.empty() ? JsonValue() : JsonValue(why.matched_with.str());
  value["score"] = why.score;
  value["time_gap_hours"] = why.time_gap_hours;
  value["distance_km"] = why.distance_km ? JsonValue(*why.distance_km) : JsonValue();
  value["place"] = why.place_rule;
  value["event_type"] = why.type_rule;
  value["actors"] = why.actor_rule;
  value["decision"] = why.decision ? JsonValue(*why.decision) : JsonValue();
  return value;
}

JsonValue estimate_value(const fusion::Estimate& estimate) {
  return {{"low", estimate.low}, {"best", estimate.best}, {"high", estimate.high}};
}

JsonValue side_value(const Side& side) {
  JsonValue value = JsonValue::object();
  value["kind"] = std::string(to_string(side.kind));
  if (side.party) {
    value["party"] = {{"id", side.party->id}, {"name", side.party->name}};
  }
  return value;
}

JsonValue count_value(const CountRange& count) {
  return {{"min", count.min}, {"max", count.max ? JsonValue(*count.max) : JsonValue()}};
}

JsonValue grades_value(const fusion::Reconciliation& reconciliation) {
  JsonValue value = JsonValue::object();
  value["attribution"] = {{"grade", std::string(fusion::to_string(reconciliation.attribution))},
                          {"reason", reconciliation.attribution_reason}};
  value["evidence"] = {{"grade", std::string(fusion::to_string(reconciliation.evidence))},
                       {"reason", reconciliation.evidence_reason},
                       {"independent_origins", reconciliation.independent_origins}};
  value["in_headline"] = reconciliation.in_headline;
  return value;
}

JsonValue figures_value(const fusion::Reconciliation& reconciliation) {
  JsonValue figures = JsonValue::array();
  for (const fusion::ReconciledFigure& figure : reconciliation.figures) {
    JsonValue value = JsonValue::object();
    value["side"] = side_value(figure.side);
    value["status"] = std::string(to_string(figure.status));
    value["estimate"] = estimate_value(figure.estimate);
    value["rule"] = figure.rule;
    value["reports"] = JsonValue::array();
    for (const fusion::FigureReport& report : figure.reports) {
      value["reports"].push_back(
          {{"claim", report.claim.str()},
           {"claimant", {{"id", report.claimant.id}, {"name", report.claimant.name}}},
           {"via", report.via},
           {"reported", report.reported},
           {"standing", std::string(fusion::to_string(report.standing))},
           {"count", count_value(report.count)},
           {"current", report.current},
           {"release", report.release}});
    }
    figures.push_back(value);
  }
  return figures;
}

JsonValue summary_value(const IncidentRecord& record) {
  JsonValue value = JsonValue::object();
  value["id"] = record.incident.id.str();
  value["start"] = record.incident.start_key;
  value["end"] = record.incident.end_key;
  value["claims"] = JsonValue::array();
  for (const IncidentMember& member : record.incident.members) {
    value["claims"].push_back(member.claim.str());
  }
  value["ended_by"] = JsonValue::array();
  for (const IncidentLink& link : record.incident.links) {
    value["ended_by"].push_back(link.claim.str());
  }
  value["grades"] = grades_value(record.reconciliation);
  value["figures"] = JsonValue::array();
  for (const fusion::ReconciledFigure& figure : record.reconciliation.figures) {
    value["figures"].push_back({{"side", side_value(figure.side)},
                                {"status", std::string(to_string(figure.status))},
                                {"estimate", estimate_value(figure.estimate)}});
  }
  return value;
}

std::string dump(const JsonValue& value) {
  return value.dump(2) + "\n";
}

// Headline totals: best (and low-high) per side and status over the incidents
// whose evidence grade counts.
std::map<std::pair<std::string, CasualtyStatus>, fusion::Estimate> headline_totals(
    const IncidentList& list, std::map<std::string, std::string>& side_names) {
  std::map<std::pair<std::string, CasualtyStatus>, fusion::Estimate> totals;
  for (const IncidentRecord& record : list.incidents) {
    if (!record.reconciliation.in_headline) {
      continue;
    }
    for (const fusion::ReconciledFigure& figure : record.reconciliation.figures) {
      side_names[figure.side.id()] = figure.side.name();
      fusion::Estimate& total = totals[{figure.side.id(), figure.status}];
      total.low += figure.estimate.low;
      total.best += figure.estimate.best;
      total.high += figure.estimate.high;
    }
  }
  return totals;
}

}  // namespace

std::string estimate_text(const fusion::Estimate& estimate) {
  if (estimate.low == estimate.high) {
    return std::to_string(estimate.best);
  }
  return std::to_string(estimate.best) + " (" + std::to_string(estimate.low) + "-" +
         std::to_string(estimate.high) + ")";
}

std::string incidents_table(const IncidentList& list) {
  Table table(
      {"ID", "WHEN", "PLACE", "CLAIMS", "ATTRIBUTION", "EVIDENCE", "FIGURES (best (low-high))"});
  for (const IncidentRecord& record : list.incidents) {
    table.add_row({record.incident.id.str(), when_text(record.incident),
                   truncate(place_of(record), 24), std::to_string(record.incident.members.size()),
                   std::string(fusion::to_string(record.reconciliation.attribution)),
                   std::string(fusion::to_string(record.reconciliation.evidence)),
                   figures_line(record.reconciliation)});
  }
  std::string text = table.render();
  std::map<std::string, std::string> names;
  const auto totals = headline_totals(list, names);
  std::string grades;
  for (const std::string& grade : list.headline_grades) {
    grades += (grades.empty() ? "" : ", ") + grade;
  }
  text += "\nheadline figures (incidents graded " + grades + "):";
  if (totals.empty()) {
    text += " none\n";
    return text;
  }
  text += "\n";
  for (const auto& [key, estimate] : totals) {
    field(text, names[key.first],
          std::string(to_string(key.second)) + " " + estimate_text(estimate));
  }
  return text;
}

std::string incident_detail(const IncidentRecord& record, bool why) {
  const Incident& incident = record.incident;
  const fusion::Reconciliation& reconciliation = record.reconciliation;
  std::string text = "incident " + incident.id.str() + "\n";
  field(text, "when", when_text(incident));
  field(text, "attribution",
        std::string(fusion::to_string(reconciliation.attribution)) + ": " +
            reconciliation.attribution_reason);
  field(text, "evidence",
        std::string(fusion::to_string(reconciliation.evidence)) + ": " +
            reconciliation.evidence_reason +
            (reconciliation.in_headline ? " (counts in headline figures)"
                                        : " (not in headline figures)"));
  text += "\nclaims\n";
  Table claims(
      {"CLAIM", "WHEN", "EVENT", "CLAIMANT", "VIA", "PUBLISHED", "CASUALTIES (as claimed)"});
  for (const ClaimRecord& member : record.members) {
    claims.add_row({member.claim.id.str(), time_summary(member.claim.time),
                    std::string(to_string(member.claim.event_type)),
                    truncate(member.claim.claimant.name, 28), truncate(member.source.name, 24),
                    member.document.published ? format_civil_time(*member.document.published) : "-",
                    casualty_summary(member.claim.casualties)});
  }
  text += claims.render();
  if (why) {
    text += "\nwhy each claim belongs\n";
    for (const IncidentMember& member : incident.members) {
      field(text, member.claim.str(), why_text(member.why));
    }
  }
  if (!incident.links.empty()) {
    text += "\nended by\n";
    for (std::size_t i = 0; i < incident.links.size(); ++i) {
      const IncidentLink& link = incident.links[i];
      std::string line = std::string(to_string(record.linked[i].claim.event_type)) +
                         " claimed by " + record.linked[i].claim.claimant.name + ", " +
                         time_summary(record.linked[i].claim.time);
      if (why) {
        line += "; " + why_text(link.why);
      }
      field(text, link.claim.str(), line);
    }
  }
  text += "\nreconciled figures (best (low-high)), with every report\n";
  if (reconciliation.figures.empty()) {
    text += "  none stated\n";
  }
  for (const fusion::ReconciledFigure& figure : reconciliation.figures) {
    field(text, figure.side.name() + " " + std::string(to_string(figure.status)),
          estimate_text(figure.estimate) + ": " + figure.rule);
    for (const fusion::FigureReport& report : figure.reports) {
      field(text, "",
            std::string("  ") + (report.release ? "released " : "") + count_text(report.count) +
                " by " + report.claimant.name + " (" +
                std::string(fusion::to_string(report.standing)) + ") via " + report.via + ", " +
                report.reported + ", " + report.claim.str() +
                (report.current ? "" : " [superseded]"));
    }
  }
  if (!reconciliation.history.empty()) {
    text += "\nfigures over time\n";
    for (const fusion::FigureChange& change : reconciliation.history) {
      field(text, change.reported,
            change.side.name() + " " + std::string(to_string(change.status)) + " " +
                (change.before ? estimate_text(*change.before) + " -> " : std::string()) +
                estimate_text(change.after));
    }
  }
  if (record.agreements) {
    text += "\nagreements (" + std::string(to_string(assess::worst_verdict(*record.agreements))) +
            "; docs/agreements.md)\n";
    text += detail::assessment_lines(*record.agreements, "  ");
  }
  if (!record.history.empty()) {
    text += "\nhistory\n";
    for (const IncidentEvent& event : record.history) {
      field(text, event.at, event.what + (event.detail.empty() ? "" : ": " + event.detail));
    }
  }
  if (!record.decisions.empty()) {
    text += "\ndecisions\n";
    for (const Decision& decision : record.decisions) {
      field(text, "#" + std::to_string(decision.sequence),
            std::string(to_string(decision.kind)) + " by " + decision.by + " at " + decision.at +
                ": " + decision.reason);
    }
  }
  return text;
}

std::string incidents_json(const IncidentList& list) {
  JsonValue value = JsonValue::object();
  value["incidents"] = JsonValue::array();
  for (const IncidentRecord& record : list.incidents) {
    value["incidents"].push_back(summary_value(record));
  }
  value["total"] = list.total;
  std::map<std::string, std::string> names;
  const auto totals = headline_totals(list, names);
  value["headline"] = {{"evidence_grades", list.headline_grades}, {"figures", JsonValue::array()}};
  for (const auto& [key, estimate] : totals) {
    value["headline"]["figures"].push_back({{"side", key.first},
                                            {"status", std::string(to_string(key.second))},
                                            {"estimate", estimate_value(estimate)}});
  }
  return dump(value);
}

std::string incident_summary_json(const IncidentRecord& record, bool public_view) {
  JsonValue value = summary_value(record);
  if (public_view) {
    value.erase("claims");
    value.erase("ended_by");
  }
  std::set<std::string> types;
  std::optional<BoundingBox> box;
  std::string place;
  for (const ClaimRecord& member : record.members) {
    types.insert(std::string(to_string(member.claim.event_type)));
    if (!member.claim.place) {
      continue;
    }
    if (place.empty()) {
      place = member.claim.place->name;
    }
    if (member.claim.place->geometry) {
      BoundingBox next = bounding_box(*member.claim.place->geometry);
      box = box ? BoundingBox{std::min(box->min_lon, next.min_lon),
                              std::min(box->min_lat, next.min_lat),
                              std::max(box->max_lon, next.max_lon),
                              std::max(box->max_lat, next.max_lat)}
                : next;
    }
  }
  value["event_types"] = JsonValue(std::vector<std::string>(types.begin(), types.end()));
  value["place"] = {
      {"name", place.empty() ? JsonValue() : JsonValue(place)},
      {"bbox",
       box ? JsonValue({box->min_lon, box->min_lat, box->max_lon, box->max_lat}) : JsonValue()}};
  return value.dump(-1, ' ', false, JsonValue::error_handler_t::replace);
}

std::string incident_json(const IncidentRecord& record, bool why) {
  JsonValue value = summary_value(record);
  value["claims"] = JsonValue::array();
  for (std::size_t i = 0; i < record.members.size(); ++i) {
    JsonValue claim = JsonValue::object();
    claim["claim"] = serial::claim_value(record.members[i].claim, &record.members[i].document);
    claim["source"] = serial::source_value(record.members[i].source);
    claim["document"] = serial::document_value(record.members[i].document, false);
    if (why) {
      claim["why"] = why_value(record.incident.members[i].why);
    }
    value["claims"].push_back(claim);
  }
  value["ended_by"] = JsonValue::array();
  for (std::size_t i = 0; i < record.linked.size(); ++i) {
    JsonValue link = JsonValue::object();
    link["claim"] = serial::claim_value(record.linked[i].claim, &record.linked[i].document);
    link["kind"] = std::string(to_string(record.incident.links[i].kind));
    if (why) {
      link["why"] = why_value(record.incident.links[i].why);
    }
    value["ended_by"].push_back(link);
  }
  value["figures"] = figures_value(record.reconciliation);
  value["figure_history"] = JsonValue::array();
  for (const fusion::FigureChange& change : record.reconciliation.history) {
    value["figure_history"].push_back(
        {{"reported", change.reported},
         {"side", side_value(change.side)},
         {"status", std::string(to_string(change.status))},
         {"before", change.before ? estimate_value(*change.before) : JsonValue()},
         {"after", estimate_value(change.after)},
         {"because", change.because}});
  }
  if (record.agreements) {
    value["assessment"] = detail::assessment_value(*record.agreements);
  }
  value["history"] = JsonValue::array();
  for (const IncidentEvent& event : record.history) {
    value["history"].push_back({{"at", event.at}, {"what", event.what}, {"detail", event.detail}});
  }
  value["decisions"] = JsonValue::array();
  for (const Decision& decision : record.decisions) {
    JsonValue claims = JsonValue::array();
    for (const ClaimId& claim : decision.claims) {
      claims.push_back(claim.str());
    }
    value["decisions"].push_back(
        {{"sequence", decision.sequence},
         {"kind", std::string(to_string(decision.kind))},
         {"incident", decision.incident.str()},
         {"other", decision.other ? JsonValue(decision.other->str()) : JsonValue()},
         {"claims", claims},
         {"by", decision.by},
         {"at", decision.at},
         {"reason", decision.reason}});
  }
  return dump(value);
}

std::string decision_text(const DecisionOutcome& outcome) {
  std::string text = "decision " + std::to_string(outcome.decision.sequence) + " (" +
                     std::string(to_string(outcome.decision.kind)) + ") recorded by " +
                     outcome.decision.by + " at " + outcome.decision.at + "\n";
  for (const IncidentId& id : outcome.incidents) {
    field(text, "incident", id.str());
  }
  for (const IncidentId& id : outcome.retired) {
    field(text, "retired", id.str());
  }
  return text;
}

std::string decision_json(const DecisionOutcome& outcome) {
  JsonValue value = JsonValue::object();
  value["decision"] = {{"sequence", outcome.decision.sequence},
                       {"kind", std::string(to_string(outcome.decision.kind))},
                       {"by", outcome.decision.by},
                       {"at", outcome.decision.at},
                       {"reason", outcome.decision.reason}};
  value["incidents"] = JsonValue::array();
  for (const IncidentId& id : outcome.incidents) {
    value["incidents"].push_back(id.str());
  }
  value["retired"] = JsonValue::array();
  for (const IncidentId& id : outcome.retired) {
    value["retired"].push_back(id.str());
  }
  return dump(value);
}

std::string verification_json(const Verification& verification) {
  JsonValue value = JsonValue::object();
  value["incident"] = verification.incident.str();
  value["published"] = verification.published;
  value["state"] = verification.state;
  value["mechanism"] = verification.agreement
                           ? JsonValue{{"agreement", *verification.agreement},
                                       {"provision", verification.provision.value_or("")}}
                           : JsonValue();
  value["opened_by"] = verification.opened_by ? JsonValue(*verification.opened_by) : JsonValue();
  value["updated_at"] =
      verification.updated_at.empty() ? JsonValue() : JsonValue(verification.updated_at);
  value["signoffs"] = JsonValue::array();
  for (const VerificationSignOff& signoff : verification.signoffs) {
    value["signoffs"].push_back({{"member", signoff.member},
                                 {"verdict", signoff.verdict},
                                 {"by", signoff.by},
                                 {"note", signoff.note},
                                 {"at", signoff.at}});
  }
  value["mechanisms"] = JsonValue::array();
  for (const MechanismChoice& choice : verification.mechanisms) {
    value["mechanisms"].push_back({{"agreement", choice.agreement},
                                   {"provision", choice.provision},
                                   {"members", choice.members},
                                   {"quorum", choice.quorum},
                                   {"certain", choice.certain}});
  }
  return value.dump(-1, ' ', false, JsonValue::error_handler_t::replace) + "\n";
}

std::string verification_text(const Verification& verification) {
  std::string text = verification.incident.str() + "\n";
  field(text, "published", verification.published ? "yes" : "no");
  field(text, "state", verification.state);
  if (verification.agreement) {
    field(text, "mechanism",
          *verification.agreement + "#" + verification.provision.value_or("") +
              (verification.opened_by ? " (opened by " + *verification.opened_by + ")" : ""));
  }
  for (const VerificationSignOff& signoff : verification.signoffs) {
    field(text, "signed off",
          signoff.member + ": " + signoff.verdict + " by " + signoff.by + " at " + signoff.at +
              (signoff.note.empty() ? "" : " - " + signoff.note));
  }
  for (const MechanismChoice& choice : verification.mechanisms) {
    std::string members;
    for (const std::string& member : choice.members) {
      members += (members.empty() ? "" : ", ") + member;
    }
    field(text, "applies",
          choice.agreement + "#" + choice.provision + ": members " + members + ", quorum " +
              std::to_string(choice.quorum) + (choice.certain ? "" : " (place unknown)"));
  }
  return text;
}

}  // namespace truce::report
