#include "assess/registry.hpp"

#include <set>

#include "geo/shape.hpp"

namespace truce::assess {

struct Registry::Impl {
  std::vector<Agreement> agreements;
  std::vector<Feature> features;
  std::map<std::string, std::size_t, std::less<>> feature_index;
  std::map<std::string, std::unique_ptr<geo::LineSet>, std::less<>> lines;
  std::map<std::string, std::unique_ptr<geo::Area>, std::less<>> areas;
};

Registry::Registry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(Registry&&) noexcept = default;
Registry::~Registry() = default;

Result<Registry> Registry::build(std::vector<Agreement> agreements, std::vector<Feature> features) {
  auto impl = std::make_unique<Impl>();
  std::vector<std::string> errors;
  for (std::size_t i = 0; i < features.size(); ++i) {
    const Feature& feature = features[i];
    std::string label = feature.file + ": feature '" + feature.id + "': ";
    if (auto [at, added] = impl->feature_index.emplace(feature.id, i); !added) {
      errors.push_back(label + "the id is also used in " + features[at->second].file);
      continue;
    }
    if (std::string problem = geo::shape_problem(feature.geometry); !problem.empty()) {
      errors.push_back(label + problem);
    }
  }
  std::set<std::string> agreement_ids;
  for (const Agreement& agreement : agreements) {
    if (!agreement_ids.insert(agreement.id).second) {
      errors.push_back(agreement.file + ": agreement '" + agreement.id +
                       "': another file has the same id");
    }
    for (const std::string& id : agreement.area) {
      if (impl->feature_index.count(id) == 0) {
        errors.push_back(agreement.file + ": field 'area': unknown feature '" + id + "'");
      }
    }
    for (const Provision& provision : agreement.provisions) {
      for (const std::string& id : provision.features) {
        if (impl->feature_index.count(id) == 0) {
          errors.push_back(agreement.file + ": provision " + provision.id + ": unknown feature '" +
                           id + "' (no geography file defines it)");
        }
      }
    }
  }
  for (const Feature& feature : features) {
    if (!feature.theatre.empty()) {
      auto at = impl->feature_index.find(feature.theatre);
      if (at == impl->feature_index.end() || features[at->second].kind != FeatureKind::kTheatre) {
        errors.push_back(feature.file + ": feature '" + feature.id + "': theatre '" +
                         feature.theatre + "' is not a theatre feature");
      }
    }
  }
  if (!errors.empty()) {
    std::string message;
    for (const std::string& line : errors) {
      message += (message.empty() ? "" : "\n") + line;
    }
    return make_error(ErrorCode::kInvalidInput, message, "assess: registry");
  }
  for (const Feature& feature : features) {
    switch (feature.geometry.type) {
      case GeometryType::kPolygon:
        impl->areas.emplace(feature.id, std::make_unique<geo::Area>(feature.geometry));
        impl->lines.emplace(feature.id, std::make_unique<geo::LineSet>(feature.geometry.parts));
        break;
      case GeometryType::kLineString:
      case GeometryType::kMultiLineString:
        impl->lines.emplace(feature.id, std::make_unique<geo::LineSet>(feature.geometry.parts));
        break;
      case GeometryType::kPoint: break;
    }
  }
  impl->agreements = std::move(agreements);
  impl->features = std::move(features);
  return Registry(std::move(impl));
}

const std::vector<Agreement>& Registry::agreements() const {
  return impl_->agreements;
}
const std::vector<Feature>& Registry::features() const {
  return impl_->features;
}

const Agreement* Registry::agreement(std::string_view id) const {
  for (const Agreement& agreement : impl_->agreements) {
    if (agreement.id == id) {
      return &agreement;
    }
  }
  return nullptr;
}

const Feature* Registry::feature(std::string_view id) const {
  auto at = impl_->feature_index.find(id);
  return at == impl_->feature_index.end() ? nullptr : &impl_->features[at->second];
}

const geo::LineSet* Registry::lines(std::string_view id) const {
  auto at = impl_->lines.find(id);
  return at == impl_->lines.end() ? nullptr : at->second.get();
}

const geo::Area* Registry::area(std::string_view id) const {
  auto at = impl_->areas.find(id);
  return at == impl_->areas.end() ? nullptr : at->second.get();
}

bool valid_at(const Feature& feature, std::int64_t moment) {
  if (feature.valid_from && moment < utc_seconds(*feature.valid_from)) {
    return false;
  }
  return !(feature.valid_until && moment > utc_seconds_end(*feature.valid_until));
}

}  // namespace truce::assess
