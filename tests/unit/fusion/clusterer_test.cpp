#include "fusion/clusterer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>

#include "claims.hpp"

namespace truce::fusion {
namespace {

using test::ClaimSpec;
using test::make_claim;

ClaimFacts facts(const ClaimSpec& spec) {
  return facts_of(make_claim(spec), test::fictional_parties(), default_parameters());
}

std::string claim_id(long long number) {
  char text[40];
  std::snprintf(text, sizeof text, "clm_%020llx", number);
  return text;
}

// A fictional theatre: events on random days and hills, each reported by one
// to four claims with the jitter sources have (a day off, a few km off, the
// other side's word for it), and some claims without a place.
std::vector<ClaimFacts> synthetic_theatre(unsigned seed, int events) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> day(0, 27);
  std::uniform_real_distribution<double> lon(10.0, 16.0);
  std::uniform_real_distribution<double> lat(48.0, 52.0);
  std::uniform_real_distribution<double> jitter(-0.08, 0.08);
  std::uniform_int_distribution<int> reports(1, 4);
  std::uniform_int_distribution<int> coin(0, 9);
  const EventType types[] = {EventType::kAttack, EventType::kArmedClash, EventType::kShelling,
                             EventType::kDeEscalation, EventType::kMineOrIed};
  std::vector<ClaimFacts> claims;
  int number = 0;
  for (int event = 0; event < events; ++event) {
    const int event_day = day(random);
    const double event_lon = lon(random);
    const double event_lat = lat(random);
    const int count = reports(random);
    for (int report = 0; report < count; ++report) {
      ClaimSpec spec;
      spec.id = claim_id(static_cast<long long>(random() % 1000000) * 10000 + number++);
      spec.type = types[coin(random) % 5];
      char date[16];
      std::snprintf(date, sizeof date, "2031-03-%02d", 1 + (event_day + coin(random) / 8) % 28);
      spec.date = date;
      spec.lon = event_lon + jitter(random);
      spec.lat = event_lat + jitter(random);
      spec.has_place = coin(random) != 0;
      spec.claimant = report % 2 == 0 ? "north-mod" : "south-mod";
      spec.perpetrator = coin(random) < 5 ? "south" : "north";
      claims.push_back(facts(spec));
    }
  }
  return claims;
}

struct Outcome {
  std::vector<std::vector<ClaimId>> groups;
  std::vector<Incident> incidents;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

Outcome outcome_of(Clusterer& clusterer) {
  Outcome outcome;
  outcome.groups = clusterer.groups();
  for (const auto& group : outcome.groups) {
    outcome.incidents.push_back(clusterer.incident(group));
  }
  return outcome;
}

Outcome all_at_once(const std::vector<ClaimFacts>& claims,
                    const std::vector<Constraint>& constraints = {}) {
  Clusterer clusterer(default_parameters());
  clusterer.set_constraints(constraints);
  clusterer.add(claims);
  return outcome_of(clusterer);
}

Outcome one_by_one(std::vector<ClaimFacts> claims, unsigned seed,
                   const std::vector<Constraint>& constraints = {}) {
  std::mt19937 random(seed);
  std::shuffle(claims.begin(), claims.end(), random);
  Clusterer clusterer(default_parameters());
  clusterer.set_constraints(constraints);
  for (ClaimFacts& claim : claims) {
    clusterer.add(std::move(claim));
  }
  return outcome_of(clusterer);
}

TEST(Clusterer, TwoAccountsOfOneClashAreOneIncidentAndTheNextDaysClashAnother) {
  Clusterer clusterer(default_parameters());
  clusterer.add(
      {facts({.id = "clm_b", .perpetrator = "south"}),
       facts({.id = "clm_a", .lon = 10.1, .claimant = "south-mod", .perpetrator = "north"}),
       facts({.id = "clm_c", .date = "2031-05-13"})});
  const auto groups = clusterer.groups();
  ASSERT_EQ(groups.size(), 2U);
  EXPECT_EQ(groups[0], (std::vector<ClaimId>{ClaimId("clm_a"), ClaimId("clm_b")}));
  EXPECT_EQ(groups[1], (std::vector<ClaimId>{ClaimId("clm_c")}));
  const Incident incident = clusterer.incident(groups[0]);
  EXPECT_EQ(incident.id, IncidentId("inc_a"));
  ASSERT_EQ(incident.members.size(), 2U);
  EXPECT_EQ(incident.members[0].why.matched_with, ClaimId("clm_b"));
  EXPECT_EQ(incident.members[1].why.matched_with, ClaimId("clm_a"));
  EXPECT_GT(incident.members[0].why.score, 0);
}

TEST(Clusterer, ChainsOfMatchesAreOneIncident) {
  Clusterer clusterer(default_parameters());
  // a-b and b-c match (30 km steps, 50 km allowed), a-c do not (60 km).
  clusterer.add(facts({.id = "clm_a", .lon = 10.0}));
  clusterer.add(facts({.id = "clm_c", .lon = 10.84}));
  EXPECT_EQ(clusterer.groups().size(), 2U);
  clusterer.add(facts({.id = "clm_b", .lon = 10.42}));
  EXPECT_EQ(clusterer.groups().size(), 1U);
}

TEST(Clusterer, AnEndingClaimIsLinkedNotAMember) {
  Clusterer clusterer(default_parameters());
  clusterer.add({facts({.id = "clm_a", .perpetrator = "south", .target = "north"}),
                 facts({.id = "clm_z",
                        .type = EventType::kDeEscalation,
                        .claimant = "monitors",
                        .has_place = false})});
  const auto groups = clusterer.groups();
  ASSERT_EQ(groups.size(), 1U);
  const Incident incident = clusterer.incident(groups[0]);
  ASSERT_EQ(incident.members.size(), 1U);
  ASSERT_EQ(incident.links.size(), 1U);
  EXPECT_EQ(incident.links[0].claim, ClaimId("clm_z"));
  EXPECT_EQ(incident.links[0].kind, IncidentLinkKind::kEndedBy);
}

TEST(Clusterer, ACeasefireEndsTheFightingItOverlapsNotTheDayBefore) {
  Clusterer clusterer(default_parameters());
  clusterer.add({facts({.id = "clm_a", .date = "2031-05-09", .perpetrator = "south"}),
                 facts({.id = "clm_b", .date = "2031-05-10", .lon = 10.6, .perpetrator = "north"}),
                 facts({.id = "clm_z",
                        .type = EventType::kDeEscalation,
                        .date = "2031-05-10",
                        .claimant = "monitors",
                        .has_place = false})});
  const auto groups = clusterer.groups();
  ASSERT_EQ(groups.size(), 2U);
  EXPECT_TRUE(clusterer.incident(groups[0]).links.empty());
  ASSERT_EQ(clusterer.incident(groups[1]).links.size(), 1U);
  // With no fighting on the day itself, it ends the latest before it.
  Clusterer earlier(default_parameters());
  earlier.add({facts({.id = "clm_a", .date = "2031-05-09", .perpetrator = "south"}),
               facts({.id = "clm_z",
                      .type = EventType::kDeEscalation,
                      .date = "2031-05-10",
                      .claimant = "monitors",
                      .has_place = false})});
  EXPECT_EQ(earlier.incident(earlier.groups()[0]).links.size(), 1U);
}

// A report placed only by its province contains every place of the province
// (docs/fusion.md, rule 2), though no search by distance reaches from one to
// the other: an exact hill and a province-wide report 300 km apart, and a
// ceasefire announced for the province, found in any order of arrival. Two
// exact places of one province are not contained in each other.
TEST(Clusterer, APlaceKnownOnlyByItsProvinceContainsThePlacesOfTheProvince) {
  auto in_province = [](ClaimSpec spec, const char* province) {
    ClaimFacts claim = facts(spec);
    claim.admin1 = province;
    return claim;
  };
  const ClaimFacts hill =
      in_province({.id = "clm_a", .lon = 10.0, .perpetrator = "south"}, "fictional-province");
  const ClaimFacts province_wide = in_province(
      {.id = "clm_b", .lon = 14.2, .precision = LocationPrecision::kAdmin1, .perpetrator = "south"},
      "fictional-province");
  const ClaimFacts ceasefire = in_province({.id = "clm_z",
                                            .type = EventType::kDeEscalation,
                                            .lon = 12.1,
                                            .precision = LocationPrecision::kAdmin1,
                                            .claimant = "monitors"},
                                           "fictional-province");
  const ClaimFacts elsewhere =
      in_province({.id = "clm_c", .lat = 47.3, .perpetrator = "south"}, "another-province");

  for (int order = 0; order < 2; ++order) {
    Clusterer clusterer(default_parameters());
    if (order == 0) {
      clusterer.add({hill, province_wide, ceasefire, elsewhere});
    } else {
      for (const ClaimFacts& claim : {ceasefire, elsewhere, province_wide, hill}) {
        clusterer.add(claim);
      }
    }
    const auto groups = clusterer.groups();
    ASSERT_EQ(groups.size(), 2U) << "order " << order;
    EXPECT_EQ(groups[0], (std::vector<ClaimId>{ClaimId("clm_a"), ClaimId("clm_b")}));
    EXPECT_EQ(clusterer.group_of(ClaimId("clm_a")), groups[0]);
    const Incident incident = clusterer.incident(groups[0]);
    ASSERT_EQ(incident.members.size(), 2U);
    EXPECT_EQ(incident.members[0].why.place_rule, "both in fictional-province");
    ASSERT_EQ(incident.links.size(), 1U) << "order " << order;
    EXPECT_EQ(incident.links[0].claim, ClaimId("clm_z"));
    EXPECT_TRUE(clusterer.incident(groups[1]).links.empty()) << "another province, 300 km away";
  }

  const ClaimFacts other_hill =
      in_province({.id = "clm_d", .lon = 14.2, .perpetrator = "south"}, "fictional-province");
  Clusterer exact_only(default_parameters());
  exact_only.add({hill, other_hill});
  EXPECT_EQ(exact_only.groups().size(), 2U);
}

TEST(ClustererProperty, IngestOrderDoesNotChangeTheIncidents) {
  for (unsigned theatre = 1; theatre <= 3; ++theatre) {
    const auto claims = synthetic_theatre(theatre, 150);
    const Outcome reference = all_at_once(claims);
    std::size_t multi = 0;
    for (const auto& group : reference.groups) {
      multi += group.size() > 1 ? 1 : 0;
    }
    ASSERT_GT(multi, 20U) << "the theatre should have incidents of several claims: "
                          << reference.groups.size() << " groups of " << claims.size();
    ASSERT_LT(reference.groups.size(), claims.size());
    for (unsigned order = 1; order <= 4; ++order) {
      EXPECT_TRUE(one_by_one(claims, order * 7919 + theatre) == reference)
          << "theatre " << theatre << ", order " << order;
    }
    // In two halves: a bulk load, then the rest one by one.
    std::vector<ClaimFacts> first(claims.begin(), claims.begin() + claims.size() / 2);
    Clusterer clusterer(default_parameters());
    clusterer.add(first);
    for (std::size_t i = claims.size() / 2; i < claims.size(); ++i) {
      clusterer.add(claims[i]);
    }
    EXPECT_TRUE(outcome_of(clusterer) == reference) << "theatre " << theatre << ", halves";
  }
}

TEST(ClustererProperty, TheGroupOfOneClaimIsItsGroupAmongAll) {
  const auto claims = synthetic_theatre(5, 150);
  const std::vector<Constraint> constraints{{{claims[3].id, claims[40].id, true}, 1},
                                            {{claims[7].id, claims[8].id, false}, 2}};
  Clusterer clusterer(default_parameters());
  clusterer.set_constraints(constraints);
  clusterer.add(claims);
  std::size_t checked = 0;
  for (const auto& group : clusterer.groups()) {
    for (const ClaimId& claim : group) {
      EXPECT_EQ(clusterer.group_of(claim), group) << claim.str();
      ++checked;
    }
  }
  EXPECT_GT(checked, 200U);
}

TEST(ClustererProperty, ACannotLinkSplitsTheSameWayInEveryOrder) {
  const auto claims = synthetic_theatre(11, 150);
  const Outcome unconstrained = all_at_once(claims);
  // The largest incident, split between its first and last member.
  auto largest = std::max_element(unconstrained.groups.begin(), unconstrained.groups.end(),
                                  [](const auto& a, const auto& b) { return a.size() < b.size(); });
  ASSERT_GE(largest->size(), 3U);
  const ClaimId first = largest->front();
  const ClaimId last = largest->back();
  const std::vector<Constraint> constraints{{{first, last, false}, 1}};
  const Outcome reference = all_at_once(claims, constraints);
  EXPECT_GT(reference.groups.size(), unconstrained.groups.size());
  for (const auto& group : reference.groups) {
    const bool has_first = std::find(group.begin(), group.end(), first) != group.end();
    const bool has_last = std::find(group.begin(), group.end(), last) != group.end();
    EXPECT_FALSE(has_first && has_last);
  }
  for (unsigned order = 1; order <= 4; ++order) {
    EXPECT_TRUE(one_by_one(claims, order, constraints) == reference) << "order " << order;
  }
}

TEST(Clusterer, AMustLinkJoinsClaimsTheRelationKeepsApart) {
  const std::vector<Constraint> constraints{{{ClaimId("clm_a"), ClaimId("clm_b"), true}, 4}};
  Clusterer clusterer(default_parameters());
  clusterer.set_constraints(constraints);
  clusterer.add(facts({.id = "clm_a", .date = "2031-05-10"}));
  clusterer.add(facts({.id = "clm_b", .date = "2031-06-10"}));
  const auto groups = clusterer.groups();
  ASSERT_EQ(groups.size(), 1U);
  const Incident incident = clusterer.incident(groups[0]);
  ASSERT_TRUE(incident.members[1].why.decision);
  EXPECT_EQ(*incident.members[1].why.decision, 4);
}

TEST(Clusterer, ADecisionStillHoldsWhenMoreClaimsArrive) {
  // Two claims an analyst keeps apart; a third claim matching both arrives later.
  Clusterer clusterer(default_parameters());
  clusterer.set_constraints({{{ClaimId("clm_a"), ClaimId("clm_b"), false}, 1}});
  clusterer.add(facts({.id = "clm_a", .lon = 10.0}));
  clusterer.add(facts({.id = "clm_b", .lon = 10.3}));
  EXPECT_EQ(clusterer.groups().size(), 2U);
  clusterer.add(facts({.id = "clm_c", .lon = 10.15}));
  const auto groups = clusterer.groups();
  ASSERT_EQ(groups.size(), 2U);
  for (const auto& group : groups) {
    EXPECT_FALSE(group.size() == 3U);
  }
}

TEST(Clusterer, TheLaterOfTwoDecisionsOnAPairWins) {
  Clusterer clusterer(default_parameters());
  clusterer.set_constraints({{{ClaimId("clm_a"), ClaimId("clm_b"), false}, 1},
                             {{ClaimId("clm_a"), ClaimId("clm_b"), true}, 2}});
  clusterer.add(facts({.id = "clm_a"}));
  clusterer.add(facts({.id = "clm_b", .date = "2031-07-01"}));
  EXPECT_EQ(clusterer.groups().size(), 1U);
}

TEST(Clusterer, CountsCandidatesOfOneQuery) {
  Clusterer clusterer(default_parameters());
  clusterer.add({facts({.id = "clm_a"}), facts({.id = "clm_b", .lon = 10.1}),
                 facts({.id = "clm_c", .lon = 20.0})});
  EXPECT_EQ(clusterer.count_candidates(ClaimId("clm_a")), 2U);  // itself and its neighbour
}

}  // namespace
}  // namespace truce::fusion
