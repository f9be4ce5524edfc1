// The extraction benchmark's corpus: many copies of the repository's test
// texts, each copy varied so that no stage can profit from having seen the
// same text before. A copy keeps its headline first and shuffles the other
// paragraphs (a seeded RNG, so runs are repeatable), and one of its numbers is
// replaced by another of at most the same number of digits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace truce::bench {

struct SourceText {
  std::string name;  // file name, for messages
  std::string text;
  std::optional<CivilTime> published;  // the first YYYY-MM-DD in the file name, if any
};

struct CorpusDocument {
  std::string text;
  std::optional<CivilTime> published;
};

struct Corpus {
  std::vector<CorpusDocument> documents;
  std::size_t bytes = 0;           // sum of the documents' sizes
  std::size_t source_count = 0;    // distinct texts copied
  std::size_t distinct_texts = 0;  // documents whose text differs from every other's
};

// Every *.txt directly under each of `directories`, sorted by path. Files
// named *.expected.* are left out. Fails when none is found.
Result<std::vector<SourceText>> read_source_texts(
    const std::vector<std::filesystem::path>& directories);

// One varied copy of `source`: copy number `copy` with RNG seed `seed`.
std::string varied_copy(const SourceText& source, std::uint64_t seed, std::uint64_t copy);

// Copies of the texts, taken in turn, until the corpus holds at least
// `target_bytes`.
Corpus build_corpus(const std::vector<SourceText>& sources, std::size_t target_bytes,
                    std::uint64_t seed);

}  // namespace truce::bench
