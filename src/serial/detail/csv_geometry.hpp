// The `geometry` cell: a GeoJSON geometry object as text, for places that are
// lines or areas. Points normally use the lon/lat cells instead.
#pragma once

#include <string>
#include <string_view>

#include "core/geo.hpp"
#include "core/result.hpp"

namespace truce::serial::detail {

// Accepts {"type": T, "coordinates": ...} with T one of Point, LineString,
// MultiLineString, Polygon and positions [lon, lat]; other members are
// ignored. Fails with a problem-only message on bad JSON, another type, a
// malformed position or a geometry core::geometry_problem rejects.
Result<Geometry> parse_geometry_cell(std::string_view cell);

// Compact GeoJSON whose numbers read back exactly.
std::string format_geometry(const Geometry& geometry);

}  // namespace truce::serial::detail
