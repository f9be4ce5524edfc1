// Readers of the agreement registry's files: an agreement (JSON,
// docs/formats/agreements.md) and a geography file (GeoJSON FeatureCollection,
// docs/formats/geography.md). They check shape, vocabulary, times (every
// date-time carries its zone) and coordinates (range, closed rings); the
// geometric validity of shapes and the references between files are checked
// by assess::Registry, which sees all files at once. Errors name the file,
// the JSON pointer, the field, and for geography the feature id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/agreement.hpp"
#include "core/result.hpp"

namespace truce::serial {

// Amendments are applied on reading: each change is checked against the value
// the provision states and replaces it, and the provision records it.
Result<Agreement> read_agreement_json(std::string_view text, std::string_view file_name);
Result<std::vector<Feature>> read_geography_geojson(std::string_view text,
                                                    std::string_view file_name);

std::string write_agreement_json(const Agreement& agreement);
std::string write_geography_geojson(const std::vector<Feature>& features);

}  // namespace truce::serial
