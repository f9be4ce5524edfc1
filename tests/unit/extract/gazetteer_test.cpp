#include "extract/gazetteer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/bad_input.hpp"
#include "support/run_command.hpp"
#include "text/normalize.hpp"

// The first tests read the repository's data/gazetteer. The bad-input tests use
// small synthetic tables written to a temporary directory.

namespace truce::extract {
namespace {

using test::TempDir;
using test::write_file;

const std::filesystem::path kDataDir = std::filesystem::path(TRUCE_SOURCE_DIR) / "data";

struct Loaded {
  Lexicon lexicon;
  Gazetteer gazetteer;
};

Loaded load_repository() {
  Loaded loaded;
  Result<Gazetteer> gazetteer = Gazetteer::load(kDataDir, loaded.lexicon);
  EXPECT_TRUE(gazetteer) << gazetteer.error().message;
  if (gazetteer) {
    loaded.gazetteer = std::move(gazetteer).value();
  }
  return loaded;
}

// Rough extents of the countries the data uses (lon, lat), wide enough for
// their land borders; a point outside its country's box is a swapped or mistyped
// coordinate. Russia and the United States are given their whole extent.
struct Box {
  double min_lon, min_lat, max_lon, max_lat;
};
const std::map<std::string, Box, std::less<>> kCountryBoxes = {
    {"AM", {43.4, 38.8, 46.7, 41.35}}, {"AZ", {44.7, 38.3, 50.9, 41.95}},
    {"RU", {19.6, 41.1, 180.0, 81.9}}, {"TR", {25.6, 35.8, 44.9, 42.2}},
    {"IR", {44.0, 25.0, 63.4, 39.8}},  {"GE", {40.0, 41.0, 46.8, 43.6}},
    {"FR", {-5.2, 41.3, 9.6, 51.1}},   {"US", {-125.0, 24.4, -66.9, 49.4}},
    {"IN", {68.1, 6.7, 97.4, 37.1}},   {"PK", {60.9, 23.6, 77.8, 37.1}},
    {"UA", {22.1, 44.3, 40.3, 52.4}},  {"SY", {35.7, 32.3, 42.4, 37.4}},
    {"BY", {23.1, 51.2, 32.8, 56.2}},
};

TEST(GazetteerData, LoadsWithCoordinatesAndNamesInEnglishArabicRussian) {
  Loaded loaded = load_repository();
  const auto& places = loaded.gazetteer.places();
  EXPECT_GE(places.size(), 700U);
  int countries = 0;
  for (const GazetteerPlace& place : places) {
    // A place not yet located says so in its source.
    EXPECT_TRUE(place.point.has_value() ||
                place.source.find("coordinates not found") != std::string::npos ||
                place.source.find("no point") != std::string::npos)
        << place.id;
    EXPECT_TRUE(place.names.contains("en")) << place.id << " has no English name";
    // Every country in English, Arabic and Russian (the generated table and the hand-kept rows).
    if (place.type == "country") {
      ++countries;
      for (const char* language : {"ar", "ru"}) {
        EXPECT_TRUE(place.names.contains(language)) << place.id << " has no name in " << language;
      }
    }
    EXPECT_FALSE(place.source.empty()) << place.id;
  }
  EXPECT_EQ(countries, 249);  // ISO 3166-1 as of iso-codes 4.15
}

TEST(GazetteerData, SameNamedPlacesAreAllKnownUnderTheirName) {
  Loaded loaded = load_repository();
  const Gazetteer& gazetteer = loaded.gazetteer;
  auto ids = [&](std::string_view language, std::string_view name) {
    std::set<std::string> found;
    for (const GazetteerPlace* place : gazetteer.named(language, text::matching_form(name))) {
      found.insert(place->id);
    }
    return found;
  };
  // The Poonch district in India and the Poonch division across the Line of Control.
  EXPECT_TRUE(ids("en", "Poonch").contains("poonch"));
  EXPECT_TRUE(ids("en", "Poonch").contains("poonch-division-pk"));
  EXPECT_TRUE(ids("ur", "پونچھ").contains("poonch-division-pk"));
  EXPECT_EQ(ids("en", "Punjab"), (std::set<std::string>{"punjab-in", "punjab-pk"}));
  EXPECT_EQ(ids("en", "Kotli"), std::set<std::string>{"kotli"});
  EXPECT_TRUE(ids("en", "no such place").empty());
}

// A place shares a name exactly when some name the gazetteer hands the
// lexicon has another bearer: the reader asks the table of names only then.
TEST(GazetteerData, APlaceSharesANameWhenANameOfItHasAnotherBearer) {
  Loaded loaded = load_repository();
  const Gazetteer& gazetteer = loaded.gazetteer;
  std::set<std::string> sharing;
  std::set<std::string> named;
  for (const LexiconEntry& entry : loaded.lexicon.entries()) {
    if (entry.category != "place") {
      continue;
    }
    const std::vector<const GazetteerPlace*> bearers =
        gazetteer.named(entry.language, entry.phrase);
    ASSERT_FALSE(bearers.empty()) << entry.phrase;
    for (const GazetteerPlace* bearer : bearers) {
      named.insert(bearer->id);
      if (bearers.size() > 1) {
        sharing.insert(bearer->id);
      }
    }
  }
  ASSERT_FALSE(sharing.empty());
  ASSERT_FALSE(named.empty());
  for (const GazetteerPlace& place : gazetteer.places()) {
    EXPECT_EQ(place.shares_a_name, sharing.contains(place.id)) << place.id;
  }
  EXPECT_TRUE(gazetteer.find("poonch")->shares_a_name);
  EXPECT_FALSE(gazetteer.find("kotli")->shares_a_name);
}

TEST(GazetteerData, EveryPlaceLiesInTheBoxOfEachOfItsCountries) {
  Loaded loaded = load_repository();
  for (const GazetteerPlace& place : loaded.gazetteer.places()) {
    ASSERT_FALSE(place.countries.empty()) << place.id;
    if (!place.point) {
      continue;  // not located yet; the test above requires it to say so
    }
    for (const std::string& code : place.countries) {
      auto box = kCountryBoxes.find(code);
      if (place.type == "country" && box == kCountryBoxes.end()) {
        continue;  // generated from Natural Earth; the theatres' countries have boxes
      }
      ASSERT_NE(box, kCountryBoxes.end()) << place.id << ": add a box for " << code;
      double lon = place.point->lon.degrees;
      double lat = place.point->lat.degrees;
      EXPECT_TRUE(lon >= box->second.min_lon && lon <= box->second.max_lon &&
                  lat >= box->second.min_lat && lat <= box->second.max_lat)
          << place.id << " (" << lon << ", " << lat << ") is outside " << code;
    }
  }
}

TEST(GazetteerData, ParentsLeadToACountryOfThePlaceAndAdmin1IsADivision) {
  Loaded loaded = load_repository();
  const Gazetteer& gazetteer = loaded.gazetteer;
  for (const GazetteerPlace& place : gazetteer.places()) {
    const GazetteerPlace* root = &place;
    while (!root->parent.empty()) {
      root = gazetteer.find(root->parent);
      ASSERT_NE(root, nullptr) << place.id;
    }
    EXPECT_EQ(root->type, "country") << place.id;
    ASSERT_EQ(root->countries.size(), 1U) << root->id;
    EXPECT_NE(std::find(place.countries.begin(), place.countries.end(), root->countries.front()),
              place.countries.end())
        << place.id << " lies in " << root->id;
    if (!place.admin1.empty()) {
      EXPECT_EQ(gazetteer.find(place.admin1)->type, "admin1") << place.id;
      EXPECT_TRUE(gazetteer.within(place.admin1, root->id) || place.countries.size() > 1)
          << place.id;
    }
    if (place.type == "country") {
      EXPECT_EQ(place.precision, LocationPrecision::kCountry) << place.id;
      EXPECT_EQ(gazetteer.country(place.countries.front()), &place);
    }
  }
}

TEST(GazetteerData, FindsPlacesBordersAndContainment) {
  Loaded loaded = load_repository();
  const Gazetteer& gazetteer = loaded.gazetteer;

  const GazetteerPlace* kilisali = gazetteer.find("kilisali");
  ASSERT_NE(kilisali, nullptr);
  EXPECT_EQ(kilisali->type, "mountain");
  EXPECT_EQ(kilisali->countries, std::vector<std::string>{"AM"});
  EXPECT_TRUE(kilisali->approximate);
  EXPECT_EQ(kilisali->name("ar"), "كيليسالي");
  EXPECT_EQ(gazetteer.find("no-such-place"), nullptr);

  for (auto [a, b] : {std::pair{"AM", "AZ"}, std::pair{"AZ", "AM"}}) {
    auto borders = gazetteer.borders_between(a, b);
    ASSERT_EQ(borders.size(), 1U) << a << "-" << b;
    EXPECT_EQ(borders.front()->id, "am-az-border");
    EXPECT_EQ(borders.front()->precision, LocationPrecision::kLinear);
  }
  EXPECT_TRUE(gazetteer.borders_between("AM", "FR").empty());
  EXPECT_TRUE(gazetteer.borders_between("AM", "AM").empty());

  EXPECT_TRUE(gazetteer.within("kilisali", "syunik"));
  EXPECT_TRUE(gazetteer.within("kilisali", "armenia"));
  EXPECT_FALSE(gazetteer.within("kilisali", "azerbaijan"));
  EXPECT_TRUE(gazetteer.within("agdam-tovuz", "azerbaijan"));
  EXPECT_EQ(gazetteer.country("AZ")->id, "azerbaijan");
  EXPECT_EQ(gazetteer.country("XX"), nullptr);
}

TEST(GazetteerData, MakesThePlaceAClaimCarries) {
  Loaded loaded = load_repository();
  const GazetteerPlace* jermuk = loaded.gazetteer.find("jermuk");
  ASSERT_NE(jermuk, nullptr);
  Place place = loaded.gazetteer.to_place(*jermuk, "Джермука");
  EXPECT_EQ(place.name, "Джермука");
  ASSERT_TRUE(place.geometry);
  EXPECT_EQ(place.geometry->type, GeometryType::kPoint);
  EXPECT_EQ(place.geometry->parts[0][0], *jermuk->point);
  EXPECT_EQ(place.precision, LocationPrecision::kExact);
  EXPECT_EQ(place.country, "AM");
  EXPECT_EQ(place.admin1, "Vayots Dzor");

  Place border = loaded.gazetteer.to_place(*loaded.gazetteer.find("am-az-border"), "border");
  EXPECT_EQ(border.country, "");  // two countries: the claim's context decides
  EXPECT_EQ(border.precision, LocationPrecision::kLinear);
}

TEST(GazetteerData, HandsEveryMatchedNameToTheLexicon) {
  Loaded loaded = load_repository();
  std::set<std::string> languages;
  bool kilisali_in_arabic = false;
  for (const LexiconEntry& entry : loaded.lexicon.entries()) {
    EXPECT_EQ(entry.category, "place");
    EXPECT_NE(loaded.gazetteer.find(entry.value), nullptr) << entry.value;
    EXPECT_TRUE(entry.file.starts_with("gazetteer/names/")) << entry.file;
    languages.insert(entry.language);
    kilisali_in_arabic |= entry.value == "kilisali" && entry.language == "ar" &&
                          entry.phrase == text::matching_form("كيليسالي");
  }
  EXPECT_EQ(languages, (std::set<std::string>{"ar", "az", "en", "hy", "ru", "uk", "ur"}));
  EXPECT_TRUE(kilisali_in_arabic);

  // A display_only name is the written form, not a phrase: "Тех" is also a pronoun.
  EXPECT_EQ(loaded.gazetteer.find("tegh")->name("ru"), "Тех");
  for (const LexiconEntry& entry : loaded.lexicon.entries()) {
    EXPECT_FALSE(entry.value == "tegh" && entry.phrase == text::matching_form("Тех"));
  }
  // A stem keeps its mark as the entry's flag and is named without it.
  auto stem = std::find_if(
      loaded.lexicon.entries().begin(), loaded.lexicon.entries().end(),
      [](const LexiconEntry& entry) { return entry.value == "jermuk" && entry.language == "ru"; });
  ASSERT_NE(stem, loaded.lexicon.entries().end());
  EXPECT_TRUE(stem->stem);
  EXPECT_EQ(stem->phrase, text::matching_form("Джермук"));
  EXPECT_EQ(loaded.gazetteer.find("jermuk")->name("ru"), "Джермук");
}

// "جبل الزاوية جنوبي إدلب": a direction of a governorate is the governorate, not
// the city of its name, in the way the Syrian outlets write it.
TEST(GazetteerData, ADirectionOfAGovernorateIsTheGovernorate) {
  Loaded loaded = load_repository();
  const auto named = [&](std::string_view name) {
    const std::string form = text::matching_form(name);
    for (const LexiconEntry& entry : loaded.lexicon.entries()) {
      if (entry.phrase == form) {
        return entry.value;
      }
    }
    return std::string();
  };
  EXPECT_EQ(named("جنوبي إدلب"), "idlib-sy");
  EXPECT_EQ(named("ريف حماه الغربي"), "hamah-sy");
  EXPECT_EQ(named("southern Idlib"), "idlib-sy");
  EXPECT_EQ(named("the northern countryside of Aleppo"), "halab-sy");
  EXPECT_EQ(named("إدلب"), "idlib");
}

// --- Bad input: small synthetic tables.

constexpr std::string_view kPlaces =
    "# id\ttype\tlon\tlat\twhere_prec\tcountry\tadmin1\tparent\ttimezone\tapproximate\tsource\n"
    "armenia\tcountry\t45.0\t40.25\t6\tAM\t\t\tAsia/Yerevan\tno\tGeoNames 174982\n"
    "tavush\tadmin1\t45.133\t40.883\t4\tAM\t\tarmenia\tAsia/Yerevan\tyes\tWikipedia\n"
    "berd\tsettlement\t45.38778\t40.88111\t1\tAM\ttavush\ttavush\tAsia/Yerevan\tno\tWikipedia\n";

constexpr std::string_view kNames =
    "# id\tname\tattributes\n"
    "berd\tBerd\n"
    "tavush\tTavush*\tused_by=armenia\n";

Result<Gazetteer> load_tables(std::string_view places, std::string_view names, Lexicon& lexicon,
                              const std::string& names_file = "en.tsv") {
  TempDir dir;
  std::filesystem::create_directories(dir / "gazetteer/names");
  write_file(dir / "gazetteer/places.tsv", std::string(places));
  write_file(dir / "gazetteer/names" / names_file, std::string(names));
  return Gazetteer::load(dir.path(), lexicon);
}

TEST(GazetteerTables, TheSyntheticBaseLoads) {
  Lexicon lexicon;
  Result<Gazetteer> gazetteer = load_tables(kPlaces, kNames, lexicon);
  ASSERT_TRUE(gazetteer) << gazetteer.error().message;
  EXPECT_EQ(gazetteer->places().size(), 3U);
  ASSERT_EQ(lexicon.size(), 2U);
  EXPECT_EQ(lexicon.entry(1).value, "tavush");
  EXPECT_TRUE(lexicon.entry(1).stem);
  EXPECT_EQ(lexicon.entry(1).attribute("used_by"), "armenia");
  EXPECT_EQ(lexicon.entry(1).language, "en");
  EXPECT_EQ(lexicon.entry(1).file, "gazetteer/names/en.tsv");
  EXPECT_EQ(lexicon.entry(1).line, 3U);
}

// A name's key (language, tab, matching form) is put together on the stack up
// to 128 bytes and in a string beyond: names on both sides of that edge, each
// borne by two places, are found with both bearers.
TEST(GazetteerTables, LongNamesAreFoundOnBothSidesOfTheStackKeysEdge) {
  std::string names = "# id\tname\tattributes\n";
  std::vector<std::string> phrases;
  for (std::size_t length : {1U, 124U, 125U, 126U, 127U, 200U}) {
    const std::string name(length, 'q');
    phrases.push_back(name);
    names += "berd\t" + name + "\n" + "tavush\t" + name + "\n";
  }
  Lexicon lexicon;
  Result<Gazetteer> gazetteer = load_tables(kPlaces, names, lexicon);
  ASSERT_TRUE(gazetteer) << gazetteer.error().message;
  for (const std::string& phrase : phrases) {
    EXPECT_EQ(gazetteer->named_count("en", phrase), 2U) << phrase.size();
    EXPECT_EQ(gazetteer->named("en", phrase).size(), 2U) << phrase.size();
    EXPECT_EQ(gazetteer->named_count("ru", phrase), 0U) << phrase.size();
    EXPECT_EQ(gazetteer->named_count("en", phrase + "z"), 0U) << phrase.size();
  }
  for (const LexiconEntry& entry : lexicon.entries()) {
    EXPECT_EQ(gazetteer->named_count(entry.language, entry.phrase),
              gazetteer->named(entry.language, entry.phrase).size());
  }
}

TEST(GazetteerTables, ErrorsNameFileLineAndColumn) {
  Lexicon lexicon;
  std::string places(kPlaces);
  places.replace(places.find("45.38778"), 8, "45.3x");
  Result<Gazetteer> gazetteer = load_tables(places, kNames, lexicon);
  ASSERT_FALSE(gazetteer);
  EXPECT_EQ(gazetteer.error().message,
            "gazetteer/places.tsv:4: column 3 'lon': '45.3x' is not a longitude in [-180, 180]");
  EXPECT_EQ(lexicon.size(), 0U);
}

TEST(GazetteerTables, NothingReachesTheLexiconWhenANamesFileFails) {
  Lexicon lexicon;
  std::string names(kNames);
  names += "lori\tLori\n";
  Result<Gazetteer> gazetteer = load_tables(kPlaces, names, lexicon);
  ASSERT_FALSE(gazetteer);
  EXPECT_EQ(gazetteer.error().message,
            "gazetteer/names/en.tsv:4: column 1 'id': unknown place 'lori'");
  EXPECT_EQ(lexicon.size(), 0U);
}

TEST(GazetteerTables, ANamesFileIsNamedByItsLanguage) {
  Lexicon lexicon;
  Result<Gazetteer> gazetteer = load_tables(kPlaces, kNames, lexicon, "english.tsv");
  ASSERT_FALSE(gazetteer);
  EXPECT_NE(gazetteer.error().message.find("gazetteer/names/english.tsv: the file name must be"),
            std::string::npos)
      << gazetteer.error().message;
}

TEST(GazetteerTables, AMissingPlacesFileIsUnavailable) {
  TempDir dir;
  Lexicon lexicon;
  Result<Gazetteer> gazetteer = Gazetteer::load(dir.path(), lexicon);
  ASSERT_FALSE(gazetteer);
  EXPECT_EQ(gazetteer.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(gazetteer.error().message.find("gazetteer/places.tsv"), std::string::npos);
}

class PlacesBadInput : public testing::TestWithParam<test::BadInput> {};

TEST_P(PlacesBadInput, IsRejected) {
  test::expect_rejected(GetParam(), kPlaces, [](std::string_view text) {
    Lexicon lexicon;
    return load_tables(text, kNames, lexicon);
  });
}

INSTANTIATE_TEST_SUITE_P(
    Gazetteer, PlacesBadInput,
    testing::Values(
        test::BadInput{"duplicate_id", "berd\tsettlement", "tavush\tsettlement",
                       "places.tsv:4: column 1 'id': duplicate id 'tavush'"},
        test::BadInput{"id_not_a_slug", "berd\tsettlement", "Berd\tsettlement", "not a slug"},
        test::BadInput{"unknown_type", "settlement", "village", "column 2 'type': unknown type"},
        test::BadInput{"longitude_out_of_range", "45.38778", "181", "column 3 'lon'"},
        test::BadInput{"latitude_out_of_range", "40.88111", "91.5", "column 4 'lat'"},
        test::BadInput{"latitude_not_a_number", "40.88111", "N40", "column 4 'lat'"},
        test::BadInput{"one_coordinate_missing", "\t40.88111", "\t",
                       "column 4 'lat': empty while the other coordinate is given"},
        test::BadInput{"where_prec_zero", "\t1\tAM", "\t0\tAM", "column 5 'where_prec'"},
        test::BadInput{"where_prec_eight", "\t1\tAM", "\t8\tAM", "UCDP where_prec (1 to 7)"},
        test::BadInput{"where_prec_word", "\t1\tAM", "\tnear\tAM", "column 5 'where_prec'"},
        test::BadInput{"country_not_a_code", "\t6\tAM", "\t6\tArmenia", "column 6 'country'"},
        test::BadInput{"country_list_empty_item", "\t1\tAM\t", "\t1\tAM;\t", "column 6 'country'"},
        test::BadInput{"unknown_admin1", "\ttavush\ttavush\t", "\tlori\ttavush\t",
                       "places.tsv:4: column 7 'admin1': unknown place 'lori'"},
        test::BadInput{"unknown_parent", "\ttavush\ttavush\t", "\ttavush\tlori\t",
                       "places.tsv:4: column 8 'parent': unknown place 'lori'"},
        test::BadInput{"parent_missing", "\tarmenia\tAsia/Yerevan\tyes", "\t\tAsia/Yerevan\tyes",
                       "only a country has no parent"},
        test::BadInput{"parent_cycle", "\tAM\t\t\tAsia", "\tAM\t\tberd\tAsia", "form a cycle"},
        test::BadInput{"timezone_not_iana", "Asia/Yerevan\tno\tWikipedia", "Yerevan\tno\tWikipedia",
                       "column 9 'timezone'"},
        test::BadInput{"approximate_not_yes_no", "\tyes\t", "\tmaybe\t",
                       "column 10 'approximate': 'maybe' is neither yes nor no"},
        test::BadInput{"source_empty", "\tGeoNames 174982", "\t", "column 11 'source'"},
        test::BadInput{"column_missing", "\tGeoNames 174982", "",
                       "places.tsv:2: 10 tab-separated columns; expected 11"},
        test::BadInput{"invalid_utf8", "Wikipedia\nberd", "Wikip\xC3\x28\nberd",
                       "places.tsv:3: not valid UTF-8"}),
    [](const auto& test) { return std::string(test.param.name); });

class PlaceNamesBadInput : public testing::TestWithParam<test::BadInput> {};

TEST_P(PlaceNamesBadInput, IsRejected) {
  test::expect_rejected(GetParam(), kNames, [](std::string_view text) {
    Lexicon lexicon;
    return load_tables(kPlaces, text, lexicon);
  });
}

INSTANTIATE_TEST_SUITE_P(
    Gazetteer, PlaceNamesBadInput,
    testing::Values(
        test::BadInput{"unknown_id", "berd\tBerd", "lori\tLori",
                       "en.tsv:2: column 1 'id': unknown place 'lori'"},
        test::BadInput{"star_inside", "Tavush*", "Tav*ush", "'*' may only end a name"},
        test::BadInput{"empty_name", "berd\tBerd", "berd\t*", "empty after normalisation"},
        test::BadInput{"attribute_key", "used_by=armenia", "Used=armenia",
                       "column 3 'attributes': attribute key 'Used'"},
        test::BadInput{"attribute_twice", "used_by=armenia", "title;title",
                       "attribute 'title' given twice"},
        test::BadInput{"date_attribute", "used_by=armenia", "title;valid_from=2021-13-01",
                       "valid_from=2021-13-01 is not a date"},
        test::BadInput{"listed_twice", "berd\tBerd\n", "berd\tBerd\nberd\tBerd\n",
                       "en.tsv:3: column 2 'name': 'Berd' is listed twice for 'berd'"},
        test::BadInput{"one_column", "berd\tBerd", "berd",
                       "en.tsv:2: 1 tab-separated columns; expected 2 or 3"}),
    [](const auto& test) { return std::string(test.param.name); });

}  // namespace
}  // namespace truce::extract
