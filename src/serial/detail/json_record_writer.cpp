// Writing sources, documents and claims as JSON objects (json_records.hpp).
// Member order is fixed here and is the order of docs/formats/json.md;
// empty optional members are left out, so every file has one spelling.
#include "core/vocabulary.hpp"
#include "serial/detail/json_agreements.hpp"
#include "serial/detail/json_provenance.hpp"
#include "serial/detail/json_records.hpp"

namespace truce::serial::detail {
namespace {

Json actor_to_json(const ActorRef& actor) {
  Json result = Json::object();
  result["id"] = actor.id;
  result["name"] = actor.name;
  return result;
}

void put_string(Json& object, std::string_view name, const std::string& value) {
  if (!value.empty()) {
    object[std::string(name)] = value;
  }
}

void put_actor(Json& object, std::string_view name, const std::optional<ActorRef>& actor) {
  if (actor) {
    object[std::string(name)] = actor_to_json(*actor);
  }
}

void put_range_members(Json& object, const CountRange& range) {
  object["min"] = range.min;
  object["max"] = range.max ? Json(*range.max) : Json(nullptr);
}

Json range_to_json(const CountRange& range) {
  Json result = Json::object();
  put_range_members(result, range);
  return result;
}

Json time_to_json(const TimeInterval& time) {
  Json result = Json::object();
  result["start"] = format_civil_time(time.start);
  if (!(time.end == time.start)) {
    result["end"] = format_civil_time(time.end);
  }
  result["precision"] = to_string(time.precision);
  put_string(result, "timezone", time.timezone);
  return result;
}

Json time_basis_to_json(const TimeBasis& basis) {
  Json result = Json::object();
  result["basis"] = to_string(basis.basis);
  result["from_context"] = basis.from_context;
  put_string(result, "wording", basis.wording);
  return result;
}

Json claim_actor_to_json(const ClaimActor& entry) {
  Json result = actor_to_json(entry.actor);
  result["role"] = to_string(entry.role);
  return result;
}

Json place_to_json(const Place& place, ClaimLayout layout) {
  Json result = Json::object();
  put_string(result, "name", place.name);
  if (place.geometry && layout == ClaimLayout::kReport) {
    result["geometry"] = geometry_to_json(*place.geometry);
  }
  result["precision"] = static_cast<int>(place.precision);
  put_string(result, "country", place.country);
  put_string(result, "admin1", place.admin1);
  return result;
}

Json casualty_to_json(const CasualtyFigure& figure) {
  Json side = Json::object();
  side["kind"] = to_string(figure.side.kind);
  put_actor(side, "party", figure.side.party);
  // Derived, for readers of the file; the reader checks them.
  side["id"] = figure.side.id();
  side["name"] = figure.side.name();
  Json result = Json::object();
  result["side"] = std::move(side);
  result["status"] = to_string(figure.status);
  put_range_members(result, figure.count);
  return result;
}

Json weapon_to_json(const Weapon& weapon) {
  Json result = Json::object();
  result["class"] = to_string(weapon.weapon_class);
  put_string(result, "calibre", weapon.calibre);
  return result;
}

Json asset_to_json(const AssetChange& asset) {
  Json result = Json::object();
  result["kind"] = to_string(asset.kind);
  result["outcome"] = to_string(asset.outcome);
  if (asset.count) {
    result["count"] = range_to_json(*asset.count);
  }
  put_actor(result, "owner", asset.owner);
  put_actor(result, "gainer", asset.gainer);
  put_string(result, "description", asset.description);
  return result;
}

template <typename T, typename ToJson>
void put_list(Json& object, std::string_view name, const std::vector<T>& items, ToJson to_json) {
  if (items.empty()) {
    return;
  }
  Json list = Json::array();
  for (const T& item : items) {
    list.push_back(to_json(item));
  }
  object[std::string(name)] = std::move(list);
}

}  // namespace

Json source_to_json(const Source& source) {
  Json affiliation = Json::object();
  affiliation["kind"] = to_string(source.affiliation.kind);
  put_actor(affiliation, "actor", source.affiliation.actor);
  Json result = Json::object();
  result["id"] = source.id.str();
  result["name"] = source.name;
  result["reliability"] = to_string(source.reliability);
  result["affiliation"] = std::move(affiliation);
  put_string(result, "url", source.url);
  return result;
}

Json document_to_json(const Document& document, bool with_text) {
  Json result = Json::object();
  if (document.id.str().starts_with(kKeyPrefix)) {
    result["key"] = document_reference(document.id);
  } else {
    result["id"] = document.id.str();
  }
  result["source"] = document.source.str();
  result["kind"] = to_string(document.kind);
  put_string(result, "title", document.title);
  put_string(result, "language", document.language);
  if (document.published) {
    result["published"] = format_civil_time(*document.published);
  }
  put_string(result, "url", document.url);
  if (!document.origin.empty()) {
    result["origin"] = document.origin;
  }
  put_string(result, "external_ref", document.external_ref);
  put_string(result, "content_hash", document.content_hash);
  if (with_text) {
    put_string(result, "text", document.text);
  }
  if (!document.agreement_references.empty()) {
    // Quotes even without the text: a reader of the file sees the words.
    result["agreement_references"] =
        agreement_references_to_json(document.agreement_references, CodePointIndex(document.text));
  }
  return result;
}

Json claim_to_json(const Claim& claim, ClaimLayout layout, const CodePointIndex& text) {
  Json result = Json::object();
  if (layout == ClaimLayout::kReport) {
    put_string(result, "id", claim.id.str());
  }
  result["document"] = document_reference(claim.document);
  result["claimant"] = actor_to_json(claim.claimant);
  result["event_type"] = to_string(claim.event_type);
  result["time"] = time_to_json(claim.time);
  if (!claim.time_basis.is_default()) {
    result["time_basis"] = time_basis_to_json(claim.time_basis);
  }
  if (claim.place) {
    result["place"] = place_to_json(*claim.place, layout);
  }
  put_actor(result, "perpetrator", claim.perpetrator);
  put_actor(result, "target", claim.target);
  put_list(result, "actors", claim.actors, claim_actor_to_json);
  put_list(result, "casualties", claim.casualties, casualty_to_json);
  put_list(result, "weapons", claim.weapons, weapon_to_json);
  if (claim.violations) {
    result["violations"] = range_to_json(*claim.violations);
  }
  if (claim.explosions) {
    result["explosions"] = range_to_json(*claim.explosions);
  }
  put_list(result, "assets", claim.assets, asset_to_json);
  if (!claim.agreements.empty()) {
    result["agreements"] = agreement_references_to_json(claim.agreements, text);
  }
  result["credibility"] = claim.credibility.grade;
  put_string(result, "summary", claim.summary);
  if (!claim.provenance.empty()) {
    result["provenance"] = provenance_to_json(claim.provenance);
    Json quotes = provenance_quotes_to_json(claim.provenance, text);
    if (!quotes.is_null()) {
      result["provenance_quotes"] = std::move(quotes);
    }
  }
  return result;
}

}  // namespace truce::serial::detail
