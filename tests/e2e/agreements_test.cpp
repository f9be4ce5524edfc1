// The agreement registry through the built binary: bundled agreements in a
// new database, user files loaded or refused whole, the founding article's
// incident assessed from the extractor's own reading, coverage and alerts.
#include <fstream>
#include <sstream>

#include "e2e.hpp"

namespace truce::test {
namespace {

using nlohmann::json;

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A fictional theatre: Northland and Southland along a ridge (all invented).
const std::string kGeography = R"json({"type": "FeatureCollection", "format": "truce-geography/1",
  "features": [
    {"type": "Feature", "id": "midland",
     "geometry": {"type": "Polygon", "coordinates": [[[9, 39], [12, 39], [12, 41], [9, 41], [9, 39]]]},
     "properties": {"kind": "theatre", "name": "Midland", "utc_offset": "+02:00"}},
    {"type": "Feature", "id": "ridge-zone",
     "geometry": {"type": "Polygon", "coordinates": [[[10, 39.9], [11, 39.9], [11, 40.1], [10, 40.1], [10, 39.9]]]},
     "properties": {"kind": "zone", "name": "Ridge zone", "theatre": "midland"}},
    {"type": "Feature", "id": "ridge-line",
     "geometry": {"type": "LineString", "coordinates": [[10, 40], [11, 40]]},
     "properties": {"kind": "line_of_contact", "name": "Ridge line", "theatre": "midland"}},
    {"type": "Feature", "id": "ridge-post",
     "geometry": {"type": "Point", "coordinates": [10.5, 40.02]},
     "properties": {"kind": "observation_post", "name": "Ridge post", "theatre": "midland", "observation_radius_km": 10}}
  ]})json";

const std::string kAgreement = R"json({"format": "truce-agreement/1", "id": "midland-truce",
  "version": 1, "title": "Midland truce (fictional)",
  "parties": [{"id": "northland", "name": "Northland"}, {"id": "southland", "name": "Southland"}],
  "timezone": "+02:00", "effective": "2030-01-01T00:00+02:00", "status": "in_force",
  "area": ["midland"], "text_source": "invented for tests",
  "provisions": [{"id": "1", "kind": "ceasefire", "title": "Cease fire", "text": "Cease fire.",
                  "binds": ["northland", "southland"], "features": ["ridge-zone"]}]})json";

class AgreementsCli : public CliTest {
 protected:
  std::vector<std::string> ids() {
    std::vector<std::string> found;
    const json list = json_of({"agreements"});  // the loop must not range over a temporary
    for (const auto& agreement : list["agreements"]) {
      found.push_back(agreement["id"].get<std::string>());
    }
    return found;
  }
};

TEST_F(AgreementsCli, ANewDatabaseHoldsTheBundledAgreements) {
  json list = json_of({"agreements"});
  EXPECT_EQ(list["total"], 5) << list.dump(1);
  for (const auto& agreement : list["agreements"]) {
    EXPECT_EQ(agreement["origin"], "bundled");
  }
  json shown = json_of({"agreements", "show", "am-az-ru-2020-11-10-statement"});
  EXPECT_EQ(shown["agreement"]["effective"], "2020-11-10T00:00+03:00");
  EXPECT_FALSE(shown["geography"]["features"].empty());
  auto missing = truce({"agreements", "show", "no-such-agreement", "--db", db_});
  EXPECT_EQ(missing.exit_code, 4) << missing.err;
}

TEST_F(AgreementsCli, LoadsAUserAgreementWithItsGeographyOnce) {
  write_file(dir_ / "midland.geojson", kGeography);
  write_file(dir_ / "midland.json", kAgreement);
  auto dry = truce({"agreements", "load", "--dry-run", "--db", db_,
                    (dir_ / "midland.geojson").string(), (dir_ / "midland.json").string()});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(ids().size(), 5U) << "a dry run writes nothing";
  auto loaded = truce({"agreements", "load", "--db", db_, (dir_ / "midland.geojson").string(),
                       (dir_ / "midland.json").string()});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  EXPECT_TRUE(contains(loaded.out, "2 of 2 files added or changed")) << loaded.out;
  EXPECT_EQ(ids().size(), 6U);
  auto again = truce({"agreements", "load", "--db", db_, (dir_ / "midland.json").string()});
  EXPECT_TRUE(contains(again.out, "0 of 1 files")) << again.out;
}

struct BadFile {
  const char* name;
  const char* file;
  std::string text;
  const char* expected;
};

TEST_F(AgreementsCli, BadFilesAreRefusedWithFileFeatureAndReasonAndNothingIsWritten) {
  std::string bow_tie = kGeography;
  const std::string ring = "[[10, 39.9], [11, 39.9], [11, 40.1], [10, 40.1], [10, 39.9]]";
  bow_tie.replace(bow_tie.find(ring), ring.size(),
                  "[[10, 39.9], [11, 40.1], [11, 39.9], [10, 40.1], [10, 39.9]]");
  std::string unclosed = kGeography;
  unclosed.replace(unclosed.find(ring), ring.size(),
                   "[[10, 39.9], [11, 39.9], [11, 40.1], [10, 40.1]]");
  std::string swapped = kGeography;
  swapped.replace(swapped.find("[10.5, 40.02]"), 13, "[40.02, 110.5]");
  std::string no_zone = kAgreement;
  no_zone.replace(no_zone.find("2030-01-01T00:00+02:00"), 22, "2030-01-01T00:00");
  std::string unknown_feature = kAgreement;
  unknown_feature.replace(unknown_feature.find("\"ridge-zone\""), 12, "\"river-zone\"");
  const std::vector<BadFile> cases{
      {"self-intersection", "midland.geojson", bow_tie,
       "geography/midland.geojson: feature 'ridge-zone': ring 0 intersects itself"},
      {"unclosed ring", "midland.geojson", unclosed, "feature 'ridge-zone': ring 0 is not closed"},
      {"lon/lat swapped", "midland.geojson", swapped,
       "latitude 110.5 is outside [-90, 90] (longitude and latitude swapped?"},
      {"effective without zone", "midland.json", no_zone,
       "field 'effective': \"2030-01-01T00:00\" has no time zone"},
      {"unknown feature", "midland.json", unknown_feature,
       "agreements/midland.json: provision 1: unknown feature 'river-zone'"},
  };
  for (const BadFile& bad : cases) {
    TempDir files;
    write_file(files / "midland.geojson", kGeography);
    write_file(files / "midland.json", kAgreement);
    write_file(files / bad.file, bad.text);
    auto result = truce({"agreements", "load", "--db", db_, (files / "midland.geojson").string(),
                         (files / "midland.json").string()});
    EXPECT_EQ(result.exit_code, 3) << bad.name << ": " << result.err;
    EXPECT_TRUE(contains(result.err, bad.expected)) << bad.name << ": " << result.err;
    EXPECT_TRUE(contains(result.err, "nothing was written")) << bad.name;
    EXPECT_EQ(ids().size(), 5U) << bad.name << ": nothing may be written";
  }
}

// The founding article's incident as the fusion will build it: claims 2 and 3
// of the extractor's reading (Yerevan's account of the attack, Baku's of its
// losses), the place of the more precise one, both sides' casualties, actors
// mapped to the parties they act for (data/actors/actors.tsv, column party),
// attribution one-sided: only Armenia names a perpetrator.
json seed_facts(const json& reading) {
  std::map<std::string, std::string> party_of;
  std::istringstream actors(read_file(kSourceDir / "data/actors/actors.tsv"));
  for (std::string line; std::getline(actors, line);) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    std::vector<std::string> columns;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) {
      columns.push_back(cell);
    }
    if (columns.size() > 3 && !columns[3].empty()) {
      party_of[columns[0]] = columns[3];
    }
  }
  auto party = [&](const json& actor) {
    std::string id = actor["id"].get<std::string>();
    return json{{"id", party_of.count(id) ? party_of[id] : id}, {"name", actor["name"]}};
  };
  const json& attack = reading["claims"].at(1);
  const json& losses = reading["claims"].at(2);
  EXPECT_EQ(attack["event_type"], "attack");
  json incident{{"id", "seed-kilisali"},
                {"time", attack["time"]},
                {"place",
                 {{"name", attack["place"]["name"]},
                  {"point", attack["place"]["geometry"]["coordinates"]},
                  {"where_prec", attack["place"]["precision"]}}},
                {"event_types", {attack["event_type"], losses["event_type"]}},
                {"perpetrators", {party(attack["perpetrator"])}},
                {"targets", {party(attack["target"])}},
                {"claimed_by", {party(attack["claimant"])}},
                {"attribution", "one_sided"},
                {"casualties", json::array()},
                {"assets", json::array()}};
  for (const json* claim : {&attack, &losses}) {
    for (const auto& figure : (*claim)["casualties"]) {
      incident["casualties"].push_back({{"side", figure["side"]["party"]["id"]},
                                        {"status", figure["status"]},
                                        {"min", figure["min"]},
                                        {"max", figure["max"]}});
    }
  }
  for (const auto& asset : attack["assets"]) {
    json item{{"kind", asset["kind"]}, {"outcome", asset["outcome"]}};
    if (asset.contains("count")) {
      item["min"] = asset["count"]["min"];
      item["max"] = asset["count"]["max"];
    }
    for (const char* role : {"owner", "gainer"}) {
      if (asset.contains(role)) {
        item[role] = party(asset[role]);
      }
    }
    incident["assets"].push_back(item);
  }
  return json{{"incidents", {incident}}};
}

TEST_F(AgreementsCli, TheFoundingArticlesIncidentIsAPossibleBreachOfPointOne) {
  auto extracted = truce(
      {"extract", "--json", (kSourceDir / "tests/data/seed/ar-sputnik-2021-11-21.txt").string()});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  write_file(dir_ / "seed-facts.json", seed_facts(json::parse(extracted.out)).dump(1));
  json result = json_of({"assess", "--facts", (dir_ / "seed-facts.json").string()});
  ASSERT_EQ(result["total"], 1) << result.dump(1);
  const json* statement = nullptr;
  for (const auto& agreement : result["assessments"][0]["agreements"]) {
    if (agreement["agreement"] == "am-az-ru-2020-11-10-statement") {
      statement = &agreement;
    }
  }
  ASSERT_NE(statement, nullptr) << result.dump(1);
  std::string reasons;
  for (const auto& reason : (*statement)["reasons"]) {
    reasons += reason.get<std::string>() + " | ";
  }
  EXPECT_TRUE(
      contains(reasons, "371 days after the agreement took effect (2020-11-10T00:00+03:00)"))
      << reasons;
  EXPECT_TRUE(contains(reasons, "km from the line of contact")) << reasons;
  EXPECT_TRUE(contains(reasons, "attribution one sided")) << reasons;
  int point_one = 0;
  for (const auto& provision : (*statement)["provisions"]) {
    if (provision["point"] == "1") {
      ++point_one;
      EXPECT_EQ(provision["verdict"], "possible_breach") << provision.dump(1);
    }
  }
  EXPECT_EQ(point_one, 2);
  auto text = truce({"assess", "--db", db_, "--facts", (dir_ / "seed-facts.json").string()});
  EXPECT_TRUE(contains(text.out, "possible_breach")) << text.out;
}

TEST_F(AgreementsCli, AlertsOnTheRealSequenceOfReportedIncidents) {
  json result =
      json_of({"alerts", "--facts",
               (kSourceDir / "tests/data/assess/reported-incidents-am-az.json").string()});
  std::vector<std::string> days;
  for (const auto& alert : result["alerts"]) {
    if (alert["kind"] == "escalation" && alert["series"] == "theatre:south-caucasus:incidents") {
      days.push_back(alert["day"].get<std::string>());
      EXPECT_LT(alert["numbers"]["p_value"].get<double>(), 0.001);
    }
  }
  EXPECT_EQ(days, (std::vector<std::string>{"2021-11-18", "2022-09-14"}));
}

TEST_F(AgreementsCli, CoverageOfALoadedLine) {
  write_file(dir_ / "midland.geojson", kGeography);
  write_file(dir_ / "midland.json", kAgreement);
  ASSERT_EQ(truce({"agreements", "load", "--db", db_, (dir_ / "midland.geojson").string(),
                   (dir_ / "midland.json").string()})
                .exit_code,
            0);
  json coverage =
      json_of({"coverage", "--line", "ridge-line", "--post", "ridge-post", "--at", "2030-06-01"});
  // The post sees sqrt(10^2 - 2.2^2) = 9.75 km either side of its foot.
  EXPECT_NEAR(coverage["covered_km"].get<double>(), 19.5, 0.6) << coverage.dump(1);
  EXPECT_NEAR(coverage["length_km"].get<double>(), 85.3, 0.5);
}

}  // namespace
}  // namespace truce::test
