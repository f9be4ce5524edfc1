// Per-key token buckets: each key (a token's hash, or a client address for
// logins) may make `per_second` requests a second on average and `burst` at
// once. Memory is bounded: keys idle long enough to have refilled are dropped.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace truce::http {

class RateLimiter final {
 public:
  // per_second <= 0 turns the limiter off.
  RateLimiter(double per_second, double burst) : per_second_(per_second), burst_(burst) {}

  // 0 if the request may go ahead now, else the seconds to wait (at least 1).
  int acquire(std::string_view key);

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point updated;
  };
  void sweep(std::chrono::steady_clock::time_point now);

  double per_second_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::chrono::steady_clock::time_point last_sweep_{};
};

}  // namespace truce::http
