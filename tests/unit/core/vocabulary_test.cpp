#include "core/vocabulary.hpp"

#include <gtest/gtest.h>

namespace truce {
namespace {

// Every enumerator must have a word that parses back to it; a forgotten table
// entry would print "?" and fail here.
template <typename Enum, typename Parse>
void expect_round_trip(int count, Parse parse) {
  for (int i = 0; i < count; ++i) {
    auto value = static_cast<Enum>(i);
    std::string_view word = to_string(value);
    EXPECT_NE(word, "?") << "enumerator " << i;
    auto parsed = parse(word);
    ASSERT_TRUE(parsed) << word;
    EXPECT_EQ(*parsed, value) << word;
  }
}

TEST(Vocabulary, EveryEnumeratorHasAWordThatParsesBack) {
  expect_round_trip<EventType>(14, parse_event_type);
  expect_round_trip<DateBasis>(4, parse_date_basis);
  expect_round_trip<ActorRole>(2, parse_actor_role);
  expect_round_trip<WeaponClass>(13, parse_weapon_class);
  expect_round_trip<AssetKind>(6, parse_asset_kind);
  expect_round_trip<AssetOutcome>(5, parse_asset_outcome);
  expect_round_trip<CasualtyStatus>(4, parse_casualty_status);
  expect_round_trip<SideKind>(3, parse_side_kind);
  expect_round_trip<TimePrecision>(7, parse_time_precision);
  expect_round_trip<GeometryType>(4, parse_geometry_type);
  expect_round_trip<Reliability>(6, parse_reliability);
  expect_round_trip<AffiliationKind>(4, parse_affiliation_kind);
  expect_round_trip<DocumentKind>(6, parse_document_kind);
}

TEST(Vocabulary, UnknownWordsAreRejectedAndListed) {
  EXPECT_FALSE(parse_casualty_status("dead"));
  EXPECT_FALSE(parse_reliability("G"));
  EXPECT_FALSE(parse_event_type("Attack"));
  EXPECT_EQ(words_of_casualty_status(), "killed, wounded, captured, missing");
}

TEST(Vocabulary, TheWordsOfTheExtractorsAdditionsAreStable) {
  EXPECT_EQ(to_string(EventType::kMineOrIed), "mine_or_ied");
  EXPECT_EQ(to_string(EventType::kAgreement), "agreement");
  EXPECT_EQ(to_string(EventType::kCeasefireViolation), "ceasefire_violation");
  EXPECT_EQ(words_of_date_basis(), "unknown, stated, relative, announcement");
  EXPECT_EQ(words_of_actor_role(), "participant, mediator");
}

TEST(Vocabulary, LocationPrecisionIsUcdpWherePrec) {
  EXPECT_FALSE(parse_location_precision(0));
  EXPECT_FALSE(parse_location_precision(8));
  EXPECT_EQ(parse_location_precision(5), LocationPrecision::kLinear);
}

}  // namespace
}  // namespace truce
