// export: claims with their documents and sources in a format `ingest` reads back.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>

#include "app/commands.hpp"
#include "app/query_options.hpp"
#include "serial/formats.hpp"
#include "service/monitor.hpp"

namespace truce::app {
namespace {

struct ExportFlags {
  std::string db;
  std::string format = "json";
  std::string output;
  QueryFlags query;
};

void run_export(Context& context, const ExportFlags& flags) {
  if (flags.format != "json" && flags.format != "csv" && flags.format != "geojson") {
    report_error(context,
                 make_error(ErrorCode::kInvalidInput,
                            "--format: \"" + flags.format + "\" is not one of json, csv, geojson"),
                 false);
    return;
  }
  auto query = to_query(flags.query);
  if (!query) {
    report_error(context, query.error(), false);
    return;
  }
  auto monitor =
      service::Monitor::open(resolve_database(flags.db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), false);
    return;
  }
  auto batch = monitor->export_batch(*query);
  if (!batch) {
    report_error(context, batch.error(), false);
    return;
  }
  std::string text = flags.format == "json"  ? serial::write_report_json(*batch)
                     : flags.format == "csv" ? serial::write_claims_csv(*batch)
                                             : serial::write_claims_geojson(*batch);
  if (flags.output.empty() || flags.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  // Write beside the target and rename, so a failed export never leaves half a file.
  std::string partial = flags.output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush()) {
      report_error(context,
                   make_error(ErrorCode::kUnavailable, flags.output + ": cannot write the export"),
                   false);
      return;
    }
  }
  std::error_code error;
  std::filesystem::rename(partial, flags.output, error);
  if (error) {
    report_error(context,
                 make_error(ErrorCode::kUnavailable,
                            flags.output + ": cannot write the export: " + error.message()),
                 false);
    return;
  }
  std::fprintf(stderr, "exported %zu claims, %zu documents, %zu sources to %s\n",
               batch->claims.size(), batch->documents.size(), batch->sources.size(),
               flags.output.c_str());
}

}  // namespace

void add_export_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand(
      "export", "Write claims with their documents and sources as JSON, CSV or GeoJSON");
  auto flags = std::make_shared<ExportFlags>();
  command->add_option("--db", flags->db,
                      "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->add_option("--format", flags->format, "json (default, complete), csv or geojson");
  command->add_option("-o,--output", flags->output, "Output file (default: standard output)");
  add_query_options(*command, flags->query, 1'000'000);
  command->callback([&context, flags] { run_export(context, *flags); });
}

}  // namespace truce::app
