#include "serial/detail/json_provenance.hpp"

#include <limits>

namespace truce::serial::detail {
namespace {

TextSpan span_of_bytes(std::string_view text, std::size_t byte_start, std::size_t byte_length) {
  auto start = code_point_count(text.substr(0, byte_start));
  auto length = code_point_count(text.substr(byte_start, byte_length));
  return TextSpan{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(start + length)};
}

std::string show_span(TextSpan span) {
  return "[" + std::to_string(span.start) + ", " + std::to_string(span.end) + "]";
}

// Short enough for a message line; cut at a code point boundary.
std::string show_quote(std::string_view quote) {
  constexpr std::size_t kMaxCodePoints = 40;
  if (code_point_count(quote) <= kMaxCodePoints) {
    return "\"" + std::string(quote) + "\"";
  }
  return "\"" + std::string(quote.substr(0, byte_offset_of_code_point(quote, kMaxCodePoints))) +
         "...\"";
}

// Every byte offset where `quote` starts in `text`, overlapping ones included.
// In valid UTF-8 a match always starts on a code point boundary.
std::vector<std::size_t> occurrences(std::string_view text, std::string_view quote) {
  std::vector<std::size_t> found;
  for (std::size_t at = text.find(quote); at != std::string_view::npos;
       at = text.find(quote, at + 1)) {
    found.push_back(at);
  }
  return found;
}

// For a quote that is not in the text: the longest beginning of it that is,
// so the message can point at where the quote and the text part ways.
std::string longest_prefix_hint(std::string_view text, std::string_view quote) {
  std::size_t code_points = code_point_count(quote);
  std::size_t low = 0;
  std::size_t high = code_points;  // the whole quote is known not to occur
  while (low + 1 < high) {
    std::size_t middle = (low + high) / 2;
    if (text.find(quote.substr(0, byte_offset_of_code_point(quote, middle))) !=
        std::string_view::npos) {
      low = middle;
    } else {
      high = middle;
    }
  }
  if (low < 3) {
    return {};
  }
  std::string_view prefix = quote.substr(0, byte_offset_of_code_point(quote, low));
  std::size_t at = text.find(prefix);
  return "; its beginning " + show_quote(prefix) + " occurs at " +
         show_span(span_of_bytes(text, at, prefix.size())) + ", and the text goes on differently";
}

std::optional<TextSpan> find_quote(JsonReader& reader, const Node& node, std::string_view text,
                                   std::string_view document_name) {
  std::optional<std::string> quote = reader.string(node);
  if (!quote) {
    return std::nullopt;
  }
  if (quote->empty()) {
    reader.error(node.pointer, "the quote is empty");
    return std::nullopt;
  }
  if (text.empty()) {
    reader.error(node.pointer, "a quote needs the text of document \"" +
                                   std::string(document_name) +
                                   "\" in this file; give [start, end] code-point offsets instead");
    return std::nullopt;
  }
  std::vector<std::size_t> found = occurrences(text, *quote);
  if (found.empty()) {
    reader.error(node.pointer,
                 "the quote " + show_quote(*quote) + " does not occur in the text of document \"" +
                     std::string(document_name) + "\"" + longest_prefix_hint(text, *quote));
    return std::nullopt;
  }
  if (found.size() > 1) {
    std::string places;
    for (std::size_t at : found) {
      places += places.empty() ? "" : ", ";
      places += show_span(span_of_bytes(text, at, quote->size()));
    }
    reader.error(node.pointer, "the quote " + show_quote(*quote) + " occurs " +
                                   std::to_string(found.size()) + " times, at " + places +
                                   "; give the offsets of the one meant, e.g. [" +
                                   show_span(span_of_bytes(text, found[0], quote->size())) + "]");
    return std::nullopt;
  }
  return span_of_bytes(text, found[0], quote->size());
}

std::optional<TextSpan> read_offsets(JsonReader& reader, const Node& node) {
  if (!node->is_array() || node->size() != 2) {
    reader.error(node.pointer, "a span is [start, end] in code points, or a quote");
    return std::nullopt;
  }
  constexpr std::int64_t kMax = std::numeric_limits<std::uint32_t>::max();
  std::optional<std::int64_t> start = reader.integer(reader.element(node, 0), 0, kMax);
  std::optional<std::int64_t> end = reader.integer(reader.element(node, 1), 0, kMax);
  if (!start || !end) {
    return std::nullopt;
  }
  return TextSpan{static_cast<std::uint32_t>(*start), static_cast<std::uint32_t>(*end)};
}

}  // namespace

std::optional<std::vector<FieldProvenance>> read_provenance(JsonReader& reader, const Node& node,
                                                            std::string_view text,
                                                            std::string_view document_name) {
  if (!node->is_object()) {
    reader.error(node.pointer, "must be an object mapping field paths to spans");
    return std::nullopt;
  }
  std::size_t errors_before = reader.error_count();
  std::vector<FieldProvenance> result;
  for (const auto& [field, value] : node->items()) {
    Node entry{&value, child_pointer(node.pointer, field)};
    FieldProvenance provenance{field, {}};
    if (value.is_string()) {
      if (auto span = find_quote(reader, entry, text, document_name)) {
        provenance.spans.push_back(*span);
      }
    } else if (reader.array(entry)) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        Node item = reader.element(entry, i);
        auto span = item->is_string() ? find_quote(reader, item, text, document_name)
                                      : read_offsets(reader, item);
        if (span) {
          provenance.spans.push_back(*span);
        }
      }
    }
    result.push_back(std::move(provenance));
  }
  if (reader.error_count() != errors_before) {
    return std::nullopt;
  }
  return result;
}

void check_provenance_quotes(JsonReader& reader, const Node& node,
                             const std::vector<FieldProvenance>& provenance,
                             const CodePointIndex& text) {
  if (!node->is_object()) {
    reader.error(node.pointer, "must be an object mapping field paths to quotes");
    return;
  }
  for (const auto& [key, value] : node->items()) {
    const std::string& field = key;  // a lambda cannot capture a structured binding in clang 14
    Node entry{&value, child_pointer(node.pointer, field)};
    auto spans = std::find_if(provenance.begin(), provenance.end(),
                              [&field](const FieldProvenance& p) { return p.field == field; });
    if (spans == provenance.end()) {
      reader.error(entry.pointer, "has no entry in \"provenance\"");
      continue;
    }
    check_span_quotes(reader, entry, spans->spans, text);
  }
}

void check_span_quotes(JsonReader& reader, const Node& node, const std::vector<TextSpan>& spans,
                       const CodePointIndex& text) {
  if (!reader.array(node)) {
    return;
  }
  if (node->size() != spans.size()) {
    reader.error(node.pointer, "has " + std::to_string(node->size()) + " quotes for " +
                                   std::to_string(spans.size()) + " spans");
    return;
  }
  for (std::size_t i = 0; i < node->size(); ++i) {
    Node item = reader.element(node, i);
    std::optional<std::string> quote = reader.string(item);
    if (!quote || text.text().empty()) {
      continue;  // without the text there is nothing to check the quote against
    }
    std::optional<std::string_view> actual = text_of_span(text, spans[i]);
    if (!actual) {
      continue;  // the span itself is checked against the text length elsewhere
    }
    if (*actual != *quote) {
      reader.error(item.pointer, show_quote(*quote) + " is not the text at " + show_span(spans[i]) +
                                     ", which reads " + show_quote(*actual) +
                                     "; quotes are written for reading, correct or remove them");
    }
  }
}

Json provenance_to_json(const std::vector<FieldProvenance>& provenance) {
  Json result = Json::object();
  for (const FieldProvenance& entry : provenance) {
    Json spans = Json::array();
    for (const TextSpan& span : entry.spans) {
      spans.push_back(Json::array({span.start, span.end}));
    }
    result[entry.field] = std::move(spans);
  }
  return result;
}

Json provenance_quotes_to_json(const std::vector<FieldProvenance>& provenance,
                               const CodePointIndex& text) {
  if (text.text().empty()) {
    return nullptr;
  }
  Json result = Json::object();
  for (const FieldProvenance& entry : provenance) {
    Json quotes = span_quotes_to_json(entry.spans, text);
    if (quotes.is_null()) {
      return nullptr;
    }
    result[entry.field] = std::move(quotes);
  }
  return result;
}

Json span_quotes_to_json(const std::vector<TextSpan>& spans, const CodePointIndex& text) {
  if (text.text().empty()) {
    return nullptr;
  }
  Json quotes = Json::array();
  for (const TextSpan& span : spans) {
    std::optional<std::string_view> quote = text_of_span(text, span);
    if (!quote || span.end <= span.start) {
      return nullptr;
    }
    quotes.push_back(std::string(*quote));
  }
  return quotes;
}

std::optional<TextSpan> read_span(JsonReader& reader, const Node& node, std::string_view text,
                                  std::string_view document_name) {
  return node->is_string() ? find_quote(reader, node, text, document_name)
                           : read_offsets(reader, node);
}

std::optional<std::string_view> text_of_span(const CodePointIndex& text, TextSpan span) {
  if (span.end < span.start || span.end > text.size()) {
    return std::nullopt;
  }
  return text.slice(span.start, span.end);
}

}  // namespace truce::serial::detail
