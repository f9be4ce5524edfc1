// incidents, incident merge|split|attach|detach: listing incidents and the
// analysts' corrections of them (docs/cli.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "app/commands.hpp"
#include "core/time.hpp"
#include "report/incident.hpp"
#include "service/monitor.hpp"

namespace truce::app {
namespace {

struct DecisionFlags {
  std::string db;
  bool json = false;
  std::string incident;
  std::string other;
  std::vector<std::string> claims;
  std::string by;
  std::string reason;
};

void print(const std::string& text) {
  std::fputs(text.c_str(), stdout);
}

void run_decision(Context& context, DecisionKind kind, const DecisionFlags& flags) {
  auto monitor =
      service::Monitor::open(resolve_database(flags.db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), flags.json);
    return;
  }
  service::DecisionRequest request;
  request.kind = kind;
  request.incident = IncidentId(flags.incident);
  if (!flags.other.empty()) {
    request.other = IncidentId(flags.other);
  }
  for (const std::string& claim : flags.claims) {
    request.claims.emplace_back(claim);
  }
  request.by = flags.by;
  request.reason = flags.reason;
  auto outcome = monitor->decide(request);
  if (!outcome) {
    report_error(context, outcome.error(), flags.json);
    return;
  }
  print(flags.json ? report::decision_json(*outcome) : report::decision_text(*outcome));
}

CLI::App* decision_command(CLI::App& parent, Context& context, const std::string& name,
                           const std::string& help, DecisionKind kind,
                           const std::shared_ptr<DecisionFlags>& flags) {
  auto* command = parent.add_subcommand(name, help);
  command->add_option("--db", flags->db,
                      "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->add_flag("--json", flags->json, "Print one JSON document on standard output");
  command->add_option("--by", flags->by, "Who decides (recorded with the decision)")->required();
  command->add_option("--reason", flags->reason, "Why (recorded with the decision)")->required();
  command->callback([&context, kind, flags] { run_decision(context, kind, *flags); });
  return command;
}

}  // namespace

void add_incident_commands(CLI::App& app, Context& context) {
  {
    auto* command = app.add_subcommand(
        "incidents", "List incidents with their grades, reconciled figures and headline totals");
    struct Flags {
      std::string db;
      bool json = false;
      std::string since;
      std::string until;
      int limit = 100;
      int offset = 0;
    };
    auto flags = std::make_shared<Flags>();
    command->add_option("--db", flags->db,
                        "Database path or URL (default: $TRUCE_DB, then truce.db)");
    command->add_flag("--json", flags->json, "Print one JSON document on standard output");
    command->add_option("--since", flags->since, "Incidents ending on or after this date");
    command->add_option("--until", flags->until, "Incidents starting on or before this date");
    command->add_option("--limit", flags->limit, "At most this many incidents")
        ->check(CLI::PositiveNumber);
    command->add_option("--offset", flags->offset, "Skip this many incidents first")
        ->check(CLI::NonNegativeNumber);
    command->callback([&context, flags] {
      storage::IncidentQuery query;
      for (auto [name, value, target] : {std::tuple{"--since", &flags->since, &query.since},
                                         std::tuple{"--until", &flags->until, &query.until}}) {
        if (value->empty()) {
          continue;
        }
        if (!parse_civil_time(*value)) {
          report_error(context,
                       make_error(ErrorCode::kInvalidInput,
                                  std::string(name) + ": \"" + *value +
                                      "\" is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
                                  "cli: parse flags"),
                       flags->json);
          return;
        }
        *target = *value;
      }
      query.limit = flags->limit;
      query.offset = flags->offset;
      auto monitor =
          service::Monitor::open(resolve_database(flags->db), storage::OpenMode::kOpenExisting);
      if (!monitor) {
        report_error(context, monitor.error(), flags->json);
        return;
      }
      auto list = monitor->incidents(query);
      if (!list) {
        report_error(context, list.error(), flags->json);
        return;
      }
      print(flags->json ? report::incidents_json(*list) : report::incidents_table(*list));
    });
  }
  auto* incident = app.add_subcommand(
      "incident", "Correct incidents by hand; every decision records who, when and why");
  incident->require_subcommand(1);
  {
    auto flags = std::make_shared<DecisionFlags>();
    auto* command = decision_command(*incident, context, "merge",
                                     "Merge incident OTHER into INCIDENT (they are one event)",
                                     DecisionKind::kMerge, flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->add_option("other", flags->other, "inc_...")->required();
  }
  {
    auto flags = std::make_shared<DecisionFlags>();
    auto* command = decision_command(*incident, context, "split",
                                     "Take --claims out of INCIDENT into an incident of their own",
                                     DecisionKind::kSplit, flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->add_option("--claims", flags->claims, "clm_... (one or more)")->required();
  }
  {
    auto flags = std::make_shared<DecisionFlags>();
    flags->claims.resize(1);
    auto* command =
        decision_command(*incident, context, "attach", "Make CLAIM a member of INCIDENT",
                         DecisionKind::kAttach, flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->add_option("claim", flags->claims[0], "clm_...")->required();
  }
  {
    auto flags = std::make_shared<DecisionFlags>();
    flags->claims.resize(1);
    auto* command = decision_command(*incident, context, "detach",
                                     "Take CLAIM out of INCIDENT; it never rejoins the claims "
                                     "it is with now",
                                     DecisionKind::kDetach, flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->add_option("claim", flags->claims[0], "clm_...")->required();
  }
}

}  // namespace truce::app
