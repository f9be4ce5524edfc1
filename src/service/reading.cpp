#include "service/reading.hpp"

#include <iostream>
#include <iterator>

#include "core/validation.hpp"
#include "ingest/identity.hpp"
#include "util/data_dir.hpp"

namespace truce::service {
namespace {

constexpr std::string_view kContext = "read text";

std::string host_of(std::string_view url) {
  std::size_t start = url.find("://");
  if (start == std::string_view::npos) {
    return {};
  }
  url.remove_prefix(start + 3);
  url = url.substr(0, url.find('/'));
  if (url.starts_with("www.")) {
    url.remove_prefix(4);
  }
  return std::string(url);
}

// The source a text is filed under: the one asked for, else the publisher
// named by the envelope or the text, else the web site.
Source source_for(const extract::Extraction& extraction, const ReadOptions& options) {
  Source source;
  const Document& document = extraction.document;
  std::string name = document.origin.empty() ? host_of(document.url) : document.origin.front();
  std::string id = options.source;
  if (id.empty()) {
    id = extraction.publisher_id;
  }
  if (id.empty()) {
    id = slug_from_publisher(name);
  }
  if (id.empty()) {
    id = "unattributed";
  }
  source.id = SourceId(id);
  source.name = name.empty() ? id : name;
  source.reliability = Reliability::kF;  // cannot be judged until an analyst grades it
  return source;
}

Error internal(std::string message) {
  return make_error(ErrorCode::kInternal, std::move(message), std::string(kContext));
}

}  // namespace

Reader::Reader(std::shared_ptr<const extract::Extractor> extractor)
    : extractor_(std::move(extractor)) {}

Result<Reader> Reader::load() {
  auto data_dir = util::find_data_dir();
  if (!data_dir) {
    return std::move(data_dir).error();
  }
  return load(data_dir.value());
}

Result<Reader> Reader::load(const std::filesystem::path& data_dir) {
  auto extractor = extract::Extractor::load(data_dir);
  if (!extractor) {
    return std::move(extractor).error();
  }
  return Reader(std::make_shared<const extract::Extractor>(std::move(extractor).value()));
}

Result<Reading> Reader::read_file(const std::filesystem::path& path,
                                  const ReadOptions& options) const {
  Result<ingest::Intake> intake = [&]() -> Result<ingest::Intake> {
    if (path == "-") {
      std::string content{std::istreambuf_iterator<char>(std::cin),
                          std::istreambuf_iterator<char>()};
      return ingest::read_intake_text(content, "-", options.format, options.limits);
    }
    return ingest::read_intake_file(path, options.format, options.limits);
  }();
  if (!intake) {
    return std::move(intake).error();
  }
  if (!intake.value().text) {
    return make_error(ErrorCode::kInvalidInput,
                      path.string() + ": is a structured report (" +
                          std::string(ingest::to_string(intake.value().format)) +
                          "), not a text to read; `truce ingest` stores it as it is",
                      std::string(kContext));
  }
  return read_document(*intake.value().text, path.string(), intake.value().format, options);
}

Result<Reading> Reader::read_document(const ingest::TextDocument& text, std::string_view name,
                                      ingest::InputFormat format,
                                      const ReadOptions& options) const {
  extract::ExtractionInput input;
  input.text = text.text;
  input.title = text.title;
  input.url = text.url;
  input.publisher = text.publisher;
  input.language = text.language;
  input.published = text.published;
  input.published_origin = format == ingest::InputFormat::kText ? "input" : "envelope";
  if (options.published) {
    input.published = options.published;
    input.published_origin = "--published";
  }
  Reading reading;
  reading.format = format;
  reading.extraction = extractor_->extract(input);

  IntakeBatch& batch = reading.batch;
  batch.origin = std::string(name);
  batch.sources.push_back(source_for(reading.extraction, options));
  Document document = reading.extraction.document;
  document.source = batch.sources.front().id;
  document.id = DocumentId("key:text");
  batch.documents.push_back(document);
  for (const Claim& extracted : reading.extraction.claims) {
    Claim claim = extracted;
    claim.document = document.id;
    batch.claims.push_back(std::move(claim));
  }
  // The extractor's output must meet every invariant a file's would; a
  // problem here is a bug in the extractor, reported with the text's name.
  for (const auto& problem : check_source(batch.sources.front())) {
    return internal(std::string(name) + ": source: field '" + problem.field +
                    "': " + problem.message);
  }
  for (const auto& problem : check_document(batch.documents.front())) {
    return internal(std::string(name) + ": document: field '" + problem.field +
                    "': " + problem.message);
  }
  const std::size_t length = code_point_count(document.text);
  for (std::size_t i = 0; i < batch.claims.size(); ++i) {
    for (const auto& problem : check_claim(batch.claims[i], length)) {
      return internal(std::string(name) + ": extracted claim " + std::to_string(i + 1) +
                      ": field '" + problem.field + "': " + problem.message);
    }
  }
  if (Status assigned = ingest::assign_ids(batch, reading.notes); !assigned) {
    return assigned.error();
  }
  reading.extraction.document.id = batch.documents.front().id;
  reading.extraction.document.source = batch.documents.front().source;
  reading.extraction.document.content_hash = batch.documents.front().content_hash;
  reading.extraction.claims = batch.claims;
  for (Claim& claim : reading.extraction.undated_claims) {
    claim.document = reading.extraction.document.id;
  }
  if (const std::size_t undated = reading.extraction.undated_claims.size(); undated > 0) {
    reading.notes.push_back(std::string(name) + ": " + std::to_string(undated) +
                            (undated == 1 ? " claim has" : " claims have") +
                            " no date (the text dates no event and gives no publication date); "
                            "ingest refuses such a text: give --published");
  }
  return reading;
}

}  // namespace truce::service
