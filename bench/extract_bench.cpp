// Claim extraction: MB/s of input text through extract::Extractor::extract,
// beside three floors measured in the same run on the same corpus:
//
// - end-to-end: Extractor::extract of every document (language detection,
//   normalisation, the Hyperscan matcher and everything after it).
// - hyperscan floor: one block-mode hs_scan per document of the normalised
//   text, against a literal database (hs_compile_lit_multi) of every phrase of
//   the same lexicons, gazetteer and actor names the extractor loads, loaded
//   the same way; the match callback only counts. Normalising is not timed here.
// - icu: icu::Normalizer2 NFKC_Casefold normalizeUTF8 of every document.
// - normalize_for_matching: truce's own matching form with its offsets.
// - end-to-end, long docs: Extractor::extract of the same texts joined into
//   documents of about 64 KB; it should run at the rate of the first stage.
// - end-to-end, 4 MB docs: the first 8 MB of them joined into two documents
//   of 4 MB (a document's text may hold at most 4 MiB); reading is linear in
//   a document's length when it runs at the rate of the long documents.
//
// The corpus (extract_corpus.hpp) is built from the repository's test texts:
// varied copies until it holds --mb megabytes (1 MB = 10^6 bytes). Every rate
// is input bytes (the original text) per second, so ratios of rates are
// ratios of times. The runs of the four stages are interleaved in a seeded
// random order, so a change of load hits every stage alike; the table gives
// the median, min and max over --runs runs. The process is pinned to one core.
//
// Before the corpus is built, it times Extractor::load and reads the resident
// memory the loaded extractor adds (VmRSS in /proc/self/status).
//
//   build-dir/bin/extract_bench [--mb=100] [--runs=5] [--load-runs=5] [--seed=1]
//                               [--data=DIR] [--texts=DIR]... [--extract-only
//                               [--long-documents|--huge-documents]]
//
// --extract-only runs the end-to-end stage alone (to profile it: perf record),
// with --long-documents the stage on long documents instead, with
// --huge-documents the one on 4 MB documents.
//
// The data directory is TRUCE_DATA or the build tree's share/truce; the texts
// default to tests/data/seed and tests/data/corpus/{ar,en,ru} of the sources.
#include <hs/hs.h>
#include <malloc.h>
#include <sched.h>
#include <time.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/actors.hpp"
#include "extract/extraction.hpp"
#include "extract/gazetteer.hpp"
#include "extract/lexicon.hpp"
#include "extract_corpus.hpp"
#include "text/normalize.hpp"
#include "util/data_dir.hpp"

namespace {

namespace fs = std::filesystem;
using truce::extract::Extractor;

struct Options {
  double megabytes = 100;
  int runs = 5;
  int load_runs = 5;
  std::uint64_t seed = 1;
  fs::path data_dir;
  std::vector<fs::path> text_dirs;
  bool extract_only = false;
  bool long_documents = false;  // with extract_only: the long documents instead
  bool huge_documents = false;  // with extract_only: the 4 MB documents instead
};

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "extract_bench: %s\n", message.c_str());
  std::exit(1);
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value_of = [&](std::string_view flag) -> std::optional<std::string> {
      if (!arg.starts_with(flag) || arg.size() <= flag.size() || arg[flag.size()] != '=') {
        return std::nullopt;
      }
      return std::string(arg.substr(flag.size() + 1));
    };
    if (auto v = value_of("--mb")) {
      options.megabytes = std::stod(*v);
    } else if (auto r = value_of("--runs")) {
      options.runs = std::stoi(*r);
    } else if (auto l = value_of("--load-runs")) {
      options.load_runs = std::stoi(*l);
    } else if (auto s = value_of("--seed")) {
      options.seed = std::stoull(*s);
    } else if (auto d = value_of("--data")) {
      options.data_dir = *d;
    } else if (auto t = value_of("--texts")) {
      options.text_dirs.emplace_back(*t);
    } else if (arg == "--extract-only") {
      options.extract_only = true;
    } else if (arg == "--long-documents") {
      options.long_documents = true;
    } else if (arg == "--huge-documents") {
      options.huge_documents = true;
    } else {
      fail("unknown argument " + std::string(arg) +
           "; flags: --mb=N --runs=N --load-runs=N --seed=N --data=DIR --texts=DIR "
           "--extract-only [--long-documents|--huge-documents]");
    }
  }
  if (options.runs < 1 || options.load_runs < 1 || options.megabytes <= 0) {
    fail("--runs, --load-runs and --mb must be positive");
  }
  if (options.data_dir.empty()) {
    auto found = truce::util::find_data_dir();
    if (!found) {
      fail(found.error().message);
    }
    options.data_dir = *found;
  }
  if (options.text_dirs.empty()) {
    const fs::path tests = fs::path(TRUCE_SOURCE_DIR) / "tests" / "data";
    options.text_dirs = {tests / "seed", tests / "corpus" / "ar", tests / "corpus" / "en",
                         tests / "corpus" / "ru"};
  }
  return options;
}

// ---- machine and process ----

// Pins the process to the core it runs on now, so the runs do not migrate.
int pin_to_one_core() {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) {
    fail("sched_getaffinity failed");
  }
  int cpu = sched_getcpu();
  if (cpu < 0 || !CPU_ISSET(cpu, &allowed)) {
    for (cpu = 0; cpu < CPU_SETSIZE && !CPU_ISSET(cpu, &allowed); ++cpu) {
    }
  }
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  if (sched_setaffinity(0, sizeof one, &one) != 0) {
    fail("sched_setaffinity failed");
  }
  return cpu;
}

// A field of /proc/self/status in kB ("VmRSS", "VmHWM").
long status_kb(std::string_view field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':') {
      return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
    }
  }
  return -1;
}

std::string first_line_of(const char* path, std::string_view prefix) {
  std::ifstream file(path);
  std::string line;
  while (std::getline(file, line)) {
    if (line.starts_with(prefix)) {
      return line;
    }
  }
  return {};
}

// ---- timing ----

struct Timing {
  double wall = 0;  // seconds
  double cpu = 0;   // this thread's CPU seconds
};

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

template <typename Work>
Timing timed(Work&& work) {
  const auto wall_start = std::chrono::steady_clock::now();
  const double cpu_start = thread_cpu_seconds();
  work();
  const double cpu = thread_cpu_seconds() - cpu_start;
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_start;
  return {wall.count(), cpu};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// ---- data loading ----

struct LoadFigures {
  double first_seconds = 0;
  std::vector<double> seconds;  // every load, the first included
  long rss_before_kb = 0;
  long rss_after_kb = 0;
  long hwm_after_kb = 0;
};

Extractor load_extractor(const fs::path& data_dir, int runs, LoadFigures& figures) {
  figures.rss_before_kb = status_kb("VmRSS");
  std::optional<Extractor> kept;
  Timing first = timed([&] {
    auto loaded = Extractor::load(data_dir);
    if (!loaded) {
      fail("Extractor::load: " + loaded.error().message);
    }
    kept.emplace(std::move(loaded).value());
  });
  figures.rss_after_kb = status_kb("VmRSS");
  figures.hwm_after_kb = status_kb("VmHWM");
  figures.first_seconds = first.wall;
  figures.seconds.push_back(first.wall);
  for (int i = 1; i < runs; ++i) {
    Timing again = timed([&] {
      auto loaded = Extractor::load(data_dir);
      if (!loaded) {
        fail("Extractor::load: " + loaded.error().message);
      }
    });
    figures.seconds.push_back(again.wall);
  }
  return std::move(*kept);
}

// ---- the Hyperscan floor ----

struct FloorDatabase {
  hs_database_t* database = nullptr;
  hs_scratch_t* scratch = nullptr;
  std::size_t phrases = 0;      // distinct phrases compiled
  std::size_t inner_stems = 0;  // of which had a '*' inside (dropped for the floor)
  std::size_t lexicon_entries = 0;
  ~FloorDatabase() {
    hs_free_scratch(scratch);
    hs_free_database(database);
  }
};

// The extractor's own matcher compiles the same phrases (as literals, and the
// few with an inner stem mark as expressions); the floor takes every phrase as
// a literal, inner '*' removed, with no word-boundary or affix logic.
void build_floor(const fs::path& data_dir, FloorDatabase& floor) {
  truce::extract::Lexicon lexicon;
  if (auto loaded = lexicon.load_directory(data_dir / "lexicon"); !loaded.ok()) {
    fail(loaded.error().message);
  }
  auto places = truce::extract::Gazetteer::load(data_dir, lexicon);
  if (!places) {
    fail(places.error().message);
  }
  auto actors = truce::extract::ActorRegistry::load(data_dir, lexicon);
  if (!actors) {
    fail(actors.error().message);
  }
  floor.lexicon_entries = lexicon.size();

  std::set<std::string> phrases;
  for (const truce::extract::LexiconEntry& entry : lexicon.entries()) {
    if (entry.phrase.empty() || entry.category == "prefix" || entry.category == "suffix" ||
        entry.has_attribute("lookup")) {
      continue;
    }
    std::string phrase = entry.phrase;
    if (phrase.find('*') != std::string::npos) {
      ++floor.inner_stems;
      std::erase(phrase, '*');
    }
    if (!phrase.empty()) {
      phrases.insert(std::move(phrase));
    }
  }
  std::vector<const char*> literals;
  std::vector<std::size_t> lengths;
  std::vector<unsigned> ids;
  for (const std::string& phrase : phrases) {
    literals.push_back(phrase.data());
    lengths.push_back(phrase.size());
    ids.push_back(static_cast<unsigned>(ids.size()));
  }
  floor.phrases = literals.size();
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(literals.data(), nullptr, ids.data(), lengths.data(),
                           static_cast<unsigned>(literals.size()), HS_MODE_BLOCK, nullptr,
                           &floor.database, &error) != HS_SUCCESS) {
    std::string message = error != nullptr ? error->message : "unknown error";
    hs_free_compile_error(error);
    fail("hs_compile_lit_multi: " + message);
  }
  if (hs_alloc_scratch(floor.database, &floor.scratch) != HS_SUCCESS) {
    fail("hs_alloc_scratch failed");
  }
}

int count_match(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
  ++*static_cast<std::uint64_t*>(context);
  return 0;
}

// ---- the stages; each returns a checksum so its work cannot be optimised out
// and so runs can be compared ----

using Inputs = std::vector<truce::extract::ExtractionInput>;

// Long documents for the linearity stage; every rate there counts the corpus
// bytes, leaving out the one newline per join (under 0.1 %).
constexpr std::size_t kLongDocumentBytes = 64000;
constexpr std::size_t kHugeDocumentBytes = 4000000;  // under the 4 MiB limit of one text
constexpr std::size_t kHugeDocuments = 2;

std::uint64_t run_extract(const Extractor& extractor, const Inputs& inputs) {
  std::uint64_t found = 0;
  for (const auto& input : inputs) {
    truce::extract::Extraction extraction = extractor.extract(input);
    found += extraction.claims.size() * 1000 + extraction.set_aside.size() * 10 +
             extraction.warnings.size();
  }
  return found;
}

std::uint64_t run_floor(const FloorDatabase& floor, const std::vector<std::string>& normalized) {
  std::uint64_t matches = 0;
  for (const std::string& text : normalized) {
    if (hs_scan(floor.database, text.data(), static_cast<unsigned>(text.size()), 0, floor.scratch,
                count_match, &matches) != HS_SUCCESS) {
      fail("hs_scan failed");
    }
  }
  return matches;
}

std::uint64_t run_icu(const Inputs& inputs) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    fail(std::string("ICU: ") + u_errorName(status));
  }
  std::uint64_t bytes = 0;
  std::string out;
  for (const auto& input : inputs) {
    out.clear();
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(input.text.size()));
    normalizer->normalizeUTF8(0, icu::StringPiece(input.text.data(), input.text.size()), sink,
                              nullptr, status);
    if (U_FAILURE(status)) {
      fail(std::string("ICU: ") + u_errorName(status));
    }
    bytes += out.size();
  }
  return bytes;
}

std::uint64_t run_ours(const Inputs& inputs) {
  std::uint64_t bytes = 0;
  for (const auto& input : inputs) {
    truce::text::NormalizedText normalized = truce::text::normalize_for_matching(input.text);
    bytes += normalized.text.size();
  }
  return bytes;
}

// ---- reporting ----

struct Stage {
  const char* name;
  double megabytes;  // of input text per run
  std::function<std::uint64_t()> run;
  std::vector<double> wall;
  std::vector<double> cpu;
  std::set<std::uint64_t> checksums;
};

void print_report(const Options& options, std::vector<Stage>& stages) {
  std::printf("\n%-24s %10s %9s %9s %12s %12s %s\n", "stage", "MB/s", "min", "max", "MB/s (CPU)",
              "s/run", "checksum");
  for (Stage& stage : stages) {
    if (stage.wall.empty()) {
      continue;
    }
    std::vector<double> rates;
    for (double seconds : stage.wall) rates.push_back(stage.megabytes / seconds);
    std::vector<double> cpu_rates;
    for (double seconds : stage.cpu) cpu_rates.push_back(stage.megabytes / seconds);
    std::printf("%-24s %10.2f %9.2f %9.2f %12.2f %12.2f %llu%s\n", stage.name, median(rates),
                *std::min_element(rates.begin(), rates.end()),
                *std::max_element(rates.begin(), rates.end()), median(cpu_rates),
                median(stage.wall), static_cast<unsigned long long>(*stage.checksums.begin()),
                stage.checksums.size() == 1 ? "" : " (CHANGED between runs)");
  }
  if (options.extract_only) {
    return;
  }
  auto rate = [&](std::size_t i) { return stages[i].megabytes / median(stages[i].wall); };
  auto cpu_rate = [&](std::size_t i) { return stages[i].megabytes / median(stages[i].cpu); };
  std::printf(
      "\nratios of median rates, wall (CPU): end-to-end/hyperscan-floor %.4f (%.4f), "
      "end-to-end/icu %.3f (%.3f), normalize_for_matching/icu %.3f (%.3f)\n",
      rate(0) / rate(1), cpu_rate(0) / cpu_rate(1), rate(0) / rate(2), cpu_rate(0) / cpu_rate(2),
      rate(3) / rate(2), cpu_rate(3) / cpu_rate(2));
  std::printf("4 MB documents / long documents %.3f (%.3f): 1 when reading is linear\n",
              rate(5) / rate(4), cpu_rate(5) / cpu_rate(4));
  std::printf(
      "summary: %.1f MB, median of %d runs, MB/s wall: end-to-end %.2f, hyperscan floor %.1f, "
      "icu %.1f, normalize_for_matching %.1f, end-to-end on long documents %.2f, on 4 MB "
      "documents %.2f\n",
      stages[0].megabytes, options.runs, rate(0), rate(1), rate(2), rate(3), rate(4), rate(5));
}

}  // namespace

int main(int argc, char** argv) {
  // As the truce binary does (src/app/main.cpp): keep freed memory, so CLD2's
  // per-call scratch is not returned to the kernel and faulted in again.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  const Options options = parse_options(argc, argv);
  const int cpu = pin_to_one_core();
  std::string model = first_line_of("/proc/cpuinfo", "model name");
  model.erase(0, model.find(':') == std::string::npos ? 0 : model.find(':') + 2);
  std::printf("extract_bench: pinned to CPU %d (one core); CPU model %s; %ld CPUs online\n", cpu,
              model.c_str(), sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("load average at start: %s\n", first_line_of("/proc/loadavg", "").c_str());
  std::printf("data: %s\n", options.data_dir.string().c_str());

  LoadFigures load;
  const Extractor extractor = load_extractor(options.data_dir, options.load_runs, load);
  std::printf(
      "load: Extractor::load first %.0f ms, median of %zu %.0f ms (min %.0f, max %.0f); "
      "VmRSS %.1f MiB -> %.1f MiB (+%.1f MiB), VmHWM after %.1f MiB\n",
      load.first_seconds * 1e3, load.seconds.size(), median(load.seconds) * 1e3,
      *std::min_element(load.seconds.begin(), load.seconds.end()) * 1e3,
      *std::max_element(load.seconds.begin(), load.seconds.end()) * 1e3,
      static_cast<double>(load.rss_before_kb) / 1024, static_cast<double>(load.rss_after_kb) / 1024,
      static_cast<double>(load.rss_after_kb - load.rss_before_kb) / 1024,
      static_cast<double>(load.hwm_after_kb) / 1024);

  auto sources = truce::bench::read_source_texts(options.text_dirs);
  if (!sources) {
    fail(sources.error().message);
  }
  // Reading touches what loading did not: CLD2's tables, ICU's normalisation data.
  for (const truce::bench::SourceText& source : *sources) {
    truce::extract::ExtractionInput input;
    input.text = source.text;
    input.published = source.published;
    (void)extractor.extract(input);
  }
  std::printf(
      "after reading each of the %zu test texts once: VmRSS %.1f MiB (+%.1f MiB over the start)\n",
      sources->size(), static_cast<double>(status_kb("VmRSS")) / 1024,
      static_cast<double>(status_kb("VmRSS") - load.rss_before_kb) / 1024);
  truce::bench::Corpus corpus = truce::bench::build_corpus(
      *sources, static_cast<std::size_t>(options.megabytes * 1e6), options.seed);
  const double megabytes = static_cast<double>(corpus.bytes) / 1e6;
  std::printf(
      "corpus: %.1f MB in %zu documents, varied copies of %zu texts (%zu distinct documents)\n",
      megabytes, corpus.documents.size(), corpus.source_count, corpus.distinct_texts);

  Inputs inputs;
  inputs.reserve(corpus.documents.size());
  for (truce::bench::CorpusDocument& document : corpus.documents) {
    truce::extract::ExtractionInput input;
    input.text = std::move(document.text);
    input.published = document.published;
    if (input.published) {
      input.published_origin = "--published";
    }
    inputs.push_back(std::move(input));
  }
  corpus.documents.clear();
  // The same text again as long documents (reports, transcripts): consecutive
  // documents joined until each holds kLongDocumentBytes. Reading must stay
  // linear in the length of a document; this stage shows it if it does not.
  Inputs long_inputs;
  for (const auto& input : inputs) {
    if (long_inputs.empty() || long_inputs.back().text.size() >= kLongDocumentBytes) {
      long_inputs.emplace_back();
      long_inputs.back().published = input.published;
      long_inputs.back().published_origin = input.published_origin;
    } else {
      long_inputs.back().text += '\n';  // each text ends with one: a blank line between
    }
    long_inputs.back().text += input.text;
  }
  const double long_megabytes = [&] {
    std::size_t bytes = 0;
    for (const auto& input : long_inputs) {
      bytes += input.text.size();
    }
    return static_cast<double>(bytes) / 1e6;
  }();
  std::printf("long documents: %.1f MB in %zu documents of about %zu KB\n", long_megabytes,
              long_inputs.size(), kLongDocumentBytes / 1000);
  Inputs huge_inputs;
  std::size_t huge_bytes = 0;
  for (const auto& input : inputs) {
    if (huge_inputs.empty() ||
        huge_inputs.back().text.size() + input.text.size() + 1 > kHugeDocumentBytes) {
      if (huge_inputs.size() == kHugeDocuments) {
        break;
      }
      huge_inputs.emplace_back();
      huge_inputs.back().published = input.published;
      huge_inputs.back().published_origin = input.published_origin;
    } else {
      huge_inputs.back().text += '\n';
      ++huge_bytes;
    }
    huge_inputs.back().text += input.text;
    huge_bytes += input.text.size();
  }
  const double huge_megabytes = static_cast<double>(huge_bytes) / 1e6;
  std::printf("4 MB documents: %.1f MB in %zu documents\n", huge_megabytes, huge_inputs.size());

  FloorDatabase floor;
  std::vector<std::string> normalized;
  if (!options.extract_only) {
    build_floor(options.data_dir, floor);
    std::printf(
        "hyperscan floor: %zu distinct phrases as literals (%zu lexicon entries, %zu phrases "
        "with an inner stem mark taken without it), Hyperscan %s\n",
        floor.phrases, floor.lexicon_entries, floor.inner_stems, hs_version());
    normalized.reserve(inputs.size());
    for (const auto& input : inputs) {
      normalized.push_back(truce::text::normalize_for_matching(input.text).text);
    }
  }

  std::vector<Stage> stages;
  stages.push_back({"end-to-end extract",
                    megabytes,
                    [&] { return run_extract(extractor, inputs); },
                    {},
                    {},
                    {}});
  stages.push_back(
      {"hyperscan floor", megabytes, [&] { return run_floor(floor, normalized); }, {}, {}, {}});
  stages.push_back({"icu nfkc_casefold", megabytes, [&] { return run_icu(inputs); }, {}, {}, {}});
  stages.push_back(
      {"normalize_for_matching", megabytes, [&] { return run_ours(inputs); }, {}, {}, {}});
  stages.push_back({"end-to-end, long docs",
                    long_megabytes,
                    [&] { return run_extract(extractor, long_inputs); },
                    {},
                    {},
                    {}});
  stages.push_back({"end-to-end, 4 MB docs",
                    huge_megabytes,
                    [&] { return run_extract(extractor, huge_inputs); },
                    {},
                    {},
                    {}});

  std::mt19937_64 order_random(options.seed);
  std::vector<std::size_t> order = {0, 1, 2, 3, 4, 5};
  if (options.extract_only) {
    order = {options.huge_documents   ? std::size_t{5}
             : options.long_documents ? std::size_t{4}
                                      : std::size_t{0}};
  }
  for (int run = 0; run < options.runs; ++run) {
    std::shuffle(order.begin(), order.end(), order_random);
    std::printf("run %d:", run + 1);
    for (std::size_t index : order) {
      Stage& stage = stages[index];
      std::uint64_t checksum = 0;
      Timing timing = timed([&] { checksum = stage.run(); });
      stage.wall.push_back(timing.wall);
      stage.cpu.push_back(timing.cpu);
      stage.checksums.insert(checksum);
      std::printf(" %s %.2f MB/s;", stage.name, stage.megabytes / timing.wall);
      std::fflush(stdout);
    }
    std::printf("\n");
  }
  print_report(options, stages);
  std::printf("load average at end: %s\n", first_line_of("/proc/loadavg", "").c_str());
  return 0;
}
