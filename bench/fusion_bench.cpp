// Clustering claims into incidents at scale, beside its floor.
//
// One million synthetic claims (fictional theatres, parties and places: no
// real institution or place) spread over 5 years and 4 theatres:
//
// - cluster: fusion::Clusterer::add of every claim at once (packing the
//   R-tree, one query and the same-event relation per claim, union-find),
//   then groups(): every incident.
// - floor: one Boost.Geometry R-tree query per claim with a place over the
//   same boxes (longitude, latitude, hours, each widened by the claim's reach
//   and time precision), counting the results; the tree's packing is timed
//   apart. Claims without a place (5 %) have no radius to query with.
//   Placed claims name their fictional province (a 4 x 4 degree cell), and
//   1 % are known only by it (placed at its centre, 100 km reach): those
//   contain every place of the province, beyond any radius.
// - add one: into the Clusterer holding the million, add() one new claim,
//   then group_of() its incident and incident() with the explanations;
//   beside it, one R-tree query per new claim (its floor).
//
//   build-dir/bin/fusion_bench [--claims=N] [--runs=R] [--adds=A] [--placeless=PERMILLE]
//                              [--province-wide=PERMILLE]
//
// Prints wall and CPU time (the machine is shared; CPU time is what the
// process used) and the medians of the runs, and the ratios to the floor.
#include <time.h>

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "fusion/clusterer.hpp"
#include "fusion/facts.hpp"
#include "fusion/parameters.hpp"

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using truce::ClaimId;
using truce::EventType;
using truce::fusion::ClaimFacts;
using truce::fusion::EventRole;

struct Timing {
  double wall = 0;
  double cpu = 0;
};

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

template <typename Work>
Timing timed(Work&& work) {
  const auto wall_start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  work();
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count(),
          cpu_seconds() - cpu_start};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// splitmix64: a fixed sequence, so every run clusters the same claims.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

struct Theatre {
  const char* name;
  double min_lon;
  double min_lat;
  const char* party_a;
  const char* party_b;
};

// Fictional theatres: open boxes of 16 x 8 degrees (about 1,200-1,700 x 900 km)
// with two parties each.
constexpr Theatre kTheatres[] = {
    {"theatre-amber", 10.0, 45.0, "amber", "cobalt"},
    {"theatre-ochre", 30.0, 35.0, "ochre", "slate"},
    {"theatre-teal", 60.0, 15.0, "teal", "umber"},
    {"theatre-plum", 100.0, 0.0, "plum", "sienna"},
};
constexpr int kDays = 1826;               // 5 years
constexpr double kEpochHours = 534024.0;  // 2030-12-02 in hours since 1970

int placeless_permille = 50;      // --placeless=N: claims without a place, per thousand
int province_wide_permille = 10;  // --province-wide=N: placed claims known by province only

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : random_{seed} {}

  // One event reported by 1-4 claims (mean 2.5), with the jitter sources have.
  void event(std::vector<ClaimFacts>& out, const truce::fusion::Parameters& parameters) {
    const int theatre_number = random_.below(4);
    const Theatre& theatre = kTheatres[theatre_number];
    const double day = random_.below(kDays);
    const double lon = theatre.min_lon + random_.uniform() * 16.0;
    const double lat = theatre.min_lat + random_.uniform() * 8.0;
    const int reports = 1 + random_.below(4);
    for (int report = 0; report < reports; ++report) {
      ClaimFacts claim;
      char id[32];
      std::snprintf(id, sizeof id, "clm_%020llx",
                    static_cast<unsigned long long>(random_.next() >> 8));
      claim.id = ClaimId(id);
      const int kind = random_.below(100);
      claim.event_type = kind < 2    ? EventType::kDeEscalation
                         : kind < 50 ? EventType::kShelling
                                     : EventType::kArmedClash;
      const auto& rule = truce::fusion::rule_of(parameters, claim.event_type);
      claim.role = rule.role;
      claim.group = rule.group;
      claim.start_hours = kEpochHours + day * 24;
      claim.end_hours = claim.start_hours + 24;
      claim.widen_hours = 0;
      if (random_.below(1000) >= placeless_permille) {  // some give no place
        const double dlon = (random_.uniform() - 0.5) * 0.15;
        const double dlat = (random_.uniform() - 0.5) * 0.1;
        claim.box = truce::BoundingBox{lon + dlon, lat + dlat, lon + dlon, lat + dlat};
        const int precision = random_.below(100);
        claim.reach_km = precision < 30 ? 5 : precision < 85 ? 25 : 50;
        const int column = static_cast<int>((lon - theatre.min_lon) / 4.0);
        const int row = static_cast<int>((lat - theatre.min_lat) / 4.0);
        char province[16];
        std::snprintf(province, sizeof province, "t%d-p%d-%d", theatre_number, column, row);
        claim.admin1 = province;
        if (random_.below(1000) < province_wide_permille) {
          const double centre_lon = theatre.min_lon + column * 4.0 + 2.0;
          const double centre_lat = theatre.min_lat + row * 4.0 + 2.0;
          claim.box = truce::BoundingBox{centre_lon, centre_lat, centre_lon, centre_lat};
          claim.reach_km = 100;
          claim.admin1_wide = true;
        }
      }
      claim.parties = {theatre.party_a, theatre.party_b};
      std::sort(claim.parties.begin(), claim.parties.end());
      claim.party_bits = truce::fusion::party_bits_of(claim.parties);
      out.push_back(std::move(claim));
    }
  }

 private:
  Random random_;
};

std::vector<ClaimFacts> synthetic(std::size_t count, std::uint64_t seed,
                                  const truce::fusion::Parameters& parameters) {
  Generator generator(seed);
  std::vector<ClaimFacts> claims;
  claims.reserve(count + 4);
  while (claims.size() < count) {
    generator.event(claims, parameters);
  }
  claims.resize(count);
  return claims;
}

using Point3 = bg::model::point<double, 3, bg::cs::cartesian>;
using Box3 = bg::model::box<Point3>;
using Entry = std::pair<Box3, std::size_t>;

// The same widened box the Clusterer searches with.
Box3 box_of(const ClaimFacts& facts) {
  const double start = facts.start_hours - facts.widen_hours;
  const double end = facts.end_hours + facts.widen_hours - 1e-6;
  if (!facts.box) {
    return {Point3(-180, -90, start), Point3(180, 90, end)};
  }
  const double dlat = facts.reach_km / 111.32;
  const double far =
      std::min(89.0, std::max(std::abs(facts.box->min_lat), std::abs(facts.box->max_lat)) + dlat);
  const double dlon = facts.reach_km / (111.32 * std::cos(far * 3.14159265358979 / 180));
  return {Point3(facts.box->min_lon - dlon, facts.box->min_lat - dlat, start),
          Point3(facts.box->max_lon + dlon, facts.box->max_lat + dlat, end)};
}

// FNV-1a over every incident's claim ids: two builds that print the same
// digest formed the same incidents.
std::uint64_t digest(const std::vector<std::vector<ClaimId>>& groups) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&](unsigned char byte) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  };
  for (const auto& group : groups) {
    for (const ClaimId& claim : group) {
      for (const char c : claim.str()) {
        mix(static_cast<unsigned char>(c));
      }
      mix(',');
    }
    mix(';');
  }
  return hash;
}

long option(int argc, char** argv, const char* name, long fallback) {
  const std::size_t length = std::strlen(name);
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], name, length) == 0 && argv[i][length] == '=') {
      return std::strtol(argv[i] + length + 1, nullptr, 10);
    }
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const auto count = static_cast<std::size_t>(option(argc, argv, "--claims", 1000000));
  const int runs = static_cast<int>(option(argc, argv, "--runs", 3));
  const int adds = static_cast<int>(option(argc, argv, "--adds", 2000));
  placeless_permille = static_cast<int>(option(argc, argv, "--placeless", 50));
  province_wide_permille = static_cast<int>(option(argc, argv, "--province-wide", 10));
  const auto parameters = truce::fusion::default_parameters();
  const auto claims = synthetic(count, 42, parameters);
  const auto arrivals = synthetic(static_cast<std::size_t>(adds), 4242, parameters);
  std::printf(
      "fusion_bench: %zu claims, 4 theatres, 5 years, %.1f %% without place, %.1f %% of the "
      "placed known by province only; %d runs; %d single adds\n",
      claims.size(), placeless_permille / 10.0, province_wide_permille / 10.0, runs, adds);

  std::vector<double> cluster_wall, cluster_cpu, floor_wall, floor_cpu, pack_wall, pack_cpu;
  std::vector<double> add_wall, add_cpu, add_floor_wall, insert_wall, insert_cpu;
  std::size_t incidents = 0;
  std::size_t largest = 0;
  std::size_t candidates = 0;
  for (int run = 0; run < runs; ++run) {
    // The floor: packing, then one query per claim.
    std::vector<Entry> entries;
    entries.reserve(claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) {
      if (claims[i].role != EventRole::kEnds && claims[i].box) {
        entries.emplace_back(box_of(claims[i]), i);
      }
    }
    bgi::rtree<Entry, bgi::rstar<16>> tree;
    const Timing pack = timed([&] { tree = bgi::rtree<Entry, bgi::rstar<16>>(entries); });
    candidates = 0;
    const Timing floor = timed([&] {
      for (const ClaimFacts& claim : claims) {
        if (!claim.box) {
          continue;  // no radius to query with; see RESULTS.md
        }
        tree.query(bgi::intersects(box_of(claim)),
                   boost::make_function_output_iterator([&](const Entry&) { ++candidates; }));
      }
    });
    pack_wall.push_back(pack.wall);
    pack_cpu.push_back(pack.cpu);
    floor_wall.push_back(floor.wall);
    floor_cpu.push_back(floor.cpu);
    tree.clear();

    truce::fusion::Clusterer clusterer(parameters);
    std::vector<ClaimFacts> copy = claims;  // add() takes its claims
    Timing adding;
    std::vector<std::vector<ClaimId>> groups;
    const Timing cluster = timed([&] {
      adding = timed([&] { clusterer.add(std::move(copy)); });
      groups = clusterer.groups();
      incidents = groups.size();
      largest = 0;
      for (const auto& group : groups) {
        largest = std::max(largest, group.size());
      }
    });
    std::printf("  (of which add() %.2f s wall / %.2f s CPU; incidents' digest %016llx)\n",
                adding.wall, adding.cpu, static_cast<unsigned long long>(digest(groups)));
    groups.clear();
    cluster_wall.push_back(cluster.wall);
    cluster_cpu.push_back(cluster.cpu);

    // Single adds into the store of a million.
    std::size_t touched = 0;
    const Timing insert = timed([&] {
      for (const ClaimFacts& arrival : arrivals) {
        clusterer.add(arrival);
      }
    });
    const Timing regroup = timed([&] {
      for (const ClaimFacts& arrival : arrivals) {
        const auto group = clusterer.group_of(arrival.id);
        if (!group.empty()) {
          touched += clusterer.incident(group).members.size();
        }
      }
    });
    const Timing add{insert.wall + regroup.wall, insert.cpu + regroup.cpu};
    insert_wall.push_back(insert.wall / adds);
    insert_cpu.push_back(insert.cpu / adds);
    add_wall.push_back(add.wall / adds);
    add_cpu.push_back(add.cpu / adds);
    std::size_t found = 0;
    const Timing add_floor = timed([&] {
      for (const ClaimFacts& arrival : arrivals) {
        found += clusterer.count_candidates(arrival.id);
      }
    });
    add_floor_wall.push_back(add_floor.wall / adds);
    std::printf(
        "run %d: cluster %.2f s wall / %.2f s CPU (%zu incidents, largest %zu); floor: pack "
        "%.2f s, %zu queries %.2f s wall / %.2f s CPU (%.2f candidates each); add one %.1f us "
        "wall / %.1f us CPU (incidents of %.1f claims), its query %.1f us\n",
        run + 1, cluster.wall, cluster.cpu, incidents, largest, pack.wall, claims.size(),
        floor.wall, floor.cpu, static_cast<double>(candidates) / claims.size(),
        add.wall / adds * 1e6, add.cpu / adds * 1e6, static_cast<double>(touched) / adds,
        add_floor.wall / adds * 1e6);
    (void)found;
  }
  const double cluster = median(cluster_wall);
  const double queries = median(floor_wall);
  const double packing = median(pack_wall);
  std::printf("\nmedians of %d runs\n", runs);
  std::printf("  cluster %zu claims      %8.2f s wall  %8.2f s CPU   (target < 5 s)\n",
              claims.size(), cluster, median(cluster_cpu));
  std::printf("  floor: pack the R-tree  %8.2f s wall  %8.2f s CPU\n", packing, median(pack_cpu));
  std::printf("  floor: one query each   %8.2f s wall  %8.2f s CPU   (%.2f us per query)\n",
              queries, median(floor_cpu), queries / static_cast<double>(claims.size()) * 1e6);
  std::printf("  ratio cluster / queries            %.1f\n", cluster / queries);
  std::printf("  ratio cluster / (pack + queries)   %.1f\n", cluster / (packing + queries));
  std::printf("  add one claim to %zu     %8.1f us wall %8.1f us CPU  (target < 1000 us)\n",
              claims.size(), median(add_wall) * 1e6, median(add_cpu) * 1e6);
  std::printf(
      "  ... of which add() alone %8.1f us wall %8.1f us CPU; the rest is group_of() and "
      "incident() with explanations\n",
      median(insert_wall) * 1e6, median(insert_cpu) * 1e6);
  std::printf("  its floor, one query     %8.1f us wall\n", median(add_floor_wall) * 1e6);
  std::printf("  ratio add / query                  %.1f\n",
              median(add_wall) / median(add_floor_wall));
  return 0;
}
