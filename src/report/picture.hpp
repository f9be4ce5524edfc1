// The records front ends show: a claim with where it came from, and the
// monitoring picture (what is stored, by whom, the latest claims).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/result.hpp"
#include "core/source.hpp"

namespace truce::report {

// A claim with the document and source it came from, for provenance.
struct ClaimRecord {
  Claim claim;
  Document document;
  Source source;
  bool undated = false;  // read without a date: `claim.time` means nothing
};

struct SourceActivity {
  Source source;
  long long claims = 0;
};

struct Picture {
  std::string location;  // the database, as given
  int schema_version = 0;
  long long sources = 0;
  long long documents = 0;
  long long claims = 0;
  std::string first_event;  // interval key, empty if none
  std::string last_event;
  std::vector<SourceActivity> activity;
  std::vector<ClaimRecord> latest;  // newest first
};

// What one input file did. A rejected file (error set) wrote nothing.
struct FileOutcome {
  std::string file;
  std::string format;  // "json", "geojson", "csv"; empty if not reached
  std::optional<Error> error;
  bool dry_run = false;
  int sources_added = 0;
  int sources_unchanged = 0;
  int documents_added = 0;
  int documents_unchanged = 0;
  int claims_added = 0;
  int claims_unchanged = 0;
  int incidents_created = 0;  // incidents that did not exist before this file
  int incidents_updated = 0;  // existing incidents that changed
  int incidents_retired = 0;  // merged into another
  std::vector<std::string> warnings;
};

}  // namespace truce::report
