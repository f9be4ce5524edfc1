// Registries for the assess tests: the bundled data of data/, or files given
// as text (synthetic theatres with fictional names).
#pragma once

#include <string>
#include <vector>

#include "assess/precision.hpp"
#include "assess/registry.hpp"

namespace truce::assess::test {

struct TextFile {
  std::string name;
  std::string text;
};

// Reads agreements (*.json) and geography (*.geojson) and builds the registry.
Result<Registry> registry_of(const std::vector<TextFile>& agreements,
                             const std::vector<TextFile>& geography);

// Everything in data/agreements and data/geography of the source tree.
Result<Registry> bundled_registry();

// data/assessment/precision.tsv of the source tree; a test failure if it does not read.
PrecisionRadii bundled_precision_radii();

GeoPoint at(double lon, double lat);

}  // namespace truce::assess::test
