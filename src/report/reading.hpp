// Renderings of a text that was read (`truce extract`): the document, its
// claims with the words each value came from, the warnings, what was set
// aside and why, and the runs in another language.
#pragma once

#include <string>

#include "core/source.hpp"
#include "extract/extraction.hpp"

namespace truce::report {

// {"document": {...}, "source": {...}, "claims": [...], "warnings": [...],
//  "foreign_spans": [...], "set_aside": [...], "unresolved_places": [...]}
std::string reading_json(const Source& source, const extract::Extraction& extraction);

std::string reading_text(const Source& source, const extract::Extraction& extraction);

}  // namespace truce::report
