// Where something happened: a geometry in WGS84 (GeoJSON's lon/lat order), how
// precisely it is known, and the name as the source wrote it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace truce {

struct Longitude {
  double degrees = 0;
  friend bool operator==(const Longitude&, const Longitude&) = default;
};
struct Latitude {
  double degrees = 0;
  friend bool operator==(const Latitude&, const Latitude&) = default;
};

struct GeoPoint {
  Longitude lon;
  Latitude lat;
  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

bool is_valid(GeoPoint point);  // finite, lon in [-180, 180], lat in [-90, 90]
// Great-circle distance on a sphere of the Earth's mean radius (haversine):
// good to about 0.5 %, enough to tell near from far.
double haversine_km(GeoPoint a, GeoPoint b);

enum class GeometryType { kPoint, kLineString, kMultiLineString, kPolygon };

// Point: parts = {{p}}. LineString: parts = {line}. MultiLineString: parts =
// lines. Polygon: parts = rings, outer first, each closed (first == last).
struct Geometry {
  GeometryType type = GeometryType::kPoint;
  std::vector<std::vector<GeoPoint>> parts;
  friend bool operator==(const Geometry&, const Geometry&) = default;
};

Geometry make_point(double lon, double lat);

struct BoundingBox {
  double min_lon = 0;
  double min_lat = 0;
  double max_lon = 0;
  double max_lat = 0;
  friend bool operator==(const BoundingBox&, const BoundingBox&) = default;
};

BoundingBox bounding_box(const Geometry& geometry);  // geometry must be non-empty
bool intersects(const BoundingBox& a, const BoundingBox& b);

// Why a geometry is not acceptable ("ring 0 is not closed"), or empty if it is.
std::string geometry_problem(const Geometry& geometry);

// UCDP's where_prec. The numbers are UCDP's codes and are what is stored.
enum class LocationPrecision {
  kExact = 1,          // the place itself (a village, a post)
  kNear = 2,           // within about 25 km of a named place
  kAdmin2 = 3,         // a second-order administrative division (district)
  kAdmin1 = 4,         // a first-order division (province, oblast, marz)
  kLinear = 5,         // along a linear feature: border, line of contact, road, river
  kCountry = 6,        // only the country is known
  kInternational = 7,  // international waters or airspace
};

// ACLED's geo_precision (1 town, 2 near a town or part of a region, 3 a
// larger region) derived from where_prec.
int acled_geo_precision(LocationPrecision precision);

struct Place {
  std::string name;                  // as written in the source, may be empty
  std::optional<Geometry> geometry;  // absent when only the name is known
  LocationPrecision precision = LocationPrecision::kExact;
  std::string country;  // ISO 3166-1 alpha-2, upper case; empty if not given
  std::string admin1;   // first-order division as named; may be empty
  friend bool operator==(const Place&, const Place&) = default;
};

}  // namespace truce
