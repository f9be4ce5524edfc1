// Invariants of the data model that no reader may let through: counts are not
// negative, ranges are ordered, intervals end after they start, coordinates are
// on the globe, grades are in range, spans lie inside their document. Readers
// (CSV, JSON, GeoJSON) call these after parsing and prefix the field paths with
// their own location (file:line or JSON pointer).
#pragma once

#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"

namespace truce {

struct FieldProblem {
  std::string field;    // path inside the record: "casualties/1/max", "time/end"
  std::string message;  // "is smaller than min (7)"
};

std::vector<FieldProblem> check_source(const Source& source);
std::vector<FieldProblem> check_document(const Document& document);
// `document_text_length` is the document's length in code points, or nullopt
// when the document has no text (then spans cannot be checked against it).
std::vector<FieldProblem> check_claim(const Claim& claim,
                                      std::optional<std::size_t> document_text_length);

// A deterministic text form of everything a claim asserts (not its id), used
// to derive the claim id: the same claim read from JSON, CSV or GeoJSON has
// the same canonical form.
std::string canonical_form(const Claim& claim);

}  // namespace truce
