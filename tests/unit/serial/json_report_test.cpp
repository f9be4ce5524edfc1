// The JSON report format: round trips, provenance quotes in code points, and
// one case per kind of bad input, each naming the JSON pointer and field.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/document.hpp"
#include "core/vocabulary.hpp"
#include "serial/formats.hpp"
#include "support/bad_input.hpp"
#include "support/test_data.hpp"

namespace truce::serial {
namespace {

using test::expect_golden;
using test::read_test_data;
using test::test_data_path;

CivilTime at(const char* text) {
  return *parse_civil_time(text);
}

// [start, end) in code points of the one occurrence of `quote` in `text`.
TextSpan span_of(std::string_view text, std::string_view quote) {
  std::size_t byte = text.find(quote);
  EXPECT_NE(byte, std::string::npos) << quote;
  EXPECT_EQ(text.find(quote, byte + 1), std::string::npos) << quote << " occurs twice";
  auto start = static_cast<std::uint32_t>(code_point_count(text.substr(0, byte)));
  return {start, start + static_cast<std::uint32_t>(code_point_count(quote))};
}

constexpr std::string_view kArabicText =
    "وبحسب وزارة الدفاع الأرمنية، فقد قتل جندي أرمني واحد وأسر 13 آخرين. "
    "Mortar fire (82mm) hit the post at 14:30. Both sides cited the statement of 10 November "
    "2020; the ceasefire agreement was broken.";

// Every optional member set somewhere, every geometry type, open-ended and
// ranged counts, Arabic text with provenance.
IntakeBatch rich_batch() {
  IntakeBatch batch;
  ActorRef armenia{"armenia", "Armenia"};
  ActorRef azerbaijan{"azerbaijan", "Azerbaijan"};
  batch.sources.push_back(Source{SourceId("am-mod"), "Ministry of Defence of Armenia",
                                 Reliability::kB, Affiliation{AffiliationKind::kParty, armenia},
                                 "https://mil.am"});
  batch.sources.push_back(
      Source{SourceId("osce-smm"), "Special Monitoring Mission", Reliability::kA,
             Affiliation{AffiliationKind::kMission, ActorRef{"osce", "OSCE"}}, ""});
  batch.sources.push_back(
      Source{SourceId("wire"), "A news wire", Reliability::kF, Affiliation{}, ""});

  Document statement;
  statement.id = DocumentId("doc_0123456789abcdef0123");
  statement.source = SourceId("am-mod");
  statement.kind = DocumentKind::kStatement;
  statement.title = "بيان وزارة الدفاع";
  statement.language = "ar";
  statement.published = at("2021-11-16T21:05:09");
  statement.url = "https://mil.am/ar/news/1";
  statement.origin = {"Ministry of Defence of Armenia", "Armenpress"};
  statement.external_ref = "MOD-2021-11-16/3";
  statement.text = std::string(kArabicText);
  statement.content_hash = std::string(64, 'a');
  statement.agreement_references = {
      AgreementReference{
          "the ceasefire agreement", {}, "", {span_of(kArabicText, "the ceasefire agreement")}},
      AgreementReference{"Protocol No 2", {at("2020-11-09T23:00"), at("2020-11-10")}, "", {}},
  };
  batch.documents.push_back(statement);

  Document patrol;
  patrol.id = DocumentId("key:patrol-7");
  patrol.source = SourceId("osce-smm");
  patrol.kind = DocumentKind::kPatrolReport;
  patrol.published = at("2021-11-17");
  patrol.text = "Patrol 7 saw 3 craters near the road.";
  batch.documents.push_back(patrol);

  Claim rich;
  rich.id = ClaimId("clm_fedcba9876543210fedc");
  rich.document = statement.id;
  rich.claimant = ActorRef{"am-mod", "Ministry of Defence of Armenia"};
  rich.event_type = EventType::kShelling;
  rich.time = TimeInterval{at("2021-11-16T14:30"), at("2021-11-16T15:00:30"),
                           TimePrecision::kMinute, "Asia/Yerevan"};
  rich.time_basis = TimeBasis{DateBasis::kRelative, true, "'14:30' on the day of the statement"};
  rich.place = Place{"جبل كيليسالي",
                     Geometry{GeometryType::kPolygon,
                              {{{Longitude{45.9}, Latitude{40.05}},
                                {Longitude{45.95}, Latitude{40.05}},
                                {Longitude{45.95}, Latitude{40.1000000000000001}},
                                {Longitude{45.9}, Latitude{40.05}}}}},
                     LocationPrecision::kNear, "AM", "Gegharkunik"};
  rich.perpetrator = azerbaijan;
  rich.target = armenia;
  rich.actors = {ClaimActor{ActorRef{"russia", "Russia"}, ActorRole::kMediator},
                 ClaimActor{armenia, ActorRole::kParticipant}};
  rich.casualties = {
      {Side{SideKind::kCombatants, armenia}, CasualtyStatus::kKilled, exactly(1)},
      {Side{SideKind::kCivilians, std::nullopt}, CasualtyStatus::kWounded, at_least(7)},
      {Side{SideKind::kCivilians, armenia}, CasualtyStatus::kMissing, CountRange{10, 15}},
      {Side{SideKind::kCombatants, armenia}, CasualtyStatus::kCaptured, exactly(13)},
      {Side{SideKind::kUnknown, std::nullopt}, CasualtyStatus::kKilled, exactly(0)},
  };
  rich.weapons = {{WeaponClass::kMortar, "82mm"}, {WeaponClass::kSmallArms, ""}};
  rich.violations = CountRange{3, 5};
  rich.explosions = at_least(12);
  rich.assets = {
      AssetChange{AssetKind::kPosition, AssetOutcome::kLost, exactly(2), armenia, azerbaijan,
                  "موقعَين عسكريَين"},
      AssetChange{AssetKind::kVehicle, AssetOutcome::kDestroyed, std::nullopt, std::nullopt,
                  std::nullopt, ""},
  };
  rich.agreements = {
      AgreementReference{"the statement of 10 November 2020",
                         {at("2020-11-10")},
                         "trilateral-2020-11-10",
                         {span_of(kArabicText, "the statement of 10 November 2020"),
                          span_of(kArabicText, "ceasefire")}},
  };
  rich.credibility = Credibility{2};
  rich.summary = "Armenia reports one soldier killed and 13 captured.";
  rich.provenance = {
      {"claimant", {span_of(kArabicText, "وزارة الدفاع الأرمنية")}},
      {"casualties/0", {span_of(kArabicText, "قتل جندي أرمني واحد")}},
      {"casualties/3", {span_of(kArabicText, "وأسر 13 آخرين")}},
      {"weapons/0", {span_of(kArabicText, "Mortar fire (82mm)"), span_of(kArabicText, "82mm")}},
      {"time", {span_of(kArabicText, "14:30")}},
      {"actors/1", {span_of(kArabicText, "الأرمنية")}},
  };
  batch.claims.push_back(rich);

  Claim line;
  line.document = patrol.id;
  line.claimant = ActorRef{"osce", "OSCE"};
  line.event_type = EventType::kCeasefireViolation;
  line.time = TimeInterval{at("2021-11-17"), at("2021-11-17"), TimePrecision::kDay, ""};
  line.place =
      Place{"",
            Geometry{GeometryType::kLineString,
                     {{{Longitude{45}, Latitude{40}}, {Longitude{45.5}, Latitude{40.25}}}}},
            LocationPrecision::kLinear, "", ""};
  line.time_basis.basis = DateBasis::kStated;
  line.explosions = exactly(3);
  line.credibility = Credibility{1};
  line.provenance = {{"explosions", {span_of(patrol.text, "3 craters")}}};
  batch.claims.push_back(line);

  Claim multi;
  multi.document = DocumentId("doc_ffffffffffffffffffff");  // stored before, not in this file
  multi.claimant = ActorRef{"azerbaijan-mod", "Ministry of Defence of Azerbaijan"};
  multi.event_type = EventType::kArmedClash;
  multi.time = TimeInterval{at("2021-11-01"), at("2021-11-30"), TimePrecision::kMonth, "+04:00"};
  multi.place =
      Place{"border",
            Geometry{GeometryType::kMultiLineString,
                     {{{Longitude{-180}, Latitude{-90}}, {Longitude{180}, Latitude{90}}},
                      {{Longitude{0.1}, Latitude{0.2}}, {Longitude{0.3}, Latitude{0.4}}}}},
            LocationPrecision::kInternational, "", ""};
  multi.time_basis = TimeBasis{DateBasis::kAnnouncement, false, "the month of the report"};
  multi.agreements = {AgreementReference{"Protocol No 2", {}, "", {{40, 52}}}};  // no text: offsets
  multi.provenance = {{"claimant", {{5, 9}}}};  // cannot be checked: no text in the file
  batch.claims.push_back(multi);

  Claim point;
  point.document = patrol.id;
  point.claimant = ActorRef{"osce", "OSCE"};
  point.event_type = EventType::kOther;
  point.time = TimeInterval{at("2021-11-17"), at("2021-11-17"), TimePrecision::kDay, "UTC"};
  point.place = Place{"Post 7", make_point(45.123456789012345, 40.987654321098765),
                      LocationPrecision::kExact, "", ""};
  batch.claims.push_back(point);
  return batch;
}

void expect_same_records(const IntakeBatch& read, const IntakeBatch& expected) {
  ASSERT_EQ(read.sources.size(), expected.sources.size());
  for (std::size_t i = 0; i < read.sources.size(); ++i) {
    EXPECT_TRUE(read.sources[i] == expected.sources[i]) << "source " << i;
  }
  ASSERT_EQ(read.documents.size(), expected.documents.size());
  for (std::size_t i = 0; i < read.documents.size(); ++i) {
    EXPECT_TRUE(read.documents[i] == expected.documents[i]) << "document " << i;
  }
  ASSERT_EQ(read.claims.size(), expected.claims.size());
  for (std::size_t i = 0; i < read.claims.size(); ++i) {
    EXPECT_TRUE(read.claims[i] == expected.claims[i]) << "claim " << i;
  }
}

TEST(JsonReport, WriteThenReadGivesEqualRecords) {
  IntakeBatch batch = rich_batch();
  std::string text = write_report_json(batch);
  Result<IntakeBatch> read = read_report_json(text, "rich.json");
  ASSERT_TRUE(read) << read.error().message << "\n" << text;
  expect_same_records(*read, batch);
  EXPECT_EQ(read->origin, "rich.json");
  EXPECT_EQ(read->claim_locations,
            (std::vector<std::string>{"rich.json:/claims/0", "rich.json:/claims/1",
                                      "rich.json:/claims/2", "rich.json:/claims/3"}));
  EXPECT_EQ(read->document_locations,
            (std::vector<std::string>{"rich.json:/documents/0", "rich.json:/documents/1"}));
  EXPECT_EQ(read->source_locations.front(), "rich.json:/sources/0");
}

TEST(JsonReport, WritingIsDeterministic) {
  std::string first = write_report_json(rich_batch());
  Result<IntakeBatch> read = read_report_json(first, "rich.json");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(write_report_json(*read), first);
}

TEST(JsonReport, TheWriterSpellsOpenEndedCountsAndDerivedSidesOut) {
  std::string text = write_report_json(rich_batch());
  EXPECT_NE(text.find(R"("min": 7,
          "max": null)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"js("id": "civilians:armenia",
            "name": "civilians (Armenia)")js"),
            std::string::npos);
  EXPECT_NE(text.find(R"js("weapons/0": ["Mortar fire (82mm)", "82mm"])js"), std::string::npos)
      << "quotes of the spans, for a human to check";
  EXPECT_NE(text.find("[45.95, 40.1]"), std::string::npos)
      << "positions on one line; 40.1000000000000001 is the double 40.1, written shortest";
}

TEST(JsonReport, QuotesBecomeCodePointOffsetsNotByteOffsets) {
  // "قتل جندي" is 8 code points and 15 bytes; "Baku" starts at code point 9, byte 16.
  std::string text = R"({"format": "truce-report", "version": 1,
    "documents": [{"key": "d", "source": "wire", "kind": "article",
                   "text": "قتل جندي Baku said."}],
    "claims": [{"document": "d", "claimant": {"id": "az", "name": "Baku"},
                "event_type": "other", "time": {"start": "2021-11-16", "precision": "day"},
                "credibility": 6, "provenance": {"claimant": "Baku"}}]})";
  Result<IntakeBatch> read = read_report_json(text, "q.json");
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->claims[0].provenance.size(), 1u);
  EXPECT_EQ(read->claims[0].provenance[0].field, "claimant");
  EXPECT_EQ(read->claims[0].provenance[0].spans, (std::vector<TextSpan>{{9, 13}}));
  EXPECT_EQ(read->documents[0].id, DocumentId("key:d"));
  EXPECT_EQ(read->claims[0].document, DocumentId("key:d"));
}

TEST(JsonReport, TheTimeBasisActorsAndAgreementsAreWrittenAsDocumented) {
  std::string text = write_report_json(rich_batch());
  EXPECT_NE(text.find(R"("time_basis": {
        "basis": "relative",
        "from_context": true,
        "wording": "'14:30' on the day of the statement"
      },)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("time_basis": {"basis": "stated", "from_context": false},)"),
            std::string::npos);
  EXPECT_NE(text.find(R"({"id": "russia", "name": "Russia", "role": "mediator"})"),
            std::string::npos);
  EXPECT_NE(text.find(R"("registry_id": "trilateral-2020-11-10",)"), std::string::npos);
  EXPECT_NE(text.find(R"("quotes": ["the statement of 10 November 2020", "ceasefire"])"),
            std::string::npos)
      << "the words of each span, for a human to check";
  // The point claim has no time basis, actors or agreements: no member at all.
  std::string point = text.substr(text.rfind(R"("document": "patrol-7")"));
  EXPECT_EQ(point.find("time_basis"), std::string::npos) << point;
  EXPECT_EQ(point.find("actors"), std::string::npos);
  EXPECT_EQ(point.find("agreements"), std::string::npos);
}

TEST(JsonReport, TheQuotesOfAgreementSpansAreCheckedOnRead) {
  std::string text = write_report_json(rich_batch());
  std::string quote = R"("ceasefire"])";
  ASSERT_NE(text.find(quote), std::string::npos);
  text.replace(text.find(quote), quote.size(), R"("cease-fire"])");
  Result<IntakeBatch> read = read_report_json(text, "rich.json");
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("rich.json:/claims/0/agreements/0/quotes/1: field "
                                      "'quotes/1': \"cease-fire\" is not the text at"),
            std::string::npos)
      << read.error().message;
}

TEST(JsonReport, AgreementSpansGivenAsQuotesBecomeCodePointOffsets) {
  // Synthetic: Northland, Southland and the Kestrel Accord are fictional. The
  // claim's spans point into its document's text, as do the document's own.
  std::string text = R"({"format": "truce-report", "version": 1,
    "documents": [{"key": "d", "source": "wire", "kind": "article",
                   "text": "Northland and Southland cite the Kestrel Accord of 3 May 2019.",
                   "agreement_references": [{"name": "the Kestrel Accord",
                                             "spans": ["the Kestrel Accord"]}]}],
    "claims": [{"document": "d", "claimant": {"id": "wire", "name": "Wire"},
                "event_type": "agreement", "time": {"start": "2019-05-03", "precision": "day"},
                "time_basis": {"basis": "stated"},
                "actors": [{"id": "northland", "name": "Northland", "role": "participant"},
                           {"id": "southland", "name": "Southland", "role": "participant"}],
                "agreements": [{"name": "the Kestrel Accord of 3 May 2019",
                                "dates": ["2019-05-03"], "spans": ["Kestrel Accord", [51, 61]],
                                "quotes": ["Kestrel Accord", "3 May 2019"]}],
                "credibility": 6, "provenance": {"actors/1": "Southland"}}]})";
  Result<IntakeBatch> read = read_report_json(text, "accord.json");
  ASSERT_TRUE(read) << read.error().message;
  const Claim& claim = read->claims[0];
  EXPECT_EQ(claim.event_type, EventType::kAgreement);
  EXPECT_EQ(claim.time_basis, (TimeBasis{DateBasis::kStated, false, ""}));
  ASSERT_EQ(claim.actors.size(), 2u);
  EXPECT_EQ(claim.actors[1].actor.id, "southland");
  EXPECT_EQ(claim.actors[1].role, ActorRole::kParticipant);
  ASSERT_EQ(claim.agreements.size(), 1u);
  EXPECT_EQ(claim.agreements[0].spans, (std::vector<TextSpan>{{33, 47}, {51, 61}}));
  EXPECT_EQ(claim.agreements[0].dates, (std::vector<CivilTime>{at("2019-05-03")}));
  EXPECT_EQ(claim.provenance[0].spans, (std::vector<TextSpan>{{14, 23}}));
  ASSERT_EQ(read->documents[0].agreement_references.size(), 1u);
  EXPECT_EQ(read->documents[0].agreement_references[0].spans, (std::vector<TextSpan>{{29, 47}}));
}

TEST(JsonReport, TheKilisaliFixtureReadsWithItsQuotesResolved) {
  Result<IntakeBatch> read =
      read_report_json(read_test_data("serial/json/kilisali.report.json"), "kilisali.report.json");
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->claims.size(), 4u);
  const Claim& armenia = read->claims[1];
  EXPECT_EQ(armenia.event_type, EventType::kAttack);
  ASSERT_EQ(armenia.casualties.size(), 3u);
  EXPECT_EQ(armenia.casualties[2].status, CasualtyStatus::kMissing);
  EXPECT_EQ(armenia.casualties[2].count, exactly(24));
  // Offsets computed independently (Python str indices are code points);
  // in bytes this quote starts at 1111.
  const FieldProvenance& killed = armenia.provenance[5];
  ASSERT_EQ(killed.field, "casualties/0");
  EXPECT_EQ(killed.spans, (std::vector<TextSpan>{{613, 632}}));
  EXPECT_EQ(read->claims[3].provenance[2].spans, (std::vector<TextSpan>{{982, 1000}}));
  EXPECT_EQ(read->documents[0].origin,
            (std::vector<std::string>{"Pakistan Point News", "Sputnik"}));
}

TEST(JsonReport, TheWriterMatchesTheGoldenFile) {
  Result<IntakeBatch> read =
      read_report_json(read_test_data("serial/json/kilisali.report.json"), "kilisali.report.json");
  ASSERT_TRUE(read) << read.error().message;
  expect_golden(write_report_json(*read), "serial/json/kilisali.written.json");
  Result<IntakeBatch> golden = read_report_json(read_test_data("serial/json/kilisali.written.json"),
                                                "kilisali.written.json");
  ASSERT_TRUE(golden) << golden.error().message;
  expect_same_records(*golden, *read);
}

TEST(JsonReport, TheRichBatchMatchesItsGoldenFile) {
  // The GeoJSON tests read this file as their rich input.
  expect_golden(write_report_json(rich_batch()), "serial/json/every-member.report.json");
}

TEST(JsonReport, AMinimalFileNeedsOnlyFormatAndVersion) {
  Result<IntakeBatch> read =
      read_report_json(read_test_data("serial/json/empty.report.json"), "empty.json");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(read->sources.empty() && read->documents.empty() && read->claims.empty());
}

// A small valid report; each bad-input case replaces one unique piece of it.
constexpr std::string_view kBase = R"({
  "format": "truce-report",
  "version": 1,
  "sources": [
    {"id": "am-mod", "name": "Ministry of Defence of Armenia", "reliability": "B",
     "affiliation": {"kind": "party", "actor": {"id": "armenia", "name": "Armenia"}}}
  ],
  "documents": [
    {"key": "statement", "source": "am-mod", "kind": "statement", "language": "ar",
     "text": "وبحسب وزارة الدفاع الأرمنية، فقد قتل جندي أرمني واحد قرب كيليسالي (Kilisali). Kilisali is on the border."},
    {"id": "doc_00000000000000000001", "source": "am-mod", "kind": "form"}
  ],
  "claims": [
    {"document": "statement",
     "claimant": {"id": "am-mod", "name": "Armenian MoD"},
     "event_type": "attack",
     "time": {"start": "2021-11-16", "precision": "day", "timezone": "Asia/Yerevan"},
     "place": {"name": "Kilisali", "geometry": {"type": "Point", "coordinates": [45.9, 40.0]},
               "precision": 2, "country": "AM"},
     "casualties": [
       {"side": {"kind": "combatants", "party": {"id": "armenia", "name": "Armenia"}},
        "status": "killed", "min": 1, "max": 1}],
     "credibility": 3,
     "provenance": {"claimant": "وزارة الدفاع الأرمنية", "casualties/0": ["قتل جندي أرمني واحد"]}}
  ]
})";

TEST(JsonReport, TheBaseOfTheBadInputCasesIsValid) {
  Result<IntakeBatch> read = read_report_json(kBase, "report.json");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->claims.size(), 1u);
}

class JsonReportBadInput : public ::testing::TestWithParam<test::BadInput> {};

TEST_P(JsonReportBadInput, IsRejectedNamingThePointerAndField) {
  test::expect_rejected(GetParam(), kBase, [](std::string_view text) {
    return read_report_json(text, "report.json");
  });
}

constexpr test::BadInput kBadInputs[] = {
    {"NegativeCount", R"("min": 1)", R"("min": -2)",
     "report.json:/claims/0/casualties/0/min: field 'min': -2 is negative"},
    {"MaxBelowMin", R"("max": 1)", R"("max": 0)",
     "report.json:/claims/0/casualties/0/max: field 'max': 0 is smaller than min (1)"},
    {"EndBeforeStart", R"("start": "2021-11-16",)",
     R"("start": "2021-11-16", "end": "2021-11-15",)",
     "report.json:/claims/0/time/end: field 'end': 2021-11-15 is before the start (2021-11-16)"},
    {"Longitude181", "[45.9, 40.0]", "[181, 40.0]",
     "report.json:/claims/0/place/geometry/coordinates/0: field 'coordinates/0': longitude 181 is "
     "outside [-180, 180]"},
    {"LatitudeMinus91", "[45.9, 40.0]", "[45.9, -91]",
     "report.json:/claims/0/place/geometry/coordinates/1: field 'coordinates/1': latitude -91 is "
     "outside [-90, 90]"},
    {"Altitude", "[45.9, 40.0]", "[45.9, 40.0, 1200]",
     "has 3 numbers; a position is [longitude, latitude] (altitude is not supported)"},
    {"PolygonNotClosed", R"({"type": "Point", "coordinates": [45.9, 40.0]})",
     R"({"type": "Polygon", "coordinates": [[[45, 40], [46, 40], [46, 41], [45, 41]]]})",
     "report.json:/claims/0/place/geometry: field 'geometry': ring 0 is not closed"},
    {"UnsupportedGeometry", R"("type": "Point")", R"("type": "MultiPoint")",
     "report.json:/claims/0/place/geometry/type: field 'type': \"MultiPoint\" is not one of: "
     "Point, LineString, MultiLineString, Polygon"},
    {"Credibility7", R"("credibility": 3)", R"("credibility": 7)",
     "report.json:/claims/0/credibility: field 'credibility': 7 is not a credibility grade 1-6"},
    {"CredibilityAsText", R"("credibility": 3)", R"("credibility": "3")",
     "report.json:/claims/0/credibility: field 'credibility': must be a whole number, not a "
     "string"},
    {"ReliabilityG", R"("reliability": "B")", R"("reliability": "G")",
     "report.json:/sources/0/reliability: field 'reliability': \"G\" is not one of: A, B, C, D, E, "
     "F"},
    {"UnknownMember", R"("credibility": 3)", R"("credibility": 3, "casualty": [])",
     "report.json:/claims/0/casualty: field 'casualty': unknown member; expected one of: id, "
     "document, claimant"},
    {"UnknownMemberSuggestsTheListMember", R"("credibility": 3)",
     R"("credibility": 3, "casualty": [])", "(did you mean 'casualties'?)"},
    {"UnknownMemberSuggestsTheNearestName", R"("kind": "statement")",
     R"("kind": "statement", "titel": "x")", "(did you mean 'title'?)"},
    {"UnknownEventType", R"("event_type": "attack")", R"("event_type": "shellling")",
     "report.json:/claims/0/event_type: field 'event_type': \"shellling\" is not one of: "
     "armed_clash, attack, shelling"},
    {"UnknownStatus", R"("status": "killed")", R"("status": "dead")",
     "report.json:/claims/0/casualties/0/status: field 'status': \"dead\" is not one of: killed, "
     "wounded, captured, missing"},
    {"QuoteNotFound", R"("claimant": "وزارة الدفاع الأرمنية")",
     R"("claimant": "وزارة الدفاع الروسية")",
     "report.json:/claims/0/provenance/claimant: field 'claimant': the quote \"وزارة الدفاع "
     "الروسية\" does not occur in the text of document \"statement\"; its beginning \"وزارة "
     "الدفاع ال\" occurs at [6, 21]"},
    {"QuoteAmbiguous", R"(["قتل جندي أرمني واحد"])", R"(["ilisali"])",
     "report.json:/claims/0/provenance/casualties~10/0: field 'casualties/0/0': the quote "
     "\"ilisali\" occurs 2 times, at [68, 75], [79, 86]; give the offsets of the one meant, e.g. "
     "[[68, 75]]"},
    {"QuoteOfADocumentWithoutText", R"({"document": "statement",)",
     R"({"document": "doc_00000000000000000001",)",
     "field 'claimant': a quote needs the text of document \"doc_00000000000000000001\" in this "
     "file; give [start, end] code-point offsets instead"},
    {"SpanBeyondTheText", R"(["قتل جندي أرمني واحد"])", "[[10, 500]]",
     "report.json:/claims/0/provenance/casualties~10: field 'casualties/0': span [10, 500) ends "
     "beyond the document's text (104 code points)"},
    {"SpanOfANonField", R"("claimant": "وزارة الدفاع الأرمنية")",
     R"("perpetrator": "وزارة الدفاع الأرمنية")",
     "report.json:/claims/0/provenance/perpetrator: field 'perpetrator': names no field of this "
     "claim"},
    {"SpanNotAPair", R"(["قتل جندي أرمني واحد"])", "[[1, 2, 3]]",
     "report.json:/claims/0/provenance/casualties~10/0: field 'casualties/0/0': a span is [start, "
     "end] in code points, or a quote"},
    {"WrongProvenanceQuote", R"("credibility": 3,)",
     R"("credibility": 3, "provenance_quotes": {"claimant": ["وزارة"]},)",
     "report.json:/claims/0/provenance_quotes/claimant/0: field 'claimant/0': \"وزارة\" is not the "
     "text at [6, 27], which reads \"وزارة الدفاع الأرمنية\""},
    {"DuplicateKey", R"({"id": "doc_00000000000000000001",)", R"({"key": "statement",)",
     "report.json:/documents/1/key: field 'key': the document key \"statement\" is already given "
     "at /documents/0"},
    {"DuplicateSource", R"("sources": [)",
     R"("sources": [{"id": "am-mod", "name": "x", "reliability": "F", "affiliation": {"kind": "neutral"}},)",
     "report.json:/sources/1/id: field 'id': source \"am-mod\" is already given at /sources/0"},
    {"UnknownDocumentKey", R"({"document": "statement",)", R"({"document": "statment",)",
     "report.json:/claims/0/document: field 'document': \"statment\" is not the key of a document "
     "in this file"},
    {"MalformedDocumentId", R"("doc_00000000000000000001")", R"("doc_12")",
     "report.json:/documents/1/id: field 'id': \"doc_12\" is not a document id"},
    {"BothIdAndKey", R"({"key": "statement",)",
     R"({"key": "statement", "id": "doc_00000000000000000002",)",
     R"(report.json:/documents/0: field 'key': give either "id" or "key", not both)"},
    {"MissingClaimant", R"("claimant": {"id": "am-mod", "name": "Armenian MoD"},)", "",
     "report.json:/claims/0: field 'claimant': is missing (required)"},
    {"EmptyClaimantName", R"("name": "Armenian MoD")", R"("name": "")",
     "report.json:/claims/0/claimant/name: field 'name': is empty"},
    {"BadActorId", R"("id": "am-mod", "name": "Armenian MoD")",
     R"("id": "Am MoD", "name": "Armenian MoD")",
     "report.json:/claims/0/claimant/id: field 'id': \"Am MoD\" is not a valid id"},
    {"WrongTypeOfCount", R"("min": 1)", R"("min": "1")",
     "report.json:/claims/0/casualties/0/min: field 'min': must be a whole number, not a string"},
    {"FractionalCount", R"("min": 1)", R"("min": 1.5)",
     "report.json:/claims/0/casualties/0/min: field 'min': must be a whole number, not 1.5"},
    {"MissingMax", R"(, "max": 1)", "",
     "report.json:/claims/0/casualties/0: field 'max': is missing (required)"},
    {"ClaimsNotAnArray", R"("claims": [)", R"("claims": {"x": 1}, "unused": [)",
     "report.json:/claims: field 'claims': must be an array, not an object"},
    {"ImpossibleDate", R"("start": "2021-11-16")", R"("start": "2021-02-30")",
     "report.json:/claims/0/time/start: field 'start': \"2021-02-30\" is not a date (YYYY-MM-DD)"},
    {"BadTimezone", R"("Asia/Yerevan")", R"("Yerevan time")",
     "report.json:/claims/0/time/timezone: field 'timezone': \"Yerevan time\" is not a time zone"},
    {"WherePrec8", R"("precision": 2)", R"("precision": 8)",
     "report.json:/claims/0/place/precision: field 'precision': 8 is not a UCDP where_prec code "
     "1-7"},
    {"CountryNotIso", R"("country": "AM")", R"("country": "Armenia")",
     "report.json:/claims/0/place/country: field 'country': \"Armenia\" is not an ISO 3166-1"},
    {"PartyMissingForCombatants",
     R"({"kind": "combatants", "party": {"id": "armenia", "name": "Armenia"}})",
     R"({"kind": "combatants"})",
     "report.json:/claims/0/casualties/0/side/party: field 'party': is required for combatants"},
    {"AffiliationActorMissing",
     R"("affiliation": {"kind": "party", "actor": {"id": "armenia", "name": "Armenia"}})",
     R"("affiliation": {"kind": "party"})",
     "report.json:/sources/0/affiliation/actor: field 'actor': is required when the affiliation is "
     "party"},
    {"BadLanguageTag", R"("language": "ar")", R"("language": "Arabic language")",
     "report.json:/documents/0/language: field 'language': \"Arabic language\" is not a BCP 47"},
    {"WrongFormat", R"("format": "truce-report")", R"("format": "geojson")",
     R"(report.json:/format: field 'format': is "geojson"; a truce report says "truce-report")"},
    {"NewerVersion", R"("version": 1)", R"("version": 2)",
     "report.json:/version: field 'version': version 2 is not supported; this truce reads version "
     "1"},
    {"MalformedClaimId", R"({"document": "statement",)",
     R"({"id": "clm_1", "document": "statement",)",
     "report.json:/claims/0/id: field 'id': \"clm_1\" is not a claim id"},
    {"UnknownDateBasis", R"("credibility": 3,)",
     R"("credibility": 3, "time_basis": {"basis": "guessed"},)",
     "report.json:/claims/0/time_basis/basis: field 'basis': \"guessed\" is not one of: unknown, "
     "stated, relative, announcement"},
    {"FromContextNotABoolean", R"("credibility": 3,)",
     R"("credibility": 3, "time_basis": {"basis": "stated", "from_context": "yes"},)",
     "report.json:/claims/0/time_basis/from_context: field 'from_context': must be true or false, "
     "not a string"},
    {"TimeBasisWithoutBasis", R"("credibility": 3,)",
     R"("credibility": 3, "time_basis": {"from_context": true},)",
     "report.json:/claims/0/time_basis: field 'basis': is missing (required)"},
    {"UnknownActorRole", R"("credibility": 3,)",
     R"("credibility": 3, "actors": [{"id": "russia", "name": "Russia", "role": "broker"}],)",
     "report.json:/claims/0/actors/0/role: field 'role': \"broker\" is not one of: participant, "
     "mediator"},
    {"ActorWithoutRole", R"("credibility": 3,)",
     R"("credibility": 3, "actors": [{"id": "russia", "name": "Russia"}],)",
     "report.json:/claims/0/actors/0: field 'role': is missing (required)"},
    {"ActorTwiceInOneRole", R"("credibility": 3,)",
     R"("credibility": 3, "actors": [{"id": "russia", "name": "Russia", "role": "mediator"},
                                     {"id": "russia", "name": "RF", "role": "mediator"}],)",
     "report.json:/claims/0/actors/1: field 'actors/1': \"russia\" as mediator is already "
     "actors/0"},
    {"AgreementWithoutName", R"("credibility": 3,)",
     R"("credibility": 3, "agreements": [{"dates": ["2020-11-10"]}],)",
     "report.json:/claims/0/agreements/0: field 'name': is missing (required)"},
    {"AgreementWithAnEmptyName", R"("credibility": 3,)",
     R"("credibility": 3, "agreements": [{"name": ""}],)",
     "report.json:/claims/0/agreements/0/name: field 'name': is empty"},
    {"AgreementImpossibleDate", R"("credibility": 3,)",
     R"("credibility": 3, "agreements": [{"name": "x", "dates": ["2020-02-30"]}],)",
     "report.json:/claims/0/agreements/0/dates/0: field 'dates/0': \"2020-02-30\" is not a date "
     "(YYYY-MM-DD)"},
    {"AgreementSpanBeyondTheText", R"("credibility": 3,)",
     R"("credibility": 3, "agreements": [{"name": "x", "spans": [[100, 200]]}],)",
     "report.json:/claims/0/agreements/0/spans/0: field 'spans/0': span [100, 200) ends beyond "
     "the document's text (104 code points)"},
    {"AgreementQuoteNotFound", R"("credibility": 3,)",
     R"("credibility": 3, "agreements": [{"name": "x", "spans": ["the accord"]}],)",
     "report.json:/claims/0/agreements/0/spans/0: field 'spans/0': the quote \"the accord\" does "
     "not occur in the text of document \"statement\""},
    {"AgreementRegistryIdNotASlug", R"("credibility": 3,)",
     R"("credibility": 3, "agreements": [{"name": "x", "registry_id": "Trilateral 2020"}],)",
     "report.json:/claims/0/agreements/0/registry_id: field 'registry_id': \"Trilateral 2020\" is "
     "not a valid id"},
    {"AgreementUnknownMember", R"("credibility": 3,)",
     R"("credibility": 3, "agreements": [{"name": "x", "date": "2020-11-10"}],)",
     "report.json:/claims/0/agreements/0/date: field 'date': unknown member; expected one of: "
     "name, dates, registry_id, spans, quotes (did you mean 'dates'?)"},
    {"DocumentAgreementSpanBeyondItsText", R"("language": "ar",)",
     R"("language": "ar", "agreement_references": [{"name": "x", "spans": [[0, 105]]}],)",
     "report.json:/documents/0/agreement_references/0/spans/0: field 'spans/0': span [0, 105) "
     "ends beyond the document's text (104 code points)"},
};

INSTANTIATE_TEST_SUITE_P(EveryKind, JsonReportBadInput, ::testing::ValuesIn(kBadInputs),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(JsonReport, ASideWhoseDerivedIdContradictsItsPartyIsRejected) {
  std::string text(kBase);
  std::string find = R"("party": {"id": "armenia", "name": "Armenia"}})";
  text.replace(text.find(find), find.size(),
               R"("party": {"id": "armenia", "name": "Armenia"}, "id": "azerbaijan"})");
  Result<IntakeBatch> read = read_report_json(text, "report.json");
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find(
                "report.json:/claims/0/casualties/0/side/id: field 'id': is \"azerbaijan\" but "
                "kind and party make it \"armenia\""),
            std::string::npos)
      << read.error().message;
}

TEST(JsonReport, SyntaxErrorsNameLineAndColumnInCodePoints) {
  // Line 3: `  "sources": [` ... the stray comma sits after Arabic text on line 4.
  std::string text = "{\n  \"format\": \"truce-report\",\n  \"version\": 1,\n  \"x\": \"قره\",,\n}";
  Result<IntakeBatch> read = read_report_json(text, "report.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kInvalidInput);
  // Column 14 counts code points; in bytes the comma is at column 17.
  EXPECT_EQ(read.error().message.rfind("report.json:4:14: syntax error", 0), 0u)
      << read.error().message;
}

TEST(JsonReport, TruncatedInputIsASyntaxErrorAtTheEnd) {
  Result<IntakeBatch> read = read_report_json("{\"format\": \"truce-report\",\n", "r.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message.rfind("r.json:2:1: syntax error", 0), 0u) << read.error().message;
}

TEST(JsonReport, DuplicateMembersAreErrorsNotSilentlyOverwritten) {
  std::string text(kBase);
  text.replace(text.find(R"("min": 1)"), 8, R"("min": 1, "min": 2)");
  Result<IntakeBatch> read = read_report_json(text, "report.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message,
            "report.json:/claims/0/casualties/0/min: field 'min': appears twice in one object");
}

TEST(JsonReport, ErrorsAreCollectedOnePerLine) {
  std::string text(kBase);
  text.replace(text.find(R"("reliability": "B")"), 18, R"("reliability": "G")");
  text.replace(text.find(R"("credibility": 3)"), 16, R"("credibility": 0)");
  Result<IntakeBatch> read = read_report_json(text, "report.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message,
            "report.json:/sources/0/reliability: field 'reliability': \"G\" is not one of: A, B, "
            "C, D, E, F\n"
            "report.json:/claims/0/credibility: field 'credibility': 0 is not a credibility grade "
            "1-6");
}

TEST(JsonReport, ClaimsNamingADocumentWithErrorsAddNoErrorsOfTheirOwn) {
  std::string text(kBase);
  std::string find = R"("kind": "statement")";
  text.replace(text.find(find), find.size(), R"("kind": "speech")");
  Result<IntakeBatch> read = read_report_json(text, "report.json");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message,
            "report.json:/documents/0/kind: field 'kind': \"speech\" is not one of: article, "
            "statement, patrol_report, form, report, other");
}

TEST(JsonReport, ErrorsStopAfterTwenty) {
  std::string claims;
  for (int i = 0; i < 30; ++i) {
    claims += std::string(i == 0 ? "" : ",") + R"({"document": "doc_00000000000000000001"})";
  }
  std::string text = R"({"format": "truce-report", "version": 1, "claims": [)" + claims + "]}";
  Result<IntakeBatch> read = read_report_json(text, "r.json");
  ASSERT_FALSE(read);
  const std::string& message = read.error().message;
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 20) << message;
  EXPECT_NE(message.find("r.json: stopped after 20 errors"), std::string::npos);
}

TEST(JsonReport, TheProvenanceQuotesOfTheWriterAreCheckedOnRead) {
  IntakeBatch batch = rich_batch();
  std::string text = write_report_json(batch);
  std::string quote = R"("82mm"])";
  ASSERT_NE(text.find(quote), std::string::npos);
  text.replace(text.find(quote), quote.size(), R"("83mm"])");
  Result<IntakeBatch> read = read_report_json(text, "rich.json");
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("rich.json:/claims/0/provenance_quotes/weapons~10/1: field "
                                      "'weapons/0/1': \"83mm\" is not the text at"),
            std::string::npos)
      << read.error().message;
}

std::string schema_path() {
  return test_data_path("../../schema/report.schema.json");
}

// Each vocabulary of core appears in the schema as one enum, in core's order.
TEST(JsonReportSchema, EnumsAreCoresVocabularies) {
  std::ifstream in(schema_path());
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string schema = buffer.str();
  ASSERT_FALSE(schema.empty()) << schema_path();
  for (const std::string& words :
       {words_of_event_type(), words_of_date_basis(), words_of_actor_role(),
        words_of_weapon_class(), words_of_asset_kind(), words_of_asset_outcome(),
        words_of_casualty_status(), words_of_side_kind(), words_of_time_precision(),
        words_of_affiliation_kind(), words_of_document_kind()}) {
    std::string expected = R"("enum": [")";
    for (char c : words) {
      expected += c == ',' ? std::string("\",") : c == ' ' ? std::string(" \"") : std::string(1, c);
    }
    expected += "\"]";
    EXPECT_NE(schema.find(expected), std::string::npos) << expected;
  }
}

// Validated with Python's jsonschema when it is installed (Debian:
// python3-jsonschema); Debian packages no JSON Schema validator for C++.
// One interpreter run checks every file: "+path" must validate, "-path" must not.
TEST(JsonReportSchema, FixturesAndWriterOutputValidateAndABadFileDoesNot) {
  if (std::system("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    // Not a skip: a skipped check looks like a passing one. The test command
    // installs it (scripts/install-deps.sh --test).
    FAIL()
        << "/usr/bin/python3 with jsonschema is not installed (apt-get install python3-jsonschema)";
  }
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "truce_schema_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "rich.json") << write_report_json(rich_batch());
  std::ofstream(dir / "bad.json") << R"({"format": "truce-report", "version": 1, "claims": [{}]})";
  std::ofstream(dir / "check.py") << R"(import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for arg in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(arg[1:], encoding="utf-8"))))
    if (arg[0] == "+") != (not errors):
        failed += 1
        print(arg, [e.message for e in errors][:3])
sys.exit(failed)
)";
  std::string command = "/usr/bin/python3 '" + (dir / "check.py").string() + "' '" + schema_path() +
                        "' '+" + test_data_path("serial/json/kilisali.report.json") + "' '+" +
                        test_data_path("serial/json/kilisali.written.json") + "' '+" +
                        test_data_path("serial/json/empty.report.json") + "' '+" +
                        test_data_path("serial/json/every-member.report.json") + "' '+" +
                        (dir / "rich.json").string() + "' '-" + (dir / "bad.json").string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace truce::serial
