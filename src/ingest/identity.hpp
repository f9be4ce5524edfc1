// Content-derived ids. A document's id hashes its source and its text (or,
// without text, its metadata), a claim's id hashes its canonical form, which
// includes its document id. The same record read twice, from any format,
// gets the same id; an id in a file that does not match its content is an error.
#pragma once

#include <string>
#include <vector>

#include "core/batch.hpp"
#include "core/result.hpp"

namespace truce::ingest {

// Replaces provisional document ids ("key:..." or given "doc_...") by derived
// ones and points claims at them; fills content hashes and claim ids. Drops
// exact duplicate claims within the batch, with a warning for each.
Status assign_ids(IntakeBatch& batch, std::vector<std::string>& warnings);

}  // namespace truce::ingest
