// Which field makes a stored record differ from a re-submitted one with the
// same id, so a conflict message can name it instead of saying "differs".
#pragma once

#include <string>
#include <string_view>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"

namespace truce::storage::sqlite::detail {

// The JSON member name of the first differing field, or "" when equal.
std::string_view first_difference(const Source& stored, const Source& given);
std::string_view first_difference(const Document& stored, const Document& given);
std::string_view first_difference(const Claim& stored, const Claim& given);

// A source field's value in words ("B", "party:armenia"), for conflict messages.
std::string describe_source_field(const Source& source, std::string_view field);

}  // namespace truce::storage::sqlite::detail
