#include "http/metrics.hpp"

#include <cstdio>

namespace truce::http {
namespace {

std::string number(double value) {
  std::array<char, 32> text{};
  int length = std::snprintf(text.data(), text.size(), "%.6g", value);
  return {text.data(), static_cast<std::size_t>(length)};
}

}  // namespace

void Metrics::record_request(std::string_view route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  auto found = routes_.find(route);
  if (found == routes_.end()) {
    found = routes_.emplace(std::string(route), RouteCounts{}).first;
  }
  RouteCounts& counts = found->second;
  ++counts.by_status[status];
  Histogram& histogram = counts.latency;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++histogram.counts[i];
    }
  }
  ++histogram.total;
  histogram.sum += seconds;
}

void Metrics::record_ingest(bool stored, long long documents_added, long long claims_added) {
  std::lock_guard lock(mutex_);
  ++(stored ? ingest_stored_ : ingest_rejected_);
  documents_added_ += documents_added;
  claims_added_ += claims_added;
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string text;
  text += "# HELP truce_http_requests_total HTTP requests answered, by route and status.\n";
  text += "# TYPE truce_http_requests_total counter\n";
  for (const auto& [route, counts] : routes_) {
    for (const auto& [status, count] : counts.by_status) {
      text += "truce_http_requests_total{route=\"" + route + "\",status=\"" +
              std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
  }
  text += "# HELP truce_http_request_duration_seconds Time from request head to response.\n";
  text += "# TYPE truce_http_request_duration_seconds histogram\n";
  for (const auto& [route, counts] : routes_) {
    const Histogram& histogram = counts.latency;
    std::string label = "route=\"" + route + "\"";
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      text += "truce_http_request_duration_seconds_bucket{" + label + ",le=\"" +
              number(kBuckets[i]) + "\"} " + std::to_string(histogram.counts[i]) + "\n";
    }
    text += "truce_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
            std::to_string(histogram.total) + "\n";
    text +=
        "truce_http_request_duration_seconds_sum{" + label + "} " + number(histogram.sum) + "\n";
    text += "truce_http_request_duration_seconds_count{" + label + "} " +
            std::to_string(histogram.total) + "\n";
  }
  text += "# HELP truce_ingest_requests_total Ingest requests, by outcome.\n";
  text += "# TYPE truce_ingest_requests_total counter\n";
  text +=
      "truce_ingest_requests_total{outcome=\"stored\"} " + std::to_string(ingest_stored_) + "\n";
  text += "truce_ingest_requests_total{outcome=\"rejected\"} " + std::to_string(ingest_rejected_) +
          "\n";
  text += "# HELP truce_ingested_documents_total Documents added by ingest requests.\n";
  text += "# TYPE truce_ingested_documents_total counter\n";
  text += "truce_ingested_documents_total " + std::to_string(documents_added_) + "\n";
  text += "# HELP truce_ingested_claims_total Claims added by ingest requests.\n";
  text += "# TYPE truce_ingested_claims_total counter\n";
  text += "truce_ingested_claims_total " + std::to_string(claims_added_) + "\n";
  return text;
}

}  // namespace truce::http
