#include "serial/detail/json_records.hpp"
#include "serial/json_values.hpp"

namespace truce::serial {

JsonValue claim_value(const Claim& claim, const Document* document) {
  return claim_value(claim, CodePointIndex(document != nullptr ? std::string_view(document->text)
                                                               : std::string_view{}));
}

JsonValue claim_value(const Claim& claim, const CodePointIndex& text) {
  return detail::claim_to_json(claim, detail::ClaimLayout::kReport, text);
}

JsonValue source_value(const Source& source) {
  return detail::source_to_json(source);
}

JsonValue document_value(const Document& document, bool with_text) {
  return detail::document_to_json(document, with_text);
}

}  // namespace truce::serial
