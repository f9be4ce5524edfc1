#include "core/validation.hpp"

#include <gtest/gtest.h>

#include "core/document.hpp"

namespace truce {
namespace {

Claim valid_claim() {
  Claim claim;
  claim.document = DocumentId("doc_00000000000000000000");
  claim.claimant = {"am-mod", "Ministry of Defence of Armenia"};
  claim.event_type = EventType::kAttack;
  claim.time = {*parse_civil_time("2021-11-16"), *parse_civil_time("2021-11-16"),
                TimePrecision::kDay, "Asia/Yerevan"};
  claim.place = Place{"Kilisali", make_point(46.1, 39.4), LocationPrecision::kNear, "AM", ""};
  claim.perpetrator = ActorRef{"azerbaijan", "Azerbaijan"};
  claim.casualties.push_back({Side{SideKind::kCombatants, ActorRef{"armenia", "Armenia"}},
                              CasualtyStatus::kKilled, exactly(1)});
  claim.credibility = Credibility{3};
  claim.provenance.push_back({"casualties/0", {{10, 20}}});
  return claim;
}

std::string fields_of(const std::vector<FieldProblem>& problems) {
  std::string fields;
  for (const auto& problem : problems) {
    fields += problem.field + ";";
  }
  return fields;
}

TEST(CheckClaim, AcceptsAValidClaim) {
  EXPECT_EQ(fields_of(check_claim(valid_claim(), 100)), "");
}

TEST(CheckClaim, RejectsNegativeCountsAndReversedRanges) {
  Claim claim = valid_claim();
  claim.casualties[0].count = CountRange{-1, std::nullopt};
  claim.violations = CountRange{5, 3};
  EXPECT_EQ(fields_of(check_claim(claim, 100)), "casualties/0/min;violations/max;");
}

TEST(CheckClaim, RejectsAnIntervalEndingBeforeItStarts) {
  Claim claim = valid_claim();
  claim.time.end = *parse_civil_time("2021-11-15");
  auto problems = check_claim(claim, 100);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].field, "time/end");
  EXPECT_NE(problems[0].message.find("before the start"), std::string::npos);
}

TEST(CheckClaim, RejectsOutOfRangeGradesCoordinatesAndIds) {
  Claim claim = valid_claim();
  claim.credibility = Credibility{7};
  claim.place->geometry = make_point(181, 0);
  claim.claimant.id = "Bad Id";
  EXPECT_EQ(fields_of(check_claim(claim, 100)), "claimant/id;place/geometry;credibility;");
}

TEST(CheckClaim, RequiresAPartyForCombatants) {
  Claim claim = valid_claim();
  claim.casualties[0].side.party.reset();
  EXPECT_EQ(fields_of(check_claim(claim, 100)), "casualties/0/side/party;");
}

TEST(CheckClaim, ChecksProvenanceFieldsAndSpans) {
  Claim claim = valid_claim();
  claim.provenance = {{"casualties/1", {{0, 5}}}, {"time", {{5, 5}}}, {"claimant", {{90, 101}}}};
  EXPECT_EQ(fields_of(check_claim(claim, 100)),
            "provenance/casualties/1;provenance/time;provenance/claimant;");
  EXPECT_EQ(fields_of(check_claim(claim, std::nullopt)),
            "provenance/casualties/1;provenance/time;");
}

TEST(CanonicalForm, DiffersWhenAnyAssertedValueDiffers) {
  Claim a = valid_claim();
  Claim b = valid_claim();
  EXPECT_EQ(canonical_form(a), canonical_form(b));
  b.casualties[0].count = at_least(1);
  EXPECT_NE(canonical_form(a), canonical_form(b));
  b = valid_claim();
  b.place->geometry = make_point(46.1, 39.400000000000006);
  EXPECT_NE(canonical_form(a), canonical_form(b));
  b = valid_claim();
  b.summary = "x\nclaimant=y";
  Claim c = valid_claim();
  c.summary = "x";
  EXPECT_NE(canonical_form(b), canonical_form(c));
}

TEST(CodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(code_point_count("abc"), 3U);
  EXPECT_EQ(code_point_count("قتل"), 3U);
  EXPECT_EQ(code_point_count("پاکستان"), 7U);
}

TEST(CodePoints, SlicesByCodePointOffsets) {
  std::string_view text = "قتل جندي";
  EXPECT_EQ(code_point_slice(text, 4, 8), "جندي");
  EXPECT_EQ(code_point_slice(text, 0, 3), "قتل");
  EXPECT_EQ(code_point_slice(text, 6, 100), "دي");
  EXPECT_EQ(code_point_slice(text, 3, 3), "");
  EXPECT_EQ(byte_offset_of_code_point(text, 4), 7U);
}

TEST(CheckSource, RequiresAnActorForPartyAffiliation) {
  Source source{SourceId("am-mod"), "MoD", Reliability::kB, {AffiliationKind::kParty, {}}, ""};
  EXPECT_EQ(fields_of(check_source(source)), "affiliation/actor;");
}

}  // namespace
}  // namespace truce
