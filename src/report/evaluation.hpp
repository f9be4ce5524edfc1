// Scores of the reader against a development corpus (computed by
// service/evaluation.hpp) and their renderings for `truce eval`.
#pragma once

#include <string>
#include <vector>

namespace truce::report {

struct FieldScore {
  std::string field;
  long long matched = 0;    // extracted values that agree with the expected ones
  long long extracted = 0;  // values the reader gave
  long long expected = 0;   // values the corpus holds
  double precision() const;
  double recall() const;
  double f1() const;
};

struct TextScore {
  std::string file;  // relative to the corpus directory
  std::string language;
  int expected_claims = 0;
  int extracted_claims = 0;
  int matched_claims = 0;
  std::vector<std::string> misses;  // one line each, naming the field and both values
  // Statements the corpus says must not become claims, yet did.
  std::vector<std::string> false_claims;
  // Expected places whose id no gazetteer file defines: scored by their name
  // alone, so a misspelt id shows here instead of as a silent miss.
  std::vector<std::string> unknown_places;
};

struct Evaluation {
  std::vector<FieldScore> fields;  // claim, claimant, event_type, date, event_date, place, ...
  FieldScore overall;              // every field but "claim" together
  long long not_claims = 0;        // statements that must not become claims
  long long false_claims = 0;      // of those, how many did
  std::vector<TextScore> texts;
};

// The table of fields, then (with `misses`) every text with its misses.
std::string evaluation_text(const Evaluation& evaluation, bool misses);
std::string evaluation_json(const Evaluation& evaluation);

}  // namespace truce::report
