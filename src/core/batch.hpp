// What one input file contributes: the sources, documents and claims read from
// it, already validated and with ids derived. A batch is written whole or not
// at all.
#pragma once

#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"

namespace truce {

struct IntakeBatch {
  std::string origin;  // the file name as given, for messages
  std::vector<Source> sources;
  std::vector<Document> documents;
  std::vector<Claim> claims;

  // Where each record was read, parallel to the vectors above, for messages:
  // "reports.csv:14" or "report.json:/claims/3". Empty when built in code.
  std::vector<std::string> source_locations;
  std::vector<std::string> document_locations;
  std::vector<std::string> claim_locations;
};

}  // namespace truce
