// Scoring the reader against a development corpus: every <name>.txt beside a
// <name>.expected.json (tests/data/corpus/README.md) is read and compared with
// its hand-coded claims. Precision, recall and F1 per field and overall, and a
// list of misses per text.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "report/evaluation.hpp"
#include "service/reading.hpp"

namespace truce::service {

using report::Evaluation;
using report::FieldScore;
using report::TextScore;

// Place agreement: within this distance, or the same gazetteer entry.
inline constexpr double kPlaceToleranceKm = 25.0;

// Reads every text under `directory` (recursively). kNotFound when it holds no
// expected results; kInvalidInput naming the file when one cannot be read.
Result<Evaluation> evaluate_corpus(const Reader& reader, const std::filesystem::path& directory);

}  // namespace truce::service
