// Records for storage tests, built in code: a rich claim with every optional
// field set, and small helpers for batches of point claims.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "core/batch.hpp"
#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/source.hpp"

namespace truce::storage::test {

inline CivilTime civil(int year, unsigned month, unsigned day, std::optional<int> seconds = {}) {
  CivilTime time;
  time.date = std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                          std::chrono::day{day}};
  if (seconds) {
    time.time_of_day = std::chrono::seconds{*seconds};
  }
  return time;
}

inline TimeInterval on_day(int year, unsigned month, unsigned day) {
  return TimeInterval{civil(year, month, day), civil(year, month, day), TimePrecision::kDay, {}};
}

inline ActorRef actor(std::string id, std::string name) {
  return ActorRef{std::move(id), std::move(name)};
}

inline Source ministry_source(std::string id = "am-mod") {
  Source source;
  source.id = SourceId(std::move(id));
  source.name = "Ministry of Defence of Armenia";
  source.reliability = Reliability::kC;
  source.affiliation = Affiliation{AffiliationKind::kParty, actor("armenia", "Armenia")};
  source.url = "https://mil.am";
  return source;
}

inline Source neutral_source(std::string id = "sputnik") {
  Source source;
  source.id = SourceId(std::move(id));
  source.name = "Sputnik Arabic";
  source.reliability = Reliability::kD;
  source.affiliation = Affiliation{AffiliationKind::kNeutral, std::nullopt};
  return source;
}

inline Document article(std::string id, const SourceId& source) {
  Document document;
  document.id = DocumentId(std::move(id));
  document.source = source;
  document.kind = DocumentKind::kArticle;
  document.title = "اشتباكات على الحدود بين أرمينيا وأذربيجان";
  document.language = "ar";
  document.published = civil(2021, 11, 16, 14 * 3600 + 5 * 60 + 9);
  document.url = "https://example.org/ar/2021/11/16";
  document.origin = {"urdupoint", "sputnik"};
  document.external_ref = "SPK-2021-11-16-017";
  document.text = "أعلنت وزارة الدفاع الأرمينية مقتل جندي وأسر 13 آخرين.\nQuote: \"7 killed\".";
  document.content_hash = std::string(64, 'a');
  document.agreement_references = {
      AgreementReference{"البيان الثلاثي", {civil(2020, 11, 10)}, "", {{0, 5}, {6, 11}}},
      AgreementReference{"Protocol No 2", {}, "protocol-2", {}},
  };
  return document;
}

// Every optional field set, lists with several items, open-ended ranges, a
// polygon with a hole, doubles that do not survive a round trip through text
// with few digits, a date-time with seconds in an agreement reference.
inline Claim rich_claim(std::string id, const DocumentId& document) {
  Claim claim;
  claim.id = ClaimId(std::move(id));
  claim.document = document;
  claim.claimant = actor("armenia", "Armenia");
  claim.event_type = EventType::kAttack;
  claim.time = TimeInterval{civil(2021, 11, 16, 6 * 3600 + 30 * 60),
                            civil(2021, 11, 16, 18 * 3600 + 15 * 60 + 42), TimePrecision::kMinute,
                            "Asia/Yerevan"};
  claim.time_basis = TimeBasis{DateBasis::kRelative, true, "'yesterday' before 2021-11-17"};
  Geometry polygon;
  polygon.type = GeometryType::kPolygon;
  auto p = [](double lon, double lat) { return GeoPoint{Longitude{lon}, Latitude{lat}}; };
  polygon.parts = {
      {p(45.1, 39.9), p(45.60000000000001, 39.9), p(45.6, 40.300000000000004), p(45.1, 40.3),
       p(45.1, 39.9)},
      {p(45.2, 40.0), p(45.3, 40.0), p(45.3, 40.1), p(45.2, 40.0)},
  };
  claim.place = Place{"near Mount Kilisali", polygon, LocationPrecision::kNear, "AM", "Syunik"};
  claim.perpetrator = actor("azerbaijan", "Azerbaijan");
  claim.target = actor("armenia", "Armenia");
  claim.actors = {{actor("russia", "Russia"), ActorRole::kMediator},
                  {actor("azerbaijan", "Azerbaijan"), ActorRole::kParticipant},
                  {actor("armenia", "Armenia"), ActorRole::kParticipant}};
  claim.casualties = {
      {Side{SideKind::kCombatants, actor("armenia", "Armenia")}, CasualtyStatus::kKilled,
       CountRange{1, 1}},
      {Side{SideKind::kCombatants, actor("armenia", "Armenia")}, CasualtyStatus::kCaptured,
       CountRange{13, std::nullopt}},
      {Side{SideKind::kCombatants, actor("armenia", "Armenia")}, CasualtyStatus::kMissing,
       CountRange{20, 24}},
      {Side{SideKind::kCivilians, std::nullopt}, CasualtyStatus::kWounded, CountRange{0, 0}},
      {Side{SideKind::kCivilians, actor("azerbaijan", "Azerbaijan")}, CasualtyStatus::kWounded,
       CountRange{3000000000LL, std::nullopt}},
      {Side{SideKind::kUnknown, std::nullopt}, CasualtyStatus::kKilled, CountRange{0, 0}},
  };
  claim.weapons = {{WeaponClass::kArtillery, "122-mm"}, {WeaponClass::kDrone, ""}};
  claim.violations = CountRange{5, std::nullopt};
  claim.explosions = CountRange{12, 12};
  claim.assets = {
      AssetChange{AssetKind::kPosition, AssetOutcome::kLost, CountRange{2, 2},
                  actor("armenia", "Armenia"), actor("azerbaijan-forces", "Azerbaijani forces"),
                  "two military positions"},
      AssetChange{AssetKind::kVehicle, AssetOutcome::kDestroyed, std::nullopt, std::nullopt,
                  std::nullopt, ""},
  };
  claim.agreements = {
      AgreementReference{"the trilateral statement of 10 November 2020",
                         {civil(2020, 11, 10), civil(2020, 11, 9, 23 * 3600 + 30 * 60 + 5)},
                         "trilateral-2020-11-10",
                         {{46, 60}, {61, 70}}},
      AgreementReference{"the ceasefire", {}, "", {}},
  };
  claim.credibility = Credibility{2};
  claim.summary = "Yerevan: attack near Kilisali; 1 killed, 13 captured, 24 missing";
  claim.provenance = {
      {"claimant", {{0, 27}}},
      {"casualties/0", {{28, 40}, {41, 45}}},
      {"summary", {}},
  };
  return claim;
}

// A claim with nothing optional set.
inline Claim bare_claim(std::string id, const DocumentId& document) {
  Claim claim;
  claim.id = ClaimId(std::move(id));
  claim.document = document;
  claim.claimant = actor("azerbaijan", "Azerbaijan");
  claim.event_type = EventType::kCeasefireViolation;
  claim.time = on_day(2021, 11, 16);
  return claim;
}

inline Claim point_claim(std::string id, const DocumentId& document, double lon, double lat,
                         TimeInterval time) {
  Claim claim = bare_claim(std::move(id), document);
  claim.time = std::move(time);
  claim.place = Place{"", make_point(lon, lat), LocationPrecision::kExact, "", ""};
  return claim;
}

// One source, one document, the given claims.
inline IntakeBatch batch_of(std::vector<Claim> claims) {
  IntakeBatch batch;
  batch.origin = "test";
  batch.sources = {ministry_source()};
  batch.documents = {article("doc_1", batch.sources[0].id)};
  for (auto& claim : claims) {
    claim.document = batch.documents[0].id;
  }
  batch.claims = std::move(claims);
  return batch;
}

}  // namespace truce::storage::test
