// incidents, incident merge|split|attach|detach|publish|unpublish|review|
// signoff|verification: listing incidents, the analysts' corrections of them,
// publishing and joint verification (docs/cli.md).
#include <CLI/CLI.hpp>
#include <algorithm>
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

struct ReviewFlags {
  std::string db;
  bool json = false;
  std::string incident;
  std::string agreement;
  std::string provision;
  std::string as;  // signoff: the monitor who signs
  std::string verdict;
  std::string note;
};

// Publishing, reviews and sign-offs from the command line; the audit log
// names the actor "cli", or the monitor for a sign-off.
void run_review(Context& context, service::ReviewStep step, const ReviewFlags& flags,
                bool show_only) {
  auto monitor =
      service::Monitor::open(resolve_database(flags.db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), flags.json);
    return;
  }
  const IncidentId id(flags.incident);
  if (show_only) {
    auto view = monitor->incident_review(id);
    if (!view) {
      report_error(context, view.error(), flags.json);
      return;
    }
    print(flags.json ? report::verification_json(*view) : report::verification_text(*view));
    return;
  }
  service::ReviewRequest request;
  request.step = step;
  request.incident = id;
  request.by = "cli";
  if (!flags.agreement.empty()) {
    request.agreement = flags.agreement;
  }
  if (!flags.provision.empty()) {
    request.provision = flags.provision;
  }
  if (step == service::ReviewStep::kSignOff) {
    auto users = monitor->accounts().users();
    if (!users) {
      report_error(context, users.error(), flags.json);
      return;
    }
    auto user = std::find_if(users->begin(), users->end(),
                             [&](const storage::User& u) { return u.name == flags.as; });
    if (user == users->end() || user->disabled) {
      report_error(context, make_error(ErrorCode::kNotFound, "no active user '" + flags.as + "'"),
                   flags.json);
      return;
    }
    request.by = user->name;
    request.role = parse_role(user->role).value_or(Role::kPublic);
    request.affiliation = user->affiliation;
    request.verdict = flags.verdict;
    request.note = flags.note;
  }
  auto view = monitor->review_incident(request);
  if (!view) {
    report_error(context, view.error(), flags.json);
    return;
  }
  print(flags.json ? report::verification_json(*view) : report::verification_text(*view));
}

CLI::App* review_command(CLI::App& parent, Context& context, const std::string& name,
                         const std::string& help, service::ReviewStep step, bool show_only,
                         const std::shared_ptr<ReviewFlags>& flags) {
  auto* command = parent.add_subcommand(name, help);
  command->add_option("--db", flags->db,
                      "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->add_flag("--json", flags->json, "Print one JSON document on standard output");
  command->add_option("incident", flags->incident, "inc_...")->required();
  command->callback(
      [&context, step, show_only, flags] { run_review(context, step, *flags, show_only); });
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
  using service::ReviewStep;
  review_command(*incident, context, "publish", "Show INCIDENT in the public view",
                 ReviewStep::kPublish, false, std::make_shared<ReviewFlags>());
  review_command(*incident, context, "unpublish", "Take INCIDENT out of the public view",
                 ReviewStep::kUnpublish, false, std::make_shared<ReviewFlags>());
  review_command(*incident, context, "verification",
                 "Show INCIDENT's verification state, sign-offs and the mechanisms that apply",
                 ReviewStep::kOpen, true, std::make_shared<ReviewFlags>());
  {
    auto flags = std::make_shared<ReviewFlags>();
    auto* command = review_command(
        *incident, context, "review",
        "Open a joint verification of INCIDENT under a monitoring mechanism that applies",
        ReviewStep::kOpen, false, flags);
    command->add_option("--agreement", flags->agreement, "The mechanism's agreement id");
    command->add_option("--provision", flags->provision, "The mechanism's provision id");
  }
  {
    auto flags = std::make_shared<ReviewFlags>();
    auto* command = review_command(*incident, context, "signoff",
                                   "Sign INCIDENT off for the member monitor --as is affiliated to",
                                   ReviewStep::kSignOff, false, flags);
    command->add_option("--as", flags->as, "The monitor (a user) who signs")->required();
    command->add_option("--verdict", flags->verdict, "verified or refuted")
        ->required()
        ->check(CLI::IsMember({"verified", "refuted"}));
    command->add_option("--note", flags->note, "What the member saw");
  }
  add_incident_note_commands(*incident, context);
}

}  // namespace truce::app
