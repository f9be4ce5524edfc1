// The agreement registry: every agreement and every geographic feature,
// checked together (shapes valid, each feature id unique, every feature a
// provision or an agreement names exists), with the geometry indexed for
// distances and containment. Built whole or not at all.
//
// Thread-safety: immutable after build; const methods may be called from many
// threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/agreement.hpp"
#include "core/result.hpp"
#include "geo/geodesy.hpp"

namespace truce::assess {

class Registry {
 public:
  // Errors, all in one kInvalidInput, one per line, each naming the file and
  // the feature or provision: "caucasus.geojson: feature 'x': ring 0
  // intersects itself", "statement.json: provision 3: unknown feature 'y'".
  static Result<Registry> build(std::vector<Agreement> agreements, std::vector<Feature> features);

  Registry(Registry&&) noexcept;
  Registry& operator=(Registry&&) noexcept;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;
  ~Registry();

  const std::vector<Agreement>& agreements() const;
  const std::vector<Feature>& features() const;
  const Agreement* agreement(std::string_view id) const;
  const Feature* feature(std::string_view id) const;
  // The lines of a line feature (or a polygon's boundary); null for a point.
  const geo::LineSet* lines(std::string_view id) const;
  // The polygon of a theatre or zone; null otherwise.
  const geo::Area* area(std::string_view id) const;

 private:
  struct Impl;
  explicit Registry(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Whether a feature is valid at a moment (UTC seconds); no period: always.
bool valid_at(const Feature& feature, std::int64_t utc_seconds);

}  // namespace truce::assess
