#include "serial/agreements.hpp"

#include <array>
#include <set>

#include "core/ids.hpp"
#include "core/vocabulary.hpp"
#include "serial/detail/json_reader.hpp"
#include "serial/detail/json_records.hpp"

namespace truce::serial {
namespace {

using detail::Json;
using detail::JsonReader;
using detail::Node;

constexpr std::string_view kAgreementFormat = "truce-agreement/1";
constexpr std::string_view kGeographyFormat = "truce-geography/1";

constexpr std::array<std::string_view, 19> kAgreementMembers{
    "format",      "id",      "version",    "title",      "parties", "mediators",   "guarantors",
    "timezone",    "signed",  "effective",  "ends",       "status",  "status_note", "area",
    "text_source", "sources", "amendments", "provisions", "note"};
constexpr std::array<std::string_view, 17> kProvisionMembers{
    "id",          "point",          "kind",       "title",   "text",  "summary",
    "binds",       "features",       "area_drawn", "from",    "until", "deadline",
    "distance_km", "weapon_classes", "force",      "members", "quorum"};
constexpr std::array<std::string_view, 5> kAmendmentMembers{"id", "agreed", "summary", "source",
                                                            "changes"};
constexpr std::array<std::string_view, 4> kChangeMembers{"provision", "field", "from", "to"};
constexpr std::array<std::string_view, 2> kActorMembers{"id", "name"};
constexpr std::array<std::string_view, 4> kCollectionMembers{"type", "format", "features", "note"};
constexpr std::array<std::string_view, 4> kFeatureMembers{"type", "id", "geometry", "properties"};
constexpr std::array<std::string_view, 10> kFeatureProperties{
    "kind",   "name",    "valid_from", "valid_until",           "approximate",
    "source", "theatre", "utc_offset", "observation_radius_km", "half_width_km"};

class AgreementReader {
 public:
  explicit AgreementReader(std::string_view file) : reader_(file) {}

  JsonReader& json() { return reader_; }

  // A date-time with its zone, or a date in the agreement's zone.
  std::optional<ZonedTime> time(const Node& node, std::optional<int> date_offset) {
    auto text = reader_.string(node);
    if (!text) {
      return std::nullopt;
    }
    if (auto zoned = parse_zoned_time(*text)) {
      return zoned;
    }
    auto civil = parse_civil_time(*text);
    if (civil && civil->time_of_day) {
      reader_.error(node.pointer, "\"" + *text +
                                      "\" has no time zone; write the UTC offset it was given "
                                      "in, e.g. \"" +
                                      *text + "+03:00\"");
      return std::nullopt;
    }
    if (civil) {
      if (!date_offset) {
        reader_.error(node.pointer, "\"" + *text +
                                        "\" is a date without a zone and the file gives no "
                                        "\"timezone\" for its dates");
        return std::nullopt;
      }
      return ZonedTime{*civil, *date_offset};
    }
    reader_.error(node.pointer, "\"" + *text +
                                    "\" is not a time: YYYY-MM-DDTHH:MM[:SS] with Z or "
                                    "+HH:MM, or a date YYYY-MM-DD");
    return std::nullopt;
  }

  std::optional<ZonedTime> optional_time(const Node& object, std::string_view name,
                                         std::optional<int> offset) {
    auto node = reader_.member(object, name);
    if (!node || (*node)->is_null()) {
      return std::nullopt;
    }
    return time(*node, offset);
  }

  std::string optional_string(const Node& object, std::string_view name) {
    auto node = reader_.member(object, name);
    return node ? reader_.string(*node).value_or("") : "";
  }

  std::string required_string(const Node& object, std::string_view name) {
    auto node = reader_.required(object, name);
    return node ? reader_.string(*node).value_or("") : "";
  }

  std::string slug(const Node& object, std::string_view name) {
    auto node = reader_.required(object, name);
    if (!node) {
      return {};
    }
    auto text = reader_.string(*node);
    if (text && !is_valid_slug(*text)) {
      reader_.error(node->pointer,
                    "\"" + *text + "\" is not an id: lower-case letters, digits and '-'");
    }
    return text.value_or("");
  }

  std::vector<std::string> strings(const Node& object, std::string_view name) {
    std::vector<std::string> values;
    auto node = reader_.member(object, name);
    if (!node || !reader_.array(*node)) {
      return values;
    }
    for (std::size_t i = 0; i < (*node)->size(); ++i) {
      if (auto text = reader_.string(reader_.element(*node, i))) {
        values.push_back(*text);
      }
    }
    return values;
  }

  std::vector<ActorRef> actors(const Node& object, std::string_view name) {
    std::vector<ActorRef> values;
    auto node = reader_.member(object, name);
    if (!node || !reader_.array(*node)) {
      return values;
    }
    for (std::size_t i = 0; i < (*node)->size(); ++i) {
      Node item = reader_.element(*node, i);
      if (reader_.object(item, kActorMembers)) {
        values.push_back({slug(item, "id"), required_string(item, "name")});
      }
    }
    return values;
  }

  std::optional<double> positive(const Node& object, std::string_view name) {
    auto node = reader_.member(object, name);
    if (!node || (*node)->is_null()) {
      return std::nullopt;
    }
    auto value = reader_.number(*node);
    if (value && !(*value > 0)) {
      reader_.error(node->pointer, "must be a positive number of kilometres");
      return std::nullopt;
    }
    return value;
  }

 private:
  JsonReader reader_;
};

Provision read_provision(AgreementReader& in, const Node& node, std::optional<int> offset) {
  JsonReader& reader = in.json();
  Provision provision;
  if (!reader.object(node, kProvisionMembers)) {
    return provision;
  }
  provision.id = in.required_string(node, "id");
  provision.point = in.optional_string(node, "point");
  if (provision.point.empty()) {
    provision.point = provision.id;
  }
  if (auto kind = reader.required(node, "kind")) {
    provision.kind =
        reader.word<ProvisionKind>(*kind, parse_provision_kind, words_of_provision_kind())
            .value_or(ProvisionKind::kOther);
  }
  provision.title = in.optional_string(node, "title");
  provision.text = in.optional_string(node, "text");
  provision.summary = in.optional_string(node, "summary");
  if (provision.text.empty() && provision.summary.empty()) {
    reader.error(node.pointer, "text",
                 R"(a provision needs its "text" (quoted) or a "summary" of a referenced text)");
  }
  provision.binds = in.strings(node, "binds");
  provision.features = in.strings(node, "features");
  if (auto drawn = reader.member(node, "area_drawn")) {
    provision.area_drawn = reader.boolean(*drawn).value_or(true);
  }
  provision.from = in.optional_time(node, "from", offset);
  provision.until = in.optional_time(node, "until", offset);
  provision.deadline = in.optional_time(node, "deadline", offset);
  provision.distance_km = in.positive(node, "distance_km");
  if (auto classes = reader.member(node, "weapon_classes"); classes && reader.array(*classes)) {
    for (std::size_t i = 0; i < (*classes)->size(); ++i) {
      if (auto weapon = reader.word<WeaponClass>(reader.element(*classes, i), parse_weapon_class,
                                                 words_of_weapon_class())) {
        provision.weapon_classes.push_back(*weapon);
      }
    }
  }
  provision.force = in.optional_string(node, "force");
  provision.members = in.strings(node, "members");
  if (auto quorum = reader.member(node, "quorum")) {
    provision.quorum = static_cast<int>(reader.integer(*quorum, 1, 100).value_or(0));
  }
  auto need = [&](bool present, std::string_view field, std::string_view what) {
    if (!present) {
      reader.error(
          node.pointer, field,
          "a " + std::string(to_string(provision.kind)) + " provision needs " + std::string(what));
    }
  };
  switch (provision.kind) {
    case ProvisionKind::kWithdrawal:
      need(provision.deadline.has_value(), "deadline", "a \"deadline\"");
      need(!provision.features.empty(), "features", "the area to leave in \"features\"");
      break;
    case ProvisionKind::kHeavyWeaponsLimit:
      need(provision.distance_km.has_value(), "distance_km", "a \"distance_km\"");
      need(!provision.features.empty(), "features", "the line in \"features\"");
      need(!provision.weapon_classes.empty(), "weapon_classes", "its \"weapon_classes\"");
      break;
    case ProvisionKind::kCorridorSecurity:
      need(!provision.features.empty(), "features", "the corridor in \"features\"");
      break;
    case ProvisionKind::kPeacekeepers:
      need(!provision.force.empty(), "force", "the \"force\" (an actor id)");
      break;
    case ProvisionKind::kMonitoring:
      need(!provision.members.empty(), "members", "its \"members\"");
      if (provision.quorum > static_cast<int>(provision.members.size())) {
        reader.error(node.pointer, "quorum", "is larger than the number of members");
      }
      if (provision.quorum == 0) {
        provision.quorum = static_cast<int>(provision.members.size());
      }
      break;
    default: break;
  }
  return provision;
}

void apply_change(JsonReader& reader, const Node& node, Agreement& agreement,
                  const Amendment& amendment, const AmendmentChange& change) {
  for (Provision& provision : agreement.provisions) {
    if (provision.id != change.provision) {
      continue;
    }
    std::optional<ZonedTime>* field = change.field == "deadline" ? &provision.deadline
                                      : change.field == "until"  ? &provision.until
                                                                 : nullptr;
    if (field == nullptr) {
      reader.error(node.pointer, "field",
                   "\"" + change.field + "\" cannot be amended; fields: deadline, until");
      return;
    }
    auto parse = [&](const std::string& text) -> std::optional<ZonedTime> {
      if (auto zoned = parse_zoned_time(text)) {
        return zoned;
      }
      auto civil = parse_civil_time(text);
      if (civil && !civil->time_of_day) {
        return ZonedTime{*civil, agreement.utc_offset_minutes};
      }
      return std::nullopt;
    };
    auto from = parse(change.from);
    auto to = parse(change.to);
    if (!from || !to) {
      reader.error(node.pointer, "to", R"("from" and "to" must be times with a zone or dates)");
      return;
    }
    if (*field != from) {
      reader.error(node.pointer, "from",
                   "provision " + provision.id + "'s " + change.field + " is not " + change.from);
      return;
    }
    if (change.field == "deadline") {
      provision.original_deadline = *field;
    }
    *field = to;
    provision.amended_by = amendment.id;
    return;
  }
  reader.error(node.pointer, "provision", "no provision \"" + change.provision + "\"");
}

std::optional<int> read_offset(JsonReader& reader, const Node& node) {
  auto text = reader.string(node);
  if (!text) {
    return std::nullopt;
  }
  auto offset = parse_utc_offset(*text);
  if (!offset) {
    reader.error(node.pointer, "\"" + *text + "\" is not a UTC offset (+HH:MM, -HH:MM or Z)");
  }
  return offset;
}

void read_format(JsonReader& reader, const Node& root, std::string_view expected) {
  if (auto format = reader.required(root, "format")) {
    auto text = reader.string(*format);
    if (text && *text != expected) {
      reader.error(format->pointer, "\"" + *text + "\" is not \"" + std::string(expected) + "\"");
    }
  }
}

std::optional<Feature> read_feature(AgreementReader& in, const Node& node,
                                    std::set<std::string>& ids) {
  JsonReader& reader = in.json();
  detail::ErrorMark mark(reader);
  if (!reader.object(node, kFeatureMembers)) {
    return std::nullopt;
  }
  Feature feature;
  feature.file = reader.file();
  feature.id = in.slug(node, "id");
  std::string label = "feature '" + feature.id + "': ";
  if (!feature.id.empty() && !ids.insert(feature.id).second) {
    reader.error(node.pointer, "id", label + "appears twice in the file");
  }
  if (auto properties = reader.required(node, "properties");
      properties && reader.object(*properties, kFeatureProperties)) {
    if (auto kind = reader.required(*properties, "kind")) {
      feature.kind = reader.word<FeatureKind>(*kind, parse_feature_kind, words_of_feature_kind())
                         .value_or(FeatureKind::kZone);
    }
    feature.name = in.required_string(*properties, "name");
    auto zoned = [&](std::string_view name) -> std::optional<ZonedTime> {
      auto member = reader.member(*properties, name);
      if (!member || (*member)->is_null()) {
        return std::nullopt;
      }
      auto text = reader.string(*member);
      if (!text) {
        return std::nullopt;
      }
      auto time = parse_zoned_time(*text);
      if (!time) {
        reader.error(member->pointer,
                     label + "\"" + *text +
                         "\" is not a date-time with a zone offset (e.g. "
                         "2020-11-10T00:00+03:00); a time without zone is ambiguous");
      }
      return time;
    };
    feature.valid_from = zoned("valid_from");
    feature.valid_until = zoned("valid_until");
    if (feature.valid_from && feature.valid_until &&
        utc_seconds(*feature.valid_until) <= utc_seconds(*feature.valid_from)) {
      reader.error(properties->pointer, "valid_until", label + "ends before it begins");
    }
    if (auto approximate = reader.member(*properties, "approximate")) {
      feature.approximate = reader.boolean(*approximate).value_or(false);
    }
    feature.source = in.optional_string(*properties, "source");
    if (feature.approximate && feature.source.empty()) {
      reader.error(properties->pointer, "source",
                   label + "approximate geometry must name its \"source\"");
    }
    feature.theatre = in.optional_string(*properties, "theatre");
    if (auto offset = reader.member(*properties, "utc_offset")) {
      feature.utc_offset_minutes = read_offset(reader, *offset);
    }
    feature.observation_radius_km = in.positive(*properties, "observation_radius_km");
    feature.half_width_km = in.positive(*properties, "half_width_km");
  }
  if (auto geometry_node = reader.required(node, "geometry")) {
    detail::ErrorMark geometry_mark(reader);
    if (auto geometry = detail::read_geometry(reader, *geometry_node)) {
      feature.geometry = std::move(*geometry);
    }
    if (!geometry_mark.clean()) {
      reader.error(node.pointer, "geometry", label + "invalid coordinates (see above)");
    } else if (std::string problem = geometry_problem(feature.geometry); !problem.empty()) {
      reader.error(geometry_node->pointer, "geometry", label + problem);
    }
  }
  if (!mark.clean()) {
    return std::nullopt;
  }
  auto expect = [&](bool ok, std::string_view what) {
    if (!ok) {
      reader.error(node.pointer, "geometry",
                   label + "a feature of kind " + std::string(to_string(feature.kind)) + " must " +
                       std::string(what));
    }
  };
  const GeometryType type = feature.geometry.type;
  const bool line = type == GeometryType::kLineString || type == GeometryType::kMultiLineString;
  switch (feature.kind) {
    case FeatureKind::kTheatre:
      expect(type == GeometryType::kPolygon, "be a Polygon");
      expect(feature.utc_offset_minutes.has_value(), "have a \"utc_offset\" for its days");
      break;
    case FeatureKind::kZone: expect(type == GeometryType::kPolygon, "be a Polygon"); break;
    case FeatureKind::kLineOfContact:
    case FeatureKind::kStateBorder: expect(line, "be a LineString or MultiLineString"); break;
    case FeatureKind::kCorridor:
      expect(line, "be a LineString or MultiLineString");
      expect(feature.half_width_km.has_value(), "have a \"half_width_km\"");
      break;
    case FeatureKind::kPeacekeeperPost: expect(type == GeometryType::kPoint, "be a Point"); break;
    case FeatureKind::kObservationPost:
      expect(type == GeometryType::kPoint, "be a Point");
      expect(feature.observation_radius_km.has_value(), "have an \"observation_radius_km\"");
      break;
  }
  return mark.clean() ? std::optional(std::move(feature)) : std::nullopt;
}

Json actors_json(const std::vector<ActorRef>& actors) {
  Json list = Json::array();
  for (const ActorRef& actor : actors) {
    list.push_back(Json{{"id", actor.id}, {"name", actor.name}});
  }
  return list;
}

Json time_json(const std::optional<ZonedTime>& time) {
  if (!time) {
    return nullptr;
  }
  return time->local.time_of_day ? format_zoned_time(*time) : format_civil_time(time->local);
}

}  // namespace

Result<Agreement> read_agreement_json(std::string_view text, std::string_view file_name) {
  auto parsed = detail::parse_json(text, file_name);
  if (!parsed) {
    return std::move(parsed).error();
  }
  AgreementReader in(file_name);
  JsonReader& reader = in.json();
  Node root{&*parsed, ""};
  Agreement agreement;
  agreement.file = std::string(file_name);
  if (!reader.object(root, kAgreementMembers)) {
    return reader.to_error();
  }
  read_format(reader, root, kAgreementFormat);
  agreement.id = in.slug(root, "id");
  if (auto version = reader.required(root, "version")) {
    agreement.version = static_cast<int>(reader.integer(*version, 1, 1000000).value_or(1));
  }
  agreement.title = in.required_string(root, "title");
  agreement.parties = in.actors(root, "parties");
  if (agreement.parties.empty()) {
    reader.error("/parties", "parties", "an agreement needs at least one party");
  }
  agreement.mediators = in.actors(root, "mediators");
  agreement.guarantors = in.actors(root, "guarantors");
  std::optional<int> offset;
  if (auto zone = reader.required(root, "timezone")) {
    offset = read_offset(reader, *zone);
  }
  agreement.utc_offset_minutes = offset.value_or(0);
  agreement.signed_at = in.optional_time(root, "signed", offset);
  if (auto effective = reader.required(root, "effective")) {
    if (auto time = in.time(*effective, offset)) {
      agreement.effective = *time;
    }
  }
  agreement.ends = in.optional_time(root, "ends", offset);
  if (auto status = reader.required(root, "status")) {
    agreement.status =
        reader.word<AgreementStatus>(*status, parse_agreement_status, words_of_agreement_status())
            .value_or(AgreementStatus::kInForce);
  }
  agreement.status_note = in.optional_string(root, "status_note");
  agreement.area = in.strings(root, "area");
  agreement.text_source = in.required_string(root, "text_source");
  agreement.sources = in.strings(root, "sources");
  if (auto provisions = reader.required(root, "provisions");
      provisions && reader.array(*provisions)) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < (*provisions)->size(); ++i) {
      Node node = reader.element(*provisions, i);
      Provision provision = read_provision(in, node, offset);
      if (!provision.id.empty() && !ids.insert(provision.id).second) {
        reader.error(node.pointer, "id", "provision \"" + provision.id + "\" appears twice");
      }
      std::set<std::string> known;
      for (const auto* list : {&agreement.parties, &agreement.mediators, &agreement.guarantors}) {
        for (const ActorRef& actor : *list) {
          known.insert(actor.id);
        }
      }
      for (const std::string& party : provision.binds) {
        if (known.count(party) == 0) {
          reader.error(node.pointer, "binds",
                       "provision " + provision.id + " binds \"" + party +
                           "\", who is not a party, mediator or guarantor of the agreement");
        }
      }
      agreement.provisions.push_back(std::move(provision));
    }
  }
  if (auto amendments = reader.member(root, "amendments");
      amendments && reader.array(*amendments)) {
    for (std::size_t i = 0; i < (*amendments)->size(); ++i) {
      Node node = reader.element(*amendments, i);
      if (!reader.object(node, kAmendmentMembers)) {
        continue;
      }
      Amendment amendment;
      amendment.id = in.slug(node, "id");
      amendment.agreed = in.optional_time(node, "agreed", offset);
      amendment.summary = in.required_string(node, "summary");
      amendment.source = in.required_string(node, "source");
      if (auto changes = reader.member(node, "changes"); changes && reader.array(*changes)) {
        for (std::size_t c = 0; c < (*changes)->size(); ++c) {
          Node change_node = reader.element(*changes, c);
          if (!reader.object(change_node, kChangeMembers)) {
            continue;
          }
          AmendmentChange change{in.required_string(change_node, "provision"),
                                 in.required_string(change_node, "field"),
                                 in.required_string(change_node, "from"),
                                 in.required_string(change_node, "to")};
          if (reader.error_count() == 0) {
            apply_change(reader, change_node, agreement, amendment, change);
          }
          amendment.changes.push_back(std::move(change));
        }
      }
      agreement.amendments.push_back(std::move(amendment));
    }
  }
  if (agreement.ends && utc_seconds(*agreement.ends) <= utc_seconds(agreement.effective)) {
    reader.error("/ends", "ends", "the agreement ends before it takes effect");
  }
  if (reader.error_count() > 0) {
    return reader.to_error();
  }
  return agreement;
}

Result<std::vector<Feature>> read_geography_geojson(std::string_view text,
                                                    std::string_view file_name) {
  auto parsed = detail::parse_json(text, file_name);
  if (!parsed) {
    return std::move(parsed).error();
  }
  AgreementReader in(file_name);
  JsonReader& reader = in.json();
  Node root{&*parsed, ""};
  std::vector<Feature> features;
  if (!reader.object(root, kCollectionMembers)) {
    return reader.to_error();
  }
  read_format(reader, root, kGeographyFormat);
  if (auto type = reader.required(root, "type")) {
    if (reader.string(*type).value_or("") != "FeatureCollection") {
      reader.error(type->pointer, "must be \"FeatureCollection\"");
    }
  }
  std::set<std::string> ids;
  if (auto list = reader.required(root, "features"); list && reader.array(*list)) {
    for (std::size_t i = 0; i < (*list)->size() && !reader.full(); ++i) {
      if (auto feature = read_feature(in, reader.element(*list, i), ids)) {
        features.push_back(std::move(*feature));
      }
    }
  }
  if (reader.error_count() > 0) {
    return reader.to_error();
  }
  return features;
}

std::string write_agreement_json(const Agreement& agreement) {
  Json root;
  root["format"] = kAgreementFormat;
  root["id"] = agreement.id;
  root["version"] = agreement.version;
  root["title"] = agreement.title;
  root["parties"] = actors_json(agreement.parties);
  root["mediators"] = actors_json(agreement.mediators);
  root["guarantors"] = actors_json(agreement.guarantors);
  root["timezone"] = format_utc_offset(agreement.utc_offset_minutes);
  root["signed"] = time_json(agreement.signed_at);
  root["effective"] = time_json(agreement.effective);
  root["ends"] = time_json(agreement.ends);
  root["status"] = to_string(agreement.status);
  root["status_note"] = agreement.status_note;
  root["area"] = agreement.area;
  root["text_source"] = agreement.text_source;
  root["sources"] = agreement.sources;
  Json amendments = Json::array();
  for (const Amendment& amendment : agreement.amendments) {
    Json changes = Json::array();
    for (const AmendmentChange& change : amendment.changes) {
      changes.push_back(Json{{"provision", change.provision},
                             {"field", change.field},
                             {"from", change.from},
                             {"to", change.to}});
    }
    amendments.push_back(Json{{"id", amendment.id},
                              {"agreed", time_json(amendment.agreed)},
                              {"summary", amendment.summary},
                              {"source", amendment.source},
                              {"changes", changes}});
  }
  root["amendments"] = amendments;
  Json provisions = Json::array();
  for (const Provision& p : agreement.provisions) {
    Json item{{"id", p.id}, {"point", p.point}, {"kind", to_string(p.kind)}, {"title", p.title}};
    if (!p.text.empty()) {
      item["text"] = p.text;
    }
    if (!p.summary.empty()) {
      item["summary"] = p.summary;
    }
    item["binds"] = p.binds;
    item["features"] = p.features;
    item["area_drawn"] = p.area_drawn;
    item["from"] = time_json(p.from);
    item["until"] = time_json(p.until);
    item["deadline"] = time_json(p.deadline);
    if (p.original_deadline) {
      item["original_deadline"] = time_json(p.original_deadline);
      item["amended_by"] = p.amended_by;
    }
    if (p.distance_km) {
      item["distance_km"] = *p.distance_km;
    }
    if (!p.weapon_classes.empty()) {
      Json classes = Json::array();
      for (WeaponClass weapon : p.weapon_classes) {
        classes.push_back(to_string(weapon));
      }
      item["weapon_classes"] = classes;
    }
    if (!p.force.empty()) {
      item["force"] = p.force;
    }
    if (!p.members.empty()) {
      item["members"] = p.members;
      item["quorum"] = p.quorum;
    }
    provisions.push_back(item);
  }
  root["provisions"] = provisions;
  return detail::pretty_print(root);
}

std::string write_geography_geojson(const std::vector<Feature>& features) {
  Json list = Json::array();
  for (const Feature& f : features) {
    Json properties{{"kind", to_string(f.kind)}, {"name", f.name}};
    properties["valid_from"] = time_json(f.valid_from);
    properties["valid_until"] = time_json(f.valid_until);
    properties["approximate"] = f.approximate;
    properties["source"] = f.source;
    if (!f.theatre.empty()) {
      properties["theatre"] = f.theatre;
    }
    if (f.utc_offset_minutes) {
      properties["utc_offset"] = format_utc_offset(*f.utc_offset_minutes);
    }
    if (f.observation_radius_km) {
      properties["observation_radius_km"] = *f.observation_radius_km;
    }
    if (f.half_width_km) {
      properties["half_width_km"] = *f.half_width_km;
    }
    list.push_back(Json{{"type", "Feature"},
                        {"id", f.id},
                        {"geometry", detail::geometry_to_json(f.geometry)},
                        {"properties", properties}});
  }
  return detail::pretty_print(
      Json{{"type", "FeatureCollection"}, {"format", kGeographyFormat}, {"features", list}});
}

}  // namespace truce::serial
