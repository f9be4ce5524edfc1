// claims, show, sources, documents, status: the subcommands that read.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>
#include <functional>

#include "app/commands.hpp"
#include "app/query_options.hpp"
#include "core/time.hpp"
#include "core/vocabulary.hpp"
#include "report/incident.hpp"
#include "report/json.hpp"
#include "report/text.hpp"
#include "service/monitor.hpp"

namespace truce::app {
namespace {

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

Error flag_error(const std::string& message) {
  return make_error(ErrorCode::kInvalidInput, message, "cli: parse flags");
}

struct ReadFlags {
  std::string db;
  bool json = false;
};

void add_read_flags(CLI::App& command, ReadFlags& flags) {
  command.add_option("--db", flags.db, "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command.add_flag("--json", flags.json, "Print one JSON document on standard output");
}

std::optional<service::Monitor> open_or_report(Context& context, const ReadFlags& flags) {
  auto monitor =
      service::Monitor::open(resolve_database(flags.db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), flags.json);
    return std::nullopt;
  }
  return std::move(monitor).value();
}

void print(const std::string& text) {
  std::fputs(text.c_str(), stdout);
}

// A subcommand that opens the database, fetches one result through `fetch`
// and prints it as text or, with --json, as JSON.
template <typename Fetch, typename Text, typename Json>
void add_read_command(CLI::App& app, Context& context, const std::string& name,
                      const std::string& help, Fetch fetch, Text text, Json json) {
  auto* command = app.add_subcommand(name, help);
  auto read = std::make_shared<ReadFlags>();
  add_read_flags(*command, *read);
  command->callback([&context, read, fetch, text, json] {
    auto monitor = open_or_report(context, *read);
    if (!monitor) {
      return;
    }
    auto result = std::invoke(fetch, *monitor);
    if (!result) {
      report_error(context, result.error(), read->json);
      return;
    }
    print(read->json ? json(*result) : text(*result));
  });
}

void run_show(Context& context, const ReadFlags& flags, const std::string& id, bool why) {
  auto monitor = open_or_report(context, flags);
  if (!monitor) {
    return;
  }
  if (id.rfind("inc_", 0) == 0) {
    auto record = monitor->incident(IncidentId(id));
    if (!record) {
      report_error(context, record.error(), flags.json);
      return;
    }
    print(flags.json ? report::incident_json(*record, why) : report::incident_detail(*record, why));
  } else if (id.rfind("clm_", 0) == 0) {
    auto record = monitor->claim(ClaimId(id));
    if (!record) {
      report_error(context, record.error(), flags.json);
      return;
    }
    print(flags.json ? report::claim_record_json(*record) : report::claim_detail(*record));
  } else if (id.rfind("doc_", 0) == 0) {
    auto document = monitor->document(DocumentId(id));
    if (!document) {
      report_error(context, document.error(), flags.json);
      return;
    }
    print(flags.json ? report::document_json(*document) : report::document_detail(*document));
  } else {
    auto source = monitor->source(SourceId(id));
    if (!source) {
      report_error(context, source.error(), flags.json);
      return;
    }
    print(flags.json ? report::source_json(*source) : report::source_detail(*source));
  }
}

}  // namespace

void add_query_options(CLI::App& command, QueryFlags& flags, int default_limit) {
  flags.limit = default_limit;
  command.add_option("--since", flags.since,
                     "Claims whose time ends on or after this date (YYYY-MM-DD[THH:MM])");
  command.add_option("--until", flags.until, "Claims whose time starts on or before this date");
  command.add_option("--bbox", flags.bbox, "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT (WGS84)");
  command.add_option("--event-type", flags.event_type, "One of: " + words_of_event_type());
  command.add_option("--actor", flags.actor,
                     "Actor id in any role: claimant, perpetrator, target, casualty side, owner or "
                     "gainer of materiel, participant or mediator");
  command.add_option("--source", flags.source, "Source id");
  command.add_option("--document", flags.document, "Document id");
  command.add_option("--limit", flags.limit, "At most this many claims")
      ->check(CLI::PositiveNumber);
  command.add_option("--offset", flags.offset, "Skip this many claims first")
      ->check(CLI::NonNegativeNumber);
}

Result<storage::ClaimQuery> to_query(const QueryFlags& flags) {
  storage::ClaimQuery query;
  query.limit = flags.limit;
  query.offset = flags.offset;
  for (auto [name, value, target] : {std::tuple{"--since", &flags.since, &query.since},
                                     std::tuple{"--until", &flags.until, &query.until}}) {
    if (!value->empty()) {
      if (!parse_civil_time(*value)) {
        return flag_error(std::string(name) + ": \"" + *value +
                          "\" is not a date (YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)");
      }
      *target = *value;
    }
  }
  if (query.since && query.until &&
      *parse_civil_time(*query.until) < *parse_civil_time(*query.since)) {
    return flag_error("--until: " + *query.until + " is before --since " + *query.since);
  }
  if (!flags.bbox.empty()) {
    std::vector<double> numbers;
    std::string_view rest = flags.bbox;
    while (true) {
      auto comma = rest.find(',');
      auto number = parse_double(rest.substr(0, comma));
      if (!number) {
        return flag_error("--bbox: \"" + flags.bbox + "\" is not MIN_LON,MIN_LAT,MAX_LON,MAX_LAT");
      }
      numbers.push_back(*number);
      if (comma == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(comma + 1);
    }
    if (numbers.size() != 4) {
      return flag_error("--bbox: needs four numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, got " +
                        std::to_string(numbers.size()));
    }
    BoundingBox box{numbers[0], numbers[1], numbers[2], numbers[3]};
    if (!is_valid(GeoPoint{Longitude{box.min_lon}, Latitude{box.min_lat}}) ||
        !is_valid(GeoPoint{Longitude{box.max_lon}, Latitude{box.max_lat}}) ||
        box.min_lon > box.max_lon || box.min_lat > box.max_lat) {
      return flag_error("--bbox: \"" + flags.bbox +
                        "\" is not a box on the globe (min <= max, lon in [-180, 180], "
                        "lat in [-90, 90])");
    }
    query.bbox = box;
  }
  if (!flags.event_type.empty()) {
    query.event_type = parse_event_type(flags.event_type);
    if (!query.event_type) {
      return flag_error("--event-type: \"" + flags.event_type + "\" is not one of " +
                        words_of_event_type());
    }
  }
  if (!flags.actor.empty()) {
    query.actor = flags.actor;
  }
  if (!flags.source.empty()) {
    query.source = SourceId(flags.source);
  }
  if (!flags.document.empty()) {
    query.document = DocumentId(flags.document);
  }
  return query;
}

void add_query_commands(CLI::App& app, Context& context) {
  {
    auto* command = app.add_subcommand("claims", "List claims, filtered, as a table or JSON");
    auto read = std::make_shared<ReadFlags>();
    auto query_flags = std::make_shared<QueryFlags>();
    add_read_flags(*command, *read);
    add_query_options(*command, *query_flags, 100);
    command->callback([&context, read, query_flags] {
      auto query = to_query(*query_flags);
      if (!query) {
        report_error(context, query.error(), read->json);
        return;
      }
      auto monitor = open_or_report(context, *read);
      if (!monitor) {
        return;
      }
      auto claims = monitor->claims(*query);
      auto total = monitor->count_claims(*query);
      if (!claims || !total) {
        report_error(context, !claims ? claims.error() : total.error(), read->json);
        return;
      }
      if (read->json) {
        print(report::claims_json(*claims, {*total, query->limit, query->offset}));
        return;
      }
      print(report::claims_table(*claims));
      if (*total > static_cast<long long>(claims->size())) {
        std::fprintf(stderr, "showing %zu of %lld claims (--limit, --offset to page)\n",
                     claims->size(), *total);
      }
    });
  }
  {
    auto* command =
        app.add_subcommand("show", "Show one record (incident, claim, document or source) by id");
    auto read = std::make_shared<ReadFlags>();
    auto id = std::make_shared<std::string>();
    auto why = std::make_shared<bool>(false);
    add_read_flags(*command, *read);
    command->add_option("id", *id, "inc_..., clm_..., doc_... or a source id")->required();
    command->add_flag("--why", *why,
                      "Incidents: why each claim belongs (matched features and score)");
    command->callback([&context, read, id, why] { run_show(context, *read, *id, *why); });
  }
  add_read_command(app, context, "sources", "List sources", &service::Monitor::sources,
                   report::sources_table, report::sources_json);
  add_read_command(app, context, "documents", "List documents (without their texts)",
                   &service::Monitor::documents, report::documents_table, report::documents_json);
  {
    auto* command = app.add_subcommand("status", "Show the monitoring picture");
    auto read = std::make_shared<ReadFlags>();
    auto latest = std::make_shared<int>(10);
    add_read_flags(*command, *read);
    command->add_option("--latest", *latest, "How many of the latest claims to show")
        ->check(CLI::NonNegativeNumber);
    command->callback([&context, read, latest] {
      auto monitor = open_or_report(context, *read);
      if (!monitor) {
        return;
      }
      auto picture = monitor->picture(*latest);
      if (!picture) {
        report_error(context, picture.error(), read->json);
        return;
      }
      print(read->json ? report::picture_json(*picture) : report::picture_text(*picture));
    });
  }
}

}  // namespace truce::app
