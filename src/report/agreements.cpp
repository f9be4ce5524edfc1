#include "report/agreements.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "core/vocabulary.hpp"
#include "report/detail/assessment_values.hpp"
#include "report/table.hpp"
#include "serial/agreements.hpp"

namespace truce::report {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& value) {
  return value.dump(2) + "\n";
}

std::string time_text(const std::optional<ZonedTime>& time) {
  return time ? format_zoned_time(*time) : "";
}

std::string fixed(double value, int digits) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::string actor_names(const std::vector<ActorRef>& actors) {
  std::string text;
  for (const ActorRef& actor : actors) {
    text += (text.empty() ? "" : ", ") + actor.name;
  }
  return text;
}

const AgreementOrigin* origin_of(const std::vector<AgreementOrigin>& origins,
                                 const Agreement& agreement) {
  for (const AgreementOrigin& origin : origins) {
    if (origin.file == agreement.file) {
      return &origin;
    }
  }
  return nullptr;
}

Json provision_json(const assess::ProvisionAssessment& provision) {
  return Json{{"provision", provision.provision},        {"point", provision.point},
              {"kind", to_string(provision.kind)},       {"title", provision.title},
              {"verdict", to_string(provision.verdict)}, {"reasons", provision.reasons}};
}

}  // namespace

std::string agreements_text(const assess::Registry& registry,
                            const std::vector<AgreementOrigin>& origins) {
  Table table({"id", "status", "effective", "ends", "provisions", "parties", "file"});
  for (const Agreement& agreement : registry.agreements()) {
    const AgreementOrigin* origin = origin_of(origins, agreement);
    std::string file =
        origin ? (origin->bundled ? "bundled v" : "user v") + std::to_string(origin->version) : "";
    table.add_row({agreement.id, std::string(to_string(agreement.status)),
                   format_zoned_time(agreement.effective), time_text(agreement.ends),
                   std::to_string(agreement.provisions.size()),
                   truncate(actor_names(agreement.parties), 40), file});
  }
  return table.render();
}

std::string agreements_json(const assess::Registry& registry,
                            const std::vector<AgreementOrigin>& origins) {
  Json list = Json::array();
  for (const Agreement& agreement : registry.agreements()) {
    const AgreementOrigin* origin = origin_of(origins, agreement);
    Json parties = Json::array();
    for (const ActorRef& party : agreement.parties) {
      parties.push_back(party.id);
    }
    list.push_back(Json{{"id", agreement.id},
                        {"title", agreement.title},
                        {"status", to_string(agreement.status)},
                        {"effective", format_zoned_time(agreement.effective)},
                        {"ends", agreement.ends ? Json(time_text(agreement.ends)) : Json(nullptr)},
                        {"parties", parties},
                        {"provisions", agreement.provisions.size()},
                        {"file", agreement.file},
                        {"origin", origin && !origin->bundled ? "user" : "bundled"},
                        {"file_version", origin ? origin->version : 1}});
  }
  return dump(Json{{"agreements", list}, {"total", list.size()}});
}

std::string agreement_text(const assess::Registry& registry, const Agreement& agreement) {
  std::string out = agreement.title + "\n";
  out += "  id: " + agreement.id + " (version " + std::to_string(agreement.version) + ", " +
         agreement.file + ")\n";
  out += "  status: " + std::string(to_string(agreement.status)) +
         (agreement.status_note.empty() ? "" : " - " + agreement.status_note) + "\n";
  out += "  parties: " + actor_names(agreement.parties) + "\n";
  if (!agreement.mediators.empty()) {
    out += "  mediators: " + actor_names(agreement.mediators) + "\n";
  }
  if (!agreement.guarantors.empty()) {
    out += "  guarantors: " + actor_names(agreement.guarantors) + "\n";
  }
  if (agreement.signed_at) {
    out += "  signed: " + time_text(agreement.signed_at) + "\n";
  }
  out += "  effective: " + format_zoned_time(agreement.effective) + "\n";
  if (agreement.ends) {
    out += "  ends: " + time_text(agreement.ends) + "\n";
  }
  out += "  text: " + agreement.text_source + "\n\nProvisions\n";
  std::set<std::string> named;
  for (const Provision& provision : agreement.provisions) {
    out += "  " + provision.id + " [" + std::string(to_string(provision.kind)) + "] " +
           provision.title + "\n";
    if (!provision.text.empty()) {
      out += "      \"" + provision.text + "\"\n";
    } else {
      out += "      " + provision.summary + "\n";
    }
    std::string details;
    if (!provision.binds.empty()) {
      details += "binds " + [&] {
        std::string ids;
        for (const std::string& id : provision.binds) {
          ids += (ids.empty() ? "" : ", ") + id;
        }
        return ids;
      }();
    }
    if (provision.deadline) {
      details += "; deadline " + time_text(provision.deadline);
      if (provision.original_deadline) {
        details += " (was " + time_text(provision.original_deadline) + ", amended by " +
                   provision.amended_by + ")";
      }
    }
    if (provision.until) {
      details += "; until " + time_text(provision.until);
    }
    if (provision.distance_km) {
      details += "; " + fixed(*provision.distance_km, 1) + " km";
    }
    if (!provision.members.empty()) {
      details += "; members " + std::to_string(provision.members.size()) + ", quorum " +
                 std::to_string(provision.quorum);
    }
    for (const std::string& id : provision.features) {
      details += "; " + id;
      named.insert(id);
    }
    if (!provision.area_drawn) {
      details += " (only part of the area the text names)";
    }
    out += "      " + details + "\n";
  }
  for (const std::string& id : agreement.area) {
    named.insert(id);
  }
  out += "\nGeography\n";
  for (const std::string& id : named) {
    const Feature* feature = registry.feature(id);
    if (feature == nullptr) {
      continue;
    }
    std::size_t vertices = 0;
    for (const auto& part : feature->geometry.parts) {
      vertices += part.size();
    }
    out += "  " + feature->id + " [" + std::string(to_string(feature->kind)) + "] " +
           feature->name + ", " + std::string(to_string(feature->geometry.type)) + " of " +
           std::to_string(vertices) + " points" +
           (feature->approximate ? ", approximate: " + feature->source : "") + "\n";
  }
  if (!agreement.amendments.empty()) {
    out += "\nAmendments\n";
    for (const Amendment& amendment : agreement.amendments) {
      out += "  " + amendment.id + ": " + amendment.summary + " (" + amendment.source + ")\n";
    }
  }
  return out;
}

std::string agreement_json(const assess::Registry& registry, const Agreement& agreement) {
  std::vector<Feature> features;
  std::set<std::string> named(agreement.area.begin(), agreement.area.end());
  for (const Provision& provision : agreement.provisions) {
    named.insert(provision.features.begin(), provision.features.end());
  }
  for (const std::string& id : named) {
    if (const Feature* feature = registry.feature(id)) {
      features.push_back(*feature);
    }
  }
  Json value{{"agreement", Json::parse(serial::write_agreement_json(agreement))},
             {"geography", Json::parse(serial::write_geography_geojson(features))}};
  return dump(value);
}

std::string assessments_text(const std::vector<assess::IncidentAssessment>& assessments) {
  std::string out;
  for (const assess::IncidentAssessment& assessment : assessments) {
    out += "Incident " + assessment.incident + ": " +
           std::string(to_string(assess::worst_verdict(assessment))) + "\n";
    out += detail::assessment_lines(assessment, "  ") + "\n";
  }
  return out;
}

std::string assessments_json(const std::vector<assess::IncidentAssessment>& assessments) {
  Json list = Json::array();
  for (const assess::IncidentAssessment& assessment : assessments) {
    list.push_back(detail::assessment_value(assessment));
  }
  return dump(Json{{"assessments", list}, {"total", list.size()}});
}

std::string assessment_json(const assess::IncidentAssessment& assessment) {
  return dump(Json{{"assessment", detail::assessment_value(assessment)}});
}

namespace detail {

nlohmann::ordered_json assessment_value(const assess::IncidentAssessment& assessment) {
  Json agreements = Json::array();
  for (const assess::AgreementAssessment& agreement : assessment.agreements) {
    Json provisions = Json::array();
    for (const assess::ProvisionAssessment& provision : agreement.provisions) {
      provisions.push_back(provision_json(provision));
    }
    agreements.push_back(Json{{"agreement", agreement.agreement},
                              {"title", agreement.title},
                              {"applies_certainly", agreement.applies_certainly},
                              {"reasons", agreement.reasons},
                              {"provisions", provisions}});
  }
  Json not_applicable = Json::array();
  for (const assess::NotApplicable& other : assessment.not_applicable) {
    not_applicable.push_back(Json{{"agreement", other.agreement}, {"reason", other.reason}});
  }
  return Json{{"incident", assessment.incident},
              {"verdict", to_string(assess::worst_verdict(assessment))},
              {"agreements", agreements},
              {"not_applicable", not_applicable}};
}

std::string assessment_lines(const assess::IncidentAssessment& assessment,
                             const std::string& indent) {
  std::string out;
  for (const assess::AgreementAssessment& agreement : assessment.agreements) {
    out +=
        indent + agreement.agreement + (agreement.applies_certainly ? "" : " (may apply)") + "\n";
    for (const std::string& reason : agreement.reasons) {
      out += indent + "  - " + reason + "\n";
    }
    for (const assess::ProvisionAssessment& provision : agreement.provisions) {
      if (provision.verdict == assess::Verdict::kNotChecked) {
        continue;
      }
      out += indent + "  " + provision.provision + " " + provision.title + ": " +
             std::string(to_string(provision.verdict)) + "\n";
      for (const std::string& reason : provision.reasons) {
        out += indent + "      " + reason + "\n";
      }
    }
  }
  for (const assess::NotApplicable& other : assessment.not_applicable) {
    out += indent + "not applicable: " + other.agreement + " (" + other.reason + ")\n";
  }
  return out;
}

}  // namespace detail

std::string coverage_text(const assess::LineCoverage& line,
                          const std::vector<assess::NearestPost>& incidents) {
  std::string out = "Line " + line.line + ": " + fixed(line.covered_km, 1) + " of " +
                    fixed(line.length_km, 1) + " km within a post's observation radius\n";
  Table segments({"segment", "length km", "covered", "nearest post", "km"});
  for (const assess::SegmentCoverage& segment : line.segments) {
    segments.add_row({std::to_string(segment.line) + "#" + std::to_string(segment.segment),
                      fixed(segment.length_km, 1), fixed(segment.covered_fraction * 100, 0) + "%",
                      segment.nearest_post,
                      segment.nearest_post.empty() ? "" : fixed(segment.nearest_post_km, 1)});
  }
  out += segments.render();
  if (!incidents.empty()) {
    Table table({"incident", "nearest post", "km", "within radius"});
    for (const assess::NearestPost& item : incidents) {
      table.add_row({item.incident, item.post, item.post.empty() ? "" : fixed(item.distance_km, 1),
                     item.within_radius ? "yes" : "no"});
    }
    out += "\n" + table.render();
  }
  return out;
}

std::string coverage_json(const assess::LineCoverage& line,
                          const std::vector<assess::NearestPost>& incidents) {
  Json segments = Json::array();
  for (const assess::SegmentCoverage& segment : line.segments) {
    segments.push_back(Json{{"line", segment.line},
                            {"segment", segment.segment},
                            {"start", {segment.start.lon.degrees, segment.start.lat.degrees}},
                            {"end", {segment.end.lon.degrees, segment.end.lat.degrees}},
                            {"length_km", segment.length_km},
                            {"covered_fraction", segment.covered_fraction},
                            {"nearest_post", segment.nearest_post},
                            {"nearest_post_km", segment.nearest_post_km}});
  }
  Json items = Json::array();
  for (const assess::NearestPost& item : incidents) {
    items.push_back(Json{{"incident", item.incident},
                         {"post", item.post.empty() ? Json(nullptr) : Json(item.post)},
                         {"distance_km", item.distance_km},
                         {"within_radius", item.within_radius}});
  }
  return dump(Json{{"line", line.line},
                   {"length_km", line.length_km},
                   {"covered_km", line.covered_km},
                   {"segments", segments},
                   {"incidents", items}});
}

std::string alerts_text(const std::vector<assess::Alert>& alerts) {
  Table table({"day", "kind", "what"});
  for (const assess::Alert& alert : alerts) {
    table.add_row({alert.day, alert.kind, alert.message});
  }
  return table.render();
}

std::string alerts_json(const std::vector<assess::Alert>& alerts) {
  Json list = Json::array();
  for (const assess::Alert& alert : alerts) {
    Json numbers = Json::object();
    for (const auto& [name, value] : alert.numbers) {
      numbers[name] = value;
    }
    list.push_back(Json{{"kind", alert.kind},
                        {"series", alert.series},
                        {"day", alert.day},
                        {"message", alert.message},
                        {"numbers", numbers}});
  }
  return dump(Json{{"alerts", list}, {"total", list.size()}});
}

}  // namespace truce::report
