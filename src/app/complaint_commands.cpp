// complaint file|list|show|review|finding: the parties' complaints from the
// command line (docs/cli.md; the rules in docs/api.md, "Complaints"). The
// command line has the whole database, so it may act for any stored user;
// --as names that user, and the audit log names it.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/commands.hpp"
#include "report/complaint.hpp"
#include "service/monitor.hpp"

namespace truce::app {
namespace {

// A complaint body is one claim and its words; a document's text is at most 4 MiB.
constexpr std::size_t kMaxBodyBytes = 4U << 20U;

struct Flags {
  std::string db;
  bool json = false;
  std::string as;
  std::string complaint;
  std::string file;
  std::string state;
  std::string party;
  int limit = 100;
  std::string outcome;
  std::string text;
};

void print(const std::string& text) {
  std::fputs(text.c_str(), stdout);
}

// The active user named by --as, who must hold `role` when one is given.
Result<storage::User> acting_user(service::Monitor& monitor, const std::string& name,
                                  std::optional<Role> role) {
  auto users = monitor.accounts().users();
  if (!users) {
    return users.error();
  }
  auto user = std::find_if(users->begin(), users->end(),
                           [&](const storage::User& u) { return u.name == name; });
  if (user == users->end() || user->disabled) {
    return make_error(ErrorCode::kNotFound, "no active user '" + name + "'", "cli: --as");
  }
  if (role && user->role != to_string(*role)) {
    return make_error(ErrorCode::kInvalidInput,
                      "--as " + name + ": a " + user->role + " may not do this; a " +
                          std::string(to_string(*role)) + " does",
                      "cli: --as");
  }
  return *user;
}

Result<std::string> read_body(const std::string& file) {
  std::string body;
  if (file == "-") {
    body.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      return make_error(ErrorCode::kUnavailable, "cannot read '" + file + "'", "cli: complaint");
    }
    std::ostringstream text;
    text << in.rdbuf();
    body = text.str();
  }
  if (body.size() > kMaxBodyBytes) {
    return make_error(ErrorCode::kInvalidInput,
                      "'" + file + "' has " + std::to_string(body.size()) +
                          " bytes; a complaint has at most " + std::to_string(kMaxBodyBytes),
                      "cli: complaint");
  }
  return body;
}

// Who reads: --as a user (a liaison officer reads its party's only), else
// the command line, which reads everything.
Result<service::ComplaintReader> reader_for(service::Monitor& monitor, const Flags& flags) {
  service::ComplaintReader reader;
  if (!flags.as.empty()) {
    auto user = acting_user(monitor, flags.as, std::nullopt);
    if (!user) {
      return user.error();
    }
    reader.role = parse_role(user->role).value_or(Role::kPublic);
    reader.affiliation = user->affiliation;
  }
  return reader;
}

void run(Context& context, const std::string& command, const Flags& flags) {
  auto monitor =
      service::Monitor::open(resolve_database(flags.db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), flags.json);
    return;
  }
  auto show = [&](const Result<service::ComplaintView>& view) {
    if (!view) {
      report_error(context, view.error(), flags.json);
      return;
    }
    print(flags.json ? report::complaint_json(view->complaint, view->claim)
                     : report::complaint_text(view->complaint, view->claim));
  };
  if (command == "file") {
    auto user = acting_user(*monitor, flags.as, Role::kLiaison);
    auto body = read_body(flags.file);
    if (!user || !body) {
      report_error(context, !user ? user.error() : body.error(), flags.json);
      return;
    }
    show(monitor->file_complaint({*body, user->name, user->affiliation.value_or("")}));
    return;
  }
  if (command == "list" || command == "show") {
    auto reader = reader_for(*monitor, flags);
    if (!reader) {
      report_error(context, reader.error(), flags.json);
      return;
    }
    if (command == "show") {
      show(monitor->complaint(flags.complaint, *reader));
      return;
    }
    storage::ComplaintQuery query;
    query.limit = flags.limit;
    if (!flags.state.empty()) {
      query.state = flags.state;
    }
    if (!flags.party.empty()) {
      query.party = flags.party;
    }
    auto found = monitor->complaints(query, *reader);
    if (!found) {
      report_error(context, found.error(), flags.json);
      return;
    }
    print(flags.json ? report::complaints_json(*found, flags.limit, std::nullopt)
                     : report::complaints_table(*found));
    return;
  }
  service::ComplaintStepRequest request;
  request.complaint = flags.complaint;
  request.action =
      command == "review" ? service::ComplaintAction::kReview : service::ComplaintAction::kFinding;
  request.outcome = flags.outcome;
  request.text = flags.text;
  request.by = "cli";
  if (!flags.as.empty()) {
    auto user = acting_user(*monitor, flags.as, Role::kOperator);
    if (!user) {
      report_error(context, user.error(), flags.json);
      return;
    }
    request.by = user->name;
  }
  show(monitor->advance_complaint(request));
}

CLI::App* subcommand(CLI::App& parent, Context& context, const std::string& name,
                     const std::string& help, const std::shared_ptr<Flags>& flags) {
  auto* command = parent.add_subcommand(name, help);
  command->add_option("--db", flags->db,
                      "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->add_flag("--json", flags->json, "Print one JSON document on standard output");
  command->callback([&context, name, flags] { run(context, name, *flags); });
  return command;
}

}  // namespace

void add_complaint_commands(CLI::App& app, Context& context) {
  auto* complaint = app.add_subcommand(
      "complaint", "Complaints of the parties: file, list, show, review, record the finding");
  complaint->require_subcommand(1);
  {
    auto flags = std::make_shared<Flags>();
    auto* command = subcommand(*complaint, context, "file",
                               "File FILE (one claim as JSON, '-' for standard input) as a "
                               "complaint of the party USER is affiliated to",
                               flags);
    command->add_option("--as", flags->as, "The liaison officer (a user) who files")->required();
    command->add_option("file", flags->file, "FILE or -")->required();
  }
  {
    auto flags = std::make_shared<Flags>();
    auto* command =
        subcommand(*complaint, context, "list", "List complaints by filing time, then id", flags);
    command->add_option("--as", flags->as, "Read as this user (a liaison: its party's only)");
    command->add_option("--state", flags->state, "filed, under_review or finding")
        ->check(CLI::IsMember({"filed", "under_review", "finding"}));
    command->add_option("--party", flags->party, "Complaints of this party (an actor id)");
    command->add_option("--limit", flags->limit, "At most this many")->check(CLI::Range(1, 1000));
  }
  {
    auto flags = std::make_shared<Flags>();
    auto* command = subcommand(*complaint, context, "show",
                               "One complaint with its state, steps, finding and claim", flags);
    command->add_option("--as", flags->as, "Read as this user (a liaison: its party's only)");
    command->add_option("complaint", flags->complaint, "cmp_...")->required();
  }
  {
    auto flags = std::make_shared<Flags>();
    auto* command =
        subcommand(*complaint, context, "review", "Open the review of a filed complaint", flags);
    command->add_option("--as", flags->as, "The duty officer (an operator) who opens it");
    command->add_option("complaint", flags->complaint, "cmp_...")->required();
  }
  {
    auto flags = std::make_shared<Flags>();
    auto* command = subcommand(*complaint, context, "finding",
                               "Record the finding of a complaint under review", flags);
    command->add_option("--as", flags->as, "The duty officer (an operator) who records it");
    command
        ->add_option("--outcome", flags->outcome,
                     "substantiated, not_substantiated or inconclusive")
        ->required()
        ->check(CLI::IsMember({"substantiated", "not_substantiated", "inconclusive"}));
    command->add_option("--text", flags->text, "What was found and why")->required();
    command->add_option("complaint", flags->complaint, "cmp_...")->required();
  }
}

}  // namespace truce::app
