// Counts as a text states them: digits ("1,200", "12-15"), number words in
// their grammatical forms ("سبعة", "двадцати одного", "twenty-one"), vague
// quantities ("dozens" = at least 12) and qualifiers ("at least", "около").
// The words are lexicon data (data/lexicon/<language>/numbers.tsv); the rules
// that combine them are documented in docs/formats/numbers-and-dates.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/casualties.hpp"
#include "extract/lexicon.hpp"
#include "extract/matcher.hpp"

namespace truce::extract {

struct NumberMention {
  // Byte offsets in the normalised text: the whole mention, qualifier and
  // range words included ("at least 7", "от 5 до 7").
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  // The figure itself ("7" of "at least 7"; "5 до 7" of "от 5 до 7"), where a
  // counted noun would stand next to it.
  std::uint32_t figure_begin = 0;
  std::uint32_t figure_end = 0;
  CountRange count;
  bool approximate = false;  // "about", "nearly", "or so"
  bool vague = false;        // a vague quantity: "dozens", "عدة", "несколько"
  bool words = false;        // written in words rather than digits
  // "at_least", "more_than", "about", "nearly", "up_to", "less_than",
  // "range" (two figures and nothing else), or "" (a plain figure).
  std::string qualifier;
};

// Every count in `normalized` (text::normalize_for_matching's form), in text
// order, without overlaps. `matches` is the matcher's scan of the same text
// and `lexicon` the matcher's lexicon (their entry indices must agree).
// Digits that belong to a date or a time ("21 نوفمبر 2021", "2021-11-21",
// "10:30", "в 2020 году"), percentages, decimals and digits glued to letters
// ("F-16", "82mm") are not counts and are left out.
std::vector<NumberMention> find_numbers(std::string_view normalized,
                                        const std::vector<Match>& matches, const Lexicon& lexicon);

// A run of ASCII digits with its value, thousands separators read ("1,200",
// "1 200": a group of 1-3 digits, then groups of exactly 3). Shared with the
// date rules, which read days and years from the same runs.
struct DigitRun {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::int64_t value = 0;
  std::uint32_t digits = 0;   // digits written, separators excluded
  bool grouped = false;       // written with thousands separators
  bool glued_before = false;  // letters or "letter-" right before, other than a clitic prefix
  bool glued_after = false;   // a letter, or "-" and a letter, right after ("82mm", "1-й")
};

// Every maximal run of ASCII digits in text order. Runs longer than 18 digits
// are skipped. A clitic prefix is a chain of the lexicon's "prefix" phrases
// ("و15", "ب24"), which does not glue.
std::vector<DigitRun> find_digit_runs(std::string_view normalized, const Lexicon& lexicon);

// The same as find_numbers, with the dates of the text already found
// (find_dates, any anchor), whose digits are not counts, and its digit runs
// (find_digit_runs): saves reading the dates and the digits twice.
struct DateMention;
std::vector<NumberMention> find_numbers(std::string_view normalized,
                                        const std::vector<Match>& matches, const Lexicon& lexicon,
                                        const std::vector<DateMention>& dates,
                                        const std::vector<DigitRun>& digit_runs);

}  // namespace truce::extract
