// find_claims/count_claims: bounding boxes through the R*Tree with an exact
// recheck, inclusive time windows, the other filters, order and paging, and
// the query plans that prove the indexes are used.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "storage/store.hpp"
#include "unit/storage/test_data.hpp"

namespace truce::storage {
namespace {

using test::bare_claim;
using test::civil;
using test::on_day;
using test::point_claim;

std::set<std::string> ids_of(const Result<std::vector<Claim>>& claims) {
  std::set<std::string> ids;
  EXPECT_TRUE(claims) << claims.error().message;
  if (claims) {
    for (const Claim& claim : *claims) {
      ids.insert(claim.id.str());
    }
  }
  return ids;
}

class StoreQuery : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = open_store(":memory:", OpenMode::kCreate);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(store).value();
  }

  void write(std::vector<Claim> claims) {
    auto summary = store_->write(test::batch_of(std::move(claims)), WriteMode::kCommit);
    ASSERT_TRUE(summary) << summary.error().message;
  }

  std::set<std::string> find(const ClaimQuery& query) {
    auto count = store_->count_claims(query);
    auto found = store_->find_claims(query);
    EXPECT_TRUE(count) << count.error().message;
    if (count && found) {
      EXPECT_EQ(*count, static_cast<long long>(found->size()));
    }
    return ids_of(found);
  }

  static ClaimQuery in_box(double min_lon, double min_lat, double max_lon, double max_lat) {
    ClaimQuery query;
    query.bbox = BoundingBox{min_lon, min_lat, max_lon, max_lat};
    return query;
  }

  std::unique_ptr<Store> store_;
};

// Map of the bbox fixtures (lon 44-47 east, lat 39-41 north):
//
//   lat 41.0  . . . . . . . c         a, b, c: points
//   lat 40.5  . . . . b . . .         d: a line from (44.0, 39.0) to (44.5, 39.2)
//   lat 40.0  . . a . . . . .         e: a polygon 45.9-46.5 x 39.0-39.5
//   lat 39.x  d d . . . . e e         f: no place; g: a place without geometry
class BoxQuery : public StoreQuery {
 protected:
  void SetUp() override {
    StoreQuery::SetUp();
    DocumentId doc("doc_1");
    Claim line = bare_claim("d", doc);
    line.place =
        Place{"",
              Geometry{GeometryType::kLineString,
                       {{{Longitude{44.0}, Latitude{39.0}}, {Longitude{44.5}, Latitude{39.2}}}}},
              LocationPrecision::kLinear, "", ""};
    Claim polygon = bare_claim("e", doc);
    auto p = [](double lon, double lat) { return GeoPoint{Longitude{lon}, Latitude{lat}}; };
    polygon.place = Place{
        "",
        Geometry{GeometryType::kPolygon,
                 {{p(45.9, 39.0), p(46.5, 39.0), p(46.5, 39.5), p(45.9, 39.5), p(45.9, 39.0)}}},
        LocationPrecision::kAdmin2, "", ""};
    Claim named = bare_claim("g", doc);
    named.place = Place{"somewhere", std::nullopt, LocationPrecision::kCountry, "AM", ""};
    write({point_claim("a", doc, 45.0, 40.0, on_day(2021, 11, 16)),
           point_claim("b", doc, 45.5, 40.5, on_day(2021, 11, 16)),
           point_claim("c", doc, 46.0, 41.0, on_day(2021, 11, 16)), line, polygon,
           bare_claim("f", doc), named});
  }
};

TEST_F(BoxQuery, ReturnsExactlyTheClaimsWhoseBoxIntersectsIncludingCornerTouches) {
  EXPECT_EQ(find(in_box(45.0, 40.0, 46.0, 41.0)), (std::set<std::string>{"a", "b", "c"}));
  EXPECT_EQ(find(in_box(45.1, 40.1, 45.9, 40.9)), (std::set<std::string>{"b"}));
}

TEST_F(BoxQuery, LinesAndPolygonsMatchByTheirBoundingBoxEdges) {
  EXPECT_EQ(find(in_box(44.5, 39.2, 45.9, 39.9)), (std::set<std::string>{"d", "e"}));
  EXPECT_EQ(find(in_box(46.2, 39.2, 46.3, 39.3)), (std::set<std::string>{"e"}));  // inside e
  EXPECT_EQ(find(in_box(44.6, 39.3, 45.8, 39.9)), (std::set<std::string>{}));
}

TEST_F(BoxQuery, ABoxCoveringTheWorldSkipsClaimsWithoutGeometry) {
  EXPECT_EQ(find(in_box(-180, -90, 180, 90)), (std::set<std::string>{"a", "b", "c", "d", "e"}));
}

TEST_F(BoxQuery, RTreeCandidatesAreRecheckedAgainstTheExactCoordinates) {
  // 45.1 is not a float; the R*Tree keeps [45.0999985, 45.1000023]. A box
  // ending a hair before 45.1 is a candidate there but must not match.
  write({point_claim("h", DocumentId("doc_1"), 45.1, 40.3, on_day(2021, 11, 16))});
  EXPECT_EQ(find(in_box(45.05, 40.25, 45.09999999, 40.35)), (std::set<std::string>{}));
  EXPECT_EQ(find(in_box(45.10000001, 40.25, 45.2, 40.35)), (std::set<std::string>{}));
  EXPECT_EQ(find(in_box(45.1, 40.3, 45.1, 40.3)), (std::set<std::string>{"h"}));
}

TEST_F(BoxQuery, AnInvertedBoxIsInvalidInput) {
  auto found = store_->find_claims(in_box(170, 0, -170, 10));
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(found.error().message.find("antimeridian"), std::string::npos);
}

// Intervals: w = the 15th all day; x = 16th 06:30-18:15; y = 16th 23:59:59;
// z = 17th-20th.
class WindowQuery : public StoreQuery {
 protected:
  void SetUp() override {
    StoreQuery::SetUp();
    DocumentId doc("doc_1");
    Claim x = bare_claim("x", doc);
    x.time = TimeInterval{civil(2021, 11, 16, 6 * 3600 + 30 * 60),
                          civil(2021, 11, 16, 18 * 3600 + 15 * 60), TimePrecision::kMinute,
                          "Asia/Yerevan"};
    Claim y = bare_claim("y", doc);
    y.time = TimeInterval{civil(2021, 11, 16, 86399), civil(2021, 11, 16, 86399),
                          TimePrecision::kMinute, ""};
    Claim z = bare_claim("z", doc);
    z.time = TimeInterval{civil(2021, 11, 17), civil(2021, 11, 20), TimePrecision::kSpan, ""};
    Claim w = bare_claim("w", doc);
    w.time = on_day(2021, 11, 15);
    write({w, x, y, z});
  }

  static ClaimQuery window(std::optional<std::string> since, std::optional<std::string> until) {
    ClaimQuery query;
    query.since = std::move(since);
    query.until = std::move(until);
    return query;
  }
};

TEST_F(WindowQuery, ADateUntilRunsToTheEndOfThatDay) {
  EXPECT_EQ(find(window({}, "2021-11-16")), (std::set<std::string>{"w", "x", "y"}));
}

TEST_F(WindowQuery, ADateSinceStartsAtMidnight) {
  EXPECT_EQ(find(window("2021-11-16", {})), (std::set<std::string>{"x", "y", "z"}));
}

TEST_F(WindowQuery, DateTimeBoundariesAreInclusive) {
  EXPECT_EQ(find(window("2021-11-16T18:15", {})), (std::set<std::string>{"x", "y", "z"}));
  EXPECT_EQ(find(window("2021-11-16T18:15:01", {})), (std::set<std::string>{"y", "z"}));
  EXPECT_EQ(find(window({}, "2021-11-16T06:30")), (std::set<std::string>{"w", "x"}));
  EXPECT_EQ(find(window({}, "2021-11-16T06:29:59")), (std::set<std::string>{"w"}));
}

TEST_F(WindowQuery, AnIntervalOverlappingTheWindowMatches) {
  EXPECT_EQ(find(window("2021-11-18", "2021-11-18")), (std::set<std::string>{"z"}));
  EXPECT_EQ(find(window("2021-11-21", {})), (std::set<std::string>{}));
}

TEST_F(WindowQuery, AnUnreadableBoundIsInvalidInputNamingIt) {
  auto found = store_->find_claims(window("16/11/2021", {}));
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(found.error().message.find("since '16/11/2021'"), std::string::npos);
}

TEST_F(WindowQuery, ClaimsComeOrderedByStartThenIdAndPageWithLimitAndOffset) {
  // Two claims starting at the same moment (the 16th, 00:00) order by id.
  write({bare_claim("tie_b", DocumentId("doc_1")), bare_claim("tie_a", DocumentId("doc_1"))});
  ClaimQuery query;
  auto all = store_->find_claims(query);
  ASSERT_TRUE(all) << all.error().message;
  std::vector<std::string> order;
  for (const Claim& claim : *all) {
    order.push_back(claim.id.str());
  }
  EXPECT_EQ(order, (std::vector<std::string>{"w", "tie_a", "tie_b", "x", "y", "z"}));

  query.limit = 2;
  query.offset = 2;
  auto page = store_->find_claims(query);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id.str(), "tie_b");
  EXPECT_EQ((*page)[1].id.str(), "x");

  query.limit = -1;
  EXPECT_FALSE(store_->find_claims(query));
}

TEST_F(StoreQuery, ActorMatchesClaimantPerpetratorTargetSidesAssetPartiesAndOtherActors) {
  DocumentId doc("doc_1");
  Claim rich = test::rich_claim("rich", doc);  // claimant armenia, perpetrator azerbaijan
  Claim bare = bare_claim("bare", doc);        // claimant azerbaijan
  Claim side_only = bare_claim("side_only", doc);
  side_only.claimant = test::actor("osce", "OSCE");
  side_only.casualties = {{Side{SideKind::kCivilians, test::actor("armenia", "Armenia")},
                           CasualtyStatus::kKilled, CountRange{1, 1}}};
  write({rich, bare, side_only});

  ClaimQuery query;
  query.actor = "azerbaijan";
  EXPECT_EQ(find(query), (std::set<std::string>{"rich", "bare"}));
  query.actor = "armenia";
  EXPECT_EQ(find(query), (std::set<std::string>{"rich", "side_only"}));
  query.actor = "azerbaijan-forces";  // only an asset's gainer
  EXPECT_EQ(find(query), (std::set<std::string>{"rich"}));
  query.actor = "russia";  // only the mediator
  EXPECT_EQ(find(query), (std::set<std::string>{"rich"}));
  query.actor = "nobody";
  EXPECT_EQ(find(query), (std::set<std::string>{}));
}

TEST_F(StoreQuery, EventTypeSourceAndDocumentFilterAndCombine) {
  IntakeBatch batch =
      test::batch_of({test::rich_claim("rich", DocumentId()), bare_claim("bare", DocumentId())});
  batch.sources.push_back(test::neutral_source());
  batch.documents.push_back(test::article("doc_2", batch.sources[1].id));
  batch.claims.push_back(bare_claim("other_doc", batch.documents[1].id));
  ASSERT_TRUE(store_->write(batch, WriteMode::kCommit));

  ClaimQuery query;
  query.event_type = EventType::kCeasefireViolation;
  EXPECT_EQ(find(query), (std::set<std::string>{"bare", "other_doc"}));
  query.source = SourceId("sputnik");
  EXPECT_EQ(find(query), (std::set<std::string>{"other_doc"}));
  query = ClaimQuery{};
  query.document = DocumentId("doc_1");
  EXPECT_EQ(find(query), (std::set<std::string>{"rich", "bare"}));
  query.event_type = EventType::kAttack;
  EXPECT_EQ(find(query), (std::set<std::string>{"rich"}));
}

TEST_F(StoreQuery, StatsCountRecordsAndSpanTheEvents) {
  auto empty = store_->stats();
  ASSERT_TRUE(empty) << empty.error().message;
  EXPECT_EQ(empty->schema_version, latest_schema_version());
  EXPECT_EQ(empty->claims, 0);
  EXPECT_FALSE(empty->first_event.has_value());

  DocumentId doc("doc_1");
  Claim late = bare_claim("late", doc);
  late.time = TimeInterval{civil(2021, 11, 17), civil(2021, 11, 20), TimePrecision::kSpan, ""};
  write({bare_claim("early", doc), late});
  auto stats = store_->stats();
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->sources, 1);
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->claims, 2);
  EXPECT_EQ(stats->first_event, "2021-11-16T00:00:00");
  EXPECT_EQ(stats->last_event, "2021-11-20T23:59:59");
}

TEST_F(StoreQuery, ABoxQueryIsPlannedThroughTheRTree) {
  auto plan = store_->explain_find_claims(in_box(45, 40, 46, 41));
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_NE(plan->find("claim_boxes VIRTUAL TABLE"), std::string::npos) << *plan;
}

TEST_F(StoreQuery, TimeWindowsArePlannedThroughTheTimeIndexes) {
  ClaimQuery since;
  since.since = "2021-11-16";
  auto plan = store_->explain_find_claims(since);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_NE(plan->find("INDEX claims_by_end (end_key>?)"), std::string::npos) << *plan;

  ClaimQuery until;
  until.until = "2021-11-16";
  plan = store_->explain_find_claims(until);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_NE(plan->find("INDEX claims_by_start (start_key<?)"), std::string::npos) << *plan;
}

TEST_F(StoreQuery, ABoundedWindowSeeksOneTimeIndexAndChecksTheOtherEnd) {
  ClaimQuery window;
  window.since = "2021-11-16";
  window.until = "2021-11-18";
  auto plan = store_->explain_find_claims(window);
  ASSERT_TRUE(plan) << plan.error().message;
  bool seeks_time_index = plan->find("INDEX claims_by_end (end_key>?)") != std::string::npos ||
                          plan->find("INDEX claims_by_start (start_key<?)") != std::string::npos;
  EXPECT_TRUE(seeks_time_index) << *plan;
  EXPECT_EQ(plan->find("SCAN c"), std::string::npos) << *plan;
}

TEST_F(StoreQuery, AnActorQueryIsPlannedThroughTheActorTable) {
  ClaimQuery query;
  query.actor = "armenia";
  auto plan = store_->explain_find_claims(query);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_NE(plan->find("claim_actors"), std::string::npos) << *plan;
  EXPECT_EQ(plan->find("SCAN c"), std::string::npos) << *plan;
}

}  // namespace
}  // namespace truce::storage

namespace truce::storage {
namespace {

class CursorQuery : public StoreQuery {
 protected:
  void SetUp() override {
    StoreQuery::SetUp();
    // Two claims on each of three days, so a page boundary can fall inside a day.
    std::vector<Claim> claims;
    for (unsigned day : {18U, 16U, 17U}) {
      for (const char* suffix : {"a", "b"}) {
        claims.push_back(point_claim("clm_" + std::to_string(day) + suffix, DocumentId("doc_1"),
                                     45.0, 40.0, on_day(2021, 11, day)));
      }
    }
    write(std::move(claims));
  }
};

TEST_F(CursorQuery, PagesAfterACursorContinueTheStableOrderWithoutRepeats) {
  std::vector<std::string> seen;
  ClaimQuery query;
  query.limit = 4;
  while (true) {
    auto page = store_->find_claims(query);
    ASSERT_TRUE(page) << page.error().message;
    for (const Claim& claim : *page) {
      seen.push_back(claim.id.str());
    }
    if (static_cast<int>(page->size()) < query.limit) {
      break;
    }
    query.after = ClaimCursor{interval_start_key(page->back().time), page->back().id.str()};
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"clm_16a", "clm_16b", "clm_17a", "clm_17b", "clm_18a",
                                            "clm_18b"}));
}

TEST_F(CursorQuery, ACursorSeeksTheStartIndex) {
  ClaimQuery query;
  query.after = ClaimCursor{"2021-11-17T00:00:00", "clm_17a"};
  auto plan = store_->explain_find_claims(query);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_NE(plan->find("INDEX claims_by_start"), std::string::npos) << *plan;
  EXPECT_EQ(plan->find("SCAN c"), std::string::npos) << *plan;
}

TEST_F(CursorQuery, SummariesFollowTheSameOrderAndFilters) {
  ClaimQuery query;
  query.since = "2021-11-17";
  auto summaries = store_->find_claim_summaries(query);
  ASSERT_TRUE(summaries) << summaries.error().message;
  std::vector<std::string> ids;
  for (const auto& summary : *summaries) {
    ids.push_back(summary.id);
    ASSERT_TRUE(summary.box);
    EXPECT_EQ(summary.box->min_lon, 45.0);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"clm_17a", "clm_17b", "clm_18a", "clm_18b"}));
}

TEST_F(CursorQuery, DailyCountsGroupByDayAndEventType) {
  auto counts = store_->daily_claim_counts({});
  ASSERT_TRUE(counts) << counts.error().message;
  ASSERT_EQ(counts->size(), 3U);
  EXPECT_EQ((*counts)[0].day, "2021-11-16");
  EXPECT_EQ((*counts)[0].claims, 2);
  EXPECT_EQ((*counts)[2].day, "2021-11-18");
}

}  // namespace
}  // namespace truce::storage
