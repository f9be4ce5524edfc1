// Hand-coded expected results of a development corpus (tests/data/corpus,
// format in its README.md): what a careful reader finds in one text. `truce
// eval` scores the extractor against them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace truce::serial {

struct ExpectedFigure {
  std::string side;    // actor id, or "civilians" / "civilians:<party>"
  std::string status;  // killed, wounded, captured, missing
  std::int64_t min = 0;
  std::optional<std::int64_t> max;  // absent: open-ended
};

struct ExpectedClaim {
  std::string event_type;
  std::string claimant;  // actor id
  std::optional<CivilTime> date;
  std::string date_basis;
  std::string place_name;
  std::string place_id;
  std::string perpetrator;
  std::string target;
  std::vector<ExpectedFigure> casualties;
  std::string evidence;  // the sentences of the text the claim comes from
};

struct Expectation {
  std::string publisher;  // as the corpus names it: who published the text
  std::string language;
  std::optional<CivilTime> published;
  std::vector<ExpectedClaim> claims;
  std::vector<std::string> not_claims;
};

// Reads one <name>.expected.json; errors name the file and the JSON pointer.
Result<Expectation> read_expectation(std::string_view text, std::string_view file_name);

}  // namespace truce::serial
