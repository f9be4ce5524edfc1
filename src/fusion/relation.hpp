// The pairwise "same event" relation and the "ended" relation, feature by
// feature (docs/fusion.md). Both are symmetric in their inputs' content: the
// answer and the score for (a, b) are those for (b, a), bit for bit, which is
// what makes clustering independent of ingest order.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>

#include "core/incident.hpp"
#include "fusion/facts.hpp"

namespace truce::fusion {

// Distance in km between two boxes on the sphere (0 when they intersect):
// between their nearest points, by the haversine formula.
double box_distance_km(const BoundingBox& a, const BoundingBox& b);

// Whether two places are compatible by containment, whatever their distance:
// both name the same admin1, and one of them has no geometry or stands for
// the whole admin1 (its precision is admin1 or coarser). Two villages of one
// province are not thereby the same place.
bool contained_in_one_admin1(const ClaimFacts& a, const ClaimFacts& b);

// Whether the features that depend neither on time nor on place allow a and b
// to describe the same event: both cluster, with the same role and group, and
// together they name no more parties than one event involves. same_event never
// holds when this does not, and the answer is the same for every claim of the
// same role, group and parties, so an index can rule out such claims together.
bool kinds_may_match(const ClaimFacts& a, const ClaimFacts& b, const Parameters& parameters);

// Whether a and b describe the same event, and why. nullopt when any feature
// rules it out: roles or groups differ, a claim is too vague in time, the
// widened intervals do not meet, the places are farther apart than their
// reaches allow, or together they name more parties than one event involves.
// `matched_with` is set to the other claim (b's id when called as (a, b)).
std::optional<MatchFeatures> same_event(const ClaimFacts& a, const ClaimFacts& b,
                                        const Parameters& parameters);

// same_event's answer and score alone (the same for (a, b) and (b, a), bit for bit), without
// building the explanation's words: what clustering asks a million times.
std::optional<double> same_event_score(const ClaimFacts& a, const ClaimFacts& b,
                                       const Parameters& parameters);

// Whether the ending claim (a de-escalation, a ceasefire) is about the end of
// the event `member` belongs to: its widened interval meets the member's or
// starts at most end_link_hours after it, places meet, and they share a party
// (or either names none).
std::optional<MatchFeatures> ends_event(const ClaimFacts& ending, const ClaimFacts& member,
                                        const Parameters& parameters);

// Whether ends_event holds, without building its explanation.
bool may_end(const ClaimFacts& ending, const ClaimFacts& member, const Parameters& parameters);

}  // namespace truce::fusion
