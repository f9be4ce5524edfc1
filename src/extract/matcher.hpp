// All lexicon phrases compiled into one Hyperscan database and scanned in one
// pass over the normalised text. Matches respect word boundaries, allowing the
// language's clitic prefixes (lexicon category "prefix", e.g. Arabic و ب ال)
// before a phrase and its suffixes (category "suffix") after it.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "extract/lexicon.hpp"

namespace truce::extract {

struct Match {
  std::uint32_t entry = 0;  // index into the lexicon
  std::uint32_t begin = 0;  // byte offsets in the normalised text, prefix excluded
  std::uint32_t end = 0;    // suffix excluded
  std::uint32_t word_begin = 0;  // with the clitic prefix
  std::uint32_t word_end = 0;    // with the suffix or stem continuation
};

class Matcher {
 public:
  // Compiles every entry except those of categories "prefix" and "suffix".
  static Result<Matcher> compile(const Lexicon& lexicon);

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  // Every match, sorted by begin then by longer first. Overlapping matches are
  // all kept; callers choose (see longest_per_category).
  std::vector<Match> scan(std::string_view normalized) const;

  const Lexicon& lexicon() const;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Drops a match when a longer match of the same category covers it.
std::vector<Match> longest_per_category(const Lexicon& lexicon, std::vector<Match> matches);

}  // namespace truce::extract
