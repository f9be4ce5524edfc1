#include "service/incidents.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "extract/actors.hpp"
#include "extract/lexicon.hpp"
#include "fusion/clusterer.hpp"
#include "fusion/relation.hpp"

namespace truce::service {
namespace {

constexpr std::string_view kContext = "service: incidents";
constexpr int kMaxExpansions = 16;

Result<std::string> read_text(const std::filesystem::path& data_dir, const std::string& name) {
  std::ifstream file(data_dir / name, std::ios::binary);
  if (!file) {
    return make_error(ErrorCode::kUnavailable,
                      "cannot read " + (data_dir / name).string() + " (bundled data)",
                      std::string(kContext));
  }
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string date_of_hours(double hours) {
  const auto days = static_cast<long long>(hours >= 0 ? hours / 24 : hours / 24 - 1);
  const std::chrono::year_month_day date{std::chrono::sys_days(std::chrono::days(days))};
  return format_civil_time(CivilTime{date, std::nullopt});
}

// Everything a change may touch, grown until it is closed: the stored claims
// in time windows around the claims of interest, the components they link,
// the whole incidents (members and links) those components hold, and the
// partners of analysts' constraints.
class Universe {
 public:
  Universe(const storage::Store& store, const FusionData& data) : store_(store), data_(data) {}

  Status add_new(const std::vector<Claim>& claims) {
    for (const Claim& claim : claims) {
      if (claims_.emplace(claim.id.str(), claim).second) {
        pending_.push_back(claim.id);
      }
      fresh_.insert(claim.id.str());
    }
    return Status::ok();
  }

  Status add_stored(const std::vector<ClaimId>& ids) {
    for (const ClaimId& id : ids) {
      if (claims_.contains(id.str())) {
        continue;
      }
      auto claim = store_.get_claim(id);
      if (!claim) {
        return claim.error();
      }
      claims_.emplace(id.str(), std::move(claim).value());
      pending_.push_back(id);
    }
    return Status::ok();
  }

  // Grows the universe until no claim of it links to anything outside.
  Status close(const std::vector<Decision>& extra) {
    for (int round = 0; round < kMaxExpansions && !pending_.empty(); ++round) {
      std::vector<ClaimId> focus;
      focus.swap(pending_);
      auto pool = window_pool(focus);
      if (!pool) {
        return pool.error();
      }
      // Components of the focus claims among everything in their windows.
      fusion::Clusterer clusterer(data_.parameters);
      std::vector<fusion::ClaimFacts> facts;
      for (const auto& [id, claim] : *pool) {
        facts.push_back(fusion::facts_of(claim, data_.parties, data_.parameters));
      }
      clusterer.add(std::move(facts));
      std::set<std::string> linked;
      for (const ClaimId& id : focus) {
        for (const ClaimId& member : clusterer.group_of(id)) {
          linked.insert(member.str());
        }
        const fusion::ClaimFacts* own = clusterer.facts(id);
        if (own == nullptr) {
          continue;
        }
        // Ending claims: the incidents whose members they end; and the ending
        // claims of the window, which may end the focus claim's incident.
        for (const auto& [other_id, other] : *pool) {
          const fusion::ClaimFacts* theirs = clusterer.facts(other.id);
          if (fusion::may_end(*own, *theirs, data_.parameters) ||
              fusion::may_end(*theirs, *own, data_.parameters)) {
            linked.insert(other_id);
          }
        }
      }
      std::vector<ClaimId> stored_linked;
      for (const std::string& id : linked) {
        if (!claims_.contains(id)) {
          claims_.emplace(id, pool->at(id));
          pending_.emplace_back(id);
        }
        stored_linked.emplace_back(id);
      }
      // The whole incidents those claims are in or linked to.
      auto members = store_.incidents_of(stored_linked);
      auto linking = store_.incidents_linking(stored_linked);
      if (!members || !linking) {
        return !members ? members.error() : linking.error();
      }
      std::vector<IncidentId> incidents;
      for (const auto& [claim, incident] : *members) {
        incidents.push_back(incident);
      }
      for (const auto& [claim, incident] : *linking) {
        incidents.push_back(incident);
      }
      for (const IncidentId& id : incidents) {
        if (!touched_.emplace(id.str(), Incident{}).second) {
          continue;
        }
        auto incident = store_.get_incident(id);
        if (!incident) {
          return incident.error();
        }
        std::vector<ClaimId> claims;
        for (const IncidentMember& member : incident->members) {
          claims.push_back(member.claim);
        }
        for (const IncidentLink& link : incident->links) {
          claims.push_back(link.claim);
        }
        touched_[id.str()] = std::move(incident).value();
        if (auto added = add_stored(claims); !added) {
          return added;
        }
      }
      // Constraints naming claims of the universe, and their partners.
      std::vector<ClaimId> all;
      for (const auto& [id, claim] : claims_) {
        all.push_back(claim.id);
      }
      auto decisions = store_.decisions_about(all);
      if (!decisions) {
        return decisions.error();
      }
      decisions_ = std::move(decisions).value();
      decisions_.insert(decisions_.end(), extra.begin(), extra.end());
      std::vector<ClaimId> partners;
      for (const Decision& decision : decisions_) {
        for (const PairConstraint& constraint : decision.constraints) {
          if (constraint.must_link) {
            partners.push_back(constraint.a);
            partners.push_back(constraint.b);
          }
        }
      }
      std::vector<ClaimId> missing;
      for (const ClaimId& partner : partners) {
        if (!claims_.contains(partner.str())) {
          missing.push_back(partner);
        }
      }
      std::sort(missing.begin(), missing.end());
      missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
      if (auto added = add_stored(missing); !added) {
        return added;
      }
    }
    if (!pending_.empty()) {
      return make_error(ErrorCode::kInternal,
                        "incidents: the claims a change touches did not settle after " +
                            std::to_string(kMaxExpansions) + " rounds",
                        std::string(kContext));
    }
    return Status::ok();
  }

  // The incidents of the universe now, and what changed against the stored ones.
  storage::IncidentUpdate plan() const {
    fusion::Clusterer clusterer(data_.parameters);
    std::vector<fusion::Constraint> constraints;
    for (const Decision& decision : decisions_) {
      for (const PairConstraint& constraint : decision.constraints) {
        constraints.push_back({constraint, decision.sequence});
      }
    }
    clusterer.set_constraints(std::move(constraints));
    std::vector<fusion::ClaimFacts> facts;
    for (const auto& [id, claim] : claims_) {
      facts.push_back(fusion::facts_of(claim, data_.parties, data_.parameters));
    }
    clusterer.add(std::move(facts));
    storage::IncidentUpdate update;
    std::map<std::string, std::string> now_in;  // claim -> incident
    const auto groups = clusterer.groups();
    std::set<std::string> now_ids;
    for (const auto& group : groups) {
      now_ids.insert(incident_id_for(group.front()).str());
    }
    for (const auto& group : groups) {
      Incident incident = clusterer.incident(group);
      for (const IncidentMember& member : incident.members) {
        const Claim& claim = claims_.at(member.claim.str());
        const std::string start = interval_start_key(claim.time);
        const std::string end = interval_end_key(claim.time);
        if (incident.start_key.empty() || start < incident.start_key) {
          incident.start_key = start;
        }
        if (end > incident.end_key) {
          incident.end_key = end;
        }
        now_in[member.claim.str()] = incident.id.str();
      }
      auto before = touched_.find(incident.id.str());
      const bool existed = before != touched_.end();
      if (existed && before->second == incident) {
        continue;  // unchanged
      }
      IncidentEvent event;
      event.incident = incident.id;
      if (!existed) {
        event.what = "created";
        event.detail = std::to_string(incident.members.size()) + " claims";
      } else {
        event.what = "updated";
        event.detail = describe_change(before->second, incident);
      }
      update.events.push_back(std::move(event));
      update.put.push_back(std::move(incident));
    }
    std::set<std::string> kept;
    for (const Incident& incident : update.put) {
      kept.insert(incident.id.str());
    }
    for (const auto& [id, incident] : touched_) {
      if (kept.contains(id)) {
        continue;
      }
      if (now_ids.contains(id)) {
        continue;  // unchanged
      }
      update.removed.emplace_back(id);
      IncidentEvent event;
      event.incident = IncidentId(id);
      std::set<std::string> successors;
      for (const IncidentMember& member : incident.members) {
        auto found = now_in.find(member.claim.str());
        if (found != now_in.end()) {
          successors.insert(found->second);
        }
      }
      event.what = successors.size() == 1 ? "merged into" : "split into";
      for (const std::string& successor : successors) {
        event.detail += (event.detail.empty() ? "" : ", ") + successor;
      }
      if (successors.empty()) {
        event.what = "retired";
        event.detail = "no claim left";
      }
      for (const std::string& successor : successors) {
        update.events.push_back({"", IncidentId(successor), "absorbed", id});
      }
      update.events.push_back(std::move(event));
    }
    return update;
  }

 private:
  static std::string describe_change(const Incident& before, const Incident& after) {
    std::set<std::string> old_members;
    for (const IncidentMember& member : before.members) {
      old_members.insert(member.claim.str());
    }
    std::set<std::string> new_members;
    for (const IncidentMember& member : after.members) {
      new_members.insert(member.claim.str());
    }
    std::string added;
    std::string removed;
    for (const std::string& id : new_members) {
      if (!old_members.contains(id)) {
        added += (added.empty() ? "" : " ") + id;
      }
    }
    for (const std::string& id : old_members) {
      if (!new_members.contains(id)) {
        removed += (removed.empty() ? "" : " ") + id;
      }
    }
    std::string detail;
    if (!added.empty()) {
      detail += "claims added: " + added;
    }
    if (!removed.empty()) {
      detail += std::string(detail.empty() ? "" : "; ") + "claims removed: " + removed;
    }
    if (after.links.size() != before.links.size()) {
      detail += std::string(detail.empty() ? "" : "; ") +
                "ending links: " + std::to_string(after.links.size());
    }
    return detail.empty() ? "explanations recomputed" : detail;
  }

  // The stored claims in time windows around `focus`, plus the universe's own.
  Result<std::map<std::string, Claim>> window_pool(const std::vector<ClaimId>& focus) {
    const double margin =
        2 * widen_hours(data_.parameters, data_.parameters.coarsest_linking_time) +
        data_.parameters.end_link_hours + 24;
    std::vector<std::pair<double, double>> windows;
    for (const ClaimId& id : focus) {
      const Claim& claim = claims_.at(id.str());
      windows.emplace_back(fusion::hours_since_epoch(claim.time.start) - margin,
                           fusion::hours_since_epoch(claim.time.end) + margin);
    }
    std::sort(windows.begin(), windows.end());
    std::vector<std::pair<double, double>> merged;
    for (const auto& window : windows) {
      if (!merged.empty() && window.first <= merged.back().second) {
        merged.back().second = std::max(merged.back().second, window.second);
      } else {
        merged.push_back(window);
      }
    }
    std::map<std::string, Claim> pool = claims_;
    for (const auto& [from, to] : merged) {
      storage::ClaimQuery query;
      query.since = date_of_hours(from);
      query.until = date_of_hours(to);
      query.limit = 1 << 30;
      auto found = store_.find_claims(query);
      if (!found) {
        return found.error();
      }
      for (Claim& claim : *found) {
        if (!fresh_.contains(claim.id.str())) {
          pool.emplace(claim.id.str(), std::move(claim));
        }
      }
    }
    return pool;
  }

  const storage::Store& store_;
  const FusionData& data_;
  std::map<std::string, Claim> claims_;
  std::set<std::string> fresh_;
  std::vector<ClaimId> pending_;
  std::map<std::string, Incident> touched_;
  std::vector<Decision> decisions_;
};

}  // namespace

Result<FusionData> FusionData::load(const std::filesystem::path& data_dir) {
  FusionData data;
  auto parameters_text = read_text(data_dir, "fusion/parameters.tsv");
  if (!parameters_text) {
    return parameters_text.error();
  }
  auto parameters = fusion::parse_parameters(*parameters_text, "fusion/parameters.tsv");
  if (!parameters) {
    return parameters.error();
  }
  data.parameters = std::move(parameters).value();
  auto ratings_text = read_text(data_dir, "sources/reliability.tsv");
  if (!ratings_text) {
    return ratings_text.error();
  }
  auto ratings = fusion::parse_reliability_table(*ratings_text, "sources/reliability.tsv");
  if (!ratings) {
    return ratings.error();
  }
  data.reliability = std::move(ratings).value();
  extract::Lexicon scratch;  // the registry's names are not needed here
  auto actors = extract::ActorRegistry::load(data_dir, scratch);
  if (!actors) {
    return actors.error();
  }
  std::map<std::string, std::string, std::less<>> party_of;
  for (const extract::Actor& actor : actors->actors()) {
    party_of.emplace(actor.id, actors->party_of(actor.id));
  }
  data.parties = fusion::ActorParties(std::move(party_of));
  return data;
}

Result<storage::IncidentUpdate> plan_incidents(const storage::Store& store, const FusionData& data,
                                               const std::vector<Claim>& new_claims,
                                               const std::vector<ClaimId>& seeds,
                                               const std::vector<Decision>& extra) {
  Universe universe(store, data);
  if (auto added = universe.add_new(new_claims); !added) {
    return added.error();
  }
  if (auto added = universe.add_stored(seeds); !added) {
    return added.error();
  }
  if (auto closed = universe.close(extra); !closed) {
    return closed.error();
  }
  return universe.plan();
}

fusion::ClaimContext claim_context(const FusionData& data, const Claim& claim,
                                   const Document& document, const Source& source) {
  fusion::ClaimContext context;
  context.claim = claim;
  context.published = document.published;
  context.source = source.id;
  context.source_name = source.name;
  context.reliability = fusion::reliability_of(data.reliability, claim.claimant.id, source.id.str(),
                                               source.reliability);
  context.origin = document.origin;
  return context;
}

}  // namespace truce::service
