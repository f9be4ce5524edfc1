// Incident summaries for listings, publishing and joint verification
// (docs/api.md, "Incidents", "Public view", "Joint verification").
#include <algorithm>
#include <set>

#include "core/vocabulary.hpp"
#include "fusion/reconciliation.hpp"
#include "geo/geodesy.hpp"
#include "serial/json_values.hpp"
#include "service/monitor.hpp"

namespace truce::service {
namespace {

constexpr int kSummaryBatch = 500;

Error invalid_review(const std::string& message) {
  return make_error(ErrorCode::kInvalidInput, message, "service: review incident");
}

void add_actor(std::set<std::string>& actors, const std::optional<ActorRef>& actor) {
  if (actor && !actor->id.empty()) {
    actors.insert(actor->id);
  }
}

// Every actor a member names, in any role: who the actor filter finds.
std::set<std::string> actors_of(const std::vector<report::ClaimRecord>& members) {
  std::set<std::string> actors;
  for (const report::ClaimRecord& member : members) {
    const Claim& claim = member.claim;
    add_actor(actors, claim.claimant);
    add_actor(actors, claim.perpetrator);
    add_actor(actors, claim.target);
    for (const ClaimActor& other : claim.actors) {
      add_actor(actors, other.actor);
    }
    for (const CasualtyFigure& figure : claim.casualties) {
      add_actor(actors, figure.side.party);
    }
    for (const AssetChange& asset : claim.assets) {
      add_actor(actors, asset.owner);
      add_actor(actors, asset.gainer);
    }
  }
  return actors;
}

std::optional<BoundingBox> box_of(const std::vector<report::ClaimRecord>& members) {
  std::optional<BoundingBox> box;
  for (const report::ClaimRecord& member : members) {
    if (!member.claim.place || !member.claim.place->geometry) {
      continue;
    }
    BoundingBox next = bounding_box(*member.claim.place->geometry);
    box = box ? BoundingBox{std::min(box->min_lon, next.min_lon),
                            std::min(box->min_lat, next.min_lat),
                            std::max(box->max_lon, next.max_lon),
                            std::max(box->max_lat, next.max_lat)}
              : next;
  }
  return box;
}

GeoPoint centre(const BoundingBox& box) {
  return GeoPoint{Longitude{(box.min_lon + box.max_lon) / 2},
                  Latitude{(box.min_lat + box.max_lat) / 2}};
}

bool inside(const assess::Registry& registry, const std::string& feature, GeoPoint point) {
  const geo::Area* area = registry.area(feature);
  return area != nullptr && area->contains(point);
}

// The monitoring mechanisms of the agreements the incident's assessment
// applies (certainly or possibly), while the mechanism's provision is in
// force: the assessment alone decides, so a review and `truce assess` never
// disagree about which agreement holds an incident. `certain` is the
// assessment's: false when the time or place straddles the agreement's
// limits, or the place is unknown and one of its parties is involved.
std::vector<report::MechanismChoice> mechanisms_for(const assess::Registry& registry,
                                                    const assess::IncidentAssessment& assessment) {
  std::vector<report::MechanismChoice> choices;
  for (const assess::AgreementAssessment& applying : assessment.agreements) {
    const Agreement* agreement = registry.agreement(applying.agreement);
    if (agreement == nullptr) {
      continue;
    }
    for (const Provision& provision : agreement->provisions) {
      if (provision.kind != ProvisionKind::kMonitoring || provision.members.empty()) {
        continue;
      }
      const auto assessed = std::find_if(
          applying.provisions.begin(), applying.provisions.end(),
          [&](const assess::ProvisionAssessment& p) { return p.provision == provision.id; });
      if (assessed == applying.provisions.end() || !assessed->in_force) {
        continue;
      }
      choices.push_back({agreement->id, provision.id, provision.members,
                         std::max(1, provision.quorum), applying.applies_certainly});
    }
  }
  return choices;
}

std::string review_json(const storage::IncidentReview& review) {
  serial::JsonValue value = serial::JsonValue::object();
  value["published"] = review.published;
  value["state"] = review.state;
  value["agreement"] = review.agreement ? serial::JsonValue(*review.agreement) : nullptr;
  value["provision"] = review.provision ? serial::JsonValue(*review.provision) : nullptr;
  value["signoffs"] = serial::JsonValue::array();
  for (const storage::SignOff& signoff : review.signoffs) {
    value["signoffs"].push_back(
        {{"member", signoff.member}, {"verdict", signoff.verdict}, {"by", signoff.by}});
  }
  return value.dump(-1, ' ', false, serial::JsonValue::error_handler_t::replace);
}

// The state the sign-offs amount to under a quorum: verified or refuted when
// that many members agree, else signed off (some members have signed).
std::string state_after(const std::vector<storage::SignOff>& signoffs, int quorum) {
  const auto agree = [&](std::string_view verdict) {
    return std::count_if(signoffs.begin(), signoffs.end(),
                         [&](const storage::SignOff& s) { return s.verdict == verdict; });
  };
  if (agree("verified") >= quorum) {
    return "verified";
  }
  if (agree("refuted") >= quorum) {
    return "refuted";
  }
  return signoffs.empty() ? "under_review" : "signed_off";
}

std::string audit_actor(const ReviewRequest& request) {
  return request.by.empty() || request.by == "cli" ? "cli" : "user:" + request.by;
}

report::Verification verification_of(const storage::IncidentReview& review,
                                     std::vector<report::MechanismChoice> mechanisms) {
  report::Verification out;
  out.incident = review.incident;
  out.published = review.published;
  out.state = review.state;
  out.agreement = review.agreement;
  out.provision = review.provision;
  out.opened_by = review.opened_by;
  out.updated_at = review.updated_at;
  for (const storage::SignOff& signoff : review.signoffs) {
    out.signoffs.push_back({signoff.member, signoff.verdict, signoff.by, signoff.note, signoff.at});
  }
  out.mechanisms = std::move(mechanisms);
  return out;
}

}  // namespace

Status Monitor::refresh_incident_summaries() {
  std::optional<assess::Registry> registry;
  while (true) {
    auto ids = store_->unsummarised_incidents(kSummaryBatch);
    if (!ids) {
      return ids.error();
    }
    if (ids->empty()) {
      return Status::ok();
    }
    if (!registry) {
      auto loaded = this->registry();
      if (!loaded) {
        return loaded.error();
      }
      registry.emplace(std::move(loaded).value());
    }
    std::vector<storage::IncidentSummary> summaries;
    for (const IncidentId& id : *ids) {
      auto incident = store_->get_incident(id);
      if (!incident) {
        if (incident.error().code == ErrorCode::kNotFound) {
          continue;
        }
        return incident.error();
      }
      auto record = incident_record(*incident, false, false);
      if (!record) {
        return record.error();
      }
      storage::IncidentSummary summary;
      summary.id = id;
      summary.start_key = incident->start_key;
      summary.end_key = incident->end_key;
      summary.box = box_of(record->members);
      summary.attribution = std::string(fusion::to_string(record->reconciliation.attribution));
      summary.evidence = std::string(fusion::to_string(record->reconciliation.evidence));
      std::set<std::string> types;
      for (const report::ClaimRecord& member : record->members) {
        types.insert(std::string(to_string(member.claim.event_type)));
      }
      summary.event_types.assign(types.begin(), types.end());
      const auto actors = actors_of(record->members);
      summary.actors.assign(actors.begin(), actors.end());
      if (summary.box) {
        for (const Feature& feature : registry->features()) {
          if (feature.kind == FeatureKind::kTheatre &&
              inside(*registry, feature.id, centre(*summary.box))) {
            summary.theatres.push_back(feature.id);
          }
        }
      }
      summary.json = report::incident_summary_json(*record, false);
      summary.public_json = report::incident_summary_json(*record, true);
      summaries.push_back(std::move(summary));
    }
    if (auto stored = store_->put_incident_summaries(summaries); !stored) {
      return stored;
    }
    if (static_cast<int>(ids->size()) < kSummaryBatch) {
      return Status::ok();
    }
  }
}

Result<std::vector<storage::IncidentSummaryRow>> Monitor::incident_summaries(
    const storage::IncidentSummaryQuery& query) const {
  return store_->find_incident_summaries(query);
}

Result<std::optional<storage::IncidentSummaryRow>> Monitor::incident_summary(
    const IncidentId& id, bool public_view) const {
  return store_->get_incident_summary(id, public_view);
}

Result<report::Verification> Monitor::incident_review(const IncidentId& id) {
  auto incident = store_->get_incident(id);
  if (!incident) {
    return incident.error();
  }
  auto review = store_->incident_review(id);
  if (!review) {
    return review.error();
  }
  auto registry = this->registry();
  if (!registry) {
    return registry.error();
  }
  auto record = incident_record(*incident, false, false);
  auto fusion = fusion_data();
  auto data = assessment_data();
  if (!record || !fusion || !data) {
    return !record ? record.error() : !fusion ? fusion.error() : data.error();
  }
  const auto assessment = assess::assess(
      *registry, service::incident_facts(*record, (*fusion)->parties, (*data)->radii));
  return verification_of(*review, mechanisms_for(*registry, assessment));
}

Result<report::Verification> Monitor::review_incident(const ReviewRequest& request) {
  auto view = incident_review(request.incident);
  if (!view) {
    return view.error();
  }
  auto stored = store_->incident_review(request.incident);
  if (!stored) {
    return stored.error();
  }
  const storage::IncidentReview current = std::move(stored).value();
  storage::IncidentReview next = current;
  next.updated_at = utc_timestamp();
  std::string action;
  switch (request.step) {
    case ReviewStep::kPublish:
    case ReviewStep::kUnpublish:
      next.published = request.step == ReviewStep::kPublish;
      action = next.published ? "incident.publish" : "incident.unpublish";
      break;
    case ReviewStep::kOpen: {
      if (current.state == "under_review" || current.state == "verified") {
        return invalid_review("incident " + request.incident.str() + " is " + current.state +
                              "; a review is opened on an unverified, signed-off or refuted one");
      }
      std::vector<report::MechanismChoice> fitting;
      for (const report::MechanismChoice& choice : view->mechanisms) {
        if ((!request.agreement || *request.agreement == choice.agreement) &&
            (!request.provision || *request.provision == choice.provision)) {
          fitting.push_back(choice);
        }
      }
      if (fitting.empty()) {
        return invalid_review(request.agreement
                                  ? "agreement '" + *request.agreement +
                                        "' has no monitoring mechanism that applies to incident " +
                                        request.incident.str() +
                                        " (its period or area does not hold it)"
                                  : "no monitoring mechanism's agreement applies to incident " +
                                        request.incident.str());
      }
      if (fitting.size() > 1) {
        std::string names;
        for (const report::MechanismChoice& choice : fitting) {
          names += (names.empty() ? "" : ", ") + choice.agreement + "#" + choice.provision;
        }
        return invalid_review("several mechanisms apply (" + names +
                              "); name one with agreement (and provision)");
      }
      next.state = "under_review";
      next.agreement = fitting.front().agreement;
      next.provision = fitting.front().provision;
      next.opened_by = request.by;
      next.signoffs.clear();
      action = "incident.review";
      break;
    }
    case ReviewStep::kSignOff: {
      if (current.state != "under_review" && current.state != "signed_off") {
        return invalid_review("incident " + request.incident.str() + " is " + current.state +
                              "; sign-offs are taken while it is under review");
      }
      if (request.verdict != "verified" && request.verdict != "refuted") {
        return invalid_review("verdict '" + request.verdict + "' is not verified or refuted");
      }
      if (request.role != Role::kMonitor || !request.affiliation) {
        return invalid_review("only a monitor affiliated to a member of the mechanism signs off");
      }
      auto registry = this->registry();
      if (!registry) {
        return registry.error();
      }
      const Agreement* agreement =
          current.agreement ? registry->agreement(*current.agreement) : nullptr;
      const Provision* provision = nullptr;
      if (agreement != nullptr) {
        for (const Provision& candidate : agreement->provisions) {
          if (current.provision && candidate.id == *current.provision) {
            provision = &candidate;
          }
        }
      }
      if (provision == nullptr) {
        return make_error(ErrorCode::kDataCorruption,
                          "the mechanism of incident " + request.incident.str() +
                              " is no longer in the agreement registry",
                          "service: review incident");
      }
      const std::string& member = *request.affiliation;
      if (std::find(provision->members.begin(), provision->members.end(), member) ==
          provision->members.end()) {
        return invalid_review("'" + member + "' is not a member of " + agreement->id + "#" +
                              provision->id);
      }
      for (const storage::SignOff& signoff : current.signoffs) {
        if (signoff.member == member) {
          return make_error(ErrorCode::kConflict,
                            "member '" + member + "' has signed incident " +
                                request.incident.str() + " off already (by " + signoff.by +
                                "); another member must sign",
                            "service: review incident");
        }
      }
      next.signoffs.push_back({member, request.verdict, request.by, request.note, next.updated_at});
      std::sort(next.signoffs.begin(), next.signoffs.end(),
                [](const auto& a, const auto& b) { return a.member < b.member; });
      next.state = state_after(next.signoffs, std::max(1, provision->quorum));
      action = "incident.signoff";
      break;
    }
  }
  storage::AuditRecord audit{audit_actor(request), action, request.incident.str(),
                             review_json(current), review_json(next)};
  if (auto written = store_->put_incident_review(next, current, audit); !written) {
    return written.error();
  }
  return verification_of(next, std::move(view->mechanisms));
}

Status Monitor::audit_read(const std::string& actor, const std::string& action,
                           const std::string& target) {
  return store_->append_audit(storage::AuditRecord{actor, action, target, "null", "null"});
}

}  // namespace truce::service
