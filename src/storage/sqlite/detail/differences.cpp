#include "storage/sqlite/detail/differences.hpp"

#include <initializer_list>
#include <utility>

#include "core/vocabulary.hpp"

namespace truce::storage::sqlite::detail {
namespace {

using FieldDiffers = std::pair<std::string_view, bool>;

// Every comparison is evaluated; this runs only when a conflict is reported.
std::string_view first_differing(std::initializer_list<FieldDiffers> fields) {
  for (const auto& [name, differs] : fields) {
    if (differs) {
      return name;
    }
  }
  return {};
}

}  // namespace

std::string_view first_difference(const Source& stored, const Source& given) {
  return first_differing({
      {"id", stored.id != given.id},
      {"name", stored.name != given.name},
      {"reliability", stored.reliability != given.reliability},
      {"affiliation", stored.affiliation != given.affiliation},
      {"url", stored.url != given.url},
  });
}

std::string_view first_difference(const Document& stored, const Document& given) {
  return first_differing({
      {"id", stored.id != given.id},
      {"source", stored.source != given.source},
      {"kind", stored.kind != given.kind},
      {"title", stored.title != given.title},
      {"language", stored.language != given.language},
      {"published", stored.published != given.published},
      {"url", stored.url != given.url},
      {"origin", stored.origin != given.origin},
      {"external_ref", stored.external_ref != given.external_ref},
      {"text", stored.text != given.text},
      {"content_hash", stored.content_hash != given.content_hash},
      {"agreement_references", stored.agreement_references != given.agreement_references},
  });
}

std::string_view first_difference(const Claim& stored, const Claim& given) {
  return first_differing({
      {"id", stored.id != given.id},
      {"document", stored.document != given.document},
      {"claimant", stored.claimant != given.claimant},
      {"event_type", stored.event_type != given.event_type},
      {"time", stored.time != given.time},
      {"time_basis", stored.time_basis != given.time_basis},
      {"place", stored.place != given.place},
      {"perpetrator", stored.perpetrator != given.perpetrator},
      {"target", stored.target != given.target},
      {"actors", stored.actors != given.actors},
      {"casualties", stored.casualties != given.casualties},
      {"weapons", stored.weapons != given.weapons},
      {"violations", stored.violations != given.violations},
      {"explosions", stored.explosions != given.explosions},
      {"assets", stored.assets != given.assets},
      {"agreements", stored.agreements != given.agreements},
      {"credibility", stored.credibility != given.credibility},
      {"summary", stored.summary != given.summary},
      {"provenance", stored.provenance != given.provenance},
  });
}

std::string describe_source_field(const Source& source, std::string_view field) {
  std::string text;
  if (field == "name") {
    text = source.name;
  } else if (field == "reliability") {
    text = to_string(source.reliability);
  } else if (field == "url") {
    text = source.url;
  } else if (field == "affiliation") {
    text = to_string(source.affiliation.kind);
    if (source.affiliation.actor) {
      text += ":" + source.affiliation.actor->id;
    }
  } else {
    text = source.id.str();
  }
  return "'" + text + "'";
}

}  // namespace truce::storage::sqlite::detail
