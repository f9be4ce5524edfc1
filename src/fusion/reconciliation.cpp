#include "fusion/reconciliation.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/vocabulary.hpp"

namespace truce::fusion {
namespace {

constexpr int kCannotBeJudged = 6;  // the Admiralty code's credibility for "no basis to judge"

std::string reported_date(const ClaimContext& context) {
  const CivilTime& when = context.published ? *context.published : context.claim.time.end;
  return format_civil_time(CivilTime{when.date, std::nullopt});
}

bool is_credible(const ClaimContext& context, const Parameters& parameters) {
  const int grade = context.claim.credibility.grade;
  const bool improbable = grade >= parameters.discounted_credibility && grade != kCannotBeJudged;
  return counts_as_credible(parameters, context.reliability) && !improbable;
}

using FigureKey = std::pair<std::string, CasualtyStatus>;  // side id, status

// Which of two reports of one claimant party is current. Killed and wounded
// are tolls that only grow as information comes in: the highest is current
// (a lower figure later is an older toll repeated, or another event). Captured
// and missing go down as well (released, found): the most recent is current,
// dated by when the party first gave that figure, and on one day the higher wins.
bool later(const FigureReport& a, const FigureReport& b) {
  if (a.status == CasualtyStatus::kKilled || a.status == CasualtyStatus::kWounded) {
    return std::tie(a.count.min, a.first_reported, a.claim) >
           std::tie(b.count.min, b.first_reported, b.claim);
  }
  return std::tie(a.first_reported, a.count.min, a.claim) >
         std::tie(b.first_reported, b.count.min, b.claim);
}

std::string group_of(const FigureReport& report, const ActorParties& parties) {
  std::string party = parties.party_of(report.claimant.id);
  return party.empty() ? "actor:" + report.claimant.id : party;
}

std::string describe(const FigureReport& report) {
  std::string text = report.claimant.id + " (" + std::string(to_string(report.standing)) + ", " +
                     report.reported + "): ";
  text += std::to_string(report.count.min);
  if (!report.count.max) {
    text += " or more";
  } else if (*report.count.max != report.count.min) {
    text += "-" + std::to_string(*report.count.max);
  }
  return text;
}

struct Computed {
  Estimate estimate;
  std::string rule;
};

// The estimate of one side and status from the reports up to a day (rule in docs/fusion.md).
Computed estimate(std::vector<FigureReport>& reports, const ActorParties& parties) {
  std::map<std::string, FigureReport*> latest;
  for (FigureReport& report : reports) {
    auto [slot, added] = latest.try_emplace(group_of(report, parties), &report);
    if (!added && later(report, *slot->second)) {
      slot->second = &report;
    }
  }
  for (FigureReport& report : reports) {
    report.current = latest.at(group_of(report, parties)) == &report;
  }
  const FigureReport* basis = nullptr;
  for (Standing standing : {Standing::kIndependent, Standing::kOwn, Standing::kOpponent}) {
    for (const auto& [group, report] : latest) {
      if (report->standing == standing && (basis == nullptr || later(*report, *basis))) {
        basis = report;
      }
    }
    if (basis != nullptr) {
      break;
    }
  }
  Computed computed;
  if (basis == nullptr) {
    return computed;  // unreachable: every report has a standing, and there is one at least
  }
  computed.estimate.best = basis->count.min;
  computed.estimate.low = basis->count.min;
  computed.estimate.high = basis->count.max.value_or(basis->count.min);
  const FigureReport* low = basis;
  const FigureReport* high = basis;
  for (const auto& [group, report] : latest) {
    // "At least 1" does not contradict 13: only a bounded figure lowers the low.
    if (report->count.max && report->count.min < computed.estimate.low) {
      computed.estimate.low = report->count.min;
      low = report;
    }
    const long long top = report->count.max.value_or(report->count.min);
    if (top > computed.estimate.high) {
      computed.estimate.high = top;
      high = report;
    }
  }
  computed.rule = "best from " + describe(*basis);
  if (low != basis) {
    computed.rule += "; low from " + describe(*low);
  }
  if (high != basis) {
    computed.rule += "; high from " + describe(*high);
  }
  if (!basis->count.max) {
    computed.rule += "; open-ended figures count at their lower bound";
  }
  return computed;
}

struct Figures {
  std::map<FigureKey, Computed> by_key;
};

// Every side and status as of `cutoff` (inclusive), with the status changes
// applied: later own reports of more killed or captured take the difference out
// of the missing, and releases take the freed out of the captured.
Figures estimate_all(std::map<FigureKey, std::vector<FigureReport>>& reports,
                     const std::vector<std::pair<std::string, FigureReport>>& releases,
                     const std::string& cutoff, const ActorParties& parties) {
  Figures figures;
  for (auto& [key, all] : reports) {
    std::vector<FigureReport> upto;
    for (const FigureReport& report : all) {
      if (report.reported <= cutoff) {
        upto.push_back(report);
      }
    }
    if (upto.empty()) {
      continue;
    }
    figures.by_key[key] = estimate(upto, parties);
    if (cutoff == "9999-12-31") {
      all = upto;  // keep the current flags of the final estimate
    }
  }
  for (auto& [key, missing] : figures.by_key) {
    if (key.second != CasualtyStatus::kMissing) {
      continue;
    }
    auto missing_reports = reports.find(key);
    // The own report the missing figure rests on, and the own killed or
    // captured figures reported before and after it.
    const FigureReport* own_missing = nullptr;
    for (const FigureReport& report : missing_reports->second) {
      if (report.standing == Standing::kOwn && report.reported <= cutoff &&
          (own_missing == nullptr || later(report, *own_missing))) {
        own_missing = &report;
      }
    }
    if (own_missing == nullptr) {
      continue;
    }
    long long accounted = 0;
    std::string because;
    for (CasualtyStatus status : {CasualtyStatus::kKilled, CasualtyStatus::kCaptured}) {
      auto found = reports.find({key.first, status});
      if (found == reports.end()) {
        continue;
      }
      // The figure the missing were counted beside: the one in the same claim,
      // else the party's latest before it; and the party's current figure.
      const FigureReport* counted_with = nullptr;
      const FigureReport* current = nullptr;
      for (const FigureReport& report : found->second) {
        if (report.standing != Standing::kOwn || report.reported > cutoff ||
            group_of(report, parties) != group_of(*own_missing, parties)) {
          continue;
        }
        if (current == nullptr || later(report, *current)) {
          current = &report;
        }
        if (report.claim == own_missing->claim) {
          counted_with = &report;
        }
      }
      if (counted_with == nullptr) {
        for (const FigureReport& report : found->second) {
          if (report.standing == Standing::kOwn && report.reported < own_missing->reported &&
              group_of(report, parties) == group_of(*own_missing, parties) &&
              (counted_with == nullptr || later(report, *counted_with))) {
            counted_with = &report;
          }
        }
      }
      if (counted_with != nullptr && current != nullptr &&
          current->count.min > counted_with->count.min) {
        const long long more = current->count.min - counted_with->count.min;
        accounted += more;
        because += (because.empty() ? "" : "; ") + std::to_string(more) + " more " +
                   std::string(to_string(status)) + " reported by " + current->claimant.id +
                   " on " + current->reported + " than when the missing were counted";
      }
    }
    if (accounted > 0) {
      Estimate& estimate = missing.estimate;
      estimate.best = std::max(0LL, estimate.best - accounted);
      estimate.low = std::min(estimate.low, estimate.best);
      missing.rule += "; " + because + ", presumed to be among the missing (high keeps the " +
                      "reported figure)";
    }
  }
  for (const auto& [side_id, release] : releases) {
    if (release.reported > cutoff) {
      continue;
    }
    auto captured = figures.by_key.find({side_id, CasualtyStatus::kCaptured});
    if (captured == figures.by_key.end()) {
      continue;
    }
    Estimate& estimate = captured->second.estimate;
    estimate.best = std::max(0LL, estimate.best - release.count.min);
    estimate.low = std::max(0LL, estimate.low - release.count.min);
    captured->second.rule += "; " + std::to_string(release.count.min) + " released (" +
                             release.claimant.id + ", " + release.reported + ")";
  }
  return figures;
}

}  // namespace

std::string_view to_string(Standing standing) {
  switch (standing) {
    case Standing::kOwn: return "own";
    case Standing::kOpponent: return "opponent";
    case Standing::kIndependent: return "independent";
  }
  return "?";
}

std::string_view to_string(AttributionGrade grade) {
  switch (grade) {
    case AttributionGrade::kAgreed: return "agreed";
    case AttributionGrade::kOneSided: return "one_sided";
    case AttributionGrade::kContested: return "contested";
    case AttributionGrade::kUndetermined: return "undetermined";
  }
  return "?";
}

std::string_view to_string(EvidenceGrade grade) {
  switch (grade) {
    case EvidenceGrade::kSingleSource: return "single_source";
    case EvidenceGrade::kCorroborated: return "corroborated";
    case EvidenceGrade::kContested: return "contested";
    case EvidenceGrade::kDiscounted: return "discounted";
  }
  return "?";
}

std::string origin_of(const ClaimContext& claim, const ActorParties& parties) {
  std::string party = parties.party_of(claim.claim.claimant.id);
  if (!party.empty()) {
    return "party:" + party;
  }
  if (!claim.origin.empty()) {
    return "agency:" + claim.origin.back();
  }
  return "source:" + claim.source.str();
}

Reconciliation reconcile(const std::vector<ClaimContext>& members, const ActorParties& parties,
                         const Parameters& parameters) {
  Reconciliation reconciliation;
  std::set<std::string> belligerents;
  for (const ClaimContext& member : members) {
    for (std::string& party : facts_of(member.claim, parties, parameters).parties) {
      belligerents.insert(std::move(party));
    }
  }
  // Figures, side by side.
  std::map<FigureKey, std::vector<FigureReport>> reports;
  std::map<std::string, Side> sides;
  std::vector<std::pair<std::string, FigureReport>> releases;
  std::set<std::string> dates;
  for (const ClaimContext& member : members) {
    const std::string claimant_party = parties.party_of(member.claim.claimant.id);
    const bool is_release =
        rule_of(parameters, member.claim.event_type).role == EventRole::kReleases;
    for (const CasualtyFigure& figure : member.claim.casualties) {
      FigureReport report;
      report.claim = member.claim.id;
      report.claimant = member.claim.claimant;
      report.via = member.source_name;
      report.reported = reported_date(member);
      const std::string side_party =
          figure.side.party ? parties.party_of(figure.side.party->id) : std::string();
      // A claimant acting for no party, or for one not fighting here, is independent.
      if (!claimant_party.empty() && claimant_party == side_party) {
        report.standing = Standing::kOwn;
      } else if (!claimant_party.empty() && belligerents.contains(claimant_party)) {
        report.standing = Standing::kOpponent;
      } else {
        report.standing = Standing::kIndependent;
      }
      report.count = figure.count;
      report.first_reported = report.reported;
      report.status = figure.status;
      dates.insert(report.reported);
      sides.emplace(figure.side.id(), figure.side);
      if (is_release && figure.status == CasualtyStatus::kCaptured) {
        report.release = true;
        releases.emplace_back(figure.side.id(), report);
        continue;
      }
      reports[{figure.side.id(), figure.status}].push_back(std::move(report));
    }
  }
  for (auto& [key, list] : reports) {
    for (FigureReport& report : list) {
      for (const FigureReport& other : list) {
        if (other.count == report.count && other.first_reported < report.first_reported &&
            group_of(other, parties) == group_of(report, parties)) {
          report.first_reported = other.first_reported;
        }
      }
    }
  }
  std::map<FigureKey, Computed> previous;
  std::string previous_date;
  for (const std::string& date : dates) {
    Figures now = estimate_all(reports, releases, date, parties);
    for (auto& [key, computed] : now.by_key) {
      auto before = previous.find(key);
      if (before != previous.end() && before->second.estimate == computed.estimate) {
        continue;
      }
      FigureChange change;
      change.reported = date;
      change.side = sides.at(key.first);
      change.status = key.second;
      if (before != previous.end()) {
        change.before = before->second.estimate;
      }
      change.after = computed.estimate;
      change.because = computed.rule;
      reconciliation.history.push_back(std::move(change));
    }
    previous = std::move(now.by_key);
  }
  Figures final_figures = estimate_all(reports, releases, "9999-12-31", parties);
  for (auto& [key, computed] : final_figures.by_key) {
    ReconciledFigure figure;
    figure.side = sides.at(key.first);
    figure.status = key.second;
    figure.estimate = computed.estimate;
    figure.rule = std::move(computed.rule);
    figure.reports = reports.at(key);
    for (const auto& [side_id, release] : releases) {
      if (side_id == key.first && key.second == CasualtyStatus::kCaptured) {
        figure.reports.push_back(release);
      }
    }
    std::sort(figure.reports.begin(), figure.reports.end(),
              [](const FigureReport& a, const FigureReport& b) {
                return std::tie(a.reported, a.claim) < std::tie(b.reported, b.claim);
              });
    reconciliation.figures.push_back(std::move(figure));
  }
  // Attribution: the latest blame each party puts, by the claims it makes.
  std::map<std::string, std::pair<std::string, std::string>> blame;  // party -> (date, blamed)
  std::set<std::string> independent_blame;
  for (const ClaimContext& member : members) {
    const auto& perpetrator = member.claim.perpetrator;
    if (!perpetrator || perpetrator->id.empty() || perpetrator->id == "unknown") {
      continue;
    }
    const std::string blamed = parties.party_of(perpetrator->id);
    const std::string claimant_party = parties.party_of(member.claim.claimant.id);
    if (claimant_party.empty() || !belligerents.contains(claimant_party)) {
      independent_blame.insert(blamed);
      continue;
    }
    const std::string date = reported_date(member);
    auto [slot, added] = blame.try_emplace(claimant_party, date, blamed);
    if (!added && date > slot->second.first) {
      slot->second = {date, blamed};
    }
  }
  std::set<std::string> blamed;
  std::string who_blames;
  for (const auto& [party, entry] : blame) {
    blamed.insert(entry.second);
    who_blames += (who_blames.empty() ? "" : "; ") + party + " blames " + entry.second;
  }
  std::string silent;
  for (const std::string& party : belligerents) {
    if (!blame.contains(party)) {
      silent += (silent.empty() ? "" : ", ") + party;
    }
  }
  if (blame.empty()) {
    reconciliation.attribution = AttributionGrade::kUndetermined;
    reconciliation.attribution_reason = "no party names a perpetrator";
  } else if (blamed.size() > 1) {
    reconciliation.attribution = AttributionGrade::kContested;
    reconciliation.attribution_reason = who_blames;
  } else if (blame.size() > 1) {
    reconciliation.attribution = AttributionGrade::kAgreed;
    reconciliation.attribution_reason = who_blames;
  } else {
    reconciliation.attribution = AttributionGrade::kOneSided;
    reconciliation.attribution_reason =
        who_blames + (silent.empty() ? "" : "; no account of who started it from " + silent);
  }
  for (const std::string& party : independent_blame) {
    reconciliation.attribution_reason += "; an independent claimant names " + party;
  }
  // Evidence.
  std::set<std::string> origins;
  std::size_t not_credible = 0;
  for (const ClaimContext& member : members) {
    if (is_credible(member, parameters)) {
      origins.insert(origin_of(member, parties));
    } else {
      ++not_credible;
    }
  }
  reconciliation.independent_origins.assign(origins.begin(), origins.end());
  std::string origin_list;
  for (const std::string& origin : origins) {
    origin_list += (origin_list.empty() ? "" : ", ") + origin;
  }
  if (origins.empty()) {
    reconciliation.evidence = EvidenceGrade::kDiscounted;
    reconciliation.evidence_reason =
        "no claim from a credible source (" + std::to_string(not_credible) + " not credible)";
  } else if (reconciliation.attribution == AttributionGrade::kContested) {
    reconciliation.evidence = EvidenceGrade::kContested;
    reconciliation.evidence_reason = "the parties blame each other; origins " + origin_list;
  } else if (origins.size() >= 2) {
    reconciliation.evidence = EvidenceGrade::kCorroborated;
    reconciliation.evidence_reason =
        std::to_string(origins.size()) + " independent credible origins: " + origin_list;
  } else {
    reconciliation.evidence = EvidenceGrade::kSingleSource;
    reconciliation.evidence_reason = "one origin: " + origin_list;
  }
  const std::string grade(to_string(reconciliation.evidence));
  reconciliation.in_headline =
      std::find(parameters.headline_evidence.begin(), parameters.headline_evidence.end(), grade) !=
      parameters.headline_evidence.end();
  return reconciliation;
}

}  // namespace truce::fusion
