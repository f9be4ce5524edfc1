// The extractor's working view of one text: the matching form, every lexicon
// mention sorted by position, numbers and dates, and the paragraph/sentence/
// clause structure — all in byte offsets of the normalised text.
#pragma once

#include <array>
#include <concepts>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/claim.hpp"
#include "extract/dates.hpp"
#include "extract/gazetteer.hpp"
#include "extract/lexicon.hpp"
#include "extract/matcher.hpp"
#include "extract/numbers.hpp"
#include "text/normalize.hpp"

namespace truce::extract::detail {

struct Range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool contains(std::uint32_t offset) const { return offset >= begin && offset < end; }
  bool covers(Range other) const { return other.begin >= begin && other.end <= end; }
  bool overlaps(Range other) const { return begin < other.end && other.begin < end; }
};

struct Mention {
  const LexiconEntry* entry = nullptr;
  Range range;  // the phrase, prefixes and suffixes excluded
  Range word;   // with them
  std::string_view category() const { return entry->category; }
  std::string_view value() const { return entry->value; }
};

struct Sentence {
  Range range;
  std::uint32_t paragraph = 0;
  std::vector<Range> clauses;
  // Split off a sentence at a word of contrast that opens another act with
  // an actor of its own ("…, while the factions shelled …"): another claim.
  bool contrasted_act = false;
};

// Mentions of one category, by begin: a view into Analysis::by_category.
using MentionList = std::span<const Mention* const>;

// Categories are a few dozen short distinct words: their length and two letters
// tell them apart at the price of no loop over the bytes.
struct CategoryHash {
  constexpr std::size_t operator()(std::string_view category) const noexcept {
    if (category.empty()) {
      return 0;
    }
    const std::size_t front = static_cast<unsigned char>(category.front());
    const std::size_t back = static_cast<unsigned char>(category.back());
    return category.size() * 65599U + front * 257U + back;
  }
};

// The categories of the bundled lexicons (data/lexicon), with "place" and
// "actor" of the gazetteer and the actor registry. The code asks for
// mentions by these names thousands of times a text: a Category made from a
// string literal is the name's index here, found at compile time (a name not
// listed does not compile), and analyse files each text's mentions under it,
// so a lookup is one array index, not a hash of the name.
inline constexpr std::array<std::string_view, 91> kKnownCategories = {
    "actor",
    "age_marker",
    "agent_marker",
    "agreement",
    "allegiance_marker",
    "article",
    "as_of",
    "asset",
    "asset_outcome",
    "attribution",
    "attribution_backref",
    "background",
    "border",
    "calibre_unit",
    "casualty",
    "casualty_none",
    "claimant_anaphor",
    "clause_break",
    "complementizer",
    "continuation",
    "continuing",
    "count_noun",
    "date_filler",
    "date_modifier",
    "day_after",
    "day_word",
    "died_of_wounds",
    "document",
    "enemy",
    "event",
    "event_locus",
    "figure_rise",
    "first_person",
    "hypothetical",
    "in_return",
    "instigation",
    "list_link",
    "locative",
    "mediation",
    "medium_marker",
    "month",
    "name_link",
    "negation",
    "night",
    "not_a_date",
    "not_a_number",
    "not_of_fighting",
    "number",
    "number_connector",
    "number_qualifier",
    "number_range",
    "number_vague",
    "one_more",
    "ongoing_since",
    "origin_marker",
    "others",
    "owner_link",
    "partitive",
    "patron_marker",
    "person",
    "place",
    "place_anaphor",
    "place_prefix",
    "possessive",
    "prefix",
    "proximity",
    "reciprocal",
    "references_heading",
    "relative_day",
    "relative_period",
    "relative_week",
    "relative_pronoun",
    "relay_marker",
    "revision",
    "sentence_break",
    "sequel",
    "side_word",
    "source_label",
    "source_word",
    "speaker_office",
    "subset_marker",
    "suffix",
    "target_marker",
    "time_anchor",
    "time_marker",
    "topic_marker",
    "unnamed_speaker",
    "weapon",
    "weekday",
    "weekend",
    "year_marker",
};

namespace category_table {
inline constexpr std::uint8_t kNone = 0xFF;
inline constexpr std::size_t kSlots = 256;  // a power of two, over four times the names
static_assert(kKnownCategories.size() < kNone, "indices must fit in a byte");

consteval std::array<std::uint8_t, kSlots> build() {
  std::array<std::uint8_t, kSlots> slots{};
  for (std::uint8_t& slot : slots) {
    slot = kNone;
  }
  for (std::size_t i = 0; i < kKnownCategories.size(); ++i) {
    std::size_t at = CategoryHash{}(kKnownCategories[i]) % kSlots;
    while (slots[at] != kNone) {
      at = (at + 1) % kSlots;
    }
    slots[at] = static_cast<std::uint8_t>(i);
  }
  return slots;
}
inline constexpr std::array<std::uint8_t, kSlots> kSlotOf = build();

// The index of `name` in kKnownCategories, or kNone.
constexpr std::uint8_t index_of(std::string_view name) {
  for (std::size_t at = CategoryHash{}(name) % kSlots;; at = (at + 1) % kSlots) {
    const std::uint8_t index = kSlotOf[at];
    if (index == kNone || kKnownCategories[index] == name) {
      return index;
    }
  }
}
}  // namespace category_table

// A category named by a string literal the code holds ("actor", "place").
class Category {
 public:
  // NOLINTNEXTLINE(google-explicit-constructor): a literal is a Category
  consteval Category(const char* name) : index_(checked(name)) {}
  std::uint8_t index() const { return index_; }
  std::string_view name() const { return kKnownCategories[index_]; }

 private:
  static consteval std::uint8_t checked(std::string_view name) {
    const std::uint8_t index = category_table::index_of(name);
    if (index == category_table::kNone) {
      throw "not a category of kKnownCategories";  // a compile-time error
    }
    return index;
  }
  std::uint8_t index_;
};

struct Analysis {
  Analysis() = default;
  Analysis(const Analysis&) = delete;  // by_category points into mentions
  Analysis& operator=(const Analysis&) = delete;
  Analysis(Analysis&&) = default;
  Analysis& operator=(Analysis&&) = default;
  ~Analysis() = default;

  std::string_view original;
  text::NormalizedText normalized;
  std::vector<Match> matches;     // longest per category
  std::vector<Mention> mentions;  // by begin
  // The same mentions grouped by category, each group by begin, and each
  // category's group (for `in`). Points into `mentions`, and the lists into
  // `mentions_by_category`: an Analysis is moved, never copied.
  std::vector<const Mention*> mentions_by_category;
  // The begin of each mention of mentions_by_category, at the same index:
  // `within` bisects these instead of following a pointer per step.
  std::vector<std::uint32_t> begins_by_category;
  // Each category of the text with its list, in the lexicon's order of
  // categories: looked up by name only for names not known at compile time
  // (known_categories), so a list, not a hash map that allocated a node per
  // category and text.
  std::vector<std::pair<std::string_view, MentionList>> by_category;
  std::vector<DigitRun> digit_runs;  // read once, for the dates and the numbers
  std::vector<NumberMention> numbers;
  std::vector<DateMention> dates;  // by begin (find_dates)
  std::vector<Range> paragraphs;
  std::vector<Sentence> sentences;
  // The byte offset of every code point of `original`, and its size at the end,
  // so a span of the original is cut without walking the text from its start
  // (the normaliser's code_point_offsets, moved here).
  text::OriginTable original_offsets;
  // Where the words of the normalised text start (after a gap), ascending.
  std::vector<std::uint32_t> word_starts;
  // How many words start before any byte offset of the normalised text (or
  // its end): the index into word_starts of the first word at or after it.
  // words_between is asked tens of thousands of times a megabyte; this
  // answers in two loads and a count of bits, where binary searches cost ten
  // times as much and a table by offset took four bytes a byte to fill.
  class WordStartRank {
   public:
    WordStartRank() = default;
    WordStartRank(const std::vector<std::uint32_t>& starts, std::size_t size);
    std::uint32_t before(std::uint32_t offset) const {
      const std::size_t block = offset / kBlockBytes;
      const std::uint64_t below = (std::uint64_t{1} << (offset % kBlockBytes)) - 1U;
      return counts_[block] + count_ones(starts_[block] & below);
    }

   private:
    static constexpr std::size_t kBlockBytes = 64;
    // std::popcount is a library call without the POPCNT instruction, which
    // the baseline x86-64 target lacks.
    static std::uint32_t count_ones(std::uint64_t bits) {
      bits -= (bits >> 1U) & 0x5555555555555555ULL;
      bits = (bits & 0x3333333333333333ULL) + ((bits >> 2U) & 0x3333333333333333ULL);
      bits = (bits + (bits >> 4U)) & 0x0F0F0F0F0F0F0F0FULL;
      return static_cast<std::uint32_t>((bits * 0x0101010101010101ULL) >> 56U);
    }
    std::vector<std::uint64_t> starts_;  // a bit per byte offset: a word starts there
    std::vector<std::uint32_t> counts_;  // words that start before each block
  };
  WordStartRank words_before;
  // The clitic prefixes that mark the one spoken to (lexicon `prefix` entries
  // with the attribute `addressee`), for the lexicon the text was read with.
  const std::vector<std::string_view>* addressee_prefixes = nullptr;

  TextSpan span(Range range) const;
  // The original words of a normalised range.
  std::string original_text(Range range) const;
  // The lists of by_category of the known categories, by Category index.
  std::array<MentionList, kKnownCategories.size()> known_categories{};

  // Mentions of one category starting inside `range`.
  MentionList in(Range range, Category category) const { return within(all_of(category), range); }
  // The numbers, the dates, that begin inside `range`, in text order: a walk
  // over all of a long text's numbers for each claim made reading it quadratic.
  std::span<const NumberMention> numbers_in(Range range) const;
  std::span<const DateMention> dates_in(Range range) const;
  // Every mention of one category, by begin; `within` cuts it to a range
  // (one category lookup for many ranges).
  MentionList all_of(Category category) const { return known_categories[category.index()]; }
  // The same for a category named at run time.
  template <std::same_as<std::string_view> Name>
  MentionList all_of(Name category) const {
    return all_of_named(category);
  }
  MentionList within(MentionList list, Range range) const;
  const Mention* first_in(Range range, Category category) const {
    const MentionList found = in(range, category);
    return found.empty() ? nullptr : found.front();
  }

 private:
  MentionList all_of_named(std::string_view category) const;
  // all_of_named may be asked many times a document: a slot per address keeps
  // the last name asked there (a copy, compared on use) and its answer, which
  // saves hashing the name again. Filled on demand; by_category does not change
  // after analyse.
  static constexpr std::size_t kCachedNameBytes = 24;
  struct CategorySlot {
    std::array<char, kCachedNameBytes> name{};
    std::size_t size = 0;  // 0: empty
    MentionList list;
  };
  static constexpr std::size_t kCategorySlots = 64;
  mutable std::array<CategorySlot, kCategorySlots> category_slots_{};

 public:
  // The clause of `sentence` holding `offset`.
  Range clause_of(const Sentence& sentence, std::uint32_t offset) const;
  // The paragraph holding `offset`, or null (between paragraphs).
  const Range* paragraph_at(std::uint32_t offset) const;
  // Number of words between two offsets (0 for adjacent words).
  std::uint32_t words_between(std::uint32_t from, std::uint32_t to) const;
  // Whether a word of `category` opens `range` (a sentence, an account).
  bool opens_with(Range range, Category category) const {
    const Mention* first = first_in(range, category);
    return first != nullptr && words_between(range.begin, first->range.begin) == 0;
  }
};

// The earliest resolved date inside `range`, or null.
const DateMention* oldest_date_in(const Analysis& analysis, Range range);

// «الانفصاليين الموالين لروسيا», "separatists loyal to Moscow": an actor right
// after an allegiance word is whom others are loyal to; it neither speaks nor acts.
bool follows_an_allegiance_word(const Analysis& analysis, const Mention& actor);

// "Syrian regime ally Russia": an actor right before a patron word, with
// another actor right after it, qualifies that one, which is the actor meant.
// Returns the actor meant, or null.
const Mention* qualifies_the_next_actor(const Analysis& analysis, const Mention& actor);

// "Armenia and Azerbaijan accused each other", «اتهمت أرمينيا وأذربيجان بعضهما
// البعض»: the reciprocal word (`reciprocal`) in the verb's clause right after
// the verb of saying, or after the subjects named right after it, which makes
// the statement a mutual one; null if none.
const Mention* reciprocal_of(const Analysis& analysis, const Mention& verb, Range clause);

// Lexicon-driven analysis; `anchor` resolves relative dates.
// With `places`, a name listed only for one theatre's country (attribute
// only_in=<ISO code>: "government forces", «боевики») names no one in a text
// that names no place of that country.
Analysis analyse(std::string_view original, const Matcher& matcher,
                 const std::optional<CivilTime>& anchor, const Gazetteer* places = nullptr);

// Dates again with another anchor (the publication date once it is known).
void redate(Analysis& analysis, const Lexicon& lexicon, const std::optional<CivilTime>& anchor);

}  // namespace truce::extract::detail
