// agreements (list, show, load), assess, coverage and alerts.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "report/agreements.hpp"
#include "service/monitor.hpp"

namespace truce::app {
namespace {

struct Flags {
  std::string db;
  bool json = false;
  std::string id;                   // show
  std::vector<std::string> files;   // load
  bool dry_run = false;             // load
  std::string facts;                // assess, coverage, alerts
  std::string line;                 // coverage
  std::vector<std::string> posts;   // coverage
  std::string at;                   // coverage
  service::AlertQuery alert_query;  // alerts over stored incidents
};

std::optional<service::Monitor> open(Context& context, const Flags& flags) {
  auto monitor =
      service::Monitor::open(resolve_database(flags.db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), flags.json);
    return std::nullopt;
  }
  return std::move(*monitor);
}

void print(const std::string& text) {
  std::fputs(text.c_str(), stdout);
}

void run_list(Context& context, const Flags& flags) {
  auto monitor = open(context, flags);
  if (!monitor) {
    return;
  }
  auto registry = monitor->registry();
  auto files = monitor->registry_files();
  if (!registry || !files) {
    report_error(context, registry ? files.error() : registry.error(), flags.json);
    return;
  }
  std::vector<report::AgreementOrigin> origins;
  for (const auto& file : *files) {
    origins.push_back({file.name, file.bundled, file.version});
  }
  print(flags.json ? report::agreements_json(*registry, origins)
                   : report::agreements_text(*registry, origins));
}

void run_show(Context& context, const Flags& flags) {
  auto monitor = open(context, flags);
  if (!monitor) {
    return;
  }
  auto registry = monitor->registry();
  if (!registry) {
    report_error(context, registry.error(), flags.json);
    return;
  }
  const Agreement* agreement = registry->agreement(flags.id);
  if (agreement == nullptr) {
    report_error(context,
                 make_error(ErrorCode::kNotFound, "no agreement '" + flags.id +
                                                      "' in the registry; `truce agreements` "
                                                      "lists them"),
                 flags.json);
    return;
  }
  print(flags.json ? report::agreement_json(*registry, *agreement)
                   : report::agreement_text(*registry, *agreement));
}

void run_load(Context& context, const Flags& flags) {
  auto monitor = open(context, flags);
  if (!monitor) {
    return;
  }
  std::vector<std::filesystem::path> paths(flags.files.begin(), flags.files.end());
  auto loaded = monitor->load_registry_files(paths, flags.dry_run);
  if (!loaded) {
    report_error(context, loaded.error(), flags.json);
    std::fprintf(stderr, "truce: nothing was written\n");
    return;
  }
  if (flags.json) {
    std::printf("{\"files\": %zu, \"changed\": %d, \"dry_run\": %s}\n", loaded->names.size(),
                loaded->changed, loaded->dry_run ? "true" : "false");
    return;
  }
  for (const std::string& name : loaded->names) {
    std::printf("%s\n", name.c_str());
  }
  std::printf("%d of %zu files %s (%s)\n", loaded->changed, loaded->names.size(),
              loaded->dry_run ? "would be added or changed" : "added or changed",
              loaded->dry_run ? "dry run: nothing written" : "checked with the whole registry");
}

// The incidents of --facts FILE, or without it every stored incident.
std::optional<std::vector<assess::IncidentFacts>> facts_of(Context& context,
                                                           service::Monitor& monitor,
                                                           const Flags& flags) {
  storage::IncidentQuery all;
  all.limit = 0;
  auto facts =
      flags.facts.empty() ? monitor.stored_incident_facts(all) : monitor.read_facts(flags.facts);
  if (!facts) {
    report_error(context, facts.error(), flags.json);
    return std::nullopt;
  }
  return std::move(*facts);
}

void run_assess(Context& context, const Flags& flags) {
  auto monitor = open(context, flags);
  if (!monitor) {
    return;
  }
  auto assessments = [&]() -> Result<std::vector<assess::IncidentAssessment>> {
    if (flags.facts.empty()) {
      storage::IncidentQuery all;
      all.limit = 0;
      return monitor->assess_incidents(all);
    }
    auto facts = monitor->read_facts(flags.facts);
    if (!facts) {
      return facts.error();
    }
    return monitor->assess_facts(*facts);
  }();
  if (!assessments) {
    report_error(context, assessments.error(), flags.json);
    return;
  }
  print(flags.json ? report::assessments_json(*assessments)
                   : report::assessments_text(*assessments));
}

void run_coverage(Context& context, const Flags& flags) {
  auto day = parse_civil_time(flags.at);
  if (!day || day->time_of_day) {
    report_error(context,
                 make_error(ErrorCode::kInvalidInput,
                            "--at: \"" + flags.at + "\" is not a date (YYYY-MM-DD)"),
                 flags.json);
    return;
  }
  auto monitor = open(context, flags);
  if (!monitor) {
    return;
  }
  auto facts = facts_of(context, *monitor, flags);
  if (!facts) {
    return;
  }
  auto coverage = monitor->coverage(flags.line, flags.posts, *day, *facts);
  if (!coverage) {
    report_error(context, coverage.error(), flags.json);
    return;
  }
  print(flags.json ? report::coverage_json(coverage->line, coverage->incidents)
                   : report::coverage_text(coverage->line, coverage->incidents));
}

void run_alerts(Context& context, const Flags& flags) {
  auto monitor = open(context, flags);
  if (!monitor) {
    return;
  }
  const service::AlertQuery& query = flags.alert_query;
  const bool filtered =
      query.since || query.until || query.theatre || query.agreement || query.kind;
  if (filtered && !flags.facts.empty()) {
    report_error(context,
                 make_error(ErrorCode::kInvalidInput,
                            "--since, --until, --theatre, --agreement and --kind select among the "
                            "stored incidents' alerts; they do not go with --facts"),
                 flags.json);
    return;
  }
  auto alerts = [&]() -> Result<std::vector<assess::Alert>> {
    if (flags.facts.empty()) {
      return filtered ? monitor->stored_alerts(query) : monitor->stored_alerts();
    }
    auto facts = monitor->read_facts(flags.facts);
    if (!facts) {
      return facts.error();
    }
    return monitor->alerts(*facts);
  }();
  if (!alerts) {
    report_error(context, alerts.error(), flags.json);
    return;
  }
  print(flags.json ? report::alerts_json(*alerts) : report::alerts_text(*alerts));
}

void common(CLI::App& command, Flags& flags) {
  command.add_option("--db", flags.db, "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command.add_flag("--json", flags.json, "Print JSON on standard output");
}

}  // namespace

void add_agreement_commands(CLI::App& app, Context& context) {
  auto flags = std::make_shared<Flags>();
  auto* agreements = app.add_subcommand(
      "agreements",
      "List the agreement registry: the bundled agreements and any loaded ones (subcommands "
      "show and load)");
  common(*agreements, *flags);
  auto* show = agreements->add_subcommand("show", "One agreement: provisions and geography");
  common(*show, *flags);
  show->add_option("id", flags->id, "Agreement id")->required();
  show->callback([&context, flags] { run_show(context, *flags); });
  auto* load = agreements->add_subcommand(
      "load",
      "Check agreement (.json) and geography (.geojson) files against the whole registry and "
      "store them; a file with any error writes nothing");
  common(*load, *flags);
  load->add_option("files", flags->files, "Files")->required();
  load->add_flag("--dry-run", flags->dry_run, "Check only");
  load->callback([&context, flags] { run_load(context, *flags); });
  agreements->require_subcommand(0, 1);
  agreements->callback([&context, flags, agreements] {
    if (agreements->get_subcommands().empty()) {
      run_list(context, *flags);
    }
  });

  auto* assess_command = app.add_subcommand(
      "assess",
      "Assess incidents against every agreement: which apply, and per provision breach, "
      "possible breach, no breach or undetermined, with the reasons");
  common(*assess_command, *flags);
  assess_command->add_option(
      "--facts", flags->facts,
      "Assess the incidents of this facts file (docs/formats/incident-facts.md) instead of the "
      "stored incidents");
  assess_command->callback([&context, flags] { run_assess(context, *flags); });

  auto* coverage = app.add_subcommand(
      "coverage", "Which stretches of a line the posts observe, and each incident's nearest post");
  common(*coverage, *flags);
  coverage->add_option("--line", flags->line, "Line feature id")->required();
  coverage->add_option("--post", flags->posts, "Post feature id (repeat)");
  coverage->add_option("--at", flags->at, "Day (YYYY-MM-DD) the features must be valid on")
      ->required();
  coverage->add_option("--facts", flags->facts,
                       "Nearest posts for the incidents of this facts file instead of the stored "
                       "incidents");
  coverage->callback([&context, flags] { run_coverage(context, *flags); });

  auto* alerts = app.add_subcommand(
      "alerts",
      "Escalation alerts (Poisson test of the last week against the four before) per theatre "
      "and line segment, and threshold alerts (near a corridor, a death, a capture)");
  common(*alerts, *flags);
  alerts->add_option("--facts", flags->facts,
                     "Alerts over the incidents of this facts file instead of the stored "
                     "incidents");
  alerts->add_option("--since", flags->alert_query.since,
                     "Alerts of this day or later (YYYY-MM-DD)");
  alerts->add_option("--until", flags->alert_query.until,
                     "Alerts of this day or earlier (YYYY-MM-DD)");
  alerts->add_option("--theatre", flags->alert_query.theatre,
                     "Count only the incidents in this theatre feature");
  alerts->add_option("--agreement", flags->alert_query.agreement,
                     "Count only the incidents this agreement applies or may apply to");
  alerts->add_option("--kind", flags->alert_query.kind,
                     "Only alerts of this kind: escalation, corridor, death, capture");
  alerts->callback([&context, flags] { run_alerts(context, *flags); });
}

}  // namespace truce::app
