// The records of the data model as JSON objects, shared by the JSON report
// format and the GeoJSON claims format (docs/formats/json.md, geojson.md).
// Readers check shape and vocabulary and report errors at JSON pointers;
// the core invariants (core/validation.hpp) are checked by the callers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"
#include "core/validation.hpp"
#include "serial/detail/json_reader.hpp"

namespace truce::serial::detail {

// Where a claim's members sit: the JSON report keeps the geometry in "place"
// and the claim id in "id"; GeoJSON puts both on the Feature, and its
// "document" member may be the document object itself.
enum class ClaimLayout { kReport, kGeoJson };

// The documents of the file being read, for the claims that name them.
struct DocumentLookup {
  // The document with this provisional id, or null.
  std::function<const Document*(const DocumentId&)> find;
  // True for a document the file gives but that had errors (reported with
  // it), so the claims naming it add no second, misleading error.
  std::function<bool(const DocumentId&)> has_errors;
  // The code points of a document's text (of no text for null), built once
  // per document however many claims point into it.
  std::function<const CodePointIndex&(const Document*)> code_points;
};

// Provisional document ids: a local key "k" becomes "key:k".
inline constexpr std::string_view kKeyPrefix = "key:";
// What a claim writes in "document": the key for "key:k", else the id.
std::string document_reference(const DocumentId& id);

std::optional<Source> read_source(JsonReader& reader, const Node& node);
std::optional<Document> read_document(JsonReader& reader, const Node& node);
// The provisional id a document object gives ("id", or "key:" + "key"),
// without checking anything else or reporting.
std::optional<DocumentId> peek_document_id(const Node& node);
// For kGeoJson the caller sets the claim id and the place geometry.
std::optional<Claim> read_claim(JsonReader& reader, const Node& node, ClaimLayout layout,
                                const DocumentLookup& lookup);
std::optional<Geometry> read_geometry(JsonReader& reader, const Node& node);
// A string in core's civil time syntax ("2021-11-16", "2021-11-16T14:30").
std::optional<CivilTime> read_civil_time(JsonReader& reader, const Node& node);
// "clm_" and 20 lowercase hex digits: the report's claim "id", a Feature's "id".
std::optional<ClaimId> read_claim_id(JsonReader& reader, const Node& node);

// Reports core's problems with a record at `base` + "/" + field path;
// "place/geometry..." goes to `geometry_pointer` when given (GeoJSON).
void report_problems(JsonReader& reader, const std::vector<FieldProblem>& problems,
                     std::string_view base, std::string_view geometry_pointer = {});

// check_claim's text length: the document's, when the file carries its text.
std::optional<std::size_t> text_length(const CodePointIndex& text);

Json source_to_json(const Source& source);
Json document_to_json(const Document& document, bool with_text);
Json geometry_to_json(const Geometry& geometry);
// `text` holds the code points of the claim's document's text when the batch
// has it (else of an empty text); it lets the writer add the provenance quotes.
Json claim_to_json(const Claim& claim, ClaimLayout layout, const CodePointIndex& text);

}  // namespace truce::serial::detail
