// user and audit: the accounts of the HTTP API and the audit log's check.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "service/monitor.hpp"

namespace truce::app {
namespace {

constexpr std::string_view kCliActor = "cli";

struct UserFlags {
  std::string db;
  std::string name;
  std::string role;
  std::string affiliation;
  bool password_stdin = false;
  std::string password_env;
  bool json = false;
};

std::optional<service::Monitor> open_monitor(Context& context, const std::string& db, bool json) {
  auto monitor = service::Monitor::open(resolve_database(db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), json);
    return std::nullopt;
  }
  return std::move(monitor).value();
}

void run_user_add(Context& context, const UserFlags& flags) {
  auto role = parse_role(flags.role);
  if (!role) {
    report_error(context,
                 make_error(ErrorCode::kInvalidInput,
                            "--role: '" + flags.role +
                                "' is not one of admin, operator, monitor, liaison, analyst"),
                 false);
    return;
  }
  service::NewUser user{flags.name, *role, std::nullopt, std::nullopt};
  if (!flags.affiliation.empty()) {
    user.affiliation = flags.affiliation;
  }
  if (flags.password_stdin) {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    user.password = line;
  } else if (!flags.password_env.empty()) {
    const char* value = std::getenv(flags.password_env.c_str());
    if (value == nullptr) {
      report_error(context,
                   make_error(ErrorCode::kInvalidInput,
                              "--password-env: the variable " + flags.password_env + " is not set"),
                   false);
      return;
    }
    user.password = std::string(value);
  }
  auto monitor = open_monitor(context, flags.db, false);
  if (!monitor) {
    return;
  }
  auto added = monitor->accounts().add_user(user, kCliActor);
  if (!added) {
    report_error(context, added.error(), false);
    return;
  }
  std::printf("added user %s (%s%s%s)\n", added->name.c_str(), added->role.c_str(),
              added->affiliation ? ", " : "", added->affiliation.value_or("").c_str());
}

void run_user_token(Context& context, const UserFlags& flags) {
  auto monitor = open_monitor(context, flags.db, false);
  if (!monitor) {
    return;
  }
  auto token = monitor->accounts().issue_token(flags.name, kCliActor);
  if (!token) {
    report_error(context, token.error(), false);
    return;
  }
  // Only the token on standard output, so scripts can capture it.
  std::printf("%s\n", token->c_str());
  std::fprintf(stderr, "truce: a new API token for %s; it is shown only this once\n",
               flags.name.c_str());
}

void run_user_list(Context& context, const UserFlags& flags) {
  auto monitor = open_monitor(context, flags.db, flags.json);
  if (!monitor) {
    return;
  }
  auto users = monitor->accounts().users();
  if (!users) {
    report_error(context, users.error(), flags.json);
    return;
  }
  if (flags.json) {
    nlohmann::ordered_json body = {{"users", nlohmann::ordered_json::array()}};
    for (const auto& user : *users) {
      body["users"].push_back(
          {{"name", user.name},
           {"role", user.role},
           {"affiliation", user.affiliation ? nlohmann::ordered_json(*user.affiliation) : nullptr},
           {"has_password", user.password_hash.has_value()},
           {"created_at", user.created_at},
           {"disabled", user.disabled}});
    }
    std::printf("%s\n", body.dump(2).c_str());
    return;
  }
  for (const auto& user : *users) {
    std::printf("%-24s %-9s %-16s %s\n", user.name.c_str(), user.role.c_str(),
                user.affiliation.value_or("-").c_str(), user.created_at.c_str());
  }
}

void run_audit_verify(Context& context, const std::string& db, bool json) {
  auto monitor = open_monitor(context, db, json);
  if (!monitor) {
    return;
  }
  auto check = monitor->accounts().verify_audit();
  if (!check) {
    report_error(context, check.error(), json);
    return;
  }
  if (json) {
    nlohmann::ordered_json body = {
        {"intact", !check->broken},
        {"entries", check->entries},
        {"head_hash", check->head_hash},
        {"broken_at", check->broken ? nlohmann::ordered_json(*check->broken) : nullptr},
        {"problem", check->problem}};
    std::printf("%s\n", body.dump(2).c_str());
  }
  if (check->broken) {
    std::fprintf(stderr, "truce: error: audit log broken at entry %lld: %s\n", *check->broken,
                 check->problem.c_str());
    context.exit_code = exit_code(ErrorCode::kDataCorruption);
    return;
  }
  if (!json) {
    std::printf("audit log intact: %lld entries, head %s\n", check->entries,
                check->head_hash.empty() ? "(empty)" : check->head_hash.c_str());
  }
}

}  // namespace

void add_account_commands(CLI::App& app, Context& context) {
  auto* user = app.add_subcommand("user", "Manage users of the HTTP API");
  user->require_subcommand(1);
  auto flags = std::make_shared<UserFlags>();
  {
    auto* add = user->add_subcommand("add", "Add a user with a role");
    add->add_option("--db", flags->db, "Database path or URL (default: $TRUCE_DB, then truce.db)");
    add->add_option("name", flags->name, "User name (a slug)")->required();
    add->add_option("--role", flags->role, "admin, operator, monitor, liaison or analyst")
        ->required();
    add->add_option("--affiliation", flags->affiliation,
                    "Actor id the user acts for (monitors and liaison officers)");
    auto* from_stdin = add->add_flag("--password-stdin", flags->password_stdin,
                                     "Read the password (one line) from standard input");
    add->add_option("--password-env", flags->password_env,
                    "Take the password from this environment variable")
        ->excludes(from_stdin);
    add->callback([&context, flags] { run_user_add(context, *flags); });
  }
  {
    auto* token = user->add_subcommand("token", "Issue a new API token (printed once)");
    token->add_option("--db", flags->db,
                      "Database path or URL (default: $TRUCE_DB, then truce.db)");
    token->add_option("name", flags->name, "User name")->required();
    token->callback([&context, flags] { run_user_token(context, *flags); });
  }
  {
    auto* list = user->add_subcommand("list", "List users (never their secrets)");
    list->add_option("--db", flags->db, "Database path or URL (default: $TRUCE_DB, then truce.db)");
    list->add_flag("--json", flags->json, "Print one JSON document on standard output");
    list->callback([&context, flags] { run_user_list(context, *flags); });
  }

  auto* audit = app.add_subcommand("audit", "Check the audit log");
  audit->require_subcommand(1);
  auto db = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* verify = audit->add_subcommand(
      "verify", "Recompute the hash chain; name the first edited, deleted or reordered entry");
  verify->add_option("--db", *db, "Database path or URL (default: $TRUCE_DB, then truce.db)");
  verify->add_flag("--json", *json, "Print the result as JSON on standard output");
  verify->callback([&context, db, json] { run_audit_verify(context, *db, *json); });
}

}  // namespace truce::app
