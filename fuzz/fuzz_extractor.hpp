// The extractor both fuzz targets share: loaded once per process from the
// bundled data directory (TRUCE_DATA, else share/truce beside bin/), because
// loading takes far longer than reading one input.
#pragma once

#include "extract/extraction.hpp"

namespace truce::fuzz {

// Aborts with the loading error when the data cannot be loaded: a fuzz run
// without its data would only test the error path.
const extract::Extractor& shared_extractor();

}  // namespace truce::fuzz
