// The claim filters shared by `truce claims` and `truce export`.
#pragma once

#include <string>

#include "core/result.hpp"
#include "storage/store.hpp"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's name
class App;
}

namespace truce::app {

struct QueryFlags {
  std::string since;
  std::string until;
  std::string bbox;
  std::string event_type;
  std::string actor;
  std::string source;
  std::string document;
  int limit = 100;
  int offset = 0;
};

void add_query_options(CLI::App& command, QueryFlags& flags, int default_limit);

// Checks every flag; errors name the flag ("--bbox: ...").
Result<storage::ClaimQuery> to_query(const QueryFlags& flags);

}  // namespace truce::app
