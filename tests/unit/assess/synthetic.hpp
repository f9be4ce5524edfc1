// A fictional theatre for the assess tests: Northland and Southland, a
// straight line of contact along latitude 40 from longitude 10 to 11, a
// buffer zone one tenth of a degree either side of it, a corridor running
// north from the line, and two observation posts. All names are invented.
#pragma once

#include <string_view>

namespace truce::assess::test {

inline constexpr std::string_view kSyntheticGeography = R"json({
  "type": "FeatureCollection",
  "format": "truce-geography/1",
  "features": [
    {"type": "Feature", "id": "midland",
     "geometry": {"type": "Polygon", "coordinates": [[[9, 39], [12, 39], [12, 41], [9, 41], [9, 39]]]},
     "properties": {"kind": "theatre", "name": "Midland", "utc_offset": "+02:00"}},
    {"type": "Feature", "id": "ridge-line",
     "geometry": {"type": "LineString", "coordinates": [[10, 40], [10.5, 40], [11, 40]]},
     "properties": {"kind": "line_of_contact", "name": "Ridge line", "theatre": "midland",
                    "valid_from": "2030-01-01T00:00+02:00"}},
    {"type": "Feature", "id": "ridge-zone",
     "geometry": {"type": "Polygon", "coordinates": [[[10, 39.9], [11, 39.9], [11, 40.1], [10, 40.1], [10, 39.9]]]},
     "properties": {"kind": "zone", "name": "Ridge buffer zone", "theatre": "midland",
                    "approximate": true, "source": "invented for tests"}},
    {"type": "Feature", "id": "north-road",
     "geometry": {"type": "LineString", "coordinates": [[10.5, 40], [10.5, 40.8]]},
     "properties": {"kind": "corridor", "name": "North road", "theatre": "midland", "half_width_km": 2}},
    {"type": "Feature", "id": "post-west",
     "geometry": {"type": "Point", "coordinates": [10.1, 40.02]},
     "properties": {"kind": "observation_post", "name": "West post", "theatre": "midland", "observation_radius_km": 10}},
    {"type": "Feature", "id": "post-east",
     "geometry": {"type": "Point", "coordinates": [10.9, 39.98]},
     "properties": {"kind": "observation_post", "name": "East post", "theatre": "midland", "observation_radius_km": 5}}
  ]
})json";

inline constexpr std::string_view kSyntheticAgreement = R"json({
  "format": "truce-agreement/1",
  "id": "midland-ceasefire",
  "version": 1,
  "title": "Midland ceasefire (fictional)",
  "parties": [{"id": "northland", "name": "Northland"}, {"id": "southland", "name": "Southland"}],
  "mediators": [{"id": "eastland", "name": "Eastland"}],
  "timezone": "+02:00",
  "signed": "2030-01-01",
  "effective": "2030-01-01T00:00+02:00",
  "status": "in_force",
  "area": ["midland"],
  "text_source": "invented for tests",
  "provisions": [
    {"id": "1", "kind": "ceasefire", "title": "Cease fire in the buffer zone",
     "text": "The parties cease fire in the buffer zone.", "binds": ["northland", "southland"],
     "features": ["ridge-zone"]},
    {"id": "2", "kind": "hold_positions", "title": "No advance", "text": "No advance.",
     "binds": ["northland", "southland"], "features": ["ridge-zone"]},
    {"id": "3", "kind": "heavy_weapons_limit", "title": "No artillery within 15 km of the line",
     "text": "No artillery within 15 km of the line.", "binds": ["northland", "southland"],
     "features": ["ridge-line"], "distance_km": 15, "weapon_classes": ["artillery", "rocket_artillery"]},
    {"id": "4", "kind": "corridor_security", "title": "The north road is safe",
     "text": "The north road is safe.", "binds": ["northland", "southland"],
     "features": ["north-road"], "distance_km": 1},
    {"id": "5", "kind": "withdrawal", "title": "Southland leaves the zone by 15 January",
     "text": "Southland leaves the zone by 15 January.", "binds": ["southland"],
     "features": ["ridge-zone"], "deadline": "2030-01-10"},
    {"id": "6", "kind": "monitoring", "title": "Joint commission", "text": "A joint commission.",
     "binds": ["northland", "southland"], "members": ["northland", "southland", "eastland"], "quorum": 2}
  ],
  "amendments": [
    {"id": "later-withdrawal", "agreed": "2030-01-05", "summary": "Withdrawal moved to 15 January.",
     "source": "invented for tests",
     "changes": [{"provision": "5", "field": "deadline", "from": "2030-01-10", "to": "2030-01-15"}]}
  ]
})json";

}  // namespace truce::assess::test
