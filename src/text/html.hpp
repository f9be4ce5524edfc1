// The readable text of an HTML page and the metadata a news article carries:
// the article (or main content) without scripts, navigation, sharing widgets
// and other boilerplate, with paragraphs separated by blank lines.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace truce::text {

struct HtmlDocument {
  std::string text;       // readable text, paragraphs separated by blank lines
  std::string title;      // og:title, else <title>, else the first <h1>
  std::string published;  // as found: article:published_time, datePublished, <time datetime>, ...
  std::string site_name;  // og:site_name
  std::string url;        // <link rel="canonical">, else og:url
  std::string language;   // <html lang>
};

// Parses UTF-8 HTML leniently (malformed markup is repaired, never fatal).
// Fails with kInvalidInput only when there is nothing to parse: empty or
// whitespace-only input, or input too large for the parser.
Result<HtmlDocument> html_to_text(std::string_view html);

}  // namespace truce::text
