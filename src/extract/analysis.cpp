#include "extract/detail/analysis.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/document.hpp"
#include "text/segment.hpp"

namespace truce::extract::detail {
namespace {

// The byte loops of this file read eight bytes at a time as one integer (byte i in
// bits 8i..8i+7), flag the bytes they look for in each byte's top bit and
// visit only the flagged ones: the offsets they write are a fraction of the
// bytes they read. Texts are news articles, so this is most of analyse's own time.
constexpr std::uint64_t kTopBits = 0x8080808080808080ULL;
constexpr std::uint64_t kLowBits = 0x7F7F7F7F7F7F7F7FULL;
constexpr std::uint64_t kEachByte = 0x0101010101010101ULL;
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

std::uint64_t load_block(std::string_view text, std::size_t at) {
  std::uint64_t block = 0;
  std::memcpy(&block, text.data() + at, sizeof block);
  return block;
}

#if defined(__SSE2__)
__m128i load_block16(std::string_view text, std::size_t at) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
}

// 0xFF in every byte of `block` that equals `byte`.
__m128i equal16(__m128i block, unsigned char byte) {
  return _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(byte)));
}
#endif

// The top bit of every byte of `block` that equals `byte`, and no other bit.
std::uint64_t bytes_equal(std::uint64_t block, unsigned char byte) {
  const std::uint64_t zero_where_equal = block ^ (kEachByte * byte);
  return ~(((zero_where_equal & kLowBits) + kLowBits) | zero_where_equal | kLowBits);
}

// The length of the clause mark at `at`, or 0: ; : , (not between digits) and
// the two-byte Arabic marks 0xD8 0x8C (،) and 0xD8 0x9B (؛).
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

// `cuts` is the caller's, cleared here: one list for all the sentences of a
// text instead of an allocation per sentence.
std::vector<Range> split_clauses(const Analysis& analysis, Range sentence,
                                 std::vector<std::uint32_t>& cuts) {
  cuts.clear();
  const std::string_view text = analysis.normalized.text;
  std::uint32_t at = sentence.begin;
  if constexpr (kLittleEndian) {
    // Flags the ASCII marks and the second bytes of ، and ؛ (their lead byte
    // 0xD8 starts half the Arabic letters); a mark may begin at the last byte,
    // so the blocks run one byte past the sentence.
    const std::size_t limit = std::min<std::size_t>(sentence.end + std::size_t{1}, text.size());
    const auto visit = [&](std::uint32_t flagged_at) {
      const bool ascii = static_cast<unsigned char>(text[flagged_at]) < 0x80U;
      const std::uint32_t mark = ascii ? flagged_at : flagged_at - 1;
      const bool inside = ascii ? flagged_at < sentence.end : flagged_at > sentence.begin;
      if (inside && clause_mark_length(text, mark) > 0) {
        cuts.push_back(mark);
      }
    };
#if defined(__SSE2__)
    // Sixteen bytes at a time where SSE2 is there: a mark is a byte in
    // dozens, and the word-wide test cost four instructions a byte.
    for (; at + sizeof(__m128i) <= limit; at += sizeof(__m128i)) {
      const __m128i block = load_block16(text, at);
      const __m128i flagged =
          _mm_or_si128(_mm_or_si128(equal16(block, ';'), equal16(block, ':')),
                       _mm_or_si128(equal16(block, ','),
                                    _mm_or_si128(equal16(block, 0x8C), equal16(block, 0x9B))));
      for (auto found = static_cast<unsigned>(_mm_movemask_epi8(flagged)); found != 0;
           found &= found - 1) {
        visit(static_cast<std::uint32_t>(at + std::countr_zero(found)));
      }
    }
#endif
    for (; at + 8 <= limit; at += 8) {
      const std::uint64_t block = load_block(text, at);
      const std::uint64_t flagged = bytes_equal(block, ';') | bytes_equal(block, ':') |
                                    bytes_equal(block, ',') | bytes_equal(block, 0x8C) |
                                    bytes_equal(block, 0x9B);
      for (std::uint64_t found = flagged; found != 0; found &= found - 1) {
        visit(static_cast<std::uint32_t>(at + std::countr_zero(found) / 8));
      }
    }
    // A 0xD8 that ends the last block may start a mark whose second byte the
    // blocks did not reach: the byte loop starts on it.
    if (at > sentence.begin && at <= sentence.end && text[at - 1] == '\xD8') {
      --at;
    }
  }
  for (; at < sentence.end; ++at) {
    if (const std::size_t length = clause_mark_length(text, at); length > 0) {
      cuts.push_back(at);
      at += static_cast<std::uint32_t>(length) - 1;
    }
  }
  for (const Mention* mention : analysis.in(sentence, "clause_break")) {
    cuts.push_back(mention->word.begin);
  }
  std::sort(cuts.begin(), cuts.end());
  // «получил ранения, не совместимые с жизнью, наш защитник»: a status the
  // lexicon writes with a comma inside is one phrase, set off by commas; its
  // commas, and the one closing it, part no clauses.
  for (const Mention* phrase : analysis.in(sentence, "casualty")) {
    const auto inside = std::lower_bound(cuts.begin(), cuts.end(), phrase->range.begin + 1);
    if (inside == cuts.end() || *inside >= phrase->range.end) {
      continue;
    }
    auto past = std::upper_bound(inside, cuts.end(), phrase->range.end);
    if (past != inside && *(past - 1) == phrase->range.end &&
        text.substr(phrase->range.end, 1) != ",") {
      --past;
    }
    cuts.erase(inside, past);
  }
  // «وقُتل، أمس، الطفل …»: a date set off by commas between a verb and its
  // subject parts no clauses.
  for (std::size_t k = 0; k + 1 < cuts.size();) {
    const std::size_t mark = clause_mark_length(text, cuts[k]);
    std::uint32_t begin = cuts[k] + static_cast<std::uint32_t>(mark);
    std::uint32_t end = cuts[k + 1];
    while (begin < end && text[begin] == ' ') {
      ++begin;
    }
    while (end > begin && text[end - 1] == ' ') {
      --end;
    }
    const std::span<const DateMention> dates = analysis.dates_in({begin, end});
    if (mark != 0 && clause_mark_length(text, cuts[k + 1]) != 0 && begin < end &&
        dates.size() == 1 && dates.front().begin == begin && dates.front().end == end) {
      cuts.erase(cuts.begin() + static_cast<std::ptrdiff_t>(k),
                 cuts.begin() + static_cast<std::ptrdiff_t>(k) + 2);
    } else {
      ++k;
    }
  }

  std::vector<Range> clauses;
  clauses.reserve(cuts.size() + 1);
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

// The offsets where a word starts after a gap (offset 0 is never one). Sparse:
// a table with a count per byte cost more to fill than all the lookups save.
std::vector<std::uint32_t> find_word_starts(std::string_view text) {
  std::vector<std::uint32_t> starts;
  starts.reserve(text.size() / 4 + 1);
  bool previous_gap = false;
  std::size_t at = 0;
#if defined(__SSE2__)
  for (; at + sizeof(__m128i) <= text.size(); at += sizeof(__m128i)) {
    const __m128i block = load_block16(text, at);
    const auto gaps = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(equal16(block, ' '), equal16(block, '\n'))));
    const unsigned gap_before = (gaps << 1U) | (previous_gap ? 1U : 0U);
    for (unsigned found = gap_before & ~gaps & 0xFFFFU; found != 0; found &= found - 1) {
      starts.push_back(static_cast<std::uint32_t>(at + std::countr_zero(found)));
    }
    previous_gap = (gaps >> 15U) != 0;
  }
#endif
  if constexpr (kLittleEndian) {
    for (; at + 8 <= text.size(); at += 8) {
      const std::uint64_t block = load_block(text, at);
      const std::uint64_t gaps = bytes_equal(block, ' ') | bytes_equal(block, '\n');
      const std::uint64_t gap_before = (gaps << 8U) | (previous_gap ? 0x80U : 0U);
      for (std::uint64_t found = gap_before & ~gaps & kTopBits; found != 0; found &= found - 1) {
        starts.push_back(static_cast<std::uint32_t>(at + std::countr_zero(found) / 8));
      }
      previous_gap = (gaps >> 63U) != 0;
    }
  }
  for (; at < text.size(); ++at) {
    const bool gap = is_word_gap(text[at]);
    if (previous_gap && !gap) {
      starts.push_back(static_cast<std::uint32_t>(at));
    }
    previous_gap = gap;
  }
  return starts;
}

}  // namespace

Analysis::WordStartRank::WordStartRank(const std::vector<std::uint32_t>& starts, std::size_t size)
    : starts_(size / kBlockBytes + 1, 0), counts_(size / kBlockBytes + 1, 0) {
  for (const std::uint32_t start : starts) {
    starts_[start / kBlockBytes] |= std::uint64_t{1} << (start % kBlockBytes);
  }
  std::uint32_t count = 0;
  for (std::size_t block = 0; block < starts_.size(); ++block) {
    counts_[block] = count;
    count += count_ones(starts_[block]);
  }
}

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

MentionList Analysis::all_of_named(std::string_view category) const {
  // Fibonacci hashing of the address spreads neighbouring literals over the slots.
  const auto address = std::uint64_t{reinterpret_cast<std::uintptr_t>(category.data())};
  static_assert(kCategorySlots == 64, "the top six bits of the product pick the slot");
  CategorySlot& slot = category_slots_[(address * 0x9E3779B97F4A7C15ULL) >> 58U];
  if (slot.size == category.size() && slot.size != 0 &&
      std::memcmp(slot.name.data(), category.data(), slot.size) == 0) {
    return slot.list;
  }
  const auto bucket =
      std::find_if(by_category.begin(), by_category.end(),
                   [category](const auto& named) { return named.first == category; });
  const MentionList list = bucket == by_category.end() ? MentionList{} : bucket->second;
  if (!category.empty() && category.size() <= kCachedNameBytes) {
    std::memcpy(slot.name.data(), category.data(), category.size());
    slot.size = category.size();
    slot.list = list;
  }
  return list;
}

namespace {

// The items of a list sorted by begin that begin inside `range`.
template <typename Item>
std::span<const Item> beginning_in(const std::vector<Item>& list, Range range) {
  const auto by_begin = [](const Item& item, std::uint32_t at) { return item.begin < at; };
  const auto first = std::lower_bound(list.begin(), list.end(), range.begin, by_begin);
  const auto last =
      range.end <= range.begin ? first : std::lower_bound(first, list.end(), range.end, by_begin);
  return {first, last};
}

}  // namespace

std::span<const NumberMention> Analysis::numbers_in(Range range) const {
  return beginning_in(numbers, range);
}

std::span<const DateMention> Analysis::dates_in(Range range) const {
  return beginning_in(dates, range);
}

namespace {

// How many of the n sorted begins lie below `at`: a bisection whose steps are
// conditional moves, not branches (where a range falls is as good as random,
// so a branch per step would be mispredicted about half the time).
std::size_t count_below(const std::uint32_t* begins, std::size_t n, std::uint32_t at) {
  if (n == 0) {
    return 0;
  }
  const std::uint32_t* base = begins;
  while (n > 1) {
    const std::size_t half = n / 2;
    // Both halves' next middles are fetched while this one is compared: in a
    // long text's list the steps' loads miss the cache one after another.
    __builtin_prefetch(base + half / 2);
    __builtin_prefetch(base + half + half / 2);
    base = base[half] < at ? base + half : base;
    n -= half;
  }
  return static_cast<std::size_t>(base - begins) + (*base < at ? 1 : 0);
}

// Most ranges hold a few mentions: a short walk, then a bisection for those
// that span much of a long text.
constexpr std::size_t kWalk = 8;
// Most lists of a news text's category are this short or shorter: counting
// the begins below each end of the range beats a bisection.
constexpr std::size_t kCountedListSize = 64;

// `within` for a list that is no run of mentions_by_category: reads each
// mention's begin through its pointer.
MentionList within_by_pointers(MentionList list, Range range) {
  const auto by_begin = [](const Mention* m, std::uint32_t at) { return m->range.begin < at; };
  auto first = std::lower_bound(list.begin(), list.end(), range.begin, by_begin);
  auto last = first;
  for (std::size_t step = 0; step < kWalk; ++step, ++last) {
    if (last == list.end() || (*last)->range.begin >= range.end) {
      return {first, last};
    }
  }
  last = std::lower_bound(last, list.end(), range.end, by_begin);
  return {first, last};
}

}  // namespace

MentionList Analysis::within(MentionList list, Range range) const {
  const Mention* const* grouped = mentions_by_category.data();
  const std::less<> before;  // a total order on pointers into different arrays
  if (list.empty() || before(list.data(), grouped) ||
      !before(list.data(), grouped + mentions_by_category.size())) {
    return within_by_pointers(list, range);
  }
  // A run of mentions_by_category: its begins lie side by side in
  // begins_by_category, and the search reads them, not the mentions
  // scattered in memory each pointer leads to.
  const std::uint32_t* begins = begins_by_category.data() + (list.data() - grouped);
  const std::size_t size = list.size();
  if (size <= kCountedListSize) {
    // Counted in one pass the compiler vectorises: no chain of dependent loads.
    std::size_t below_begin = 0;
    std::size_t below_end = 0;
    for (std::size_t i = 0; i < size; ++i) {
      below_begin += begins[i] < range.begin ? 1 : 0;
      below_end += begins[i] < range.end ? 1 : 0;
    }
    return list.subspan(below_begin, std::max(below_begin, below_end) - below_begin);
  }
  const std::size_t first = count_below(begins, size, range.begin);
  std::size_t last = first;
  while (last < size && last - first < kWalk && begins[last] < range.end) {
    ++last;
  }
  if (last - first == kWalk) {
    last += count_below(begins + last, size - last, range.end);
  }
  return list.subspan(first, last - first);
}

const Range* Analysis::paragraph_at(std::uint32_t offset) const {
  // Paragraphs follow one another: the last that begins at or before `offset`.
  const auto after = std::upper_bound(
      paragraphs.begin(), paragraphs.end(), offset,
      [](std::uint32_t at, const Range& paragraph) { return at < paragraph.begin; });
  if (after == paragraphs.begin() || !std::prev(after)->contains(offset)) {
    return nullptr;
  }
  return &*std::prev(after);
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
  // A word that starts at `from` counts, and every word that starts after it
  // and before `to`. Ends inside a word are the ends of a stem or of a word
  // with a prefix ("отметил|и", "و|الجيش"): the rest of the word at `from`
  // and the start of the word at `to` belong to the mentions themselves.
  const bool from_starts_word =
      !is_word_gap(text[from]) && (from == 0 || is_word_gap(text[from - 1]));
  const std::uint32_t begin = words_before.before(from + 1);
  const std::uint32_t end = words_before.before(to);
  std::uint32_t words = (from_starts_word ? 1U : 0U) + (end - begin);
  const bool to_inside_word =
      to < text.size() && !is_word_gap(text[to]) && !is_word_gap(text[to - 1]);
  if (to_inside_word && (end != begin || from_starts_word)) {
    --words;  // the word `to` falls in, counted above
  }
  return words;
}

bool follows_an_allegiance_word(const Analysis& analysis, const Mention& actor) {
  constexpr std::uint32_t kReachBack = 64;  // bytes: an allegiance word is a word or two
  const std::uint32_t from = actor.word.begin > kReachBack ? actor.word.begin - kReachBack : 0;
  for (const Mention* word : analysis.in(Range{from, actor.word.begin}, "allegiance_marker")) {
    if (word->word.end <= actor.word.begin &&
        analysis.words_between(word->word.end, actor.word.begin) == 0) {
      return true;
    }
  }
  return false;
}

const Mention* reciprocal_of(const Analysis& analysis, const Mention& verb, Range clause) {
  // Two names and a conjunction: "Armenia and Azerbaijan", «روسيا وتركيا».
  constexpr std::uint32_t kWordsOfTheSubjects = 4;
  const Mention* word = analysis.first_in({verb.range.end, clause.end}, "reciprocal");
  if (word == nullptr) {
    return nullptr;
  }
  const Range between{verb.range.end, word->range.begin};
  const std::uint32_t words = analysis.words_between(between.begin, between.end);
  if (words == 0 || (words <= kWordsOfTheSubjects && !analysis.in(between, "actor").empty() &&
                     analysis.in(between, "event").empty())) {
    return word;
  }
  return nullptr;
}

const Mention* qualifies_the_next_actor(const Analysis& analysis, const Mention& actor) {
  constexpr std::uint32_t kReach = 64;  // bytes: a patron word is a word or two
  const Range ahead{actor.word.end, actor.word.end + kReach};
  for (const Mention* word : analysis.in(ahead, "patron_marker")) {
    if (analysis.words_between(actor.word.end, word->word.begin) > 0) {
      break;
    }
    for (const Mention* meant : analysis.in({word->word.end, word->word.end + kReach}, "actor")) {
      return analysis.words_between(word->word.end, meant->word.begin) == 0 ? meant : nullptr;
    }
  }
  return nullptr;
}

const DateMention* oldest_date_in(const Analysis& analysis, Range range) {
  const DateMention* oldest = nullptr;
  for (const DateMention& date : analysis.dates_in(range)) {
    if (!date.resolved) {
      continue;
    }
    if (oldest == nullptr || date.time.start < oldest->time.start) {
      oldest = &date;
    }
  }
  return oldest;
}

namespace {

// Removes the matches marked in `drop` (one flag per match), keeping the order
// of the others.
void erase_marked(std::vector<Match>& matches, const std::vector<bool>& drop) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (!drop[i]) {
      matches[kept++] = matches[i];
    }
  }
  matches.resize(kept);
}

// The clitic prefixes that mark the one spoken to (`prefix` entries with the
// attribute `addressee`: Arabic «ل», "to"), gathered once per lexicon.
struct AddresseePrefixes {
  explicit AddresseePrefixes(const Lexicon& lexicon) {
    for (const LexiconEntry& entry : lexicon.entries()) {
      if (entry.category == "prefix" && entry.has_attribute("addressee")) {
        phrases.push_back(entry.phrase);
      }
    }
  }
  std::vector<std::string_view> phrases;  // into the lexicon
};

// What the passes below need of the lexicon, gathered once per lexicon and
// thread: which entries name an actor only in a theatre (`only_in`), by the
// ground named nearest (`where`), by the body named last (`short`), or stand
// for a government (`metonym`), so a
// text's matches are told apart by an index, not by reading attributes.
struct ActorNameWords {
  explicit ActorNameWords(const Lexicon& lexicon)
      : actor(lexicon.category_number(std::string_view("actor"))),
        place(lexicon.category_number(std::string_view("place"))),
        attribution(lexicon.category_number(std::string_view("attribution"))),
        agreement(lexicon.category_number(std::string_view("agreement"))),
        place_prefix(lexicon.category_number(std::string_view("place_prefix"))),
        locatives(lexicon.category("locative")),
        only_in(lexicon.size(), false),
        by_ground(lexicon.size(), false),
        metonym(lexicon.size(), false),
        short_name(lexicon.size(), false),
        after_place_word(lexicon.size(), false) {
    if (place != Lexicon::kNoCategory) {
      for (const std::uint32_t index : lexicon.category("place")) {
        after_place_word[index] = lexicon.entry(index).has_attribute("after_place_word");
      }
    }
    if (actor == Lexicon::kNoCategory) {
      return;
    }
    for (const std::uint32_t index : lexicon.category("actor")) {
      const LexiconEntry& entry = lexicon.entry(index);
      only_in[index] = entry.has_attribute("only_in");
      by_ground[index] = entry.has_attribute("where");
      metonym[index] = entry.has_attribute("metonym");
      short_name[index] = entry.has_attribute("short");
    }
  }
  std::uint32_t actor;
  std::uint32_t place;
  std::uint32_t attribution;
  std::uint32_t agreement;
  std::uint32_t place_prefix;
  std::vector<std::uint32_t> locatives;
  std::vector<bool> only_in;
  std::vector<bool> by_ground;
  std::vector<bool> metonym;
  std::vector<bool> short_name;
  std::vector<bool> after_place_word;
};

// The gazetteer places the text's matches name, each with where it starts.
struct NamedPlace {
  std::uint32_t begin;
  const GazetteerPlace* place;
};
std::vector<NamedPlace> places_named(const Lexicon& lexicon, const Gazetteer& places,
                                     const std::vector<Match>& matches, std::uint32_t place) {
  std::vector<NamedPlace> named;
  for (const Match& match : matches) {
    if (lexicon.category_number(match.entry) != place) {
      continue;
    }
    if (const GazetteerPlace* found = places.find(lexicon.entry(match.entry).value)) {
      named.push_back({match.begin, found});
    }
  }
  return named;
}

// "government forces", «القوات الحكومية», «боевики»: names that name an actor
// only in the theatre they are listed for (attribute only_in=<ISO code>) name
// no one in a text that names no place of that country.
void drop_names_of_other_theatres(const Lexicon& lexicon, const Gazetteer& places,
                                  std::vector<Match>& matches) {
  const auto& words = gathered_from<ActorNameWords>(lexicon);
  const auto limited = [&](const Match& match) { return words.only_in[match.entry]; };
  if (std::none_of(matches.begin(), matches.end(), limited)) {
    return;
  }
  std::vector<std::string_view> countries;  // of the places the text names
  for (const NamedPlace& named : places_named(lexicon, places, matches, words.place)) {
    for (const std::string& country : named.place->countries) {
      if (std::find(countries.begin(), countries.end(), country) == countries.end()) {
        countries.push_back(country);  // each once: every limited name looks them up
      }
    }
  }
  std::erase_if(matches, [&](const Match& match) {
    return limited(match) &&
           std::find(countries.begin(), countries.end(),
                     lexicon.entry(match.entry).attribute("only_in")) == countries.end();
  });
}

// «в районе Песок», «поселок Пески», not «пески»: a place's name that is also an
// ordinary word (gazetteer attribute after_place_word) names the place only
// right after a word of place (`place_prefix`: «поселок», «в районе»).
void drop_ordinary_words_not_after_a_place_word(const Lexicon& lexicon, std::string_view text,
                                                std::vector<Match>& matches) {
  const auto& words = gathered_from<ActorNameWords>(lexicon);
  const auto ordinary = [&](const Match& match) { return words.after_place_word[match.entry]; };
  if (std::none_of(matches.begin(), matches.end(), ordinary)) {
    return;
  }
  std::vector<bool> drop(matches.size(), false);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (!ordinary(matches[i])) {
      continue;
    }
    std::uint32_t end = matches[i].word_begin;
    while (end > 0 && text[end - 1] == ' ') {
      --end;
    }
    // The matches are in order of their starts: a word of place that ends
    // right before the name starts before it, among the few matches before.
    constexpr std::uint32_t kPlaceWordBytes = 64;  // «населенного пункта» is 35
    bool after_a_place_word = false;
    for (std::size_t j = i; j-- > 0 && matches[j].word_end + kPlaceWordBytes >= end;) {
      if (lexicon.category_number(matches[j].entry) == words.place_prefix &&
          matches[j].word_end == end) {
        after_a_place_word = true;
        break;
      }
    }
    drop[i] = !after_a_place_word;
  }
  erase_marked(matches, drop);
}

// "shelled positions in Stepanakert", "talks in Moscow": a capital that can
// stand for its government (an actor's `metonym`) right after a word of place
// (`locative`) is the place, not the government — unless a verb of saying
// follows it («в Москве заявили», «В Баку 14 июля сообщили»: officials there
// speak), or an agreement is named before it in its sentence (where it was
// made). The other matches are looked up by position (sorted lists), so a long
// text full of capitals costs a few binary searches a capital.
void read_capitals_after_a_locative_as_places(const Lexicon& lexicon, std::string_view text,
                                              std::vector<Match>& matches) {
  constexpr std::uint32_t kBesideTheVerb = 32;  // bytes: two short words at most
  const auto& words = gathered_from<ActorNameWords>(lexicon);
  const std::uint32_t place = words.place;
  const std::uint32_t attribution = words.attribution;
  const std::uint32_t agreement = words.agreement;
  const auto capital = [&](const Match& match) { return words.metonym[match.entry]; };
  if (words.locatives.empty()) {
    return;
  }
  // The words of place are `lookup` entries, not scanned for: the words right
  // before a capital are compared with them. Most capitals follow none, so the
  // rest is looked at only for those that do.
  const std::vector<std::uint32_t>& locatives = words.locatives;
  const auto after_a_locative = [&](std::uint32_t word_begin) {
    std::uint32_t end = word_begin;
    while (end > 0 && text[end - 1] == ' ') {
      --end;
    }
    return end < word_begin &&
           std::any_of(locatives.begin(), locatives.end(), [&](std::uint32_t index) {
             const std::string_view phrase = lexicon.entry(index).phrase;
             if (phrase.size() > end) {
               return false;
             }
             const std::uint32_t begin = end - static_cast<std::uint32_t>(phrase.size());
             return text.substr(begin, phrase.size()) == phrase &&
                    (begin == 0 || text[begin - 1] == ' ');
           });
  };
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (capital(matches[i]) && after_a_locative(matches[i].word_begin)) {
      candidates.push_back(i);
    }
  }
  if (candidates.empty()) {
    return;
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> place_spans;
  std::vector<std::uint32_t> verb_begins;
  std::vector<std::uint32_t> agreement_ends;
  for (const Match& match : matches) {
    const std::uint32_t category = lexicon.category_number(match.entry);
    if (category == place) {
      place_spans.emplace_back(match.begin, match.end);
    } else if (category == attribution) {
      verb_begins.push_back(match.word_begin);
    } else if (category == agreement) {
      agreement_ends.push_back(match.end);
    }
  }
  for (auto* list : {&verb_begins, &agreement_ends}) {
    std::sort(list->begin(), list->end());
  }
  std::sort(place_spans.begin(), place_spans.end());
  std::vector<bool> drop(matches.size(), false);
  for (const std::size_t i : candidates) {
    const Match& named = matches[i];
    const bool a_place_too = std::binary_search(place_spans.begin(), place_spans.end(),
                                                std::pair{named.begin, named.end});
    const auto verb = std::lower_bound(verb_begins.begin(), verb_begins.end(), named.word_end);
    const bool says = verb != verb_begins.end() && *verb - named.word_end <= kBesideTheVerb && [&] {
      const std::string_view between = text.substr(named.word_end, *verb - named.word_end);
      return between.find_first_of(",;:.") == std::string_view::npos &&
             std::count(between.begin(), between.end(), ' ') <= 3;
    }();
    // An agreement ending before the name with no end of a sentence between.
    const auto agreement_end =
        std::upper_bound(agreement_ends.begin(), agreement_ends.end(), named.begin);
    const bool of_an_agreement = agreement_end != agreement_ends.begin() && [&] {
      const std::uint32_t from = *(agreement_end - 1);
      return text.substr(from, named.begin - from).find_first_of(".!?\n") == std::string_view::npos;
    }();
    drop[i] = a_place_too && !says && !of_an_agreement;
  }
  erase_marked(matches, drop);
}

// "separatists", «сепаратисты», «الانفصاليين»: a generic name the forces of
// several first-order divisions bear (attribute `where=<division id>`, one row
// per body) names the body of the division that the place named nearest to it
// lies in, and no one when the text names no place of those divisions.
void resolve_names_by_ground(const Lexicon& lexicon, const Gazetteer& places,
                             std::vector<Match>& matches) {
  const auto& words = gathered_from<ActorNameWords>(lexicon);
  const auto by_ground = [&](const Match& match) { return words.by_ground[match.entry]; };
  if (std::none_of(matches.begin(), matches.end(), by_ground)) {
    return;
  }
  // Where each division's places are named, by division: (offset, position
  // among all the places named), in order of offset.
  std::vector<std::pair<std::string_view, std::vector<std::pair<std::uint32_t, std::size_t>>>>
      grounds;
  std::size_t position = 0;
  for (const NamedPlace& named : places_named(lexicon, places, matches, words.place)) {
    const std::string_view division = named.place->type == "admin1"
                                          ? std::string_view(named.place->id)
                                          : std::string_view(named.place->admin1);
    auto of_division = std::find_if(grounds.begin(), grounds.end(),
                                    [&](const auto& entry) { return entry.first == division; });
    if (of_division == grounds.end()) {
      of_division = grounds.insert(grounds.end(), {division, {}});
    }
    of_division->second.emplace_back(named.begin, position++);
  }
  for (auto& [division, at] : grounds) {
    std::sort(at.begin(), at.end());
  }
  // The matches of such names, one group per stretch of text (a row each of
  // the bodies that bear the name there).
  std::vector<std::size_t> named;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (by_ground(matches[i])) {
      named.push_back(i);
    }
  }
  std::sort(named.begin(), named.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(matches[a].begin, matches[a].end) <
           std::pair(matches[b].begin, matches[b].end);
  });
  std::vector<bool> drop(matches.size(), false);
  for (std::size_t first = 0; first < named.size();) {
    const Match& stretch = matches[named[first]];
    std::size_t last = first;
    std::vector<std::string_view> divisions;  // whose bodies bear this name here
    while (last < named.size() && matches[named[last]].begin == stretch.begin &&
           matches[named[last]].end == stretch.end) {
      divisions.push_back(lexicon.entry(matches[named[last]].entry).attribute("where"));
      ++last;
    }
    // The nearest place named in one of those divisions (the first named of
    // equally near ones), by bisection in each division's places.
    std::optional<std::string_view> nearest;
    std::pair<std::uint32_t, std::size_t> best{std::numeric_limits<std::uint32_t>::max(), 0};
    const std::uint32_t at = stretch.begin;
    for (const auto& ground : grounds) {
      const std::string_view division = ground.first;
      const auto& offsets = ground.second;
      if (std::find(divisions.begin(), divisions.end(), division) == divisions.end()) {
        continue;
      }
      const auto after = std::lower_bound(offsets.begin(), offsets.end(),
                                          std::pair<std::uint32_t, std::size_t>(at, 0));
      const auto consider = [&](std::uint32_t offset) {
        const std::uint32_t gap = offset > at ? offset - at : at - offset;
        // The first named at that offset: the entries are sorted by position within it.
        const auto first_there = std::lower_bound(offsets.begin(), offsets.end(),
                                                  std::pair<std::uint32_t, std::size_t>(offset, 0));
        const std::pair<std::uint32_t, std::size_t> candidate{gap, first_there->second};
        if (candidate < best) {
          best = candidate;
          nearest = division;
        }
      };
      if (after != offsets.end()) {
        consider(after->first);
      }
      if (after != offsets.begin()) {
        consider(std::prev(after)->first);
      }
    }
    for (std::size_t k = first; k < last; ++k) {
      const std::string_view where = lexicon.entry(matches[named[k]].entry).attribute("where");
      drop[named[k]] = !nearest || *nearest != where;
    }
    first = last;
  }
  erase_marked(matches, drop);
}

// «В Народной милиции добавили»: a short name that several bodies bear
// (attribute `short`, one row per body) names the one of them the text named
// in full last before it, and no one when it named none of them.
void resolve_short_names(const Lexicon& lexicon, std::vector<Match>& matches) {
  const auto& words = gathered_from<ActorNameWords>(lexicon);
  const std::uint32_t actor = words.actor;
  const auto is_actor = [&](const Match& match) {
    return lexicon.category_number(match.entry) == actor;
  };
  const auto is_short = [&](const Match& match) { return words.short_name[match.entry]; };
  if (std::none_of(matches.begin(), matches.end(), is_short)) {
    return;
  }
  if (!std::is_sorted(matches.begin(), matches.end(),
                      [](const Match& a, const Match& b) { return a.begin < b.begin; })) {
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match& a, const Match& b) { return a.begin < b.begin; });
  }
  // One pass in text order: where each actor was last named in full, and,
  // at each start, the short names there resolved before the full names
  // starting there count.
  std::unordered_map<std::string_view, std::size_t> named_at;
  std::vector<bool> drop(matches.size(), false);
  for (std::size_t first = 0; first < matches.size();) {
    std::size_t end = first;
    while (end < matches.size() && matches[end].begin == matches[first].begin) {
      ++end;
    }
    for (std::size_t i = first; i < end; ++i) {
      if (!is_short(matches[i])) {
        continue;
      }
      // The bearer named last among the rows of this name with the same extent.
      std::string_view best;
      std::size_t best_at = 0;
      for (std::size_t j = first; j < end; ++j) {
        if (!is_short(matches[j]) || matches[j].end != matches[i].end) {
          continue;
        }
        const std::string_view id = lexicon.entry(matches[j].entry).value;
        if (const auto found = named_at.find(id);
            found != named_at.end() && (best.empty() || found->second > best_at)) {
          best = id;
          best_at = found->second;
        }
      }
      drop[i] = lexicon.entry(matches[i].entry).value != best;
    }
    for (std::size_t i = first; i < end; ++i) {
      if (is_actor(matches[i]) && !is_short(matches[i])) {
        named_at[lexicon.entry(matches[i].entry).value] = i + 1;
      }
    }
    first = end;
  }
  erase_marked(matches, drop);
}

// «…غارات على معرة النعمان فيما ردت فصائل معارضة بقصف مواقع…», "…, while
// the factions shelled…": a word of contrast (`clause_break` with `contrast`)
// between an act and another act with an actor of its own opens another
// statement, comma or not. «قتل جنديان فيما أصيب ثلاثة» tells no act after
// it: one statement.
bool opens_another_act(const Analysis& analysis, const Mention& word, Range before, Range after) {
  return word.entry->has_attribute("contrast") && !analysis.in(before, "event").empty() &&
         !analysis.in(after, "event").empty() && !analysis.in(after, "actor").empty();
}

// «وقضى طفل … بقصف على قرية حاس، كما جرحت امرأة بقصف مماثل طال قرية كفرومة»:
// a word that opens another statement after a comma (`sentence_break`) ends
// the sentence at the comma; a word of contrast that opens another act ends
// it before the word, comma or not. Adds the sentence's parts (nearly always
// the whole sentence) to analysis.sentences.
void add_sentences(Analysis& analysis, Range sentence, std::uint32_t paragraph,
                   std::vector<std::uint32_t>& cuts) {
  bool contrasted = false;  // of the part added next
  const auto add = [&](Range part) {
    Sentence entry{part, paragraph, {}, contrasted};
    entry.clauses = split_clauses(analysis, entry.range, cuts);
    analysis.sentences.push_back(std::move(entry));
  };
  const std::string_view text = analysis.normalized.text;
  const MentionList breaks = analysis.in(sentence, "sentence_break");
  const MentionList contrasts = analysis.in(sentence, "clause_break");
  std::vector<const Mention*> openings;
  if (!contrasts.empty()) {
    openings.assign(breaks.begin(), breaks.end());
    openings.insert(openings.end(), contrasts.begin(), contrasts.end());
    std::sort(openings.begin(), openings.end(),
              [](const Mention* a, const Mention* b) { return a->word.begin < b->word.begin; });
  }
  const MentionList all = contrasts.empty() ? breaks : MentionList(openings);
  for (const Mention* opening : all) {
    if (opening->word.begin < sentence.begin) {
      continue;  // inside the words of an opening before it
    }
    std::uint32_t before = opening->word.begin;
    while (before > sentence.begin && text[before - 1] == ' ') {
      --before;
    }
    const std::size_t comma = before >= 2 && clause_mark_length(text, before - 2) == 2 ? before - 2
                              : before >= 1 && text[before - 1] == ','                 ? before - 1
                                                                       : text.size();
    const bool contrast = opening->category() == "clause_break";
    if (contrast && !opens_another_act(analysis, *opening, {sentence.begin, before},
                                       {opening->word.end, sentence.end})) {
      continue;
    }
    const std::size_t mark = contrast && comma == text.size() ? before : comma;
    if (mark == text.size() || mark <= sentence.begin) {
      continue;
    }
    // «…، كما قال المتحدث»: "as the spokesman said" closes the sentence before.
    const MentionList said = analysis.in({opening->word.end, sentence.end}, "attribution");
    if (!said.empty() &&
        analysis.words_between(opening->word.end, said.front()->range.begin) == 0) {
      continue;
    }
    add({sentence.begin, before});
    sentence.begin = opening->word.begin;
    contrasted = contrast;
  }
  add(sentence);
}

}  // namespace

Analysis analyse(std::string_view original, const Matcher& matcher,
                 const std::optional<CivilTime>& anchor, const Gazetteer* places) {
  Analysis analysis;
  analysis.original = original;
  analysis.normalized = text::normalize_for_matching(original);
  analysis.original_offsets = std::move(analysis.normalized.code_point_offsets);
  analysis.word_starts = find_word_starts(analysis.normalized.text);
  analysis.words_before =
      Analysis::WordStartRank(analysis.word_starts, analysis.normalized.text.size());
  const Lexicon& lexicon = matcher.lexicon();
  analysis.addressee_prefixes = &gathered_from<AddresseePrefixes>(lexicon).phrases;
  std::vector<Match> found = matcher.scan(analysis.normalized.text);
  resolve_short_names(lexicon, found);
  if (places != nullptr) {
    resolve_names_by_ground(lexicon, *places, found);
  }
  read_capitals_after_a_locative_as_places(lexicon, analysis.normalized.text, found);
  analysis.matches = longest_per_category(lexicon, std::move(found));
  drop_ordinary_words_not_after_a_place_word(lexicon, analysis.normalized.text, analysis.matches);
  if (places != nullptr) {
    drop_names_of_other_theatres(lexicon, *places, analysis.matches);
  }
  const std::vector<Match>& matches = analysis.matches;
  analysis.mentions.reserve(matches.size());
  for (const Match& match : matches) {
    analysis.mentions.push_back({&lexicon.entry(match.entry),
                                 {match.begin, match.end},
                                 {match.word_begin, match.word_end}});
  }
  // The matches come in canonical order, by begin first, so the mentions are
  // already in order; the sort (and its buffer) is only for a matcher that
  // ever broke that promise.
  const auto by_begin = [](const Mention& a, const Mention& b) {
    return a.range.begin < b.range.begin;
  };
  if (!std::is_sorted(analysis.mentions.begin(), analysis.mentions.end(), by_begin)) {
    std::stable_sort(analysis.mentions.begin(), analysis.mentions.end(), by_begin);
  }
  // Grouped by category number first (one name lookup per category, not per
  // mention), in one array: a count per category, then each mention put in its
  // category's place in text order. A growing vector per category cost a
  // hundred allocations a text.
  const std::vector<Mention>& mentions = analysis.mentions;
  std::vector<std::uint32_t> category_of(mentions.size());
  std::vector<std::uint32_t> first_of(lexicon.category_count() + 1, 0);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const auto entry = static_cast<std::uint32_t>(mentions[i].entry - lexicon.entries().data());
    category_of[i] = static_cast<std::uint32_t>(lexicon.category_number(entry));
    ++first_of[category_of[i] + 1];
  }
  std::size_t categories = 0;
  for (std::size_t c = 1; c < first_of.size(); ++c) {
    categories += first_of[c] > 0 ? 1 : 0;
    first_of[c] += first_of[c - 1];
  }
  analysis.mentions_by_category.resize(mentions.size());
  std::vector<std::uint32_t> next_of(first_of.begin(), first_of.end() - 1);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    analysis.mentions_by_category[next_of[category_of[i]]++] = &mentions[i];
  }
  analysis.begins_by_category.resize(mentions.size());
  std::transform(analysis.mentions_by_category.begin(), analysis.mentions_by_category.end(),
                 analysis.begins_by_category.begin(),
                 [](const Mention* mention) { return mention->range.begin; });
  analysis.by_category.reserve(categories);
  const Mention* const* grouped = analysis.mentions_by_category.data();
  for (std::size_t c = 0; c + 1 < first_of.size(); ++c) {
    if (first_of[c + 1] > first_of[c]) {
      const std::string_view name = grouped[first_of[c]]->category();
      const MentionList list{grouped + first_of[c], first_of[c + 1] - first_of[c]};
      analysis.by_category.emplace_back(name, list);
      if (const std::uint8_t known = category_table::index_of(name);
          known != category_table::kNone) {
        analysis.known_categories[known] = list;
      }
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
  const std::vector<text::Range> paragraphs = text::paragraphs(text);
  analysis.paragraphs.reserve(paragraphs.size());
  std::vector<std::uint32_t> cuts;
  for (const text::Range& paragraph : paragraphs) {
    const auto index = static_cast<std::uint32_t>(analysis.paragraphs.size());
    analysis.paragraphs.push_back({paragraph.begin, paragraph.end});
    for (const text::Range& sentence : text::sentences(text, paragraph, lower_case_at)) {
      add_sentences(analysis, {sentence.begin, sentence.end}, index, cuts);
    }
  }
  return analysis;
}

void redate(Analysis& analysis, const Lexicon& lexicon, const std::optional<CivilTime>& anchor) {
  analysis.dates =
      find_dates(analysis.normalized.text, analysis.matches, lexicon, anchor, analysis.digit_runs);
}

}  // namespace truce::extract::detail
