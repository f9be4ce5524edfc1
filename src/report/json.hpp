// JSON renderings for `--json` output: one JSON document per command on
// standard output. Listings put their records under the plural name of what
// they list ({"claims": [...]}) with paging fields beside it. Records use the
// member names of the JSON report format (docs/formats/json.md), so what a
// listing prints can be read by a person and a script alike.
#pragma once

#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"
#include "report/picture.hpp"

namespace truce::report {

struct Paging {
  long long total = 0;
  int limit = 0;
  int offset = 0;
};

std::string claims_json(const std::vector<Claim>& claims, const Paging& paging);
std::string sources_json(const std::vector<Source>& sources);
std::string documents_json(const std::vector<Document>& documents);  // texts left out
// The claim, its source and document (with text), and each provenance span
// with the words it covers.
std::string claim_record_json(const ClaimRecord& record);
std::string document_json(const Document& document);
std::string source_json(const Source& source);
std::string picture_json(const Picture& picture);
std::string ingest_json(const std::vector<FileOutcome>& outcomes);
// {"error": {"code": "...", "message": "..."}} for failures under --json.
std::string error_json(const Error& error);

}  // namespace truce::report
