// Counters for GET /metrics in the Prometheus text format (version 0.0.4):
// requests by route and status, a latency histogram by route, and what
// ingest stored. Routes are patterns ("/api/v1/claims/{id}"), never raw
// paths, so the number of series stays bounded.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace truce::http {

class Metrics final {
 public:
  void record_request(std::string_view route, int status, double seconds);
  void record_ingest(bool stored, long long documents_added, long long claims_added);
  std::string render() const;

 private:
  static constexpr std::array kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                       0.1,   0.25,   0.5,   1.0,  2.5,   5.0};
  struct Histogram {
    std::array<long long, kBuckets.size()> counts{};
    long long total = 0;
    double sum = 0;
  };
  struct RouteCounts {
    std::map<int, long long> by_status;
    Histogram latency;
  };

  mutable std::mutex mutex_;
  // By route pattern, found by string_view: a request allocates nothing here
  // once its route has been counted.
  std::map<std::string, RouteCounts, std::less<>> routes_;
  long long ingest_stored_ = 0;
  long long ingest_rejected_ = 0;
  long long documents_added_ = 0;
  long long claims_added_ = 0;
};

}  // namespace truce::http
