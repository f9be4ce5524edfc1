// The JSON envelope a crawler or a newsroom tool wraps a text in:
//   {"text": "...", "url": "...", "published": "2021-11-21", "publisher": "...",
//    "title": "...", "language": "ar"}
// or with "html" instead of "text". Only "text" or "html" is required; an
// unknown member is an error, so a misspelt field is never silently dropped.
// The format is documented in docs/formats/envelope.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"

namespace truce::serial {

struct Envelope {
  std::string text;  // exactly one of text and html is set
  std::string html;
  std::string url;
  std::optional<CivilTime> published;  // a date, or a date-time whose date is kept
  std::string publisher;
  std::string title;
  std::string language;
};

// True when `text` is a JSON object that holds "text" or "html" and no
// "format" member (a report file has "format": "truce-report").
bool looks_like_envelope(std::string_view text);

Result<Envelope> read_envelope(std::string_view text, std::string_view file_name);

}  // namespace truce::serial
