// truce: ceasefire monitoring from the command line. Parses arguments with
// CLI11 and runs one subcommand; every exception that escapes is a bug and is
// turned into exit code 70 with a message, never a crash without a word.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"

#ifndef TRUCE_VERSION
#define TRUCE_VERSION "0.0.0"
#endif

int main(int argc, char** argv) try {
  // CLD2 takes a few hundred KB of scratch memory on every call; with glibc's
  // defaults each call hands it back to the kernel and faults it in again,
  // which made language detection 5-20 times slower. Keep freed memory.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  CLI::App app{
      "truce - ceasefire monitoring and verification.\n"
      "Records sources, documents and the claims in them, with provenance for every value."};
  app.set_version_flag("--version", "truce " TRUCE_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  truce::app::Context context;
  truce::app::add_init_command(app, context);
  truce::app::add_ingest_command(app, context);
  truce::app::add_extract_command(app, context);
  truce::app::add_eval_command(app, context);
  truce::app::add_query_commands(app, context);
  truce::app::add_incident_commands(app, context);
  truce::app::add_complaint_commands(app, context);
  truce::app::add_export_command(app, context);
  truce::app::add_agreement_commands(app, context);
  truce::app::add_demo_command(app, context);
  truce::app::add_serve_command(app, context);
  truce::app::add_account_commands(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : truce::app::kExitUsage;
  }
  return context.exit_code;
} catch (const std::exception& error) {
  std::fprintf(stderr, "truce: internal error (a bug; please report it): %s\n", error.what());
  return 70;
} catch (...) {
  std::fprintf(stderr, "truce: internal error (a bug; please report it)\n");
  return 70;
}
