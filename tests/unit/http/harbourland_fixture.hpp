// The synthetic Harbourland data (tests/data/verification/README.md) added to
// a running API's database: two fictional agreements with monitoring
// mechanisms over one invented theatre, and a bulletin of four claims.
#pragma once

#include "api_fixture.hpp"

namespace truce::test {

inline const std::filesystem::path kHarbourland = kSourceDir / "tests/data/verification";

inline void add_harbourland(RunningApi& api) {
  auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
  ASSERT_TRUE(monitor) << monitor.error().message;
  auto loaded = monitor->load_registry_files(
      {kHarbourland / "harbourland.geojson", kHarbourland / "harbourland-joint-commission.json",
       kHarbourland / "harbourland-observer-mission.json"},
      false);
  ASSERT_TRUE(loaded) << loaded.error().message;
  auto outcomes = monitor->ingest({kHarbourland / "harbourland-incidents.json"}, {});
  ASSERT_EQ(outcomes.size(), 1U);
  ASSERT_FALSE(outcomes[0].error) << outcomes[0].error->message;
}

// The one incident of a day (YYYY-MM-DD) of the Harbourland bulletin.
inline std::string incident_of_day(RunningApi& api, const std::string& day) {
  auto page = api.get("/api/v1/incidents?since=" + day + "&until=" + day, Role::kAnalyst);
  EXPECT_EQ(page.status, 200) << page.body;
  const auto incidents = page.json()["incidents"];
  EXPECT_EQ(incidents.size(), 1U) << day << " " << page.body;
  return incidents.empty() ? std::string() : incidents[0]["id"].get<std::string>();
}

inline std::string user_with_token(RunningApi& api, const std::string& name, Role role,
                                   const std::string& affiliation) {
  auto monitor = service::Monitor::open(api.db(), storage::OpenMode::kOpenExisting);
  EXPECT_TRUE(monitor);
  auto added = monitor->accounts().add_user({name, role, affiliation, std::nullopt}, "test");
  EXPECT_TRUE(added) << added.error().message;
  return *monitor->accounts().issue_token(name, "test");
}

}  // namespace truce::test
