// The parts of a news text around its claims: the headline, the source line
// ("(Pakistan Point News / Sputnik - 21 November 2021)", "YEREVAN, Nov 16
// (Reuters) -"), agreement references, and dates the text gives two ways.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/actors.hpp"
#include "extract/detail/analysis.hpp"
#include "extract/extraction.hpp"
#include "extract/gazetteer.hpp"

namespace truce::extract::detail {

// The first paragraph when it reads as a headline: a short line without a
// sentence-final stop, followed by more text.
std::optional<Range> find_headline(const Analysis& analysis);

// A short line without a sentence-final stop (a headline, a caption, a title).
bool headline_like(const Analysis& analysis, Range paragraph);

// head.find(what, from) where the match starts before `limit`, else npos. The
// source line's marks count near the start of the head only, so only the
// bytes such a match can take are read; a mark that opens with a space
// (" - ") is looked for by what follows the space, which is rarer.
std::size_t find_mark_before(std::string_view head, std::string_view what, std::size_t from,
                             std::size_t limit);

struct SourceLine {
  Range range;
  std::vector<std::string> outlets;  // actor ids, as written in order
  const DateMention* date = nullptr;
};

std::optional<SourceLine> find_source_line(const Analysis& analysis, const ActorRegistry& actors,
                                           std::optional<Range> headline);

// "لوهانسك — سبوتنيك. وقال الممثل …": a paragraph of the body that opens with
// a place, a dash, an outlet or agency and a full stop restates where the
// story was filed, as a source line does; the ranges of such openings.
std::vector<Range> find_datelines_in_body(const Analysis& analysis, const ActorRegistry& actors);

// "Источник: штаб ООС", "Source: JFO", «المصدر: …»: a paragraph that is only a
// `source_label` word, a colon and an actor's name says whose account the
// outlet relays; null range and actor when the text has none.
struct SourceLabel {
  Range range;
  const Actor* actor = nullptr;
};

std::optional<SourceLabel> find_source_label(const Analysis& analysis, const ActorRegistry& actors);

struct ReferenceMention {
  AgreementReference reference;
  Range range;  // the words the reference spans, dates included
};

std::vector<ReferenceMention> find_agreement_references(const Analysis& analysis,
                                                        const Gazetteer& places,
                                                        std::optional<CivilTime> published,
                                                        int recency_days);

// "Based on information from the Monitoring Teams as of 19:30 30 August
// 2021": the date a report's information runs to, after an `as_of` word in a
// paragraph that tells no event. Null when the text gives none.
const DateMention* find_report_date(const Analysis& analysis);

// Chooses a reading for every date written two ways ("9 تشرين الأول/نوفمبر"),
// by agreement with the unambiguous dates elsewhere in the text; each choice
// becomes a warning with both readings and the reason.
std::vector<Warning> settle_date_conflicts(Analysis& analysis);

}  // namespace truce::extract::detail
