#include "service/agreements.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "serial/agreements.hpp"
#include "util/data_dir.hpp"

namespace truce::service {
namespace {

Result<std::string> read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::kUnavailable, path.string() + ": cannot be read");
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Result<std::vector<storage::RegistryFile>> bundled_registry_files(
    const std::filesystem::path& data_dir) {
  std::vector<storage::RegistryFile> files;
  for (const auto& [folder, extension, agreement] :
       {std::tuple{"agreements", ".json", true}, std::tuple{"geography", ".geojson", false}}) {
    const std::filesystem::path dir = data_dir / folder;
    if (!std::filesystem::is_directory(dir)) {
      continue;
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == extension) {
        paths.push_back(entry.path());
      }
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      auto text = read_text(path);
      if (!text) {
        return std::move(text).error();
      }
      files.push_back({std::string(folder) + "/" + path.filename().string(), agreement, true, 1,
                       std::move(*text)});
    }
  }
  return files;
}

Result<assess::Registry> build_registry(const std::vector<storage::RegistryFile>& files) {
  std::vector<Agreement> agreements;
  std::vector<Feature> features;
  std::string errors;
  for (const storage::RegistryFile& file : files) {
    if (file.agreement) {
      auto agreement = serial::read_agreement_json(file.content, file.name);
      if (agreement) {
        agreements.push_back(std::move(*agreement));
      } else {
        errors += (errors.empty() ? "" : "\n") + agreement.error().message;
      }
    } else {
      auto read = serial::read_geography_geojson(file.content, file.name);
      if (read) {
        features.insert(features.end(), read->begin(), read->end());
      } else {
        errors += (errors.empty() ? "" : "\n") + read.error().message;
      }
    }
  }
  if (!errors.empty()) {
    return make_error(ErrorCode::kInvalidInput, errors, "service: registry");
  }
  return assess::Registry::build(std::move(agreements), std::move(features));
}

std::vector<storage::RegistryFile> merged(std::vector<storage::RegistryFile> stored,
                                          const std::vector<storage::RegistryFile>& changes) {
  for (const storage::RegistryFile& change : changes) {
    auto at = std::find_if(stored.begin(), stored.end(), [&](const storage::RegistryFile& file) {
      return file.name == change.name;
    });
    if (at == stored.end()) {
      stored.push_back(change);
    } else {
      *at = change;
    }
  }
  return stored;
}

Result<int> register_bundled_files(storage::Store& store) {
  auto data = util::find_data_dir();
  if (!data) {
    return 0;
  }
  auto bundled = bundled_registry_files(*data);
  if (!bundled) {
    return std::move(bundled).error();
  }
  auto stored = store.registry_files();
  if (!stored) {
    return std::move(stored).error();
  }
  std::vector<storage::RegistryFile> changes;
  for (const storage::RegistryFile& file : *bundled) {
    auto at = std::find_if(stored->begin(), stored->end(),
                           [&](const storage::RegistryFile& s) { return s.name == file.name; });
    if (at == stored->end() || at->content != file.content) {
      changes.push_back(file);
    }
  }
  if (changes.empty()) {
    return 0;
  }
  auto registry = build_registry(merged(*stored, changes));
  if (!registry) {
    Error error = std::move(registry).error();
    error.code = ErrorCode::kDataCorruption;
    error.message = "the bundled agreements in " + data->string() +
                    " do not load (a damaged installation?):\n" + error.message;
    return error;
  }
  return store.put_registry_files(changes);
}

}  // namespace truce::service
