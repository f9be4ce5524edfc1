#include "extract/dates.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>

#include "extract/numbers.hpp"

namespace truce::extract {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

// A day and month without a year take the publication year, unless that puts
// them more than this many days after publication: then the year before.
constexpr int kFutureToleranceDays = 7;
constexpr std::int64_t kFirstYear = 1000;
constexpr int kLongestMonthDays = 31;
constexpr std::int64_t kLastYear = 2999;

constexpr std::string_view kArabicComma = "\u060C";

enum class PieceKind {
  kMonth,
  kWeekday,
  kRelativeDay,
  kNight,
  kWeekend,
  kWeek,
  kPeriod,
  kNotADate,
  kDayAfter,
  kModifier,
  kFiller
};

struct CategoryKind {
  std::string_view category;
  PieceKind kind;
};

// In order of precedence when two matches cover the same words.
constexpr std::array<CategoryKind, 11> kCategories = {{
    {"not_a_date", PieceKind::kNotADate},
    {"day_after", PieceKind::kDayAfter},
    {"night", PieceKind::kNight},
    {"weekend", PieceKind::kWeekend},
    {"relative_week", PieceKind::kWeek},
    {"relative_period", PieceKind::kPeriod},
    {"relative_day", PieceKind::kRelativeDay},
    {"weekday", PieceKind::kWeekday},
    {"month", PieceKind::kMonth},
    {"date_modifier", PieceKind::kModifier},
    {"date_filler", PieceKind::kFiller},
}};

// One date word of the text, from the matcher.
struct Piece {
  PieceKind kind = PieceKind::kFiller;
  std::size_t rank = 0;          // index in kCategories
  std::uint32_t begin = 0;       // the phrase, clitic prefix excluded
  std::uint32_t word_begin = 0;  // with the prefix
  std::uint32_t end = 0;         // with any suffix
  const LexiconEntry* entry = nullptr;
};

struct YearWord {
  std::string_view phrase;
  std::string_view value;  // "year", "ce" or "ah"
  bool before = false;     // stands before the year ("عام 2020")
};

// What the reader needs of the lexicon alone, the same for every text.
struct DateWords {
  explicit DateWords(const Lexicon& lexicon) : rank_after(lexicon.category_count(), 0) {
    for (std::uint32_t index : lexicon.category("number_range")) {
      const LexiconEntry& entry = lexicon.entry(index);
      if (entry.value != "open") {
        range_joins.push_back(entry.phrase);
      }
    }
    for (std::uint32_t index : lexicon.category("year_marker")) {
      const LexiconEntry& entry = lexicon.entry(index);
      year_words.push_back(
          YearWord{entry.phrase, entry.value, entry.attribute("position") == "before"});
    }
    day_word = lexicon.category_number("day_word");
    for (std::size_t rank = 0; rank < kCategories.size(); ++rank) {
      if (const std::uint32_t number = lexicon.category_number(kCategories[rank].category);
          number != Lexicon::kNoCategory) {
        rank_after[number] = static_cast<std::uint8_t>(rank + 1);
      }
    }
  }

  std::vector<std::string_view> range_joins;  // into the lexicon
  std::vector<YearWord> year_words;
  // Each category's rank in kCategories plus one (0: not a piece), by category number.
  std::vector<std::uint8_t> rank_after;
  // A day of the month in words ("ninth of", «التاسع من», «второго»).
  std::uint32_t day_word = Lexicon::kNoCategory;
};

bool is_space(char c) {
  return c == ' ' || c == '\n';
}

bool letter_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) {
    return false;
  }
  auto index = static_cast<std::int32_t>(at);
  UChar32 code_point = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), index,
          static_cast<std::int32_t>(text.size()), code_point);
  constexpr std::uint32_t kLetterCategories = U_GC_L_MASK | U_GC_M_MASK;
  return code_point >= 0 && (U_GET_GC_MASK(code_point) & kLetterCategories) != 0;
}

bool letter_before(std::string_view text, std::size_t at) {
  if (at == 0) {
    return false;
  }
  std::size_t start = at - 1;
  while (start > 0 && at - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    --start;
  }
  return letter_at(text, start);
}

// Spaces only, or also commas when `commas` ("Tuesday, 16 November", "اليوم، الأحد").
bool is_gap(std::string_view gap, bool commas) {
  while (!gap.empty()) {
    if (is_space(gap.front()) || (commas && gap.front() == ',')) {
      gap.remove_prefix(1);
    } else if (commas && gap.starts_with(kArabicComma)) {
      gap.remove_prefix(kArabicComma.size());
    } else {
      return false;
    }
  }
  return true;
}

std::string two_digits(unsigned value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

std::string format_date(year_month_day date) {
  return format_civil_time(CivilTime{date, {}});
}

// "2020-11-09", "2020-11", "2020", or "2021-11-20..2021-11-21".
std::string describe(const TimeInterval& interval) {
  year_month_day start = interval.start.date;
  switch (interval.precision) {
    case TimePrecision::kMonth:
      return std::to_string(static_cast<int>(start.year())) + "-" +
             two_digits(static_cast<unsigned>(start.month()));
    case TimePrecision::kYear: return std::to_string(static_cast<int>(start.year()));
    case TimePrecision::kSpan:
    case TimePrecision::kWeek: return format_date(start) + ".." + format_date(interval.end.date);
    default: return format_date(start);
  }
}

TimeInterval day_interval(year_month_day date) {
  return TimeInterval{CivilTime{date, {}}, CivilTime{date, {}}, TimePrecision::kDay, {}};
}

TimeInterval span_interval(year_month_day first, year_month_day last) {
  return TimeInterval{CivilTime{first, {}}, CivilTime{last, {}}, TimePrecision::kSpan, {}};
}

TimeInterval month_interval(year y, month m) {
  year_month_day first{y, m, day{1}};
  year_month_day last{year_month_day_last{y, std::chrono::month_day_last{m}}};
  return TimeInterval{CivilTime{first, {}}, CivilTime{last, {}}, TimePrecision::kMonth, {}};
}

TimeInterval year_interval(year y) {
  return TimeInterval{CivilTime{year_month_day{y, month{1}, day{1}}, {}},
                      CivilTime{year_month_day{y, month{12}, day{31}}, {}},
                      TimePrecision::kYear,
                      {}};
}

std::optional<int> small_integer(std::string_view text) {
  if (text.empty() || text.size() > 3) {
    return std::nullopt;
  }
  int value = 0;
  bool negative = text.front() == '-';
  if (negative) {
    text.remove_prefix(1);
  }
  if (text.empty()) {
    return std::nullopt;
  }
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

class DateReader {
 public:
  DateReader(std::string_view text, const std::vector<Match>& matches, const Lexicon& lexicon,
             std::optional<CivilTime> anchor, std::vector<DigitRun> runs)
      : text_(text),
        runs_(std::move(runs)),
        run_used_(runs_.size(), false),
        words_(gathered_from<DateWords>(lexicon)),
        year_words_(words_.year_words),
        range_joins_(words_.range_joins) {
    if (anchor) {
      anchor_ = anchor->date;
    }
    collect_pieces(matches, lexicon);
    add_day_words(matches, lexicon);
  }

  std::vector<DateMention> read() {
    read_numeric_dates();
    read_month_dates();
    read_weekdays();
    read_relative_days();
    read_nights();
    read_weekends();
    read_weeks();
    read_periods();
    read_years();
    read_days_after();
    std::vector<std::size_t> order(found_.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      order[i] = i;
    }
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return found_[a].begin < found_[b].begin; });
    std::vector<DateMention> sorted;
    std::vector<bool> inferred;
    for (std::size_t i : order) {
      sorted.push_back(std::move(found_[i]));
      inferred.push_back(year_inferred_[i]);
    }
    borrow_years(sorted, inferred);
    return sorted;
  }

 private:
  // --- pieces --------------------------------------------------------------------------------

  void collect_pieces(const std::vector<Match>& matches, const Lexicon& lexicon) {
    const std::vector<std::uint8_t>& rank_after = words_.rank_after;
    std::vector<Piece> candidates;
    for (const Match& match : matches) {
      if (const std::size_t after = rank_after[lexicon.category_number(match.entry)]; after > 0) {
        const std::size_t rank = after - 1;
        candidates.push_back(Piece{kCategories[rank].kind, rank, match.begin, match.word_begin,
                                   match.word_end, &lexicon.entry(match.entry)});
      }
    }
    // Longest words first, then by precedence; a piece never overlaps a chosen one.
    std::sort(candidates.begin(), candidates.end(), [](const Piece& a, const Piece& b) {
      if (a.word_begin != b.word_begin) {
        return a.word_begin < b.word_begin;
      }
      if (a.end - a.word_begin != b.end - b.word_begin) {
        return a.end - a.word_begin > b.end - b.word_begin;
      }
      return a.rank < b.rank;
    });
    std::uint32_t taken_until = 0;
    for (const Piece& piece : candidates) {
      if (piece.word_begin >= taken_until) {
        pieces_.push_back(piece);
        taken_until = piece.end;
      }
    }
    piece_used_.assign(pieces_.size(), false);
  }

  // "the ninth of August", «التاسع من أغسطس», «второго августа»: a day in words
  // is read as its digits would be, so only right before a month does it date.
  void add_day_words(const std::vector<Match>& matches, const Lexicon& lexicon) {
    if (words_.day_word == Lexicon::kNoCategory) {
      return;
    }
    std::vector<DigitRun> day_runs;
    for (const Match& match : matches) {
      if (lexicon.category_number(match.entry) != words_.day_word) {
        continue;
      }
      const std::optional<int> day = small_integer(lexicon.entry(match.entry).value);
      if (!day || *day < 1 || *day > kLongestMonthDays) {
        continue;
      }
      DigitRun run;
      run.begin = match.word_begin;
      run.end = match.end;
      run.value = *day;
      run.digits = 2;
      day_runs.push_back(run);
    }
    // «الحادي والعشرين من»: the longest words, not the "twentieth" inside them.
    std::sort(day_runs.begin(), day_runs.end(), [](const DigitRun& a, const DigitRun& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::uint32_t taken_until = 0;
    bool added = false;
    for (const DigitRun& day : day_runs) {
      if (day.begin >= taken_until) {
        runs_.push_back(day);
        taken_until = day.end;
        added = true;
      }
    }
    if (added) {
      std::stable_sort(runs_.begin(), runs_.end(),
                       [](const DigitRun& a, const DigitRun& b) { return a.begin < b.begin; });
      run_used_.assign(runs_.size(), false);
    }
  }

  // The unused piece ending right before `at`, gap allowing. The pieces do
  // not overlap (collect_pieces), so they begin and end in order: the last
  // one that ends by `at` is found by bisection, not by a walk over a long
  // text's pieces for each date.
  std::optional<std::size_t> piece_before(std::uint32_t at, bool commas) const {
    const auto after = std::upper_bound(
        pieces_.begin(), pieces_.end(), at,
        [](std::uint32_t offset, const Piece& piece) { return offset < piece.end; });
    if (after == pieces_.begin()) {
      return std::nullopt;
    }
    const auto i = static_cast<std::size_t>(after - pieces_.begin()) - 1;
    const Piece& piece = pieces_[i];
    if (!piece_used_[i] && is_gap(text_.substr(piece.end, at - piece.end), commas)) {
      return i;
    }
    return std::nullopt;
  }

  std::optional<std::size_t> piece_after(std::uint32_t at, bool commas) const {
    const auto found = std::lower_bound(
        pieces_.begin(), pieces_.end(), at,
        [](const Piece& piece, std::uint32_t offset) { return piece.word_begin < offset; });
    if (found == pieces_.end()) {
      return std::nullopt;
    }
    const auto i = static_cast<std::size_t>(found - pieces_.begin());
    if (!piece_used_[i] && is_gap(text_.substr(at, found->word_begin - at), commas)) {
      return i;
    }
    return std::nullopt;
  }

  std::optional<std::size_t> piece_of_kind_before(std::uint32_t at, PieceKind kind,
                                                  bool commas) const {
    std::optional<std::size_t> found = piece_before(at, commas);
    return found && pieces_[*found].kind == kind ? found : std::nullopt;
  }

  std::optional<std::size_t> piece_of_kind_after(std::uint32_t at, PieceKind kind,
                                                 bool commas) const {
    std::optional<std::size_t> found = piece_after(at, commas);
    return found && pieces_[*found].kind == kind ? found : std::nullopt;
  }

  // Takes in the filler words right before `begin` ("يوم", "в", "on").
  std::uint32_t with_fillers(std::uint32_t begin, std::vector<std::size_t>& used) const {
    while (true) {
      std::optional<std::size_t> filler = piece_of_kind_before(begin, PieceKind::kFiller, false);
      if (!filler || std::find(used.begin(), used.end(), *filler) != used.end()) {
        return begin;
      }
      used.push_back(*filler);
      begin = pieces_[*filler].begin;
    }
  }

  // --- digit runs ----------------------------------------------------------------------------

  std::optional<std::size_t> run_before(std::uint32_t at) const {
    for (std::size_t i = runs_.size(); i-- > 0;) {
      if (runs_[i].end <= at) {
        if (!run_used_[i] && is_gap(text_.substr(runs_[i].end, at - runs_[i].end), false)) {
          return i;
        }
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::optional<std::size_t> run_at(std::uint32_t at) const {
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      if (runs_[i].begin == at && !run_used_[i]) {
        return i;
      }
    }
    return std::nullopt;
  }

  bool is_day(std::size_t run) const {
    const DigitRun& r = runs_[run];
    return !r.grouped && r.digits <= 2 && r.value >= 1 && r.value <= 31 && !r.glued_before;
  }

  bool is_year(std::size_t run) const {
    const DigitRun& r = runs_[run];
    return !r.grouped && r.digits == 4 && r.value >= kFirstYear && r.value <= kLastYear &&
           !r.glued_before;
  }

  // A year word right after `at` ("года", "ء", "م", "AD"): where it ends, and its value.
  std::optional<std::pair<std::uint32_t, std::string_view>> year_word_after(std::size_t at) const {
    std::size_t from = at;
    while (from < text_.size() && text_[from] == ' ') {
      ++from;
    }
    std::optional<std::pair<std::uint32_t, std::string_view>> best;
    for (const YearWord& word : year_words_) {
      if (!word.before && text_.substr(from).starts_with(word.phrase) &&
          !letter_at(text_, from + word.phrase.size()) &&
          (!best || from + word.phrase.size() > best->first)) {
        best = std::pair(static_cast<std::uint32_t>(from + word.phrase.size()), word.value);
      }
    }
    return best;
  }

  // A year word right before `at` ("عام 2020", "year 2020"): where it begins.
  std::optional<std::uint32_t> year_word_before(std::size_t at) const {
    std::size_t to = at;
    while (to > 0 && text_[to - 1] == ' ') {
      --to;
    }
    if (to == at) {
      return std::nullopt;
    }
    std::optional<std::uint32_t> best;
    for (const YearWord& word : year_words_) {
      std::size_t size = word.phrase.size();
      if (word.before && to >= size && text_.substr(to - size, size) == word.phrase &&
          !letter_before(text_, to - size) && (!best || to - size < *best)) {
        best = static_cast<std::uint32_t>(to - size);
      }
    }
    return best;
  }

  // A year after `at`: optional commas and a year word ("نوفمبر عام 2020"),
  // four digits, an optional era or year word after. The run and the end.
  std::optional<std::pair<std::size_t, std::uint32_t>> year_after(std::uint32_t at) const {
    std::size_t from = at;
    while (from < text_.size() && (is_space(text_[from]) || text_[from] == ',')) {
      ++from;
    }
    for (const YearWord& word : year_words_) {
      if (word.before && text_.substr(from).starts_with(word.phrase) &&
          from + word.phrase.size() < text_.size() && text_[from + word.phrase.size()] == ' ') {
        from += word.phrase.size() + 1;
        break;
      }
    }
    std::optional<std::size_t> run = run_at(static_cast<std::uint32_t>(from));
    if (!run || !is_year(*run)) {
      return std::nullopt;
    }
    std::uint32_t end = runs_[*run].end;
    if (auto marker = year_word_after(end)) {
      if (marker->second == "ah") {
        return std::nullopt;  // a Hijri year: not this calendar
      }
      end = marker->first;
    }
    return std::pair(*run, end);
  }

  // --- results -------------------------------------------------------------------------------

  void add(DateMention mention, const std::vector<std::size_t>& pieces,
           const std::vector<std::size_t>& runs, bool year_inferred = false) {
    year_inferred_.push_back(year_inferred);
    for (std::size_t piece : pieces) {
      piece_used_[piece] = true;
    }
    for (std::size_t run : runs) {
      run_used_[run] = true;
    }
    found_.push_back(std::move(mention));
  }

  std::string anchor_text() const { return format_date(*anchor_); }

  // The year of a day and month written without one.
  std::optional<year_month_day> infer_year(month m, day d, std::string& wording) const {
    year_month_day date{anchor_->year(), m, d};
    if (date.ok() && sys_days(date) <= sys_days(*anchor_) + days(kFutureToleranceDays)) {
      wording = "no year given; the year of the publication date " + anchor_text();
      return date;
    }
    date = year_month_day{anchor_->year() - std::chrono::years(1), m, d};
    if (!date.ok()) {
      return std::nullopt;
    }
    wording = "no year given; " + std::to_string(static_cast<int>(date.year())) +
              ", as the publication year would put the date after the publication date " +
              anchor_text();
    return date;
  }

  // --- numeric dates: 2021-11-21, 21.11.2021, 21/11/2021 ------------------------------------

  void read_numeric_dates() {
    for (std::size_t i = 0; i + 2 < runs_.size(); ++i) {
      const DigitRun& a = runs_[i];
      const DigitRun& b = runs_[i + 1];
      const DigitRun& c = runs_[i + 2];
      if (a.grouped || b.grouped || c.grouped || a.end + 1 != b.begin || b.end + 1 != c.begin) {
        continue;
      }
      char first = text_[a.end];
      char second = text_[b.end];
      std::optional<year_month_day> date;
      if (first == '-' && second == '-' && a.digits == 4 && b.digits <= 2 && c.digits <= 2) {
        date =
            year_month_day{year{static_cast<int>(a.value)}, month{static_cast<unsigned>(b.value)},
                           day{static_cast<unsigned>(c.value)}};
      } else if (first == second && (first == '.' || first == '/') && a.digits <= 2 &&
                 b.digits <= 2 && c.digits == 4) {
        date =
            year_month_day{year{static_cast<int>(c.value)}, month{static_cast<unsigned>(b.value)},
                           day{static_cast<unsigned>(a.value)}};
      }
      if (!date || !date->ok() ||
          (c.end < text_.size() && text_[c.end] >= '0' && text_[c.end] <= '9')) {
        continue;
      }
      DateMention mention;
      mention.begin = a.begin;
      mention.end = c.end;
      if (auto marker = year_word_after(c.end); marker && marker->second != "ah") {
        mention.end = marker->first;
      }
      mention.time = day_interval(*date);
      add(std::move(mention), {}, {i, i + 1, i + 2});
      i += 2;
    }
  }

  // --- dates with a month name ---------------------------------------------------------------

  // A month name and the names it is combined with: "تشرين الثاني/نوفمبر",
  // "نوفمبر (تشرين الثاني)".
  struct MonthGroup {
    std::vector<std::size_t> months;  // piece indices
    std::uint32_t begin = 0;
    std::uint32_t word_begin = 0;
    std::uint32_t end = 0;
  };

  MonthGroup month_group(std::size_t first) const {
    MonthGroup group;
    group.months.push_back(first);
    group.begin = pieces_[first].begin;
    group.word_begin = pieces_[first].word_begin;
    group.end = pieces_[first].end;
    std::size_t last = first;
    while (last + 1 < pieces_.size() && pieces_[last + 1].kind == PieceKind::kMonth) {
      const Piece& next = pieces_[last + 1];
      std::string_view gap = text_.substr(group.end, next.word_begin - group.end);
      std::size_t slash = gap.find_first_not_of(' ');
      bool joined = slash != std::string_view::npos && (gap[slash] == '/' || gap[slash] == '(') &&
                    is_gap(gap.substr(slash + 1), false) && is_gap(gap.substr(0, slash), false);
      if (!joined) {
        break;
      }
      bool bracket = gap[slash] == '(';
      group.months.push_back(last + 1);
      group.end = next.end;
      if (bracket) {
        std::size_t close = group.end;
        while (close < text_.size() && text_[close] == ' ') {
          ++close;
        }
        if (close < text_.size() && text_[close] == ')') {
          group.end = static_cast<std::uint32_t>(close + 1);
        }
      }
      ++last;
    }
    return group;
  }

  void read_month_dates() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (pieces_[i].kind != PieceKind::kMonth || piece_used_[i]) {
        continue;
      }
      read_month_date(month_group(i));
    }
  }

  void read_month_date(const MonthGroup& group) {
    std::vector<std::size_t> used_pieces = group.months;
    std::vector<std::size_t> used_runs;
    std::uint32_t begin = group.begin;
    std::uint32_t end = group.end;

    // The day: before the month ("21 November", "12-15 ноября") or after it ("November 21").
    std::optional<std::size_t> day_run = run_before(group.word_begin);
    std::optional<std::size_t> first_day_run;
    if (day_run && !is_day(*day_run)) {
      day_run.reset();
    }
    if (day_run) {
      begin = runs_[*day_run].begin;
      std::size_t index = *day_run;
      if (index > 0 && !run_used_[index - 1] && is_day(index - 1) &&
          runs_[index - 1].value < runs_[index].value &&
          joins_range(runs_[index - 1].end, runs_[index].begin)) {
        first_day_run = index - 1;
        begin = runs_[index - 1].begin;
      }
    } else if (auto after = run_at(first_non_space(end));
               after && is_day(*after) && !followed_by_digit_or_colon(*after)) {
      day_run = after;
      end = runs_[*after].end;
    }
    std::optional<std::pair<std::size_t, std::uint32_t>> year_run = year_after(end);
    if (!day_run && !year_run) {
      return;  // a month name alone dates nothing ("may", "مارس")
    }
    if (day_run) {
      used_runs.push_back(*day_run);
    }
    if (first_day_run) {
      used_runs.push_back(*first_day_run);
    }
    if (year_run) {
      used_runs.push_back(year_run->first);
      end = year_run->second;
    }

    // What stands before: a weekday ("Tuesday, 16 November"), "the night to".
    std::optional<std::size_t> weekday = piece_of_kind_before(begin, PieceKind::kWeekday, true);
    if (weekday) {
      used_pieces.push_back(*weekday);
      begin = pieces_[*weekday].begin;
    }
    std::optional<std::size_t> night = piece_of_kind_before(begin, PieceKind::kNight, false);
    if (night && pieces_[*night].entry->value == "before") {
      used_pieces.push_back(*night);
      begin = pieces_[*night].begin;
    } else {
      night.reset();
    }
    begin = with_fillers(begin, used_pieces);

    DateMention mention;
    mention.begin = begin;
    mention.end = end;
    std::vector<TimeInterval> readings;
    std::vector<std::string> names;
    for (std::size_t piece : group.months) {
      std::optional<int> number = small_integer(pieces_[piece].entry->value);
      if (!number || *number < 1 || *number > 12) {
        continue;
      }
      month m{static_cast<unsigned>(*number)};
      std::optional<TimeInterval> reading;
      if (!day_run) {
        reading = month_interval(year{static_cast<int>(runs_[year_run->first].value)}, m);
      } else {
        day last_day{static_cast<unsigned>(runs_[*day_run].value)};
        day first_day{
            static_cast<unsigned>(runs_[first_day_run ? *first_day_run : *day_run].value)};
        std::optional<year_month_day> last_date;
        if (year_run) {
          year_month_day date{year{static_cast<int>(runs_[year_run->first].value)}, m, last_day};
          if (date.ok()) {
            last_date = date;
          }
        } else if (anchor_) {
          last_date = infer_year(m, last_day, mention.wording);
        } else {
          mention.resolved = false;
          mention.wording = "no year given and no publication date to take it from";
        }
        if (last_date) {
          year_month_day first_date{last_date->year(), m, first_day};
          reading = first_day_run ? span_interval(first_date, *last_date)
                    : night       ? span_interval(add_days(*last_date, -1), *last_date)
                                  : day_interval(*last_date);
        }
      }
      if (reading && std::find(readings.begin(), readings.end(), *reading) == readings.end()) {
        readings.push_back(*reading);
        names.emplace_back(
            text_.substr(pieces_[piece].begin, pieces_[piece].end - pieces_[piece].begin));
      }
    }
    if (readings.empty() && mention.resolved) {
      return;  // no valid date ("31 أيلول")
    }
    if (!readings.empty()) {
      mention.time = readings.front();
    }
    if (readings.size() > 1) {
      mention.conflict = "the month names disagree:";
      for (std::size_t r = 0; r < readings.size(); ++r) {
        mention.conflict +=
            (r == 0 ? " \"" : ", \"") + names[r] + "\" reads " + describe(readings[r]);
      }
      mention.choice = "the first month name written, until the context settles it";
      mention.alternatives = std::move(readings);
    }
    if (night) {
      mention.wording = "the night before " + format_date(mention.time.end.date);
    }
    if (weekday && mention.resolved) {
      check_weekday(mention, *weekday);
    }
    bool inferred = day_run && !year_run && mention.resolved;
    add(std::move(mention), used_pieces, used_runs, inferred);
  }

  // A dash or a range word between two figures: "12-15", "1 по 5", "1 to 5", "1 إلى 5".
  bool joins_range(std::uint32_t from, std::uint32_t to) const {
    std::string_view between = text_.substr(from, to - from);
    while (!between.empty() && is_space(between.front())) {
      between.remove_prefix(1);
    }
    while (!between.empty() && is_space(between.back())) {
      between.remove_suffix(1);
    }
    return between == "-" || between == "\u2013" || between == "\u2014" ||
           std::find(range_joins_.begin(), range_joins_.end(), between) != range_joins_.end();
  }

  std::uint32_t first_non_space(std::uint32_t at) const {
    while (at < text_.size() && text_[at] == ' ') {
      ++at;
    }
    return at;
  }

  // "November 5:30", "5.11": a clock time or another number, not a day; a
  // full stop ending the sentence ("on May 5.") is none of them.
  bool followed_by_digit_or_colon(std::size_t run) const {
    std::uint32_t end = runs_[run].end;
    const auto digit = [&](std::uint32_t at) {
      return at < text_.size() && text_[at] >= '0' && text_[at] <= '9';
    };
    return end < text_.size() &&
           (text_[end] == ':' || digit(end) || (text_[end] == '.' && digit(end + 1)));
  }

  // A stated day next to a weekday that does not fall on it.
  void check_weekday(DateMention& mention, std::size_t weekday_piece) const {
    std::optional<int> named = small_integer(pieces_[weekday_piece].entry->value);
    if (!named || mention.time.precision != TimePrecision::kDay) {
      return;
    }
    unsigned stated = weekday_of(mention.time.start.date);
    if (stated == static_cast<unsigned>(*named)) {
      return;
    }
    std::string conflict = describe(mention.time) + " is a " + std::string(weekday_name(stated)) +
                           ", but the text names " +
                           std::string(weekday_name(static_cast<unsigned>(*named)));
    if (mention.alternatives.empty()) {
      mention.alternatives.push_back(mention.time);
      if (anchor_) {
        TimeInterval by_weekday =
            day_interval(previous_weekday(*anchor_, static_cast<unsigned>(*named), false));
        if (!(by_weekday == mention.time)) {
          mention.alternatives.push_back(by_weekday);
          conflict += "; by the weekday it would be " + describe(by_weekday);
        }
      }
      mention.choice = "the stated date";
      mention.conflict = conflict;
    } else {
      mention.conflict += "; " + conflict;
    }
  }

  // --- weekdays ------------------------------------------------------------------------------

  void read_weekdays() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (pieces_[i].kind == PieceKind::kWeekday && !piece_used_[i]) {
        read_weekday(i);
      }
    }
  }

  void read_weekday(std::size_t index) {
    const Piece& piece = pieces_[index];
    std::optional<int> named = small_integer(piece.entry->value);
    if (!named || *named < 0 || *named > 6) {
      return;
    }
    auto weekday = static_cast<unsigned>(*named);
    std::vector<std::size_t> used{index};
    std::uint32_t begin = piece.begin;
    std::uint32_t end = piece.end;

    std::optional<std::size_t> modifier = piece_of_kind_after(end, PieceKind::kModifier, false);
    if (modifier) {
      end = pieces_[*modifier].end;
    } else if ((modifier = piece_of_kind_before(piece.word_begin, PieceKind::kModifier, false))) {
      begin = pieces_[*modifier].begin;
    }
    if (modifier) {
      used.push_back(*modifier);
    }
    std::uint32_t before_fillers = begin;
    begin = with_fillers(begin, used);
    bool has_filler = begin != before_fillers;

    // "اليوم الأحد", "today, Sunday", "сегодня, в воскресенье", "أمس الثلاثاء".
    std::optional<std::size_t> relative =
        piece_of_kind_before(begin, PieceKind::kRelativeDay, true);
    if (relative) {
      begin = pieces_[*relative].begin;
    } else if ((relative = piece_of_kind_after(end, PieceKind::kRelativeDay, true))) {
      end = pieces_[*relative].end;
    }
    std::optional<std::size_t> night = piece_of_kind_before(begin, PieceKind::kNight, false);
    if (night && pieces_[*night].entry->value == "before") {
      begin = pieces_[*night].begin;
      used.push_back(*night);
    } else {
      night.reset();
    }
    bool needs_context = piece.entry->attribute("needs_context") == "1";
    if (needs_context && !modifier && !relative && !night && !has_filler) {
      return;  // "среда" alone is more often "environment" than Wednesday
    }

    DateMention mention;
    mention.begin = begin;
    mention.end = end;
    if (relative) {
      used.push_back(*relative);
      read_relative_day(*relative, mention);
      if (mention.resolved) {
        check_relative_weekday(mention, weekday);
      }
      add(std::move(mention), used, {});
      return;
    }
    mention.basis = DateBasis::kRelative;
    if (!anchor_) {
      mention.resolved = false;
      mention.wording = std::string(modifier ? "last " : "") + std::string(weekday_name(weekday)) +
                        ", with no publication date to count from";
      add(std::move(mention), used, {});
      return;
    }
    year_month_day date = previous_weekday(*anchor_, weekday, modifier.has_value());
    if (night) {
      mention.time = span_interval(add_days(date, -1), date);
      mention.wording = "the night before " + std::string(weekday_name(weekday)) + " " +
                        format_date(date) + ", the " + std::string(weekday_name(weekday)) +
                        (modifier ? " before " : " on or before ") + anchor_text();
    } else {
      mention.time = day_interval(date);
      mention.wording = "the " + std::string(weekday_name(weekday)) +
                        (modifier ? " before " : " on or before ") + "the publication date " +
                        anchor_text();
    }
    add(std::move(mention), used, {});
  }

  // "اليوم الاثنين" published on a Sunday: two readings, the announcement's first.
  void check_relative_weekday(DateMention& mention, unsigned weekday) const {
    unsigned actual = weekday_of(mention.time.start.date);
    if (actual == weekday) {
      return;
    }
    TimeInterval by_weekday = day_interval(previous_weekday(*anchor_, weekday, false));
    mention.alternatives = {mention.time, by_weekday};
    mention.conflict = describe(mention.time) + " (" + mention.wording + ") is a " +
                       std::string(weekday_name(actual)) + ", but the text names " +
                       std::string(weekday_name(weekday)) + "; by the weekday it would be " +
                       describe(by_weekday);
    mention.choice = "the day counted from the publication date; the weekday may be a slip";
  }

  // --- days counted from publication ---------------------------------------------------------

  void read_relative_day(std::size_t index, DateMention& mention) const {
    const LexiconEntry& entry = *pieces_[index].entry;
    std::optional<int> offset = small_integer(entry.value);
    mention.basis = entry.attribute("basis") == "announcement" ? DateBasis::kAnnouncement
                                                               : DateBasis::kRelative;
    mention.day_offset = offset;
    mention.report_period = entry.has_attribute("report_period");
    if (!anchor_ || !offset) {
      mention.resolved = false;
      mention.wording = "counted from the publication date, which is not known";
      return;
    }
    year_month_day date = add_days(*anchor_, *offset);
    mention.time = day_interval(date);
    if (*offset == 0) {
      mention.wording = "the publication date " + anchor_text();
    } else {
      mention.wording = std::to_string(-*offset) + (*offset == -1 ? " day" : " days") +
                        " before the publication date " + anchor_text();
    }
  }

  void read_relative_days() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (pieces_[i].kind != PieceKind::kRelativeDay || piece_used_[i]) {
        continue;
      }
      std::vector<std::size_t> used{i};
      DateMention mention;
      mention.begin = with_fillers(pieces_[i].begin, used);
      mention.end = pieces_[i].end;
      read_relative_day(i, mention);
      add(std::move(mention), used, {});
    }
  }

  // One piece's mention counted from the publication date: `reading` gives the
  // interval from the anchor; `what` names it for people ("the night before");
  // `period` marks the span a tally runs over ("this year").
  template <typename Reading>
  void add_counted_from_anchor(std::size_t piece, std::string_view what, Reading reading,
                               bool period = false) {
    std::vector<std::size_t> used{piece};
    DateMention mention;
    mention.begin = with_fillers(pieces_[piece].begin, used);
    mention.end = pieces_[piece].end;
    mention.basis = DateBasis::kRelative;
    mention.period = period;
    if (anchor_) {
      mention.time = reading(*anchor_);
      mention.wording = std::string(what) + " the publication date " + anchor_text();
    } else {
      mention.resolved = false;
      mention.wording = std::string(what) + " the publication date, which is not known";
    }
    add(std::move(mention), used, {});
  }

  void read_nights() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (piece_used_[i] ||
          (pieces_[i].kind != PieceKind::kNight && pieces_[i].kind != PieceKind::kNotADate)) {
        continue;
      }
      if (pieces_[i].kind == PieceKind::kNotADate || pieces_[i].entry->value != "last") {
        piece_used_[i] = true;  // recognised, dates nothing by itself
        continue;
      }
      add_counted_from_anchor(i, "the night before", [](year_month_day anchor) {
        return span_interval(add_days(anchor, -1), anchor);
      });
    }
  }

  // "On weekend", published on a Tuesday: the two days from the last first
  // day of the weekend (the lexicon value: 6 = Saturday) on or before it.
  void read_weekends() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (piece_used_[i] || pieces_[i].kind != PieceKind::kWeekend) {
        continue;
      }
      const std::optional<int> first_day = small_integer(pieces_[i].entry->value);
      if (!first_day || *first_day < 0 || *first_day > 6) {
        piece_used_[i] = true;
        continue;
      }
      const auto first = static_cast<unsigned>(*first_day);
      add_counted_from_anchor(i, "the weekend on or before", [first](year_month_day anchor) {
        const year_month_day start = previous_weekday(anchor, first, false);
        const year_month_day end = add_days(start, 1);
        return span_interval(start, sys_days(end) > sys_days(anchor) ? anchor : end);
      });
    }
  }

  // "this week", "last week", «на прошлой неделе», «الأسبوع الماضي»: the week
  // of the publication date up to it (value 0), or the whole week before it
  // (value -1). Where a week starts is the entry's `first_day` (0 =
  // Sunday ... 6 = Saturday): languages count their weeks from different days.
  void read_weeks() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (piece_used_[i] || pieces_[i].kind != PieceKind::kWeek) {
        continue;
      }
      const std::optional<int> weeks = small_integer(pieces_[i].entry->value);
      const std::optional<int> first_day = small_integer(pieces_[i].entry->attribute("first_day"));
      if (!weeks || *weeks > 0 || *weeks < -1 || !first_day || *first_day < 0 || *first_day > 6) {
        piece_used_[i] = true;
        continue;
      }
      const auto first = static_cast<unsigned>(*first_day);
      const int back = *weeks;
      add_counted_from_anchor(i, back == 0 ? "the week up to" : "the week before that of",
                              [first, back](year_month_day anchor) {
                                const year_month_day start =
                                    add_days(previous_weekday(anchor, first, false), 7 * back);
                                return back == 0 ? span_interval(start, anchor)
                                                 : span_interval(start, add_days(start, 6));
                              });
    }
  }

  // "this year", "هذا العام", "в этом месяце": the publication date's year or
  // month (the lexicon value), at that precision.
  void read_periods() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (piece_used_[i] || pieces_[i].kind != PieceKind::kPeriod) {
        continue;
      }
      const std::string_view unit = pieces_[i].entry->value;
      if (unit != "year" && unit != "month") {
        piece_used_[i] = true;
        continue;
      }
      const bool year = unit == "year";
      add_counted_from_anchor(
          i, year ? "the year of" : "the month of",
          [year](year_month_day anchor) {
            return year ? year_interval(anchor.year())
                        : month_interval(anchor.year(), anchor.month());
          },
          true);
    }
  }

  // "The next day", "وبعد يوم واحد": counted from the date the text gave last
  // before it (the lexicon value: days after it), not from the publication date;
  // no date when none stands before it.
  void read_days_after() {
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
      if (piece_used_[i] || pieces_[i].kind != PieceKind::kDayAfter) {
        continue;
      }
      piece_used_[i] = true;
      const std::optional<int> offset = small_integer(pieces_[i].entry->value);
      const DateMention* before = nullptr;
      for (const DateMention& date : found_) {
        if (date.end <= pieces_[i].begin &&
            (!date.resolved || date.time.precision == TimePrecision::kDay ||
             date.time.precision == TimePrecision::kSpan) &&
            !date.period && (before == nullptr || date.end > before->end)) {
          before = &date;
        }
      }
      if (!offset || before == nullptr) {
        continue;
      }
      std::vector<std::size_t> used{i};
      DateMention mention;
      mention.begin = with_fillers(pieces_[i].begin, used);
      mention.end = pieces_[i].end;
      mention.basis = DateBasis::kRelative;
      // "Saturday evening … Earlier the same day" on a page with no date: as
      // unknown as the day it counts from, but a day of the text all the same.
      if (!before->resolved) {
        mention.resolved = false;
        mention.wording = std::to_string(*offset) +
                          " day(s) from the date the text gives before it, itself unresolved";
        add(std::move(mention), used, {});
        continue;
      }
      const year_month_day from = *offset < 0 ? before->time.start.date : before->time.end.date;
      mention.time = day_interval(add_days(from, *offset));
      mention.wording = std::to_string(*offset) + " day(s) from " + format_date(from) +
                        ", the date the text gives before it";
      add(std::move(mention), used, {});
    }
  }

  // --- a year alone, with a year word --------------------------------------------------------

  void read_years() {
    for (std::size_t i = 0; i < runs_.size(); ++i) {
      if (run_used_[i] || !is_year(i)) {
        continue;
      }
      std::optional<std::uint32_t> word_before = year_word_before(runs_[i].begin);
      auto word_after = year_word_after(runs_[i].end);
      if (word_after && word_after->second == "ah") {
        continue;  // a Hijri year
      }
      if (!word_before && !word_after) {
        continue;  // four digits alone may be any number
      }
      // "мужчина 1966 года рождения": a year of birth dates no event.
      const std::uint32_t from = word_before.value_or(runs_[i].begin);
      const std::uint32_t to = word_after ? word_after->first : runs_[i].end;
      bool not_a_date = false;
      for (auto piece = std::upper_bound(
               pieces_.begin(), pieces_.end(), from,
               [](std::uint32_t offset, const Piece&other) { return offset < other.end; });
           piece != pieces_.end() && piece->begin < to; ++piece) {
        not_a_date = not_a_date || piece->kind == PieceKind::kNotADate;
      }
      if (not_a_date) {
        continue;
      }
      std::vector<std::size_t> used;
      DateMention mention;
      mention.begin = with_fillers(word_before.value_or(runs_[i].begin), used);
      mention.end = word_after ? word_after->first : runs_[i].end;
      mention.time = year_interval(year{static_cast<int>(runs_[i].value)});
      add(std::move(mention), used, {i});
    }
  }

  // "من 27 سبتمبر إلى 10 نوفمبر 2020", "from 27 September to 10 November 2020":
  // the first date of a range takes its year from the second.
  void borrow_years(std::vector<DateMention>& mentions, const std::vector<bool>& inferred) const {
    for (std::size_t i = 0; i + 1 < mentions.size(); ++i) {
      DateMention& first = mentions[i];
      const DateMention& second = mentions[i + 1];
      if (!inferred[i] || inferred[i + 1] || !second.resolved ||
          second.basis != DateBasis::kStated || second.time.precision != TimePrecision::kDay ||
          second.begin < first.end) {
        continue;
      }
      bool joined = joins_range(first.end, second.begin);
      if (!joined) {
        continue;
      }
      year closing = second.time.start.date.year();
      auto moved = [&](year_month_day date, year y) {
        return year_month_day{y, date.month(), date.day()};
      };
      year y = closing;
      if (!moved(first.time.start.date, y).ok() ||
          moved(first.time.end.date, y) > second.time.start.date) {
        y = closing - std::chrono::years(1);
      }
      if (!moved(first.time.start.date, y).ok() || !moved(first.time.end.date, y).ok()) {
        continue;
      }
      first.time.start.date = moved(first.time.start.date, y);
      first.time.end.date = moved(first.time.end.date, y);
      for (TimeInterval& reading : first.alternatives) {
        reading.start.date = moved(reading.start.date, y);
        reading.end.date = moved(reading.end.date, y);
      }
      first.wording = "no year given; " + std::to_string(static_cast<int>(y)) +
                      " from the date that closes the range, " + describe(second.time);
    }
  }

  std::string_view text_;
  std::vector<DigitRun> runs_;
  std::vector<bool> run_used_;
  std::vector<Piece> pieces_;
  std::vector<bool> piece_used_;
  const DateWords& words_;
  const std::vector<YearWord>& year_words_;
  std::optional<year_month_day> anchor_;
  std::vector<DateMention> found_;
  std::vector<bool> year_inferred_;  // per found_ entry: a day and month whose year was guessed
  const std::vector<std::string_view>& range_joins_;
};

}  // namespace

std::vector<DateMention> find_dates(std::string_view normalized, const std::vector<Match>& matches,
                                    const Lexicon& lexicon, std::optional<CivilTime> anchor) {
  return DateReader(normalized, matches, lexicon, anchor, find_digit_runs(normalized, lexicon))
      .read();
}

std::vector<DateMention> find_dates(std::string_view normalized, const std::vector<Match>& matches,
                                    const Lexicon& lexicon, std::optional<CivilTime> anchor,
                                    const std::vector<DigitRun>& digit_runs) {
  return DateReader(normalized, matches, lexicon, anchor, digit_runs).read();
}

void choose_reading(DateMention& mention, std::size_t index, std::string reason) {
  if (index >= mention.alternatives.size()) {
    return;
  }
  mention.time = mention.alternatives[index];
  mention.choice = std::move(reason);
}

void choose_readings_stated_elsewhere(std::vector<DateMention>& mentions) {
  for (DateMention& mention : mentions) {
    if (mention.alternatives.size() < 2) {
      continue;
    }
    std::optional<std::size_t> chosen;
    std::size_t stated = 0;
    for (std::size_t k = 0; k < mention.alternatives.size(); ++k) {
      bool elsewhere = std::any_of(mentions.begin(), mentions.end(), [&](const DateMention& other) {
        return &other != &mention && other.alternatives.empty() && other.resolved &&
               other.basis == DateBasis::kStated && other.time == mention.alternatives[k];
      });
      if (elsewhere) {
        chosen = k;
        ++stated;
      }
    }
    if (stated == 1) {
      choose_reading(mention, *chosen,
                     describe(mention.alternatives[*chosen]) +
                         " is stated elsewhere in the text without inconsistency");
    }
  }
}

year_month_day add_days(year_month_day date, int count) {
  return year_month_day{sys_days(date) + days(count)};
}

unsigned weekday_of(year_month_day date) {
  return std::chrono::weekday(sys_days(date)).c_encoding();
}

year_month_day previous_weekday(year_month_day date, unsigned weekday, bool strictly) {
  unsigned back = (weekday_of(date) + 7 - weekday % 7) % 7;
  if (strictly && back == 0) {
    back = 7;
  }
  return add_days(date, -static_cast<int>(back));
}

std::string_view weekday_name(unsigned weekday) {
  constexpr std::array<std::string_view, 7> kNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};
  return kNames[weekday % 7];
}

}  // namespace truce::extract
