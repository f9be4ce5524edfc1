#include "extract/numbers.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <utility>

#include "extract/dates.hpp"

namespace truce::extract {
namespace {

constexpr std::string_view kNumberCategory = "number";
constexpr std::string_view kVagueCategory = "number_vague";
constexpr std::string_view kQualifierCategory = "number_qualifier";
constexpr std::string_view kRangeCategory = "number_range";
constexpr std::string_view kConnectorCategory = "number_connector";
constexpr std::string_view kPrefixCategory = "prefix";
constexpr std::string_view kMonthCategory = "month";
constexpr std::string_view kYearMarkerCategory = "year_marker";
constexpr std::string_view kTimeMarkerCategory = "time_marker";
constexpr std::string_view kAgeMarkerCategory = "age_marker";

// Longer matches of these categories hide the number words inside them: the
// weekday "الاثنين" is not the number "اثنين" with an article, "الثلاثية"
// ("tripartite") is not three.
constexpr std::array<std::string_view, 8> kHidingCategories = {
    "not_a_number", "month",      "weekday",       "relative_day",
    "night",        "not_a_date", "date_modifier", "year_marker"};

constexpr std::uint32_t kMaxDigits = 18;
constexpr std::size_t kMaxPrefixChain = 3;

// Dashes that join the two ends of a range ("12-15", "12–15", "12—15").
constexpr std::array<std::string_view, 3> kRangeDashes = {"-", "\u2013", "\u2014"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The offset of the first ASCII digit at or after `at`, or the text's size.
// Digits are a few bytes in a hundred: with SSE2 sixteen bytes are looked at
// a time.
std::size_t next_digit(std::string_view text, std::size_t at) {
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  for (; at + 16 <= text.size(); at += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    // A byte minus '0' (wrapping) is at most 9 exactly for the digits.
    const __m128i offset = _mm_sub_epi8(block, zero);
    const __m128i digits = _mm_cmpeq_epi8(_mm_min_epu8(offset, nine), offset);
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(digits));
    if (mask != 0) {
      return at + static_cast<std::size_t>(std::countr_zero(mask));
    }
  }
#endif
  while (at < text.size() && !is_digit(text[at])) {
    ++at;
  }
  return at;
}
bool is_space(char c) {
  return c == ' ' || c == '\n';
}

bool is_letter(UChar32 code_point) {
  constexpr std::uint32_t kLetterCategories = U_GC_L_MASK | U_GC_M_MASK;
  return code_point >= 0 && (U_GET_GC_MASK(code_point) & kLetterCategories) != 0;
}

const std::uint8_t* bytes_of(std::string_view text) {
  return reinterpret_cast<const std::uint8_t*>(text.data());
}

bool letter_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) {
    return false;
  }
  auto index = static_cast<std::int32_t>(at);
  UChar32 code_point = 0;
  U8_NEXT(bytes_of(text), index, static_cast<std::int32_t>(text.size()), code_point);
  return is_letter(code_point);
}

// text.substr(at, word.size()) == word (at <= text.size()), its first two
// bytes compared inline: the marker words are tried at every digit run and
// nearly all differ there, and comparing each with a call to memcmp cost more
// than the rest of the test.
bool word_at(std::string_view text, std::size_t at, std::string_view word) {
  if (text.size() - at < word.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size() && i < 2; ++i) {
    if (text[at + i] != word[i]) {
      return false;
    }
  }
  return text.substr(at, word.size()) == word;
}

// The start of the code point that ends at `at` (at > 0).
std::size_t code_point_before(std::string_view text, std::size_t at) {
  std::size_t start = at - 1;
  while (start > 0 && at - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    --start;
  }
  return start;
}

bool letter_before(std::string_view text, std::size_t at) {
  return at > 0 && letter_at(text, code_point_before(text, at));
}

// True when `text` is a chain of at most kMaxPrefixChain clitic prefixes.
bool is_prefix_chain(std::string_view text, const std::vector<std::string_view>& prefixes,
                     std::size_t depth = 0) {
  if (text.empty()) {
    return depth > 0;
  }
  if (depth == kMaxPrefixChain) {
    return false;
  }
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view prefix) {
    return text.starts_with(prefix) &&
           is_prefix_chain(text.substr(prefix.size()), prefixes, depth + 1);
  });
}

std::vector<std::string_view> phrases_of(const Lexicon& lexicon, std::string_view category) {
  std::vector<std::string_view> phrases;
  for (std::uint32_t index : lexicon.category(category)) {
    const LexiconEntry& entry = lexicon.entry(index);
    if (!entry.phrase.empty()) {
      phrases.push_back(entry.phrase);
    }
  }
  return phrases;
}

// Removes spaces and hyphens, which may stand between the parts of a compound.
std::string squeeze(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '-') {
      out.push_back(c);
    }
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

// --- atoms: the smallest pieces of a figure -----------------------------------------------

enum class AtomKind { kDigits, kWord, kVague };

struct Atom {
  AtomKind kind = AtomKind::kDigits;
  std::uint32_t begin = 0;       // the phrase, clitic prefix excluded
  std::uint32_t word_begin = 0;  // with the prefix
  std::uint32_t end = 0;         // with any suffix
  std::int64_t value = 0;
  bool scale = false;           // multiplies what precedes it
  bool alone_at_least = false;  // a vague plural when nothing precedes it
};

// A mention in the making, with where its first word starts (clitic prefix
// included), which is where a qualifier before it must end.
struct Draft {
  NumberMention mention;
  std::uint32_t word_begin = 0;
};

std::optional<std::int64_t> parse_value(std::string_view text) {
  if (text.empty() || text.size() > kMaxDigits ||
      !std::all_of(text.begin(), text.end(), is_digit)) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (char c : text) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// What the rules need of the lexicon alone, the same for every text.
struct NumberWords {
  explicit NumberWords(const Lexicon& lexicon)
      : month(lexicon.category_number(kMonthCategory)),
        qualifier(lexicon.category_number(kQualifierCategory)),
        range(lexicon.category_number(kRangeCategory)),
        number_word(lexicon.category_number(kNumberCategory)),
        vague_word(lexicon.category_number(kVagueCategory)),
        hiding(lexicon.category_count(), false) {
    for (std::string_view category : kHidingCategories) {
      if (const std::uint32_t number = lexicon.category_number(category);
          number != Lexicon::kNoCategory) {
        hiding[number] = true;
      }
    }
    for (std::uint32_t index : lexicon.category(kConnectorCategory)) {
      connectors.emplace_back(lexicon.entry(index).phrase, lexicon.entry(index).value);
    }
    for (std::uint32_t index : lexicon.category(kRangeCategory)) {
      range_words.emplace_back(lexicon.entry(index).phrase, lexicon.entry(index).value);
    }
    for (std::string_view marker : {kYearMarkerCategory, kTimeMarkerCategory, kAgeMarkerCategory}) {
      for (std::uint32_t index : lexicon.category(marker)) {
        const LexiconEntry& entry = lexicon.entry(index);
        (entry.attribute("position") == "before" ? marker_words_before : marker_words_after)
            .push_back(entry.phrase);
      }
    }
  }

  // By category number: a text has a match every few bytes, and names are strings.
  std::uint32_t month;
  std::uint32_t qualifier;
  std::uint32_t range;
  std::uint32_t number_word;
  std::uint32_t vague_word;
  std::vector<bool> hiding;
  std::vector<std::pair<std::string_view, std::string_view>> connectors;  // into the lexicon
  std::vector<std::pair<std::string_view, std::string_view>> range_words;
  std::vector<std::string_view> marker_words_before;
  std::vector<std::string_view> marker_words_after;
};

// Everything the rules need from the lexicon and the scan, gathered once.
class NumberReader {
 public:
  NumberReader(std::string_view text, const std::vector<Match>& matches, const Lexicon& lexicon)
      : text_(text),
        matches_(matches),
        lexicon_(lexicon),
        words_(gathered_from<NumberWords>(lexicon)),
        connectors_(words_.connectors),
        range_words_(words_.range_words),
        marker_words_before_(words_.marker_words_before),
        marker_words_after_(words_.marker_words_after) {
    // The rules look up a few categories many times; these lists keep them short.
    for (const Match& match : matches) {
      const std::uint32_t category = lexicon.category_number(match.entry);
      if (category == words_.month) {
        months_.push_back(match);
      } else if (category == words_.qualifier) {
        qualifiers_.push_back(match);
      } else if (category == words_.range && entry_of(match).value == "open") {
        openings_.push_back(match);
      }
      if (words_.hiding[category]) {
        hiders_.push_back(match);
      }
    }
    for (const Match& month : months_) {
      month_word_begins_.push_back(month.word_begin);
      month_word_ends_.push_back(month.word_end);
    }
    for (const Match& hider : hiders_) {
      longest_hider_ = std::max(longest_hider_, hider.end - hider.begin);
    }
    for (const Match& qualifier : qualifiers_) {
      qualifier_follows_.push_back(entry_of(qualifier).attribute("position") == "after");
    }
    qualifiers_by_end_ = in_order_of(qualifiers_, &Match::word_end);
    qualifiers_by_begin_ = in_order_of(qualifiers_, &Match::word_begin);
    openings_by_end_ = in_order_of(openings_, &Match::word_end);
    std::sort(month_word_begins_.begin(), month_word_begins_.end());
    std::sort(month_word_ends_.begin(), month_word_ends_.end());
  }

  std::vector<NumberMention> read() const {
    std::vector<Atom> atoms = digit_atoms();
    std::vector<Atom> words = word_atoms();
    atoms.insert(atoms.end(), words.begin(), words.end());
    std::sort(atoms.begin(), atoms.end(),
              [](const Atom& a, const Atom& b) { return a.begin < b.begin; });
    std::vector<NumberMention> mentions;
    for (Draft& draft : join_ranges(build_figures(atoms))) {
      apply_qualifier(draft);
      mentions.push_back(std::move(draft.mention));
    }
    return mentions;
  }

  void use_dates(const std::vector<DateMention>& dates) { dates_ = &dates; }
  void use_digit_runs(const std::vector<DigitRun>& runs) { runs_ = &runs; }

 private:
  const LexiconEntry& entry_of(const Match& match) const { return lexicon_.entry(match.entry); }

  // --- digits --------------------------------------------------------------------------------

  std::vector<Atom> digit_atoms() const {
    std::vector<DigitRun> own_runs;
    if (runs_ == nullptr) {
      own_runs = find_digit_runs(text_, lexicon_);
    }
    const std::vector<DigitRun>& runs = runs_ != nullptr ? *runs_ : own_runs;
    std::vector<DateMention> found;
    if (dates_ == nullptr) {
      found = find_dates(text_, matches_, lexicon_, std::nullopt);
    }
    const std::vector<DateMention>& dates = dates_ != nullptr ? *dates_ : found;
    // Whether a date holds a run: the dates by begin, each with the furthest
    // end of those up to it (a lookup per run, not a pass over the dates).
    std::vector<std::pair<std::size_t, std::size_t>> date_reach;
    date_reach.reserve(dates.size());
    for (const DateMention& date : dates) {
      date_reach.emplace_back(date.begin, date.end);
    }
    std::sort(date_reach.begin(), date_reach.end());
    for (std::size_t i = 1; i < date_reach.size(); ++i) {
      date_reach[i].second = std::max(date_reach[i].second, date_reach[i - 1].second);
    }
    const auto in_a_date = [&](const DigitRun& run) {
      auto after =
          std::upper_bound(date_reach.begin(), date_reach.end(), run.begin,
                           [](std::size_t at, const std::pair<std::size_t, std::size_t>& date) {
                             return at < date.first;
                           });
      return after != date_reach.begin() && std::prev(after)->second >= run.end;
    };
    std::vector<bool> excluded(runs.size(), false);
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const bool in_date = in_a_date(runs[i]);
      excluded[i] =
          in_date || !stands_alone(runs[i]) || next_to_month(runs[i]) || has_marker_word(runs[i]);
    }
    // Runs chained by "-", "/", "." or ":" form dates, times and codes, unless
    // there are exactly two joined by a dash (a range); an excluded run taints
    // its chain ("12-15 ноября").
    for (std::size_t i = 0; i < runs.size();) {
      std::size_t j = i;
      bool dashes_only = true;
      while (j + 1 < runs.size() && runs[j].end + 1 == runs[j + 1].begin &&
             std::string_view("-/.:").find(text_[runs[j].end]) != std::string_view::npos) {
        dashes_only = dashes_only && text_[runs[j].end] == '-';
        ++j;
      }
      std::size_t length = j - i + 1;
      bool tainted = std::any_of(excluded.begin() + static_cast<std::ptrdiff_t>(i),
                                 excluded.begin() + static_cast<std::ptrdiff_t>(j + 1),
                                 [](bool each) { return each; });
      if (length > 1 && (tainted || length > 2 || !dashes_only)) {
        std::fill(excluded.begin() + static_cast<std::ptrdiff_t>(i),
                  excluded.begin() + static_cast<std::ptrdiff_t>(j + 1), true);
      }
      i = j + 1;
    }
    std::vector<Atom> atoms;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (!excluded[i]) {
        atoms.push_back(Atom{AtomKind::kDigits, runs[i].begin, runs[i].begin, runs[i].end,
                             runs[i].value, false, false});
      }
    }
    return atoms;
  }

  // Not glued to letters, not a decimal fraction, not a percentage.
  bool stands_alone(const DigitRun& run) const {
    if (run.glued_before || run.glued_after) {
      return false;
    }
    std::size_t end = run.end;
    if (end + 1 < text_.size() && (text_[end] == '.' || text_[end] == ',') &&
        is_digit(text_[end + 1])) {
      return false;
    }
    if (run.begin >= 2 && (text_[run.begin - 1] == '.' || text_[run.begin - 1] == ',') &&
        is_digit(text_[run.begin - 2])) {
      return false;
    }
    std::size_t after = end < text_.size() && text_[end] == ' ' ? end + 1 : end;
    return !(after < text_.size() && text_[after] == '%');
  }

  // A month right after the run with only spaces between, or right before it
  // with only spaces and at most one comma between ("12 мая", "May 12",
  // "May, 12"): the first month word that starts after it and the last that
  // ends before it are the only ones that can be so near.
  bool next_to_month(const DigitRun& run) const {
    std::size_t after = run.end;
    while (after < text_.size() && is_space(text_[after])) {
      ++after;
    }
    const auto next = std::lower_bound(month_word_begins_.begin(), month_word_begins_.end(),
                                       static_cast<std::uint32_t>(run.end));
    if (next != month_word_begins_.end() && *next <= after) {
      return true;
    }
    std::size_t before = run.begin;
    while (before > 0 && is_space(text_[before - 1])) {
      --before;
    }
    if (before > 0 && text_[before - 1] == ',') {
      --before;
      while (before > 0 && is_space(text_[before - 1])) {
        --before;
      }
    }
    const auto last = std::upper_bound(month_word_ends_.begin(), month_word_ends_.end(),
                                       static_cast<std::uint32_t>(run.begin));
    return last != month_word_ends_.begin() && *std::prev(last) >= before;
  }

  // A year word, a time word or an age word: "عام 2020", "в 2020 году",
  // "2021 г.", "2020 AD", "الساعة 10", "5 a.m.", "в 18 часов", "a 50-year-old
  // man", «50-летний».
  bool has_marker_word(const DigitRun& run) const {
    std::size_t after = run.end;
    while (after < text_.size() && (text_[after] == ' ' || text_[after] == '-')) {
      ++after;
    }
    for (std::string_view word : marker_words_after_) {
      if (word_at(text_, after, word) && !letter_at(text_, after + word.size())) {
        return true;
      }
    }
    std::size_t before = run.begin;
    while (before > 0 && text_[before - 1] == ' ') {
      --before;
    }
    for (std::string_view word : marker_words_before_) {
      if (before >= word.size() && word_at(text_, before - word.size(), word) &&
          !letter_before(text_, before - word.size())) {
        return true;
      }
    }
    return false;
  }

  // --- words ---------------------------------------------------------------------------------

  bool hidden_by_longer_word(const Match& number) const {
    std::uint32_t length = number.end - number.begin;
    // Only a word that begins at most the longest hider's length before the
    // number's end can cover it (the hiders come sorted by begin).
    const std::uint32_t reach = number.end > longest_hider_ ? number.end - longest_hider_ : 0;
    auto other =
        std::lower_bound(hiders_.begin(), hiders_.end(), reach,
                         [](const Match& match, std::uint32_t at) { return match.begin < at; });
    for (; other != hiders_.end() && other->begin <= number.begin; ++other) {
      if (other->end >= number.end && other->end - other->begin > length) {
        return true;
      }
    }
    return false;
  }

  std::vector<Atom> word_atoms() const {
    std::vector<Atom> atoms;
    std::uint32_t taken_until = 0;
    // Matches come sorted by begin, longer first: the first one that fits wins.
    for (const Match& match : matches_) {
      // The category by number first: the entries of the other matches are
      // not read (each one a cache miss, a text has a match every few bytes).
      const std::uint32_t category = lexicon_.category_number(match.entry);
      const bool vague = category == words_.vague_word;
      if ((!vague && category != words_.number_word) || match.word_begin < taken_until ||
          hidden_by_longer_word(match)) {
        continue;
      }
      const LexiconEntry& entry = entry_of(match);
      std::optional<std::int64_t> value = parse_value(entry.value);
      if (!value) {
        continue;  // a data error; the lexicon test reports it
      }
      Atom atom;
      atom.kind = vague ? AtomKind::kVague : AtomKind::kWord;
      atom.begin = match.begin;
      atom.word_begin = match.word_begin;
      atom.end = match.word_end;
      atom.value = *value;
      atom.scale = entry.attribute("scale") == "1";
      atom.alone_at_least = entry.attribute("alone") == "at_least";
      atoms.push_back(atom);
      taken_until = match.word_end;
    }
    return atoms;
  }

  // --- figures -------------------------------------------------------------------------------

  // What joins two atoms of one compound: nothing but spaces and hyphens, or a
  // connector ("and", "و" written on the next word, "of").
  std::optional<std::string_view> connector_between(const Atom& a, const Atom& b) const {
    if (b.word_begin < a.end) {
      return std::nullopt;
    }
    std::string_view between = text_.substr(a.end, b.word_begin - a.end);
    if (between.find('\n') != std::string_view::npos) {
      return std::nullopt;
    }
    std::string content = squeeze(between);
    content += text_.substr(b.word_begin, b.begin - b.word_begin);
    if (content.empty()) {
      return std::string_view();
    }
    for (const auto& [phrase, value] : connectors_) {
      if (content == phrase) {
        return std::string_view(value);
      }
    }
    return std::nullopt;
  }

  struct Figure {
    std::uint32_t begin = 0;
    std::uint32_t word_begin = 0;
    std::uint32_t end = 0;
    std::int64_t total = 0;    // completed groups (thousands, millions)
    std::int64_t current = 0;  // the group being read (below the last scale)
    std::int64_t last_atom = 0;
    std::int64_t last_scale = std::numeric_limits<std::int64_t>::max();
    bool vague = false;
    bool words = false;
    bool digits = false;

    std::int64_t value() const { return total + current; }
  };

  static std::int64_t lowest_place(std::int64_t value) {
    if (value == 0) {
      return std::numeric_limits<std::int64_t>::max();
    }
    std::int64_t place = 1;
    while (value % (place * 10) == 0) {
      place *= 10;
    }
    return place;
  }

  static Figure start_figure(const Atom& atom) {
    Figure figure;
    figure.begin = atom.begin;
    figure.word_begin = atom.word_begin;
    figure.end = atom.end;
    figure.current = atom.value;
    figure.last_atom = atom.value;
    figure.vague = atom.kind == AtomKind::kVague || (atom.scale && atom.alone_at_least);
    figure.words = atom.kind != AtomKind::kDigits;
    figure.digits = atom.kind == AtomKind::kDigits;
    if (atom.scale && atom.value >= 1000 && !figure.vague) {
      figure.total = atom.value;
      figure.current = 0;
      figure.last_scale = atom.value;
    }
    return figure;
  }

  static bool overflows(std::int64_t a, std::int64_t b) {
    return b != 0 && a > std::numeric_limits<std::int64_t>::max() / (b * 1000);
  }

  // Adds `atom` to `figure` when together they read as one number.
  static bool extend(Figure& figure, const Atom& atom, std::string_view connector) {
    if (atom.kind == AtomKind::kVague && !atom.scale) {
      return false;  // a vague word starts anew, unless it scales ("два десятка" = 20)
    }
    if (figure.vague) {
      // "tens of thousands", "عدة آلاف": the least count scales.
      if (!atom.scale || atom.value <= figure.current || overflows(figure.current, atom.value)) {
        return false;
      }
      figure.current *= atom.value;
      figure.last_scale = atom.value;
      return true;
    }
    if (atom.scale) {
      if (atom.value >= 1000) {
        if (atom.value >= figure.last_scale || figure.current == 0 ||
            overflows(figure.current, atom.value)) {
          return false;
        }
        figure.total += figure.current * atom.value;
        figure.current = 0;
        figure.last_scale = atom.value;
      } else {
        // "three hundred", "two dozen": only a unit multiplies them.
        if (figure.current < 1 || figure.current > 9 || figure.total % 1000 != 0) {
          return false;
        }
        figure.current *= atom.value;
      }
      figure.last_atom = atom.value;
      return true;
    }
    if (atom.kind == AtomKind::kDigits || figure.digits) {
      return false;  // digits combine with words only through a scale ("3 آلاف")
    }
    bool descending = figure.last_atom >= 20 && atom.value < lowest_place(figure.current) &&
                      atom.value < figure.last_scale;
    // Arabic puts units before tens: "واحد وعشرين", "خمسة وعشرون".
    bool units_then_tens = connector == "and" && figure.last_atom >= 1 && figure.last_atom <= 9 &&
                           figure.current % 100 == figure.last_atom && atom.value >= 20 &&
                           atom.value <= 90 && atom.value % 10 == 0;
    if (!descending && !units_then_tens) {
      return false;
    }
    figure.current += atom.value;
    figure.last_atom = atom.value;
    return true;
  }

  // "13 (ثلاثة عشر)": the same count in digits and in words is one mention.
  bool repeats(const Figure& figure, const Atom& atom) const {
    if (atom.word_begin < figure.end || atom.kind == AtomKind::kVague ||
        (atom.kind == AtomKind::kDigits) == figure.digits || figure.vague ||
        atom.value != figure.value()) {
      return false;
    }
    std::string_view between = text_.substr(figure.end, atom.word_begin - figure.end);
    return std::all_of(between.begin(), between.end(),
                       [](char c) { return c == ' ' || c == '(' || c == ')'; });
  }

  std::vector<Draft> build_figures(const std::vector<Atom>& atoms) const {
    std::vector<Draft> drafts;
    for (std::size_t i = 0; i < atoms.size();) {
      Figure figure = start_figure(atoms[i]);
      std::size_t next = i + 1;
      while (next < atoms.size()) {
        std::optional<std::string_view> connector = connector_between(atoms[next - 1], atoms[next]);
        if (connector && extend(figure, atoms[next], *connector)) {
          figure.end = atoms[next].end;
          ++next;
        } else {
          break;
        }
      }
      NumberMention mention;
      mention.begin = mention.figure_begin = figure.begin;
      mention.end = mention.figure_end = figure.end;
      mention.words = figure.words;
      mention.vague = figure.vague;
      mention.count = figure.vague ? at_least(figure.value()) : exactly(figure.value());
      if (next < atoms.size() && repeats(figure, atoms[next])) {
        // Closing parenthesis included when the repeat is bracketed.
        std::uint32_t end = atoms[next].end;
        if (end < text_.size() && text_[end] == ')') {
          ++end;
        }
        mention.end = end;
        ++next;
      }
      drafts.push_back(Draft{std::move(mention), figure.word_begin});
      i = next;
    }
    return drafts;
  }

  // --- ranges --------------------------------------------------------------------------------

  std::optional<std::string_view> range_word(std::string_view content) const {
    for (const auto& [phrase, value] : range_words_) {
      if (content == phrase) {
        return std::string_view(value);
      }
    }
    return std::nullopt;
  }

  // An "open" range word ("between", "от", "بين") right before `at`; its begin.
  std::optional<std::uint32_t> opening_word_before(std::uint32_t at) const {
    std::optional<std::uint32_t> found;
    for (std::size_t index :
         ending_in(openings_, openings_by_end_, &Match::word_end, spaces_before(at), at)) {
      const Match& match = openings_[index];
      found = found ? std::min(*found, match.begin) : match.begin;
    }
    return found;
  }

  std::vector<Draft> join_ranges(std::vector<Draft> figures) const {
    std::vector<Draft> joined;
    for (std::size_t i = 0; i < figures.size(); ++i) {
      Draft& low = figures[i];
      if (i + 1 < figures.size()) {
        std::optional<Draft> range = join(low, figures[i + 1]);
        if (range) {
          joined.push_back(std::move(*range));
          ++i;
          continue;
        }
      }
      joined.push_back(std::move(low));
    }
    return joined;
  }

  // "12-15", "10 to 15", "от 5 до 7", "بين 10 و15", "two or three".
  std::optional<Draft> join(const Draft& low, const Draft& high) const {
    const NumberMention& first = low.mention;
    const NumberMention& second = high.mention;
    if (first.vague || second.vague || first.count.min >= second.count.min ||
        high.word_begin < first.end) {
      return std::nullopt;
    }
    std::string_view between = text_.substr(first.end, high.word_begin - first.end);
    if (between.find('\n') != std::string_view::npos) {
      return std::nullopt;
    }
    std::string content(trim(between));
    content += text_.substr(high.word_begin, second.begin - high.word_begin);
    bool dash = std::find(kRangeDashes.begin(), kRangeDashes.end(), content) != kRangeDashes.end();
    std::optional<std::string_view> word = range_word(content);
    std::optional<std::uint32_t> opening = opening_word_before(low.word_begin);
    bool joins = dash || (word && *word == "join") ||
                 (word && *word == "join_after_open" && opening.has_value());
    if (!joins) {
      return std::nullopt;
    }
    Draft range = low;
    range.mention.begin = opening ? *opening : first.begin;
    range.mention.end = second.end;
    range.mention.figure_end = second.figure_end;
    range.mention.count = CountRange{first.count.min, second.count.min};
    range.mention.words = first.words || second.words;
    range.mention.qualifier = "range";
    if (opening) {
      range.word_begin = *opening;
    }
    return range;
  }

  // --- qualifiers ----------------------------------------------------------------------------

  // The qualifier that governs `mention`: the longest one ending right before
  // it, else one right after it (or after the one word that follows it).
  // Candidates are looked up by where they end or begin, not walked over for
  // each number: a long text has hundreds of both. Of equals, the earlier in
  // the scan wins, as in a walk.
  const Match* qualifier_of(const NumberMention& mention, std::uint32_t word_begin) const {
    const Match* before = nullptr;
    std::size_t before_index = 0;
    for (std::size_t index : ending_in(qualifiers_, qualifiers_by_end_, &Match::word_end,
                                       spaces_before(word_begin), word_begin)) {
      const Match& match = qualifiers_[index];
      if (!qualifier_follows_[index] && (before == nullptr || match.begin < before->begin ||
                                         (match.begin == before->begin && index < before_index))) {
        before = &match;
        before_index = index;
      }
    }
    if (before != nullptr) {
      return before;
    }
    std::optional<std::size_t> after;
    for (std::size_t index : ending_in(qualifiers_, qualifiers_by_begin_, &Match::word_begin,
                                       mention.end, one_word_after(mention.end))) {
      const Match& match = qualifiers_[index];
      if (qualifier_follows_[index] && (!after || index < *after) &&
          at_most_one_word(text_.substr(mention.end, match.word_begin - mention.end))) {
        after = index;
      }
    }
    return after ? &qualifiers_[*after] : nullptr;
  }

  // Where the spaces right before `at` begin.
  std::uint32_t spaces_before(std::uint32_t at) const {
    while (at > 0 && is_space(text_[at - 1])) {
      --at;
    }
    return at;
  }

  // The farthest a word can begin after `at` with at most one word between
  // (at_most_one_word): past spaces, a word and spaces again.
  std::uint32_t one_word_after(std::uint32_t at) const {
    const auto skip = [&](bool spaces) {
      while (at < text_.size() && is_space(text_[at]) == spaces) {
        ++at;
      }
    };
    skip(true);
    skip(false);
    skip(true);
    return at;
  }

  // The positions in `matches`, sorted by `member` (then by position).
  static std::vector<std::size_t> in_order_of(const std::vector<Match>& matches,
                                              std::uint32_t Match::*member) {
    std::vector<std::size_t> order(matches.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      order[i] = i;
    }
    const auto before = [&](std::size_t a, std::size_t b) {
      return matches[a].*member < matches[b].*member ||
             (matches[a].*member == matches[b].*member && a < b);
    };
    if (!std::is_sorted(order.begin(), order.end(), before)) {  // mostly they come in order
      std::sort(order.begin(), order.end(), before);
    }
    return order;
  }

  // The positions, from `order` (in_order_of by `member`), of the matches
  // whose `member` lies in [first, last].
  static std::span<const std::size_t> ending_in(const std::vector<Match>& matches,
                                                const std::vector<std::size_t>& order,
                                                std::uint32_t Match::*member, std::uint32_t first,
                                                std::uint32_t last) {
    const auto below = [&](std::size_t index, std::uint32_t at) {
      return matches[index].*member < at;
    };
    const auto begin = std::lower_bound(order.begin(), order.end(), first, below);
    const auto end = std::upper_bound(
        begin, order.end(), last,
        [&](std::uint32_t at, std::size_t index) { return at < matches[index].*member; });
    return {begin, end};
  }

  // Spaces only, or one word between spaces ("7 جنود على الأقل", "20 people or more").
  static bool at_most_one_word(std::string_view gap) {
    std::string_view word = trim(gap);
    if (word.empty()) {
      return true;
    }
    if (!is_space(gap.front()) || !is_space(gap.back())) {
      return false;
    }
    return std::none_of(word.begin(), word.end(), [](char c) {
      return is_space(c) || is_digit(c) || c == ',' || c == '.' || c == ';' || c == ':' ||
             c == '(' || c == ')';
    });
  }

  void apply_qualifier(Draft& draft) const {
    NumberMention& mention = draft.mention;
    const Match* match = qualifier_of(mention, draft.word_begin);
    if (match == nullptr) {
      return;
    }
    const std::string& rule = entry_of(*match).value;
    CountRange& count = mention.count;
    if (rule == "at_least") {
      count.max.reset();
    } else if (rule == "more_than") {
      if (!mention.vague) {
        count.min += 1;
      }
      count.max.reset();
    } else if (rule == "about" || rule == "nearly") {
      mention.approximate = true;
    } else if (rule == "up_to" || rule == "less_than") {
      if (mention.vague) {
        return;  // "up to dozens" commits to nothing more
      }
      std::int64_t high = count.max.value_or(count.min) - (rule == "less_than" ? 1 : 0);
      if (high < 1) {
        return;
      }
      count = CountRange{1, high};
    } else {
      return;  // an unknown rule in the data: leave the figure as written
    }
    mention.qualifier = rule;
    mention.begin = std::min(mention.begin, match->begin);
    mention.end = std::max(mention.end, match->word_end);
  }

  std::string_view text_;
  const std::vector<Match>& matches_;
  const Lexicon& lexicon_;
  const NumberWords& words_;
  const std::vector<DateMention>* dates_ = nullptr;
  const std::vector<std::pair<std::string_view, std::string_view>>& connectors_;
  const std::vector<std::pair<std::string_view, std::string_view>>& range_words_;
  const std::vector<std::string_view>& marker_words_before_;
  const std::vector<std::string_view>& marker_words_after_;
  std::vector<Match> months_;
  std::vector<std::uint32_t> month_word_begins_;  // of months_, ascending
  std::vector<std::uint32_t> month_word_ends_;    // of months_, ascending
  std::vector<Match> qualifiers_;
  std::vector<bool> qualifier_follows_;           // of qualifiers_: placed after the number
  std::vector<std::size_t> qualifiers_by_end_;    // positions in qualifiers_ (in_order_of)
  std::vector<std::size_t> qualifiers_by_begin_;  // the same by word_begin
  std::vector<Match> openings_;
  std::vector<std::size_t> openings_by_end_;
  std::vector<Match> hiders_;        // sorted by begin, as the scan
  std::uint32_t longest_hider_ = 0;  // bytes
  const std::vector<DigitRun>* runs_ = nullptr;
};

}  // namespace

std::vector<DigitRun> find_digit_runs(std::string_view normalized, const Lexicon& lexicon) {
  std::vector<std::string_view> prefixes = phrases_of(lexicon, kPrefixCategory);
  std::vector<DigitRun> runs;
  const std::string_view text = normalized;
  for (std::size_t at = next_digit(text, 0); at < text.size(); at = next_digit(text, at)) {
    if (at > 0 && is_digit(text[at - 1])) {
      ++at;
      continue;
    }
    DigitRun run;
    run.begin = static_cast<std::uint32_t>(at);
    std::size_t end = at;
    while (end < text.size() && is_digit(text[end])) {
      ++end;
    }
    std::string digits(text.substr(at, end - at));
    // Thousands groups: "1,200", "1 200", "12,500,000".
    if (digits.size() <= 3) {
      while (end + 4 <= text.size() && (text[end] == ',' || text[end] == ' ') &&
             std::all_of(text.begin() + static_cast<std::ptrdiff_t>(end + 1),
                         text.begin() + static_cast<std::ptrdiff_t>(end + 4), is_digit) &&
             (end + 4 == text.size() || !is_digit(text[end + 4]))) {
        digits += text.substr(end + 1, 3);
        end += 4;
        run.grouped = true;
      }
    }
    run.end = static_cast<std::uint32_t>(end);
    at = end;
    std::optional<std::int64_t> value = parse_value(digits);
    if (!value) {
      continue;
    }
    run.value = *value;
    run.digits = static_cast<std::uint32_t>(digits.size());

    // Letters before: a clitic prefix chain standing as its own word, or glue.
    std::size_t letters_begin = run.begin;
    while (letters_begin > 0 && letter_before(text, letters_begin)) {
      letters_begin = code_point_before(text, letters_begin);
    }
    if (letters_begin < run.begin) {
      run.glued_before =
          !is_prefix_chain(text.substr(letters_begin, run.begin - letters_begin), prefixes);
    } else if (run.begin >= 2 && text[run.begin - 1] == '-' && letter_before(text, run.begin - 1)) {
      run.glued_before = true;  // "F-16", "Су-25"
    }
    run.glued_after =
        letter_at(text, run.end) ||
        (run.end + 1 < text.size() && text[run.end] == '-' && letter_at(text, run.end + 1));
    runs.push_back(run);
  }
  return runs;
}

std::vector<NumberMention> find_numbers(std::string_view normalized,
                                        const std::vector<Match>& matches, const Lexicon& lexicon) {
  return NumberReader(normalized, matches, lexicon).read();
}

std::vector<NumberMention> find_numbers(std::string_view normalized,
                                        const std::vector<Match>& matches, const Lexicon& lexicon,
                                        const std::vector<DateMention>& dates,
                                        const std::vector<DigitRun>& digit_runs) {
  NumberReader reader(normalized, matches, lexicon);
  reader.use_dates(dates);
  reader.use_digit_runs(digit_runs);
  return reader.read();
}

}  // namespace truce::extract
