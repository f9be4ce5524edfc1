#include "fusion/clusterer.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>

#include "fusion/position_table.hpp"
#include "fusion/relation.hpp"

namespace truce::fusion {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using Point3 = bg::model::point<double, 3, bg::cs::cartesian>;
using Box3 = bg::model::box<Point3>;
using Entry = std::pair<Box3, std::size_t>;
using Tree = bgi::rtree<Entry, bgi::rstar<16>>;

constexpr double kKmPerDegree = 111.32;
constexpr double kPi = 3.14159265358979323846;
constexpr std::uint32_t kNoAdmin1 = 0;

// The claim's box in (lon, lat, hours), widened by its reach and its time
// widening, plus `hours_before` before its start (an ending claim reaches back
// to the fighting it ended). Two claims can only match when
// their boxes intersect; the reach in degrees of longitude is taken at the
// latitude farthest from the equator, so the box never falls short.
Box3 search_box(const ClaimFacts& facts, double hours_before = 0) {
  // The relation wants widened intervals that overlap, not just touch; the
  // box ends a moment early so that two consecutive dates are no candidates.
  constexpr double kMoment = 1e-6;
  const double start = facts.start_hours - facts.widen_hours - hours_before;
  const double end = facts.end_hours + facts.widen_hours - kMoment;
  if (!facts.box) {
    return {Point3(-180, -90, start), Point3(180, 90, end)};
  }
  const BoundingBox& box = *facts.box;
  const double dlat = facts.reach_km / kKmPerDegree;
  const double lat_far =
      std::min(89.0, std::max(std::abs(box.min_lat), std::abs(box.max_lat)) + dlat);
  const double dlon = facts.reach_km / (kKmPerDegree * std::cos(lat_far * kPi / 180.0));
  return {Point3(box.min_lon - dlon, box.min_lat - dlat, start),
          Point3(box.max_lon + dlon, box.max_lat + dlat, end)};
}

// The box, longer in time by `hours` at both ends: a search whose candidates
// the relation checks exactly, so that it never misses an interval that meets
// the box's end within the moment search_box leaves out.
Box3 longer_in_time(Box3 box, double hours) {
  bg::set<bg::min_corner, 2>(box, bg::get<bg::min_corner, 2>(box) - hours);
  bg::set<bg::max_corner, 2>(box, bg::get<bg::max_corner, 2>(box) + hours);
  return box;
}

// Hours between two claims' intervals, negative by as much as they overlap.
double separation(const ClaimFacts& a, const ClaimFacts& b) {
  return std::max(a.start_hours, b.start_hours) - std::min(a.end_hours, b.end_hours);
}

long long day_of(double hours) {
  return static_cast<long long>(std::floor(hours / 24.0));
}

bool clusters(const ClaimFacts& facts) {
  return facts.role == EventRole::kMember || facts.role == EventRole::kReleases;
}

bool same_kind(const ClaimFacts& a, const ClaimFacts& b) {
  return a.role == b.role && a.party_bits == b.party_bits && a.group == b.group &&
         a.parties == b.parties;
}

// Equal for claims of the same kind, so that most other kinds are told apart
// without reading their claims.
std::uint64_t kind_hash(const ClaimFacts& claim) {
  std::uint64_t hash = std::hash<std::string>{}(claim.group);
  hash = (hash ^ claim.party_bits) * 0x100000001b3ULL;
  return (hash ^ static_cast<std::uint64_t>(claim.role)) * 0x100000001b3ULL;
}

template <typename Visit>
void visit(const Tree& tree, const Box3& box, Visit&& visit_entry) {
  tree.query(bgi::intersects(box), boost::make_function_output_iterator(visit_entry));
}

// Entries whose boxes are as wide as the world (claims without a place), so
// that only time tells them apart: an R-tree packs such boxes badly, so they
// are kept by the day their box starts. visit() finds exactly the entries an
// R-tree query of the same box would.
class TimeIndex {
 public:
  bool empty() const { return by_day_.empty(); }

  // Entries of one day whose claims are `same_kind(a, b)` are kept together,
  // so that a visit can skip them together.
  template <typename SameKind>
  void insert(const Entry& entry, const SameKind& same_kind) {
    const double start = bg::get<bg::min_corner, 2>(entry.first);
    std::vector<std::vector<Entry>>& kinds = by_day_[day_of(start)];
    auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const std::vector<Entry>& entries) {
      return same_kind(entries.front().second, entry.second);
    });
    if (kind == kinds.end()) {
      kinds.emplace_back();
      kind = kinds.end() - 1;
    }
    kind->push_back(entry);
    longest_hours_ = std::max(longest_hours_, bg::get<bg::max_corner, 2>(entry.first) - start);
  }

  // Visits the entries whose boxes meet `box`, among the kinds whose first
  // claim `admit` admits.
  template <typename Visit, typename Admit>
  void visit(const Box3& box, Visit&& visit_entry, const Admit& admit) const {
    const auto first =
        by_day_.lower_bound(day_of(bg::get<bg::min_corner, 2>(box) - longest_hours_));
    const auto last = by_day_.upper_bound(day_of(bg::get<bg::max_corner, 2>(box)));
    for (auto day = first; day != last; ++day) {
      for (const std::vector<Entry>& entries : day->second) {
        if (!admit(entries.front().second)) {
          continue;
        }
        for (const Entry& entry : entries) {
          if (bg::intersects(box, entry.first)) {
            visit_entry(entry);
          }
        }
      }
    }
  }

  template <typename Visit>
  void visit(const Box3& box, Visit&& visit_entry) const {
    visit(box, visit_entry, [](std::size_t) { return true; });
  }

 private:
  std::map<long long, std::vector<std::vector<Entry>>> by_day_;
  double longest_hours_ = 0;
};

// The same box in time, anywhere in space: what an index of claims by admin1
// is searched with, since the relation holds for two placed claims naming one
// admin1 whatever their distance.
Box3 any_place(Box3 box) {
  bg::set<bg::min_corner, 0>(box, -180.0);
  bg::set<bg::min_corner, 1>(box, -90.0);
  bg::set<bg::max_corner, 0>(box, 180.0);
  bg::set<bg::max_corner, 1>(box, 90.0);
  return box;
}

// Entries by the day their box starts, for a search by time alone.
class EntriesByDay {
 public:
  bool empty() const { return by_day_.empty(); }

  void insert(const Entry& entry) {
    const double start = bg::get<bg::min_corner, 2>(entry.first);
    by_day_[day_of(start)].push_back(entry);
    longest_hours_ = std::max(longest_hours_, bg::get<bg::max_corner, 2>(entry.first) - start);
  }

  // Visits the entries whose boxes meet `box`.
  template <typename Visit>
  void visit(const Box3& box, Visit&& visit_entry) const {
    const auto first =
        by_day_.lower_bound(day_of(bg::get<bg::min_corner, 2>(box) - longest_hours_));
    const auto last = by_day_.upper_bound(day_of(bg::get<bg::max_corner, 2>(box)));
    for (auto day = first; day != last; ++day) {
      for (const Entry& entry : day->second) {
        if (bg::intersects(box, entry.first)) {
          visit_entry(entry);
        }
      }
    }
  }

 private:
  std::map<long long, std::vector<Entry>> by_day_;
  double longest_hours_ = 0;
};

// The placed claims of one admin1, for the containment rule
// (contained_in_one_admin1): where in space they all lie, and those whose
// place stands for the whole admin1. A claim placed more precisely is
// contained only with the latter; one of the latter contains all, which it
// finds in the tree within the extent, since they are entries there too.
struct Admin1Claims {
  std::optional<Box3> extent;  // the union of their entries' boxes
  EntriesByDay wide;
};
using ByAdmin1 = std::vector<Admin1Claims>;  // by admin1 id (Interned), 0 for none

void keep_by_admin1(ByAdmin1& by_admin1, const ClaimFacts& claim, std::uint32_t admin1,
                    const Entry& entry) {
  if (!claim.box || admin1 == kNoAdmin1) {
    return;
  }
  if (by_admin1.size() <= admin1) {
    by_admin1.resize(admin1 + 1);
  }
  Admin1Claims& of_admin1 = by_admin1[admin1];
  if (of_admin1.extent) {
    bg::expand(*of_admin1.extent, entry.first);
  } else {
    of_admin1.extent = entry.first;
  }
  if (claim.admin1_wide) {
    of_admin1.wide.insert(entry);
  }
}

// Visits the entries of `tree` whose boxes meet `box` (the search box of the
// claim at `index`), then the other entries the relation may match by
// containment in one admin1: every placed claim the relation may match.
template <typename Visit>
void visit_near_or_same_admin1(const Tree& tree, const ByAdmin1& by_admin1,
                               const std::vector<std::uint32_t>& admin1_of, const FactStore& facts,
                               std::size_t index, const Box3& box, Visit&& visit_entry) {
  const ClaimFacts& claim = facts[index];
  const std::uint32_t admin1 = admin1_of[index];
  if (!claim.box || admin1 >= by_admin1.size() || !by_admin1[admin1].extent) {
    visit(tree, box, visit_entry);
    return;
  }
  const Admin1Claims& of_admin1 = by_admin1[admin1];
  if (!claim.admin1_wide) {
    visit(tree, box, visit_entry);
    of_admin1.wide.visit(any_place(box), [&](const Entry& entry) {
      if (!bg::intersects(box, entry.first)) {
        visit_entry(entry);
      }
    });
    return;
  }
  // In time, the box's; in space, the box and the whole admin1's extent.
  Box3 wider = box;
  Box3 extent = *of_admin1.extent;
  bg::set<bg::min_corner, 2>(extent, bg::get<bg::min_corner, 2>(box));
  bg::set<bg::max_corner, 2>(extent, bg::get<bg::max_corner, 2>(box));
  bg::expand(wider, extent);
  visit(tree, wider, [&](const Entry& entry) {
    if (bg::intersects(box, entry.first) || admin1_of[entry.second] == admin1) {
      visit_entry(entry);
    }
  });
}

}  // namespace

// Placed claims that every claim without a place scores alike, bit for bit:
// beside the kind of their bucket, the same event type, admin1 and time
// interval are all that the relation reads of a placed claim when the other
// has no place (not its box, not its id). The best match among them is the
// one with the smallest id, so a search scores one claim per profile.
struct Profile {
  double start_hours;  // the interval, to rule out a profile without reading its claims
  double end_hours;
  double widen_hours;
  std::uint32_t admin1;  // id (Interned)
  EventType event_type;
  bool links_by_time;
  bool placed;
  std::size_t smallest;  // its claim with the smallest id

  static Profile of(const ClaimFacts& claim, std::uint32_t admin1, std::size_t index) {
    return {claim.start_hours, claim.end_hours,     claim.widen_hours,     admin1,
            claim.event_type,  claim.links_by_time, claim.box.has_value(), index};
  }

  bool operator==(const Profile& other) const {
    return start_hours == other.start_hours && end_hours == other.end_hours &&
           widen_hours == other.widen_hours && admin1 == other.admin1 &&
           event_type == other.event_type && links_by_time == other.links_by_time &&
           placed == other.placed;
  }

  std::uint64_t hash() const {
    std::uint64_t hash = admin1;
    for (const double value : {start_hours, end_hours, widen_hours}) {
      hash = (hash ^ std::hash<double>{}(value)) * 0x100000001b3ULL;
    }
    return (hash ^ static_cast<std::uint64_t>(event_type)) * 0x100000001b3ULL;
  }
};

// Placed claims of one day and one kind: the same role, group and parties,
// which is all that decides whether two claims may match apart from time and
// place (kinds_may_match), so one test admits or skips the whole bucket.
struct DayBucket {
  std::uint32_t kind;  // id (Interned)
  std::vector<Profile> profiles;
  PositionTable profile_of_hash;  // positions in `profiles`
};

// The buckets of one day, found by kind id.
struct DayBuckets {
  std::vector<DayBucket> buckets;
  PositionTable by_kind;  // positions in `buckets`
};

// Kinds or admin1s as small ids: the first claim of each is its example, and
// the examples are few, so they stay in cache while a million claims are
// grouped by comparing with them rather than with each other.
struct Interned {
  PositionTable ids;                  // positions in `examples`
  std::vector<std::size_t> examples;  // by id

  template <typename Same>
  std::uint32_t id_of(std::uint64_t hash, std::size_t index, const Same& same) {
    const auto [id, added] = ids.insert(hash, examples.size(),
                                        [&](std::size_t stored) { return same(examples[stored]); });
    if (added) {
      examples.push_back(index);
    }
    return static_cast<std::uint32_t>(id);
  }
};

struct Clusterer::Index {
  Tree members;     // claims with a place that cluster and link by time
  TimeIndex loose;  // claims without a place that cluster and link by time
  Tree endings;     // claims that end incidents
  // Placed members and placed endings again, by the admin1 they name.
  ByAdmin1 members_by_admin1;
  ByAdmin1 endings_by_admin1;
  // The claims of `members` by the day their widened interval starts and by
  // kind, and the longest widened interval among them: what a claim without a
  // place, which has no box to search with, searches instead.
  std::map<long long, DayBuckets> placed_by_day;
  double longest_placed_hours = 0;
  // Every claim's kind and admin1 id, by position (kNoAdmin1 for none; the
  // admin1 id is one more than its position in `admin1s`).
  Interned kinds;
  Interned admin1s;
  std::vector<std::uint32_t> kind_of;
  std::vector<std::uint32_t> admin1_of;
};

Clusterer::Clusterer(Parameters parameters)
    : parameters_(std::move(parameters)), index_(std::make_unique<Index>()) {}
Clusterer::Clusterer(Clusterer&&) noexcept = default;
Clusterer& Clusterer::operator=(Clusterer&&) noexcept = default;
Clusterer::~Clusterer() = default;

std::size_t Clusterer::size() const {
  return facts_.size();
}

bool Clusterer::contains(const ClaimId& claim) const {
  return position_of(claim.str()) != kNone;
}

const ClaimFacts* Clusterer::facts(const ClaimId& claim) const {
  const std::size_t found = position_of(claim.str());
  return found == kNone ? nullptr : &facts_[found];
}

std::size_t Clusterer::find(std::size_t index) {
  while (parent_[index] != index) {
    parent_[index] = parent_[parent_[index]];
    index = parent_[index];
  }
  return index;
}

void Clusterer::unite(std::size_t a, std::size_t b) {
  a = find(a);
  b = find(b);
  if (a == b) {
    return;
  }
  if (rank_[a] < rank_[b]) {
    std::swap(a, b);
  }
  parent_[b] = a;
  if (rank_[a] == rank_[b]) {
    ++rank_[a];
  }
}

// Always asks in claim-id order, so the features and the score of a pair do
// not depend on which of the two arrived first.
std::optional<MatchFeatures> Clusterer::match(std::size_t a, std::size_t b) const {
  if (facts_[b].id < facts_[a].id) {
    std::swap(a, b);
  }
  return same_event(facts_[a], facts_[b], parameters_);
}

// The score is symmetric bit for bit (relation.hpp), so no ordering is needed.
std::optional<double> Clusterer::score(std::size_t a, std::size_t b) const {
  return same_event_score(facts_[a], facts_[b], parameters_);
}

std::size_t Clusterer::position_of(std::string_view id) const {
  return index_of_.find(
      id, [&](std::size_t index) -> const std::string& { return facts_[index].id.str(); });
}

// A claim the caller says is held (a member of a group from this Clusterer).
std::size_t Clusterer::known(const ClaimId& id) const {
  const std::size_t found = position_of(id.str());
  if (found == kNone) {
    throw std::out_of_range("fusion::Clusterer: claim " + id.str() + " was never added");
  }
  return found;
}

void Clusterer::add(ClaimFacts claim) {
  std::vector<ClaimFacts> one;
  one.push_back(std::move(claim));
  add(std::move(one));
}

// Into an empty Clusterer, claims with no id twice are taken as they are.
bool Clusterer::adopt(std::vector<ClaimFacts>& claims) {
  if (!facts_.empty() || claims.size() < 2) {
    return false;
  }
  auto id_at = [&](std::size_t index) -> const std::string& { return claims[index].id.str(); };
  for (std::size_t index = 0; index < claims.size(); ++index) {
    if (!index_of_.insert(claims[index].id.str(), index, id_at)) {
      index_of_ = IdTable();  // one claim twice: the first of them is kept, one by one
      index_of_.reserve(claims.size());
      return false;
    }
  }
  facts_.adopt(std::move(claims));
  return true;
}

void Clusterer::add(std::vector<ClaimFacts> claims) {
  const std::size_t first_new = facts_.size();
  if (claims.size() > facts_.size()) {
    // A bulk load: room for an eighth more, so that the claims added one by
    // one afterwards do not move the positions' tables at the first of them.
    const std::size_t room = facts_.size() + claims.size() + claims.size() / 8;
    parent_.reserve(room);
    rank_.reserve(room);
    anchor_.reserve(room);
    anchor_score_.reserve(room);
    index_of_.reserve(room);
    index_->kind_of.reserve(room);
    index_->admin1_of.reserve(room);
  }
  if (!adopt(claims)) {
    auto id_at = [&](std::size_t index) -> const std::string& { return facts_[index].id.str(); };
    for (ClaimFacts& claim : claims) {
      if (index_of_.insert(claim.id.str(), facts_.size(), id_at)) {
        facts_.push_back(std::move(claim));
      }
    }
  }
  std::vector<Entry> members;
  std::vector<Entry> loose;
  std::vector<Entry> endings;
  members.reserve(facts_.size() - first_new);
  for (std::size_t index = first_new; index < facts_.size(); ++index) {
    const ClaimFacts& claim = facts_[index];
    intern(index);
    if (clusters(claim) && claim.links_by_time) {
      (claim.box ? members : loose).emplace_back(search_box(claim), index);
    } else if (claim.role == EventRole::kEnds && claim.links_by_time) {
      endings.emplace_back(search_box(claim, parameters_.end_link_hours), index);
    }
    parent_.push_back(index);
    rank_.push_back(0);
    anchor_.push_back(kNone);
    anchor_score_.push_back(0);
  }
  // Bulk loading packs a tree; inserting one by one is for the claims after.
  auto fill = [](Tree& tree, const std::vector<Entry>& entries) {
    if (tree.empty() && entries.size() > 1) {
      tree = Tree(entries.begin(), entries.end());
    } else {
      tree.insert(entries.begin(), entries.end());
    }
  };
  fill(index_->members, members);
  auto same_kind_of = [&](std::size_t a, std::size_t b) {
    return index_->kind_of[a] == index_->kind_of[b];
  };
  for (const Entry& entry : members) {
    keep_by_admin1(index_->members_by_admin1, facts_[entry.second], index_->admin1_of[entry.second],
                   entry);
  }
  for (const Entry& entry : endings) {
    keep_by_admin1(index_->endings_by_admin1, facts_[entry.second], index_->admin1_of[entry.second],
                   entry);
  }
  for (const Entry& entry : members) {
    index_by_day(entry.second);
  }
  // The claims without a place held already: a new placed claim may match
  // one of them better than its match so far.
  if (!index_->loose.empty()) {
    for (const Entry& entry : members) {
      index_->loose.visit(
          longer_in_time(entry.first, 1),
          [&](const Entry& satellite) { offer_anchor(satellite.second, entry.second); },
          [&](std::size_t example) {
            const std::size_t kind_example = index_->kinds.examples[index_->kind_of[example]];
            return kinds_may_match(facts_[kind_example], facts_[entry.second], parameters_);
          });
    }
  }
  // The new ones: among every placed claim of their days.
  for (const Entry& entry : loose) {
    anchor_[entry.second] = search_anchor(entry.second);
    if (anchor_[entry.second] != kNone) {
      anchor_score_[entry.second] = *score(entry.second, anchor_[entry.second]);
    }
  }
  for (const Entry& entry : loose) {
    index_->loose.insert(entry, same_kind_of);
  }
  fill(index_->endings, endings);
  for (const Entry& entry : members) {
    link(entry.second);
  }
  for (std::size_t index = first_new; index < facts_.size(); ++index) {
    apply_constraints_of(index);
  }
}

void Clusterer::intern(std::size_t index) {
  const ClaimFacts& claim = facts_[index];
  index_->kind_of.push_back(index_->kinds.id_of(kind_hash(claim), index, [&](std::size_t example) {
    return same_kind(facts_[example], claim);
  }));
  index_->admin1_of.push_back(
      claim.admin1.empty()
          ? kNoAdmin1
          : 1 + index_->admin1s.id_of(
                    std::hash<std::string>{}(claim.admin1), index,
                    [&](std::size_t example) { return facts_[example].admin1 == claim.admin1; }));
}

void Clusterer::index_by_day(std::size_t index) {
  const ClaimFacts& claim = facts_[index];
  const double start = claim.start_hours - claim.widen_hours;
  DayBuckets& of_day = index_->placed_by_day[day_of(start)];
  const std::uint32_t kind = index_->kind_of[index];
  const auto [position, new_kind] = of_day.by_kind.insert(
      kind * 0x9e3779b97f4a7c15ULL, of_day.buckets.size(),
      [&](std::size_t stored) { return of_day.buckets[stored].kind == kind; });
  if (new_kind) {
    of_day.buckets.push_back({kind, {}, {}});
  }
  DayBucket& bucket = of_day.buckets[position];
  const Profile profile = Profile::of(claim, index_->admin1_of[index], index);
  const auto [slot, added] = bucket.profile_of_hash.insert(
      profile.hash(), bucket.profiles.size(),
      [&](std::size_t stored) { return bucket.profiles[stored] == profile; });
  if (added) {
    bucket.profiles.push_back(profile);
  } else if (claim.id < facts_[bucket.profiles[slot].smallest].id) {
    bucket.profiles[slot].smallest = index;
  }
  index_->longest_placed_hours =
      std::max(index_->longest_placed_hours, claim.end_hours + claim.widen_hours - start);
}

// Joins the claim's component with every earlier claim it matches. A pair is
// looked at once: by the later of its two claims. The members' tree holds
// placed claims only, so a candidate's record is read only to score it.
void Clusterer::link(std::size_t index) {
  if (!facts_[index].box) {
    return;  // a claim without a place joins as a satellite, in components()
  }
  visit_near_or_same_admin1(index_->members, index_->members_by_admin1, index_->admin1_of, facts_,
                            index, search_box(facts_[index]), [&](const Entry& entry) {
                              const std::size_t other = entry.second;
                              if (other >= index || find(other) == find(index)) {
                                return;
                              }
                              if (score(index, other)) {
                                unite(index, other);
                              }
                            });
}

std::size_t Clusterer::count_candidates(const ClaimId& claim) const {
  const std::size_t found = position_of(claim.str());
  if (found == kNone) {
    return 0;
  }
  std::size_t count = 0;
  index_->members.query(bgi::intersects(search_box(facts_[found])),
                        boost::make_function_output_iterator([&](const Entry&) { ++count; }));
  return count;
}

void Clusterer::set_constraints(std::vector<Constraint> constraints) {
  // The latest decision on a pair wins.
  std::map<std::pair<std::string, std::string>, Constraint> latest;
  for (Constraint& constraint : constraints) {
    auto key = std::minmax(constraint.pair.a.str(), constraint.pair.b.str());
    auto [slot, added] = latest.try_emplace({key.first, key.second}, constraint);
    if (!added && slot->second.decision <= constraint.decision) {
      slot->second = std::move(constraint);
    }
  }
  constraints_.clear();
  for (auto& [key, constraint] : latest) {
    constraints_.push_back(std::move(constraint));
  }
  must_.clear();
  cannot_.clear();
  for (std::size_t index = 0; index < facts_.size(); ++index) {
    apply_constraints_of(index);
  }
}

// Resolves the constraints that name this claim and a claim already added.
void Clusterer::apply_constraints_of(std::size_t index) {
  const std::string& id = facts_[index].id.str();
  for (const Constraint& constraint : constraints_) {
    const std::string* other_id = nullptr;
    if (constraint.pair.a.str() == id) {
      other_id = &constraint.pair.b.str();
    } else if (constraint.pair.b.str() == id) {
      other_id = &constraint.pair.a.str();
    } else {
      continue;
    }
    const std::size_t other = position_of(*other_id);
    if (other == kNone || other > index) {
      continue;  // resolved when the later of the two claims arrives
    }
    auto& table = constraint.pair.must_link ? must_ : cannot_;
    table[index].emplace_back(other, constraint.decision);
    table[other].emplace_back(index, constraint.decision);
    if (constraint.pair.must_link) {
      unite(index, other);
    }
  }
}

// Splits one component as the constraints require: must-links join first,
// whatever else holds; then the relation's edges join, strongest first (ties
// by claim ids), unless the join would put two claims with a cannot-link
// together. The edge order depends on the claims alone, so the split does too.
std::vector<std::size_t> Clusterer::split(std::span<const std::size_t> component) {
  std::unordered_map<std::size_t, std::size_t> local;
  for (std::size_t i = 0; i < component.size(); ++i) {
    local.emplace(component[i], i);
  }
  std::vector<std::size_t> parent(component.size());
  for (std::size_t i = 0; i < parent.size(); ++i) {
    parent[i] = i;
  }
  auto root = [&](std::size_t i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (std::size_t i = 0; i < component.size(); ++i) {
    auto found = must_.find(component[i]);
    if (found == must_.end()) {
      continue;
    }
    for (const auto& [other, decision] : found->second) {
      auto other_local = local.find(other);
      if (other_local != local.end()) {
        parent[root(other_local->second)] = root(i);
      }
    }
  }
  struct Edge {
    double score;
    std::size_t a;
    std::size_t b;
  };
  std::vector<Edge> edges;
  for (std::size_t i = 0; i < component.size(); ++i) {
    const std::size_t index = component[i];
    if (!clusters(facts_[index]) || !facts_[index].links_by_time) {
      continue;
    }
    if (!facts_[index].box) {
      // A claim without a place keeps only its satellite link.
      if (auto anchor = attachment(index)) {
        auto other = local.find(*anchor);
        if (other != local.end()) {
          edges.push_back({anchor_score_[index], i, other->second});
        }
      }
      continue;
    }
    visit_near_or_same_admin1(
        index_->members, index_->members_by_admin1, index_->admin1_of, facts_, index,
        search_box(facts_[index]), [&](const Entry& entry) {
          auto other = local.find(entry.second);
          if (other == local.end() || other->second <= i || !facts_[entry.second].box) {
            return;
          }
          if (auto value = score(index, entry.second)) {
            edges.push_back({*value, i, other->second});
          }
        });
  }
  auto ids = [&](const Edge& edge) {
    return std::minmax(facts_[component[edge.a]].id.str(), facts_[component[edge.b]].id.str());
  };
  std::sort(edges.begin(), edges.end(), [&](const Edge& x, const Edge& y) {
    if (x.score != y.score) {
      return x.score > y.score;
    }
    return ids(x) < ids(y);
  });
  auto cannot_between = [&](std::size_t root_a, std::size_t root_b) {
    for (std::size_t i = 0; i < component.size(); ++i) {
      if (root(i) != root_a) {
        continue;
      }
      auto found = cannot_.find(component[i]);
      if (found == cannot_.end()) {
        continue;
      }
      for (const auto& [other, decision] : found->second) {
        auto other_local = local.find(other);
        if (other_local != local.end() && root(other_local->second) == root_b) {
          return true;
        }
      }
    }
    return false;
  };
  for (const Edge& edge : edges) {
    const std::size_t a = root(edge.a);
    const std::size_t b = root(edge.b);
    if (a != b && !cannot_between(a, b) && !cannot_between(b, a)) {
      parent[b] = a;
    }
  }
  std::vector<std::size_t> labels(component.size());
  for (std::size_t i = 0; i < component.size(); ++i) {
    labels[i] = root(i);
  }
  return labels;
}

// The best-matching placed claim: the highest score, then the smallest claim
// id. A total order over the candidates, so the answer does not depend on the
// order the candidates were offered in.
std::optional<std::size_t> Clusterer::attachment(std::size_t index) const {
  if (anchor_[index] == kNone) {
    return std::nullopt;
  }
  return anchor_[index];
}

void Clusterer::offer_anchor(std::size_t satellite, std::size_t placed) {
  const auto value = score(satellite, placed);
  if (!value) {
    return;
  }
  const std::size_t best = anchor_[satellite];
  if (best == kNone || *value > anchor_score_[satellite] ||
      (*value == anchor_score_[satellite] && facts_[placed].id < facts_[best].id)) {
    anchor_[satellite] = placed;
    anchor_score_[satellite] = *value;
  }
}

// A claim without a place has no box to search with, and a world-wide box
// would visit most of the R-tree; so its candidates are the placed claims of
// the days its widened interval can meet, in the buckets of kinds it may match,
// one per profile.
std::size_t Clusterer::search_anchor(std::size_t index) const {
  std::size_t best = kNone;
  double best_score = -1;
  const ClaimFacts& claim = facts_[index];
  const double from = claim.start_hours - claim.widen_hours - index_->longest_placed_hours;
  const double to = claim.end_hours + claim.widen_hours;
  const auto first = index_->placed_by_day.lower_bound(day_of(from));
  const auto last = index_->placed_by_day.upper_bound(day_of(to));
  for (auto day = first; day != last; ++day) {
    for (const DayBucket& bucket : day->second.buckets) {
      if (!kinds_may_match(claim, facts_[index_->kinds.examples[bucket.kind]], parameters_)) {
        continue;
      }
      for (const Profile& profile : bucket.profiles) {
        // The relation's own time test, on the profile's copy of the interval.
        const double separation = std::max(claim.start_hours, profile.start_hours) -
                                  std::min(claim.end_hours, profile.end_hours);
        if (separation >= claim.widen_hours + profile.widen_hours) {
          continue;
        }
        const std::size_t other = profile.smallest;
        auto value = score(index, other);
        if (!value) {
          continue;
        }
        if (*value > best_score || (*value == best_score && facts_[other].id < facts_[best].id)) {
          best = other;
          best_score = *value;
        }
      }
    }
  }
  return best;
}

// Components before constraints split them: placed claims joined by the
// relation and must-links; a claim without a place joins the component of
// its best-matching placed claim (it does not bridge two components, since
// "no place" matches every place); claims without a place that match no
// placed claim form components among themselves.
Clusterer::Components Clusterer::components() {
  // Each claim's component key: the union-find root of its own component or
  // of its best placed match's; for the claims without a place that match no
  // placed claim, a root of their own union-find below (such a claim is never
  // in another claim's union-find set, so the keys cannot collide).
  const std::size_t count = facts_.size();
  std::vector<std::size_t> key(count, kNone);
  std::vector<std::size_t> unattached;
  for (std::size_t index = 0; index < count; ++index) {
    const ClaimFacts& claim = facts_[index];
    if (!clusters(claim)) {
      continue;
    }
    if (claim.box || !claim.links_by_time || (!must_.empty() && must_.contains(index))) {
      key[index] = find(index);
    } else if (anchor_[index] != kNone) {
      key[index] = find(anchor_[index]);
    } else {
      unattached.push_back(index);
    }
  }
  // Among themselves, by a union-find of their own.
  std::unordered_map<std::size_t, std::size_t> parent;
  for (std::size_t index : unattached) {
    parent[index] = index;
  }
  auto root_of = [&](std::size_t index) {
    while (parent[index] != index) {
      index = parent[index] = parent[parent[index]];
    }
    return index;
  };
  for (std::size_t index : unattached) {
    index_->loose.visit(search_box(facts_[index]), [&](const Entry& entry) {
      auto other = parent.find(entry.second);
      if (other == parent.end() || entry.second == index) {
        return;
      }
      if (score(index, entry.second)) {
        parent[root_of(entry.second)] = root_of(index);
      }
    });
  }
  for (std::size_t index : unattached) {
    key[index] = root_of(index);
  }
  // Group by key with a counting sort: components numbered in the order of
  // their first claim, members in claim order.
  std::vector<std::size_t> number(count, kNone);
  Components result;
  std::vector<std::size_t> sizes;
  for (std::size_t index = 0; index < count; ++index) {
    if (key[index] == kNone) {
      continue;
    }
    std::size_t& slot = number[key[index]];
    if (slot == kNone) {
      slot = sizes.size();
      sizes.push_back(0);
    }
    ++sizes[slot];
  }
  result.starts.resize(sizes.size() + 1, 0);
  for (std::size_t c = 0; c < sizes.size(); ++c) {
    result.starts[c + 1] = result.starts[c] + sizes[c];
  }
  std::vector<std::size_t> next(result.starts.begin(), result.starts.end() - 1);
  result.members.resize(result.starts.back());
  for (std::size_t index = 0; index < count; ++index) {
    if (key[index] != kNone) {
      result.members[next[number[key[index]]]++] = index;
    }
  }
  return result;
}

std::vector<std::vector<ClaimId>> Clusterer::groups() {
  const Components all = components();
  const bool any_constraint = !must_.empty() || !cannot_.empty();
  std::vector<std::vector<ClaimId>> result;
  result.reserve(all.starts.size() - 1);
  for (std::size_t c = 0; c + 1 < all.starts.size(); ++c) {
    const std::span<const std::size_t> component(all.members.data() + all.starts[c],
                                                 all.starts[c + 1] - all.starts[c]);
    const bool constrained =
        any_constraint && std::any_of(component.begin(), component.end(), [&](std::size_t i) {
          return must_.contains(i) || cannot_.contains(i);
        });
    if (!constrained) {
      std::vector<ClaimId> group;
      group.reserve(component.size());
      for (std::size_t index : component) {
        group.push_back(facts_[index].id);
      }
      std::sort(group.begin(), group.end());
      result.push_back(std::move(group));
      continue;
    }
    const auto labels = split(component);
    std::map<std::size_t, std::vector<ClaimId>> parts;
    for (std::size_t i = 0; i < component.size(); ++i) {
      parts[labels[i]].push_back(facts_[component[i]].id);
    }
    for (auto& [label, group] : parts) {
      std::sort(group.begin(), group.end());
      result.push_back(std::move(group));
    }
  }
  std::sort(result.begin(), result.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return result;
}

// The component of one claim, found by walking its links through the index
// (the same edges components() joins), so its cost depends on the component
// and its neighbourhood, not on how many claims the Clusterer holds.
std::vector<std::size_t> Clusterer::component_of(std::size_t start) const {
  auto satellite = [&](std::size_t index) {
    return !facts_[index].box && !must_.contains(index) && facts_[index].links_by_time;
  };
  if (satellite(start)) {
    if (auto anchor = attachment(start)) {
      return component_of(*anchor);
    }
  }
  std::unordered_map<std::size_t, bool> seen{{start, true}};
  std::vector<std::size_t> component{start};
  for (std::size_t next = 0; next < component.size(); ++next) {
    const std::size_t index = component[next];
    auto join = [&](std::size_t other) {
      if (seen.emplace(other, true).second) {
        component.push_back(other);
      }
    };
    if (auto found = must_.find(index); found != must_.end()) {
      for (const auto& [other, decision] : found->second) {
        join(other);
      }
    }
    const bool loose = satellite(index);  // a claim without place that no placed claim takes
    if ((!facts_[index].box && !loose) || !clusters(facts_[index]) ||
        !facts_[index].links_by_time) {
      continue;
    }
    auto follow = [&](const Entry& entry) {
      const std::size_t other = entry.second;
      if (seen.contains(other) || satellite(other) != loose || (!loose && !facts_[other].box) ||
          (loose && attachment(other))) {
        return;
      }
      if (score(index, other)) {
        join(other);
      }
    };
    const Box3 box = search_box(facts_[index]);
    if (loose) {
      index_->loose.visit(box, follow);
    } else {
      visit_near_or_same_admin1(index_->members, index_->members_by_admin1, index_->admin1_of,
                                facts_, index, box, follow);
    }
  }
  if (satellite(start)) {
    return component;  // claims without place that no placed claim takes
  }
  // Claims without place whose best placed match is in the component.
  std::vector<std::size_t> satellites;
  for (std::size_t index : component) {
    if (!facts_[index].box || !facts_[index].links_by_time) {
      continue;
    }
    index_->loose.visit(search_box(facts_[index]), [&](const Entry& entry) {
      const std::size_t other = entry.second;
      if (!satellite(other) || seen.contains(other) || !score(index, other)) {
        return;
      }
      auto anchor = attachment(other);
      if (anchor && seen.contains(*anchor)) {
        seen.emplace(other, true);
        satellites.push_back(other);
      }
    });
  }
  component.insert(component.end(), satellites.begin(), satellites.end());
  return component;
}

std::vector<ClaimId> Clusterer::group_of(const ClaimId& claim) {
  const std::size_t found = position_of(claim.str());
  if (found == kNone || !clusters(facts_[found])) {
    return {};
  }
  const auto component = component_of(found);
  const bool constrained = std::any_of(component.begin(), component.end(), [&](std::size_t i) {
    return must_.contains(i) || cannot_.contains(i);
  });
  std::vector<ClaimId> group;
  if (!constrained) {
    for (std::size_t index : component) {
      group.push_back(facts_[index].id);
    }
  } else {
    const auto labels = split(component);
    std::size_t mine = 0;
    for (std::size_t i = 0; i < component.size(); ++i) {
      if (component[i] == found) {
        mine = labels[i];
      }
    }
    for (std::size_t i = 0; i < component.size(); ++i) {
      if (labels[i] == mine) {
        group.push_back(facts_[component[i]].id);
      }
    }
  }
  std::sort(group.begin(), group.end());
  return group;
}

// How close in time the ending claim comes to any claim it may end: it ends
// the hostilities it overlaps, or else the latest ones before it, not every
// incident within reach.
double Clusterer::closest_end_gap(std::size_t ending) const {
  double closest = std::numeric_limits<double>::infinity();
  auto consider = [&](const Entry& entry) {
    if (may_end(facts_[ending], facts_[entry.second], parameters_)) {
      closest = std::min(closest, separation(facts_[ending], facts_[entry.second]));
    }
  };
  const Box3 box = search_box(facts_[ending], parameters_.end_link_hours);
  visit_near_or_same_admin1(index_->members, index_->members_by_admin1, index_->admin1_of, facts_,
                            ending, box, consider);
  index_->loose.visit(box, consider);
  return closest;
}

// Below this many members, an incident's explanations compare its members
// pair by pair rather than searching the indexes around each.
constexpr std::size_t kSmallGroup = 64;

Incident Clusterer::incident(const std::vector<ClaimId>& group) {
  Incident incident;
  if (group.empty()) {
    return incident;
  }
  incident.id = incident_id_for(group.front());
  std::unordered_map<std::size_t, bool> in_group;
  std::vector<std::size_t> members;
  members.reserve(group.size());
  for (const ClaimId& id : group) {
    members.push_back(known(id));
    in_group.emplace(members.back(), true);
  }
  std::map<std::string, IncidentLink> links;
  // Each ending claim near several members is measured once.
  std::unordered_map<std::size_t, double> end_gaps;
  auto closest_gap = [&](std::size_t ending) {
    auto [slot, added] = end_gaps.try_emplace(ending, 0.0);
    if (added) {
      slot->second = closest_end_gap(ending);
    }
    return slot->second;
  };
  for (const ClaimId& id : group) {
    const std::size_t index = known(id);
    IncidentMember member;
    member.claim = id;
    std::optional<MatchFeatures> best;
    auto consider = [&](std::optional<MatchFeatures> features) {
      if (!features) {
        return;
      }
      if (!best || features->score > best->score ||
          (features->score == best->score && features->matched_with < best->matched_with)) {
        best = std::move(features);
      }
    };
    if (clusters(facts_[index]) && facts_[index].links_by_time) {
      auto explain = [&](const Entry& entry) {
        if (entry.second == index || !in_group.contains(entry.second)) {
          return;
        }
        auto features = match(index, entry.second);
        if (features) {
          features->matched_with = facts_[entry.second].id;
        }
        consider(std::move(features));
      };
      const Box3 box = search_box(facts_[index]);
      if (members.size() <= kSmallGroup) {
        // The same candidates as the index searches below would give, taken
        // from the group: a claim without a place would search the world.
        for (const std::size_t other : members) {
          const ClaimFacts& candidate = facts_[other];
          if (clusters(candidate) && candidate.links_by_time) {
            const Box3 other_box = search_box(candidate);
            const bool contained = contained_in_one_admin1(facts_[index], candidate);
            if (bg::intersects(contained ? any_place(box) : box, other_box)) {
              explain(Entry(other_box, other));
            }
          }
        }
      } else {
        visit_near_or_same_admin1(index_->members, index_->members_by_admin1, index_->admin1_of,
                                  facts_, index, box, explain);
        index_->loose.visit(box, explain);
      }
    }
    // A claim that matches no other member is there by an analyst's decision.
    if (auto found = must_.find(index); !best && found != must_.end()) {
      for (const auto& [other, decision] : found->second) {
        if (!in_group.contains(other)) {
          continue;
        }
        MatchFeatures features;
        features.matched_with = facts_[other].id;
        features.place_rule = "placed by analyst decision";
        features.type_rule = "placed by analyst decision";
        features.actor_rule = "placed by analyst decision";
        features.score = 1.0;
        features.decision = decision;
        if (!best || features.matched_with < best->matched_with) {
          best = std::move(features);
        }
      }
    }
    if (best) {
      member.why = std::move(*best);
    } else {
      member.why.place_rule = "alone";
    }
    incident.members.push_back(std::move(member));
    if (facts_[index].role == EventRole::kMember) {
      visit_near_or_same_admin1(
          index_->endings, index_->endings_by_admin1, index_->admin1_of, facts_, index,
          search_box(facts_[index]), [&](const Entry& entry) {
            if (!may_end(facts_[entry.second], facts_[index], parameters_) ||
                separation(facts_[entry.second], facts_[index]) > closest_gap(entry.second)) {
              return;
            }
            auto features = ends_event(facts_[entry.second], facts_[index], parameters_);
            const std::string& key = facts_[entry.second].id.str();
            auto slot = links.find(key);
            if (slot == links.end() || features->score > slot->second.why.score ||
                (features->score == slot->second.why.score &&
                 features->matched_with < slot->second.why.matched_with)) {
              IncidentLink link;
              link.claim = facts_[entry.second].id;
              link.why = std::move(*features);
              links[key] = std::move(link);
            }
          });
    }
  }
  for (auto& [key, link] : links) {
    incident.links.push_back(std::move(link));
  }
  return incident;
}

}  // namespace truce::fusion
