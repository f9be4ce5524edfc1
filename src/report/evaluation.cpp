#include "report/evaluation.hpp"

#include <cstdio>

#include "serial/json_values.hpp"

namespace truce::report {
namespace {

std::string fixed(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

std::string row(const FieldScore& score) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "%-12s %9s %9s %9s %8lld %8lld %8lld\n", score.field.c_str(),
                fixed(score.precision()).c_str(), fixed(score.recall()).c_str(),
                fixed(score.f1()).c_str(), score.matched, score.extracted, score.expected);
  return buffer;
}

serial::JsonValue score_value(const FieldScore& score) {
  return {{"field", score.field},      {"precision", score.precision()},
          {"recall", score.recall()},  {"f1", score.f1()},
          {"matched", score.matched},  {"extracted", score.extracted},
          {"expected", score.expected}};
}

}  // namespace

double FieldScore::precision() const {
  return extracted == 0 ? 0.0 : static_cast<double>(matched) / static_cast<double>(extracted);
}
double FieldScore::recall() const {
  return expected == 0 ? 0.0 : static_cast<double>(matched) / static_cast<double>(expected);
}
double FieldScore::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

std::string evaluation_text(const Evaluation& evaluation, bool misses) {
  std::string out = std::to_string(evaluation.texts.size()) + " texts\n\n";
  out += "field        precision    recall        F1  matched extracted expected\n";
  for (const FieldScore& score : evaluation.fields) {
    out += row(score);
  }
  out += row(evaluation.overall);
  out += "\nnot claims   " + std::to_string(evaluation.false_claims) + " of " +
         std::to_string(evaluation.not_claims) + " statements that must not become claims did\n";
  if (!misses) {
    return out;
  }
  for (const TextScore& text : evaluation.texts) {
    if (text.misses.empty() && text.false_claims.empty() && text.unknown_places.empty()) {
      continue;
    }
    out += "\n" + text.file + " (" + std::to_string(text.matched_claims) + " of " +
           std::to_string(text.expected_claims) + " claims found, " +
           std::to_string(text.extracted_claims) + " extracted)\n";
    for (const std::string& miss : text.misses) {
      out += "  " + miss + "\n";
    }
    for (const std::string& quote : text.false_claims) {
      out += "  not a claim: " + quote + "\n";
    }
    for (const std::string& place : text.unknown_places) {
      out += "  unknown place: " + place + "\n";
    }
  }
  return out;
}

std::string evaluation_json(const Evaluation& evaluation) {
  serial::JsonValue value = serial::JsonValue::object();
  value["fields"] = serial::JsonValue::array();
  for (const FieldScore& score : evaluation.fields) {
    value["fields"].push_back(score_value(score));
  }
  value["overall"] = score_value(evaluation.overall);
  value["not_claims"] = evaluation.not_claims;
  value["false_claims"] = evaluation.false_claims;
  value["texts"] = serial::JsonValue::array();
  for (const TextScore& text : evaluation.texts) {
    value["texts"].push_back({{"file", text.file},
                              {"language", text.language},
                              {"expected_claims", text.expected_claims},
                              {"extracted_claims", text.extracted_claims},
                              {"matched_claims", text.matched_claims},
                              {"misses", text.misses},
                              {"false_claims", text.false_claims},
                              {"unknown_places", text.unknown_places}});
  }
  return value.dump(2) + "\n";
}

}  // namespace truce::report
