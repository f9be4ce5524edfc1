// Reading texts: a plain text, an HTML page or an envelope becomes a document
// and its claims, ready for the store. `truce extract` shows the result;
// `truce ingest` stores it through Monitor. Loading the lexicons, gazetteer
// and actors takes a moment, so one Reader serves many files.
//
// Thread-safety: a loaded Reader may be shared by threads.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/batch.hpp"
#include "core/result.hpp"
#include "extract/extraction.hpp"
#include "ingest/intake.hpp"

namespace truce::service {

struct ReadOptions {
  ingest::InputFormat format = ingest::InputFormat::kAuto;
  std::optional<CivilTime> published;  // --published: the anchor for relative dates
  std::string source;                  // --source: the source id; derived when empty
  ingest::IntakeLimits limits;
};

struct Reading {
  ingest::InputFormat format = ingest::InputFormat::kText;
  IntakeBatch batch;               // one source, one document, its claims; ids derived
  extract::Extraction extraction;  // warnings, foreign spans, what was set aside
  std::vector<std::string> notes;  // intake warnings (duplicates dropped, ...)
};

class Reader {
 public:
  // Loads the extractor's data from the bundled data directory.
  static Result<Reader> load();
  static Result<Reader> load(const std::filesystem::path& data_dir);

  // `path` "-" reads standard input.
  Result<Reading> read_file(const std::filesystem::path& path, const ReadOptions& options) const;
  // A text format's TextDocument, already read by ingest.
  Result<Reading> read_document(const ingest::TextDocument& text, std::string_view name,
                                ingest::InputFormat format, const ReadOptions& options) const;

  const extract::Extractor& extractor() const { return *extractor_; }

 private:
  explicit Reader(std::shared_ptr<const extract::Extractor> extractor);
  std::shared_ptr<const extract::Extractor> extractor_;
};

}  // namespace truce::service
