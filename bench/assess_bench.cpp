// Assessment geometry at scale: 1,000,000 synthetic incidents against a
// 2,000-vertex line and 200 zones -- containment in every zone and geodesic
// distance to the line -- by truce (geo::LineSet and geo::Area behind an
// R-tree of zone boxes, two threads), and the same work by PostGIS (a local
// server this program starts in a temporary directory; geometry for
// containment, geography for distance) and by SpatiaLite (sqlite3 with
// mod_spatialite; ellipsoidal distance). All geometry is synthetic, in an
// empty box of lon 30-40, lat 44-50. Results: bench/RESULTS.md.
//
//   assess_bench [points] [distance-sample]
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/geo.hpp"
#include "geo/geodesy.hpp"

namespace {

using truce::Geometry;
using truce::GeometryType;
using truce::GeoPoint;
using Clock = std::chrono::steady_clock;

constexpr int kLineVertices = 2000;
constexpr int kZones = 200;
constexpr int kZoneVertices = 24;
constexpr int kRuns = 5;

GeoPoint at(double lon, double lat) {
  return {{lon}, {lat}};
}

struct Scene {
  std::vector<GeoPoint> line;
  std::vector<Geometry> zones;
  std::vector<GeoPoint> points;
};

// A line wandering east across the box; zones are star-shaped polygons of
// 24 vertices, 10-40 km across, scattered over it; points uniform in the box.
Scene make_scene(int points) {
  std::mt19937_64 random(2030);
  std::uniform_real_distribution<double> unit(0, 1);
  Scene scene;
  double lat = 47;
  for (int i = 0; i < kLineVertices; ++i) {
    lat = std::clamp(lat + (unit(random) - 0.5) * 0.03, 44.5, 49.5);
    scene.line.push_back(at(30.0 + 10.0 * i / (kLineVertices - 1), lat));
  }
  for (int z = 0; z < kZones; ++z) {
    const double lon0 = 30.3 + unit(random) * 9.4;
    const double lat0 = 44.3 + unit(random) * 5.4;
    const double radius = 0.05 + unit(random) * 0.15;
    std::vector<GeoPoint> ring;
    for (int k = 0; k < kZoneVertices; ++k) {
      const double angle = 2 * 3.141592653589793 * k / kZoneVertices;
      const double r = radius * (0.6 + 0.4 * unit(random));
      ring.push_back(at(lon0 + r * std::cos(angle) / std::cos(lat0 * 3.14159265 / 180),
                        lat0 + r * std::sin(angle)));
    }
    ring.push_back(ring.front());
    scene.zones.push_back({GeometryType::kPolygon, {ring}});
  }
  for (int i = 0; i < points; ++i) {
    scene.points.push_back(at(30 + 10 * unit(random), 44 + 6 * unit(random)));
  }
  return scene;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

struct Answer {
  long long in_zone = 0;    // (point, zone) pairs with the point inside
  double distance_sum = 0;  // metres
};

// ---- truce -----------------------------------------------------------------

struct TruceIndex {
  truce::geo::LineSet line;
  std::vector<std::unique_ptr<truce::geo::Area>> zones;
  // Zone boxes on a 0.25-degree grid: the candidates for each cell.
  std::vector<std::vector<int>> cells;
  static constexpr double kCell = 0.25;
  static constexpr int kColumns = 40;
  static constexpr int kRows = 24;

  explicit TruceIndex(const Scene& scene) : line({scene.line}) {
    cells.resize(kColumns * kRows);
    for (int z = 0; z < static_cast<int>(scene.zones.size()); ++z) {
      zones.push_back(std::make_unique<truce::geo::Area>(scene.zones[z]));
      const truce::BoundingBox& box = zones.back()->box();
      for (int c = column(box.min_lon); c <= column(box.max_lon); ++c) {
        for (int r = row(box.min_lat); r <= row(box.max_lat); ++r) {
          cells[r * kColumns + c].push_back(z);
        }
      }
    }
  }
  static int column(double lon) {
    return std::clamp(static_cast<int>((lon - 30) / kCell), 0, kColumns - 1);
  }
  static int row(double lat) {
    return std::clamp(static_cast<int>((lat - 44) / kCell), 0, kRows - 1);
  }
};

Answer truce_run(const TruceIndex& index, const std::vector<GeoPoint>& points, int threads,
                 std::size_t distance_count) {
  std::vector<Answer> parts(threads);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      Answer& answer = parts[t];
      for (std::size_t i = t; i < points.size(); i += threads) {
        const GeoPoint p = points[i];
        for (int z : index.cells[TruceIndex::row(p.lat.degrees) * TruceIndex::kColumns +
                                 TruceIndex::column(p.lon.degrees)]) {
          answer.in_zone += index.zones[z]->contains(p) ? 1 : 0;
        }
        if (i < distance_count) {
          answer.distance_sum += index.line.nearest(p).distance_m;
        }
      }
    });
  }
  for (auto& worker : workers) {
    worker.join();
  }
  Answer total;
  for (const Answer& part : parts) {
    total.in_zone += part.in_zone;
    total.distance_sum += part.distance_sum;
  }
  return total;
}

// ---- WKT -------------------------------------------------------------------

std::string wkt_coordinates(const std::vector<GeoPoint>& points) {
  std::string text;
  char pair[48];
  for (const GeoPoint& p : points) {
    std::snprintf(pair, sizeof pair, "%s%.7f %.7f", text.empty() ? "" : ",", p.lon.degrees,
                  p.lat.degrees);
    text += pair;
  }
  return text;
}

// ---- PostGIS ---------------------------------------------------------------

struct Peer {
  std::string name;
  bool ran = false;
  std::string why_not;
  double contain_s = 0;  // median wall, all points
  long long in_zone = 0;
  double distance_s = 0;  // median wall, the distance sample
  double distance_sum = 0;
  double load_s = 0;
};

int run(const std::string& command) {
  return std::system(command.c_str());
}

class PostgresServer {
 public:
  PostgresServer() {
    char pattern[] = "/tmp/truce-bench-pg-XXXXXX";
    if (mkdtemp(pattern) == nullptr) {
      return;
    }
    dir_ = pattern;
    const bool root = getuid() == 0;
    as_ = root ? "runuser -u postgres -- " : "";
    if (root && run("chown postgres " + dir_) != 0) {
      return;
    }
    const std::string bin = "/usr/lib/postgresql/15/bin/";
    if (run(as_ + bin + "initdb -A trust -U postgres -N -D " + dir_ + "/data > " + dir_ +
            "/initdb.log 2>&1") != 0) {
      return;
    }
    started_ =
        run(as_ + bin + "pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -o \"-k " +
            dir_ +
            " -c listen_addresses='' -p 54329 -c fsync=off -c synchronous_commit=off "
            "-c shared_buffers=256MB -c max_parallel_workers_per_gather=2\" start > /dev/null") ==
        0;
  }
  ~PostgresServer() {
    if (started_) {
      run(as_ + "/usr/lib/postgresql/15/bin/pg_ctl -D " + dir_ + "/data -m fast stop > /dev/null");
    }
    if (!dir_.empty()) {
      std::error_code error;
      std::filesystem::remove_all(dir_, error);
    }
  }
  bool started() const { return started_; }
  std::string conninfo() const {
    return "host=" + dir_ + " port=54329 user=postgres dbname=postgres";
  }
  std::string log() const { return dir_; }

 private:
  std::string dir_;
  std::string as_;
  bool started_ = false;
};

bool pg_exec(PGconn* db, const std::string& sql, std::string* error = nullptr) {
  PGresult* result = PQexec(db, sql.c_str());
  const auto status = PQresultStatus(result);
  const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (!ok && error) {
    *error = PQerrorMessage(db);
  }
  PQclear(result);
  return ok;
}

std::string pg_value(PGconn* db, const std::string& sql) {
  PGresult* result = PQexec(db, sql.c_str());
  std::string value = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0
                          ? PQgetvalue(result, 0, 0)
                          : "";
  PQclear(result);
  return value;
}

Peer postgis(const Scene& scene, std::size_t distance_count) {
  Peer peer;
  peer.name = "PostGIS 3.3 (PostgreSQL 15)";
  PostgresServer server;
  if (!server.started()) {
    peer.why_not =
        "the PostgreSQL server did not start (initdb/pg_ctl from postgresql-15; see "
        "scripts/install-deps.sh --test)";
    return peer;
  }
  PGconn* db = PQconnectdb(server.conninfo().c_str());
  std::string error;
  if (PQstatus(db) != CONNECTION_OK || !pg_exec(db, "CREATE EXTENSION postgis", &error)) {
    peer.why_not = "PostGIS is not available: " + error + PQerrorMessage(db);
    PQfinish(db);
    return peer;
  }
  auto load_start = Clock::now();
  pg_exec(db, "CREATE TABLE line (geom geometry(LineString, 4326), geog geography)");
  pg_exec(db, "INSERT INTO line (geom) VALUES (ST_GeomFromText('LINESTRING(" +
                  wkt_coordinates(scene.line) + ")', 4326))");
  pg_exec(db, "UPDATE line SET geog = geom::geography");
  pg_exec(db, "CREATE TABLE zones (id int, geom geometry(Polygon, 4326))");
  for (std::size_t z = 0; z < scene.zones.size(); ++z) {
    pg_exec(db, "INSERT INTO zones VALUES (" + std::to_string(z) + ", ST_GeomFromText('POLYGON((" +
                    wkt_coordinates(scene.zones[z].parts[0]) + "))', 4326))");
  }
  pg_exec(db, "CREATE INDEX ON zones USING gist (geom)");
  pg_exec(db, "CREATE TABLE points (id int, lon float8, lat float8)");
  PGresult* copy = PQexec(db, "COPY points FROM STDIN");
  PQclear(copy);
  std::string chunk;
  char row[96];
  for (std::size_t i = 0; i < scene.points.size(); ++i) {
    std::snprintf(row, sizeof row, "%zu\t%.7f\t%.7f\n", i, scene.points[i].lon.degrees,
                  scene.points[i].lat.degrees);
    chunk += row;
    if (chunk.size() > (1 << 20)) {
      PQputCopyData(db, chunk.data(), static_cast<int>(chunk.size()));
      chunk.clear();
    }
  }
  PQputCopyData(db, chunk.data(), static_cast<int>(chunk.size()));
  PQputCopyEnd(db, nullptr);
  PQclear(PQgetResult(db));
  pg_exec(db, "ALTER TABLE points ADD COLUMN geom geometry(Point, 4326)");
  pg_exec(db, "UPDATE points SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326)");
  pg_exec(db, "ALTER TABLE points ADD COLUMN geog geography");
  pg_exec(db,
          "UPDATE points SET geog = geom::geography WHERE id < " + std::to_string(distance_count));
  pg_exec(db, "VACUUM ANALYZE");
  peer.load_s = seconds_since(load_start);
  std::vector<double> contain;
  std::vector<double> distance;
  for (int r = 0; r < 3; ++r) {
    auto start = Clock::now();
    peer.in_zone = std::atoll(pg_value(db,
                                       "SELECT count(*) FROM points p JOIN zones z ON "
                                       "ST_Contains(z.geom, p.geom)")
                                  .c_str());
    contain.push_back(seconds_since(start));
    start = Clock::now();
    peer.distance_sum = std::atof(pg_value(db,
                                           "SELECT sum(ST_Distance(p.geog, l.geog)) FROM "
                                           "points p, line l WHERE p.id < " +
                                               std::to_string(distance_count))
                                      .c_str());
    distance.push_back(seconds_since(start));
  }
  peer.contain_s = median(contain);
  peer.distance_s = median(distance);
  peer.ran = true;
  PQfinish(db);
  return peer;
}

// ---- SpatiaLite ------------------------------------------------------------

Peer spatialite(const Scene& scene, std::size_t distance_count) {
  Peer peer;
  peer.name = "SpatiaLite 5.0 (SQLite)";
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  sqlite3_enable_load_extension(db, 1);
  char* message = nullptr;
  if (sqlite3_load_extension(db, "mod_spatialite", nullptr, &message) != SQLITE_OK) {
    peer.why_not = std::string("mod_spatialite does not load: ") + (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
    return peer;
  }
  auto exec = [&](const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::fprintf(stderr, "spatialite: %s: %s\n", sql.substr(0, 80).c_str(), error);
      sqlite3_free(error);
    }
  };
  auto value = [&](const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    double result = 0;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      result = sqlite3_column_double(statement, 0);
    }
    sqlite3_finalize(statement);
    return result;
  };
  auto load_start = Clock::now();
  exec("SELECT InitSpatialMetadata(1)");
  exec("CREATE TABLE line (id INTEGER PRIMARY KEY)");
  exec("SELECT AddGeometryColumn('line', 'geom', 4326, 'LINESTRING', 'XY')");
  exec("INSERT INTO line (id, geom) VALUES (1, GeomFromText('LINESTRING(" +
       wkt_coordinates(scene.line) + ")', 4326))");
  exec("CREATE TABLE zones (id INTEGER PRIMARY KEY)");
  exec("SELECT AddGeometryColumn('zones', 'geom', 4326, 'POLYGON', 'XY')");
  exec("BEGIN");
  for (std::size_t z = 0; z < scene.zones.size(); ++z) {
    exec("INSERT INTO zones (id, geom) VALUES (" + std::to_string(z) + ", GeomFromText('POLYGON((" +
         wkt_coordinates(scene.zones[z].parts[0]) + "))', 4326))");
  }
  exec("COMMIT");
  exec("SELECT CreateSpatialIndex('zones', 'geom')");
  exec("CREATE TABLE points (id INTEGER PRIMARY KEY)");
  exec("SELECT AddGeometryColumn('points', 'geom', 4326, 'POINT', 'XY')");
  exec("BEGIN");
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO points (id, geom) VALUES (?, MakePoint(?, ?, 4326))", -1,
                     &insert, nullptr);
  for (std::size_t i = 0; i < scene.points.size(); ++i) {
    sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i));
    sqlite3_bind_double(insert, 2, scene.points[i].lon.degrees);
    sqlite3_bind_double(insert, 3, scene.points[i].lat.degrees);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  exec("COMMIT");
  peer.load_s = seconds_since(load_start);
  std::vector<double> contain;
  std::vector<double> distance;
  for (int r = 0; r < 3; ++r) {
    // Each point looks up the zone boxes that hold it in the zones' R*Tree.
    auto start = Clock::now();
    peer.in_zone = static_cast<long long>(
        value("SELECT count(*) FROM points p JOIN zones z ON z.id IN (SELECT pkid FROM "
              "idx_zones_geom WHERE xmin <= X(p.geom) AND xmax >= X(p.geom) AND ymin <= "
              "Y(p.geom) AND ymax >= Y(p.geom)) AND ST_Contains(z.geom, p.geom)"));
    contain.push_back(seconds_since(start));
    start = Clock::now();
    peer.distance_sum = value(
        "SELECT sum(ST_Distance(p.geom, l.geom, 1)) FROM points p, line l "
        "WHERE p.id < " +
        std::to_string(distance_count));
    distance.push_back(seconds_since(start));
  }
  peer.contain_s = median(contain);
  peer.distance_s = median(distance);
  peer.ran = true;
  sqlite3_close(db);
  return peer;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const std::size_t sample = argc > 2 ? static_cast<std::size_t>(std::atoi(argv[2])) : 2000;
  std::printf("assess_bench: %d incidents, a %d-vertex line, %d zones of %d vertices\n", count,
              kLineVertices, kZones, kZoneVertices);
  std::printf(
      "machine: %u hardware threads; wall and CPU seconds, medians of %d (truce) or 3 "
      "runs\n\n",
      std::thread::hardware_concurrency(), kRuns);
  Scene scene = make_scene(count);
  auto build_start = Clock::now();
  TruceIndex index(scene);
  const double build_s = seconds_since(build_start);

  std::vector<double> walls;
  std::vector<double> cpus;
  Answer answer;
  for (int r = 0; r < kRuns; ++r) {
    const double cpu0 = cpu_seconds();
    auto start = Clock::now();
    answer = truce_run(index, scene.points, 2, scene.points.size());
    walls.push_back(seconds_since(start));
    cpus.push_back(cpu_seconds() - cpu0);
  }
  std::vector<double> one_walls;
  for (int r = 0; r < 3; ++r) {
    auto start = Clock::now();
    (void)truce_run(index, scene.points, 1, scene.points.size());
    one_walls.push_back(seconds_since(start));
  }
  // The distance sample alone, to compare with the peers' sample.
  Answer sampled = truce_run(index, scene.points, 1, sample);
  std::vector<double> contain_walls;
  for (int r = 0; r < 3; ++r) {
    auto start = Clock::now();
    (void)truce_run(index, scene.points, 2, 0);
    contain_walls.push_back(seconds_since(start));
  }
  const double wall = median(walls);
  std::printf("truce (geo::Area + geo::LineSet, index built in %.3f s)\n", build_s);
  std::printf(
      "  containment + distance, 2 threads: %.3f s wall, %.3f s CPU  (%.2f M incidents/s)%s\n",
      wall, median(cpus), count / wall / 1e6, wall < 2.0 ? "" : "  ** over the 2 s goal **");
  std::printf("  containment + distance, 1 thread:  %.3f s wall\n", median(one_walls));
  std::printf("  containment only, 2 threads:       %.3f s wall\n", median(contain_walls));
  std::printf("  (point, zone) pairs inside: %lld; mean distance to the line %.1f m\n\n",
              answer.in_zone, answer.distance_sum / count);

  const double truce_contain = median(contain_walls);
  const double truce_distance_per_point = (wall - truce_contain) * 2 / count;  // CPU-ish, 1 thread
  for (Peer peer : {postgis(scene, sample), spatialite(scene, sample)}) {
    std::printf("%s\n", peer.name.c_str());
    if (!peer.ran) {
      std::printf("  NOT RUN: %s\n\n", peer.why_not.c_str());
      continue;
    }
    std::printf("  load: %.1f s (not timed against truce)\n", peer.load_s);
    std::printf("  containment, all %d points: %.3f s wall  -> truce containment is %.1fx faster\n",
                count, peer.contain_s, peer.contain_s / truce_contain);
    std::printf("  pairs inside: %lld (%s truce)\n", peer.in_zone,
                peer.in_zone == answer.in_zone ? "same as" : "DIFFERS FROM");
    const double per_point = peer.distance_s / static_cast<double>(sample);
    std::printf(
        "  distance, a sample of %zu points: %.3f s wall = %.1f us/point; 1M would take "
        "about %.0f s -> truce distance is about %.0fx faster per point\n",
        sample, peer.distance_s, per_point * 1e6, per_point * count,
        per_point / (truce_distance_per_point > 0 ? truce_distance_per_point : 1e-9));
    std::printf("  mean distance of the sample %.3f m vs truce %.3f m (difference %.3f m)\n",
                peer.distance_sum / static_cast<double>(sample),
                sampled.distance_sum / static_cast<double>(sample),
                (peer.distance_sum - sampled.distance_sum) / static_cast<double>(sample));
    const double whole = peer.contain_s + per_point * count;
    std::printf(
        "  the whole job (containment + extrapolated distance): about %.0f s -> truce %.0fx "
        "faster\n\n",
        whole, whole / wall);
  }
  return 0;
}
