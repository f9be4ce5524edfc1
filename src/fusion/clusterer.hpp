// Claims into incidents: the connected components of the "same event"
// relation (relation.hpp) joined by analysts' must-links, each split where an
// analyst's cannot-link requires it (docs/fusion.md, "Clustering"). A claim
// without a place joins the incident of its best-matching placed claim
// rather than bridging incidents. The result depends only on the set of
// claims and constraints, never on the order they were added in. Candidates
// come from an R-tree over (longitude, latitude, time) boxes widened by each
// claim's reach, so adding a claim costs one R-tree query and touches only the
// components it links. Each claim without a place keeps its best placed match,
// found once from the placed claims of its days (kept by day and by what they
// may match, so other theatres are skipped whole); a new placed claim offers
// itself to the claims without a place of its days.
//
// Thread-safety: none; one Clusterer per thread.
#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/incident.hpp"
#include "fusion/fact_store.hpp"
#include "fusion/facts.hpp"
#include "fusion/id_table.hpp"
#include "fusion/parameters.hpp"

namespace truce::fusion {

// A pair constraint and the decision it came from.
struct Constraint {
  PairConstraint pair;
  long long decision = 0;
};

class Clusterer final {
 public:
  explicit Clusterer(Parameters parameters);
  Clusterer(Clusterer&&) noexcept;
  Clusterer& operator=(Clusterer&&) noexcept;
  Clusterer(const Clusterer&) = delete;
  Clusterer& operator=(const Clusterer&) = delete;
  ~Clusterer();

  // Adds claims (a claim id already added is ignored). Many at once into an
  // empty Clusterer bulk-load the index, which is faster than one by one.
  void add(std::vector<ClaimFacts> claims);
  void add(ClaimFacts claim);

  // Replaces the constraints. A later decision on the same pair of claims
  // replaces an earlier one; constraints naming claims not (yet) added wait
  // for them.
  void set_constraints(std::vector<Constraint> constraints);

  // Every incident: members ordered by claim id, incidents by their first
  // member. Only claims whose event type has role member or releases form
  // incidents.
  std::vector<std::vector<ClaimId>> groups();
  // The group holding `claim`, or empty if it holds none; found from the claim
  // outwards, at a cost that depends on its neighbourhood only.
  std::vector<ClaimId> group_of(const ClaimId& claim);
  // The incident of a group from groups(): why each member belongs, and the
  // ending claims linked to it. Start and end keys are left empty.
  Incident incident(const std::vector<ClaimId>& group);

  std::size_t size() const;
  bool contains(const ClaimId& claim) const;
  const ClaimFacts* facts(const ClaimId& claim) const;

  // How many claims one R-tree query around `claim` returns (the benchmark's
  // floor: the index work alone, without the relation or the components).
  std::size_t count_candidates(const ClaimId& claim) const;

 private:
  struct Index;
  // Components as one list: component c is members[starts[c], starts[c + 1]).
  struct Components {
    std::vector<std::size_t> members;
    std::vector<std::size_t> starts;
  };
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  bool adopt(std::vector<ClaimFacts>& claims);
  std::size_t position_of(std::string_view id) const;
  std::size_t known(const ClaimId& id) const;
  void link(std::size_t index);
  void apply_constraints_of(std::size_t index);
  std::vector<std::size_t> split(std::span<const std::size_t> component);
  Components components();
  std::vector<std::size_t> component_of(std::size_t start) const;
  std::optional<std::size_t> attachment(std::size_t index) const;
  std::size_t search_anchor(std::size_t index) const;
  void offer_anchor(std::size_t satellite, std::size_t placed);
  void intern(std::size_t index);
  void index_by_day(std::size_t index);
  double closest_end_gap(std::size_t ending) const;
  std::size_t find(std::size_t index);
  void unite(std::size_t a, std::size_t b);
  std::optional<MatchFeatures> match(std::size_t a, std::size_t b) const;
  std::optional<double> score(std::size_t a, std::size_t b) const;

  Parameters parameters_;
  FactStore facts_;
  IdTable index_of_;
  std::vector<std::size_t> parent_;
  std::vector<std::uint32_t> rank_;
  // For a claim without a place that clusters: its best-matching placed claim
  // (kNone while there is none) and that match's score.
  std::vector<std::size_t> anchor_;
  std::vector<double> anchor_score_;
  std::unique_ptr<Index> index_;
  // Resolved constraints by claim index; must-links also join components.
  std::unordered_map<std::size_t, std::vector<std::pair<std::size_t, long long>>> must_;
  std::unordered_map<std::size_t, std::vector<std::pair<std::size_t, long long>>> cannot_;
  std::vector<Constraint> constraints_;
};

}  // namespace truce::fusion
