// JSON values of single records, in the member names of the JSON report
// format, for renderers that compose larger documents (report/json.cpp).
// This header brings in nlohmann/json: include it only from .cpp files.
#pragma once

#include <nlohmann/json.hpp>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"

namespace truce::serial {

using JsonValue = nlohmann::ordered_json;

// `document`, when given, lets provenance spans carry the words they cover.
JsonValue claim_value(const Claim& claim, const Document* document);
// The same with the code points of the document's text at hand, for the many
// claims of one document (an index built per claim costs a pass over the text).
JsonValue claim_value(const Claim& claim, const CodePointIndex& text);
JsonValue source_value(const Source& source);
JsonValue document_value(const Document& document, bool with_text);

}  // namespace truce::serial
