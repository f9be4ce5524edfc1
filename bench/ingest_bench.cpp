// Bulk ingest: claims/s written into a SQLite file, beside the floor — the
// same rows (same tables, columns and child rows) inserted by plain prepared
// statements into a file with the same schema and pragmas.
//
// - BM_StoreWrite: Store::write from memory, in batches of 1,000 claims (one
//   transaction each); BM_RawInsertFloor is its floor, with the same
//   transaction size. The ratio store/floor is the price of the store's checks
//   (ids already stored, references), conversions and caching.
// - BM_IngestFile/{csv,json}: what `truce ingest FILE` does with a file of
//   new claims: ingest::read_intake_file (read, UTF-8 check, parse, validate,
//   derive ids), then Store::write of the whole file in one transaction.
//   BM_RawInsertFloorOneTransaction is its floor: the same rows in one
//   transaction. The files are written before any timing, by the serial
//   writers, from the same claims the other benchmarks write.
// - BM_ReadIntake/{csv,json}: read_intake_file alone, and BM_ReadIntakeSteps:
//   its steps timed one by one (read the file, check UTF-8, parse and
//   validate with the serial reader, derive ids), to show where the time of a
//   file ingest goes.
//
//   build-dir/bin/ingest_bench [--claims=N] [--benchmark_filter=REGEX]
//
// Repetitions are set per benchmark below (--benchmark_repetitions does not
// override them), and run interleaved in random order by default. The
// summary lines at the end give the medians and ratios.
//
// The database and input files go to $TMPDIR (default /tmp): put that on the
// disk you want to measure, since synchronous=FULL makes every commit wait
// for fsync.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "core/vocabulary.hpp"
#include "ingest/identity.hpp"
#include "ingest/intake.hpp"
#include "serial/formats.hpp"
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
  work.source.id = truce::SourceId("northland-mod");
  work.source.name = "Ministry of Defence of Northland";
  work.source.reliability = truce::Reliability::kC;
  work.source.affiliation = {truce::AffiliationKind::kParty,
                             truce::ActorRef{"northland", "Northland"}};
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
    claim.claimant = {"northland", "Northland"};
    claim.event_type = truce::EventType::kShelling;
    claim.time = {day_of_2021(i / 30), day_of_2021(i / 30), truce::TimePrecision::kDay, ""};
    double lon = 44.0 + next(300000) / 100000.0;
    double lat = 39.0 + next(200000) / 100000.0;
    claim.place =
        truce::Place{"", truce::make_point(lon, lat), truce::LocationPrecision::kExact, "XN", ""};
    claim.perpetrator = truce::ActorRef{"southland", "Southland"};
    claim.target = truce::ActorRef{"northland", "Northland"};
    truce::Side northland{truce::SideKind::kCombatants, truce::ActorRef{"northland", "Northland"}};
    claim.casualties = {
        {northland, truce::CasualtyStatus::kKilled, truce::exactly(next(5))},
        {northland, truce::CasualtyStatus::kWounded, truce::at_least(next(20))},
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

// The workload as ingest gives it back from the input files (set before
// timing by write_input_files): the same claims, but with the ids ingest
// derives from their content, which fall in no particular order where the
// workload's count up.
std::optional<Workload> ingested;

// ---- temporary directories, schema, timing ----

// A fresh directory under $TMPDIR, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "truce-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      std::exit(1);
    }
    dir_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() { std::filesystem::remove_all(dir_); }

  std::filesystem::path path(std::string_view name) const { return dir_ / name; }

 private:
  std::filesystem::path dir_;
};

constexpr std::string_view kDatabaseName = "bench.db";

// A fresh database with the store's schema and pragmas (WAL is persistent).
void create_schema(const std::string& path) {
  auto store = truce::storage::open_store(path, truce::storage::OpenMode::kCreate);
  if (!store) {
    std::fprintf(stderr, "cannot create %s: %s\n", path.c_str(), store.error().message.c_str());
    std::exit(1);
  }
}

// A fresh database file with the schema, opened through the store.
struct FreshStore {
  std::unique_ptr<TempDir> dir = std::make_unique<TempDir>();
  truce::Result<std::unique_ptr<truce::storage::Store>> store = open();

 private:
  truce::Result<std::unique_ptr<truce::storage::Store>> open() const {
    std::string path = dir->path(kDatabaseName).string();
    create_schema(path);
    return truce::storage::open_store(path, truce::storage::OpenMode::kOpenExisting);
  }
};

// Wall seconds of each timed run, by what was timed ("KEY/cpu": the thread's
// CPU seconds of the same runs, where recorded), for the summary lines.
std::map<std::string, std::vector<double>> run_seconds;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Wall and CPU time since construction (or the last lap). Parsing is CPU
// only, so on a shared machine its CPU time is the steadier figure; writing
// waits for the disk, so there the wall time is what counts.
class Stopwatch {
 public:
  struct Lap {
    double wall = 0;
    double cpu = 0;
  };
  Lap lap() {
    auto wall = std::chrono::steady_clock::now();
    double cpu = thread_cpu_seconds();
    Lap lap{std::chrono::duration<double>(wall - wall_).count(), cpu - cpu_};
    wall_ = wall;
    cpu_ = cpu;
    return lap;
  }

 private:
  std::chrono::steady_clock::time_point wall_ = std::chrono::steady_clock::now();
  double cpu_ = thread_cpu_seconds();
};

void record(const std::string& key, Stopwatch::Lap lap) {
  run_seconds[key].push_back(lap.wall);
  run_seconds[key + "/cpu"].push_back(lap.cpu);
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
    auto fresh = std::make_unique<FreshStore>();
    auto& store = fresh->store;
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
    run_seconds["store"].push_back(seconds);
    fresh.reset();
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

// The rows the store writes for `work`, `batch_size` claims per transaction.
void run_raw_floor(benchmark::State& state, const Workload& work, int batch_size,
                   const std::string& key) {
  std::vector<RawClaim> raw;
  for (const Claim& claim : work.claims) {
    raw.push_back({truce::format_civil_time(claim.time.start),
                   truce::format_civil_time(claim.time.end), truce::interval_start_key(claim.time),
                   truce::interval_end_key(claim.time)});
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto db = std::make_unique<TempDir>();
    std::string path = db->path(kDatabaseName).string();
    create_schema(path);
    auto writer = std::make_unique<RawWriter>(path);
    state.ResumeTiming();

    auto start = std::chrono::steady_clock::now();
    for (int first = 0; first < claim_count; first += batch_size) {
      writer->begin();
      if (first == 0) {
        writer->write_source_and_document(work);
      }
      for (int i = first; i < std::min(first + batch_size, claim_count); ++i) {
        writer->write_claim(work.claims[static_cast<std::size_t>(i)],
                            raw[static_cast<std::size_t>(i)]);
      }
      writer->commit();
    }
    double seconds = seconds_since(start);

    state.PauseTiming();
    run_seconds[key].push_back(seconds);
    writer.reset();
    db.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * claim_count);
  state.counters["batch"] = batch_size;
}

// The floor of BM_StoreWrite: the workload in transactions of kBatchSize.
void BM_RawInsertFloor(benchmark::State& state) {
  run_raw_floor(state, workload(), kBatchSize, "floor");
}

// The floor of BM_IngestFile: the rows a file ingest writes — the same
// claims, with the ids ingest derives — all in one transaction.
void BM_RawInsertFloorOneTransaction(benchmark::State& state) {
  run_raw_floor(state, *ingested, claim_count, "floor-one-transaction");
}

// ---- input files: the workload as a user hands it over ----

enum class FileFormat { kCsv, kJson };

std::string_view format_name(FileFormat format) {
  return format == FileFormat::kCsv ? "csv" : "json";
}

// The workload as new claims in a user's file: no claim ids and the document
// named by a local key, so ingest derives every id (docs/formats/csv.md,
// docs/formats/json.md).
IntakeBatch file_batch(const Workload& work) {
  IntakeBatch batch;
  batch.origin = "bench";
  batch.sources = {work.source};
  truce::Document document = work.document;
  document.id = truce::DocumentId("key:northland-daily-report");
  document.content_hash.clear();
  batch.documents = {document};
  batch.claims = work.claims;
  for (Claim& claim : batch.claims) {
    claim.id = truce::ClaimId();
    claim.document = document.id;
  }
  return batch;
}

std::unique_ptr<TempDir> input_dir;  // holds the input files while the benchmarks run

std::filesystem::path input_path(FileFormat format) {
  return input_dir->path(format == FileFormat::kCsv ? "claims.csv" : "report.json");
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::string text(std::filesystem::file_size(path), '\0');
  stream.read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

// Writes both files, then reads each once through ingest to check that it
// gives every claim, with distinct ids, and both the same ids, before
// anything is timed; keeps what the CSV file gives in `ingested`.
void write_input_files() {
  input_dir = std::make_unique<TempDir>();
  IntakeBatch batch = file_batch(workload());
  for (FileFormat format : {FileFormat::kCsv, FileFormat::kJson}) {
    std::string text = format == FileFormat::kCsv ? truce::serial::write_claims_csv(batch)
                                                  : truce::serial::write_report_json(batch);
    std::ofstream(input_path(format), std::ios::binary) << text;
    auto intake =
        truce::ingest::read_intake_file(input_path(format), truce::ingest::InputFormat::kAuto);
    if (!intake) {
      std::fprintf(stderr, "the generated %s file does not read back: %s\n",
                   format_name(format).data(), intake.error().message.c_str());
      std::exit(1);
    }
    if (intake->batch.claims.size() != static_cast<std::size_t>(claim_count) ||
        !intake->warnings.empty()) {
      std::fprintf(stderr, "the generated %s file reads back as %zu claims with %zu warnings\n",
                   format_name(format).data(), intake->batch.claims.size(),
                   intake->warnings.size());
      std::exit(1);
    }
    if (!ingested) {
      const IntakeBatch& read = intake->batch;
      ingested = Workload{read.sources.at(0), read.documents.at(0), read.claims};
    } else {
      for (std::size_t i = 0; i < ingested->claims.size(); ++i) {
        if (intake->batch.claims[i].id != ingested->claims[i].id) {
          std::fprintf(stderr, "note: claim %zu gets id %s from CSV but %s from JSON\n", i,
                       ingested->claims[i].id.str().c_str(),
                       intake->batch.claims[i].id.str().c_str());
          break;
        }
      }
    }
  }
}

std::string key_of(std::string_view what, FileFormat format) {
  return std::string(what) + "-" + std::string(format_name(format));
}

// ---- file ingest: read_intake_file + Store::write ----

void BM_IngestFile(benchmark::State& state, FileFormat format) {
  const std::filesystem::path path = input_path(format);
  for (auto _ : state) {
    state.PauseTiming();
    auto fresh = std::make_unique<FreshStore>();
    auto& store = fresh->store;
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      break;
    }
    std::optional<truce::Result<truce::ingest::Intake>> intake;
    state.ResumeTiming();

    Stopwatch watch;
    intake.emplace(truce::ingest::read_intake_file(path, truce::ingest::InputFormat::kAuto));
    if (!*intake) {
      state.SkipWithError((*intake).error().message.c_str());
      break;
    }
    Stopwatch::Lap read = watch.lap();
    auto written = (*store)->write((**intake).batch, truce::storage::WriteMode::kCommit);
    Stopwatch::Lap write = watch.lap();
    if (!written) {
      state.SkipWithError(written.error().message.c_str());
      break;
    }

    // Freeing the batch, closing the connection (which checkpoints the WAL)
    // and deleting the file are not timed.
    state.PauseTiming();
    auto count = (*store)->count_claims({});
    if (written->claims_added != claim_count || !count || *count != claim_count) {
      state.SkipWithError("the store does not hold every claim of the file");
    }
    record(key_of("ingest", format), {read.wall + write.wall, read.cpu + write.cpu});
    record(key_of("ingest-read", format), read);
    record(key_of("ingest-write", format), write);
    intake.reset();
    fresh.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * claim_count);
  state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(path));
}

// ---- where the time of a file ingest goes ----

// read_intake_file alone: read, UTF-8 check, parse, validate, derive ids.
void BM_ReadIntake(benchmark::State& state, FileFormat format) {
  const std::filesystem::path path = input_path(format);
  for (auto _ : state) {
    state.PauseTiming();
    std::optional<truce::Result<truce::ingest::Intake>> intake;
    state.ResumeTiming();

    Stopwatch watch;
    intake.emplace(truce::ingest::read_intake_file(path, truce::ingest::InputFormat::kAuto));
    Stopwatch::Lap lap = watch.lap();
    if (!*intake || (**intake).batch.claims.size() != static_cast<std::size_t>(claim_count)) {
      state.SkipWithError("read_intake_file did not give every claim");
      break;
    }

    state.PauseTiming();
    record(key_of("read", format), lap);
    intake.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * claim_count);
}

// read_intake_file step by step: the calls src/ingest/intake.cpp makes, in
// its order, each timed, to show where the time of reading goes. (The checks
// it makes between them — limits, empty text, format detection — take no
// measurable time and are left out.)
void BM_ReadIntakeSteps(benchmark::State& state, FileFormat format) {
  const std::filesystem::path path = input_path(format);
  const std::string name = path.string();
  for (auto _ : state) {
    state.PauseTiming();
    std::optional<std::string> text;
    std::optional<truce::Result<IntakeBatch>> batch;
    std::vector<std::string> warnings;
    state.ResumeTiming();

    Stopwatch watch;
    text.emplace(read_file(path));
    Stopwatch::Lap file = watch.lap();
    std::string problem = truce::ingest::text_encoding_problem(*text);
    Stopwatch::Lap encoding = watch.lap();
    batch.emplace(format == FileFormat::kCsv ? truce::serial::read_claims_csv(*text, name)
                                             : truce::serial::read_report_json(*text, name));
    Stopwatch::Lap parse = watch.lap();
    if (!problem.empty() || !*batch) {
      state.SkipWithError("the file does not read");
      break;
    }
    truce::Status assigned = truce::ingest::assign_ids(**batch, warnings);
    Stopwatch::Lap ids = watch.lap();
    if (!assigned || (**batch).claims.size() != static_cast<std::size_t>(claim_count)) {
      state.SkipWithError("assign_ids did not keep every claim");
      break;
    }

    state.PauseTiming();
    record(key_of("step-file", format), file);
    record(key_of("step-encoding", format), encoding);
    record(key_of("step-parse", format), parse);
    record(key_of("step-ids", format), ids);
    batch.reset();
    text.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * claim_count);
}

// Each benchmark runs single iterations (one iteration = the whole workload),
// repeated; Google Benchmark and the summary lines report medians. Writes wait
// for the disk and take about a second per run; reads are CPU only and
// shorter, so they get a few more runs for the same time.
void timed_runs(benchmark::internal::Benchmark* benchmark, int repetitions) {
  benchmark->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(repetitions);
}
void write_runs(benchmark::internal::Benchmark* benchmark) {
  timed_runs(benchmark, 7);
}
void read_runs(benchmark::internal::Benchmark* benchmark) {
  timed_runs(benchmark, 9);
}

BENCHMARK(BM_StoreWrite)->Apply(write_runs);
BENCHMARK(BM_RawInsertFloor)->Apply(write_runs);
BENCHMARK(BM_RawInsertFloorOneTransaction)->Apply(write_runs);
BENCHMARK_CAPTURE(BM_IngestFile, csv, FileFormat::kCsv)->Apply(write_runs);
BENCHMARK_CAPTURE(BM_IngestFile, json, FileFormat::kJson)->Apply(write_runs);
BENCHMARK_CAPTURE(BM_ReadIntake, csv, FileFormat::kCsv)->Apply(read_runs);
BENCHMARK_CAPTURE(BM_ReadIntake, json, FileFormat::kJson)->Apply(read_runs);
BENCHMARK_CAPTURE(BM_ReadIntakeSteps, csv, FileFormat::kCsv)->Apply(read_runs);
BENCHMARK_CAPTURE(BM_ReadIntakeSteps, json, FileFormat::kJson)->Apply(read_runs);

double median(std::vector<double> values) {
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// Median wall seconds of the runs recorded under `key` (0 if none ran).
double median_seconds(const std::string& key) {
  return median(run_seconds[key]);
}

// Claims per second of the median run.
double rate(const std::string& key) {
  double seconds = median_seconds(key);
  return seconds > 0 ? claim_count / seconds : 0.0;
}

double ratio(double a, double b) {
  return b > 0 ? a / b : 0.0;
}

bool ran(const std::string& key) {
  auto found = run_seconds.find(key);
  return found != run_seconds.end() && !found->second.empty();
}

// Microseconds per claim of the median run under `key`, wall and CPU.
std::pair<double, double> per_claim(const std::string& key) {
  return {median_seconds(key) * 1e6 / claim_count,
          median_seconds(key + "/cpu") * 1e6 / claim_count};
}

// One line per finding, for the benchmarks that ran (--benchmark_filter).
void print_summary() {
  double store = rate("store");
  double floor = rate("floor");
  if (ran("store") || ran("floor")) {
    std::printf(
        "summary: %d claims in batches of %d, median of %zu/%zu runs: store %.0f claims/s, raw "
        "floor %.0f claims/s, store/floor %.2f, SQLite %s\n",
        claim_count, kBatchSize, run_seconds["store"].size(), run_seconds["floor"].size(), store,
        floor, ratio(store, floor), sqlite3_libversion());
  }
  double floor_one = rate("floor-one-transaction");
  if (ran("floor-one-transaction")) {
    std::printf(
        "summary: raw floor with all %d claims in one transaction (a file's): %.0f claims/s "
        "(median of %zu runs)\n",
        claim_count, floor_one, run_seconds["floor-one-transaction"].size());
  }
  for (FileFormat format : {FileFormat::kCsv, FileFormat::kJson}) {
    const char* name = format_name(format).data();
    if (ran(key_of("ingest", format))) {
      double ingest = rate(key_of("ingest", format));
      std::printf(
          "summary: %-4s file ingest (%.2f MB, read_intake_file + Store::write in one "
          "transaction): %.0f claims/s (median of %zu runs), ingest/floor(one transaction) %.2f, "
          "ingest/floor(batches of %d) %.2f\n",
          name, static_cast<double>(std::filesystem::file_size(input_path(format))) / 1e6, ingest,
          run_seconds[key_of("ingest", format)].size(), ratio(ingest, floor_one), kBatchSize,
          ratio(ingest, floor));
      auto [read_wall, read_cpu] = per_claim(key_of("ingest-read", format));
      auto [write_wall, write_cpu] = per_claim(key_of("ingest-write", format));
      std::printf(
          "summary: %-4s within ingest, us/claim wall (CPU): read_intake_file %.1f (%.1f), "
          "Store::write %.1f (%.1f); read_intake_file is %.0f%% of the wall time\n",
          name, read_wall, read_cpu, write_wall, write_cpu,
          100 * ratio(read_wall, read_wall + write_wall));
    }
    if (ran(key_of("read", format))) {
      auto [wall, cpu] = per_claim(key_of("read", format));
      std::printf(
          "summary: %-4s read_intake_file alone: %.0f claims/s, %.1f (%.1f) us/claim wall (CPU), "
          "median of %zu runs\n",
          name, rate(key_of("read", format)), wall, cpu,
          run_seconds[key_of("read", format)].size());
    }
    if (ran(key_of("step-parse", format))) {
      std::printf("summary: %-4s read_intake_file step by step, us/claim wall (CPU):", name);
      for (const char* step : {"file", "encoding", "parse", "ids"}) {
        auto [wall, cpu] = per_claim(key_of(std::string("step-") + step, format));
        std::printf(" %s %.1f (%.1f)", step, wall, cpu);
      }
      std::printf("\n");
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  // --claims=N is ours; the rest goes to Google Benchmark. Repetitions of
  // all benchmarks run interleaved in random order, so that a change of load
  // on a shared machine during the run falls on each benchmark alike and the
  // ratios stay comparable; pass --benchmark_enable_random_interleaving=false
  // to run each benchmark's repetitions back to back.
  std::string interleave = "--benchmark_enable_random_interleaving=true";
  std::vector<char*> args{argv[0], interleave.data()};
  for (int i = 1; i < argc; ++i) {
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
  write_input_files();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  print_summary();
  input_dir.reset();
  return 0;
}
