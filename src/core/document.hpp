// One thing received: an article, a statement, a patrol report, a form. Its
// text is immutable; claims point into it by code-point offsets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/references.hpp"
#include "core/time.hpp"

namespace truce {

enum class DocumentKind { kArticle, kStatement, kPatrolReport, kForm, kReport, kOther };

struct Document {
  DocumentId id;
  SourceId source;
  DocumentKind kind = DocumentKind::kOther;
  std::string title;
  std::string language;                // BCP 47 ("ar", "ru", "en"); empty if unknown
  std::optional<CivilTime> published;  // as stated by the publisher
  std::string url;
  std::vector<std::string> origin;  // publisher first, then originating agencies
  std::string external_ref;         // the sender's own reference, if any
  std::string text;                 // original text, UTF-8; may be empty for forms
  std::string content_hash;         // hex SHA-256 of what identifies the document
  // Agreements the text mentions outside its claims (background); the
  // claims' own references are in Claim::agreements.
  std::vector<AgreementReference> agreement_references;
  friend bool operator==(const Document&, const Document&) = default;
};

// Number of Unicode code points in valid UTF-8 text; provenance offsets count these.
std::size_t code_point_count(std::string_view utf8);

// The bytes of code points [start, end) of `utf8`, clamped to the text.
std::string_view code_point_slice(std::string_view utf8, std::size_t start, std::size_t end);

// Byte offset of code point `index` (the size of the text if beyond it).
std::size_t byte_offset_of_code_point(std::string_view utf8, std::size_t index);

// Code points of one text found by their index without walking the text from
// its start each time: provenance counts code points, and a long document has
// thousands of spans, so a walk per span made writing them quadratic. Built in
// one pass; keeps a view of the text, which must outlive it.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view utf8);

  std::string_view text() const { return text_; }
  std::size_t size() const { return count_; }  // code points in the text
  // Byte offset of code point `index` (the size of the text if beyond it).
  std::size_t byte_offset(std::size_t index) const;
  // The bytes of code points [start, end), clamped to the text.
  std::string_view slice(std::size_t start, std::size_t end) const;

 private:
  static constexpr std::size_t kStride = 64;  // code points between two marks
  std::string_view text_;
  std::vector<std::size_t> marks_;  // byte offset of every kStride-th code point
  std::size_t count_ = 0;
};

}  // namespace truce
