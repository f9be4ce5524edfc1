#include "serial/detail/json_agreements.hpp"

#include <array>

#include "serial/detail/json_provenance.hpp"
#include "serial/detail/json_records.hpp"

namespace truce::serial::detail {
namespace {

constexpr std::array<std::string_view, 5> kReferenceMembers{"name", "dates", "registry_id", "spans",
                                                            "quotes"};

std::optional<AgreementReference> read_reference(JsonReader& reader, const Node& node,
                                                 const CodePointIndex& text,
                                                 std::string_view document_name) {
  ErrorMark mark(reader);
  if (!reader.object(node, kReferenceMembers)) {
    return std::nullopt;
  }
  AgreementReference reference;
  if (auto name = reader.required(node, "name")) {
    reference.name = reader.string(*name).value_or("");
  }
  if (auto dates = reader.member(node, "dates"); dates && reader.array(*dates)) {
    for (std::size_t i = 0; i < (*dates)->size(); ++i) {
      if (auto date = read_civil_time(reader, reader.element(*dates, i))) {
        reference.dates.push_back(*date);
      }
    }
  }
  if (auto registry_id = reader.member(node, "registry_id")) {
    reference.registry_id = reader.string(*registry_id).value_or("");
  }
  if (auto spans = reader.member(node, "spans"); spans && reader.array(*spans)) {
    for (std::size_t i = 0; i < (*spans)->size(); ++i) {
      if (auto span = read_span(reader, reader.element(*spans, i), text.text(), document_name)) {
        reference.spans.push_back(*span);
      }
    }
  }
  if (auto quotes = reader.member(node, "quotes"); quotes && mark.clean()) {
    check_span_quotes(reader, *quotes, reference.spans, text);
  }
  return mark.clean() ? std::optional(std::move(reference)) : std::nullopt;
}

}  // namespace

std::optional<std::vector<AgreementReference>> read_agreement_references(
    JsonReader& reader, const Node& object, std::string_view name, const CodePointIndex& text,
    std::string_view document_name) {
  ErrorMark mark(reader);
  std::vector<AgreementReference> references;
  if (auto list = reader.member(object, name); list && reader.array(*list)) {
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
      if (auto reference = read_reference(reader, reader.element(*list, i), text, document_name)) {
        references.push_back(std::move(*reference));
      }
    }
  }
  return mark.clean() ? std::optional(std::move(references)) : std::nullopt;
}

Json agreement_references_to_json(const std::vector<AgreementReference>& references,
                                  const CodePointIndex& text) {
  Json list = Json::array();
  for (const AgreementReference& reference : references) {
    Json item = Json::object();
    item["name"] = reference.name;
    if (!reference.dates.empty()) {
      Json dates = Json::array();
      for (const CivilTime& date : reference.dates) {
        dates.push_back(format_civil_time(date));
      }
      item["dates"] = std::move(dates);
    }
    if (!reference.registry_id.empty()) {
      item["registry_id"] = reference.registry_id;
    }
    if (!reference.spans.empty()) {
      Json spans = Json::array();
      for (const TextSpan& span : reference.spans) {
        spans.push_back(Json::array({span.start, span.end}));
      }
      item["spans"] = std::move(spans);
      Json quotes = span_quotes_to_json(reference.spans, text);
      if (!quotes.is_null()) {
        item["quotes"] = std::move(quotes);
      }
    }
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace truce::serial::detail
