// The Clusterer's indexes (the R-tree, the placed claims by day, kind and
// profile, the claims without a place by day, the remembered best matches)
// against the definition in docs/fusion.md applied by brute force: every pair
// of claims through the relation, every claim without a place against every
// placed claim. Synthetic claims in a fictional theatre with three parties,
// twenty days, several time and place precisions, fictional province names
// and many claims without a place.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>

#include "claims.hpp"
#include "fusion/clusterer.hpp"
#include "fusion/relation.hpp"

namespace truce::fusion {
namespace {

using test::ClaimSpec;

std::vector<ClaimFacts> mixed_theatre(unsigned seed, int count) {
  std::mt19937 random(seed);
  auto below = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  std::uniform_real_distribution<double> lon(10.0, 16.0);
  std::uniform_real_distribution<double> lat(48.0, 52.0);
  const EventType types[] = {EventType::kAttack,   EventType::kArmedClash,
                             EventType::kShelling, EventType::kMineOrIed,
                             EventType::kExchange, EventType::kDeEscalation};
  const char* parties[] = {"north", "south", "north", "south", "east", ""};
  const char* claimants[] = {"north-mod", "south-mod", "monitors", "wire"};
  const LocationPrecision precisions[] = {LocationPrecision::kExact, LocationPrecision::kNear,
                                          LocationPrecision::kNear, LocationPrecision::kAdmin2,
                                          LocationPrecision::kAdmin1};
  const char* admin1s[] = {"", "", "north-hills", "south-plain"};
  std::vector<ClaimFacts> claims;
  for (int number = 0; number < count; ++number) {
    ClaimSpec spec;
    char id[40];
    std::snprintf(id, sizeof id, "clm_%020llx",
                  static_cast<unsigned long long>(random() % 100000) * 1000 + number);
    spec.id = id;
    spec.type = types[below(6)];
    char date[32];
    const int day = 1 + below(20);
    const int kind_of_time = below(10);
    if (kind_of_time < 3) {
      std::snprintf(date, sizeof date, "2031-03-%02dT%02d:00", day, below(24));
      spec.time_precision = kind_of_time == 0 ? TimePrecision::kMinute : TimePrecision::kHour;
    } else {
      std::snprintf(date, sizeof date, "2031-03-%02d", day);
      spec.time_precision = kind_of_time == 9 ? TimePrecision::kWeek : TimePrecision::kDay;
    }
    spec.date = date;
    spec.lon = lon(random);
    spec.lat = lat(random);
    spec.precision = precisions[below(5)];
    spec.has_place = below(10) >= 3;
    spec.claimant = claimants[below(4)];
    spec.perpetrator = parties[below(6)];
    spec.target = parties[below(6)];
    ClaimFacts facts =
        facts_of(test::make_claim(spec), test::fictional_parties(), default_parameters());
    // Claims matched through their province (0.8) rather than anywhere
    // (0.5); a claim placed only by its province matches the placed claims
    // of the province farther away than their reaches, which the search by
    // distance alone would miss.
    facts.admin1 = admin1s[below(4)];
    claims.push_back(std::move(facts));
  }
  return claims;
}

// docs/fusion.md, "Incidents: components with constraints", steps 1, 2 and 4,
// with no constraints: pair by pair.
std::vector<std::vector<ClaimId>> brute_force_groups(const std::vector<ClaimFacts>& claims) {
  const Parameters parameters = default_parameters();
  const std::size_t count = claims.size();
  std::vector<std::size_t> parent(count);
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](std::size_t i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  };
  auto clusters = [&](std::size_t i) {
    return claims[i].role == EventRole::kMember || claims[i].role == EventRole::kReleases;
  };
  auto placed = [&](std::size_t i) {
    return clusters(i) && claims[i].links_by_time && claims[i].box.has_value();
  };
  auto satellite = [&](std::size_t i) {
    return clusters(i) && claims[i].links_by_time && !claims[i].box;
  };
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t j = i + 1; j < count; ++j) {
      if (placed(i) && placed(j) && same_event_score(claims[i], claims[j], parameters)) {
        parent[root(j)] = root(i);
      }
    }
  }
  std::vector<std::size_t> key(count, count);
  std::vector<std::size_t> unattached;
  for (std::size_t i = 0; i < count; ++i) {
    if (!clusters(i)) {
      continue;
    }
    if (!satellite(i)) {
      key[i] = root(i);
      continue;
    }
    std::optional<std::size_t> best;
    double best_score = -1;
    for (std::size_t j = 0; j < count; ++j) {
      auto score = placed(j) ? same_event_score(claims[i], claims[j], parameters) : std::nullopt;
      if (score &&
          (*score > best_score || (*score == best_score && claims[j].id < claims[*best].id))) {
        best = j;
        best_score = *score;
      }
    }
    if (best) {
      key[i] = root(*best);
    } else {
      unattached.push_back(i);
    }
  }
  for (std::size_t a = 0; a < unattached.size(); ++a) {
    for (std::size_t b = a + 1; b < unattached.size(); ++b) {
      if (same_event_score(claims[unattached[a]], claims[unattached[b]], parameters)) {
        parent[root(unattached[b])] = root(unattached[a]);
      }
    }
  }
  for (std::size_t i : unattached) {
    key[i] = root(i);
  }
  std::map<std::size_t, std::vector<ClaimId>> by_key;
  for (std::size_t i = 0; i < count; ++i) {
    if (key[i] != count) {
      by_key[key[i]].push_back(claims[i].id);
    }
  }
  std::vector<std::vector<ClaimId>> groups;
  for (auto& [root_key, group] : by_key) {
    std::sort(group.begin(), group.end());
    groups.push_back(std::move(group));
  }
  std::sort(groups.begin(), groups.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return groups;
}

TEST(ClustererIndex, TheIndexedSearchFindsWhatEveryPairwiseComparisonFinds) {
  for (unsigned seed = 1; seed <= 4; ++seed) {
    const auto claims = mixed_theatre(seed, 500);
    const auto expected = brute_force_groups(claims);
    std::size_t with_satellites = 0;
    for (const auto& group : expected) {
      const bool has_satellite = std::any_of(group.begin(), group.end(), [&](const ClaimId& id) {
        return std::any_of(claims.begin(), claims.end(),
                           [&](const ClaimFacts& c) { return c.id == id && !c.box; });
      });
      with_satellites += group.size() > 1 && has_satellite ? 1 : 0;
    }
    ASSERT_GT(with_satellites, 10U) << "the data should place claims without a place";
    ASSERT_LT(expected.size(), claims.size() * 3 / 4) << "the data should form incidents";

    Clusterer bulk(default_parameters());
    bulk.add(claims);
    EXPECT_EQ(bulk.groups(), expected) << "all at once, seed " << seed;
    for (const auto& group : expected) {
      EXPECT_EQ(bulk.group_of(group.front()), group) << group.front().str();
      EXPECT_EQ(bulk.group_of(group.back()), group) << group.back().str();
    }

    // One by one in a shuffled order: each claim without a place must end
    // with the best match, whichever placed claims arrived after it.
    std::vector<ClaimFacts> shuffled = claims;
    std::mt19937 random(seed * 31);
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    Clusterer one_by_one(default_parameters());
    for (const ClaimFacts& claim : shuffled) {
      one_by_one.add(claim);
    }
    EXPECT_EQ(one_by_one.groups(), expected) << "one by one, seed " << seed;

    // Claims without a place first, in bulk, then the placed ones in bulk.
    std::stable_partition(shuffled.begin(), shuffled.end(),
                          [](const ClaimFacts& claim) { return !claim.box; });
    const auto placed_from = std::find_if(shuffled.begin(), shuffled.end(),
                                          [](const ClaimFacts& claim) { return claim.box; });
    Clusterer two_loads(default_parameters());
    two_loads.add(std::vector<ClaimFacts>(shuffled.begin(), placed_from));
    two_loads.add(std::vector<ClaimFacts>(placed_from, shuffled.end()));
    EXPECT_EQ(two_loads.groups(), expected) << "placeless first, seed " << seed;
  }
}

TEST(ClustererIndex, AClaimAddedTwiceKeepsItsFirstFacts) {
  ClaimSpec near{.id = "clm_a", .lon = 10.0};
  ClaimSpec same_id_far{.id = "clm_a", .lon = 20.0};
  ClaimSpec neighbour{.id = "clm_b", .lon = 10.1};
  auto facts = [](const ClaimSpec& spec) {
    return facts_of(test::make_claim(spec), test::fictional_parties(), default_parameters());
  };
  // In one bulk load into an empty Clusterer, and one by one.
  Clusterer bulk(default_parameters());
  bulk.add({facts(near), facts(same_id_far), facts(neighbour)});
  Clusterer single(default_parameters());
  single.add(facts(near));
  single.add(facts(same_id_far));
  single.add(facts(neighbour));
  for (Clusterer* clusterer : {&bulk, &single}) {
    EXPECT_EQ(clusterer->size(), 2U);
    ASSERT_NE(clusterer->facts(ClaimId("clm_a")), nullptr);
    EXPECT_EQ(clusterer->facts(ClaimId("clm_a"))->box->min_lon, 10.0);
    EXPECT_EQ(clusterer->groups(),
              (std::vector<std::vector<ClaimId>>{{ClaimId("clm_a"), ClaimId("clm_b")}}));
    EXPECT_FALSE(clusterer->contains(ClaimId("clm_c")));
  }
}

}  // namespace
}  // namespace truce::fusion
