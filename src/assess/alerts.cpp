#include "assess/alerts.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "geo/geodesy.hpp"

namespace truce::assess {
namespace {

std::string day_text(std::int64_t day) {
  std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{day}}};
  return format_civil_time(CivilTime{date, std::nullopt});
}

std::string fixed(double value, int digits) {
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

// The incident's local day in the theatre: a date stated with an offset is
// moved to the theatre's offset; a date without one is taken as local.
std::int64_t local_day(const IncidentFacts& incident, int theatre_offset_minutes) {
  std::int64_t day = day_number(incident.time.start.date);
  auto offset = parse_utc_offset(incident.time.timezone);
  if (!offset || !incident.time.start.time_of_day) {
    return day;
  }
  std::int64_t seconds = day * 86400 + incident.time.start.time_of_day->count() -
                         static_cast<std::int64_t>(*offset) * 60 +
                         static_cast<std::int64_t>(theatre_offset_minutes) * 60;
  return static_cast<std::int64_t>(std::floor(static_cast<double>(seconds) / 86400.0));
}

int casualties_of(const IncidentFacts& incident) {
  std::int64_t total = 0;
  for (const CasualtyFacts& casualty : incident.casualties) {
    if (casualty.status == CasualtyStatus::kKilled || casualty.status == CasualtyStatus::kWounded) {
      total += casualty.count.min;
    }
  }
  return static_cast<int>(total);
}

struct Series {
  std::map<std::int64_t, int> incidents;
  std::map<std::int64_t, int> casualties;
};

void series_alerts(const std::string& name, const Series& series, const AlertSettings& settings,
                   std::vector<Alert>& out) {
  if (series.incidents.empty()) {
    return;
  }
  for (const auto& [label, counts] :
       {std::pair{"incidents", &series.incidents}, std::pair{"casualties", &series.casualties}}) {
    if (counts->empty()) {
      continue;
    }
    std::int64_t first = series.incidents.begin()->first;
    std::int64_t last = series.incidents.rbegin()->first;
    std::vector<int> daily(static_cast<std::size_t>(last - first + 1), 0);
    for (const auto& [day, count] : *counts) {
      daily[static_cast<std::size_t>(day - first)] += count;
    }
    auto found = escalation_alerts(name + ":" + label, day_text(first), daily, settings);
    out.insert(out.end(), found.begin(), found.end());
  }
}

}  // namespace

double poisson_upper_tail(int observed, double mean) {
  if (observed <= 0) {
    return 1.0;
  }
  // 1 - P(X <= observed - 1), summed term by term: the means here are small.
  double term = std::exp(-mean);
  double below = term;
  for (int k = 1; k < observed; ++k) {
    term *= mean / k;
    below += term;
  }
  return std::max(0.0, 1.0 - below);
}

std::vector<Alert> escalation_alerts(const std::string& series, const std::string& first_day,
                                     const std::vector<int>& daily, const AlertSettings& settings) {
  std::vector<Alert> found;
  const auto start = parse_civil_time(first_day);
  const std::int64_t first = start ? day_number(start->date) : 0;
  const auto needed = static_cast<std::size_t>(settings.baseline_days) +
                      static_cast<std::size_t>(settings.recent_days);
  bool in_alert = false;
  for (std::size_t end = needed; end <= daily.size(); ++end) {
    const std::size_t recent_start = end - static_cast<std::size_t>(settings.recent_days);
    const std::size_t baseline_start =
        recent_start - static_cast<std::size_t>(settings.baseline_days);
    int baseline = 0;
    for (std::size_t d = baseline_start; d < recent_start; ++d) {
      baseline += daily[d];
    }
    int recent = 0;
    for (std::size_t d = recent_start; d < end; ++d) {
      recent += daily[d];
    }
    // Half an event added to the baseline: a quiet month is not proof of a rate of zero.
    const double rate = (baseline + 0.5) / settings.baseline_days;
    const double expected = rate * settings.recent_days;
    const double p = poisson_upper_tail(recent, expected);
    const bool alert = p < settings.p_value && recent >= settings.min_recent_count;
    if (alert && !in_alert) {  // one alert per excursion, on its first day
      Alert item;
      item.kind = "escalation";
      item.series = series;
      item.day = day_text(first + static_cast<std::int64_t>(end) - 1);
      item.message = series + ": " + std::to_string(recent) + " in the " +
                     std::to_string(settings.recent_days) + " days to " + item.day + " against " +
                     fixed(expected, 2) + " expected from the " +
                     std::to_string(settings.baseline_days) + " days before (" +
                     std::to_string(baseline) + "); Poisson P(X >= " + std::to_string(recent) +
                     ") = " + fixed(p, 6);
      item.numbers = {{"recent", recent},
                      {"baseline", baseline},
                      {"expected", expected},
                      {"p_value", p},
                      {"recent_days", settings.recent_days},
                      {"baseline_days", settings.baseline_days}};
      found.push_back(std::move(item));
    }
    in_alert = alert;
  }
  return found;
}

Result<AlertSettings> read_alert_settings_json(std::string_view text, std::string_view file_name) {
  nlohmann::json root = nlohmann::json::parse(text, nullptr, false, true);
  if (root.is_discarded() || !root.is_object()) {
    return make_error(ErrorCode::kInvalidInput, std::string(file_name) + ": not a JSON object");
  }
  AlertSettings settings;
  auto read = [&](const char* name, auto& field) -> bool {
    if (!root.contains(name)) {
      return true;
    }
    if (!root[name].is_number() || root[name].template get<double>() <= 0) {
      return false;
    }
    field = root[name].template get<std::decay_t<decltype(field)>>();
    return true;
  };
  for (auto ok :
       {read("baseline_days", settings.baseline_days), read("recent_days", settings.recent_days),
        read("p_value", settings.p_value), read("min_recent_count", settings.min_recent_count),
        read("corridor_km", settings.corridor_km), read("segment_km", settings.segment_km)}) {
    if (!ok) {
      return make_error(ErrorCode::kInvalidInput,
                        std::string(file_name) + ": every setting is a positive number");
    }
  }
  return settings;
}

std::vector<Alert> alerts(const Registry& registry, const std::vector<IncidentFacts>& incidents,
                          const AlertSettings& settings) {
  std::vector<Alert> out;
  std::map<std::string, Series> by_series;
  for (const IncidentFacts& incident : incidents) {
    const std::optional<GeoPoint> point = incident.place.point;
    for (const Feature& theatre : registry.features()) {
      if (theatre.kind != FeatureKind::kTheatre) {
        continue;
      }
      const bool in_theatre = point ? registry.area(theatre.id)->contains(*point)
                                    : incident.place.theatre == theatre.id;
      if (!in_theatre) {
        continue;
      }
      const int offset = theatre.utc_offset_minutes.value_or(0);
      const std::int64_t day = local_day(incident, offset);
      Series& series = by_series["theatre:" + theatre.id];
      series.incidents[day] += 1;
      series.casualties[day] += casualties_of(incident);
      for (const Feature& line : registry.features()) {
        if (!point || line.kind != FeatureKind::kLineOfContact || line.theatre != theatre.id) {
          continue;
        }
        geo::NearestPoint nearest = registry.lines(line.id)->nearest(*point);
        if (nearest.distance_m / 1000 > settings.segment_km) {
          continue;
        }
        Series& segment = by_series["segment:" + line.id + "#" + std::to_string(nearest.segment)];
        segment.incidents[day] += 1;
        segment.casualties[day] += casualties_of(incident);
      }
    }
    const std::string day = format_civil_time(CivilTime{incident.time.start.date, std::nullopt});
    for (const CasualtyFacts& casualty : incident.casualties) {
      if (casualty.status == CasualtyStatus::kKilled && casualty.count.min > 0) {
        out.push_back({"death",
                       incident.id,
                       day,
                       incident.id + ": " + std::to_string(casualty.count.min) + " killed (" +
                           casualty.side + ") reported",
                       {{"killed", static_cast<double>(casualty.count.min)}}});
      }
    }
    for (const AssetChange& asset : incident.assets) {
      if (asset.kind == AssetKind::kPosition &&
          (asset.outcome == AssetOutcome::kLost || asset.outcome == AssetOutcome::kCaptured ||
           asset.outcome == AssetOutcome::kOverrun)) {
        double count = asset.count ? static_cast<double>(asset.count->min) : 1;
        out.push_back({"capture",
                       incident.id,
                       day,
                       incident.id + ": capture of positions reported (" + fixed(count, 0) + ")",
                       {{"positions", count}}});
      }
    }
    if (point) {
      for (const Feature& corridor : registry.features()) {
        if (corridor.kind != FeatureKind::kCorridor) {
          continue;
        }
        const std::int64_t moment = day_number(incident.time.start.date) * 86400;
        if (!valid_at(corridor, moment)) {
          continue;
        }
        double distance = registry.lines(corridor.id)->nearest(*point).distance_m / 1000;
        if (distance <= settings.corridor_km) {
          out.push_back({"corridor",
                         incident.id,
                         day,
                         incident.id + ": " + fixed(distance, 1) + " km from " + corridor.name +
                             " (threshold " + fixed(settings.corridor_km, 1) + " km)",
                         {{"distance_km", distance}, {"threshold_km", settings.corridor_km}}});
        }
      }
    }
  }
  for (const auto& [name, series] : by_series) {
    series_alerts(name, series, settings, out);
  }
  return out;
}

}  // namespace truce::assess
