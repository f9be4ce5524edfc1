#include "core/validation.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

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

TEST(CheckClaim, AnUnknownSideHasNoParty) {
  Claim claim = valid_claim();
  claim.casualties[0].side.kind = SideKind::kUnknown;
  EXPECT_EQ(fields_of(check_claim(claim, 100)), "casualties/0/side/party;");
  claim.casualties[0].side.party.reset();
  EXPECT_EQ(fields_of(check_claim(claim, 100)), "");
  EXPECT_EQ(claim.casualties[0].side.id(), "unknown");
  EXPECT_EQ(claim.casualties[0].side.name(), "side not stated");
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

// A text of several strides of the index, in one- to four-byte code points.
std::string mixed_text() {
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += i % 4 == 0 ? "قتل " : i % 4 == 1 ? "ёлка " : i % 4 == 2 ? "a1 " : "\U0001F30D ";
  }
  return text;
}

TEST(CodePointIndex, FindsEveryCodePointAsAWalkFromTheStartDoes) {
  const std::string text = mixed_text();
  const CodePointIndex index(text);
  ASSERT_EQ(index.size(), code_point_count(text));
  ASSERT_GT(index.size(), 200U);  // several strides of marks
  for (std::size_t i = 0; i <= index.size() + 2; ++i) {
    ASSERT_EQ(index.byte_offset(i), byte_offset_of_code_point(text, i)) << i;
    ASSERT_EQ(index.slice(i, i + 7), code_point_slice(text, i, i + 7)) << i;
  }
  EXPECT_EQ(index.slice(9, 9), "");
  EXPECT_EQ(index.slice(9, 3), "");
}

TEST(CodePointIndex, HasNothingInAnEmptyText) {
  const CodePointIndex index(std::string_view{});
  EXPECT_EQ(index.size(), 0U);
  EXPECT_EQ(index.byte_offset(0), 0U);
  EXPECT_EQ(index.slice(0, 5), "");
}

// --- time basis, actors with roles, agreement references --------------------

AgreementReference trilateral_statement() {
  AgreementReference reference;
  reference.name = "the trilateral statement of 10 November";
  reference.dates = {*parse_civil_time("2020-11-10")};
  reference.spans = {{30, 70}};
  return reference;
}

Claim claim_with_context() {
  Claim claim = valid_claim();
  claim.time_basis = {DateBasis::kRelative, true, "'last Tuesday' before 2021-11-21 (publication)"};
  claim.actors = {{ActorRef{"russia", "Russia"}, ActorRole::kMediator},
                  {ActorRef{"armenia", "Armenia"}, ActorRole::kParticipant},
                  {ActorRef{"russia", "Russia"}, ActorRole::kParticipant}};
  claim.agreements = {trilateral_statement()};
  claim.provenance.push_back({"actors/0", {{40, 46}}});
  return claim;
}

TEST(CheckClaim, AcceptsATimeBasisActorsWithRolesAndAgreementReferences) {
  EXPECT_EQ(fields_of(check_claim(claim_with_context(), 100)), "");
}

TEST(CheckClaim, ChecksActorsAndRefusesTheSameActorTwiceInOneRole) {
  Claim claim = claim_with_context();
  claim.actors[1].actor.id = "Armenia";
  claim.actors[1].actor.name.clear();
  claim.actors.push_back({ActorRef{"russia", "Russia"}, ActorRole::kMediator});
  auto problems = check_claim(claim, 100);
  EXPECT_EQ(fields_of(problems), "actors/1/id;actors/1/name;actors/3;");
  EXPECT_EQ(problems.back().message, "\"russia\" as mediator is already actors/0");
}

TEST(CheckClaim, ChecksAgreementNamesDatesRegistryIdsAndSpans) {
  Claim claim = claim_with_context();
  AgreementReference& reference = claim.agreements[0];
  reference.name.clear();
  CivilTime impossible;
  impossible.date = std::chrono::year{2021} / 2 / 30;
  reference.dates.push_back(impossible);
  reference.registry_id = "Not A Slug";
  reference.spans = {{5, 5}, {90, 120}};
  EXPECT_EQ(fields_of(check_claim(claim, 100)),
            "agreements/0/name;agreements/0/dates/1;agreements/0/registry_id;"
            "agreements/0/spans/0;agreements/0/spans/1;");
  // Without the document's text only the empty span is known to be wrong.
  EXPECT_EQ(fields_of(check_claim(claim, std::nullopt)),
            "agreements/0/name;agreements/0/dates/1;agreements/0/registry_id;"
            "agreements/0/spans/0;");
}

TEST(CheckClaim, AResolvedAgreementNamesItsRegistryEntryBySlug) {
  Claim claim = claim_with_context();
  claim.agreements[0].registry_id = "2020-11-10-trilateral-statement";
  EXPECT_EQ(fields_of(check_claim(claim, 100)), "");
}

TEST(CheckClaim, LimitsTheLengthOfTheTimeBasisWording) {
  Claim claim = claim_with_context();
  claim.time_basis.wording = std::string(1001, 'x');
  EXPECT_EQ(fields_of(check_claim(claim, 100)), "time_basis/wording;");
}

TEST(CheckClaim, ActorsAreProvenanceFieldsByIndex) {
  Claim claim = claim_with_context();
  EXPECT_TRUE(is_provenance_field(claim, "actors/2"));
  EXPECT_FALSE(is_provenance_field(claim, "actors/3"));
  EXPECT_FALSE(is_provenance_field(claim, "actors"));
  claim.provenance.push_back({"actors/3", {{1, 2}}});
  EXPECT_EQ(fields_of(check_claim(claim, 100)), "provenance/actors/3;");
}

TEST(CheckDocument, ChecksAgreementReferencesAgainstItsOwnText) {
  Document document;
  document.source = SourceId("wire");
  document.text = "The sides recalled the statement of 10 November.";  // 48 code points
  document.agreement_references = {trilateral_statement(), trilateral_statement()};
  document.agreement_references[0].spans = {{22, 47}};
  EXPECT_EQ(fields_of(check_document(document)), "agreement_references/1/spans/0;");
  document.text.clear();  // a document without text: spans cannot be checked against it
  EXPECT_EQ(fields_of(check_document(document)), "");
  document.agreement_references[1].name.clear();
  EXPECT_EQ(fields_of(check_document(document)), "agreement_references/1/name;");
}

// The canonical form of a claim that uses none of the members added for the
// extractor, spelled out: claim ids stored before them must not change.
TEST(CanonicalForm, OfAClaimWithoutTheLaterMembersIsAsItWas) {
  EXPECT_EQ(canonical_form(valid_claim()),
            "document=doc_00000000000000000000\n"
            "claimant=am-mod|Ministry of Defence of Armenia\n"
            "event_type=attack\n"
            "time=2021-11-16/2021-11-16/day/Asia/Yerevan\n"
            "place=Kilisali|2|AM|\n"
            "geometry=Point\n"
            "part=1\n"
            "lon=46.100000000000001\n"
            "lat=39.399999999999999\n"
            "perpetrator=azerbaijan|Azerbaijan\n"
            "casualty=combatants|killed\n"
            "side=armenia|Armenia\n"
            "count=1..1\n"
            "credibility=3\n"
            "summary=\n"
            "provenance=casualties/0|10-20;\n");
}

TEST(CanonicalForm, EachLaterMemberEntersOnlyWhenSet) {
  const std::string plain = canonical_form(valid_claim());
  std::vector<Claim> variants(7, valid_claim());
  variants[0].time_basis.basis = DateBasis::kStated;
  variants[1].time_basis.from_context = true;
  variants[2].time_basis.wording = "date of the statement";
  variants[3].actors = {{ActorRef{"russia", "Russia"}, ActorRole::kMediator}};
  variants[4].actors = {{ActorRef{"russia", "Russia"}, ActorRole::kParticipant}};
  variants[5].agreements = {trilateral_statement()};
  variants[6].agreements = {trilateral_statement()};
  variants[6].agreements[0].registry_id = "trilateral-2020";
  std::vector<std::string> forms{plain};
  for (const Claim& variant : variants) {
    std::string form = canonical_form(variant);
    for (const std::string& other : forms) {
      EXPECT_NE(form, other);
    }
    forms.push_back(form);
  }
  Claim spans_differ = variants[5];
  spans_differ.agreements[0].spans[0].end = 71;
  EXPECT_NE(canonical_form(spans_differ), forms[6]);
  Claim dates_differ = variants[5];
  dates_differ.agreements[0].dates.clear();
  EXPECT_NE(canonical_form(dates_differ), forms[6]);
}

TEST(CheckSource, RequiresAnActorForPartyAffiliation) {
  Source source{SourceId("am-mod"), "MoD", Reliability::kB, {AffiliationKind::kParty, {}}, ""};
  EXPECT_EQ(fields_of(check_source(source)), "affiliation/actor;");
}

}  // namespace
}  // namespace truce

namespace truce {
namespace {

TEST(SlugFromName, LowerCasesAndJoinsWordsWithHyphens) {
  EXPECT_EQ(slug_from_name("Pakistan Point News"), "pakistan-point-news");
  EXPECT_EQ(slug_from_name("  RIA Novosti (Russian) "), "ria-novosti-russian");
  EXPECT_EQ(slug_from_name("وكالة"), "");
  EXPECT_TRUE(is_valid_slug(slug_from_name("Armenpress / Арменпресс")));
}

TEST(SlugFromName, CutsLongNamesAtAWordWithinSixtyFourCharacters) {
  const std::string slug = slug_from_name(
      "Ministry of Foreign Affairs of Azerbaijan (website of the Embassy in Belgrade)");
  EXPECT_LE(slug.size(), 64U);
  EXPECT_TRUE(is_valid_slug(slug));
  EXPECT_EQ(slug, "ministry-of-foreign-affairs-of-azerbaijan-website-of-the-embassy");
}

// A name with no ASCII letter or digit ("صحيفة الأيام" in an envelope, "=" in
// a broken page) still names an outlet whose claims need a valid id.
TEST(SlugFromPublisher, GivesANameWithoutLatinLettersAnIdOfItsOwn) {
  const std::string arabic = slug_from_publisher("صحيفة الأيام");
  EXPECT_TRUE(is_valid_slug(arabic)) << arabic;
  EXPECT_EQ(arabic.rfind("outlet-", 0), 0U) << arabic;
  EXPECT_EQ(slug_from_publisher("صحيفة الأيام"), arabic);
  EXPECT_NE(slug_from_publisher("صحيفة الوطن"), arabic);
  EXPECT_TRUE(is_valid_slug(slug_from_publisher("=")));
  EXPECT_EQ(slug_from_publisher(""), "");
}

TEST(SlugFromPublisher, LeavesOutTheSiteAndTheDescription) {
  EXPECT_EQ(slug_from_publisher("Syria TV (syria.tv)"), "syria-tv");
  EXPECT_EQ(slug_from_publisher("El Khabar (elkhabar.com.dz), Algerian daily"), "el-khabar");
  EXPECT_EQ(slug_from_publisher("inform.sumy.ua, relaying the head of the region"),
            "inform-sumy-ua");
  EXPECT_EQ(slug_from_publisher("Ruritanian Daily"), "ruritanian-daily");
  // A name only in another script keeps what the whole name gives.
  EXPECT_EQ(slug_from_publisher("وكالة (agency.example)"), "agency-example");
}

}  // namespace
}  // namespace truce
