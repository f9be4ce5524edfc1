// incident comment|comments|evidence add|list|get|person|persons: what the
// centre keeps beside an incident's claims (docs/cli.md). The audit log names
// the actor "cli"; --by says who is stored as the author.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "app/commands.hpp"
#include "report/incident_notes.hpp"
#include "service/monitor.hpp"

namespace truce::app {
namespace {

constexpr const char* kCliActor = "cli";

struct NoteFlags {
  std::string db;
  bool json = false;
  std::string incident;
  std::string by;
  std::string text;
  std::string file;
  std::string name;
  bool name_stdin = false;
  std::string media_type;
  std::size_t max_bytes = service::kDefaultMaxEvidenceBytes;
  std::string sha256;
  std::string output;
  std::string status;
  std::string side;
  std::string claim;
  std::string document;
  std::string span;
};

void print(const std::string& text) {
  std::fputs(text.c_str(), stdout);
}

std::optional<service::Monitor> open_monitor(Context& context, const NoteFlags& flags) {
  auto monitor =
      service::Monitor::open(resolve_database(flags.db), storage::OpenMode::kOpenExisting);
  if (!monitor) {
    report_error(context, monitor.error(), flags.json);
    return std::nullopt;
  }
  return std::move(monitor).value();
}

CLI::App* note_command(CLI::App& parent, const std::string& name, const std::string& help,
                       NoteFlags& flags) {
  auto* command = parent.add_subcommand(name, help);
  command->add_option("--db", flags.db, "Database path or URL (default: $TRUCE_DB, then truce.db)");
  command->add_flag("--json", flags.json, "Print one JSON document on standard output");
  return command;
}

// The file's bytes, refused before reading when larger than `max_bytes`.
Result<std::string> read_evidence(const std::string& path, std::size_t max_bytes) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) {
    return make_error(ErrorCode::kNotFound, "cannot read '" + path + "': " + error.message(),
                      "cli: evidence add");
  }
  if (size > max_bytes) {
    return make_error(ErrorCode::kInvalidInput,
                      "'" + path + "' has " + std::to_string(size) + " bytes; at most " +
                          std::to_string(max_bytes) + " are accepted (--max-bytes)",
                      "cli: evidence add");
  }
  std::ifstream in(path, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    return make_error(ErrorCode::kUnavailable, "cannot read '" + path + "'", "cli: evidence add");
  }
  return content;
}

// "START:END" in code points.
std::optional<TextSpan> parse_span(const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos) {
    return std::nullopt;
  }
  try {
    std::size_t used = 0;
    unsigned long start = std::stoul(text.substr(0, colon), &used);
    if (used != colon) {
      return std::nullopt;
    }
    std::string rest = text.substr(colon + 1);
    unsigned long end = std::stoul(rest, &used);
    if (used != rest.size() || end > 0xffffffffUL) {
      return std::nullopt;
    }
    return TextSpan{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void run_comment(Context& context, const NoteFlags& flags) {
  auto monitor = open_monitor(context, flags);
  if (!monitor) {
    return;
  }
  auto stored = monitor->add_comment({IncidentId(flags.incident), flags.text, flags.by, kCliActor});
  if (!stored) {
    report_error(context, stored.error(), flags.json);
    return;
  }
  print(flags.json
            ? report::comment_json(*stored)
            : "comment #" + std::to_string(stored->id) + " added to " + flags.incident + "\n");
}

void run_comments(Context& context, const NoteFlags& flags) {
  auto monitor = open_monitor(context, flags);
  if (!monitor) {
    return;
  }
  const IncidentId id(flags.incident);
  auto comments = monitor->comments(id);
  if (!comments) {
    report_error(context, comments.error(), flags.json);
    return;
  }
  print(flags.json ? report::comments_json(id, *comments) : report::comments_text(*comments));
}

void run_evidence_add(Context& context, const NoteFlags& flags) {
  auto content = read_evidence(flags.file, flags.max_bytes);
  if (!content) {
    report_error(context, content.error(), flags.json);
    return;
  }
  auto monitor = open_monitor(context, flags);
  if (!monitor) {
    return;
  }
  service::NewEvidence evidence;
  evidence.incident = IncidentId(flags.incident);
  evidence.name =
      flags.name.empty() ? std::filesystem::path(flags.file).filename().string() : flags.name;
  evidence.media_type = flags.media_type;
  evidence.author = flags.by;
  evidence.actor = kCliActor;
  evidence.max_bytes = flags.max_bytes;
  auto stored = monitor->add_evidence(evidence, *content);
  if (!stored) {
    report_error(context, stored.error(), flags.json);
    return;
  }
  if (flags.json) {
    print(report::evidence_stored_json(*stored));
    return;
  }
  print((stored->attachment_added ? "attached " : "already attached ") + stored->attachment.sha256 +
        " (" + std::to_string(stored->attachment.size) + " bytes" +
        (stored->file_added ? "" : ", stored before") + ") to " + flags.incident + "\n");
}

void run_evidence_list(Context& context, const NoteFlags& flags) {
  auto monitor = open_monitor(context, flags);
  if (!monitor) {
    return;
  }
  const IncidentId id(flags.incident);
  auto attachments = monitor->evidence(id);
  if (!attachments) {
    report_error(context, attachments.error(), flags.json);
    return;
  }
  print(flags.json ? report::evidence_json(id, *attachments)
                   : report::evidence_table(*attachments));
}

void run_evidence_get(Context& context, const NoteFlags& flags) {
  auto monitor = open_monitor(context, flags);
  if (!monitor) {
    return;
  }
  // The CLI works on the database itself, so it sees every incident; with
  // --incident the file must show on that one, as in the per-incident route.
  service::EvidenceReader reader;
  if (!flags.incident.empty()) {
    reader.incident = IncidentId(flags.incident);
  }
  auto file = monitor->evidence_file(flags.sha256, reader);
  if (!file) {
    report_error(context, file.error(), false);
    return;
  }
  std::ofstream out(flags.output, std::ios::binary | std::ios::trunc);
  out.write(file->content.data(), static_cast<std::streamsize>(file->content.size()));
  out.close();
  if (!out) {
    report_error(context,
                 make_error(ErrorCode::kUnavailable, "cannot write '" + flags.output + "'",
                            "cli: evidence get"),
                 false);
    return;
  }
  std::fprintf(stderr, "truce: wrote %zu bytes (%s) to %s\n", file->content.size(),
               file->media_type.c_str(), flags.output.c_str());
}

void run_person_add(Context& context, NoteFlags flags) {
  if (flags.name_stdin) {
    std::getline(std::cin, flags.name);
    if (!flags.name.empty() && flags.name.back() == '\r') {
      flags.name.pop_back();
    }
  }
  service::NewPerson person;
  person.incident = IncidentId(flags.incident);
  person.name = flags.name;
  person.status = flags.status;
  person.side = flags.side;
  if (!flags.claim.empty()) {
    person.claim = ClaimId(flags.claim);
  }
  if (!flags.document.empty()) {
    person.document = DocumentId(flags.document);
  }
  if (!flags.span.empty()) {
    person.span = parse_span(flags.span);
    if (!person.span) {
      report_error(context,
                   make_error(ErrorCode::kInvalidInput,
                              "--span: '" + flags.span + "' is not START:END in code points",
                              "cli: parse flags"),
                   flags.json);
      return;
    }
  }
  person.author = flags.by;
  person.actor = kCliActor;
  auto monitor = open_monitor(context, flags);
  if (!monitor) {
    return;
  }
  auto stored = monitor->add_person(person);
  if (!stored) {
    report_error(context, stored.error(), flags.json);
    return;
  }
  // The name is not printed back: standard output may end up in logs.
  print(flags.json
            ? report::person_json(*stored)
            : "person #" + std::to_string(stored->id) + " recorded for " + flags.incident + "\n");
}

void run_persons(Context& context, const NoteFlags& flags) {
  auto monitor = open_monitor(context, flags);
  if (!monitor) {
    return;
  }
  const IncidentId id(flags.incident);
  auto persons = monitor->persons(id, kCliActor);
  if (!persons) {
    report_error(context, persons.error(), flags.json);
    return;
  }
  print(flags.json ? report::persons_json(id, *persons) : report::persons_table(*persons));
}

}  // namespace

void add_incident_note_commands(CLI::App& incident, Context& context) {
  {
    auto flags = std::make_shared<NoteFlags>();
    auto* command =
        note_command(incident, "comment", "Add an internal comment to INCIDENT", *flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->add_option("--text", flags->text, "The comment (at most 8000 bytes)")->required();
    command->add_option("--by", flags->by, "Who writes it (stored as the author)")->required();
    command->callback([&context, flags] { run_comment(context, *flags); });
  }
  {
    auto flags = std::make_shared<NoteFlags>();
    auto* command = note_command(incident, "comments", "List INCIDENT's internal comments", *flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->callback([&context, flags] { run_comments(context, *flags); });
  }
  auto* evidence = incident.add_subcommand("evidence", "Evidence files attached to incidents");
  evidence->require_subcommand(1);
  {
    auto flags = std::make_shared<NoteFlags>();
    auto* command = note_command(*evidence, "add",
                                 "Attach FILE to INCIDENT (stored once by its SHA-256)", *flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->add_option("file", flags->file, "The file")->required();
    command->add_option("--name", flags->name, "What to call it (default: the file's name)");
    command->add_option("--media-type", flags->media_type,
                        "Its media type, e.g. image/jpeg (default application/octet-stream)");
    command->add_option("--by", flags->by, "Who adds it")->required();
    command
        ->add_option("--max-bytes", flags->max_bytes,
                     "Refuse a larger file before reading it (default 33554432)")
        ->check(CLI::PositiveNumber);
    command->callback([&context, flags] { run_evidence_add(context, *flags); });
  }
  {
    auto flags = std::make_shared<NoteFlags>();
    auto* command = note_command(*evidence, "list", "List INCIDENT's evidence files", *flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->callback([&context, flags] { run_evidence_list(context, *flags); });
  }
  {
    auto flags = std::make_shared<NoteFlags>();
    auto* command = evidence->add_subcommand(
        "get", "Write the evidence file SHA256 to --output after checking its hash");
    command->add_option("--db", flags->db,
                        "Database path or URL (default: $TRUCE_DB, then truce.db)");
    command->add_option("sha256", flags->sha256, "64 hex digits")->required();
    command->add_option("--output,-o", flags->output, "Where to write it")->required();
    command->add_option("--incident", flags->incident,
                        "Only if the file shows on this incident (inc_...)");
    command->callback([&context, flags] { run_evidence_get(context, *flags); });
  }
  {
    auto flags = std::make_shared<NoteFlags>();
    auto* command = note_command(
        incident, "person",
        "Record a person named as killed, wounded, captured or missing in INCIDENT", *flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    auto* name = command->add_option(
        "--name", flags->name, "The person's name (visible in the process list; see --name-stdin)");
    auto* from_stdin =
        command->add_flag("--name-stdin", flags->name_stdin, "Read the name from standard input");
    name->excludes(from_stdin);
    command->add_option("--status", flags->status, "killed, wounded, captured or missing")
        ->required()
        ->check(CLI::IsMember({"killed", "wounded", "captured", "missing"}));
    command->add_option("--side", flags->side, "PARTY (its combatants), civilians, civilians:PARTY")
        ->required();
    command->add_option("--claim", flags->claim, "The claim the name came from (clm_...)");
    command->add_option("--document", flags->document, "The document it is in (doc_...)");
    command->add_option("--span", flags->span, "START:END in code points of the document's text");
    command->add_option("--by", flags->by, "Who records it")->required();
    command->callback([&context, flags] { run_person_add(context, *flags); });
  }
  {
    auto flags = std::make_shared<NoteFlags>();
    auto* command = note_command(
        incident, "persons",
        "List the people named in INCIDENT (personal data; the read is on the audit log)", *flags);
    command->add_option("incident", flags->incident, "inc_...")->required();
    command->callback([&context, flags] { run_persons(context, *flags); });
  }
}

}  // namespace truce::app
