// Bulk ingest: claims/s written through Store::write into a SQLite file,
// beside the floor — the same rows (same tables, columns and child rows)
// inserted by plain prepared statements into a file with the same schema,
// pragmas and transaction size. The ratio store/floor is the price of the
// store's checks (ids already stored, references), conversions and caching.
//
//   build-dir/bin/ingest_bench [--benchmark_repetitions=N] [--claims=N]
//
// The database files go to $TMPDIR (default /tmp): put that on the disk you
// want to measure, since synchronous=FULL makes every commit wait for fsync.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "core/vocabulary.hpp"
#include "storage/store.hpp"

namespace {

using truce::Claim;
using truce::IntakeBatch;

int claim_count = 10000;          // --claims=N
constexpr int kBatchSize = 1000;  // claims per write() call and per raw transaction

// ---- the workload: claims with casualties and point geometry ----

struct Workload {
  truce::Source source;
  truce::Document document;
  std::vector<Claim> claims;
};

truce::CivilTime day_of_2021(int day_index) {
  using namespace std::chrono;
  auto day = sys_days{year{2021} / January / 1} + days{day_index % 365};
  return truce::CivilTime{year_month_day{day}, std::nullopt};
}

Workload make_workload(int count) {
  Workload work;
  work.source.id = truce::SourceId("am-mod");
  work.source.name = "Ministry of Defence of Armenia";
  work.source.reliability = truce::Reliability::kC;
  work.source.affiliation = {truce::AffiliationKind::kParty, truce::ActorRef{"armenia", "Armenia"}};
  work.document.id = truce::DocumentId("doc_00000000000000000001");
  work.document.source = work.source.id;
  work.document.kind = truce::DocumentKind::kReport;
  work.document.title = "Daily report";
  work.document.language = "en";
  work.document.content_hash = std::string(64, 'c');

  unsigned state = 12345;  // a fixed LCG: the same workload on every run
  auto next = [&state](unsigned range) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % range;
  };
  for (int i = 0; i < count; ++i) {
    Claim claim;
    char id[32];
    std::snprintf(id, sizeof id, "clm_%020d", i);
    claim.id = truce::ClaimId(id);
    claim.document = work.document.id;
    claim.claimant = {"armenia", "Armenia"};
    claim.event_type = truce::EventType::kShelling;
    claim.time = {day_of_2021(i / 30), day_of_2021(i / 30), truce::TimePrecision::kDay, ""};
    double lon = 44.0 + next(300000) / 100000.0;
    double lat = 39.0 + next(200000) / 100000.0;
    claim.place =
        truce::Place{"", truce::make_point(lon, lat), truce::LocationPrecision::kExact, "AM", ""};
    claim.perpetrator = truce::ActorRef{"azerbaijan", "Azerbaijan"};
    claim.target = truce::ActorRef{"armenia", "Armenia"};
    truce::Side armenia{truce::SideKind::kCombatants, truce::ActorRef{"armenia", "Armenia"}};
    claim.casualties = {
        {armenia, truce::CasualtyStatus::kKilled, truce::exactly(next(5))},
        {armenia, truce::CasualtyStatus::kWounded, truce::at_least(next(20))},
    };
    claim.credibility = {3};
    work.claims.push_back(std::move(claim));
  }
  return work;
}

const Workload& workload() {
  static const Workload work = make_workload(claim_count);
  return work;
}

// ---- temporary database files ----

class TempDatabase {
 public:
  TempDatabase() {
    std::string pattern = (std::filesystem::temp_directory_path() / "truce-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      std::exit(1);
    }
    dir_ = pattern;
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;
  ~TempDatabase() { std::filesystem::remove_all(dir_); }

  std::string path() const { return (dir_ / "bench.db").string(); }

 private:
  std::filesystem::path dir_;
};

// A fresh database with the store's schema and pragmas (WAL is persistent).
void create_schema(const std::string& path) {
  auto store = truce::storage::open_store(path, truce::storage::OpenMode::kCreate);
  if (!store) {
    std::fprintf(stderr, "cannot create %s: %s\n", path.c_str(), store.error().message.c_str());
    std::exit(1);
  }
}

std::vector<double> store_rates;  // claims/s of each timed run, for the summary
std::vector<double> raw_rates;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ---- Store::write ----

void BM_StoreWrite(benchmark::State& state) {
  const Workload& work = workload();
  std::vector<IntakeBatch> batches;
  for (int first = 0; first < claim_count; first += kBatchSize) {
    IntakeBatch batch;
    batch.origin = "bench";
    if (first == 0) {
      batch.sources = {work.source};
      batch.documents = {work.document};
    }
    auto end = work.claims.begin() + std::min(first + kBatchSize, claim_count);
    batch.claims.assign(work.claims.begin() + first, end);
    batches.push_back(std::move(batch));
  }
  for (auto _ : state) {
    // Only the writes are timed: creating the file before, and closing the
    // connection (which checkpoints the WAL) and deleting the file after, are
    // not, for the store and the floor alike.
    state.PauseTiming();
    auto db = std::make_unique<TempDatabase>();
    create_schema(db->path());
    auto store = truce::storage::open_store(db->path(), truce::storage::OpenMode::kOpenExisting);
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      break;
    }
    state.ResumeTiming();

    auto start = std::chrono::steady_clock::now();
    for (const IntakeBatch& batch : batches) {
      auto written = (*store)->write(batch, truce::storage::WriteMode::kCommit);
      if (!written) {
        state.SkipWithError(written.error().message.c_str());
        break;
      }
    }
    double seconds = seconds_since(start);

    state.PauseTiming();
    auto count = (*store)->count_claims({});
    if (!count || *count != claim_count) {
      state.SkipWithError("the store does not hold every claim");
    }
    store_rates.push_back(claim_count / seconds);
    store.value().reset();
    db.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * claim_count);
  state.counters["batch"] = kBatchSize;
}

// ---- the floor: raw prepared INSERTs ----

// What the store computes per claim, computed before timing: the floor pays
// only for SQLite.
struct RawClaim {
  std::string time_start, time_end, start_key, end_key;
};

class RawWriter {
 public:
  explicit RawWriter(const std::string& path) {
    check(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr), "open");
    sqlite3_busy_timeout(db_, 10000);
    exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA journal_mode = WAL");
    source_ = prepare(
        "INSERT INTO sources (id, name, reliability, affiliation_kind, affiliation_actor_id, "
        "affiliation_actor_name, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    document_ = prepare(
        "INSERT INTO documents (id, source_id, kind, title, language, published, url, "
        "external_ref, text, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    claim_ = prepare(
        "INSERT INTO claims (id, document_id, claimant_id, claimant_name, event_type, time_start, "
        "time_end, time_precision, timezone, start_key, end_key, place_name, place_precision, "
        "place_country, place_admin1, geometry_type, min_lon, min_lat, max_lon, max_lat, "
        "perpetrator_id, perpetrator_name, target_id, target_name, violations_min, "
        "violations_max, explosions_min, explosions_max, credibility, summary) VALUES (?1, ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
        "?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)");
    coordinate_ = prepare(
        "INSERT INTO claim_coordinates (claim_key, part, position, lon, lat) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    box_ = prepare(
        "INSERT INTO claim_boxes (claim_key, min_lon, max_lon, min_lat, max_lat) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    casualty_ = prepare(
        "INSERT INTO claim_casualties (claim_key, position, side_kind, party_id, party_name, "
        "status, count_min, count_max) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    actor_ = prepare("INSERT INTO claim_actors (actor_id, claim_key, role) VALUES (?1, ?2, ?3)");
  }
  RawWriter(const RawWriter&) = delete;
  RawWriter& operator=(const RawWriter&) = delete;
  ~RawWriter() {
    for (sqlite3_stmt* statement :
         {source_, document_, claim_, coordinate_, box_, casualty_, actor_}) {
      sqlite3_finalize(statement);
    }
    sqlite3_close(db_);
  }

  void begin() { exec("BEGIN IMMEDIATE"); }
  void commit() { exec("COMMIT"); }

  void write_source_and_document(const Workload& work) {
    text(source_, 1, work.source.id.str());
    text(source_, 2, work.source.name);
    text(source_, 3, truce::to_string(work.source.reliability));
    text(source_, 4, truce::to_string(work.source.affiliation.kind));
    text(source_, 5, work.source.affiliation.actor->id);
    text(source_, 6, work.source.affiliation.actor->name);
    text(source_, 7, work.source.url);
    run(source_);
    const truce::Document& d = work.document;
    text(document_, 1, d.id.str());
    text(document_, 2, d.source.str());
    text(document_, 3, truce::to_string(d.kind));
    text(document_, 4, d.title);
    text(document_, 5, d.language);
    sqlite3_bind_null(document_, 6);
    text(document_, 7, d.url);
    text(document_, 8, d.external_ref);
    text(document_, 9, d.text);
    text(document_, 10, d.content_hash);
    run(document_);
  }

  // The same rows Store::write makes for these claims: 1 claim, 1 coordinate,
  // 1 box, 2 casualties, 4 actors.
  void write_claim(const Claim& c, const RawClaim& raw) {
    const truce::GeoPoint& point = c.place->geometry->parts[0][0];
    double lon = point.lon.degrees;
    double lat = point.lat.degrees;
    text(claim_, 1, c.id.str());
    text(claim_, 2, c.document.str());
    text(claim_, 3, c.claimant.id);
    text(claim_, 4, c.claimant.name);
    text(claim_, 5, truce::to_string(c.event_type));
    text(claim_, 6, raw.time_start);
    text(claim_, 7, raw.time_end);
    text(claim_, 8, truce::to_string(c.time.precision));
    text(claim_, 9, c.time.timezone);
    text(claim_, 10, raw.start_key);
    text(claim_, 11, raw.end_key);
    text(claim_, 12, c.place->name);
    sqlite3_bind_int(claim_, 13, static_cast<int>(c.place->precision));
    text(claim_, 14, c.place->country);
    text(claim_, 15, c.place->admin1);
    text(claim_, 16, "Point");
    for (int column : {17, 19}) {
      sqlite3_bind_double(claim_, column, lon);
      sqlite3_bind_double(claim_, column + 1, lat);
    }
    text(claim_, 21, c.perpetrator->id);
    text(claim_, 22, c.perpetrator->name);
    text(claim_, 23, c.target->id);
    text(claim_, 24, c.target->name);
    for (int column = 25; column <= 28; ++column) {
      sqlite3_bind_null(claim_, column);
    }
    sqlite3_bind_int(claim_, 29, c.credibility.grade);
    text(claim_, 30, c.summary);
    run(claim_);
    sqlite3_int64 key = sqlite3_last_insert_rowid(db_);

    sqlite3_bind_int64(coordinate_, 1, key);
    sqlite3_bind_int(coordinate_, 2, 0);
    sqlite3_bind_int(coordinate_, 3, 0);
    sqlite3_bind_double(coordinate_, 4, lon);
    sqlite3_bind_double(coordinate_, 5, lat);
    run(coordinate_);
    sqlite3_bind_int64(box_, 1, key);
    sqlite3_bind_double(box_, 2, lon);
    sqlite3_bind_double(box_, 3, lon);
    sqlite3_bind_double(box_, 4, lat);
    sqlite3_bind_double(box_, 5, lat);
    run(box_);
    for (std::size_t i = 0; i < c.casualties.size(); ++i) {
      const truce::CasualtyFigure& figure = c.casualties[i];
      sqlite3_bind_int64(casualty_, 1, key);
      sqlite3_bind_int64(casualty_, 2, static_cast<sqlite3_int64>(i));
      text(casualty_, 3, truce::to_string(figure.side.kind));
      text(casualty_, 4, figure.side.party->id);
      text(casualty_, 5, figure.side.party->name);
      text(casualty_, 6, truce::to_string(figure.status));
      sqlite3_bind_int64(casualty_, 7, figure.count.min);
      if (figure.count.max) {
        sqlite3_bind_int64(casualty_, 8, *figure.count.max);
      } else {
        sqlite3_bind_null(casualty_, 8);
      }
      run(casualty_);
    }
    actor(c.casualties[0].side.party->id, key, "casualty_side");
    actor(c.claimant.id, key, "claimant");
    actor(c.target->id, key, "target");
    actor(c.perpetrator->id, key, "perpetrator");
  }

 private:
  void check(int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
      std::fprintf(stderr, "raw SQLite %s failed: %s\n", what,
                   db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
      std::exit(1);
    }
  }
  void exec(const char* sql) { check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), sql); }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* statement = nullptr;
    check(sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr), sql);
    return statement;
  }
  static void text(sqlite3_stmt* statement, int index, std::string_view value) {
    sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_STATIC);
  }
  void run(sqlite3_stmt* statement) {
    check(sqlite3_step(statement), "step");
    sqlite3_reset(statement);
  }
  void actor(const std::string& id, sqlite3_int64 key, const char* role) {
    text(actor_, 1, id);
    sqlite3_bind_int64(actor_, 2, key);
    text(actor_, 3, role);
    run(actor_);
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* source_ = nullptr;
  sqlite3_stmt* document_ = nullptr;
  sqlite3_stmt* claim_ = nullptr;
  sqlite3_stmt* coordinate_ = nullptr;
  sqlite3_stmt* box_ = nullptr;
  sqlite3_stmt* casualty_ = nullptr;
  sqlite3_stmt* actor_ = nullptr;
};

void BM_RawInsertFloor(benchmark::State& state) {
  const Workload& work = workload();
  std::vector<RawClaim> raw;
  for (const Claim& claim : work.claims) {
    raw.push_back({truce::format_civil_time(claim.time.start),
                   truce::format_civil_time(claim.time.end), truce::interval_start_key(claim.time),
                   truce::interval_end_key(claim.time)});
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto db = std::make_unique<TempDatabase>();
    create_schema(db->path());
    auto writer = std::make_unique<RawWriter>(db->path());
    state.ResumeTiming();

    auto start = std::chrono::steady_clock::now();
    for (int first = 0; first < claim_count; first += kBatchSize) {
      writer->begin();
      if (first == 0) {
        writer->write_source_and_document(work);
      }
      for (int i = first; i < std::min(first + kBatchSize, claim_count); ++i) {
        writer->write_claim(work.claims[static_cast<std::size_t>(i)],
                            raw[static_cast<std::size_t>(i)]);
      }
      writer->commit();
    }
    double seconds = seconds_since(start);

    state.PauseTiming();
    raw_rates.push_back(claim_count / seconds);
    writer.reset();
    db.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * claim_count);
  state.counters["batch"] = kBatchSize;
}

BENCHMARK(BM_StoreWrite)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(7);
BENCHMARK(BM_RawInsertFloor)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1)
    ->Repetitions(7);

double median(std::vector<double> values) {
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  // --claims=N is ours; the rest goes to Google Benchmark.
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--claims=", 9) == 0) {
      claim_count = std::max(1, std::atoi(argv[i] + 9));
    } else {
      args.push_back(argv[i]);
    }
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  double store = median(store_rates);
  double floor = median(raw_rates);
  std::printf(
      "summary: %d claims in batches of %d, median of %zu/%zu runs: store %.0f claims/s, raw "
      "floor %.0f claims/s, store/floor %.2f, SQLite %s\n",
      claim_count, kBatchSize, store_rates.size(), raw_rates.size(), store, floor,
      floor > 0 ? store / floor : 0.0, sqlite3_libversion());
  return 0;
}
