#include "report/text.hpp"

#include <map>

#include "core/vocabulary.hpp"
#include "report/table.hpp"

namespace truce::report {
namespace {

std::string actor_text(const std::optional<ActorRef>& actor) {
  return actor ? actor->name + " (" + actor->id + ")" : std::string("-");
}

std::string place_text(const std::optional<Place>& place) {
  if (!place) {
    return "-";
  }
  std::string text = place->name.empty() ? std::string("(unnamed)") : place->name;
  if (!place->country.empty()) {
    text += ", " + place->country;
  }
  return text;
}

void field(std::string& text, std::string_view name, const std::string& value) {
  text += "  ";
  text += name;
  text.append(name.size() < 14 ? 14 - name.size() : 1, ' ');
  text += value + "\n";
}

std::string geometry_text(const Geometry& geometry) {
  if (geometry.type == GeometryType::kPoint) {
    const GeoPoint& point = geometry.parts[0][0];
    return "Point " + std::to_string(point.lon.degrees) + ", " + std::to_string(point.lat.degrees) +
           " (lon, lat)";
  }
  BoundingBox box = bounding_box(geometry);
  return std::string(to_string(geometry.type)) + " within lon " + std::to_string(box.min_lon) +
         ".." + std::to_string(box.max_lon) + ", lat " + std::to_string(box.min_lat) + ".." +
         std::to_string(box.max_lat);
}

std::string time_basis_text(const TimeBasis& basis) {
  std::string text(to_string(basis.basis));
  if (basis.from_context) {
    text += ", from the document's account of the same events";
  }
  if (!basis.wording.empty()) {
    text += ": " + basis.wording;
  }
  return text;
}

std::string span_text(const TextSpan& span) {
  return "[" + std::to_string(span.start) + ", " + std::to_string(span.end) + ")";
}

// One line for the reference, then one per span with the words it covers in
// `document_text` (just the offsets when the text is not at hand).
void agreement_fields(std::string& text, std::string_view name,
                      const std::vector<AgreementReference>& references,
                      const CodePointIndex& document_text) {
  for (std::size_t i = 0; i < references.size(); ++i) {
    const AgreementReference& reference = references[i];
    std::string line = reference.name;
    std::string dates;
    for (const CivilTime& date : reference.dates) {
      dates += (dates.empty() ? "" : ", ") + format_civil_time(date);
    }
    if (!dates.empty()) {
      line += " (" + dates + ")";
    }
    if (!reference.registry_id.empty()) {
      line += " [registry " + reference.registry_id + "]";
    }
    field(text, i == 0 ? name : "", line);
    for (const TextSpan& span : reference.spans) {
      std::string quote(document_text.slice(span.start, span.end));
      field(text, "", "  " + span_text(span) + (quote.empty() ? "" : ": \"" + quote + "\""));
    }
  }
}

}  // namespace

std::string count_text(const CountRange& count) {
  if (!count.max) {
    return "≥" + std::to_string(count.min);
  }
  if (*count.max == count.min) {
    return std::to_string(count.min);
  }
  return std::to_string(count.min) + "-" + std::to_string(*count.max);
}

std::string casualty_summary(const std::vector<CasualtyFigure>& figures) {
  // Group by side in order of first appearance; statuses in the order given.
  std::vector<std::string> sides;
  std::map<std::string, std::string> parts;
  for (const CasualtyFigure& figure : figures) {
    std::string side = figure.side.name();
    if (!parts.contains(side)) {
      sides.push_back(side);
    } else {
      parts[side] += ", ";
    }
    parts[side] += std::string(to_string(figure.status)) + " " + count_text(figure.count);
  }
  std::string text;
  for (const auto& side : sides) {
    if (!text.empty()) {
      text += "; ";
    }
    text += side + ": " + parts[side];
  }
  return text.empty() ? std::string("-") : text;
}

std::string time_summary(const TimeInterval& time) {
  std::string start = format_civil_time(time.start);
  std::string end = format_civil_time(time.end);
  std::string text = start == end ? start : start + ".." + end;
  bool coarse = time.precision == TimePrecision::kWeek || time.precision == TimePrecision::kMonth ||
                time.precision == TimePrecision::kYear || time.precision == TimePrecision::kSpan;
  return coarse ? "~" + text : text;
}

std::string claims_table(const std::vector<Claim>& claims) {
  Table table({"ID", "WHEN", "EVENT", "PLACE", "CLAIMANT", "CASUALTIES (as claimed)"});
  for (const Claim& claim : claims) {
    table.add_row({claim.id.str(), time_summary(claim.time),
                   std::string(to_string(claim.event_type)), truncate(place_text(claim.place), 28),
                   truncate(claim.claimant.name, 32), casualty_summary(claim.casualties)});
  }
  return table.render();
}

std::string sources_table(const std::vector<Source>& sources) {
  Table table({"ID", "NAME", "RELIABILITY", "AFFILIATION"});
  for (const Source& source : sources) {
    std::string affiliation(to_string(source.affiliation.kind));
    if (source.affiliation.actor) {
      affiliation += ": " + source.affiliation.actor->name;
    }
    table.add_row({source.id.str(), truncate(source.name, 48),
                   std::string(to_string(source.reliability)), affiliation});
  }
  return table.render();
}

std::string documents_table(const std::vector<Document>& documents) {
  Table table({"ID", "SOURCE", "PUBLISHED", "LANG", "TITLE"});
  for (const Document& document : documents) {
    table.add_row({document.id.str(), document.source.str(),
                   document.published ? format_civil_time(*document.published) : "-",
                   document.language.empty() ? "-" : document.language,
                   truncate(document.title, 60)});
  }
  return table.render();
}

std::string claim_detail(const ClaimRecord& record) {
  return claim_detail(record, CodePointIndex(record.document.text));
}

std::string claim_detail(const ClaimRecord& record, const CodePointIndex& document_text) {
  const Claim& claim = record.claim;
  std::string text = "claim " + claim.id.str() + "\n";
  field(text, "claimant", actor_text(claim.claimant));
  field(text, "event", std::string(to_string(claim.event_type)));
  std::string when =
      record.undated ? std::string("unknown")
                     : time_summary(claim.time) + " (" +
                           std::string(to_string(claim.time.precision)) + " precision" +
                           (claim.time.timezone.empty() ? "" : ", " + claim.time.timezone) + ")";
  field(text, "when", when);
  if (!claim.time_basis.is_default()) {
    field(text, "date basis", time_basis_text(claim.time_basis));
  }
  if (claim.place) {
    std::string where = place_text(claim.place) + " (where_prec " +
                        std::to_string(static_cast<int>(claim.place->precision)) + ")";
    field(text, "where", where);
    if (claim.place->geometry) {
      field(text, "geometry", geometry_text(*claim.place->geometry));
    }
  }
  field(text, "perpetrator", actor_text(claim.perpetrator));
  field(text, "target", actor_text(claim.target));
  for (std::size_t i = 0; i < claim.actors.size(); ++i) {
    const ClaimActor& entry = claim.actors[i];
    field(text, i == 0 ? "actors" : "",
          actor_text(entry.actor) + ", " + std::string(to_string(entry.role)));
  }
  for (std::size_t i = 0; i < claim.casualties.size(); ++i) {
    const CasualtyFigure& figure = claim.casualties[i];
    field(text, i == 0 ? "casualties" : "",
          figure.side.name() + " " + std::string(to_string(figure.status)) + " " +
              count_text(figure.count));
  }
  for (std::size_t i = 0; i < claim.weapons.size(); ++i) {
    const Weapon& weapon = claim.weapons[i];
    field(text, i == 0 ? "weapons" : "",
          std::string(to_string(weapon.weapon_class)) +
              (weapon.calibre.empty() ? "" : " " + weapon.calibre));
  }
  if (claim.violations) {
    field(text, "violations", count_text(*claim.violations));
  }
  if (claim.explosions) {
    field(text, "explosions", count_text(*claim.explosions));
  }
  for (std::size_t i = 0; i < claim.assets.size(); ++i) {
    const AssetChange& asset = claim.assets[i];
    std::string line = std::string(to_string(asset.kind)) + " " +
                       std::string(to_string(asset.outcome)) +
                       (asset.count ? " " + count_text(*asset.count) : "");
    if (asset.owner) {
      line += ", of " + asset.owner->name;
    }
    if (asset.gainer) {
      line += ", to " + asset.gainer->name;
    }
    field(text, i == 0 ? "materiel" : "", line);
  }
  agreement_fields(text, "agreements", claim.agreements, document_text);
  field(text, "credibility", std::to_string(claim.credibility.grade));
  if (!claim.summary.empty()) {
    field(text, "summary", claim.summary);
  }
  field(text, "source",
        record.source.name + " (" + record.source.id.str() + ", reliability " +
            std::string(to_string(record.source.reliability)) + ")");
  field(text, "document",
        record.document.id.str() +
            (record.document.title.empty() ? "" : " " + record.document.title));
  if (!claim.provenance.empty()) {
    text += "  provenance (code points of the document's text):\n";
    for (const FieldProvenance& entry : claim.provenance) {
      for (const TextSpan& span : entry.spans) {
        std::string quote(document_text.slice(span.start, span.end));
        text += "    " + entry.field + " " + span_text(span) +
                (quote.empty() ? std::string() : ": \"" + quote + "\"") + "\n";
      }
    }
  }
  return text;
}

std::string document_detail(const Document& document) {
  std::string text = "document " + document.id.str() + "\n";
  field(text, "source", document.source.str());
  field(text, "kind", std::string(to_string(document.kind)));
  field(text, "title", document.title.empty() ? "-" : document.title);
  field(text, "language", document.language.empty() ? "-" : document.language);
  field(text, "published",
        document.published ? format_civil_time(*document.published) : std::string("-"));
  field(text, "url", document.url.empty() ? "-" : document.url);
  std::string origin;
  for (const auto& link : document.origin) {
    origin += (origin.empty() ? "" : " > ") + link;
  }
  field(text, "origin", origin.empty() ? "-" : origin);
  field(text, "content hash", document.content_hash);
  agreement_fields(text, "agreements", document.agreement_references,
                   CodePointIndex(document.text));
  field(text, "text", std::to_string(code_point_count(document.text)) + " code points");
  if (!document.text.empty()) {
    text += "\n" + document.text + "\n";
  }
  return text;
}

std::string source_detail(const Source& source) {
  std::string text = "source " + source.id.str() + "\n";
  field(text, "name", source.name);
  field(text, "reliability", std::string(to_string(source.reliability)));
  std::string affiliation(to_string(source.affiliation.kind));
  if (source.affiliation.actor) {
    affiliation += ": " + actor_text(source.affiliation.actor);
  }
  field(text, "affiliation", affiliation);
  field(text, "url", source.url.empty() ? "-" : source.url);
  return text;
}

std::string picture_text(const Picture& picture) {
  std::string text = "truce monitoring picture - " + picture.location + " (schema " +
                     std::to_string(picture.schema_version) + ")\n\n";
  text += std::to_string(picture.sources) + " sources, " + std::to_string(picture.documents) +
          " documents, " + std::to_string(picture.claims) + " claims";
  if (!picture.first_event.empty()) {
    text += ", events from " + picture.first_event.substr(0, 10) + " to " +
            picture.last_event.substr(0, 10);
  }
  text += "\n\nSources\n";
  Table sources({"SOURCE", "RELIABILITY", "AFFILIATION", "CLAIMS"});
  for (const SourceActivity& activity : picture.activity) {
    std::string affiliation(to_string(activity.source.affiliation.kind));
    if (activity.source.affiliation.actor) {
      affiliation += ": " + activity.source.affiliation.actor->name;
    }
    sources.add_row({truncate(activity.source.name, 48),
                     std::string(to_string(activity.source.reliability)), affiliation,
                     std::to_string(activity.claims)});
  }
  text += sources.render();
  text += "\nLatest claims (each party's figures as that party gave them)\n";
  Table claims({"WHEN", "EVENT", "PLACE", "CLAIMANT", "BLAMES", "CASUALTIES (as claimed)"});
  for (const ClaimRecord& record : picture.latest) {
    const Claim& claim = record.claim;
    claims.add_row({time_summary(claim.time), std::string(to_string(claim.event_type)),
                    truncate(place_text(claim.place), 28), truncate(claim.claimant.name, 32),
                    claim.perpetrator ? claim.perpetrator->name : "-",
                    casualty_summary(claim.casualties)});
  }
  text += claims.render();
  return text;
}

}  // namespace truce::report
