#include "serial/detail/json_batch.hpp"

#include "core/validation.hpp"

namespace truce::serial::detail {

BatchBuilder::BatchBuilder(JsonReader& reader, Repeats repeats)
    : reader_(reader), repeats_(repeats) {
  batch_.origin = reader.file();
}

void BatchBuilder::add_source(Source source, std::string_view pointer) {
  std::size_t errors_before = reader_.error_count();
  report_problems(reader_, check_source(source), pointer);
  if (auto found = source_index_.find(source.id.str()); found != source_index_.end()) {
    const std::string& first = source_pointers_[found->second];
    if (repeats_ == Repeats::kError) {
      reader_.error(std::string(pointer) + "/id",
                    "source \"" + source.id.str() + "\" is already given at " + first);
    } else if (!(batch_.sources[found->second] == source)) {
      reader_.error(std::string(pointer) + "/id",
                    "source \"" + source.id.str() + "\" differs from the one given at " + first);
    }
    return;
  }
  if (reader_.error_count() != errors_before) {
    return;
  }
  source_index_.emplace(source.id.str(), batch_.sources.size());
  source_pointers_.emplace_back(pointer);
  batch_.source_locations.push_back(reader_.location(pointer));
  batch_.sources.push_back(std::move(source));
}

void BatchBuilder::add_document(Document document, std::string_view pointer) {
  std::size_t errors_before = reader_.error_count();
  report_problems(reader_, check_document(document), pointer);
  if (auto found = document_index_.find(document.id.str()); found != document_index_.end()) {
    bool is_key = document.id.str().starts_with(kKeyPrefix);
    std::string what =
        std::string(is_key ? "key" : "id") + " \"" + document_reference(document.id) + "\"";
    std::string at = std::string(pointer) + (is_key ? "/key" : "/id");
    const std::string& first = document_pointers_[found->second];
    if (repeats_ == Repeats::kError) {
      reader_.error(at, "the document " + what + " is already given at " + first);
    } else if (!(batch_.documents[found->second] == document)) {
      reader_.error(at, "the document " + what + " differs from the one given at " + first);
    }
    return;
  }
  if (reader_.error_count() != errors_before) {
    add_document_with_errors(document.id);
    return;
  }
  document_index_.emplace(document.id.str(), batch_.documents.size());
  document_pointers_.emplace_back(pointer);
  batch_.document_locations.push_back(reader_.location(pointer));
  batch_.documents.push_back(std::move(document));
}

void BatchBuilder::add_claim(Claim claim, std::string_view pointer,
                             std::string_view geometry_pointer) {
  std::vector<FieldProblem> problems =
      check_claim(claim, text_length(code_points(find_document(claim.document))));
  if (!problems.empty()) {
    report_problems(reader_, problems, pointer, geometry_pointer);
    return;
  }
  batch_.claim_locations.push_back(reader_.location(pointer));
  batch_.claims.push_back(std::move(claim));
}

const Document* BatchBuilder::find_document(const DocumentId& id) const {
  auto found = document_index_.find(id.str());
  return found == document_index_.end() ? nullptr : &batch_.documents[found->second];
}

void BatchBuilder::add_document_with_errors(const DocumentId& id) {
  documents_with_errors_.insert(id.str());
}

const CodePointIndex& BatchBuilder::code_points(const Document* document) const {
  static const CodePointIndex no_text{std::string_view{}};
  if (document == nullptr) {
    return no_text;
  }
  auto [entry, added] = code_points_.try_emplace(document->id.str(), document->text);
  if (!added && (entry->second.text().data() != document->text.data() ||
                 entry->second.text().size() != document->text.size())) {
    // GeoJSON adds documents between claims: the batch grew and moved this one.
    entry->second = CodePointIndex(document->text);
  }
  return entry->second;
}

DocumentLookup BatchBuilder::lookup() const {
  return {
      [this](const DocumentId& id) { return find_document(id); },
      [this](const DocumentId& id) { return documents_with_errors_.contains(id.str()); },
      [this](const Document* document) -> const CodePointIndex& { return code_points(document); }};
}

IntakeBatch BatchBuilder::take() {
  return std::move(batch_);
}

}  // namespace truce::serial::detail
