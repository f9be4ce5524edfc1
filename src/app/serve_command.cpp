// serve: the HTTP API over the same store (http/), until SIGTERM or SIGINT.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <thread>

#include "app/commands.hpp"
#include "http/api.hpp"
#include "http/server.hpp"

namespace truce::app {
namespace {

struct ServeFlags {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;  // 0: default_threads()
  double rate_limit = 50;
  std::size_t max_body = 8U << 20U;
  std::size_t max_evidence_bytes = service::kDefaultMaxEvidenceBytes;
  int session_minutes = 60;
  int idle_timeout_ms = 30'000;
  int read_timeout_ms = 30'000;
  int drain_timeout_ms = 30'000;
  std::string static_root;
};

// One worker per core: with more, requests mostly queue for the cores (more
// requests/s and a shorter p99 with 2 threads than with 4 on 2 loaded cores,
// bench/RESULTS.md); at least two, so that one slow request does not stall
// the rest.
int default_threads() {
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 2U, 64U));
}

// "HOST:PORT" or "[IPv6]:PORT".
Result<std::pair<std::string, unsigned short>> parse_listen(const std::string& text) {
  auto colon = text.rfind(':');
  auto bad = make_error(ErrorCode::kInvalidInput,
                        "--listen: '" + text + "' is not HOST:PORT (e.g. 127.0.0.1:8080)");
  if (colon == std::string::npos || colon == 0) {
    return bad;
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned short port = 0;
  std::string_view digits(text.data() + colon + 1, text.size() - colon - 1);
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size()) {
    return bad;
  }
  return std::pair{host, port};
}

void run_serve(Context& context, const ServeFlags& flags) {
  auto listen = parse_listen(flags.listen);
  if (!listen) {
    report_error(context, listen.error(), false);
    return;
  }
  const int threads = flags.threads > 0 ? flags.threads : default_threads();
  http::ApiOptions api_options;
  api_options.database = resolve_database(flags.db);
  api_options.threads = threads;
  api_options.requests_per_second = flags.rate_limit;
  api_options.request_burst = flags.rate_limit * 2;
  api_options.max_ingest_bytes = flags.max_body;
  api_options.max_evidence_bytes = flags.max_evidence_bytes;
  api_options.session_lifetime = std::chrono::minutes(flags.session_minutes);
  api_options.static_root = flags.static_root;
  auto api = http::Api::open(api_options);
  if (!api) {
    report_error(context, api.error(), false);
    return;
  }
  http::ServerOptions server_options;
  server_options.host = listen->first;
  server_options.port = listen->second;
  server_options.threads = threads;
  server_options.idle_timeout = std::chrono::milliseconds(flags.idle_timeout_ms);
  server_options.read_timeout = std::chrono::milliseconds(flags.read_timeout_ms);
  server_options.drain_timeout = std::chrono::milliseconds(flags.drain_timeout_ms);
  auto server = http::Server::listen(server_options, **api);
  if (!server) {
    report_error(context, server.error(), false);
    return;
  }
  std::string host =
      listen->first.find(':') != std::string::npos ? "[" + listen->first + "]" : listen->first;
  std::fprintf(stderr, "truce: serving %s on http://%s:%u (%d threads); SIGTERM or Ctrl-C stops\n",
               api_options.database.c_str(), host.c_str(), (*server)->port(), threads);
  std::fflush(stderr);
  (*server)->run();
  std::fprintf(stderr, "truce: stopped\n");
}

}  // namespace

void add_serve_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand(
      "serve", "Serve the HTTP API (docs/api.md) over the database until SIGTERM or Ctrl-C");
  auto flags = std::make_shared<ServeFlags>();
  command->add_option("--db", flags->db,
                      "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->add_option("--listen", flags->listen,
                      "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any free port)");
  command->add_option("--static", flags->static_root,
                      "Also serve the files of this directory (a web front end) at the paths "
                      "outside /api/");
  command
      ->add_option("--threads", flags->threads,
                   "Worker threads (default: one per core, at least 2)")
      ->check(CLI::Range(1, 64));
  command
      ->add_option("--rate-limit", flags->rate_limit,
                   "Requests per second per token, bursts of twice that (default 50; 0: off)")
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--max-body", flags->max_body, "Largest ingest body in bytes (default 8388608)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--max-evidence-bytes", flags->max_evidence_bytes,
                   "Largest evidence file in bytes (POST .../evidence only; default 33554432)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--session-minutes", flags->session_minutes,
                   "Lifetime of a login's token in minutes (default 60)")
      ->check(CLI::Range(1, 24 * 60));
  command
      ->add_option("--idle-timeout-ms", flags->idle_timeout_ms,
                   "Close a connection that sends no complete request head for this long")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--read-timeout-ms", flags->read_timeout_ms,
                   "Close a connection whose request body takes longer than this")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--drain-timeout-ms", flags->drain_timeout_ms,
                   "On SIGTERM, how long requests in flight may take to finish")
      ->check(CLI::PositiveNumber);
  command->callback([&context, flags] { run_serve(context, *flags); });
}

}  // namespace truce::app
