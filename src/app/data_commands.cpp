// init, ingest and demo: the subcommands that write.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "report/json.hpp"
#include "report/text.hpp"
#include "service/monitor.hpp"
#include "util/data_dir.hpp"

namespace truce::app {
namespace {

struct IngestFlags {
  std::string db;
  std::vector<std::string> files;
  std::string format = "auto";
  std::string published;
  std::string source;
  bool dry_run = false;
  bool json = false;
};

std::string outcome_line(const report::FileOutcome& outcome) {
  std::string verb = outcome.dry_run ? "would add" : "added";
  std::string line = outcome.file + ": ";
  if (outcome.claims_added == 0 && outcome.documents_added == 0 && outcome.sources_added == 0) {
    line += "already stored, nothing new (" + std::to_string(outcome.claims_unchanged) +
            " claims, " + std::to_string(outcome.documents_unchanged) + " documents, " +
            std::to_string(outcome.sources_unchanged) + " sources)";
  } else {
    line += verb + " " + std::to_string(outcome.claims_added) + " claims, " +
            std::to_string(outcome.documents_added) + " documents, " +
            std::to_string(outcome.sources_added) + " sources";
    int unchanged =
        outcome.claims_unchanged + outcome.documents_unchanged + outcome.sources_unchanged;
    if (unchanged > 0) {
      line += "; " + std::to_string(unchanged) + " records already stored";
    }
  }
  if (outcome.incidents_created + outcome.incidents_updated + outcome.incidents_retired > 0) {
    line += "; incidents: " + std::to_string(outcome.incidents_created) + " new, " +
            std::to_string(outcome.incidents_updated) + " updated, " +
            std::to_string(outcome.incidents_retired) + " merged or split";
  }
  if (outcome.dry_run) {
    line += " (dry run: nothing written)";
  }
  return line + " [" + outcome.format + "]";
}

// Prints per-file results; the exit code is that of the first rejected file.
void print_outcomes(Context& context, const std::vector<report::FileOutcome>& outcomes, bool json) {
  for (const auto& outcome : outcomes) {
    for (const auto& warning : outcome.warnings) {
      std::fprintf(stderr, "truce: warning: %s\n", warning.c_str());
    }
    if (outcome.error) {
      std::fprintf(stderr, "truce: error: %s\n", outcome.error->message.c_str());
      std::fprintf(stderr, "truce: %s: rejected, nothing from it was written\n",
                   outcome.file.c_str());
      if (context.exit_code == 0) {
        context.exit_code = exit_code(outcome.error->code);
      }
    } else if (!json) {
      std::printf("%s\n", outcome_line(outcome).c_str());
    }
  }
  if (json) {
    std::fputs(report::ingest_json(outcomes).c_str(), stdout);
  }
}

void run_ingest(Context& context, const IngestFlags& flags) {
  auto format = ingest::parse_input_format(flags.format);
  if (!format) {
    report_error(context,
                 make_error(ErrorCode::kInvalidInput,
                            "--format: \"" + flags.format +
                                "\" is not one of auto, json, geojson, csv, text, html, envelope"),
                 flags.json);
    return;
  }
  service::IngestOptions options{*format, flags.dry_run, std::nullopt, flags.source};
  if (!flags.published.empty()) {
    options.published = parse_published_flag(flags.published);
    if (!options.published) {
      report_error(context,
                   make_error(ErrorCode::kInvalidInput, "--published: \"" + flags.published +
                                                            "\" is not a date (YYYY-MM-DD)"),
                   flags.json);
      return;
    }
  }
  auto monitor =
      service::Monitor::open(resolve_database(flags.db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), flags.json);
    return;
  }
  std::vector<std::filesystem::path> files(flags.files.begin(), flags.files.end());
  print_outcomes(context, monitor->ingest(files, options), flags.json);
}

void run_demo(Context& context, const std::string& db_flag) {
  auto data = util::find_data_dir();
  if (!data) {
    report_error(context, data.error(), false);
    return;
  }
  std::vector<std::filesystem::path> examples;
  for (const auto& entry : std::filesystem::directory_iterator(*data / "examples")) {
    auto extension = entry.path().extension();
    if (extension == ".json" || extension == ".csv" || extension == ".geojson") {
      examples.push_back(entry.path());
    }
  }
  std::sort(examples.begin(), examples.end());
  std::string location = resolve_database(db_flag);
  auto monitor = service::Monitor::open(location, storage::OpenMode::kOpenExisting);
  if (!monitor && monitor.error().code == ErrorCode::kNotFound) {
    monitor = service::Monitor::open(location, storage::OpenMode::kCreate);
    if (monitor) {
      std::printf("created database %s\n", location.c_str());
    }
  }
  if (!monitor) {
    report_error(context, monitor.error(), false);
    return;
  }
  print_outcomes(context, monitor->ingest(examples, {}), false);
  auto picture = monitor->picture(10);
  if (!picture) {
    report_error(context, picture.error(), false);
    return;
  }
  std::printf("\n%s", report::picture_text(*picture).c_str());
}

}  // namespace

void add_init_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand("init", "Create a new, empty truce database");
  auto db = std::make_shared<std::string>();
  command->add_option("--db", *db, "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->callback([&context, db] {
    std::string location = resolve_database(*db);
    auto monitor = service::Monitor::open(location, storage::OpenMode::kCreate);
    if (!monitor) {
      report_error(context, monitor.error(), false);
      return;
    }
    std::printf("created database %s (schema %d)\n", location.c_str(),
                storage::latest_schema_version());
  });
}

void add_ingest_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand(
      "ingest",
      "Validate and store structured reports (JSON report, GeoJSON, CSV), or read texts (plain "
      "text, HTML, a JSON envelope) and store the document with its claims. Each file is one "
      "transaction: a file with any error writes nothing. Files already stored are reported "
      "as such.");
  auto flags = std::make_shared<IngestFlags>();
  command->add_option("--db", flags->db,
                      "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->add_option("files", flags->files, "Input files")->required();
  command->add_option("--format", flags->format,
                      "auto (default), json, geojson, csv, text, html or envelope");
  command->add_option("--published", flags->published,
                      "Texts: publication date YYYY-MM-DD, the anchor for relative dates");
  command->add_option("--source", flags->source,
                      "Texts: the source id to file them under (default: from the publisher)");
  command->add_flag("--dry-run", flags->dry_run, "Validate and check against the store only");
  command->add_flag("--json", flags->json, "Print the outcome as JSON on standard output");
  command->callback([&context, flags] { run_ingest(context, *flags); });
}

void add_demo_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand(
      "demo",
      "Create the database if needed, ingest the bundled example reports and show the "
      "monitoring picture");
  auto db = std::make_shared<std::string>();
  command->add_option("--db", *db, "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->callback([&context, db] { run_demo(context, *db); });
}

}  // namespace truce::app
