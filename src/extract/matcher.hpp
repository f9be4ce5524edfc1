// The lexicon's phrases compiled into a trie that one pass over the normalised
// text walks at every word start (and after every clitic prefix there): every
// phrase that begins with a word character, a phrase with stems inside it by
// its first piece. The few that begin with punctuation go into a Hyperscan
// database scanned in a second pass. Matches respect word boundaries,
// allowing the language's clitic prefixes (lexicon category "prefix", e.g.
// Arabic و ب ال) before a phrase and its suffixes (category "suffix") after it.
//
// Word characters are Unicode letters, combining marks and decimal digits. A
// match must start at a word boundary or after a chain of 1-3 prefixes of its
// entry's language that itself starts at one (affixes chain in increasing
// order of their "order" attribute; an affix without one stands alone). It must
// end at a boundary, or before a chain of the language's suffixes that ends at
// one; a stem entry ("убит*") instead runs on over the word characters that
// follow, and so does each stem word inside a phrase ("удар* с беспилотник*").
// Entries without a language get no affixes. An entry with attribute gap=N
// also matches with 1 to N words between its phrase's first word and the rest,
// within a sentence (an Arabic verb, its subject, its object: "أطلقت القوات
// الهندية النار"); its two pieces are entries of category "gap_piece" appended
// to the matcher's lexicon, never reported. data/lexicon/README.md has the
// details.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "extract/lexicon.hpp"

namespace truce::extract {

struct Match {
  std::uint32_t entry = 0;       // index into the lexicon
  std::uint32_t begin = 0;       // byte offsets in the normalised text, prefix excluded
  std::uint32_t end = 0;         // suffix excluded
  std::uint32_t word_begin = 0;  // with the clitic prefix
  std::uint32_t word_end = 0;    // with the suffix or stem continuation
};

struct MatcherOptions {
  // Phrases of at most this many characters that start with a word character
  // are looked up at word starts (in a double-array trie) instead of going into
  // Hyperscan, and so are phrases with inner stems ("открыл* огонь") whose first
  // piece is that short: the piece is looked up, the rest read from there. The
  // matches are the same either way; 0 puts every phrase into Hyperscan. By
  // default every such phrase is looked up at word starts: a word start is one
  // walk of a few bytes in a trie, where Hyperscan's scans for eleven thousand
  // literals and a hundred stem expressions cost more (bench/RESULTS.md, "every
  // phrase at word starts"). Hyperscan keeps the phrases that start with
  // punctuation.
  std::size_t short_phrase_characters = std::numeric_limits<std::size_t>::max();
};

class Matcher {
 public:
  // Compiles every entry except those of categories "prefix" and "suffix"
  // (which become the affix chains) and entries whose phrase is empty. The
  // matcher keeps its own copy of the lexicon; pass an rvalue to avoid it.
  static Result<Matcher> compile(const Lexicon& lexicon, MatcherOptions options = {});
  static Result<Matcher> compile(Lexicon&& lexicon, MatcherOptions options = {});

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  // Every match, sorted by begin then by longer first (then by entry).
  // Overlapping matches are all kept; callers choose (see longest_per_category).
  // `normalized` is the matching form (text::normalize_for_matching) and
  // shorter than 4 GiB. Safe to call from several threads at once: each call
  // borrows a Hyperscan scratch space from a pool owned by the matcher.
  std::vector<Match> scan(std::string_view normalized) const;

  const Lexicon& lexicon() const;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Drops a match when a longer match of the same category covers its phrase
// span [begin, end), or one of equal span with a smaller entry index does.
// Returns the rest in scan order.
std::vector<Match> longest_per_category(const Lexicon& lexicon, std::vector<Match> matches);

}  // namespace truce::extract
