#include "extract/detail/document_parts.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace truce::extract::detail {
namespace {

constexpr std::uint32_t kHeadlineMaxWords = 30;
constexpr std::uint32_t kSourceLineMaxBytes = 320;
constexpr std::uint32_t kTimeStampMaxBytes = 48;
constexpr std::size_t kHeaderMaxParagraphs = 3;

bool ends_with_stop(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  if (text.empty()) {
    return false;
  }
  const char last = text.back();
  return last == '.' || last == '!' || last == '?' || text.ends_with("\xD8\x9F");  // ؟
}

long days_between(const CivilTime& from, const CivilTime& to) {
  return (std::chrono::sys_days(to.date) - std::chrono::sys_days(from.date)).count();
}

std::string iso(const TimeInterval& time) {
  return format_civil_time(time.start);
}

// One line of at most kHeadlineMaxWords words.
bool one_short_line(const Analysis& analysis, Range paragraph) {
  const std::string_view text = std::string_view(analysis.normalized.text)
                                    .substr(paragraph.begin, paragraph.end - paragraph.begin);
  return text.find('\n') == std::string_view::npos &&
         analysis.words_between(paragraph.begin, paragraph.end) <= kHeadlineMaxWords;
}

}  // namespace

std::size_t find_mark_before(std::string_view head, std::string_view what, std::size_t from,
                             std::size_t limit) {
  const std::string_view scope = head.substr(0, limit + what.size() - 1);
  if (what.size() < 2 || what.front() != ' ') {
    return scope.find(what, from);
  }
  // A find stops at every occurrence of the first byte it looks for.
  const std::string_view after_space = what.substr(1);
  for (std::size_t at = scope.find(after_space, from + 1); at != std::string_view::npos;
       at = scope.find(after_space, at + 1)) {
    if (scope[at - 1] == ' ') {
      return at - 1;
    }
  }
  return std::string_view::npos;
}

// One line of at most kHeadlineMaxWords words without a full stop at its end
// (a headline may exclaim or ask: "أرمينيا تعلن مقتل 49 من جنودها!!").
bool headline_like(const Analysis& analysis, Range paragraph) {
  std::string_view text = std::string_view(analysis.normalized.text)
                              .substr(paragraph.begin, paragraph.end - paragraph.begin);
  while (!text.empty() && (text.back() == '!' || text.back() == '?' || text.back() == ' ' ||
                           text.back() == '\n' || text.ends_with("\xD8\x9F"))) {
    text.remove_suffix(text.ends_with("\xD8\x9F") ? 2 : 1);
  }
  return text.find('\n') == std::string_view::npos && !ends_with_stop(text) &&
         analysis.words_between(paragraph.begin, paragraph.end) <= kHeadlineMaxWords;
}

std::optional<Range> find_headline(const Analysis& analysis) {
  if (analysis.paragraphs.size() < 2) {
    return std::nullopt;
  }
  const Range first = analysis.paragraphs.front();
  if (!headline_like(analysis, first)) {
    return std::nullopt;
  }
  return first;
}

namespace {

// Letters all upper case (Latin or Cyrillic), at least three of them; spaces
// and hyphens between.
bool in_capitals(std::string_view text) {
  icu::UnicodeString word = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  std::int32_t letters = 0;
  for (std::int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    const UChar32 c = word.char32At(i);
    if (u_isUAlphabetic(c) != 0) {
      if (u_isUUppercase(c) == 0) {
        return false;
      }
      ++letters;
    } else if (c != ' ' && c != '-') {
      return false;
    }
  }
  return letters >= 3;
}

// The source line at the head of one paragraph: "(Agency) ", "City - ",
// "City, 15 May / Agency:" — cut at a closing bracket, a dash, or a colon
// after an outlet's name.
std::optional<SourceLine> source_line_of(const Analysis& analysis, const ActorRegistry& actors,
                                         Range lead) {
  const std::string_view text = analysis.normalized.text;
  const std::string_view head =
      text.substr(lead.begin, std::min<std::uint32_t>(lead.end - lead.begin, kSourceLineMaxBytes));
  std::optional<Range> range;
  bool needs_outlet = false;
  bool capitals_place = false;
  if (head.starts_with("(")) {
    const std::size_t close = head.find(')');
    if (close != std::string_view::npos) {
      range = Range{lead.begin, lead.begin + static_cast<std::uint32_t>(close) + 1};
    }
  } else {
    for (std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
      const std::size_t at = find_mark_before(head, dash, 0, 160);
      if (at < 160) {  // npos is larger
        range = Range{lead.begin, lead.begin + static_cast<std::uint32_t>(at + dash.size())};
        break;
      }
    }
    // "ДОНЕЦК, 21 мая. …", "MOSCOW, May 21. …": a city in capitals, a comma and
    // a date, cut at the full stop (the date itself decides below).
    if (!range) {
      const std::size_t comma = find_mark_before(head, ", ", 0, 40);
      const std::size_t stop =
          comma < 40 ? find_mark_before(head, ". ", comma, comma + 40) : std::string_view::npos;
      if (stop < comma + 40 && in_capitals(analysis.original_text(
                                   {lead.begin, lead.begin + static_cast<std::uint32_t>(comma)}))) {
        range = Range{lead.begin, lead.begin + static_cast<std::uint32_t>(stop) + 1};
      }
    }
    // "10 января, Минск /Корр. БЕЛТА/. …": a date first, a comma, the city, cut
    // after the agency between slashes, or at the full stop.
    if (!range) {
      const auto date = std::find_if(
          analysis.dates.begin(), analysis.dates.end(), [&](const DateMention& mention) {
            return mention.begin == lead.begin && mention.basis == DateBasis::kStated;
          });
      const std::size_t after_date =
          date != analysis.dates.end() ? date->end - lead.begin : std::string_view::npos;
      if (after_date < head.size() && head.substr(after_date).starts_with(", ")) {
        const std::size_t city = after_date + 2;
        const std::size_t slashes = find_mark_before(head, "/.", city, city + 60);
        const std::size_t stop =
            slashes < city + 60 ? slashes + 1 : find_mark_before(head, ". ", city, city + 40);
        if (stop < city + 60) {
          range = Range{lead.begin, lead.begin + static_cast<std::uint32_t>(stop) + 1};
        }
      }
    }
    if (!range) {
      const std::size_t colon = find_mark_before(head, ":", 0, 160);
      if (colon < 160) {
        range = Range{lead.begin, lead.begin + static_cast<std::uint32_t>(colon) + 1};
        needs_outlet = true;  // a colon also opens quotes and lists
        // "RAWALPINDI: Two civilians …": a city in capitals before it is a dateline.
        capitals_place =
            colon < 40 && in_capitals(analysis.original_text(
                              {lead.begin, lead.begin + static_cast<std::uint32_t>(colon)}));
      }
    }
  }
  if (!range) {
    return std::nullopt;
  }
  SourceLine line;
  line.range = *range;
  for (const Mention* mention : analysis.in(*range, "actor")) {
    const Actor* actor = actors.find(mention->value());
    if (actor == nullptr || !actor->is_press()) {
      continue;
    }
    if (std::find(line.outlets.begin(), line.outlets.end(), actor->id) == line.outlets.end()) {
      line.outlets.push_back(actor->id);
    }
  }
  // A date the text cannot place ("21 мая" with no publication date) still
  // makes a dateline; only a placed one dates the text.
  bool dated = false;
  for (const DateMention& date : analysis.dates_in(*range)) {
    if (date.basis == DateBasis::kStated) {
      dated = true;
      if (date.resolved) {
        line.date = &date;
        break;
      }
    }
  }
  // "(Karachi) A civilian ...": a bracketed word or two that open the lead,
  // without digits, are a dateline too.
  const std::string_view bracket = text.substr(range->begin, range->end - range->begin);
  const bool bracketed_place =
      head.starts_with("(") && analysis.words_between(range->begin, range->end) <= 2 &&
      std::none_of(bracket.begin(), bracket.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (line.outlets.empty() && (needs_outlet || !dated) && !bracketed_place && !capitals_place) {
    return std::nullopt;
  }
  return line;
}

// A paragraph that is only the page's time stamp ("10:27, 15 May, 2021").
bool only_a_time_stamp(const Analysis& analysis, Range paragraph) {
  if (paragraph.end - paragraph.begin > kTimeStampMaxBytes) {
    return false;
  }
  return !analysis.dates_in(paragraph).empty();
}

}  // namespace

std::optional<SourceLine> find_source_line(const Analysis& analysis, const ActorRegistry& actors,
                                           std::optional<Range> headline) {
  // The lead, or a later paragraph when those before it are only the page's
  // header: a time stamp, or a standfirst under a headline (one line, no
  // final stop).
  std::size_t header = 0;
  bool after_sentence = false;  // a standfirst ending with a full stop came before
  for (std::size_t i = 0; i < analysis.paragraphs.size(); ++i) {
    const Range paragraph = analysis.paragraphs[i];
    if (headline && headline->covers(paragraph)) {
      continue;
    }
    if (auto line = source_line_of(analysis, actors, paragraph)) {
      if (after_sentence && line->date == nullptr) {
        break;  // "ونقلت شبكة روسيا اليوم عن بيان الوزارة:" after a lead quotes, it dates nothing
      }
      return line;
    }
    // A standfirst right under the headline may end with a full stop ("Минобороны
    // Азербайджана обвинило ВС Армении в грубом нарушении …"); the line after
    // such a sentence is a source line only when it is dated ("БАКУ, 16 окт — Sputnik").
    const bool headline_like_standfirst = headline_like(analysis, paragraph);
    const bool standfirst =
        headline && i + 1 < analysis.paragraphs.size() &&
        (headline_like_standfirst || (header == 0 && one_short_line(analysis, paragraph)));
    after_sentence = after_sentence || (standfirst && !headline_like_standfirst);
    if (++header > kHeaderMaxParagraphs ||
        !(only_a_time_stamp(analysis, paragraph) || standfirst)) {
      break;
    }
  }
  return std::nullopt;
}

std::vector<Range> find_datelines_in_body(const Analysis& analysis, const ActorRegistry& actors) {
  std::vector<Range> found;
  const std::string_view text = analysis.normalized.text;
  const MentionList places = analysis.all_of("place");
  for (const Range& paragraph : analysis.paragraphs) {
    const MentionList opening = analysis.within(places, {paragraph.begin, paragraph.begin + 1});
    if (opening.empty() || opening.front()->word.begin != paragraph.begin) {
      continue;
    }
    const std::uint32_t after_place = opening.front()->word.end;
    std::uint32_t after_dash = 0;
    for (std::string_view dash : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
      if (text.substr(after_place).starts_with(dash)) {
        after_dash = after_place + static_cast<std::uint32_t>(dash.size());
        break;
      }
    }
    if (after_dash == 0) {
      continue;
    }
    const MentionList named = analysis.in({after_dash, paragraph.end}, "actor");
    if (named.empty() || named.front()->word.begin != after_dash) {
      continue;
    }
    const Actor* actor = actors.find(named.front()->value());
    const std::uint32_t after_actor = named.front()->word.end;
    if (actor != nullptr && actor->is_press() && text.substr(after_actor).starts_with(". ")) {
      found.push_back({paragraph.begin, after_actor + 1});
    }
  }
  return found;
}

std::optional<SourceLabel> find_source_label(const Analysis& analysis,
                                             const ActorRegistry& actors) {
  const std::string_view text = analysis.normalized.text;
  for (const Mention* label : analysis.all_of("source_label")) {
    const Range* paragraph = analysis.paragraph_at(label->word.begin);
    if (paragraph == nullptr || label->word.begin != paragraph->begin) {
      continue;
    }
    std::uint32_t at = label->word.end;
    while (at < paragraph->end && text[at] == ' ') {
      ++at;
    }
    if (at >= paragraph->end || text[at] != ':') {
      continue;
    }
    const MentionList named = analysis.in({at, paragraph->end}, "actor");
    if (named.empty() || analysis.words_between(at, named.front()->word.begin) != 0 ||
        analysis.words_between(named.front()->word.end, paragraph->end) != 0) {
      continue;
    }
    if (const Actor* actor = actors.find(named.front()->value()); actor != nullptr) {
      return SourceLabel{*paragraph, actor};
    }
  }
  return std::nullopt;
}

std::vector<ReferenceMention> find_agreement_references(const Analysis& analysis,
                                                        const Gazetteer& places,
                                                        std::optional<CivilTime> published,
                                                        int recency_days) {
  std::vector<ReferenceMention> references;
  for (const Sentence& sentence : analysis.sentences) {
    for (const Mention* mention : analysis.in(sentence.range, "agreement")) {
      // "the Minsk agreements", «اتفاقات مينسك»: a place right before the
      // agreement word, or a town right after it, names the agreement and is
      // no place of events.
      Range words = mention->word;
      for (const Mention* place : analysis.in(sentence.range, "place")) {
        const GazetteerPlace* known = places.find(place->value());
        if (place->word.end <= words.begin &&
            analysis.words_between(place->word.end, words.begin) == 0) {
          words.begin = place->word.begin;
        } else if (known != nullptr && known->type == "settlement" &&
                   place->word.begin >= words.end &&
                   analysis.words_between(words.end, place->word.begin) == 0) {
          words.end = place->word.end;
        }
      }
      ReferenceMention found;
      found.range = words;
      found.reference.name = analysis.original_text(words);
      found.reference.spans.push_back(analysis.span(words));
      std::uint32_t last_end = words.end;
      for (const DateMention& date : analysis.dates_in(sentence.range)) {
        if (!date.resolved) {
          continue;
        }
        const Range range{date.begin, date.end};
        const bool after =
            date.begin >= last_end && analysis.words_between(last_end, date.begin) <= 8;
        const bool before =
            date.end <= words.begin && analysis.words_between(date.end, words.begin) <= 6;
        if (!after && !before) {
          continue;
        }
        const bool old = published && days_between(date.time.start, *published) > recency_days;
        const bool adjacent =
            analysis.words_between(std::min(date.end, mention->word.end),
                                   std::max(date.begin, mention->word.begin)) <= 2;
        if (!old && !adjacent) {
          continue;
        }
        found.reference.dates.push_back(date.time.start);
        found.reference.spans.push_back(analysis.span(range));
        found.range.begin = std::min(found.range.begin, range.begin);
        found.range.end = std::max(found.range.end, range.end);
        if (after) {
          last_end = date.end;
        }
      }
      // One mention may be inside another's range ("the ceasefire agreement"
      // found as "agreement" too): keep the longest.
      const bool covered = std::any_of(references.begin(), references.end(), [&](const auto& r) {
        return r.range.covers(mention->word);
      });
      if (!covered) {
        references.push_back(std::move(found));
      }
    }
  }
  return references;
}

const DateMention* find_report_date(const Analysis& analysis) {
  for (const Mention* marker : analysis.all_of("as_of")) {
    const Range* paragraph = analysis.paragraph_at(marker->range.begin);
    if (paragraph == nullptr || !analysis.in(*paragraph, "event").empty()) {
      continue;
    }
    // A clock time may stand between: "as of 19:30 30 August 2021".
    for (const DateMention& date :
         analysis.dates_in({std::max(marker->range.end, paragraph->begin), paragraph->end})) {
      if (date.resolved && analysis.words_between(marker->range.end, date.begin) <= 1) {
        return &date;
      }
    }
  }
  return nullptr;
}

std::vector<Warning> settle_date_conflicts(Analysis& analysis) {
  std::vector<Warning> warnings;
  const auto day_of = [](const CivilTime& time) {
    return static_cast<long>(std::chrono::sys_days(time.date).time_since_epoch().count());
  };
  // Evidence: the unambiguous dates of the text, by day (with their place in
  // the text). None has readings to settle, so they are the same for every
  // date settled, and the nearest are found by bisection.
  std::vector<std::pair<long, std::size_t>> evidence;
  for (std::size_t i = 0; i < analysis.dates.size(); ++i) {
    const DateMention& other = analysis.dates[i];
    if (other.resolved && other.alternatives.empty() && other.basis == DateBasis::kStated) {
      evidence.emplace_back(day_of(other.time.start), i);
    }
  }
  std::sort(evidence.begin(), evidence.end());
  for (DateMention& date : analysis.dates) {
    if (date.alternatives.empty()) {
      continue;
    }
    std::vector<TimeInterval> readings{date.time};
    for (const TimeInterval& alternative : date.alternatives) {
      if (std::find(readings.begin(), readings.end(), alternative) == readings.end()) {
        readings.push_back(alternative);
      }
    }
    const TimeInterval* chosen = &readings.front();
    long best = -1;
    std::vector<const DateMention*> support;  // within three days, in text order
    for (const TimeInterval& reading : readings) {
      if (evidence.empty()) {
        break;
      }
      const long day = day_of(reading.start);
      const auto at =
          std::lower_bound(evidence.begin(), evidence.end(), std::pair<long, std::size_t>(day, 0));
      long nearest = -1;
      if (at != evidence.end()) {
        nearest = at->first - day;
      }
      if (at != evidence.begin() && (nearest < 0 || day - std::prev(at)->first < nearest)) {
        nearest = day - std::prev(at)->first;
      }
      if (best < 0 || nearest < best) {
        best = nearest;
        chosen = &reading;
        std::vector<std::size_t> near;
        for (auto other = std::lower_bound(evidence.begin(), evidence.end(),
                                           std::pair<long, std::size_t>(day - 3, 0));
             other != evidence.end() && other->first <= day + 3; ++other) {
          near.push_back(other->second);
        }
        std::sort(near.begin(), near.end());
        support.clear();
        for (std::size_t index : near) {
          support.push_back(&analysis.dates[index]);
        }
      }
    }
    Warning warning;
    warning.code = "date_conflict";
    const std::string words = analysis.original_text({date.begin, date.end});
    warning.spans.push_back(analysis.span({date.begin, date.end}));
    for (const TimeInterval& reading : readings) {
      warning.readings.push_back(iso(reading));
    }
    warning.chosen = iso(*chosen);
    warning.message = "\"" + words + "\" " +
                      (date.conflict.empty() ? std::string("can be read two ways") : date.conflict);
    if (!support.empty()) {
      warning.reason = "read as " + warning.chosen + " because the text also gives";
      for (std::size_t i = 0; i < support.size(); ++i) {
        warning.reason += (i == 0 ? " " : (i + 1 == support.size() ? " and " : ", "));
        warning.reason += iso(support[i]->time) + " (\"" +
                          analysis.original_text({support[i]->begin, support[i]->end}) + "\")";
        warning.spans.push_back(analysis.span({support[i]->begin, support[i]->end}));
      }
      warning.reason += "; the other reading is kept here";
    } else {
      warning.reason = "no other date in the text settles it; the first-written reading (" +
                       warning.chosen + ") is used";
    }
    date.time = *chosen;
    warnings.push_back(std::move(warning));
  }
  return warnings;
}

}  // namespace truce::extract::detail
