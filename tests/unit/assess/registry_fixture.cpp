#include "unit/assess/registry_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "serial/agreements.hpp"

namespace truce::assess::test {

Result<Registry> registry_of(const std::vector<TextFile>& agreements,
                             const std::vector<TextFile>& geography) {
  std::vector<Agreement> read_agreements;
  std::vector<Feature> features;
  for (const TextFile& file : agreements) {
    auto agreement = serial::read_agreement_json(file.text, file.name);
    if (!agreement) {
      return std::move(agreement).error();
    }
    read_agreements.push_back(std::move(*agreement));
  }
  for (const TextFile& file : geography) {
    auto read = serial::read_geography_geojson(file.text, file.name);
    if (!read) {
      return std::move(read).error();
    }
    features.insert(features.end(), read->begin(), read->end());
  }
  return Registry::build(std::move(read_agreements), std::move(features));
}

Result<Registry> bundled_registry() {
  const std::filesystem::path data = std::filesystem::path(TRUCE_SOURCE_DIR) / "data";
  auto files_in = [](const std::filesystem::path& dir, const std::string& extension) {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == extension) {
        paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    std::vector<TextFile> files;
    for (const auto& path : paths) {
      std::ifstream in(path);
      std::stringstream text;
      text << in.rdbuf();
      files.push_back({path.filename().string(), text.str()});
    }
    return files;
  };
  return registry_of(files_in(data / "agreements", ".json"),
                     files_in(data / "geography", ".geojson"));
}

PrecisionRadii bundled_precision_radii() {
  const auto path = std::filesystem::path(TRUCE_SOURCE_DIR) / "data/assessment/precision.tsv";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto radii = read_precision_radii_tsv(text.str(), "precision.tsv");
  EXPECT_TRUE(radii) << radii.error().message;
  return radii ? *radii : PrecisionRadii{};
}

GeoPoint at(double lon, double lat) {
  return {{lon}, {lat}};
}

}  // namespace truce::assess::test
