#include "ingest/intake.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "ingest/identity.hpp"
#include "serial/envelope.hpp"
#include "serial/formats.hpp"
#include "text/html.hpp"

namespace truce::ingest {
namespace {

constexpr std::string_view kContext = "ingest: read file";

Error invalid(std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message), std::string(kContext));
}

std::string lower_extension(std::string_view name) {
  std::string extension = std::filesystem::path(name).extension().string();
  for (char& c : extension) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return extension;
}

bool looks_like_html(std::string_view text, std::size_t first) {
  if (text[first] != '<') {
    return false;
  }
  std::string head(text.substr(first, 512));
  for (char& c : head) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<article", "<p",
                               "<div", "<meta", "<title", "<!--"}) {
    if (head.starts_with(tag)) {
      return true;
    }
  }
  return false;
}

// A CSV claims file starts with its header, which names event_type.
bool looks_like_csv(std::string_view text, std::size_t first) {
  std::string_view line = text.substr(first, text.find('\n', first) - first);
  return line.find("event_type") != std::string_view::npos &&
         line.find(',') != std::string_view::npos;
}

// Extension first; otherwise JSON is recognised by its first character (an
// envelope by its "text" or "html" member, GeoJSON by its FeatureCollection
// type member near the start), HTML by its first tag, CSV by its header, and
// anything else is a plain text.
InputFormat detect_format(std::string_view text, std::string_view name) {
  std::string extension = lower_extension(name);
  if (extension == ".geojson") {
    return InputFormat::kGeoJson;
  }
  if (extension == ".csv") {
    return InputFormat::kCsv;
  }
  if (extension == ".txt" || extension == ".text") {
    return InputFormat::kText;
  }
  if (extension == ".html" || extension == ".htm") {
    return InputFormat::kHtml;
  }
  std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos) {
    return InputFormat::kText;
  }
  if (text[first] != '{') {
    if (looks_like_html(text, first)) {
      return InputFormat::kHtml;
    }
    if (extension == ".json") {
      return InputFormat::kJson;
    }
    return looks_like_csv(text, first) ? InputFormat::kCsv : InputFormat::kText;
  }
  if (serial::looks_like_envelope(text)) {
    return InputFormat::kEnvelope;
  }
  std::string_view head = text.substr(0, 1U << 16U);
  std::size_t type = head.find("\"FeatureCollection\"");
  std::size_t claims = head.find("\"claims\"");
  bool geojson =
      type != std::string_view::npos && (claims == std::string_view::npos || type < claims);
  return geojson ? InputFormat::kGeoJson : InputFormat::kJson;
}

Result<TextDocument> from_html(std::string_view html, const std::string& file) {
  auto page = text::html_to_text(html);
  if (!page) {
    return invalid(file + ": " + page.error().message);
  }
  TextDocument document;
  document.text = std::move(page.value().text);
  document.title = std::move(page.value().title);
  document.url = std::move(page.value().url);
  document.publisher = std::move(page.value().site_name);
  document.language = std::move(page.value().language);
  if (page.value().published.size() >= 10) {
    document.published = parse_civil_time(std::string_view(page.value().published).substr(0, 10));
  }
  return document;
}

Result<TextDocument> read_text_document(std::string_view text, const std::string& file,
                                        InputFormat format, const IntakeLimits& limits) {
  TextDocument document;
  if (format == InputFormat::kText) {
    document.text = std::string(text);
  } else if (format == InputFormat::kHtml) {
    auto page = from_html(text, file);
    if (!page) {
      return page;
    }
    document = std::move(page).value();
  } else {
    auto envelope = serial::read_envelope(text, file);
    if (!envelope) {
      return std::move(envelope).error();
    }
    serial::Envelope& given = envelope.value();
    if (!given.html.empty()) {
      auto page = from_html(given.html, file + ":/html");
      if (!page) {
        return page;
      }
      document = std::move(page).value();
    } else {
      document.text = std::move(given.text);
    }
    if (!given.title.empty()) {
      document.title = std::move(given.title);
    }
    if (!given.url.empty()) {
      document.url = std::move(given.url);
    }
    if (!given.publisher.empty()) {
      document.publisher = std::move(given.publisher);
    }
    if (!given.language.empty()) {
      document.language = std::move(given.language);
    }
    if (given.published) {
      document.published = given.published;
    }
  }
  if (document.text.size() > limits.max_document_text_bytes) {
    return invalid(file + ": the text is " + std::to_string(document.text.size()) +
                   " bytes, more than the limit of " +
                   std::to_string(limits.max_document_text_bytes) + " bytes for one document");
  }
  if (document.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return invalid(file + ": holds no readable text");
  }
  return document;
}

}  // namespace

bool is_text_format(InputFormat format) {
  return format == InputFormat::kText || format == InputFormat::kHtml ||
         format == InputFormat::kEnvelope;
}

std::string_view to_string(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kJson: return "json";
    case InputFormat::kGeoJson: return "geojson";
    case InputFormat::kCsv: return "csv";
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kEnvelope: return "envelope";
  }
  return "auto";
}

std::optional<InputFormat> parse_input_format(std::string_view word) {
  for (auto format :
       {InputFormat::kAuto, InputFormat::kJson, InputFormat::kGeoJson, InputFormat::kCsv,
        InputFormat::kText, InputFormat::kHtml, InputFormat::kEnvelope}) {
    if (to_string(format) == word) {
      return format;
    }
  }
  return std::nullopt;
}

Result<Intake> read_intake_file(const std::filesystem::path& path, InputFormat format,
                                const IntakeLimits& limits) {
  const std::string name = path.string();
  std::error_code error;
  auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    return make_error(ErrorCode::kUnavailable, name + ": cannot read: no such file",
                      std::string(kContext));
  }
  if (!std::filesystem::is_regular_file(status)) {
    return invalid(name + ": is not a regular file");
  }
  auto size = std::filesystem::file_size(path, error);
  if (error) {
    return make_error(ErrorCode::kUnavailable, name + ": cannot read: " + error.message(),
                      std::string(kContext));
  }
  if (size > limits.max_file_bytes) {
    return invalid(name + ": is " + std::to_string(size) + " bytes, more than the limit of " +
                   std::to_string(limits.max_file_bytes) + " bytes for one input file");
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return make_error(ErrorCode::kUnavailable, name + ": cannot open for reading",
                      std::string(kContext));
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  stream.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(stream.gcount()) != size) {
    return make_error(ErrorCode::kUnavailable, name + ": the file changed while being read",
                      std::string(kContext));
  }
  return read_intake_text(text, name, format, limits);
}

Result<Intake> read_intake_text(std::string_view text, std::string_view name, InputFormat format,
                                const IntakeLimits& limits) {
  const std::string file(name);
  if (text.size() > limits.max_file_bytes) {
    return invalid(file + ": is " + std::to_string(text.size()) +
                   " bytes, more than the limit of " + std::to_string(limits.max_file_bytes) +
                   " bytes for one input file");
  }
  if (std::string problem = text_encoding_problem(text); !problem.empty()) {
    return invalid(file + ": " + problem);
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return invalid(file + ": is empty");
  }
  Intake intake;
  intake.format = format == InputFormat::kAuto ? detect_format(text, name) : format;
  if (is_text_format(intake.format)) {
    auto document = read_text_document(text, file, intake.format, limits);
    if (!document) {
      return std::move(document).error();
    }
    intake.text = std::move(document).value();
    return intake;
  }
  Result<IntakeBatch> batch = [&]() -> Result<IntakeBatch> {
    switch (intake.format) {
      case InputFormat::kJson: return serial::read_report_json(text, name);
      case InputFormat::kGeoJson: return serial::read_claims_geojson(text, name);
      case InputFormat::kCsv: return serial::read_claims_csv(text, name);
      case InputFormat::kText:
      case InputFormat::kHtml:
      case InputFormat::kEnvelope:
      case InputFormat::kAuto: break;
    }
    return make_error(ErrorCode::kInternal, "format detection returned auto",
                      std::string(kContext));
  }();
  if (!batch) {
    return std::move(batch).error();
  }
  intake.batch = std::move(batch).value();
  intake.batch.origin = file;
  if (intake.batch.claims.size() > limits.max_records) {
    return invalid(file + ": has " + std::to_string(intake.batch.claims.size()) +
                   " claims, more than the limit of " + std::to_string(limits.max_records));
  }
  for (std::size_t i = 0; i < intake.batch.documents.size(); ++i) {
    const Document& document = intake.batch.documents[i];
    if (document.text.size() > limits.max_document_text_bytes) {
      std::string where =
          i < intake.batch.document_locations.size() ? intake.batch.document_locations[i] : file;
      return invalid(where + ": field 'text': " + std::to_string(document.text.size()) +
                     " bytes, more than the limit of " +
                     std::to_string(limits.max_document_text_bytes) + " bytes for one document");
    }
  }
  if (Status assigned = assign_ids(intake.batch, intake.warnings); !assigned) {
    return assigned.error();
  }
  return intake;
}

}  // namespace truce::ingest
