// The claims CSV format (docs/formats/csv.md): round trips of rich claims, the
// casualty ordering rule, the writer's exact output, line numbers across quoted
// newlines, and one case per kind of bad input, each naming its line and column.
// Batches built here are fictional (Northland, Southland, the Joint Monitoring
// Mission, Kestrel Ridge); the fixture holds the founding article's real claims.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "core/vocabulary.hpp"
#include "serial/formats.hpp"
#include "support/test_data.hpp"

namespace truce::serial {
namespace {

using test::read_test_data;

constexpr std::string_view kFile = "reports.csv";

CivilTime at(const char* text) {
  return parse_civil_time(text).value();
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

// Reads `csv` expecting kInvalidInput; returns the message's first line.
std::string first_error(std::string_view csv) {
  auto result = read_claims_csv(csv, kFile);
  if (result) {
    ADD_FAILURE() << "expected an error, the file was accepted:\n" << csv;
    return {};
  }
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
  return first_line(result.error().message);
}

// --- CSV text built by hand, independently of the writer ---------------------

std::string cell(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (char c : text) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

using Cells = std::vector<std::pair<std::string, std::string>>;

// One valid claim using the common columns; the error cases change one cell.
const Cells& base_row() {
  static const Cells row = {
      {"source_id", "north-mod"},
      {"source_name", "Northland Ministry of Defence"},
      {"source_reliability", "C"},
      {"source_affiliation", "party"},
      {"source_actor_id", "northland"},
      {"source_actor_name", "Northland"},
      {"document_key", "statement-1"},
      {"document_kind", "statement"},
      {"document_title", "Evening statement"},
      {"claimant_id", "north-mod"},
      {"claimant_name", "Northland Ministry of Defence"},
      {"event_type", "shelling"},
      {"time_start", "2024-03-02"},
      {"time_end", ""},
      {"place_name", "Kestrel Ridge"},
      {"lon", ""},
      {"lat", ""},
      {"where_prec", "2"},
      {"side_kind", "combatants"},
      {"side_party_id", "northland"},
      {"side_party_name", "Northland"},
      {"killed", "2"},
      {"wounded", ""},
      {"summary", ""},
  };
  return row;
}

// A file with base_row()'s columns, plus any other column a change names, and
// one row per entry of `rows`: base_row() with that entry's changes.
std::string csv_of(const std::vector<Cells>& rows) {
  std::vector<std::string> columns;
  for (const auto& [name, value] : base_row()) {
    columns.push_back(name);
  }
  for (const auto& changes : rows) {
    for (const auto& [name, value] : changes) {
      if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
        columns.push_back(name);
      }
    }
  }
  auto join = [](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      line += (i > 0 ? "," : "") + cell(cells[i]);
    }
    return line + "\n";
  };
  std::string text = join(columns);
  for (const auto& changes : rows) {
    std::map<std::string, std::string> values(base_row().begin(), base_row().end());
    for (const auto& [name, value] : changes) {
      values[name] = value;
    }
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    for (const auto& name : columns) {
      cells.push_back(values[name]);
    }
    text += join(cells);
  }
  return text;
}

std::string csv_with(const Cells& changes) {
  return csv_of({changes});
}

// --- batches built in code --------------------------------------------------

ActorRef northland() {
  return ActorRef{"northland", "Northland"};
}
ActorRef southland() {
  return ActorRef{"southland", "Southland"};
}

Side combatants(const ActorRef& party) {
  return Side{SideKind::kCombatants, party};
}

CasualtyFigure figure(Side side, CasualtyStatus status, CountRange count) {
  return CasualtyFigure{std::move(side), status, count};
}

Geometry polygon(std::vector<GeoPoint> ring) {
  return Geometry{GeometryType::kPolygon, {std::move(ring)}};
}

GeoPoint point(double lon, double lat) {
  return GeoPoint{Longitude{lon}, Latitude{lat}};
}

// Every optional member set somewhere: several sides in an order the plain
// columns cannot hold, open-ended and ranged counts, a polygon, a line, a
// point, Arabic text with commas, quotes and newlines, and every character the
// compact columns must escape.
IntakeBatch rich_batch() {
  IntakeBatch batch;
  batch.sources.push_back(Source{SourceId("north-mod"), "Northland Ministry of Defence, Press",
                                 Reliability::kB, Affiliation{AffiliationKind::kParty, northland()},
                                 "https://mod.northland.example/"});
  batch.sources.push_back(Source{
      SourceId("jmm"), "Joint Monitoring Mission", Reliability::kA,
      Affiliation{AffiliationKind::kMission, ActorRef{"jmm", "Joint \"Monitoring\" Mission"}}, ""});
  batch.sources.push_back(
      Source{SourceId("wire"), "A news wire", Reliability::kF, Affiliation{}, ""});

  Document statement;
  statement.id = DocumentId("key:north-statement-7");
  statement.source = SourceId("north-mod");
  statement.kind = DocumentKind::kStatement;
  statement.title = "بيان رقم \"7\"، مساءً\nالسطر الثاني";
  statement.language = "ar";
  statement.published = at("2024-03-02T18:45:30");
  statement.url = "https://mod.northland.example/s/7?lang=ar&x=1,2";
  statement.origin = {"Northland MoD press office", "Kestrel > Wire; desk: 2, \\night\\ "};
  statement.external_ref = "NM/2024/07";
  statement.content_hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  statement.text = "not carried by CSV";
  batch.documents.push_back(statement);

  Document patrol;
  patrol.id = DocumentId("doc_0123456789abcdef0123");
  patrol.source = SourceId("jmm");
  patrol.kind = DocumentKind::kPatrolReport;
  patrol.title = "Patrol 14, sector B";
  patrol.language = "en";
  patrol.published = at("2024-03-03");
  batch.documents.push_back(patrol);

  Document wire;
  wire.id = DocumentId("line:9");  // as a read batch names an implicit document
  wire.source = SourceId("wire");
  wire.kind = DocumentKind::kArticle;
  batch.documents.push_back(wire);

  Claim shelling;
  shelling.id = ClaimId("clm_00112233445566778899");
  shelling.document = statement.id;
  shelling.claimant = ActorRef{"north-mod", "وزارة الدفاع، الشمال"};
  shelling.event_type = EventType::kShelling;
  shelling.time = TimeInterval{at("2024-03-02T05:10"), at("2024-03-02T06:40:30"),
                               TimePrecision::kMinute, "+03:00"};
  shelling.time_basis = TimeBasis{DateBasis::kRelative, true,
                                  "'yesterday, 05:10' before 2024-03-03; a=b, c|d: e>f \\ "};
  shelling.place = Place{"تلة الصقر، القطاع \"ب\"",
                         polygon({point(45.1, 39.8), point(45.123456789012344, 39.8),
                                  point(45.123456789012344, 0.1 + 0.2), point(45.1, 39.8)}),
                         LocationPrecision::kNear, "XN", "Upper Ridge, North"};
  shelling.perpetrator = ActorRef{"southland", "Southland, \"armed forces\""};
  shelling.target = northland();
  shelling.actors = {
      ClaimActor{ActorRef{"jmm", "Joint \"Monitoring\" Mission; a=b, c|d: e>f"},
                 ActorRole::kMediator},
      ClaimActor{southland(), ActorRole::kParticipant},
  };
  Side civilians{SideKind::kCivilians, std::nullopt};
  Side southern_civilians{SideKind::kCivilians, ActorRef{"southland", "Southland: villagers"}};
  shelling.casualties = {
      figure(combatants(northland()), CasualtyStatus::kKilled, CountRange{1, 3}),
      figure(combatants(northland()), CasualtyStatus::kMissing, at_least(4)),
      figure(combatants(northland()), CasualtyStatus::kWounded, exactly(2)),
      figure(civilians, CasualtyStatus::kKilled, exactly(0)),
      figure(southern_civilians, CasualtyStatus::kWounded, CountRange{5, 7}),
      figure(southern_civilians, CasualtyStatus::kWounded, exactly(6)),
      figure(combatants(southland()), CasualtyStatus::kCaptured, at_least(10)),
  };
  shelling.weapons = {Weapon{WeaponClass::kMortar, "82mm"},
                      Weapon{WeaponClass::kArtillery, "122-mm; D-30: towed, a=b|c>d \\e"},
                      Weapon{WeaponClass::kSmallArms, ""}};
  shelling.violations = CountRange{12, 15};
  shelling.explosions = at_least(40);
  shelling.assets = {
      AssetChange{AssetKind::kPosition, AssetOutcome::kLost, exactly(2), northland(), southland(),
                  "موقعان، \"الشمالي\" والجنوبي"},
      AssetChange{AssetKind::kVehicle, AssetOutcome::kDestroyed, std::nullopt, std::nullopt,
                  std::nullopt, " one truck; a=b, c|d: e>f \\ "},
      AssetChange{AssetKind::kTerritory, AssetOutcome::kOverrun, at_least(1), std::nullopt,
                  ActorRef{"southland", "Southland: \"the South\", a=b"}, ""},
  };
  shelling.agreements = {
      AgreementReference{"اتفاق \"كيستريل\"، 3 أيار; a=b|c: d>e \\",
                         {at("2019-05-03"), at("2019-05-02T23:30")},
                         "kestrel-accord-2019",
                         {TextSpan{5, 17}, TextSpan{20, 31}}},
      AgreementReference{"the Ridge Protocol", {}, "", {}},
  };
  shelling.credibility = Credibility{2};
  shelling.summary = "قصف، \"عنيف\"\nاستمر ساعة.\r\nSecond line, with \"quotes\".";
  shelling.provenance = {FieldProvenance{"claimant", {TextSpan{0, 5}, TextSpan{10, 20}}},
                         FieldProvenance{"casualties/0", {TextSpan{30, 41}}},
                         FieldProvenance{"assets/2", {TextSpan{50, 60}}},
                         FieldProvenance{"actors/1", {TextSpan{61, 70}}}};
  batch.claims.push_back(shelling);

  Claim violation;
  violation.document = patrol.id;
  violation.claimant = ActorRef{"jmm", "Joint Monitoring Mission"};
  violation.event_type = EventType::kCeasefireViolation;
  violation.time = TimeInterval{at("2024-03-03"), at("2024-03-03"), TimePrecision::kDay, ""};
  violation.place =
      Place{"Post 14", make_point(-179.99999999999997, -12.5), LocationPrecision::kExact, "", ""};
  violation.violations = exactly(3);
  violation.credibility = Credibility{1};
  batch.claims.push_back(violation);

  Claim line_claim;
  line_claim.document = patrol.id;
  line_claim.claimant = ActorRef{"jmm", "Joint Monitoring Mission"};
  line_claim.event_type = EventType::kOther;
  line_claim.time = TimeInterval{at("2024-03-01"), at("2024-03-07"), TimePrecision::kWeek, "UTC"};
  line_claim.place =
      Place{"", Geometry{GeometryType::kLineString, {{point(1e-7, 5e-324), point(2, 3)}}},
            LocationPrecision::kLinear, "", ""};
  line_claim.casualties = {figure(combatants(southland()), CasualtyStatus::kKilled, exactly(0))};
  batch.claims.push_back(line_claim);

  Claim talks;
  talks.document = wire.id;
  talks.claimant = ActorRef{"wire", "A news wire"};
  talks.event_type = EventType::kDiplomaticContact;
  talks.time = TimeInterval{at("2024-01-01"), at("2024-12-31"), TimePrecision::kYear, ""};
  batch.claims.push_back(talks);

  Claim second_from_statement = shelling;
  second_from_statement.id = ClaimId();
  second_from_statement.place.reset();
  second_from_statement.perpetrator.reset();
  second_from_statement.casualties = {
      figure(southern_civilians, CasualtyStatus::kKilled, exactly(2))};
  second_from_statement.weapons.clear();
  second_from_statement.assets.clear();
  second_from_statement.provenance.clear();
  second_from_statement.violations.reset();
  second_from_statement.explosions.reset();
  second_from_statement.time_basis = TimeBasis{DateBasis::kAnnouncement, false, ""};
  second_from_statement.actors.clear();
  second_from_statement.agreements.clear();
  batch.claims.push_back(second_from_statement);
  return batch;
}

// Write, read back, and compare: claims and sources equal, documents equal
// except for their text, and writing the result again gives the same bytes.
void expect_round_trip(const IntakeBatch& original) {
  std::string text = write_claims_csv(original);
  auto read = read_claims_csv(text, "round-trip.csv");
  ASSERT_TRUE(read) << read.error().message << "\n" << text;
  ASSERT_EQ(read->claims.size(), original.claims.size()) << text;
  for (std::size_t i = 0; i < original.claims.size(); ++i) {
    EXPECT_TRUE(read->claims[i] == original.claims[i]) << "claim " << i << "\n" << text;
  }
  EXPECT_TRUE(read->sources == original.sources) << text;
  ASSERT_EQ(read->documents.size(), original.documents.size()) << text;
  for (std::size_t i = 0; i < original.documents.size(); ++i) {
    Document expected = original.documents[i];
    expected.text.clear();
    EXPECT_TRUE(read->documents[i] == expected) << "document " << i << "\n" << text;
  }
  EXPECT_EQ(write_claims_csv(*read), text);
}

TEST(CsvRoundTrip, RichClaimsComeBackEqual) {
  expect_round_trip(rich_batch());
}

TEST(CsvRoundTrip, CoordinatesReadBackBitForBit) {
  IntakeBatch batch = rich_batch();
  const double awkward[] = {0.1 + 0.2,          1.0 / 3.0,           -0.0,
                            179.99999999999997, -89.999999999999986, 2.2250738585072014e-308,
                            45.00000000000001};
  for (double value : awkward) {
    batch.claims[1].place->geometry = make_point(value, value / 2);
    SCOPED_TRACE(value);
    expect_round_trip(batch);
  }
}

TEST(CsvRoundTrip, CasualtyOrderIsKeptWhateverTheOrder) {
  using S = CasualtyStatus;
  Side civilians{SideKind::kCivilians, std::nullopt};
  struct Case {
    const char* what;
    std::vector<CasualtyFigure> casualties;
    std::size_t compact_items;  // items the writer must put in more_casualties
  };
  const Case cases[] = {
      {"statuses in column order fit the plain columns",
       {figure(combatants(northland()), S::kKilled, exactly(1)),
        figure(combatants(northland()), S::kCaptured, exactly(13)),
        figure(combatants(northland()), S::kMissing, exactly(24))},
       0},
      {"a status before an earlier column's goes to the compact column",
       {figure(combatants(northland()), S::kWounded, exactly(10)),
        figure(combatants(northland()), S::kKilled, exactly(7))},
       1},
      {"a repeated status goes to the compact column",
       {figure(combatants(northland()), S::kKilled, exactly(1)),
        figure(combatants(northland()), S::kKilled, CountRange{1, 2})},
       1},
      {"a second side and a return to the first are two items",
       {figure(combatants(northland()), S::kKilled, exactly(1)),
        figure(civilians, S::kKilled, at_least(3)),
        figure(combatants(northland()), S::kWounded, exactly(4))},
       2},
      {"civilians without a party in the plain columns",
       {figure(civilians, S::kWounded, CountRange{2, 5})},
       0},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.what);
    IntakeBatch batch = rich_batch();
    batch.claims[0].casualties = test.casualties;
    batch.claims[0].provenance.clear();
    expect_round_trip(batch);
    std::string text = write_claims_csv(batch);
    std::string first_row = text.substr(text.find('\n') + 1);
    std::size_t items = 0;
    for (auto pos = first_row.find("side_kind="); pos != std::string::npos;
         pos = first_row.find("side_kind=", pos + 1)) {
      ++items;
    }
    EXPECT_EQ(items, test.compact_items);
  }
}

TEST(CsvWriter, WritesTheDocumentedColumnsAndQuotesOnlyWhenNeeded) {
  IntakeBatch batch;
  batch.sources.push_back(Source{SourceId("north-mod"), "Northland Ministry of Defence",
                                 Reliability::kB, Affiliation{AffiliationKind::kParty, northland()},
                                 ""});
  Document document;
  document.id = DocumentId("key:statement-1");
  document.source = SourceId("north-mod");
  document.kind = DocumentKind::kStatement;
  document.title = "Statement \"7\", evening";
  document.language = "en";
  document.published = at("2024-03-02T18:45");
  batch.documents.push_back(document);
  Claim claim;
  claim.document = document.id;
  claim.claimant = ActorRef{"north-mod", "Northland Ministry of Defence"};
  claim.event_type = EventType::kShelling;
  claim.time = TimeInterval{at("2024-03-02T05:10"), at("2024-03-02T06:40"), TimePrecision::kMinute,
                            "+03:00"};
  claim.place = Place{"Kestrel Ridge", make_point(44.5, 40.25), LocationPrecision::kExact, "", ""};
  claim.casualties = {figure(combatants(northland()), CasualtyStatus::kKilled, exactly(2)),
                      figure(combatants(northland()), CasualtyStatus::kWounded, CountRange{1, 3})};
  claim.weapons = {Weapon{WeaponClass::kMortar, "82mm"}};
  claim.credibility = Credibility{3};
  claim.summary = "Shelling of the ridge post";
  claim.time_basis.basis = DateBasis::kStated;
  claim.actors = {ClaimActor{ActorRef{"jmm", "Joint Monitoring Mission"}, ActorRole::kMediator}};
  claim.agreements = {AgreementReference{"the Kestrel Accord", {at("2019-05-03")}, "", {}}};
  batch.claims.push_back(claim);

  const std::string expected =
      "claim_id,source_id,source_name,source_reliability,source_affiliation,source_actor_id,"
      "source_actor_name,source_url,document_id,document_key,document_kind,document_title,"
      "document_language,document_published,document_url,document_origin,document_ref,"
      "document_hash,claimant_id,claimant_name,event_type,time_start,time_end,time_precision,"
      "timezone,time_basis,time_from_context,time_basis_wording,place_name,lon,lat,geometry,"
      "where_prec,country,admin1,perpetrator_id,perpetrator_name,target_id,target_name,actors,"
      "side_kind,side_party_id,side_party_name,killed,wounded,captured,missing,more_casualties,"
      "weapons,violations,explosions,assets,agreements,credibility,summary,provenance\n"
      // claim_id .. source_url
      ",north-mod,Northland Ministry of Defence,B,party,northland,Northland,,"
      // document_id .. document_hash
      ",statement-1,statement,\"Statement \"\"7\"\", evening\",en,2024-03-02T18:45,,,,,"
      // claimant_id .. timezone
      "north-mod,Northland Ministry of Defence,shelling,2024-03-02T05:10,2024-03-02T06:40,"
      "minute,+03:00,"
      // time_basis .. time_basis_wording
      "stated,,,"
      // place_name .. admin1
      "Kestrel Ridge,44.5,40.25,,1,,,"
      // perpetrator_id .. target_name, actors
      ",,,,\"role=mediator,id=jmm,name=Joint Monitoring Mission\","
      // side_kind .. more_casualties
      "combatants,northland,Northland,2,1-3,,,,"
      // weapons .. assets, agreements
      "mortar:82mm,,,,\"name=the Kestrel Accord,dates=2019-05-03\","
      // credibility .. provenance
      "3,Shelling of the ridge post,\n";
  EXPECT_EQ(write_claims_csv(batch), expected);
}

TEST(CsvWriter, AnEmptyBatchIsAHeaderThatReadsBackEmpty) {
  IntakeBatch empty;
  std::string text = write_claims_csv(empty);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
  auto read = read_claims_csv(text, kFile);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(read->claims.empty());
  EXPECT_EQ(read->origin, kFile);
}

TEST(CsvReader, TheBaseRowOfTheseTestsIsValid) {
  auto read = read_claims_csv(csv_with({}), kFile);
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->claims.size(), 1U);
  const Claim& claim = read->claims[0];
  EXPECT_EQ(claim.casualties.size(), 1U);
  EXPECT_EQ(read->claim_locations, std::vector<std::string>{"reports.csv:2"});
}

TEST(CsvReader, FillsDefaultsForMissingOptionalColumnsAndEmptyCells) {
  std::string text =
      "source_id,source_name,claimant_id,claimant_name,event_type,time_start,summary\n"
      "wire,A news wire,wire,A news wire,other,2024-03-02T10:15,\n"
      "wire,A news wire,wire,A news wire,other,2024-03-02,\n";
  auto read = read_claims_csv(text, kFile);
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->sources.size(), 1U);
  EXPECT_EQ(read->sources[0].reliability, Reliability::kF);
  EXPECT_EQ(read->sources[0].affiliation, Affiliation{});
  ASSERT_EQ(read->documents.size(), 1U);
  EXPECT_EQ(read->documents[0].kind, DocumentKind::kOther);
  ASSERT_EQ(read->claims.size(), 2U);
  const Claim& timed = read->claims[0];
  EXPECT_EQ(timed.time.end, timed.time.start);
  EXPECT_EQ(timed.time.precision, TimePrecision::kMinute);
  EXPECT_EQ(read->claims[1].time.precision, TimePrecision::kDay);
  EXPECT_EQ(timed.credibility.grade, 6);
  EXPECT_FALSE(timed.place);
  EXPECT_FALSE(timed.perpetrator);
  EXPECT_TRUE(timed.casualties.empty());
  EXPECT_EQ(timed.time_basis, TimeBasis{});
  EXPECT_TRUE(timed.actors.empty());
  EXPECT_TRUE(timed.agreements.empty());
}

TEST(CsvReader, ReadsTheTimeBasisActorsAndAgreementsAsASpreadsheetWritesThem) {
  auto read =
      read_claims_csv(csv_of({{{"time_basis", " relative "},
                               {"time_from_context", "TRUE"},
                               {"time_basis_wording", "'yesterday' before the statement"},
                               {"actors", "role=mediator, id=jmm, name=Joint Monitoring Mission;"},
                               {"agreements",
                                "name=the Kestrel Accord,dates=2019-05-03|2019-05-04T06:00,"
                                "registry_id=kestrel-accord,spans=3-17|40-52"}},
                              {{"time_from_context", "0"}}}),
                      kFile);
  ASSERT_TRUE(read) << read.error().message;
  const Claim& claim = read->claims[0];
  EXPECT_EQ(claim.time_basis,
            (TimeBasis{DateBasis::kRelative, true, "'yesterday' before the statement"}));
  EXPECT_EQ(claim.actors,
            (std::vector<ClaimActor>{{{"jmm", "Joint Monitoring Mission"}, ActorRole::kMediator}}));
  ASSERT_EQ(claim.agreements.size(), 1U);
  EXPECT_EQ(claim.agreements[0], (AgreementReference{"the Kestrel Accord",
                                                     {at("2019-05-03"), at("2019-05-04T06:00")},
                                                     "kestrel-accord",
                                                     {{3, 17}, {40, 52}}}));
  EXPECT_EQ(read->claims[1].time_basis, TimeBasis{});
}

TEST(CsvReader, GroupsRowsIntoSourcesAndDocuments) {
  std::string text = csv_of({
      {},                 // line 2: key statement-1
      {{"killed", "3"}},  // line 3: same key
      {{"document_key", ""}, {"document_id", "doc_00112233445566778899"}},  // line 4
      {{"document_key", ""}, {"document_url", "https://a.example/1"}},      // line 5: implicit
      {{"document_key", ""}, {"document_url", "https://a.example/1"}},      // line 6: the same
      {{"document_key", ""}, {"document_url", "https://a.example/2"}},      // line 7: another
      {{"source_id", "jmm"},
       {"source_name", "Joint Monitoring Mission"},
       {"source_affiliation", "mission"},
       {"source_actor_id", "jmm"},
       {"source_actor_name", "Joint Monitoring Mission"},
       {"document_key", "patrol-14"},
       {"document_origin", "Joint Monitoring Mission > Patrol 14"}},  // line 8
  });
  auto read = read_claims_csv(text, kFile);
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->sources.size(), 2U);
  EXPECT_EQ(read->sources[1].id.str(), "jmm");
  EXPECT_EQ(read->source_locations, (std::vector<std::string>{"reports.csv:2", "reports.csv:8"}));
  std::vector<std::string> ids;
  for (const auto& document : read->documents) {
    ids.push_back(document.id.str());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"key:statement-1", "doc_00112233445566778899", "line:5",
                                           "line:7", "key:patrol-14"}));
  EXPECT_EQ(read->document_locations,
            (std::vector<std::string>{"reports.csv:2", "reports.csv:4", "reports.csv:5",
                                      "reports.csv:7", "reports.csv:8"}));
  EXPECT_EQ(read->documents[4].origin,
            (std::vector<std::string>{"Joint Monitoring Mission", "Patrol 14"}));
  EXPECT_EQ(read->documents[4].source.str(), "jmm");
  std::vector<std::string> claim_documents;
  for (const auto& claim : read->claims) {
    claim_documents.push_back(claim.document.str());
  }
  EXPECT_EQ(claim_documents, (std::vector<std::string>{"key:statement-1", "key:statement-1",
                                                       "doc_00112233445566778899", "line:5",
                                                       "line:5", "line:7", "key:patrol-14"}));
  EXPECT_EQ(read->origin, kFile);
}

TEST(CsvReader, AcceptsAByteOrderMarkAndCrlfLineEnds) {
  std::string lf = csv_of({{{"summary", "two\nlines"}}, {{"killed", "4"}}});
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  auto from_lf = read_claims_csv(lf, kFile);
  auto from_crlf = read_claims_csv(crlf, kFile);
  ASSERT_TRUE(from_lf) << from_lf.error().message;
  ASSERT_TRUE(from_crlf) << from_crlf.error().message;
  ASSERT_EQ(from_crlf->claims.size(), 2U);
  EXPECT_TRUE(from_crlf->claims[1] == from_lf->claims[1]);
  // A line break inside a quoted cell is kept as written.
  EXPECT_EQ(from_crlf->claims[0].summary, "two\r\nlines");
  EXPECT_EQ(from_crlf->claim_locations, from_lf->claim_locations);
  EXPECT_EQ(from_crlf->claim_locations,
            (std::vector<std::string>{"reports.csv:2", "reports.csv:4"}));
}

TEST(CsvReader, QuotedNewlinesShiftTheLineNumbersOfLaterRows) {
  std::string text = csv_of({{{"summary", "one\ntwo\nthree"}}, {{"killed", "seven"}}});
  EXPECT_EQ(first_error(text),
            "reports.csv:5: column 'killed': \"seven\" is not a number (write 7, 7+, >=7 or 7-10)");
}

TEST(CsvReader, AnErrorInARecordSpanningLinesNamesTheLineItStartsOn) {
  std::string text = csv_of({{}, {{"summary", "one\ntwo"}, {"killed", "seven"}}});
  EXPECT_EQ(first_line(first_error(text)),
            "reports.csv:3: column 'killed': \"seven\" is not a "
            "number (write 7, 7+, >=7 or 7-10)");
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
  std::string text = csv_of({{}, {}});
  text.insert(text.find('\n') + 1, "\n,,,\n");
  auto read = read_claims_csv(text, kFile);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->claim_locations, (std::vector<std::string>{"reports.csv:4", "reports.csv:5"}));
}

TEST(CsvReader, ReadsTheFoundingArticleFixture) {
  auto read = read_claims_csv(read_test_data("serial/csv/kilisali.csv"), "kilisali.csv");
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->sources.size(), 1U);
  EXPECT_EQ(read->sources[0].name, "Pakistan Point News");
  ASSERT_EQ(read->documents.size(), 1U);
  EXPECT_EQ(read->documents[0].id.str(), "key:sputnik-2021-11-21");
  EXPECT_EQ(read->documents[0].origin,
            (std::vector<std::string>{"Pakistan Point News", "Sputnik"}));
  ASSERT_EQ(read->claims.size(), 4U);

  const Claim& yerevan = read->claims[1];
  EXPECT_EQ(yerevan.event_type, EventType::kAttack);
  ASSERT_EQ(yerevan.casualties.size(), 3U);
  EXPECT_EQ(yerevan.casualties[1].status, CasualtyStatus::kCaptured);
  EXPECT_EQ(yerevan.casualties[1].count, exactly(13));
  EXPECT_EQ(yerevan.casualties[2].count, exactly(24));
  ASSERT_EQ(yerevan.assets.size(), 2U);
  EXPECT_EQ(yerevan.assets[0].count, exactly(2));
  EXPECT_EQ(read->claims[2].casualties[0].count, exactly(7));
  EXPECT_EQ(read->claim_locations.back(), "kilisali.csv:5");

  // The offsets are code points into the article: each names the words it came from.
  std::string article = read_test_data("seed/ar-sputnik-2021-11-21.txt");
  auto quote_of = [&](const Claim& claim, const std::string& field, std::size_t span) {
    for (const auto& entry : claim.provenance) {
      if (entry.field == field) {
        const TextSpan& text_span = entry.spans.at(span);
        return std::string(code_point_slice(article, text_span.start, text_span.end));
      }
    }
    return std::string("(no provenance for " + field + ")");
  };
  EXPECT_EQ(quote_of(yerevan, "claimant", 1), "وزارة الدفاع الأرمنية");
  EXPECT_EQ(quote_of(yerevan, "casualties/1", 0), "وأسر 13 آخرين");
  EXPECT_EQ(quote_of(yerevan, "casualties/2", 0), "فُقد الاتصال بـ 24 جندياً");
  EXPECT_EQ(quote_of(read->claims[2], "casualties/0", 0), "بمقتل سبعة من جنودها");
  EXPECT_EQ(quote_of(read->claims[3], "place", 0), "منطقة جبل كيليسالي");

  expect_round_trip(*read);
}

// --- errors -----------------------------------------------------------------

struct BadInput {
  const char* what;
  Cells changes;
  std::string expected;  // the message's first line
};

void expect_errors(const std::vector<BadInput>& cases) {
  for (const auto& test : cases) {
    SCOPED_TRACE(test.what);
    EXPECT_EQ(first_error(csv_with(test.changes)), test.expected);
  }
}

TEST(CsvErrors, BadCellValuesNameTheLineAndColumn) {
  const std::string count_forms = "(write 7, 7+, >=7 or 7-10)";
  expect_errors({
      {"a word for a count",
       {{"killed", "seven"}},
       "reports.csv:2: column 'killed': \"seven\" is not a number " + count_forms},
      {"a negative count",
       {{"wounded", "-3"}},
       "reports.csv:2: column 'wounded': \"-3\" is negative; counts are 0 or more"},
      {"a range whose max is below its min",
       {{"killed", "10-7"}},
       "reports.csv:2: column 'killed': \"10-7\": the maximum 7 is smaller than the minimum 10"},
      {"an open range with a junk tail",
       {{"killed", "7++"}},
       "reports.csv:2: column 'killed': \"7++\" is not a number " + count_forms},
      {"a bad violations count",
       {{"violations", "many"}},
       "reports.csv:2: column 'violations': \"many\" is not a number " + count_forms},
      {"an impossible date",
       {{"time_start", "2021-02-30"}},
       "reports.csv:2: column 'time_start': \"2021-02-30\" is not a date (write YYYY-MM-DD, "
       "YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)"},
      {"a day-first date",
       {{"document_published", "02/03/2024"}},
       "reports.csv:2: column 'document_published': \"02/03/2024\" is not a date (write "
       "YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)"},
      {"an end before the start",
       {{"time_end", "2024-03-01"}},
       R"(reports.csv:2: column 'time_end': "2024-03-01" is before time_start "2024-03-02")"},
      {"a longitude of 181",
       {{"lon", "181"}, {"lat", "40"}},
       "reports.csv:2: column 'lon': \"181\" is outside [-180, 180]"},
      {"a latitude of -90.5",
       {{"lon", "40"}, {"lat", "-90.5"}},
       "reports.csv:2: column 'lat': \"-90.5\" is outside [-90, 90]"},
      {"a longitude with a comma",
       {{"lon", "45,5"}, {"lat", "40"}},
       "reports.csv:2: column 'lon': \"45,5\" is not a number (write decimal degrees, e.g. "
       "46.7512)"},
      {"lon without lat",
       {{"lon", "45.5"}},
       "reports.csv:2: column 'lat': is empty; give both lon and lat, or neither"},
      {"where_prec 8",
       {{"where_prec", "8"}},
       "reports.csv:2: column 'where_prec': \"8\" is not a UCDP where_prec code (1-7)"},
      {"credibility 0",
       {{"credibility", "0"}},
       "reports.csv:2: column 'credibility': \"0\" is not a credibility grade (1-6)"},
      {"credibility 7",
       {{"credibility", "7"}},
       "reports.csv:2: column 'credibility': \"7\" is not a credibility grade (1-6)"},
      {"reliability G",
       {{"source_reliability", "G"}},
       "reports.csv:2: column 'source_reliability': \"G\" is not a reliability grade; expected "
       "one of: A, B, C, D, E, F"},
      {"an unknown event type",
       {{"event_type", "shelled"}},
       "reports.csv:2: column 'event_type': \"shelled\" is not an event type; expected one of: " +
           words_of_event_type()},
      {"an unknown side kind",
       {{"side_kind", "soldiers"}},
       "reports.csv:2: column 'side_kind': \"soldiers\" is not a side kind; expected one of: " +
           words_of_side_kind()},
      {"an unknown document kind",
       {{"document_kind", "letter"}},
       "reports.csv:2: column 'document_kind': \"letter\" is not a document kind; expected one "
       "of: " +
           words_of_document_kind()},
      {"an unknown affiliation",
       {{"source_affiliation", "ally"}},
       "reports.csv:2: column 'source_affiliation': \"ally\" is not an affiliation; expected one "
       "of: " +
           words_of_affiliation_kind()},
      {"an unknown time precision",
       {{"time_precision", "fortnight"}},
       "reports.csv:2: column 'time_precision': \"fortnight\" is not a time precision; expected "
       "one of: " +
           words_of_time_precision()},
      {"an empty required cell",
       {{"claimant_id", ""}},
       "reports.csv:2: column 'claimant_id': is empty; this column is required"},
      {"figures without a side",
       {{"side_kind", ""}},
       "reports.csv:2: column 'side_kind': is empty; give combatants or civilians for the figures "
       "in killed, wounded, captured, missing"},
      {"a side without figures",
       {{"killed", ""}},
       "reports.csv:2: column 'side_kind': a side is given but none of killed, wounded, captured, "
       "missing (leave the side empty, or give a figure)"},
      {"both a document id and key",
       {{"document_id", "doc_00112233445566778899"}},
       "reports.csv:2: column 'document_key': give either document_id or document_key, not both"},
      {"a short document id",
       {{"document_key", ""}, {"document_id", "doc_00aa"}},
       "reports.csv:2: column 'document_id': \"doc_00aa\" is not a document id (doc_ and 20 hex "
       "digits 0-9a-f)"},
      {"a key in the id column",
       {{"document_key", ""}, {"document_id", "key:statement-1"}},
       "reports.csv:2: column 'document_id': \"key:statement-1\" starts with \"key:\"; put a "
       "local name in document_key instead"},
      {"a content hash that is not SHA-256",
       {{"document_hash", "abc"}},
       "reports.csv:2: column 'document_hash': \"abc\" is not a SHA-256 in hex (64 digits 0-9a-f)"},
      {"a spreadsheet's own row number as claim id",
       {{"claim_id", "17"}},
       "reports.csv:2: column 'claim_id': \"17\" is not a claim id (clm_ and 20 hex digits "
       "0-9a-f); leave it empty for new claims"},
  });
}

TEST(CsvErrors, BadGeometryAndCompactCellsNameTheColumnAndItem) {
  expect_errors({
      {"geometry that is not JSON",
       {{"geometry", "{\"type\": Polygon}"}},
       "reports.csv:2: column 'geometry': is not valid JSON; expected a GeoJSON geometry, e.g. "
       "{\"type\":\"LineString\",\"coordinates\":[[46.1,39.8],[46.2,39.9]]}"},
      {"an unsupported geometry type",
       {{"geometry", R"({"type":"MultiPolygon","coordinates":[]})"}},
       "reports.csv:2: column 'geometry': \"MultiPolygon\" is not a supported geometry type; "
       "expected Point, LineString, MultiLineString or Polygon"},
      {"a ring that is not closed",
       {{"geometry", R"({"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,2]]]})"}},
       "reports.csv:2: column 'geometry': Polygon: ring 0 is not closed (first and last "
       "coordinates differ)"},
      {"geometry and lon/lat at once",
       {{"geometry", R"({"type":"Point","coordinates":[1,2]})"}, {"lon", "1"}, {"lat", "2"}},
       "reports.csv:2: column 'geometry': give either lon and lat or geometry, not both"},
      {"an unknown weapon class",
       {{"weapons", "mortar:82mm;rifle"}},
       "reports.csv:2: column 'weapons': item 2: \"rifle\" is not a weapon class; expected one "
       "of: " +
           words_of_weapon_class()},
      {"an asset without outcome",
       {{"assets", "kind=position,count=2"}},
       "reports.csv:2: column 'assets': item 1: kind and outcome are required (e.g. "
       "kind=position,outcome=lost)"},
      {"an asset with an unknown name",
       {{"assets", "kind=position,outcome=lost,owner=x"}},
       "reports.csv:2: column 'assets': item 1: unknown name 'owner'; expected kind, outcome, "
       "count, owner_id, owner_name, gainer_id, gainer_name or description"},
      {"a further figure that is not a number",
       {{"more_casualties", "side_kind=civilians,killed=2;side_kind=civilians,wounded=seven"}},
       "reports.csv:2: column 'more_casualties': item 2: wounded: \"seven\" is not a number "
       "(write 7, 7+, >=7 or 7-10)"},
      {"a further figure without a side",
       {{"more_casualties", "killed=2"}},
       "reports.csv:2: column 'more_casualties': item 1: side_kind is required (e.g. "
       "side_kind=combatants)"},
      {"a provenance span without an end",
       {{"provenance", "claimant=5"}},
       "reports.csv:2: column 'provenance': item 1: \"5\" is not a span start-end (e.g. 120-131)"},
      {"an unknown date basis",
       {{"time_basis", "guessed"}},
       "reports.csv:2: column 'time_basis': \"guessed\" is not a date basis; expected one of: " +
           words_of_date_basis()},
      {"a from-context flag that is not true or false",
       {{"time_from_context", "yes"}},
       "reports.csv:2: column 'time_from_context': \"yes\" is not true or false (or 1 or 0)"},
      {"an actor without a role",
       {{"actors", "role=mediator,id=jmm,name=JMM;id=southland,name=Southland"}},
       "reports.csv:2: column 'actors': item 2: role, id and name are required (e.g. "
       "role=mediator,id=russia,name=Russia)"},
      {"an unknown actor role",
       {{"actors", "role=broker,id=jmm,name=JMM"}},
       "reports.csv:2: column 'actors': item 1: role: \"broker\" is not an actor role; expected "
       "one of: " +
           words_of_actor_role()},
      {"an agreement date that is no date",
       {{"agreements", "name=the Kestrel Accord,dates=2019-05-03|3 May"}},
       "reports.csv:2: column 'agreements': item 1: dates: \"3 May\" is not a date (write "
       "YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)"},
      {"an agreement without a name",
       {{"agreements", "dates=2019-05-03"}},
       "reports.csv:2: column 'agreements': item 1: name is required (e.g. name=the trilateral "
       "statement)"},
      {"an agreement span without an end",
       {{"agreements", "name=the Kestrel Accord,spans=5"}},
       "reports.csv:2: column 'agreements': item 1: spans: \"5\" is not a span start-end (e.g. "
       "120-131)"},
      {"an agreement with an unknown name",
       {{"agreements", "name=the Kestrel Accord,date=2019-05-03"}},
       "reports.csv:2: column 'agreements': item 1: unknown name 'date'; expected name, dates, "
       "registry_id or spans"},
      {"an empty name in the origin chain",
       {{"document_origin", "Wire >  > Agency"}},
       "reports.csv:2: column 'document_origin': name 2 of the chain is empty (write publisher > "
       "agency, e.g. Urdu Point > Sputnik)"},
  });
}

TEST(CsvErrors, ValidationProblemsNameTheColumnTheyCameFrom) {
  struct Case {
    const char* what;
    Cells changes;
    std::string column;
    std::string field;  // as core validation names it
  };
  const Case cases[] = {
      {"a claimant id that is not a slug",
       {{"claimant_id", "North MoD"}},
       "claimant_id",
       "claim field claimant/id"},
      {"combatants without a party",
       {{"side_party_id", ""}, {"side_party_name", ""}},
       "side_party_id",
       "claim field casualties/0/side/party"},
      {"a party without a name",
       {{"side_party_name", ""}},
       "side_party_name",
       "claim field casualties/0/side/party/name"},
      {"a further figure of combatants without a party",
       {{"more_casualties", "side_kind=combatants,killed=1"}},
       "more_casualties",
       "claim field casualties/1/side/party"},
      {"a perpetrator without a name",
       {{"perpetrator_id", "southland"}},
       "perpetrator_name",
       "claim field perpetrator/name"},
      {"a country name instead of a code",
       {{"country", "Northland"}},
       "country",
       "claim field place/country"},
      {"a time zone with spaces",
       {{"timezone", "Northland Time"}},
       "timezone",
       "claim field time/timezone"},
      {"provenance of a field the claim lacks",
       {{"provenance", "weapons/3=1-2"}},
       "provenance",
       "claim field provenance/weapons/3"},
      {"an actor id that is not a slug",
       {{"actors", "role=participant,id=South Land,name=Southland"}},
       "actors",
       "claim field actors/0/id"},
      {"the same actor twice in one role",
       {{"actors",
         "role=participant,id=southland,name=Southland;role=participant,id=southland,"
         "name=South"}},
       "actors",
       "claim field actors/1"},
      {"an agreement registry id that is not a slug",
       {{"agreements", "name=the Kestrel Accord,registry_id=Kestrel Accord"}},
       "agreements",
       "claim field agreements/0/registry_id"},
      {"an empty agreement span",
       {{"agreements", "name=the Kestrel Accord,spans=7-7"}},
       "agreements",
       "claim field agreements/0/spans/0"},
      {"a wording longer than 1000 bytes",
       {{"time_basis_wording", std::string(1001, 'x')}},
       "time_basis_wording",
       "claim field time_basis/wording"},
      {"a language that is not a tag",
       {{"document_language", "english!"}},
       "document_language",
       "document field language"},
      {"a party source without its party",
       {{"source_actor_id", ""}, {"source_actor_name", ""}},
       "source_actor_id",
       "source field affiliation/actor"},
      {"a source id that is not a slug",
       {{"source_id", "North MoD"}},
       "source_id",
       "source field id"},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.what);
    std::string line = first_error(csv_with(test.changes));
    std::string prefix = "reports.csv:2: column '" + test.column + "': ";
    std::string suffix = " (" + test.field + ")";
    EXPECT_EQ(line.substr(0, prefix.size()), prefix) << line;
    EXPECT_TRUE(line.size() > suffix.size() &&
                line.compare(line.size() - suffix.size(), suffix.size(), suffix) == 0)
        << line;
  }
}

TEST(CsvErrors, HeaderProblemsNameTheColumn) {
  std::string valid = csv_with({});
  auto with_header = [&](const std::string& from, const std::string& to) {
    std::string text = valid;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  EXPECT_EQ(first_error(with_header("killed", "kiled")),
            "reports.csv:1: column 'kiled': unknown column; did you mean 'killed'?");
  EXPECT_EQ(first_error(with_header("summary", "colour")),
            "reports.csv:1: column 'colour': unknown column (see docs/formats/csv.md for the "
            "columns)");
  EXPECT_EQ(first_error(with_header("wounded", "killed")),
            "reports.csv:1: column 'killed': appears twice in the header (cells 22 and 23)");
  EXPECT_EQ(first_error(with_header("event_type", "weapons")),
            "reports.csv:1: column 'event_type': required column is missing from the header");
}

TEST(CsvErrors, RowsWithMoreOrFewerCellsThanTheHeader) {
  std::string valid = csv_with({});
  EXPECT_EQ(first_error(valid.substr(0, valid.size() - 1) + ",extra\n"),
            "reports.csv:2: the row has 25 cells but the header has 24 (is there a comma in a cell "
            "that is not quoted?)");
  std::string short_row = valid.substr(0, valid.rfind(',')) + "\n";  // drops `summary`
  EXPECT_EQ(first_error(short_row),
            "reports.csv:2: column 'summary': is missing: the row has 23 cells but the header has "
            "24");
}

TEST(CsvErrors, QuoteProblemsNameTheLineWhereTheQuoteIs) {
  // The quoted summary of line 2 spans lines 2-3; the row of line 4 opens a
  // quote in its last cell and never closes it.
  std::string text = csv_of({{{"summary", "one\ntwo"}}, {}});
  std::string unterminated = text.substr(0, text.size() - 1) + "\"never closed\n\nmore\n";
  EXPECT_EQ(first_error(unterminated),
            "reports.csv:4: column 'summary': a quoted cell starts on this line but its closing "
            "quote is missing");

  std::string valid = csv_with({});  // ends with the empty summary cell: ",\n"
  std::string body = valid.substr(0, valid.size() - 1);
  EXPECT_EQ(first_error(body + "say \"no\"\n"),
            "reports.csv:2: column 'summary': a quote inside a cell that does not start with a "
            "quote (quote the whole cell and write each quote inside it as two quotes)");
  EXPECT_EQ(first_error(body + "\"say\" no\n"),
            "reports.csv:2: column 'summary': text follows the closing quote of a cell (write a "
            "quote inside a quoted cell as two quotes)");
}

TEST(CsvErrors, RowsOfOneSourceMustAgree) {
  EXPECT_EQ(first_error(csv_of({{}, {{"source_name", "Northland MoD"}}})),
            "reports.csv:3: column 'source_name': \"Northland MoD\" differs from \"Northland "
            "Ministry of Defence\" on line 2 for source 'north-mod'; all rows of one source must "
            "agree");
  EXPECT_EQ(first_error(csv_of({{}, {}, {{"source_reliability", "A"}}})),
            "reports.csv:4: column 'source_reliability': \"A\" differs from \"C\" on line 2 for "
            "source 'north-mod'; all rows of one source must agree");
}

TEST(CsvErrors, RowsOfOneDocumentMustAgree) {
  EXPECT_EQ(first_error(csv_of({{}, {{"document_title", "Morning statement"}}})),
            "reports.csv:3: column 'document_title': \"Morning statement\" differs from \"Evening "
            "statement\" on line 2 for document 'key:statement-1'; all rows of one document must "
            "agree");
  // Rows without id or key are one document per source, url, title and date.
  EXPECT_EQ(first_error(csv_of({{{"document_key", ""}, {"document_language", "en"}},
                                {{"document_key", ""}, {"document_language", "fr"}}})),
            "reports.csv:3: column 'document_language': \"fr\" differs from \"en\" on line 2 for "
            "document 'line:2'; all rows of one document must agree");
}

TEST(CsvErrors, ReportsTheProblemsOfSeveralRowsInLineOrder) {
  auto result = read_claims_csv(
      csv_of({{{"killed", "seven"}}, {}, {{"credibility", "9"}, {"lon", "1"}}}), kFile);
  ASSERT_FALSE(result);
  std::istringstream lines(result.error().message);
  std::string line;
  std::vector<std::string> starts;
  while (std::getline(lines, line)) {
    starts.push_back(line.substr(0, line.find(": ", line.find(": ") + 1)));
  }
  EXPECT_EQ(starts, (std::vector<std::string>{"reports.csv:2: column 'killed'",
                                              "reports.csv:4: column 'lat'",
                                              "reports.csv:4: column 'credibility'"}));
}

TEST(CsvErrors, TextThatIsNotUtf8) {
  EXPECT_EQ(first_error(csv_with({{"summary", "caf\xC3"}})),
            "reports.csv:2: column 'summary': is not valid UTF-8 text (save the file as UTF-8)");
  EXPECT_EQ(first_error(csv_with({{"summary", "one\ntwo \xFF"}})),
            "reports.csv:3: column 'summary': is not valid UTF-8 text (save the file as UTF-8)");
}

TEST(CsvErrors, AnEmptyFileHasNoHeader) {
  const std::string expected =
      "reports.csv:1: the file is empty; its first line must be the header (see "
      "docs/formats/csv.md)";
  EXPECT_EQ(first_error(""), expected);
  EXPECT_EQ(first_error("\xEF\xBB\xBF\r\n\r\n"), expected);
}

TEST(CsvErrors, NothingIsReturnedWhenOneRowOfManyIsBad) {
  std::vector<Cells> rows(50);
  rows[37] = {{"where_prec", "0"}};
  EXPECT_EQ(first_error(csv_of(rows)),
            "reports.csv:39: column 'where_prec': \"0\" is not a UCDP where_prec code (1-7)");
}

}  // namespace
}  // namespace truce::serial
