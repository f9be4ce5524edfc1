#include "assess/facts.hpp"

#include <nlohmann/json.hpp>

#include "core/vocabulary.hpp"

namespace truce::assess {
namespace {

using Json = nlohmann::json;

// Collects "FILE: incidents/N: field 'x': problem" lines.
class FactsReader {
 public:
  explicit FactsReader(std::string_view file) : file_(file) {}

  void error(const std::string& where, const std::string& field, const std::string& message) {
    errors_.push_back(file_ + ": " + where + ": field '" + field + "': " + message);
  }
  bool ok() const { return errors_.empty(); }
  Error to_error() const {
    std::string message;
    for (const std::string& line : errors_) {
      message += (message.empty() ? "" : "\n") + line;
    }
    return make_error(ErrorCode::kInvalidInput, message, "assess: facts");
  }

  std::vector<ActorRef> actors(const Json& object, const std::string& where, const char* name) {
    std::vector<ActorRef> list;
    if (!object.contains(name)) {
      return list;
    }
    const Json& value = object[name];
    if (!value.is_array()) {
      error(where, name, R"(must be a list of {"id", "name"})");
      return list;
    }
    for (const Json& item : value) {
      if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) {
        error(where, name, "each actor needs a string \"id\"");
        continue;
      }
      list.push_back(
          {item["id"].get<std::string>(), item.value("name", item["id"].get<std::string>())});
    }
    return list;
  }

  std::optional<CountRange> count(const Json& object, const std::string& where,
                                  const std::string& field) {
    if (!object.contains("min") || !object["min"].is_number_integer()) {
      error(where, field, "needs an integer \"min\"");
      return std::nullopt;
    }
    CountRange range{object["min"].get<std::int64_t>(), std::nullopt};
    if (object.contains("max") && object["max"].is_number_integer()) {
      range.max = object["max"].get<std::int64_t>();
    }
    return range;
  }

 private:
  std::string file_;
  std::vector<std::string> errors_;
};

std::optional<GeoPoint> point_of(const Json& value) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number()) {
    return std::nullopt;
  }
  GeoPoint point{{value[0].get<double>()}, {value[1].get<double>()}};
  return is_valid(point) ? std::optional(point) : std::nullopt;
}

IncidentFacts read_incident(FactsReader& in, const Json& item, const std::string& where,
                            const PrecisionRadii& radii) {
  IncidentFacts facts;
  facts.id = item.value("id", where);
  // When
  if (!item.contains("time") || !item["time"].is_object()) {
    in.error(where, "time", R"(needs {"start", "end", "precision", "timezone"})");
  } else {
    const Json& time = item["time"];
    auto start = parse_civil_time(time.value("start", ""));
    auto end = parse_civil_time(time.value("end", time.value("start", "")));
    if (!start || !end) {
      in.error(where, "time", "start and end must be YYYY-MM-DD[THH:MM[:SS]]");
    } else {
      facts.time.start = *start;
      facts.time.end = *end;
    }
    facts.time.precision =
        parse_time_precision(time.value("precision", "day")).value_or(TimePrecision::kDay);
    facts.time.timezone = time.value("timezone", "");
    if (!facts.time.timezone.empty() && !is_valid_timezone(facts.time.timezone)) {
      in.error(where, "time/timezone", "\"" + facts.time.timezone + "\" is not a time zone");
    }
  }
  // Where
  if (item.contains("place") && item["place"].is_object()) {
    const Json& place = item["place"];
    facts.place.name = place.value("name", "");
    facts.place.theatre = place.value("theatre", "");
    if (place.contains("point")) {
      facts.place.point = point_of(place["point"]);
      if (!facts.place.point) {
        in.error(where, "place/point", "must be [longitude, latitude] within range");
      }
    }
    if (place.contains("radius_km")) {
      facts.place.radius_km =
          place["radius_km"].is_number() ? place["radius_km"].get<double>() : -1;
    } else if (place.contains("where_prec") && place["where_prec"].is_number_integer()) {
      auto precision = parse_location_precision(place["where_prec"].get<int>());
      if (!precision) {
        in.error(where, "place/where_prec", "must be UCDP's 1-7");
      } else {
        facts.place.radius_km = radii.radius_km(*precision);
      }
    }
    if (facts.place.radius_km < 0) {
      in.error(where, "place/radius_km", "must be a number of kilometres >= 0");
    }
    if (place.contains("area")) {
      const Json& area = place["area"];
      Geometry polygon{GeometryType::kPolygon, {}};
      if (area.is_object() && area.value("type", "") == "Polygon" && area.contains("coordinates")) {
        for (const Json& ring : area["coordinates"]) {
          std::vector<GeoPoint> points;
          for (const Json& position : ring) {
            if (auto point = point_of(position)) {
              points.push_back(*point);
            }
          }
          polygon.parts.push_back(std::move(points));
        }
      }
      if (std::string problem = geometry_problem(polygon); !problem.empty()) {
        in.error(where, "place/area", "a GeoJSON Polygon: " + problem);
      } else {
        facts.place.area = std::move(polygon);
      }
    }
  }
  // What
  if (item.contains("event_types") && item["event_types"].is_array()) {
    for (const Json& word : item["event_types"]) {
      auto type = word.is_string() ? parse_event_type(word.get<std::string>()) : std::nullopt;
      if (!type) {
        in.error(where, "event_types", word.dump() + " is not one of: " + words_of_event_type());
      } else {
        facts.event_types.push_back(*type);
      }
    }
  }
  if (item.contains("weapons") && item["weapons"].is_array()) {
    for (const Json& word : item["weapons"]) {
      auto weapon = word.is_string() ? parse_weapon_class(word.get<std::string>()) : std::nullopt;
      if (!weapon) {
        in.error(where, "weapons", word.dump() + " is not one of: " + words_of_weapon_class());
      } else {
        facts.weapons.push_back(*weapon);
      }
    }
  }
  // Who
  facts.perpetrators = in.actors(item, where, "perpetrators");
  facts.targets = in.actors(item, where, "targets");
  facts.claimed_by = in.actors(item, where, "claimed_by");
  auto grade = parse_attribution_grade(item.value("attribution", "undetermined"));
  if (!grade) {
    in.error(where, "attribution", "must be agreed, one_sided, contested or undetermined");
  } else {
    facts.attribution = *grade;
  }
  if (item.contains("casualties") && item["casualties"].is_array()) {
    for (const Json& figure : item["casualties"]) {
      auto status = parse_casualty_status(figure.value("status", ""));
      auto count = in.count(figure, where, "casualties");
      if (!status) {
        in.error(where, "casualties", "status must be one of: " + words_of_casualty_status());
      }
      if (status && count) {
        facts.casualties.push_back({figure.value("side", ""), *status, *count});
      }
    }
  }
  if (item.contains("assets") && item["assets"].is_array()) {
    for (const Json& asset_json : item["assets"]) {
      AssetChange asset;
      auto kind = parse_asset_kind(asset_json.value("kind", ""));
      auto outcome = parse_asset_outcome(asset_json.value("outcome", ""));
      if (!kind || !outcome) {
        in.error(where, "assets", "kind and outcome must be words of the claim vocabulary");
        continue;
      }
      asset.kind = *kind;
      asset.outcome = *outcome;
      if (asset_json.contains("min")) {
        asset.count = in.count(asset_json, where, "assets");
      }
      auto one = [&](const char* name) -> std::optional<ActorRef> {
        if (!asset_json.contains(name) || !asset_json[name].is_object()) {
          return std::nullopt;
        }
        const Json& actor = asset_json[name];
        return ActorRef{actor.value("id", ""), actor.value("name", actor.value("id", ""))};
      };
      asset.owner = one("owner");
      asset.gainer = one("gainer");
      facts.assets.push_back(std::move(asset));
    }
  }
  return facts;
}

}  // namespace

std::string_view to_string(AttributionGrade grade) {
  switch (grade) {
    case AttributionGrade::kAgreed: return "agreed";
    case AttributionGrade::kOneSided: return "one_sided";
    case AttributionGrade::kContested: return "contested";
    case AttributionGrade::kUndetermined: return "undetermined";
  }
  return "undetermined";
}

std::optional<AttributionGrade> parse_attribution_grade(std::string_view word) {
  for (AttributionGrade grade : {AttributionGrade::kAgreed, AttributionGrade::kOneSided,
                                 AttributionGrade::kContested, AttributionGrade::kUndetermined}) {
    if (to_string(grade) == word) {
      return grade;
    }
  }
  return std::nullopt;
}

Result<std::vector<IncidentFacts>> read_facts_json(std::string_view text,
                                                   std::string_view file_name,
                                                   const PrecisionRadii& radii) {
  Json root = Json::parse(text, nullptr, false);
  if (root.is_discarded()) {
    return make_error(ErrorCode::kInvalidInput, std::string(file_name) + ": not valid JSON",
                      "assess: facts");
  }
  FactsReader in(file_name);
  std::vector<IncidentFacts> incidents;
  if (!root.is_object() || !root.contains("incidents") || !root["incidents"].is_array()) {
    in.error("/", "incidents", "the file is {\"incidents\": [...]}");
    return in.to_error();
  }
  for (std::size_t i = 0; i < root["incidents"].size(); ++i) {
    const Json& item = root["incidents"][i];
    std::string where = "incidents/" + std::to_string(i);
    if (!item.is_object()) {
      in.error(where, "", "an incident is an object");
      continue;
    }
    incidents.push_back(read_incident(in, item, where, radii));
  }
  if (!in.ok()) {
    return in.to_error();
  }
  return incidents;
}

}  // namespace truce::assess
