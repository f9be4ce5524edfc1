// extract: read a text and print the document and its claims without storing.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "app/commands.hpp"
#include "report/evaluation.hpp"
#include "report/reading.hpp"
#include "service/evaluation.hpp"
#include "service/reading.hpp"

namespace truce::app {
namespace {

struct ExtractFlags {
  std::string file;
  std::string published;
  std::string source;
  std::string format = "auto";
  bool json = false;
};

void run_extract(Context& context, const ExtractFlags& flags) {
  service::ReadOptions options;
  auto format = ingest::parse_input_format(flags.format);
  if (!format || (*format != ingest::InputFormat::kAuto && !ingest::is_text_format(*format))) {
    report_error(
        context,
        make_error(ErrorCode::kInvalidInput,
                   "--format: \"" + flags.format + "\" is not one of auto, text, html, envelope"),
        flags.json);
    return;
  }
  options.format = *format;
  options.source = flags.source;
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
  auto reader = service::Reader::load();
  if (!reader) {
    report_error(context, reader.error(), flags.json);
    return;
  }
  auto reading = reader->read_file(flags.file, options);
  if (!reading) {
    report_error(context, reading.error(), flags.json);
    return;
  }
  const Source& source = reading->batch.sources.front();
  for (const std::string& note : reading->notes) {
    std::fprintf(stderr, "truce: %s\n", note.c_str());
  }
  const std::string out = flags.json ? report::reading_json(source, reading->extraction)
                                     : report::reading_text(source, reading->extraction);
  std::fputs(out.c_str(), stdout);
}

}  // namespace

void add_extract_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand(
      "extract",
      "Read a text (plain text, HTML or a JSON envelope) and print the document and its claims "
      "with the words each value came from, without storing anything");
  auto flags = std::make_shared<ExtractFlags>();
  command->add_option("file", flags->file, "The text to read; - for standard input")->required();
  command->add_option("--published", flags->published,
                      "Publication date YYYY-MM-DD, the anchor for relative dates");
  command->add_option("--source", flags->source, "The source id (default: from the publisher)");
  command->add_option("--format", flags->format, "auto (default), text, html or envelope");
  command->add_flag("--json", flags->json, "Print one JSON document on standard output");
  command->callback([&context, flags] { run_extract(context, *flags); });
}

}  // namespace truce::app

namespace truce::app {
namespace {

struct EvalFlags {
  std::string directory;
  bool json = false;
  bool misses = false;
};

void run_eval(Context& context, const EvalFlags& flags) {
  auto reader = service::Reader::load();
  if (!reader) {
    report_error(context, reader.error(), flags.json);
    return;
  }
  auto evaluation = service::evaluate_corpus(*reader, flags.directory);
  if (!evaluation) {
    report_error(context, evaluation.error(), flags.json);
    return;
  }
  const std::string out = flags.json ? report::evaluation_json(*evaluation)
                                     : report::evaluation_text(*evaluation, flags.misses);
  std::fputs(out.c_str(), stdout);
}

}  // namespace

void add_eval_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand(
      "eval",
      "Score the reader against a corpus of texts with hand-coded expected results "
      "(<name>.txt beside <name>.expected.json): precision, recall and F1 per field");
  auto flags = std::make_shared<EvalFlags>();
  command->add_option("directory", flags->directory, "The corpus directory")->required();
  command->add_flag("--misses", flags->misses, "List every text's misses");
  command->add_flag("--json", flags->json, "Print one JSON document on standard output");
  command->callback([&context, flags] { run_eval(context, *flags); });
}

}  // namespace truce::app
