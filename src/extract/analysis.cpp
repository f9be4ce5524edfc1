#include "extract/detail/analysis.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "core/document.hpp"
#include "text/segment.hpp"

namespace truce::extract::detail {
namespace {

// The length of the clause mark at `at`, or 0. Every byte of every sentence
// comes here, so the first byte decides most cases: an Arabic letter's lead byte
// 0xD8 is frequent, and only 0xD8 0x8C (،) and 0xD8 0x9B (؛) are marks.
std::size_t clause_mark_length(std::string_view text, std::size_t at) {
  switch (text[at]) {
    case ';':
    case ':': return 1;
    case ',': {
      // A comma between digits is a thousands separator, not a clause break.
      const bool digit_before = at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9';
      const bool digit_after = at + 1 < text.size() && text[at + 1] >= '0' && text[at + 1] <= '9';
      return digit_before && digit_after ? 0 : 1;
    }
    case '\xD8':
      return at + 1 < text.size() && (text[at + 1] == '\x8C' || text[at + 1] == '\x9B') ? 2 : 0;
    default: return 0;
  }
}

std::vector<Range> split_clauses(const Analysis& analysis, Range sentence) {
  std::vector<std::uint32_t> cuts;
  const std::string_view text = analysis.normalized.text;
  for (std::uint32_t at = sentence.begin; at < sentence.end; ++at) {
    if (const std::size_t length = clause_mark_length(text, at); length > 0) {
      cuts.push_back(at);
      at += static_cast<std::uint32_t>(length) - 1;
    }
  }
  for (const Mention* mention : analysis.in(sentence, "clause_break")) {
    cuts.push_back(mention->word.begin);
  }
  std::sort(cuts.begin(), cuts.end());
  std::vector<Range> clauses;
  std::uint32_t start = sentence.begin;
  for (std::uint32_t cut : cuts) {
    if (cut > start) {
      clauses.push_back({start, cut});
    }
    start = cut;
  }
  if (sentence.end > start) {
    clauses.push_back({start, sentence.end});
  }
  return clauses;
}

bool is_word_gap(char c) {
  return c == ' ' || c == '\n';
}

std::vector<std::uint32_t> count_word_starts(std::string_view text) {
  std::vector<std::uint32_t> starts(text.size() + 1);
  // The gap flag of the byte before rides along in a register: no byte is read twice.
  bool previous_gap = false;  // nothing before the first byte starts a word there
  std::uint32_t count = 0;
  starts[0] = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const bool gap = is_word_gap(text[at]);
    count += static_cast<std::uint32_t>(previous_gap && !gap);
    starts[at + 1] = count;
    previous_gap = gap;
  }
  return starts;
}

// The byte offset of every code point of `text`, then its size.
std::vector<std::uint32_t> code_point_offsets(std::string_view text) {
  std::vector<std::uint32_t> offsets(text.size() + 1);
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    offsets[count] = static_cast<std::uint32_t>(at);
    count += static_cast<std::size_t>((static_cast<unsigned char>(text[at]) & 0xC0U) != 0x80U);
  }
  offsets[count] = static_cast<std::uint32_t>(text.size());
  offsets.resize(count + 1);
  return offsets;
}

}  // namespace

TextSpan Analysis::span(Range range) const {
  return normalized.original_span(range.begin, range.end);
}

std::string Analysis::original_text(Range range) const {
  const TextSpan original_span = span(range);
  if (original_span.end >= original_offsets.size() || original_span.start > original_span.end) {
    return std::string(code_point_slice(original, original_span.start, original_span.end));
  }
  const std::uint32_t begin = original_offsets[original_span.start];
  return std::string(original.substr(begin, original_offsets[original_span.end] - begin));
}

MentionList Analysis::all_of(std::string_view category) const {
  const auto bucket = by_category.find(category);
  if (bucket == by_category.end()) {
    return {};
  }
  return bucket->second;
}

MentionList Analysis::within(MentionList list, Range range) {
  auto first =
      std::lower_bound(list.begin(), list.end(), range.begin,
                       [](const Mention* m, std::uint32_t at) { return m->range.begin < at; });
  auto last = first;
  while (last != list.end() && (*last)->range.begin < range.end) {
    ++last;
  }
  return {first, last};
}

MentionList Analysis::in(Range range, std::string_view category) const {
  return within(all_of(category), range);
}

const Mention* Analysis::first_in(Range range, std::string_view category) const {
  auto found = in(range, category);
  return found.empty() ? nullptr : found.front();
}

Range Analysis::clause_of(const Sentence& sentence, std::uint32_t offset) const {
  for (const Range& clause : sentence.clauses) {
    if (clause.contains(offset)) {
      return clause;
    }
  }
  return sentence.range;
}

std::uint32_t Analysis::words_between(std::uint32_t from, std::uint32_t to) const {
  const std::string_view text = normalized.text;
  to = std::min<std::uint32_t>(to, static_cast<std::uint32_t>(text.size()));
  if (to <= from) {
    return 0;
  }
  // The word that `from` falls in counts, and every word that starts after it.
  const std::uint32_t first = is_word_gap(text[from]) ? 0U : 1U;
  return first + word_starts[to] - word_starts[from + 1];
}

const DateMention* oldest_date_in(const Analysis& analysis, Range range) {
  const DateMention* oldest = nullptr;
  for (const DateMention& date : analysis.dates) {
    if (!range.contains(date.begin) || !date.resolved) {
      continue;
    }
    if (oldest == nullptr || date.time.start < oldest->time.start) {
      oldest = &date;
    }
  }
  return oldest;
}

Analysis analyse(std::string_view original, const Matcher& matcher,
                 const std::optional<CivilTime>& anchor) {
  Analysis analysis;
  analysis.original = original;
  analysis.normalized = text::normalize_for_matching(original);
  analysis.original_offsets = code_point_offsets(original);
  analysis.word_starts = count_word_starts(analysis.normalized.text);
  const Lexicon& lexicon = matcher.lexicon();
  analysis.matches = longest_per_category(lexicon, matcher.scan(analysis.normalized.text));
  const std::vector<Match>& matches = analysis.matches;
  analysis.mentions.reserve(matches.size());
  for (const Match& match : matches) {
    analysis.mentions.push_back({&lexicon.entry(match.entry),
                                 {match.begin, match.end},
                                 {match.word_begin, match.word_end}});
  }
  std::stable_sort(
      analysis.mentions.begin(), analysis.mentions.end(),
      [](const Mention& a, const Mention& b) { return a.range.begin < b.range.begin; });
  // Bucketed by category number first: one name lookup per category, not per mention.
  std::vector<std::vector<const Mention*>> buckets(lexicon.category_count());
  for (const Mention& mention : analysis.mentions) {
    const auto entry = static_cast<std::uint32_t>(mention.entry - lexicon.entries().data());
    buckets[lexicon.category_number(entry)].push_back(&mention);
  }
  for (std::vector<const Mention*>& bucket : buckets) {
    if (!bucket.empty()) {
      analysis.by_category.emplace(bucket.front()->category(), std::move(bucket));
    }
  }
  analysis.digit_runs = find_digit_runs(analysis.normalized.text, lexicon);
  analysis.dates =
      find_dates(analysis.normalized.text, matches, lexicon, anchor, analysis.digit_runs);
  analysis.numbers =
      find_numbers(analysis.normalized.text, matches, lexicon, analysis.dates, analysis.digit_runs);

  const std::string_view text = analysis.normalized.text;
  // The matching form is case-folded: whether a word after a full stop opens
  // a sentence is read from the original letter.
  const auto lower_case_at = [&analysis, original](std::size_t at) {
    const std::uint32_t code_point = analysis.normalized.origin_begin[at];
    if (code_point + 1 >= analysis.original_offsets.size()) {
      return false;
    }
    auto offset = static_cast<std::int32_t>(analysis.original_offsets[code_point]);
    UChar32 letter = 0;
    U8_NEXT(original.data(), offset, static_cast<std::int32_t>(original.size()), letter);
    return letter >= 0 && u_islower(letter) != 0;
  };
  for (const text::Range& paragraph : text::paragraphs(text)) {
    const auto index = static_cast<std::uint32_t>(analysis.paragraphs.size());
    analysis.paragraphs.push_back({paragraph.begin, paragraph.end});
    for (const text::Range& sentence : text::sentences(text, paragraph, lower_case_at)) {
      Sentence entry{{sentence.begin, sentence.end}, index, {}};
      entry.clauses = split_clauses(analysis, entry.range);
      analysis.sentences.push_back(std::move(entry));
    }
  }
  return analysis;
}

void redate(Analysis& analysis, const Lexicon& lexicon, const std::optional<CivilTime>& anchor) {
  analysis.dates =
      find_dates(analysis.normalized.text, analysis.matches, lexicon, anchor, analysis.digit_runs);
}

}  // namespace truce::extract::detail
