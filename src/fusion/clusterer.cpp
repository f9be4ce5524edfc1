#include "fusion/clusterer.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

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

}  // namespace

struct Clusterer::Index {
  Tree members;  // claims with a place that cluster and link by time
  Tree loose;    // claims without a place that cluster and link by time (world-wide boxes)
  Tree endings;  // claims that end incidents
  // The claims of `members` by the day their widened interval starts, and the
  // longest widened interval among them.
  std::map<long long, std::vector<std::size_t>> placed_by_day;
  double longest_placed_hours = 0;
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
  return index_of_.contains(claim.str());
}

const ClaimFacts* Clusterer::facts(const ClaimId& claim) const {
  auto found = index_of_.find(claim.str());
  return found == index_of_.end() ? nullptr : &facts_[found->second];
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

void Clusterer::add(ClaimFacts claim) {
  std::vector<ClaimFacts> one;
  one.push_back(std::move(claim));
  add(std::move(one));
}

void Clusterer::add(std::vector<ClaimFacts> claims) {
  const std::size_t first_new = facts_.size();
  std::vector<Entry> members;
  std::vector<Entry> loose;
  std::vector<Entry> endings;
  members.reserve(claims.size());
  if (claims.size() > facts_.size()) {
    // A bulk load: room for an eighth more, so that the claims added one by
    // one afterwards do not move a million records at the first of them.
    const std::size_t room = facts_.size() + claims.size() + claims.size() / 8;
    facts_.reserve(room);
    parent_.reserve(room);
    rank_.reserve(room);
    index_of_.reserve(room);
  }
  for (ClaimFacts& claim : claims) {
    if (!index_of_.emplace(claim.id.str(), facts_.size()).second) {
      continue;
    }
    const std::size_t index = facts_.size();
    if (clusters(claim) && claim.links_by_time) {
      (claim.box ? members : loose).emplace_back(search_box(claim), index);
    } else if (claim.role == EventRole::kEnds && claim.links_by_time) {
      endings.emplace_back(search_box(claim, parameters_.end_link_hours), index);
    }
    facts_.push_back(std::move(claim));
    parent_.push_back(index);
    rank_.push_back(0);
  }
  if (index_->members.empty() && members.size() > 1) {
    index_->members = Tree(members.begin(), members.end());  // bulk loading packs the tree
  } else {
    index_->members.insert(members.begin(), members.end());
  }
  for (const Entry& entry : members) {
    const ClaimFacts& claim = facts_[entry.second];
    const double start = claim.start_hours - claim.widen_hours;
    index_->placed_by_day[day_of(start)].push_back(entry.second);
    index_->longest_placed_hours =
        std::max(index_->longest_placed_hours, claim.end_hours + claim.widen_hours - start);
  }
  index_->loose.insert(loose.begin(), loose.end());
  index_->endings.insert(endings.begin(), endings.end());
  for (const Entry& entry : members) {
    link(entry.second);
  }
  for (std::size_t index = first_new; index < facts_.size(); ++index) {
    apply_constraints_of(index);
  }
}

// Joins the claim's component with every earlier claim it matches. A pair is
// looked at once: by the later of its two claims.
void Clusterer::link(std::size_t index) {
  if (!facts_[index].box) {
    return;  // a claim without a place joins as a satellite, in components()
  }
  const Box3 box = search_box(facts_[index]);
  index_->members.query(bgi::intersects(box),
                        boost::make_function_output_iterator([&](const Entry& entry) {
                          const std::size_t other = entry.second;
                          if (other >= index || !facts_[other].box || find(other) == find(index)) {
                            return;
                          }
                          if (score(index, other)) {
                            unite(index, other);
                          }
                        }));
}

std::size_t Clusterer::count_candidates(const ClaimId& claim) const {
  auto found = index_of_.find(claim.str());
  if (found == index_of_.end()) {
    return 0;
  }
  std::size_t count = 0;
  index_->members.query(bgi::intersects(search_box(facts_[found->second])),
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
    auto other = index_of_.find(*other_id);
    if (other == index_of_.end() || other->second > index) {
      continue;  // resolved when the later of the two claims arrives
    }
    auto& table = constraint.pair.must_link ? must_ : cannot_;
    table[index].emplace_back(other->second, constraint.decision);
    table[other->second].emplace_back(index, constraint.decision);
    if (constraint.pair.must_link) {
      unite(index, other->second);
    }
  }
}

// Splits one component as the constraints require: must-links join first,
// whatever else holds; then the relation's edges join, strongest first (ties
// by claim ids), unless the join would put two claims with a cannot-link
// together. The edge order depends on the claims alone, so the split does too.
std::vector<std::size_t> Clusterer::split(const std::vector<std::size_t>& component) {
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
          edges.push_back({*score(index, *anchor), i, other->second});
        }
      }
      continue;
    }
    index_->members.query(
        bgi::intersects(search_box(facts_[index])),
        boost::make_function_output_iterator([&](const Entry& entry) {
          auto other = local.find(entry.second);
          if (other == local.end() || other->second <= i || !facts_[entry.second].box) {
            return;
          }
          if (auto value = score(index, entry.second)) {
            edges.push_back({*value, i, other->second});
          }
        }));
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

// A claim without a place has no box to search with, and a world-wide box
// would visit most of the R-tree; the placed claims are also kept by day, so
// its candidates are those of the days its widened interval can meet.
std::optional<std::size_t> Clusterer::attachment(std::size_t index) const {
  std::optional<std::size_t> best;
  double best_score = -1;
  const ClaimFacts& claim = facts_[index];
  const double from = claim.start_hours - claim.widen_hours - index_->longest_placed_hours;
  const double to = claim.end_hours + claim.widen_hours;
  const auto first = index_->placed_by_day.lower_bound(day_of(from));
  const auto last = index_->placed_by_day.upper_bound(day_of(to));
  for (auto day = first; day != last; ++day) {
    for (const std::size_t other : day->second) {
      auto value = score(index, other);
      if (!value) {
        continue;
      }
      if (*value > best_score || (*value == best_score && facts_[other].id < facts_[*best].id)) {
        best = other;
        best_score = *value;
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
std::vector<std::vector<std::size_t>> Clusterer::components() {
  std::unordered_map<std::size_t, std::vector<std::size_t>> by_root;
  std::vector<std::size_t> unattached;
  for (std::size_t index = 0; index < facts_.size(); ++index) {
    if (!clusters(facts_[index])) {
      continue;
    }
    if (facts_[index].box || must_.contains(index) || !facts_[index].links_by_time) {
      by_root[find(index)].push_back(index);
    } else if (auto anchor = attachment(index)) {
      by_root[find(*anchor)].push_back(index);
    } else {
      unattached.push_back(index);
    }
  }
  std::vector<std::vector<std::size_t>> result;
  result.reserve(by_root.size());
  for (auto& [root, component] : by_root) {
    result.push_back(std::move(component));
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
    index_->loose.query(bgi::intersects(search_box(facts_[index])),
                        boost::make_function_output_iterator([&](const Entry& entry) {
                          auto other = parent.find(entry.second);
                          if (other == parent.end() || entry.second == index) {
                            return;
                          }
                          if (score(index, entry.second)) {
                            parent[root_of(entry.second)] = root_of(index);
                          }
                        }));
  }
  std::unordered_map<std::size_t, std::vector<std::size_t>> loose;
  for (std::size_t index : unattached) {
    loose[root_of(index)].push_back(index);
  }
  for (auto& [root, component] : loose) {
    result.push_back(std::move(component));
  }
  return result;
}

std::vector<std::vector<ClaimId>> Clusterer::groups() {
  std::vector<std::vector<ClaimId>> result;
  for (const auto& component : components()) {
    const bool constrained = std::any_of(component.begin(), component.end(), [&](std::size_t i) {
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
    auto visit = [&](std::size_t other) {
      if (seen.emplace(other, true).second) {
        component.push_back(other);
      }
    };
    if (auto found = must_.find(index); found != must_.end()) {
      for (const auto& [other, decision] : found->second) {
        visit(other);
      }
    }
    const bool loose = satellite(index);  // a claim without place that no placed claim takes
    if ((!facts_[index].box && !loose) || !clusters(facts_[index]) ||
        !facts_[index].links_by_time) {
      continue;
    }
    (loose ? index_->loose : index_->members)
        .query(bgi::intersects(search_box(facts_[index])),
               boost::make_function_output_iterator([&](const Entry& entry) {
                 const std::size_t other = entry.second;
                 if (seen.contains(other) || satellite(other) != loose ||
                     (!loose && !facts_[other].box) || (loose && attachment(other))) {
                   return;
                 }
                 if (score(index, other)) {
                   visit(other);
                 }
               }));
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
    index_->loose.query(bgi::intersects(search_box(facts_[index])),
                        boost::make_function_output_iterator([&](const Entry& entry) {
                          const std::size_t other = entry.second;
                          if (!satellite(other) || seen.contains(other) || !score(index, other)) {
                            return;
                          }
                          auto anchor = attachment(other);
                          if (anchor && seen.contains(*anchor)) {
                            seen.emplace(other, true);
                            satellites.push_back(other);
                          }
                        }));
  }
  component.insert(component.end(), satellites.begin(), satellites.end());
  return component;
}

std::vector<ClaimId> Clusterer::group_of(const ClaimId& claim) {
  auto found = index_of_.find(claim.str());
  if (found == index_of_.end() || !clusters(facts_[found->second])) {
    return {};
  }
  const auto component = component_of(found->second);
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
      if (component[i] == found->second) {
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
  for (const Tree* tree : {&index_->members, &index_->loose}) {
    tree->query(bgi::intersects(search_box(facts_[ending], parameters_.end_link_hours)),
                boost::make_function_output_iterator([&](const Entry& entry) {
                  if (ends_event(facts_[ending], facts_[entry.second], parameters_)) {
                    closest = std::min(closest, separation(facts_[ending], facts_[entry.second]));
                  }
                }));
  }
  return closest;
}

Incident Clusterer::incident(const std::vector<ClaimId>& group) {
  Incident incident;
  if (group.empty()) {
    return incident;
  }
  incident.id = incident_id_for(group.front());
  std::unordered_map<std::size_t, bool> in_group;
  for (const ClaimId& id : group) {
    in_group.emplace(index_of_.at(id.str()), true);
  }
  std::map<std::string, IncidentLink> links;
  for (const ClaimId& id : group) {
    const std::size_t index = index_of_.at(id.str());
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
    for (const Tree* tree : {&index_->members, &index_->loose}) {
      if (!clusters(facts_[index]) || !facts_[index].links_by_time) {
        break;
      }
      tree->query(bgi::intersects(search_box(facts_[index])),
                  boost::make_function_output_iterator([&](const Entry& entry) {
                    if (entry.second == index || !in_group.contains(entry.second)) {
                      return;
                    }
                    auto features = match(index, entry.second);
                    if (features) {
                      features->matched_with = facts_[entry.second].id;
                    }
                    consider(std::move(features));
                  }));
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
      const Box3 box = search_box(facts_[index]);
      index_->endings.query(
          bgi::intersects(box), boost::make_function_output_iterator([&](const Entry& entry) {
            auto features = ends_event(facts_[entry.second], facts_[index], parameters_);
            if (!features ||
                separation(facts_[entry.second], facts_[index]) > closest_end_gap(entry.second)) {
              return;
            }
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
          }));
    }
  }
  for (auto& [key, link] : links) {
    incident.links.push_back(std::move(link));
  }
  return incident;
}

}  // namespace truce::fusion
