// GeoJSON claims: round trips through the JSON report fixtures, embedded
// sources and documents, and errors at pointers into the FeatureCollection.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "serial/formats.hpp"
#include "support/bad_input.hpp"
#include "support/test_data.hpp"

namespace truce::serial {
namespace {

using test::expect_golden;
using test::read_test_data;

IntakeBatch read_report_fixture(const std::string& relative) {
  Result<IntakeBatch> read = read_report_json(read_test_data(relative), relative);
  EXPECT_TRUE(read) << read.error().message;
  return read ? *read : IntakeBatch{};
}

template <typename Record, typename Id>
const Record* find_by_id(const std::vector<Record>& records, const Id& id) {
  for (const Record& record : records) {
    if (record.id == id) {
      return &record;
    }
  }
  return nullptr;
}

TEST(GeoJson, WriteThenReadGivesEqualClaimsAndEqualRecordsButTheText) {
  // Every member set, every geometry type, a claim on a stored document.
  IntakeBatch batch = read_report_fixture("serial/json/every-member.report.json");
  ASSERT_EQ(batch.claims.size(), 4u);
  std::string text = write_claims_geojson(batch);
  Result<IntakeBatch> read = read_claims_geojson(text, "claims.geojson");
  ASSERT_TRUE(read) << read.error().message << "\n" << text;
  ASSERT_EQ(read->claims.size(), batch.claims.size());
  for (std::size_t i = 0; i < batch.claims.size(); ++i) {
    EXPECT_TRUE(read->claims[i] == batch.claims[i]) << "claim " << i;
  }
  // Documents and sources come along with the claims that need them: the
  // statement and the patrol report, and their sources; "wire" has no claim.
  ASSERT_EQ(read->documents.size(), 2u);
  for (const Document& document : read->documents) {
    const Document* original = find_by_id(batch.documents, document.id);
    ASSERT_NE(original, nullptr) << document.id.str();
    Document without_text = *original;
    without_text.text.clear();
    EXPECT_TRUE(document == without_text) << document.id.str();
  }
  ASSERT_EQ(read->sources.size(), 2u);
  for (const Source& source : read->sources) {
    const Source* original = find_by_id(batch.sources, source.id);
    ASSERT_NE(original, nullptr) << source.id.str();
    EXPECT_TRUE(source == *original) << source.id.str();
  }
  EXPECT_EQ(read->claim_locations[2], "claims.geojson:/features/2/properties");
  EXPECT_EQ(read->document_locations[0], "claims.geojson:/features/0/properties/document");
  EXPECT_EQ(read->source_locations[0], "claims.geojson:/features/0/properties/source");
}

TEST(GeoJson, TheTimeBasisActorsAndAgreementsTravelWithTheClaimAndItsDocument) {
  IntakeBatch batch = read_report_fixture("serial/json/every-member.report.json");
  ASSERT_FALSE(batch.claims[0].actors.empty());
  ASSERT_FALSE(batch.claims[0].agreements.empty());
  ASSERT_FALSE(batch.documents[0].agreement_references.empty());
  std::string text = write_claims_geojson(batch);
  // Properties in the order of the JSON report's claim members.
  std::size_t properties = text.find(R"("properties": {)");
  ASSERT_NE(properties, std::string::npos);
  std::size_t time_basis = text.find(R"("time_basis": {)", properties);
  std::size_t actors = text.find(R"("actors": [)", properties);
  std::size_t agreements = text.find(R"("agreements": [)", properties);
  EXPECT_LT(time_basis, actors);
  EXPECT_LT(actors, agreements);
  EXPECT_NE(text.find(R"("agreement_references": [)"), std::string::npos);
  Result<IntakeBatch> read = read_claims_geojson(text, "claims.geojson");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->claims[0].time_basis, batch.claims[0].time_basis);
  EXPECT_EQ(read->claims[0].actors, batch.claims[0].actors);
  EXPECT_EQ(read->claims[0].agreements, batch.claims[0].agreements);
  const Document* statement = find_by_id(read->documents, batch.documents[0].id);
  ASSERT_NE(statement, nullptr);
  EXPECT_EQ(statement->agreement_references, batch.documents[0].agreement_references);
}

TEST(GeoJson, WritingWhatWasReadGivesTheSameText) {
  IntakeBatch batch = read_report_fixture("serial/json/every-member.report.json");
  // A GeoJSON file carries no text, so no provenance quotes: start from that.
  for (Document& document : batch.documents) {
    document.text.clear();
  }
  std::string first = write_claims_geojson(batch);
  Result<IntakeBatch> read = read_claims_geojson(first, "claims.geojson");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(write_claims_geojson(*read), first);
}

TEST(GeoJson, TheGeometryIsTheFeatureGeometryAndNullWithoutOne) {
  IntakeBatch batch = read_report_fixture("serial/json/every-member.report.json");
  std::string text = write_claims_geojson(batch);
  EXPECT_NE(text.find(R"("coordinates": [45.123456789012344, 40.987654321098766])"),
            std::string::npos)
      << text;
  batch.claims[3].place.reset();
  text = write_claims_geojson(batch);
  EXPECT_NE(text.find(R"("geometry": null,)"), std::string::npos);
}

TEST(GeoJson, TheKilisaliClaimsMatchTheGoldenFile) {
  IntakeBatch batch = read_report_fixture("serial/json/kilisali.report.json");
  expect_golden(write_claims_geojson(batch), "serial/geojson/kilisali.geojson");
  Result<IntakeBatch> read =
      read_claims_geojson(read_test_data("serial/geojson/kilisali.geojson"), "k.geojson");
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->claims.size(), batch.claims.size());
  for (std::size_t i = 0; i < batch.claims.size(); ++i) {
    EXPECT_TRUE(read->claims[i] == batch.claims[i]) << "claim " << i;
  }
  // One document, repeated in four features, read once.
  EXPECT_EQ(read->documents.size(), 1u);
  EXPECT_EQ(read->documents[0].id, DocumentId("key:sputnik-2021-11-21"));
  EXPECT_TRUE(read->documents[0].text.empty());
}

TEST(GeoJson, TheHandWrittenPatrolFixtureReads) {
  Result<IntakeBatch> read =
      read_claims_geojson(read_test_data("serial/geojson/patrols.geojson"), "patrols.geojson");
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->claims.size(), 4u);
  EXPECT_EQ(read->sources.size(), 1u);
  ASSERT_EQ(read->documents.size(), 1u) << "the same document in two features is one document";
  EXPECT_EQ(read->document_locations[0], "patrols.geojson:/features/0/properties/document");
  const Claim& shelling = read->claims[0];
  EXPECT_EQ(shelling.id, ClaimId("clm_0000000000000000000a"));
  ASSERT_TRUE(shelling.place && shelling.place->geometry);
  EXPECT_EQ(shelling.place->geometry->type, GeometryType::kPolygon);
  EXPECT_EQ(shelling.casualties[0].count, at_least(2));
  // "Between 08:00 and 09:30" starts the text; "12-15 explosions" at code point 41.
  EXPECT_EQ(shelling.provenance[0].spans, (std::vector<TextSpan>{{0, 23}}));
  EXPECT_EQ(shelling.provenance[1].spans, (std::vector<TextSpan>{{41, 57}}));
  EXPECT_EQ(read->claims[1].place->geometry->type, GeometryType::kPoint);
  EXPECT_EQ(read->claims[1].document, DocumentId("key:patrol-2021-11-17"));
  EXPECT_EQ(read->claims[2].place->geometry->type, GeometryType::kLineString);
  EXPECT_FALSE(read->claims[3].place->geometry.has_value());
  EXPECT_EQ(read->claims[3].document, DocumentId("doc_00000000000000000042"));
}

TEST(GeoJson, APlainFeatureCollectionWithoutOurHeaderReads) {
  std::string text = R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5, 50.4]},
     "properties": {"document": "doc_00000000000000000001",
                    "claimant": {"id": "x", "name": "X"}, "event_type": "shelling",
                    "time": {"start": "2022-02-17", "precision": "day"},
                    "place": {"precision": 1}, "credibility": 6}}]})";
  Result<IntakeBatch> read = read_claims_geojson(text, "plain.geojson");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->claims[0].place->geometry, make_point(30.5, 50.4));
  EXPECT_TRUE(read->documents.empty());
}

// A small valid collection; each bad-input case replaces one unique piece of it.
constexpr std::string_view kBase = R"({
  "type": "FeatureCollection",
  "format": "truce-claims",
  "version": 1,
  "features": [
    {
      "type": "Feature",
      "id": "clm_00000000000000000001",
      "geometry": {"type": "Polygon", "coordinates": [[[45.0, 40.0], [45.1, 40.0], [45.1, 40.1], [45.0, 40.0]]]},
      "properties": {
        "document": {"id": "doc_00000000000000000001", "source": "osce-smm", "kind": "patrol_report",
                     "title": "Daily report"},
        "source": {"id": "osce-smm", "name": "Special Monitoring Mission", "reliability": "A",
                   "affiliation": {"kind": "mission", "actor": {"id": "osce", "name": "OSCE"}}},
        "claimant": {"id": "osce", "name": "OSCE"},
        "event_type": "shelling",
        "time": {"start": "2021-11-17T08:00", "end": "2021-11-17T09:30", "precision": "minute"},
        "place": {"name": "Post 7", "precision": 1},
        "casualties": [{"side": {"kind": "civilians"}, "status": "wounded", "min": 2, "max": null}],
        "explosions": {"min": 12, "max": 15},
        "credibility": 1,
        "provenance": {"explosions": [[40, 52]]}
      }
    },
    {
      "type": "Feature",
      "geometry": {"type": "Point", "coordinates": [45.05, 40.05]},
      "properties": {
        "document": {"id": "doc_00000000000000000001", "source": "osce-smm", "kind": "patrol_report",
                     "title": "Daily report"},
        "claimant": {"id": "osce", "name": "OSCE"},
        "event_type": "sniper_fire",
        "time": {"start": "2021-11-17", "precision": "day"},
        "place": {"precision": 2},
        "credibility": 2
      }
    }
  ]
})";

TEST(GeoJson, TheBaseOfTheBadInputCasesIsValid) {
  Result<IntakeBatch> read = read_claims_geojson(kBase, "claims.geojson");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->claims.size(), 2u);
  EXPECT_EQ(read->documents.size(), 1u);
}

class GeoJsonBadInput : public ::testing::TestWithParam<test::BadInput> {};

TEST_P(GeoJsonBadInput, IsRejectedNamingThePointerAndField) {
  test::expect_rejected(GetParam(), kBase, [](std::string_view text) {
    return read_claims_geojson(text, "claims.geojson");
  });
}

constexpr test::BadInput kBadInputs[] = {
    {"UnknownStatus", R"("status": "wounded")", R"("status": "hurt")",
     "claims.geojson:/features/0/properties/casualties/0/status: field 'status': \"hurt\" is not "
     "one of: killed, wounded, captured, missing"},
    {"NegativeCount", R"("min": 2)", R"("min": -1)",
     "claims.geojson:/features/0/properties/casualties/0/min: field 'min': -1 is negative"},
    {"MaxBelowMin", R"("max": 15)", R"("max": 11)",
     "claims.geojson:/features/0/properties/explosions/max: field 'max': 11 is smaller than min "
     "(12)"},
    {"Longitude181", "[45.05, 40.05]", "[181, 40.05]",
     "claims.geojson:/features/1/geometry/coordinates/0: field 'coordinates/0': longitude 181 is "
     "outside [-180, 180]"},
    {"LatitudeMinus91", "[45.05, 40.05]", "[45.05, -91]",
     "claims.geojson:/features/1/geometry/coordinates/1: field 'coordinates/1': latitude -91 is "
     "outside [-90, 90]"},
    {"RingNotClosed", "[45.1, 40.1], [45.0, 40.0]]]", "[45.1, 40.1], [45.0, 40.1]]]",
     "claims.geojson:/features/0/geometry: field 'geometry': ring 0 is not closed"},
    {"RingCoordinateOutOfRange", "[45.1, 40.1], [45.0, 40.0]]]", "[45.1, 90.5], [45.0, 40.0]]]",
     "claims.geojson:/features/0/geometry/coordinates/0/2/1: field 'coordinates/0/2/1': latitude "
     "90.5 is outside [-90, 90]"},
    {"NotAFeatureCollection", R"("type": "FeatureCollection")", R"("type": "Feature")",
     R"(claims.geojson:/type: field 'type': is "Feature"; expected "FeatureCollection")"},
    {"NotAFeature", R"("type": "Feature",
      "geometry": {"type": "Point")",
     R"("type": "Point",
      "geometry": {"type": "Point")",
     R"(claims.geojson:/features/1/type: field 'type': is "Point"; expected "Feature")"},
    {"GeometryWithoutPlace", R"("place": {"precision": 2},)", "",
     "claims.geojson:/features/1/properties: field 'place': is missing; a feature with a geometry "
     "needs a place"},
    {"GeometryInsidePlace", R"("place": {"precision": 2},)",
     R"("place": {"precision": 2, "geometry": null},)",
     "claims.geojson:/features/1/properties/place/geometry: field 'geometry': unknown member"},
    {"MissingGeometryMember", R"("geometry": {"type": "Point", "coordinates": [45.05, 40.05]},)",
     "", "claims.geojson:/features/1: field 'geometry': is missing (required)"},
    {"ConflictingDocuments", R"("title": "Daily report"},
        "claimant": {"id": "osce", "name": "OSCE"},
        "event_type": "sniper_fire")",
     R"("title": "Daily report, corrected"},
        "claimant": {"id": "osce", "name": "OSCE"},
        "event_type": "sniper_fire")",
     "claims.geojson:/features/1/properties/document/id: field 'id': the document id "
     "\"doc_00000000000000000001\" differs from the one given at /features/0/properties/document"},
    {"SourceOfAnotherDocument", R"({"id": "osce-smm", "name")", R"({"id": "osce", "name")",
     "claims.geojson:/features/0/properties/source/id: field 'id': is \"osce\" but the document's "
     "source is \"osce-smm\""},
    {"UnknownProperty", R"("credibility": 2)", R"("credibility": 2, "severity": "high")",
     "claims.geojson:/features/1/properties/severity: field 'severity': unknown member"},
    {"ClaimIdInProperties", R"("credibility": 2)",
     R"("credibility": 2, "id": "clm_00000000000000000002")",
     "claims.geojson:/features/1/properties/id: field 'id': unknown member"},
    {"MalformedFeatureId", R"("clm_00000000000000000001")", R"("claim-1")",
     "claims.geojson:/features/0/id: field 'id': \"claim-1\" is not a claim id"},
    {"Credibility7", R"("credibility": 2)", R"("credibility": 7)",
     "claims.geojson:/features/1/properties/credibility: field 'credibility': 7 is not a "
     "credibility grade 1-6"},
    {"ReliabilityG", R"("reliability": "A")", R"("reliability": "G")",
     "claims.geojson:/features/0/properties/source/reliability: field 'reliability': \"G\" is not "
     "one of: A, B, C, D, E, F"},
    {"QuoteWithoutTheText", R"({"explosions": [[40, 52]]})", R"({"explosions": "12 explosions"})",
     "claims.geojson:/features/0/properties/provenance/explosions: field 'explosions': a quote "
     "needs the text of document \"doc_00000000000000000001\" in this file"},
    {"UnknownDocumentKey", R"("properties": {
        "document": {"id": "doc_00000000000000000001", "source": "osce-smm", "kind": "patrol_report",
                     "title": "Daily report"},
        "claimant")",
     R"("properties": {
        "document": "patrol-7",
        "claimant")",
     "claims.geojson:/features/1/properties/document: field 'document': \"patrol-7\" is not the "
     "key of a document in this file"},
    {"NewerVersion", R"("version": 1)", R"("version": 2)",
     "claims.geojson:/version: field 'version': version 2 is not supported"},
    {"WrongFormat", R"("format": "truce-claims")", R"("format": "truce-report")",
     R"(claims.geojson:/format: field 'format': is "truce-report"; expected "truce-claims")"},
    {"PropertiesNull", R"("properties": {
        "document": {"id": "doc_00000000000000000001", "source": "osce-smm", "kind": "patrol_report",
                     "title": "Daily report"},
        "claimant")",
     R"("properties": null, "x": {
        "claimant")",
     "claims.geojson:/features/1/properties: field 'properties': must be an object holding the "
     "claim"},
};

INSTANTIATE_TEST_SUITE_P(EveryKind, GeoJsonBadInput, ::testing::ValuesIn(kBadInputs),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(GeoJson, SyntaxErrorsNameLineAndColumn) {
  std::string text(kBase);
  std::string find = R"("credibility": 2)";
  text.replace(text.find(find), find.size(), R"("credibility": 2,)");
  Result<IntakeBatch> read = read_claims_geojson(text, "claims.geojson");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message.rfind("claims.geojson:36:7: syntax error", 0), 0u)
      << read.error().message;
}

TEST(GeoJson, ClaimsNamingADocumentWithErrorsAddNoErrorsOfTheirOwn) {
  std::string text(kBase);
  for (std::size_t at = text.find(R"("kind": "patrol_report")"); at != std::string::npos;
       at = text.find(R"("kind": "patrol_report")", at)) {
    text.replace(at, 23, R"("kind": "patrol")");
  }
  Result<IntakeBatch> read = read_claims_geojson(text, "claims.geojson");
  ASSERT_FALSE(read);
  // One error per copy of the document, none for the claims that name it.
  EXPECT_EQ(read.error().message,
            "claims.geojson:/features/0/properties/document/kind: field 'kind': \"patrol\" is not "
            "one of: article, statement, patrol_report, form, report, other\n"
            "claims.geojson:/features/1/properties/document/kind: field 'kind': \"patrol\" is not "
            "one of: article, statement, patrol_report, form, report, other");
}

TEST(GeoJson, QuotesWorkWhenTheEmbeddedDocumentCarriesText) {
  std::string text(kBase);
  std::string find = R"("title": "Daily report"},
        "source")";
  text.replace(text.find(find), find.size(), R"("title": "Daily report",
                     "text": "The patrol heard 12 explosions."},
        "source")");
  // The second feature embeds the same document without text: that differs.
  std::string second =
      R"("document": {"id": "doc_00000000000000000001", "source": "osce-smm", "kind": "patrol_report",
                     "title": "Daily report"},
        "claimant": {"id": "osce", "name": "OSCE"},
        "event_type": "sniper_fire")";
  text.replace(text.find(second), second.size(), R"("document": "doc_00000000000000000001",
        "claimant": {"id": "osce", "name": "OSCE"},
        "event_type": "sniper_fire")");
  std::string spans = R"({"explosions": [[40, 52]]})";
  text.replace(text.find(spans), spans.size(), R"({"explosions": "12 explosions"})");
  Result<IntakeBatch> read = read_claims_geojson(text, "claims.geojson");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->claims[0].provenance[0].spans, (std::vector<TextSpan>{{17, 30}}));
}

}  // namespace
}  // namespace truce::serial
