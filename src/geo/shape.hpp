// Validity of a feature's geometry beyond its structure (core::geometry_problem
// checks coordinates and closed rings): self-intersecting lines and polygons,
// rings that cross each other. Uses Boost.Geometry's validity checks.
#pragma once

#include <string>

#include "core/geo.hpp"

namespace truce::geo {

// Why the geometry is not acceptable, in words ("ring 0 intersects itself"), or
// empty. Runs core's geometry_problem first.
std::string shape_problem(const Geometry& geometry);

}  // namespace truce::geo
