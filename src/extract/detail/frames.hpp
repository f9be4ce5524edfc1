// Claim frames: runs of sentences that carry one claimant's account. A frame
// opens at an attribution ("the ministry said", "وبحسب", "по данным") and goes
// on through the sentences that continue it: the rest of the paragraph, a
// following paragraph attributed to the same party or to "the statement".
// Sentences no one is quoted for form narrative frames (the outlet's voice).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/actors.hpp"
#include "extract/detail/analysis.hpp"
#include "extract/gazetteer.hpp"

namespace truce::extract::detail {

struct Attribution {
  const Mention* trigger = nullptr;
  const Mention* actor = nullptr;  // null for "according to the statement"
  // Where an official no name gives spoke ("said in Jammu"): it tells whose
  // they are, not where anything happened.
  const Mention* spoken_in = nullptr;
};

struct Frame {
  std::vector<std::uint32_t> sentences;  // indexes into Analysis::sentences
  std::vector<Attribution> attributions;
  std::string claimant;  // actor id; empty for a narrative frame
  bool headline = false;
  // Opened by a report that names no one («Сообщалось о …», "It was reported
  // that …"): the outlet's, and lends nothing to the speaker before it.
  bool impersonal = false;
  bool narrative() const { return claimant.empty(); }
  Range range(const Analysis& analysis) const;
};

// "Armenia reported 105 dead, Azerbaijan assessed its losses at 71": a
// sentence that quotes a second party in a later clause is cut there, so each
// party's account is a frame of its own.
void split_at_second_claimant(Analysis& analysis, const ActorRegistry& actors);

// `body` excludes the headline paragraph and the source line. `places` tells
// whose an unnamed official speaking in a named place is ("a defence
// spokesperson said in Jammu").
std::vector<Frame> build_frames(const Analysis& analysis, const ActorRegistry& actors,
                                const Gazetteer& places, Range body, std::optional<Range> headline);

// One claimant may report several events in a row ("they shelled X; later a
// soldier was wounded by a mine"): a sentence whose first event belongs to
// another group than the frame's so far starts a new frame for the same
// claimant. Words inside `excluded` (agreement references) are not events. A
// new paragraph that tells an event only in places unrelated to those named so
// far (neither the same nor inside one another) is another claim too.
// "the ISPR said on Monday", "أعلنت وزارة الدفاع، اليوم الأربعاء،", "заявили в
// среду": a date right after an attribution verb of the frame in its sentence
// (and its speaker) dates the statement, not the event, unless a complementizer
// stands between them ("said that on Monday …"). With `before_the_verb`, so
// does a date before the verb with no event between ("On Monday, X said that").
bool dates_the_speaking(const Analysis& analysis, const std::vector<Attribution>& attributions,
                        Range sentence, const DateMention& date, bool before_the_verb);

// "until Saturday morning it had not withdrawn", "as of 30 August": a date
// right after an `as_of` word tells how things stood then, not when an event
// happened.
bool tells_how_things_stood(const Analysis& analysis, const DateMention& date);

// "the blockade … since December 12, 2022": a day stated right after an
// `ongoing_since` word starts a state that lasts to the time of writing.
bool runs_on_since(const Analysis& analysis, const DateMention& date);

// "112 ceasefire violations": a number right before the word counts them.
bool counted(const Analysis& analysis, const Mention& word);

// `report_day`: the day a report's information runs to (find_report_date), or null.
// `published` and `recency_days`: a day more than that many days before
// publication is the past (Options::recency_days).
std::vector<Frame> split_by_event(std::vector<Frame> frames, const Analysis& analysis,
                                  const Gazetteer& places, const ActorRegistry& actors,
                                  const std::vector<Range>& excluded, const DateMention* report_day,
                                  const std::optional<CivilTime>& published, int recency_days);

// The frame cut before its sentence `at` (an index into `frame.sentences`, not
// the first): each part speaks for the most specific actor quoted in it, or
// for the frame's claimant when none is.
std::pair<Frame, Frame> split_frame(const Frame& frame, std::size_t at, const Analysis& analysis,
                                    const ActorRegistry& actors);

// How specific an actor is as a claimant: a ministry says more than a capital.
int specificity(const Actor& actor);

}  // namespace truce::extract::detail
