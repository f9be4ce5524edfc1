// Agreement references in the JSON formats (docs/formats/json.md): a claim's
// "agreements" and a document's "agreement_references", each an array of
// {"name", "dates", "registry_id", "spans", "quotes"}. Spans are [start, end]
// code points or quotes, as in provenance; the writer writes offsets and, when
// it has the text, the quotes beside them for a person to check.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/references.hpp"
#include "serial/detail/json_parse.hpp"
#include "serial/detail/json_reader.hpp"

namespace truce::serial::detail {

// Reads the optional array member `name` of `object`. `text` is the text the
// spans point into (empty when the file does not carry it, which makes a
// quote an error); `document_name` names that document in messages. Returns
// nullopt when it reported a problem.
std::optional<std::vector<AgreementReference>> read_agreement_references(
    JsonReader& reader, const Node& object, std::string_view name, const CodePointIndex& text,
    std::string_view document_name);

Json agreement_references_to_json(const std::vector<AgreementReference>& references,
                                  const CodePointIndex& text);

}  // namespace truce::serial::detail
