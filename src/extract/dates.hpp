// Dates as a text states them: full dates in any month-name family
// ("21 نوفمبر 2021ء", "9 تشرين الثاني/نوفمبر 2020", "21 ноября 2021 года",
// "November 21, 2021", "2021-11-21", "21.11.2021"), months and years, and
// dates relative to the publication ("يوم الثلاثاء الماضي", "вчера", "today").
// The words are lexicon data (data/lexicon/<language>/dates.tsv); the rules
// are documented in docs/formats/numbers-and-dates.md.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "extract/lexicon.hpp"
#include "extract/matcher.hpp"

namespace truce::extract {

struct DateMention {
  // Byte offsets in the normalised text, from the first word that belongs to
  // the date ("يوم", "в", "on") to the last (a year word such as "года").
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  // The reading in use, with precision kDay, kMonth, kYear or kSpan (a night,
  // a range of days). Empty (default dates) when `resolved` is false.
  TimeInterval time;
  // kStated: the text gives the date ("9 November 2020"); kRelative: counted
  // from the publication date ("last Tuesday", "yesterday"); kAnnouncement:
  // the publication date itself as the day of an announcement ("today").
  DateBasis basis = DateBasis::kStated;
  // False when the date needs the publication date (a relative date, or a day
  // and month without a year) and none was given.
  bool resolved = true;
  // How the date was worked out, for people: "the Tuesday before 2021-11-21".
  // Empty for a date stated in full.
  std::string wording;
  // Every reading when the text is inconsistent ("9 تشرين الأول/نوفمبر 2020"
  // reads 2020-10-09 or 2020-11-09), in the order the text gives them; `time`
  // is one of them. Empty when the text is consistent.
  std::vector<TimeInterval> alternatives;
  // "this year", "هذا العام": the period a tally runs over, not an event's date.
  bool period = false;
  // A bulletin's "past day" («за прошедшие сутки», lexicon attribute
  // report_period): the time the speaker's report covers, so also that of the
  // acts it tells with no day of their own.
  bool report_period = false;
  // Days from the publication date for "today" (0), "yesterday" (-1) …, known
  // even when the publication date is not: two such days differ without it.
  std::optional<int> day_offset;
  std::string conflict;  // why there are alternatives, naming every reading
  std::string choice;    // why `time` is the reading in use, when there are alternatives
};

// Every date in `normalized` (text::normalize_for_matching's form), in text
// order, without overlaps. `matches` is the matcher's scan of the same text
// and `lexicon` the matcher's lexicon. `anchor` is the publication date (its
// time of day is ignored); without it, relative dates and dates without a
// year come back unresolved.
std::vector<DateMention> find_dates(std::string_view normalized, const std::vector<Match>& matches,
                                    const Lexicon& lexicon, std::optional<CivilTime> anchor);
// The same with the text's digit runs already found (find_digit_runs).
struct DigitRun;
std::vector<DateMention> find_dates(std::string_view normalized, const std::vector<Match>& matches,
                                    const Lexicon& lexicon, std::optional<CivilTime> anchor,
                                    const std::vector<DigitRun>& digit_runs);

// Makes reading `index` of `mention.alternatives` the one in use, giving the
// reason. Does nothing when the index is out of range.
void choose_reading(DateMention& mention, std::size_t index, std::string reason);

// For each mention with alternatives, chooses the reading that another,
// consistent mention of the same list states as a full date (the same
// agreement dated "9 تشرين الثاني/نوفمبر 2020" earlier in the article settles
// a later "9 تشرين الأول/نوفمبر 2020"). A mention is left as it is when no
// reading, or more than one, is stated elsewhere.
void choose_readings_stated_elsewhere(std::vector<DateMention>& mentions);

// Calendar arithmetic the rules use, exposed for the claim assembler.
std::chrono::year_month_day add_days(std::chrono::year_month_day date, int days);
// 0 = Sunday ... 6 = Saturday.
unsigned weekday_of(std::chrono::year_month_day date);
// The latest date on or before `date` (or strictly before, when `strictly`)
// that falls on `weekday` (0 = Sunday).
std::chrono::year_month_day previous_weekday(std::chrono::year_month_day date, unsigned weekday,
                                             bool strictly);
std::string_view weekday_name(unsigned weekday);  // "Sunday"

}  // namespace truce::extract
