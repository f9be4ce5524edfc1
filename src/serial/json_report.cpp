// The JSON report format: sources, documents and claims of one intake in one
// file (docs/formats/json.md, schema/report.schema.json).
#include <array>
#include <map>

#include "serial/detail/json_batch.hpp"
#include "serial/detail/json_parse.hpp"
#include "serial/detail/json_reader.hpp"
#include "serial/detail/json_records.hpp"
#include "serial/formats.hpp"

namespace truce::serial {
namespace {

using detail::Json;
using detail::Node;

constexpr std::string_view kFormat = "truce-report";
constexpr std::int64_t kVersion = 1;
constexpr std::array<std::string_view, 5> kTopMembers{"format", "version", "sources", "documents",
                                                      "claims"};

// Checks "format" and "version"; a file of another kind or a newer version
// must not be half-read.
bool read_header(detail::JsonReader& reader, const Node& root) {
  std::size_t errors_before = reader.error_count();
  if (auto format = reader.required(root, "format")) {
    if (auto text = reader.string(*format); text && *text != kFormat) {
      reader.error(format->pointer,
                   "is \"" + *text + "\"; a truce report says \"" + std::string(kFormat) + "\"");
    }
  }
  if (auto version = reader.required(root, "version")) {
    if (auto number = reader.integer(*version); number && *number != kVersion) {
      reader.error(version->pointer, "version " + std::to_string(*number) +
                                         " is not supported; this truce reads version " +
                                         std::to_string(kVersion));
    }
  }
  return reader.error_count() == errors_before;
}

// Calls `read(element)` for each element of the optional array member `name`.
template <typename Read>
void for_each_element(detail::JsonReader& reader, const Node& root, std::string_view name,
                      Read read) {
  std::optional<Node> list = reader.member(root, name);
  if (!list || !reader.array(*list)) {
    return;
  }
  for (std::size_t i = 0; i < (*list)->size() && !reader.full(); ++i) {
    read(reader.element(*list, i));
  }
}

}  // namespace

Result<IntakeBatch> read_report_json(std::string_view text, std::string_view file_name) {
  Result<Json> parsed = detail::parse_json(text, file_name);
  if (!parsed) {
    return std::move(parsed).error();
  }
  detail::JsonReader reader(file_name);
  Node root{&*parsed, ""};
  if (!reader.object(root, kTopMembers) || !read_header(reader, root)) {
    return reader.to_error();
  }
  detail::BatchBuilder builder(reader, detail::BatchBuilder::Repeats::kError);
  for_each_element(reader, root, "sources", [&](const Node& node) {
    if (auto source = detail::read_source(reader, node)) {
      builder.add_source(std::move(*source), node.pointer);
    }
  });
  // Documents before claims whatever the member order, so claims can name them.
  for_each_element(reader, root, "documents", [&](const Node& node) {
    if (auto document = detail::read_document(reader, node)) {
      builder.add_document(std::move(*document), node.pointer);
    } else if (auto id = detail::peek_document_id(node)) {
      builder.add_document_with_errors(*id);
    }
  });
  detail::DocumentLookup lookup = builder.lookup();
  for_each_element(reader, root, "claims", [&](const Node& node) {
    if (auto claim = detail::read_claim(reader, node, detail::ClaimLayout::kReport, lookup)) {
      builder.add_claim(std::move(*claim), node.pointer);
    }
  });
  if (reader.error_count() > 0) {
    return reader.to_error();
  }
  return builder.take();
}

std::string write_report_json(const IntakeBatch& batch) {
  Json root = Json::object();
  root["format"] = kFormat;
  root["version"] = kVersion;
  root["sources"] = Json::array();
  for (const Source& source : batch.sources) {
    root["sources"].push_back(detail::source_to_json(source));
  }
  root["documents"] = Json::array();
  for (const Document& document : batch.documents) {
    root["documents"].push_back(detail::document_to_json(document, true));
  }
  std::map<DocumentId, CodePointIndex> texts;
  for (const Document& document : batch.documents) {
    texts.emplace(document.id, CodePointIndex(document.text));
  }
  const CodePointIndex no_text{std::string_view{}};
  root["claims"] = Json::array();
  for (const Claim& claim : batch.claims) {
    auto text = texts.find(claim.document);
    root["claims"].push_back(detail::claim_to_json(claim, detail::ClaimLayout::kReport,
                                                   text == texts.end() ? no_text : text->second));
  }
  return detail::pretty_print(root);
}

}  // namespace truce::serial
