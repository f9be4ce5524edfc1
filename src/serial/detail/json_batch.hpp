// Collects the records read from one JSON or GeoJSON file into an
// IntakeBatch, checks each against core's invariants (core/validation.hpp),
// and checks what involves several records: one source per id, one document
// per id or key.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/batch.hpp"
#include "serial/detail/json_reader.hpp"
#include "serial/detail/json_records.hpp"

namespace truce::serial::detail {

class BatchBuilder {
 public:
  // The JSON report lists each record once, so a repeated id is an error;
  // GeoJSON repeats a claim's source and document in every feature, so an
  // identical repetition is merged and only a different one is an error.
  enum class Repeats { kError, kMergeIdentical };

  BatchBuilder(JsonReader& reader, Repeats repeats);

  // Each reports problems at `pointer` (the record's object) and then keeps
  // the record only if it has none.
  void add_source(Source source, std::string_view pointer);
  void add_document(Document document, std::string_view pointer);
  // `geometry_pointer`: where the place geometry is when not in the claim (GeoJSON).
  void add_claim(Claim claim, std::string_view pointer, std::string_view geometry_pointer = {});

  // A document the file gives but that could not be read (see DocumentLookup).
  void add_document_with_errors(const DocumentId& id);

  const Document* find_document(const DocumentId& id) const;
  // The code points of a document's text, built on first use (see DocumentLookup).
  const CodePointIndex& code_points(const Document* document) const;
  DocumentLookup lookup() const;
  IntakeBatch take();

 private:
  JsonReader& reader_;
  Repeats repeats_;
  IntakeBatch batch_;
  std::map<std::string, std::size_t, std::less<>> source_index_;
  std::map<std::string, std::size_t, std::less<>> document_index_;
  std::vector<std::string> source_pointers_;
  std::vector<std::string> document_pointers_;
  std::set<std::string, std::less<>> documents_with_errors_;
  mutable std::map<std::string, CodePointIndex, std::less<>> code_points_;  // by document id
};

}  // namespace truce::serial::detail
