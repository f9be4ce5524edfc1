// How far an event may be from the point a place is known by, for each of
// UCDP's where_prec codes: the radius of uncertainty an assessment works with.
// The numbers are knowledge, not code: they are read from
// share/truce/assessment/precision.tsv (docs/agreements.md, "Place precision").
//
// Thread-safety: immutable after reading.
#pragma once

#include <array>
#include <string_view>

#include "core/geo.hpp"
#include "core/result.hpp"

namespace truce::assess {

class PrecisionRadii {
 public:
  double radius_km(LocationPrecision precision) const {
    return km_[static_cast<std::size_t>(precision) - 1];
  }

 private:
  friend Result<PrecisionRadii> read_precision_radii_tsv(std::string_view text,
                                                         std::string_view file_name);
  std::array<double, 7> km_{};
};

// Lines "where_prec<TAB>radius_km<TAB>meaning", comments as in every data file
// (core/data_lines.hpp); every code 1-7 exactly once. Errors name the file,
// the line and the field.
Result<PrecisionRadii> read_precision_radii_tsv(std::string_view text, std::string_view file_name);

}  // namespace truce::assess
