#include "core/validation.hpp"

#include <cstdio>
#include <set>

#include "core/vocabulary.hpp"

namespace truce {
namespace {

constexpr std::size_t kMaxNameBytes = 300;
constexpr std::size_t kMaxSummaryBytes = 4000;
// Agreement titles run long ("Statement by the President of ..., the Prime
// Minister of ... and the President of ..."), twice as long in Arabic bytes.
constexpr std::size_t kMaxAgreementNameBytes = 1000;
constexpr std::size_t kMaxWordingBytes = 1000;

class Problems {
 public:
  void add(std::string field, std::string message) {
    list_.push_back({std::move(field), std::move(message)});
  }
  std::vector<FieldProblem> take() { return std::move(list_); }

  void check_slug(const std::string& field, const std::string& value) {
    if (!is_valid_slug(value)) {
      add(field, "\"" + value +
                     "\" is not a valid id (1-64 characters of a-z, 0-9, '.', '_', '-', "
                     "starting with a letter or digit)");
    }
  }
  void check_name(const std::string& field, const std::string& value, bool required) {
    if (required && value.empty()) {
      add(field, "is empty");
    } else if (value.size() > kMaxNameBytes) {
      add(field, "is longer than " + std::to_string(kMaxNameBytes) + " bytes");
    }
  }
  void check_actor(const std::string& field, const ActorRef& actor) {
    check_slug(field + "/id", actor.id);
    check_name(field + "/name", actor.name, true);
  }
  // Spans of `field` that are empty, reversed or beyond the text (when its
  // length is known). `field` names the span itself, or the list holding it.
  void check_span(const std::string& field, const TextSpan& span,
                  std::optional<std::size_t> text_length) {
    std::string where = "[" + std::to_string(span.start) + ", " + std::to_string(span.end) + ")";
    if (span.end <= span.start) {
      add(field, "span " + where + " is empty or reversed");
    } else if (text_length && span.end > *text_length) {
      add(field, "span " + where + " ends beyond the document's text (" +
                     std::to_string(*text_length) + " code points)");
    }
  }
  void check_count(const std::string& field, const CountRange& count) {
    if (count.min < 0) {
      add(field + "/min", std::to_string(count.min) + " is negative");
    }
    if (count.max && *count.max < count.min) {
      add(field + "/max",
          std::to_string(*count.max) + " is smaller than min (" + std::to_string(count.min) + ")");
    }
  }

 private:
  std::vector<FieldProblem> list_;
};

bool is_language_tag(const std::string& tag) {
  // BCP 47 shape only: 2-3 letter primary subtag, then alphanumeric subtags.
  if (tag.empty() || tag.size() > 35) {
    return false;
  }
  std::size_t primary = tag.find('-');
  std::size_t length = primary == std::string::npos ? tag.size() : primary;
  if (length < 2 || length > 3) {
    return false;
  }
  for (std::size_t i = 0; i < tag.size(); ++i) {
    char c = tag[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && !(c == '-' && i > 0 && i + 1 < tag.size())) {
      return false;
    }
  }
  return true;
}

bool is_valid_civil_time(const CivilTime& time) {
  return time.date.ok() && (!time.time_of_day ||
                            (time.time_of_day->count() >= 0 && time.time_of_day->count() < 86400));
}

void check_agreement_reference(Problems& problems, const std::string& field,
                               const AgreementReference& reference,
                               std::optional<std::size_t> text_length) {
  if (reference.name.empty()) {
    problems.add(field + "/name", "is empty");
  } else if (reference.name.size() > kMaxAgreementNameBytes) {
    problems.add(field + "/name",
                 "is longer than " + std::to_string(kMaxAgreementNameBytes) + " bytes");
  }
  for (std::size_t i = 0; i < reference.dates.size(); ++i) {
    if (!is_valid_civil_time(reference.dates[i])) {
      problems.add(field + "/dates/" + std::to_string(i), "is not a valid date and time of day");
    }
  }
  if (!reference.registry_id.empty()) {
    problems.check_slug(field + "/registry_id", reference.registry_id);
  }
  for (std::size_t i = 0; i < reference.spans.size(); ++i) {
    problems.check_span(field + "/spans/" + std::to_string(i), reference.spans[i], text_length);
  }
}

void check_place(Problems& problems, const Place& place) {
  problems.check_name("place/name", place.name, false);
  if (place.geometry) {
    if (std::string problem = geometry_problem(*place.geometry); !problem.empty()) {
      problems.add("place/geometry", problem);
    }
  }
  int where_prec = static_cast<int>(place.precision);
  if (where_prec < 1 || where_prec > 7) {
    problems.add("place/precision", std::to_string(where_prec) + " is not a where_prec code 1-7");
  }
  const std::string& country = place.country;
  if (!country.empty() && (country.size() != 2 || country[0] < 'A' || country[0] > 'Z' ||
                           country[1] < 'A' || country[1] > 'Z')) {
    problems.add("place/country", "\"" + country + "\" is not an ISO 3166-1 alpha-2 code");
  }
  problems.check_name("place/admin1", place.admin1, false);
  if (place.name.empty() && !place.geometry) {
    problems.add("place", "has neither a name nor a geometry");
  }
}

// Canonical text: one "key=value" per line, strings escaped, so that any
// difference in content gives a different text.
class Canon {
 public:
  void put(std::string_view key, std::string_view value) {
    text_ += key;
    text_ += '=';
    for (char c : value) {
      if (c == '\\' || c == '\n') {
        text_ += '\\';
      }
      text_ += c;
    }
    text_ += '\n';
  }
  void put(std::string_view key, long long value) { put(key, std::to_string(value)); }
  void put(std::string_view key, double value) {
    char buffer[40];
    int written = std::snprintf(buffer, sizeof buffer, "%.17g", value);
    put(key, std::string_view(buffer, static_cast<std::size_t>(written)));
  }
  void put(std::string_view key, const CountRange& range) {
    put(key, std::to_string(range.min) + ".." + (range.max ? std::to_string(*range.max) : ""));
  }
  void put(std::string_view key, const std::optional<ActorRef>& actor) {
    if (actor) {
      put(key, actor->id + "|" + actor->name);
    }
  }
  void put(std::string_view key, const std::vector<TextSpan>& spans) {
    std::string text;
    for (const TextSpan& span : spans) {
      text += std::to_string(span.start) + "-" + std::to_string(span.end) + ";";
    }
    put(key, text);
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

}  // namespace

std::vector<FieldProblem> check_source(const Source& source) {
  Problems problems;
  problems.check_slug("id", source.id.str());
  problems.check_name("name", source.name, true);
  const Affiliation& affiliation = source.affiliation;
  if (affiliation.kind != AffiliationKind::kNeutral && !affiliation.actor) {
    problems.add("affiliation/actor",
                 "is required when the affiliation is " + std::string(to_string(affiliation.kind)));
  }
  if (affiliation.actor) {
    problems.check_actor("affiliation/actor", *affiliation.actor);
  }
  return problems.take();
}

std::vector<FieldProblem> check_document(const Document& document) {
  Problems problems;
  problems.check_slug("source", document.source.str());
  problems.check_name("title", document.title, false);
  if (!document.language.empty() && !is_language_tag(document.language)) {
    problems.add("language", "\"" + document.language + "\" is not a BCP 47 language tag");
  }
  for (std::size_t i = 0; i < document.origin.size(); ++i) {
    problems.check_name("origin/" + std::to_string(i), document.origin[i], true);
  }
  if (document.text.find('\0') != std::string::npos) {
    problems.add("text", "contains a NUL character");
  }
  std::optional<std::size_t> text_length;
  if (!document.text.empty()) {
    text_length = code_point_count(document.text);
  }
  for (std::size_t i = 0; i < document.agreement_references.size(); ++i) {
    check_agreement_reference(problems, "agreement_references/" + std::to_string(i),
                              document.agreement_references[i], text_length);
  }
  return problems.take();
}

std::vector<FieldProblem> check_claim(const Claim& claim,
                                      std::optional<std::size_t> document_text_length) {
  Problems problems;
  problems.check_actor("claimant", claim.claimant);
  if (claim.time.end < claim.time.start) {
    problems.add("time/end", format_civil_time(claim.time.end) + " is before the start (" +
                                 format_civil_time(claim.time.start) + ")");
  }
  if (!claim.time.timezone.empty() && !is_valid_timezone(claim.time.timezone)) {
    problems.add("time/timezone",
                 "\"" + claim.time.timezone + "\" is not a time zone (IANA name, UTC or +HH:MM)");
  }
  if (claim.time_basis.wording.size() > kMaxWordingBytes) {
    problems.add("time_basis/wording",
                 "is longer than " + std::to_string(kMaxWordingBytes) + " bytes");
  }
  if (claim.place) {
    check_place(problems, *claim.place);
  }
  if (claim.perpetrator) {
    problems.check_actor("perpetrator", *claim.perpetrator);
  }
  if (claim.target) {
    problems.check_actor("target", *claim.target);
  }
  for (std::size_t i = 0; i < claim.actors.size(); ++i) {
    const ClaimActor& entry = claim.actors[i];
    std::string field = "actors/" + std::to_string(i);
    problems.check_actor(field, entry.actor);
    for (std::size_t earlier = 0; earlier < i; ++earlier) {
      if (claim.actors[earlier].actor.id == entry.actor.id &&
          claim.actors[earlier].role == entry.role) {
        problems.add(field, "\"" + entry.actor.id + "\" as " + std::string(to_string(entry.role)) +
                                " is already actors/" + std::to_string(earlier));
        break;
      }
    }
  }
  for (std::size_t i = 0; i < claim.casualties.size(); ++i) {
    const CasualtyFigure& figure = claim.casualties[i];
    std::string field = "casualties/" + std::to_string(i);
    if (figure.side.kind == SideKind::kCombatants && !figure.side.party) {
      problems.add(field + "/side/party", "is required for combatants");
    }
    if (figure.side.kind == SideKind::kUnknown && figure.side.party) {
      problems.add(field + "/side/party", "must be absent when the side is unknown");
    }
    if (figure.side.party) {
      problems.check_actor(field + "/side/party", *figure.side.party);
    }
    problems.check_count(field, figure.count);
  }
  for (std::size_t i = 0; i < claim.weapons.size(); ++i) {
    problems.check_name("weapons/" + std::to_string(i) + "/calibre", claim.weapons[i].calibre,
                        false);
  }
  if (claim.violations) {
    problems.check_count("violations", *claim.violations);
  }
  if (claim.explosions) {
    problems.check_count("explosions", *claim.explosions);
  }
  for (std::size_t i = 0; i < claim.assets.size(); ++i) {
    const AssetChange& asset = claim.assets[i];
    std::string field = "assets/" + std::to_string(i);
    if (asset.count) {
      problems.check_count(field + "/count", *asset.count);
    }
    if (asset.owner) {
      problems.check_actor(field + "/owner", *asset.owner);
    }
    if (asset.gainer) {
      problems.check_actor(field + "/gainer", *asset.gainer);
    }
    problems.check_name(field + "/description", asset.description, false);
  }
  for (std::size_t i = 0; i < claim.agreements.size(); ++i) {
    check_agreement_reference(problems, "agreements/" + std::to_string(i), claim.agreements[i],
                              document_text_length);
  }
  if (claim.credibility.grade < 1 || claim.credibility.grade > 6) {
    problems.add("credibility",
                 std::to_string(claim.credibility.grade) + " is not a credibility grade 1-6");
  }
  if (claim.summary.size() > kMaxSummaryBytes) {
    problems.add("summary", "is longer than " + std::to_string(kMaxSummaryBytes) + " bytes");
  }
  std::set<std::string> seen;
  for (const FieldProvenance& entry : claim.provenance) {
    std::string field = "provenance/" + entry.field;
    if (!is_provenance_field(claim, entry.field)) {
      problems.add(field, "names no field of this claim");
    }
    if (!seen.insert(entry.field).second) {
      problems.add(field, "is given twice");
    }
    for (const TextSpan& span : entry.spans) {
      problems.check_span(field, span, document_text_length);
    }
  }
  return problems.take();
}

std::string canonical_form(const Claim& claim) {
  Canon canon;
  canon.put("document", claim.document.str());
  canon.put("claimant", claim.claimant.id + "|" + claim.claimant.name);
  canon.put("event_type", to_string(claim.event_type));
  canon.put("time", format_civil_time(claim.time.start) + "/" + format_civil_time(claim.time.end) +
                        "/" + std::string(to_string(claim.time.precision)) + "/" +
                        claim.time.timezone);
  // Members added after the first release enter only when set, so every claim
  // without them keeps the id it was stored under.
  if (claim.time_basis.basis != DateBasis::kUnknown) {
    canon.put("time_basis", to_string(claim.time_basis.basis));
  }
  if (claim.time_basis.from_context) {
    canon.put("time_from_context", 1LL);
  }
  if (!claim.time_basis.wording.empty()) {
    canon.put("time_wording", claim.time_basis.wording);
  }
  if (claim.place) {
    const Place& place = *claim.place;
    canon.put("place", place.name + "|" + std::to_string(static_cast<int>(place.precision)) + "|" +
                           place.country + "|" + place.admin1);
    if (place.geometry) {
      canon.put("geometry", to_string(place.geometry->type));
      for (const auto& part : place.geometry->parts) {
        canon.put("part", static_cast<long long>(part.size()));
        for (const GeoPoint& point : part) {
          canon.put("lon", point.lon.degrees);
          canon.put("lat", point.lat.degrees);
        }
      }
    }
  }
  canon.put("perpetrator", claim.perpetrator);
  canon.put("target", claim.target);
  for (const ClaimActor& entry : claim.actors) {
    canon.put("actor",
              std::string(to_string(entry.role)) + "|" + entry.actor.id + "|" + entry.actor.name);
  }
  for (const CasualtyFigure& figure : claim.casualties) {
    canon.put("casualty", std::string(to_string(figure.side.kind)) + "|" +
                              std::string(to_string(figure.status)));
    canon.put("side", figure.side.party);
    canon.put("count", figure.count);
  }
  for (const Weapon& weapon : claim.weapons) {
    canon.put("weapon", std::string(to_string(weapon.weapon_class)) + "|" + weapon.calibre);
  }
  if (claim.violations) {
    canon.put("violations", *claim.violations);
  }
  if (claim.explosions) {
    canon.put("explosions", *claim.explosions);
  }
  for (const AssetChange& asset : claim.assets) {
    canon.put("asset", std::string(to_string(asset.kind)) + "|" +
                           std::string(to_string(asset.outcome)) + "|" + asset.description);
    if (asset.count) {
      canon.put("asset_count", *asset.count);
    }
    canon.put("owner", asset.owner);
    canon.put("gainer", asset.gainer);
  }
  for (const AgreementReference& reference : claim.agreements) {
    canon.put("agreement", reference.name);
    for (const CivilTime& date : reference.dates) {
      canon.put("agreement_date", format_civil_time(date));
    }
    if (!reference.registry_id.empty()) {
      canon.put("agreement_registry_id", reference.registry_id);
    }
    if (!reference.spans.empty()) {
      canon.put("agreement_spans", reference.spans);
    }
  }
  canon.put("credibility", static_cast<long long>(claim.credibility.grade));
  canon.put("summary", claim.summary);
  for (const FieldProvenance& entry : claim.provenance) {
    std::string spans;
    for (const TextSpan& span : entry.spans) {
      spans += std::to_string(span.start) + "-" + std::to_string(span.end) + ";";
    }
    canon.put("provenance", entry.field + "|" + spans);
  }
  return canon.take();
}

}  // namespace truce
