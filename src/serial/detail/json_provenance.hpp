// Provenance in the JSON formats: each claim field names the spans of the
// document's text it came from, as [start, end) code-point offsets or as a
// quote the reader looks up in the text. Quotes make hand-written files easy
// to check; offsets are what is stored and what the writers emit.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "serial/detail/json_reader.hpp"

namespace truce::serial::detail {

// Reads a "provenance" object: field path -> a quote, or an array whose items
// are [start, end] pairs or quotes. Quotes are looked up in `text` (the
// document's text; empty when the file does not carry it, which makes a quote
// an error). `document_name` names the document in messages.
std::optional<std::vector<FieldProvenance>> read_provenance(JsonReader& reader, const Node& node,
                                                            std::string_view text,
                                                            std::string_view document_name);

// One span: a [start, end] pair of code-point offsets, or a quote looked up
// in `text` as for provenance. Reports problems at the node.
std::optional<TextSpan> read_span(JsonReader& reader, const Node& node, std::string_view text,
                                  std::string_view document_name);

// Checks quotes written beside spans (an array, one string per span) against
// the spans and, when the text is known, against the text.
void check_span_quotes(JsonReader& reader, const Node& node, const std::vector<TextSpan>& spans,
                       const CodePointIndex& text);

// The words each span covers, or null when `text` is empty or a span is not
// a non-empty stretch inside it.
Json span_quotes_to_json(const std::vector<TextSpan>& spans, const CodePointIndex& text);

// Checks a "provenance_quotes" object (field path -> one string per span,
// written for humans) against the spans read and, when the text is known,
// against the text itself.
void check_provenance_quotes(JsonReader& reader, const Node& node,
                             const std::vector<FieldProvenance>& provenance,
                             const CodePointIndex& text);

// The "provenance_quotes" member for `provenance`, or null when `text` is
// empty or a span does not lie inside it.
Json provenance_quotes_to_json(const std::vector<FieldProvenance>& provenance,
                               const CodePointIndex& text);

Json provenance_to_json(const std::vector<FieldProvenance>& provenance);

// The text of [start, end) in code points, or nullopt if it is not inside `text`.
std::optional<std::string_view> text_of_span(const CodePointIndex& text, TextSpan span);

}  // namespace truce::serial::detail
