// Pages of incident summaries read along the page-order indexes (migration
// 7): a window is sought from `since` minus the longest stored span, a tag
// leads the page through its own rows, and reviews reach both copies of the
// tested columns. Every filter combination is checked against the same
// filters applied to a plain list of the stored incidents.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>
#include <set>

#include "storage/store.hpp"
#include "unit/storage/test_data.hpp"

namespace truce::storage {
namespace {

using test::bare_claim;

// Synthetic incidents with fictional tag values; times are keys as the
// store writes them ("YYYY-MM-DDTHH:MM:SS").
struct Model {
  IncidentSummary summary;
  bool published = false;
  std::string state = "unverified";
};

std::string key_at(long long seconds_since_2023) {
  // Days and seconds from 2023-01-01T00:00:00 UTC, as a civil key.
  std::time_t t = 1672531200 + static_cast<std::time_t>(seconds_since_2023);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[80];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return text;
}

std::string claim_name(int index) {
  char text[32];
  std::snprintf(text, sizeof text, "clm_%05d", index);
  return text;
}

IncidentSummary summary_for(const Incident& incident, const std::string& start,
                            const std::string& end) {
  IncidentSummary summary;
  summary.id = incident.id;
  summary.start_key = start;
  summary.end_key = end;
  summary.attribution = "one_sided";
  summary.evidence = "single_source";
  summary.json = R"({"id":")" + incident.id.str() + R"("})";
  summary.public_json = summary.json;
  return summary;
}

std::vector<std::string> ids_of(const std::vector<IncidentSummaryRow>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) {
    out.push_back(row.id);
  }
  return out;
}

class PageOrder : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = open_store(":memory:", OpenMode::kCreate);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(store).value();
  }

  // Stores incidents with the given (start, end) keys, one claim each, and
  // returns them in the same order.
  std::vector<Incident> add_incidents(
      const std::vector<std::pair<std::string, std::string>>& spans) {
    std::vector<Claim> claims;
    IncidentUpdate update;
    for (const auto& [start, end] : spans) {
      std::string name = claim_name(next_claim_++);
      claims.push_back(bare_claim(name, DocumentId("doc_1")));
      Incident incident;
      incident.id = incident_id_for(ClaimId(name));
      incident.members.push_back({ClaimId(name), MatchFeatures{}});
      incident.start_key = start;
      incident.end_key = end;
      update.put.push_back(incident);
    }
    auto written = store_->write(test::batch_of(std::move(claims)), WriteMode::kCommit, update);
    EXPECT_TRUE(written) << written.error().message;
    return update.put;
  }

  void review(const IncidentId& id, bool published, const std::string& state) {
    auto stored = store_->incident_review(id);
    ASSERT_TRUE(stored) << stored.error().message;
    IncidentReview next = *stored;
    next.published = published;
    next.state = state;
    next.updated_at = "2025-01-01T00:00:00Z";
    AuditRecord audit{"user:op", "incident.review", id.str(), "null", "{}"};
    auto written = store_->put_incident_review(next, *stored, audit);
    ASSERT_TRUE(written) << written.error().message;
  }

  std::vector<std::string> find(const IncidentSummaryQuery& query) {
    auto rows = store_->find_incident_summaries(query);
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? ids_of(*rows) : std::vector<std::string>{};
  }

  std::unique_ptr<Store> store_;
  int next_claim_ = 0;
};

TEST_F(PageOrder, AWindowListsALongIncidentThatStartedLongBeforeIt) {
  // Written first: short incidents, so the longest span is a day.
  auto short_ones = add_incidents({{"2023-03-10T08:00:00", "2023-03-10T09:00:00"},
                                   {"2023-03-11T00:00:00", "2023-03-12T00:00:00"},
                                   {"2023-03-20T00:00:00", "2023-03-20T01:00:00"}});
  std::vector<IncidentSummary> summaries;
  for (const auto& incident : short_ones) {
    summaries.push_back(summary_for(incident, incident.start_key, incident.end_key));
    summaries.back().event_types = {"shelling"};
  }
  ASSERT_TRUE(store_->put_incident_summaries(summaries));
  // Then one that began ten months before the window and ends inside it,
  // and one that ends one second before the window opens.
  auto long_ones = add_incidents({{"2022-05-01T00:00:00", "2023-03-12T06:00:00"},
                                  {"2022-05-02T00:00:00", "2023-03-10T23:59:59"}});
  summaries.clear();
  for (const auto& incident : long_ones) {
    summaries.push_back(summary_for(incident, incident.start_key, incident.end_key));
    summaries.back().event_types = {"shelling"};
  }
  ASSERT_TRUE(store_->put_incident_summaries(summaries));

  const std::string long_id = long_ones[0].id.str();
  IncidentSummaryQuery window;
  window.since = "2023-03-11";
  window.until = "2023-03-15";
  const std::vector<std::string> expected{long_id, short_ones[1].id.str()};
  EXPECT_EQ(find(window), expected);
  window.event_type = "shelling";  // led by the tag's rows instead of the start order
  EXPECT_EQ(find(window), expected);
  window.limit = 1;  // and across a page boundary
  auto first = store_->find_incident_summaries(window);
  ASSERT_TRUE(first);
  ASSERT_EQ(ids_of(*first), std::vector<std::string>{long_id});
  window.after = IncidentCursor{first->back().start_key, first->back().id};
  EXPECT_EQ(find(window), std::vector<std::string>{short_ones[1].id.str()});

  // The span only grows: with the long incident gone the window still finds
  // what remains.
  IncidentUpdate removal;
  removal.removed = {long_ones[0].id};
  ASSERT_TRUE(store_->write(IntakeBatch{}, WriteMode::kCommit, removal));
  IncidentSummaryQuery since_only;
  since_only.since = "2023-03-12";
  EXPECT_EQ(find(since_only),
            (std::vector<std::string>{short_ones[1].id.str(), short_ones[2].id.str()}));
}

TEST_F(PageOrder, ReviewsReachPagesLedByATag) {
  auto incidents = add_incidents({{"2023-01-01T00:00:00", "2023-01-01T00:00:00"},
                                  {"2023-01-02T00:00:00", "2023-01-02T00:00:00"}});
  // A review written before the summary is taken over when the summary is.
  review(incidents[1].id, true, "under_review");
  std::vector<IncidentSummary> summaries;
  for (const auto& incident : incidents) {
    summaries.push_back(summary_for(incident, incident.start_key, incident.end_key));
    summaries.back().event_types = {"attack"};
  }
  ASSERT_TRUE(store_->put_incident_summaries(summaries));
  IncidentSummaryQuery query;
  query.event_type = "attack";
  query.published_only = true;
  EXPECT_EQ(find(query), std::vector<std::string>{incidents[1].id.str()});
  review(incidents[0].id, true, "verified");
  review(incidents[1].id, false, "under_review");
  EXPECT_EQ(find(query), std::vector<std::string>{incidents[0].id.str()});
  query.published_only = false;
  query.state = "verified";
  EXPECT_EQ(find(query), std::vector<std::string>{incidents[0].id.str()});
  // A summary written again keeps its incident's review.
  ASSERT_TRUE(store_->put_incident_summaries({summaries[0]}));
  EXPECT_EQ(find(query), std::vector<std::string>{incidents[0].id.str()});
  auto one = store_->get_incident_summary(incidents[0].id, false);
  ASSERT_TRUE(one && *one);
  EXPECT_EQ((*one)->state, "verified");
  EXPECT_TRUE((*one)->published);
}

// Random incidents (short and long spans, boxes or none, tags, grades,
// reviews written before and after their summaries) and random filter
// combinations, paged with random limits: the pages joined must be exactly
// the filtered and ordered plain list.
TEST_F(PageOrder, EveryFilterCombinationMatchesAPlainFilter) {
  std::mt19937 random(20261202);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::vector<std::string> types{"attack", "shelling", "detention", "other"};
  const std::vector<std::string> actors{"northland", "southland", "eastmark"};
  const std::vector<std::string> theatres{"west", "east"};
  const std::vector<std::string> grades{"agreed", "one_sided", "contested"};
  const std::vector<std::string> states{"unverified", "under_review", "verified"};
  const std::vector<long long> spans{0, 3600, 86400, 86400 * 3, 86400 * 40, 86400 * 300};

  std::vector<std::pair<std::string, std::string>> keys;
  for (int i = 0; i < 240; ++i) {
    long long start = static_cast<long long>(pick(500)) * 86400 + pick(86400);
    long long span = i % 7 == 0 ? spans[static_cast<std::size_t>(pick(6))] : pick(2) * 3600;
    keys.emplace_back(key_at(start), key_at(start + span));
  }
  keys.emplace_back(keys[5].first, keys[5].second);  // the same start twice: ordered by id
  auto incidents = add_incidents(keys);

  std::vector<Model> model;
  for (const auto& incident : incidents) {
    Model row;
    row.summary = summary_for(incident, incident.start_key, incident.end_key);
    if (pick(5) > 0) {
      double lon = 10 + pick(100) / 100.0;
      double lat = 50 + pick(100) / 100.0;
      row.summary.box = BoundingBox{lon, lat, lon + pick(10) / 100.0, lat + pick(10) / 100.0};
    }
    std::set<std::string> chosen{types[static_cast<std::size_t>(pick(4))],
                                 types[static_cast<std::size_t>(pick(4))]};
    row.summary.event_types.assign(chosen.begin(), chosen.end());
    row.summary.actors = {actors[static_cast<std::size_t>(pick(3))]};
    if (pick(2) == 0) {
      row.summary.theatres = {theatres[static_cast<std::size_t>(pick(2))]};
    }
    row.summary.attribution = grades[static_cast<std::size_t>(pick(3))];
    row.summary.evidence = grades[static_cast<std::size_t>(pick(3))];
    model.push_back(row);
  }
  auto review_some = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (pick(3) == 0) {
        model[i].published = pick(2) == 0;
        model[i].state = states[static_cast<std::size_t>(pick(3))];
        review(model[i].summary.id, model[i].published, model[i].state);
      }
    }
  };
  const std::size_t half = model.size() / 2;
  review_some(0, half);  // before their summaries are written
  std::vector<IncidentSummary> first_half;
  std::vector<IncidentSummary> second_half;
  for (std::size_t i = 0; i < model.size(); ++i) {
    (i < half ? first_half : second_half).push_back(model[i].summary);
  }
  ASSERT_TRUE(store_->put_incident_summaries(second_half));
  ASSERT_TRUE(store_->put_incident_summaries(first_half));
  review_some(half, model.size());  // after

  std::vector<const Model*> ordered;
  for (const auto& row : model) {
    ordered.push_back(&row);
  }
  std::sort(ordered.begin(), ordered.end(), [](const Model* a, const Model* b) {
    return std::tie(a->summary.start_key, a->summary.id) <
           std::tie(b->summary.start_key, b->summary.id);
  });
  auto has = [](const std::vector<std::string>& values, const std::optional<std::string>& value) {
    return !value || std::find(values.begin(), values.end(), *value) != values.end();
  };

  for (int round = 0; round < 400; ++round) {
    IncidentSummaryQuery query;
    if (pick(3) == 0) {
      query.since = key_at(static_cast<long long>(pick(520)) * 86400 - 86400 * 10).substr(0, 10);
    }
    if (pick(3) == 0) {
      query.until = key_at(static_cast<long long>(pick(520)) * 86400).substr(0, 10);
    }
    if (pick(4) == 0) {
      double lon = 10 + pick(100) / 100.0;
      double lat = 50 + pick(100) / 100.0;
      query.bbox = BoundingBox{lon, lat, lon + 0.3, lat + 0.3};
    }
    if (pick(3) == 0) {
      query.event_type = types[static_cast<std::size_t>(pick(4))];
    }
    if (pick(4) == 0) {
      query.actor = actors[static_cast<std::size_t>(pick(3))];
    }
    if (pick(4) == 0) {
      query.theatre = theatres[static_cast<std::size_t>(pick(2))];
    }
    if (pick(4) == 0) {
      query.attribution = grades[static_cast<std::size_t>(pick(3))];
    }
    if (pick(4) == 0) {
      query.evidence = grades[static_cast<std::size_t>(pick(3))];
    }
    if (pick(4) == 0) {
      query.state = states[static_cast<std::size_t>(pick(3))];
    }
    query.published_only = pick(4) == 0;

    std::vector<std::string> expected;
    std::vector<std::pair<bool, std::string>> expected_reviews;
    for (const Model* row : ordered) {
      const IncidentSummary& s = row->summary;
      if ((query.since && s.end_key < *query.since + "T00:00:00") ||
          (query.until && s.start_key > *query.until + "T23:59:59") ||
          (query.bbox &&
           (!s.box || s.box->min_lon > query.bbox->max_lon ||
            s.box->max_lon < query.bbox->min_lon || s.box->min_lat > query.bbox->max_lat ||
            s.box->max_lat < query.bbox->min_lat)) ||
          !has(s.event_types, query.event_type) || !has(s.actors, query.actor) ||
          !has(s.theatres, query.theatre) ||
          (query.attribution && s.attribution != *query.attribution) ||
          (query.evidence && s.evidence != *query.evidence) ||
          (query.state && row->state != *query.state) ||
          (query.published_only && !row->published)) {
        continue;
      }
      expected.push_back(s.id.str());
      expected_reviews.emplace_back(row->published, row->state);
    }

    query.limit = 1 + pick(40);
    std::vector<std::string> found;
    std::vector<std::pair<bool, std::string>> found_reviews;
    for (int page = 0; page < 300; ++page) {
      auto rows = store_->find_incident_summaries(query);
      ASSERT_TRUE(rows) << rows.error().message;
      for (const auto& row : *rows) {
        found.push_back(row.id);
        found_reviews.emplace_back(row.published, row.state);
      }
      if (static_cast<int>(rows->size()) < query.limit) {
        break;
      }
      query.after = IncidentCursor{rows->back().start_key, rows->back().id};
    }
    ASSERT_EQ(found, expected) << "round " << round;
    ASSERT_EQ(found_reviews, expected_reviews) << "round " << round;
  }
}

}  // namespace
}  // namespace truce::storage
