// What a text mentions beyond the event itself, kept as written: for now the
// agreements (ceasefires, trilateral statements, protocols) a claim or its
// document refers to. A reference is the text's words, not a judgement that
// the agreement exists or applies; linking it to the agreement registry fills
// registry_id and leaves the words as they were.
#pragma once

#include <string>
#include <vector>

#include "core/text_span.hpp"
#include "core/time.hpp"

namespace truce {

struct AgreementReference {
  std::string name;              // as written in the text
  std::vector<CivilTime> dates;  // dates given with it, as read (day precision usually)
  std::string registry_id;       // the agreement registry's id once resolved; empty until then
  std::vector<TextSpan> spans;   // where it is mentioned, code points of the document's text
  friend bool operator==(const AgreementReference&, const AgreementReference&) = default;
};

}  // namespace truce
