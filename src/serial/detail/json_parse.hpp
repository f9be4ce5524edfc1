// Turning JSON text into a document tree for the serial readers, and the tree
// back into text for the writers. Private to src/serial: nlohmann::json never
// appears in a public header.
//
// The tree keeps member order (ordered_json), because the order of provenance
// entries is part of a claim, and readers and writers keep the order humans see.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace truce::serial::detail {

using Json = nlohmann::ordered_json;

// Parses `text`. Fails with kInvalidInput "FILE:LINE:COL: syntax error ..."
// (column in code points, 1-based) on malformed JSON or invalid UTF-8, and with
// "FILE:POINTER: field 'x': appears twice in one object" on a duplicate member
// name, which nlohmann would otherwise resolve silently by keeping the last one.
Result<Json> parse_json(std::string_view text, std::string_view file_name);

// Deterministic text: objects one member per line with 2-space indent, except
// that arrays holding no object, and objects holding no object whose one-line
// form fits in 80 bytes, are written on one line ("[44.5, 40.1]", {"id":
// "armenia", "name": "Armenia"}). UTF-8 is kept as is (invalid UTF-8 in a
// record becomes U+FFFD rather than an exception); numbers as nlohmann prints
// them (doubles round-trip exactly). Ends with a newline.
std::string pretty_print(const Json& value);

// A JSON pointer (RFC 6901) one level down.
std::string child_pointer(std::string_view pointer, std::string_view member);
std::string child_pointer(std::string_view pointer, std::size_t index);

}  // namespace truce::serial::detail
