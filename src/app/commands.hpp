// Subcommands of the `truce` binary. Each add_* registers its options on the
// CLI and a callback that calls service::Monitor and prints the result; data
// goes to standard output, warnings and errors to standard error.
#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's name
class App;
}

namespace truce::app {

// Shared by all subcommands: where the database is and how to print.
struct Context {
  int exit_code = 0;
};

// --db PATH-or-URL, else TRUCE_DB, else "truce.db" in the working directory.
std::string resolve_database(const std::string& flag);

// Prints an error (and, under --json, an error document) and records its exit code.
void report_error(Context& context, const Error& error, bool json);

void add_init_command(CLI::App& app, Context& context);
void add_ingest_command(CLI::App& app, Context& context);
void add_demo_command(CLI::App& app, Context& context);
void add_query_commands(CLI::App& app,
                        Context& context);  // claims, show, sources, documents, status
void add_export_command(CLI::App& app, Context& context);
void add_extract_command(CLI::App& app, Context& context);
void add_eval_command(CLI::App& app, Context& context);
// agreements (show, load), assess, coverage, alerts
void add_agreement_commands(CLI::App& app, Context& context);
void add_incident_commands(CLI::App& app, Context& context);  // incidents, incident ...
// complaint file|list|show|review|finding
void add_complaint_commands(CLI::App& app, Context& context);
// incident comment, comments, evidence add|list|get, person, persons
void add_incident_note_commands(CLI::App& incident, Context& context);
void add_serve_command(CLI::App& app, Context& context);
void add_account_commands(CLI::App& app, Context& context);  // user, audit

// --published: "YYYY-MM-DD"; nullopt when malformed.
std::optional<CivilTime> parse_published_flag(const std::string& flag);

}  // namespace truce::app
