// GeoJSON FeatureCollections of claims, for maps and GIS tools
// (docs/formats/geojson.md). Each feature is one claim: its geometry is the
// claim's place, its properties the claim's members as in the JSON report,
// with the claim's document and source embedded so a file stands on its own.
#include <array>
#include <map>
#include <utility>

#include "serial/detail/json_batch.hpp"
#include "serial/detail/json_parse.hpp"
#include "serial/detail/json_reader.hpp"
#include "serial/detail/json_records.hpp"
#include "serial/formats.hpp"

namespace truce::serial {
namespace {

using detail::Json;
using detail::Node;

constexpr std::string_view kFormat = "truce-claims";
constexpr std::int64_t kVersion = 1;
constexpr std::array<std::string_view, 5> kCollectionMembers{"type", "format", "version",
                                                             "features", "bbox"};
constexpr std::array<std::string_view, 5> kFeatureMembers{"type", "id", "geometry", "properties",
                                                          "bbox"};

void expect_word(detail::JsonReader& reader, const Node& object, std::string_view name,
                 std::string_view expected) {
  if (auto node = reader.required(object, name)) {
    if (auto text = reader.string(*node); text && *text != expected) {
      reader.error(node->pointer,
                   "is \"" + *text + "\"; expected \"" + std::string(expected) + "\"");
    }
  }
}

bool read_collection_header(detail::JsonReader& reader, const Node& root) {
  std::size_t errors_before = reader.error_count();
  if (!reader.object(root, kCollectionMembers)) {
    return false;
  }
  expect_word(reader, root, "type", "FeatureCollection");
  // "format" and "version" are ours (GeoJSON foreign members); a plain
  // FeatureCollection from another tool has neither and is read all the same.
  if (reader.member(root, "format")) {
    expect_word(reader, root, "format", kFormat);
  }
  if (auto version = reader.member(root, "version")) {
    if (auto number = reader.integer(*version); number && *number != kVersion) {
      reader.error(version->pointer, "version " + std::to_string(*number) +
                                         " is not supported; this truce reads version " +
                                         std::to_string(kVersion));
    }
  }
  if (auto bbox = reader.member(root, "bbox")) {
    reader.array(*bbox);  // derived; GeoJSON allows it, we do not keep it
  }
  return reader.error_count() == errors_before;
}

// A feature's properties, if the feature has the shape of one; reports
// problems only when `report` (the first pass), so they are not given twice.
std::optional<Node> properties_of(detail::JsonReader& reader, const Node& feature, bool report) {
  if (!report) {
    auto properties = feature->is_object() ? reader.member(feature, "properties") : std::nullopt;
    return properties && (*properties)->is_object() ? properties : std::nullopt;
  }
  if (!reader.object(feature, kFeatureMembers)) {
    return std::nullopt;
  }
  expect_word(reader, feature, "type", "Feature");
  if (auto bbox = reader.member(feature, "bbox")) {
    reader.array(*bbox);
  }
  std::optional<Node> properties = reader.required(feature, "properties");
  if (properties && !(*properties)->is_object()) {
    reader.error(properties->pointer, "must be an object holding the claim");
    return std::nullopt;
  }
  return properties;
}

// First pass: the sources and documents the features carry.
void read_embedded_records(detail::JsonReader& reader, detail::BatchBuilder& builder,
                           const Node& properties) {
  std::optional<Source> source;
  std::optional<Node> source_node = reader.member(properties, "source");
  if (source_node) {
    source = detail::read_source(reader, *source_node);
  }
  std::optional<Node> document_node = reader.member(properties, "document");
  if (document_node && (*document_node)->is_object()) {
    if (auto document = detail::read_document(reader, *document_node)) {
      if (source && !(source->id == document->source)) {
        reader.error(source_node->pointer + "/id", "is \"" + source->id.str() +
                                                       "\" but the document's source is \"" +
                                                       document->source.str() + "\"");
      }
      builder.add_document(std::move(*document), document_node->pointer);
    } else if (auto id = detail::peek_document_id(*document_node)) {
      builder.add_document_with_errors(*id);
    }
  }
  if (source) {
    builder.add_source(std::move(*source), source_node->pointer);
  }
}

// Second pass: the claim, with its id and geometry from the feature.
void read_feature_claim(detail::JsonReader& reader, detail::BatchBuilder& builder,
                        const detail::DocumentLookup& lookup, const Node& feature,
                        const Node& properties) {
  std::size_t errors_before = reader.error_count();
  std::optional<Claim> claim =
      detail::read_claim(reader, properties, detail::ClaimLayout::kGeoJson, lookup);
  if (auto id = reader.member(feature, "id")) {
    std::optional<ClaimId> claim_id = detail::read_claim_id(reader, *id);
    if (claim && claim_id) {
      claim->id = *claim_id;
    }
  }
  std::optional<Node> geometry_node = reader.required(feature, "geometry");
  std::optional<Geometry> geometry;
  if (geometry_node && !(*geometry_node)->is_null()) {
    geometry = detail::read_geometry(reader, *geometry_node);
    if (claim && geometry && !claim->place) {
      reader.error(properties.pointer, "place",
                   "is missing; a feature with a geometry needs a place with at least its "
                   "\"precision\"");
    }
  }
  if (!claim || reader.error_count() != errors_before) {
    return;
  }
  if (geometry) {
    claim->place->geometry = std::move(*geometry);
  }
  builder.add_claim(std::move(*claim), properties.pointer,
                    geometry_node ? geometry_node->pointer : std::string());
}

}  // namespace

Result<IntakeBatch> read_claims_geojson(std::string_view text, std::string_view file_name) {
  Result<Json> parsed = detail::parse_json(text, file_name);
  if (!parsed) {
    return std::move(parsed).error();
  }
  detail::JsonReader reader(file_name);
  Node root{&*parsed, ""};
  if (!read_collection_header(reader, root)) {
    return reader.to_error();
  }
  std::optional<Node> features = reader.required(root, "features");
  if (!features || !reader.array(*features)) {
    return reader.to_error();
  }
  detail::BatchBuilder builder(reader, detail::BatchBuilder::Repeats::kMergeIdentical);
  // Two passes, so a feature may name a document that a later feature carries.
  for (std::size_t i = 0; i < (*features)->size() && !reader.full(); ++i) {
    Node feature = reader.element(*features, i);
    if (auto properties = properties_of(reader, feature, true)) {
      read_embedded_records(reader, builder, *properties);
    }
  }
  detail::DocumentLookup lookup = builder.lookup();
  for (std::size_t i = 0; i < (*features)->size() && !reader.full(); ++i) {
    Node feature = reader.element(*features, i);
    if (auto properties = properties_of(reader, feature, false)) {
      read_feature_claim(reader, builder, lookup, feature, *properties);
    }
  }
  if (reader.error_count() > 0) {
    return reader.to_error();
  }
  return builder.take();
}

std::string write_claims_geojson(const IntakeBatch& batch) {
  std::map<DocumentId, std::pair<const Document*, CodePointIndex>> documents;
  for (const Document& document : batch.documents) {
    documents.emplace(document.id, std::pair(&document, CodePointIndex(document.text)));
  }
  const CodePointIndex no_text{std::string_view{}};
  std::map<SourceId, const Source*> sources;
  for (const Source& source : batch.sources) {
    sources.emplace(source.id, &source);
  }
  Json features = Json::array();
  for (const Claim& claim : batch.claims) {
    auto document = documents.find(claim.document);
    const Document* known = document == documents.end() ? nullptr : document->second.first;
    Json members = detail::claim_to_json(claim, detail::ClaimLayout::kGeoJson,
                                         known == nullptr ? no_text : document->second.second);
    Json properties = Json::object();
    for (auto& [name, value] : members.items()) {
      if (name != "document" || known == nullptr) {
        properties[name] = std::move(value);
        continue;
      }
      // The text stays out: GeoJSON files are for maps and are repeated per feature.
      properties["document"] = detail::document_to_json(*known, false);
      if (auto source = sources.find(known->source); source != sources.end()) {
        properties["source"] = detail::source_to_json(*source->second);
      }
    }
    Json feature = Json::object();
    feature["type"] = "Feature";
    if (!claim.id.empty()) {
      feature["id"] = claim.id.str();
    }
    bool has_geometry = claim.place && claim.place->geometry;
    feature["geometry"] = has_geometry ? detail::geometry_to_json(*claim.place->geometry) : Json();
    feature["properties"] = std::move(properties);
    features.push_back(std::move(feature));
  }
  Json root = Json::object();
  root["type"] = "FeatureCollection";
  root["format"] = kFormat;
  root["version"] = kVersion;
  root["features"] = std::move(features);
  return detail::pretty_print(root);
}

}  // namespace truce::serial
