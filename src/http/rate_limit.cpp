#include "http/rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace truce::http {

int RateLimiter::acquire(std::string_view key) {
  if (per_second_ <= 0) {
    return 0;
  }
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  sweep(now);
  auto [found, inserted] = buckets_.try_emplace(std::string(key), Bucket{burst_, now});
  Bucket& bucket = found->second;
  if (!inserted) {
    double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * per_second_);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / per_second_)));
}

void RateLimiter::sweep(std::chrono::steady_clock::time_point now) {
  constexpr std::chrono::seconds kSweepEvery{60};
  if (now - last_sweep_ < kSweepEvery) {
    return;
  }
  last_sweep_ = now;
  // A bucket idle long enough to be full again is the same as no bucket.
  double refill_seconds = burst_ / per_second_;
  std::erase_if(buckets_, [&](const auto& entry) {
    return std::chrono::duration<double>(now - entry.second.updated).count() > refill_seconds;
  });
}

}  // namespace truce::http
