// The agreement registry as the service keeps it: the bundled files of
// share/truce (agreements/*.json, geography/*.geojson) registered in every
// database when it is created or opened, user files loaded on request, and
// the registry built from what the database holds. Every change is checked
// against all other files first: a file that would break the registry is
// refused and nothing is written.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "assess/registry.hpp"
#include "core/result.hpp"
#include "storage/store.hpp"

namespace truce::service {

// The bundled registry files below `data_dir`, named "agreements/x.json" and
// "geography/x.geojson", in name order.
Result<std::vector<storage::RegistryFile>> bundled_registry_files(
    const std::filesystem::path& data_dir);

// Reads every file and builds the registry; errors name the file.
Result<assess::Registry> build_registry(const std::vector<storage::RegistryFile>& files);

// Registers the bundled files whose text the store does not hold yet (a new
// database, or a newer truce with a changed bundle). Does nothing when the
// data directory cannot be found. Returns how many files were written.
Result<int> register_bundled_files(storage::Store& store);

// `stored` with `changes` applied by name (added or replaced).
std::vector<storage::RegistryFile> merged(std::vector<storage::RegistryFile> stored,
                                          const std::vector<storage::RegistryFile>& changes);

}  // namespace truce::service
