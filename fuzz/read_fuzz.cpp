// libFuzzer target: arbitrary bytes read the way `truce extract FILE` reads
// them. ingest::read_intake_text detects the format (plain text, HTML, a JSON
// envelope, or a structured report), checks UTF-8 and NUL bytes, and runs the
// HTML and envelope readers; a text it accepts goes to Extractor::extract with
// the metadata the service passes. The extraction must then meet the
// invariants the service checks before it stores anything (core/validation):
// the service reports a violation as an internal error, so here it is a crash.
// TRUCE_FUZZ_INVARIANTS=0 leaves that check out (to look for other failures
// while a known violation awaits its fix).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/validation.hpp"
#include "extract/extraction.hpp"
#include "fuzz_extractor.hpp"
#include "ingest/intake.hpp"

namespace {

[[noreturn]] void broken(std::string_view what, const truce::FieldProblem& problem) {
  std::fprintf(stderr, "fuzz: the extraction breaks an invariant: %.*s field '%s': %s\n",
               static_cast<int>(what.size()), what.data(), problem.field.c_str(),
               problem.message.c_str());
  std::abort();
}

bool invariants_checked() {
  const char* setting = std::getenv("TRUCE_FUZZ_INVARIANTS");
  return setting == nullptr || std::string_view(setting) != "0";
}

void check_invariants(const truce::extract::Extraction& extraction) {
  static const bool checked = invariants_checked();
  if (!checked) {
    return;
  }
  // The service gives the document a source and an id before it checks.
  truce::Document document = extraction.document;
  document.source = truce::SourceId("fuzz");
  document.id = truce::DocumentId("key:text");
  for (const auto& problem : truce::check_document(document)) broken("document", problem);
  const std::size_t length = truce::code_point_count(document.text);
  for (truce::Claim claim : extraction.claims) {
    claim.document = document.id;
    for (const auto& problem : truce::check_claim(claim, length)) broken("claim", problem);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const truce::extract::Extractor& extractor = truce::fuzz::shared_extractor();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto intake = truce::ingest::read_intake_text(bytes, "input", truce::ingest::InputFormat::kAuto);
  if (!intake || !intake->text) {
    return 0;
  }
  const truce::ingest::TextDocument& text = *intake->text;
  truce::extract::ExtractionInput input;
  input.text = text.text;
  input.title = text.title;
  input.url = text.url;
  input.publisher = text.publisher;
  input.language = text.language;
  input.published = text.published;
  input.published_origin =
      intake->format == truce::ingest::InputFormat::kText ? "input" : "envelope";
  check_invariants(extractor.extract(input));
  return 0;
}
