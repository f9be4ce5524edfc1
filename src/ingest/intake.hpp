// Intake: turns one input file into what the store takes. Structured files
// (JSON report, GeoJSON claims, CSV claims) become a validated IntakeBatch with
// content-derived ids; texts (plain text, HTML, a JSON envelope) become a
// TextDocument for the extractor (service/ runs it). It checks
// what can be checked without the store: size limits before reading, UTF-8,
// NUL bytes, shape and vocabulary (serial/), invariants (core/validation),
// and that ids given in the file match the content they name.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/batch.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace truce::ingest {

enum class InputFormat { kAuto, kJson, kGeoJson, kCsv, kText, kHtml, kEnvelope };

std::string_view to_string(InputFormat format);
// "auto", "json", "geojson", "csv", "text", "html", "envelope"; nullopt otherwise.
std::optional<InputFormat> parse_input_format(std::string_view word);

struct IntakeLimits {
  std::uintmax_t max_file_bytes = 64U << 20U;       // refused before reading
  std::size_t max_document_text_bytes = 4U << 20U;  // one document's original text
  std::size_t max_records = 1'000'000;              // claims in one file
};

// A text to read: what a plain-text file, an HTML page or an envelope holds.
struct TextDocument {
  std::string text;  // readable text (markup removed), UTF-8
  std::string title;
  std::string url;
  std::string publisher;
  std::optional<CivilTime> published;  // from the envelope or the page's metadata
  std::string language;                // a hint from the envelope or <html lang>
};

bool is_text_format(InputFormat format);

struct Intake {
  IntakeBatch batch;                        // structured formats
  std::optional<TextDocument> text;         // text formats
  InputFormat format = InputFormat::kAuto;  // the format actually read
  std::vector<std::string> warnings;        // each names the file and place
};

// Reads and validates one file. Errors are kInvalidInput naming the file and
// the line, JSON pointer or column ("reports.csv:14: column 'killed': ..."),
// or kUnavailable when the file cannot be read.
Result<Intake> read_intake_file(const std::filesystem::path& path, InputFormat format,
                                const IntakeLimits& limits = {});

// The same for text already in memory; `name` stands for the file in messages.
Result<Intake> read_intake_text(std::string_view text, std::string_view name, InputFormat format,
                                const IntakeLimits& limits = {});

// Where the first byte that is not valid UTF-8, or a NUL byte, is; empty if
// the text is clean. "line 3, byte 17: invalid UTF-8 (0xff)".
std::string text_encoding_problem(std::string_view text);

// Hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace truce::ingest
