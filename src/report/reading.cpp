#include "report/reading.hpp"

#include "core/document.hpp"
#include "report/picture.hpp"
#include "report/text.hpp"
#include "serial/json_values.hpp"

namespace truce::report {
namespace {

using serial::JsonValue;

JsonValue span_value(const CodePointIndex& text, const TextSpan& span) {
  return {{"start", span.start},
          {"end", span.end},
          {"text", std::string(text.slice(span.start, span.end))}};
}

std::string quote(const CodePointIndex& text, const TextSpan& span) {
  return "\"" + std::string(text.slice(span.start, span.end)) + "\"";
}

}  // namespace

std::string reading_json(const Source& source, const extract::Extraction& extraction) {
  const Document& document = extraction.document;
  const CodePointIndex text(document.text);
  JsonValue value = JsonValue::object();
  value["document"] = serial::document_value(document, true);
  value["source"] = serial::source_value(source);
  value["claims"] = JsonValue::array();
  for (const Claim& claim : extraction.claims) {
    value["claims"].push_back(serial::claim_value(claim, text));
  }
  // Undated claims keep the claim's shape, with no time.
  value["undated_claims"] = JsonValue::array();
  for (const Claim& claim : extraction.undated_claims) {
    JsonValue item = serial::claim_value(claim, text);
    item["time"] = nullptr;
    value["undated_claims"].push_back(std::move(item));
  }
  value["warnings"] = JsonValue::array();
  for (const extract::Warning& warning : extraction.warnings) {
    JsonValue item = {{"code", warning.code}, {"message", warning.message}};
    item["spans"] = JsonValue::array();
    for (const TextSpan& span : warning.spans) {
      item["spans"].push_back(span_value(text, span));
    }
    if (!warning.readings.empty()) {
      item["readings"] = warning.readings;
    }
    if (!warning.chosen.empty()) {
      item["chosen"] = warning.chosen;
    }
    if (!warning.reason.empty()) {
      item["reason"] = warning.reason;
    }
    value["warnings"].push_back(std::move(item));
  }
  value["foreign_spans"] = JsonValue::array();
  for (const extract::LanguageRun& run : extraction.foreign_spans) {
    JsonValue item = span_value(text, run.span);
    item["language"] = run.language;
    value["foreign_spans"].push_back(std::move(item));
  }
  value["set_aside"] = JsonValue::array();
  for (const extract::SetAside& aside : extraction.set_aside) {
    JsonValue item = {{"reason", std::string(extract::to_string(aside.reason))},
                      {"detail", aside.detail}};
    item["span"] = span_value(text, aside.span);
    value["set_aside"].push_back(std::move(item));
  }
  value["unresolved_places"] = extraction.unresolved_places;
  return value.dump(2) + "\n";
}

std::string reading_text(const Source& source, const extract::Extraction& extraction) {
  const Document& document = extraction.document;
  const CodePointIndex text(document.text);
  std::string out = document_detail(document);
  if (!extraction.foreign_spans.empty()) {
    out += "\nIn another language:\n";
    for (const extract::LanguageRun& run : extraction.foreign_spans) {
      out += "  " + run.language + ": " + quote(text, run.span) + "\n";
    }
  }
  out += "\n" + std::to_string(extraction.claims.size()) +
         (extraction.claims.size() == 1 ? " claim" : " claims") + "\n";
  for (const Claim& claim : extraction.claims) {
    out += "\n" + claim_detail(ClaimRecord{claim, document, source}, text);
  }
  if (!extraction.undated_claims.empty()) {
    out += "\n" + std::to_string(extraction.undated_claims.size()) +
           (extraction.undated_claims.size() == 1 ? " claim" : " claims") + " without a date (" +
           std::string(extract::kUndatedWording) + "; give --published)\n";
    for (const Claim& claim : extraction.undated_claims) {
      out += "\n" + claim_detail(ClaimRecord{claim, document, source, true}, text);
    }
  }
  if (!extraction.warnings.empty()) {
    out += "\nWarnings:\n";
    for (const extract::Warning& warning : extraction.warnings) {
      out += "  " + warning.message + "\n";
      if (!warning.chosen.empty()) {
        out += "    used: " + warning.chosen + "\n";
      }
      if (!warning.reason.empty()) {
        out += "    why: " + warning.reason + "\n";
      }
    }
  }
  if (!extraction.set_aside.empty()) {
    out += "\nSet aside (not claims of new events):\n";
    for (const extract::SetAside& aside : extraction.set_aside) {
      out += "  " + std::string(extract::to_string(aside.reason)) + ": " + aside.detail + "\n    " +
             quote(text, aside.span) + "\n";
    }
  }
  if (!extraction.unresolved_places.empty()) {
    out += "\nPlaces not in the gazetteer (kept as written):\n";
    for (const std::string& name : extraction.unresolved_places) {
      out += "  " + name + "\n";
    }
  }
  return out;
}

}  // namespace truce::report
