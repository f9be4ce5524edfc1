// From a frame to a claim: the event, its time, place, perpetrator and target
// as claimed, casualty figures by side and status, materiel and territory,
// weapons, the other actors and their roles — each with the spans it came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/claim.hpp"
#include "extract/actors.hpp"
#include "extract/detail/analysis.hpp"
#include "extract/detail/frames.hpp"
#include "extract/extraction.hpp"
#include "extract/gazetteer.hpp"

namespace truce::extract::detail {

// The place mentions of a text whose name only one place bears, with that
// place (DocumentContext::unambiguous_places).
struct UnambiguousPlaces {
  std::vector<std::pair<const Mention*, const GazetteerPlace*>> mentions;  // in text order
  // Each place once, with how many of the mentions name it, and each of their
  // countries with the same count: a long text names the same few places over
  // and over, and each homonym weighs them all.
  std::vector<std::pair<const GazetteerPlace*, int>> places;
  std::vector<std::pair<std::string_view, int>> countries;
  std::uint32_t longest = 0;  // bytes of the longest of the mentions
};

// What every frame of a document shares.
struct DocumentContext {
  const Analysis& analysis;
  const ActorRegistry& actors;
  const Gazetteer& places;
  const ExtractorOptions& options;
  std::optional<CivilTime> published;
  // Agreement references, the source line and label: join_ranges leaves them
  // sorted for overlaps_any once the last is in.
  std::vector<Range> excluded;
  std::optional<Range> headline;
  // The countries the text's actor mentions stand for, each once, in the order
  // first named: every border word without a country beside it asks for them
  // (border_place), so they are found once, on the first ask.
  mutable std::optional<std::vector<std::string_view>> text_countries;
  // The place mentions of the text whose name only one place bears, with that
  // place: every place name that several places bear asks for them
  // (resolve_homonym); found on the first ask.
  mutable std::optional<UnambiguousPlaces> unambiguous_places;
  // The states the text's actor mentions stand for, each with how often, in
  // the order first named: each claim asks for the one most named besides its
  // own party's (opponent_of).
  mutable std::optional<std::vector<std::pair<std::string, int>>> states_named;
  // The state of the country most of the text's places lie in (empty if
  // none): civilians of no stated side in a claim with no place ask for it.
  mutable std::optional<std::string> state_of_the_text;
};

enum class EventGroup { kNone, kViolence, kDetention, kDeEscalation, kDiplomacy, kAgreement };
EventGroup group_of(EventType type);
// A specific violent act (shelling, an air strike, a seizure, sniper fire, a
// mine), not a general word for fighting (attack, clashes, a violation).
bool specific_violence(EventType type);

// A claim before the document-level decisions (context dates, background,
// headline repeats) are taken.
struct Draft {
  Claim claim;
  Range range;
  bool has_event = false;
  bool has_figures = false;  // casualties or assets
  // Figures of no stated side and no event of its own, left out as a
  // retelling of the account told before it: their side unknown (kUnknown),
  // with the ranges that tell them, and whether the persons were named as
  // fighters or as civilians. Empty when the frame retells none.
  struct RetoldFigure {
    CasualtyFigure figure;
    std::vector<Range> ranges;
    std::string persons;  // the person word's kind ("combatant", "civilian"), or empty
  };
  std::vector<RetoldFigure> retold;
  const DateMention* own_date = nullptr;
  // The frame's first date when it cannot be placed (a "yesterday" in a text
  // with no publication date): the event has a date of its own, unknown here.
  const DateMention* unplaced_date = nullptr;
  // A date of the statement itself ("said on Monday"): the event's date only
  // when nothing else dates it.
  const DateMention* statement_date = nullptr;
  const Mention* event = nullptr;
  bool negated = false;
  bool hypothetical = false;
  // Its figures are told only after an act it denies (not an answer to fire).
  bool tells_a_denial = false;
  bool background = false;
  // A word of habit ("regularly", «регулярно») beside its event: no act of one day.
  bool habitual = false;
  std::vector<std::string> sides;  // parties the frame sets against each other
};

Draft draft_claim(const Frame& frame, const DocumentContext& context);

// Text as written cut to what a name may hold (a word boundary when there is
// one, else a character boundary), marked " …" when cut.
std::string fit_name(std::string name);

// Sets the claim's time from a date mention, with its basis and wording.
void set_time(Claim& claim, const DateMention& date, const Analysis& analysis, bool from_context);
// Another claim's day, with its words, in place of the claim's own: the
// claimant's earlier account of the act (from context), or a retelling that
// dates what the first telling left to the announcement.
void take_time(Claim& claim, const Claim& from, bool from_context);

// Sets the claim's time from the date of the statement that makes it, with
// basis kAnnouncement: the text dates nothing else.
void set_statement_time(Claim& claim, const DateMention& date, const Analysis& analysis);

// An event word inside a longer place or actor name ("Idlib de-escalation
// zone", "Centre for the Reconciliation of the Opposing Parties") names no event.
bool inside_a_name(const Analysis& analysis, const Mention& word);
// The word lies inside a place's or an actor's name, neither its first word nor
// its last ("People" in "Donetsk People's Republic").
bool within_a_name(const Analysis& analysis, const Mention& word);
// Sorts ranges, joins those that overlap and drops empty ones, so that whether
// a range overlaps any of them is one bisection (overlaps_any): a long text has
// many agreement references, and every word asks.
void join_ranges(std::vector<Range>& ranges);
bool overlaps_any(const std::vector<Range>& joined, Range range);
// Words inside an excluded range (an agreement reference, a source line;
// `excluded` as join_ranges leaves them) are no part of the account, but an event word that holds
// an agreement's name and more ("signed an agreement", "agreement was reached") is an act on it,
// not only its name: the reference around it does not set it aside.
bool set_aside_by(const std::vector<Range>& excluded, const Analysis& analysis, Category category,
                  const Mention& mention);

// A claim that tells only figures ("11 servicemen were killed") is of the
// fighting told before it: its event type and the words it came from.
void borrow_event(Claim& claim, const Draft& from, const Analysis& analysis);
// A claim that names no place goes on in the area of the account before it
// (a province, a region, a line or wider), with that account's words for it
// and the time zone of its country.
void borrow_area(Claim& claim, const Claim& from, const Gazetteer& places);
// A claim that names no place takes the one another telling of its act names,
// with the words of that telling and the time zone of its country.
void borrow_place(Claim& claim, const Claim& from, const Gazetteer& places);
// A claim that gives no casualty figures takes those another telling of its
// act gives, with the words they came from.
void borrow_figures(Claim& claim, const Claim& from);
// "…all of the servicemen died. / At least seven soldiers […] were among the
// victims": figures of no stated side that count more persons than `account`,
// the fighting told before them, left open of the same kind and status are
// more than a retelling: the persons are the account's, of its side. Gives
// the draft those figures and returns true; false (nothing changed) when a
// figure has no such match, or the account's count was exact.
bool count_retold_as_of(Draft& draft, const Claim& account, const Analysis& analysis);
// «Чуть позже власти уточнили, что раненых трое» after «получил ранение
// мужчина … и женщина»: a figure of no stated side in a sentence with a
// `revision` word, counting otherwise than `told_last` (the claim that told a
// figure of that status last), revises the toll: it is a figure of that
// claim's side, the draft's own. Gives the draft those figures and returns
// true; false (nothing changed) otherwise.
bool count_revised_toll(Draft& draft, const Claim& told_last, const Analysis& analysis);
// With no fighting told before it, a claim whose persons were killed or
// wounded (not none) tells of an attack; the words of that figure are the
// event type's.
void type_by_its_toll(Claim& claim);

// The IANA zone of a country (ISO alpha-2) from the gazetteer, or empty.
std::string timezone_of(const Gazetteer& places, std::string_view country);

}  // namespace truce::extract::detail
