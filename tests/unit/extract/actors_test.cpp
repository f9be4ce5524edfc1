#include "extract/actors.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/gazetteer.hpp"
#include "extract/matcher.hpp"
#include "support/bad_input.hpp"
#include "support/run_command.hpp"
#include "text/normalize.hpp"

// The first tests read the repository's data/actors (and data/gazetteer for the
// matcher). The bad-input tests use small synthetic tables written to a
// temporary directory.

namespace truce::extract {
namespace {

using test::TempDir;
using test::write_file;

const std::filesystem::path kDataDir = std::filesystem::path(TRUCE_SOURCE_DIR) / "data";

struct Loaded {
  Lexicon lexicon;
  ActorRegistry registry;
};

Loaded load_repository() {
  Loaded loaded;
  Result<ActorRegistry> registry = ActorRegistry::load(kDataDir, loaded.lexicon);
  EXPECT_TRUE(registry) << registry.error().message;
  if (registry) {
    loaded.registry = std::move(registry).value();
  }
  return loaded;
}

CivilTime day(const char* text) {
  return parse_civil_time(text).value();
}

TEST(ActorData, HoldsTheActorsOfTheConflictAndItsReporting) {
  Loaded loaded = load_repository();
  for (const char* id : {"armenia",
                         "azerbaijan",
                         "russia",
                         "kremlin",
                         "am-mod",
                         "az-mod",
                         "ru-mod",
                         "am-armed-forces",
                         "az-armed-forces",
                         "az-mfa",
                         "am-mfa",
                         "ru-mfa",
                         "am-government",
                         "turkey",
                         "tr-mod",
                         "iran",
                         "france",
                         "usa",
                         "osce",
                         "osce-minsk-group",
                         "un",
                         "icrc",
                         "russian-peacekeepers",
                         "ru-tr-monitoring-centre",
                         "nk-authorities",
                         "putin",
                         "pashinyan",
                         "aliyev",
                         "shoigu",
                         "hasanov",
                         "karapetyan-arshak",
                         "papikyan",
                         "lavrov",
                         "mirzoyan",
                         "bayramov",
                         "sputnik",
                         "ria-novosti",
                         "tass",
                         "interfax",
                         "apa",
                         "trend",
                         "azertac",
                         "armenpress",
                         "news-am",
                         "reuters",
                         "ap",
                         "afp",
                         "al-jazeera",
                         "pakistan-point-news",
                         "voa",
                         "bbc",
                         "oc-media",
                         "jamnews",
                         "eurasianet",
                         "1lurer"}) {
    EXPECT_NE(loaded.registry.find(id), nullptr) << id;
  }
  // The outlets the development corpus names as publishers, relays or claimants.
  for (const char* id :
       {"rt", "sputnik-arabic", "xinhua", "dpa", "massis-post", "panarmenian", "m24", "bagnet",
        "life", "eadaily", "mamul", "24-ae", "shorouk-news", "arab-khabar"}) {
    EXPECT_NE(loaded.registry.find(id), nullptr) << id;
  }
  for (const Actor& actor : loaded.registry.actors()) {
    EXPECT_TRUE(actor.names.contains("en")) << actor.id << " has no English name";
    if (actor.kind == "person") {
      EXPECT_FALSE(actor.office.empty()) << actor.id;
      EXPECT_FALSE(actor.party.empty()) << actor.id;
    }
  }
  EXPECT_EQ(loaded.registry.find("pakistan-point-news")->name_in("ur"), "پاکستان پوائنٹ نیوز");
  EXPECT_EQ(loaded.registry.find("no-such-actor"), nullptr);
}

// Border guards fire and are fired on: they are forces of their state, not
// bodies that only report (an agency is an observer, never a perpetrator); and
// they are not "the army" (kind border_guard, not armed_forces).
TEST(ActorData, BorderGuardsAreForcesOfTheirStateButNotItsArmy) {
  Loaded loaded = load_repository();
  for (const char* id :
       {"in-bsf", "pk-rangers", "am-border-guards", "az-state-border-service", "ua-sbgs"}) {
    const Actor* actor = loaded.registry.find(id);
    ASSERT_NE(actor, nullptr) << id;
    EXPECT_EQ(actor->kind, "border_guard") << id;
    EXPECT_NE(loaded.registry.party_of(id), "") << id;
  }
}

TEST(ActorData, PartyOfFollowsLinksToTheStateAnActorActsFor) {
  Loaded loaded = load_repository();
  const ActorRegistry& registry = loaded.registry;
  EXPECT_EQ(registry.party_of("am-mod"), "armenia");
  EXPECT_EQ(registry.party_of("az-armed-forces"), "azerbaijan");
  EXPECT_EQ(registry.party_of("kremlin"), "russia");
  EXPECT_EQ(registry.party_of("shoigu"), "russia");
  EXPECT_EQ(registry.party_of("russian-peacekeepers"), "russia");
  EXPECT_EQ(registry.party_of("nk-defence-army"), "nk-authorities");
  EXPECT_EQ(registry.party_of("armenia"), "armenia");
  EXPECT_EQ(registry.party_of("euma"), "eu");
  EXPECT_EQ(registry.party_of("osce-minsk-group"), "");
  EXPECT_EQ(registry.party_of("ru-tr-monitoring-centre"), "");
  EXPECT_EQ(registry.party_of("reuters"), "");
  EXPECT_EQ(registry.party_of("no-such-actor"), "");

  EXPECT_EQ(registry.ref("am-mod"), (ActorRef{"am-mod", "Ministry of Defence of Armenia"}));
  EXPECT_EQ(registry.ref("someone"), (ActorRef{"someone", "someone"}));
}

TEST(ActorData, AStateIsFoundByItsCountry) {
  Loaded loaded = load_repository();
  const ActorRegistry& registry = loaded.registry;
  EXPECT_EQ(registry.state_of_country("AM"), "armenia");
  EXPECT_EQ(registry.state_of_country("UA"), "ukraine");
  EXPECT_EQ(registry.state_of_country("SY"), "syria");
  EXPECT_EQ(registry.state_of_country("ZZ"), "");
  EXPECT_EQ(registry.state_of_country(""), "");
  for (const Actor& actor : registry.actors()) {
    if (actor.kind == "state") {
      EXPECT_EQ(registry.state_of_country(actor.country), actor.id) << actor.id;
    }
  }
}

TEST(ActorData, OfficesHaveDates) {
  Loaded loaded = load_repository();
  const Actor* shoigu = loaded.registry.find("shoigu");
  ASSERT_NE(shoigu, nullptr);
  EXPECT_EQ(shoigu->office, "Minister of Defence of Russia");
  EXPECT_TRUE(shoigu->active_on(day("2021-11-16")));
  EXPECT_TRUE(shoigu->active_on(day("2024-05-12T23:00")));
  EXPECT_FALSE(shoigu->active_on(day("2024-05-13")));
  EXPECT_FALSE(shoigu->active_on(day("2012-11-05")));
  EXPECT_TRUE(loaded.registry.find("belousov")->active_on(day("2024-06-01")));
  EXPECT_FALSE(loaded.registry.find("papikyan")->active_on(day("2021-11-14")));
  EXPECT_TRUE(loaded.registry.find("karapetyan-arshak")->active_on(day("2021-11-14")));
  EXPECT_TRUE(loaded.registry.find("armenia")->active_on(day("1990-01-01")));
  // Donbas before the Joint Forces Operation: the ATO headquarters and the
  // first heads of the self-proclaimed republics.
  const Actor* ato = loaded.registry.find("ua-ato");
  ASSERT_NE(ato, nullptr);
  EXPECT_TRUE(ato->active_on(day("2016-08-02")));
  EXPECT_FALSE(ato->active_on(day("2018-05-01")));
  EXPECT_EQ(loaded.registry.party_of("ua-ato"), "ukraine");
  EXPECT_TRUE(loaded.registry.find("zakharchenko")->active_on(day("2017-02-01")));
  EXPECT_FALSE(loaded.registry.find("zakharchenko")->active_on(day("2018-09-07")));
  EXPECT_TRUE(loaded.registry.find("plotnitsky")->active_on(day("2016-08-02")));
  EXPECT_FALSE(loaded.registry.find("plotnitsky")->active_on(day("2017-11-25")));
  EXPECT_EQ(loaded.registry.party_of("plotnitsky"), "lpr");
  for (const char* id : {"ua-sbgs", "ua-sbu", "ua-national-guard"}) {
    EXPECT_EQ(loaded.registry.party_of(id), "ukraine") << id;
  }
  EXPECT_EQ(loaded.registry.party_of("az-anama"), "azerbaijan");
}

// The holders of a title phrase on a day, as the extractor resolves a title.
std::set<std::string> holders(const Lexicon& lexicon, std::string_view phrase, const char* on) {
  std::set<std::string> ids;
  for (const LexiconEntry& entry : lexicon.entries()) {
    if (entry.phrase == text::matching_form(phrase) && entry.has_attribute("title") &&
        entry_valid_on(entry, day(on))) {
      ids.insert(entry.value);
    }
  }
  return ids;
}

TEST(ActorData, TitlesNameWhoeverHeldTheOfficeThatDay) {
  Loaded loaded = load_repository();
  const Lexicon& lexicon = loaded.lexicon;
  EXPECT_EQ(holders(lexicon, "وزير الدفاع الروسي", "2021-11-16"), std::set<std::string>{"shoigu"});
  EXPECT_EQ(holders(lexicon, "وزير الدفاع الروسي", "2024-09-01"),
            std::set<std::string>{"belousov"});
  EXPECT_EQ(holders(lexicon, "министра обороны России", "2021-11-16"),
            std::set<std::string>{"shoigu"});
  EXPECT_EQ(holders(lexicon, "Armenian Defence Minister", "2021-11-16"),
            std::set<std::string>{"papikyan"});
  EXPECT_EQ(holders(lexicon, "Armenian Defence Minister", "2021-11-10"),
            std::set<std::string>{"karapetyan-arshak"});
  EXPECT_EQ(holders(lexicon, "Azerbaijani Foreign Minister", "2020-07-12"),
            std::set<std::string>{"mammadyarov"});
}

TEST(ActorData, NamesKeepTheirAttributes) {
  Loaded loaded = load_repository();
  auto attributes_of = [&](std::string_view value, std::string_view phrase) {
    std::set<std::string> keys;
    for (const LexiconEntry& entry : loaded.lexicon.entries()) {
      if (entry.value == value && entry.phrase == text::matching_form(phrase)) {
        for (const auto& [key, unused] : entry.attributes) {
          keys.insert(key);
        }
        EXPECT_EQ(entry.category, "actor");
      }
    }
    return keys;
  };
  EXPECT_EQ(attributes_of("armenia", "يريفان"), std::set<std::string>{"metonym"});
  EXPECT_EQ(attributes_of("armenia", "أرمنية"), std::set<std::string>{"adjective"});
  EXPECT_EQ(attributes_of("azerbaijan", "Azeri"), std::set<std::string>{"adjective"});
  EXPECT_EQ(attributes_of("kremlin", "Кремл"), std::set<std::string>{});
  EXPECT_EQ(attributes_of("am-mod", "وزارة الدفاع الأرمنية"), std::set<std::string>{});
  // Generic words for armed groups name the Syrian opposition only about Syria:
  // "militants" in Kashmir are someone else.
  EXPECT_EQ(attributes_of("syria", "regime"), std::set<std::string>{"only_in"});
  EXPECT_EQ(attributes_of("syria", "النظام"), std::set<std::string>{"only_in"});
  for (const char* generic : {"militants", "terrorists", "боевики", "المسلحين"}) {
    EXPECT_EQ(attributes_of("syrian-opposition", generic), std::set<std::string>{"only_in"})
        << generic;
  }
}

// --- The gazetteer and the registry in one lexicon, compiled into the matcher,
// on real sentences.

// What the longest match of `category` over the phrase starting at `phrase`
// (written as in the original) names, or "" when none starts there.
std::string value_at(const Matcher& matcher, std::string_view sentence, std::string_view phrase,
                     std::string_view category) {
  std::string normalized = text::matching_form(sentence);
  std::string wanted = text::matching_form(phrase);
  std::size_t at = normalized.find(wanted);
  EXPECT_NE(at, std::string::npos) << phrase;
  std::vector<Match> matches = longest_per_category(matcher.lexicon(), matcher.scan(normalized));
  for (const Match& match : matches) {
    const LexiconEntry& entry = matcher.lexicon().entry(match.entry);
    if (entry.category == category && match.begin == at) {
      return entry.value;
    }
  }
  return {};
}

TEST(GazetteerAndActorsInTheMatcher, FindPlacesAndActorsInRealSentences) {
  Lexicon lexicon;
  // The project's lexicons bring the Arabic clitic prefixes and suffixes.
  if (std::filesystem::exists(kDataDir / "lexicon")) {
    Status loaded = lexicon.load_directory(kDataDir / "lexicon");
    ASSERT_TRUE(loaded) << loaded.error().message;
  }
  Result<Gazetteer> gazetteer = Gazetteer::load(kDataDir, lexicon);
  ASSERT_TRUE(gazetteer) << gazetteer.error().message;
  Result<ActorRegistry> registry = ActorRegistry::load(kDataDir, lexicon);
  ASSERT_TRUE(registry) << registry.error().message;
  Result<Matcher> compiled = Matcher::compile(std::move(lexicon));
  ASSERT_TRUE(compiled) << compiled.error().message;
  const Matcher& matcher = *compiled;

  // Pakistan Point News (Arabic), wire copy of Sputnik, 21 November 2021, "رئيس الوزراء
  // الأرميني يشكر بوتين على وساطة روسيا النشطة بشأن ناغورني قره باغ"; quoted for testing.
  const std::string_view arabic_1 =
      "وأعلنت يريفان أن القوات المسلحة الأذرية شنت هجوماً في الاتجاه الشرقي للحدود الأرمينية، "
      "واجتاحت أراضي البلاد الواقعة في منطقة جبل كيليسالي.";
  EXPECT_EQ(value_at(matcher, arabic_1, "منطقة جبل كيليسالي", "place"), "kilisali");
  EXPECT_EQ(value_at(matcher, arabic_1, "يريفان", "actor"), "armenia");
  EXPECT_EQ(value_at(matcher, arabic_1, "القوات المسلحة الأذرية", "actor"), "az-armed-forces");
  const std::string_view arabic_2 =
      "وبحسب وزارة الدفاع الأرمنية، فقد قتل جندي أرمني واحد، وأسر 13 آخرين، في حين فُقد "
      "الاتصال بـ 24 جندياً أثناء الاشتباكات مع القوات الأذربيجانية، مشيرةً إلى أنها خسرت "
      "موقعَين عسكريَين أصبحا تحت سيطرة باكو.";
  EXPECT_EQ(value_at(matcher, arabic_2, "وزارة الدفاع الأرمنية", "actor"), "am-mod");
  EXPECT_EQ(value_at(matcher, arabic_2, "القوات الأذربيجانية", "actor"), "az-armed-forces");
  EXPECT_EQ(value_at(matcher, arabic_2, "باكو", "actor"), "azerbaijan");
  const std::string_view arabic_3 =
      "وأعلنت وزارة الدفاع الروسية أن الجانبين الأرميني والأذري أوقفا الاشتباكات الدائرة "
      "بينهما في منطقة جبل كيليسالي، بعد المفاوضات التي أجراها وزير الدفاع الروسي، سيرغي "
      "شويغو، مع وزيري دفاع البلدين.";
  EXPECT_EQ(value_at(matcher, arabic_3, "وزارة الدفاع الروسية", "actor"), "ru-mod");
  EXPECT_EQ(value_at(matcher, arabic_3, "سيرغي شويغو", "actor"), "shoigu");
  EXPECT_EQ(value_at(matcher, arabic_3, "وزير الدفاع الروسي", "actor"), "shoigu");
  const std::string_view arabic_4 =
      "(پاکستان پوائنٹ نیوز / سبوتنيك - 21 نوفمبر 2021ء) أعلن الكرملين";
  EXPECT_EQ(value_at(matcher, arabic_4, "پاکستان پوائنٹ نیوز", "actor"), "pakistan-point-news");
  EXPECT_EQ(value_at(matcher, arabic_4, "سبوتنيك", "actor"), "sputnik");
  EXPECT_EQ(value_at(matcher, arabic_4, "الكرملين", "actor"), "kremlin");
  // El Khabar (elkhabar.com.dz), undated (tests/data/corpus/ar/undated-elkhabar-…); quoted for
  // testing. An army is the state's armed forces, as the Armenian and Azerbaijani ones are.
  const std::string_view arabic_5 = "قال الجيش الاوكرانى اليوم الاحد أن خمسة جنود قتلوا";
  EXPECT_EQ(value_at(matcher, arabic_5, "الجيش الاوكرانى", "actor"), "ua-armed-forces");
  // Synthetic sentences in the words of Kyiv's reports: the forces on the other side of the
  // line, named by the ground (attribute where), like "separatists".
  const std::string_view occupiers_ru = "Оккупанты обстреляли позиции возле Авдеевки.";
  EXPECT_EQ(value_at(matcher, occupiers_ru, "Оккупанты", "actor"), "dpr-militia");
  const std::string_view occupiers_en =
      "Russian occupation forces shelled positions near Avdiivka.";
  EXPECT_EQ(value_at(matcher, occupiers_en, "Russian occupation forces", "actor"), "dpr-militia");
  // A synthetic sentence in the words of the ATO's bulletins (2014–2018).
  const std::string_view ato_bulletin =
      "В пресс-центре штаба АТО сообщили, что Госпогранслужба Украины и Нацгвардия усилили охрану.";
  EXPECT_EQ(value_at(matcher, ato_bulletin, "штаба АТО", "actor"), "ua-ato");
  EXPECT_EQ(value_at(matcher, ato_bulletin, "Госпогранслужба Украины", "actor"), "ua-sbgs");
  EXPECT_EQ(value_at(matcher, ato_bulletin, "Нацгвардия", "actor"), "ua-national-guard");
  // A state's adjective before "armed forces" names its forces, in any case.
  const std::string_view forces =
      "Армянские вооруженные силы обстреляли позиции, где стояли подразделения азербайджанских "
      "вооруженных сил.";
  EXPECT_EQ(value_at(matcher, forces, "Армянские вооруженные силы", "actor"), "am-armed-forces");
  // The republics' word for Ukraine's forces.
  const std::string_view republics = "ВФУ обстреляли Горловку.";
  EXPECT_EQ(value_at(matcher, republics, "ВФУ", "actor"), "ukraine");
  EXPECT_EQ(value_at(matcher, forces, "азербайджанских вооруженных сил", "actor"),
            "az-armed-forces");

  // Kavkaz-uzel, "Жители двух армянских сел лишились домов и пастбищ из-за демаркации
  // границы", 25 December 2020; quoted for testing.
  const std::string_view russian =
      "18 декабря Минобороны Азербайджана потребовало передать высоты у Капана азербайджанской "
      "стороне, в тот же день армянские военные покинули эти позиции.";
  EXPECT_EQ(value_at(matcher, russian, "Минобороны Азербайджана", "actor"), "az-mod");
  EXPECT_EQ(value_at(matcher, russian, "Капана", "place"), "kapan");
  EXPECT_EQ(value_at(matcher, russian, "армянские военные", "actor"), "am-armed-forces");
  EXPECT_EQ(value_at(matcher, russian, "азербайджанской", "actor"), "azerbaijan");

  // news.ru (English), "Armenia announces six dead at border fighting on Nov 16",
  // 19 November 2021; quoted for testing.
  const std::string_view english =
      "On Tuesday, Yerevan said that the Azerbaijan forces attempted to invade the country in "
      "the area of Mount Kilisali, one Armenian soldier was killed, 13 were captured, 24 went "
      "missing.";
  EXPECT_EQ(value_at(matcher, english, "Mount Kilisali", "place"), "kilisali");
  EXPECT_EQ(value_at(matcher, english, "Yerevan", "actor"), "armenia");
  EXPECT_EQ(value_at(matcher, english, "Yerevan", "place"), "yerevan");

  // Outlets a text names as its source resolve in every language (synthetic sentences in
  // the wording of the corpus texts that name them).
  const std::string_view relayed_ar = "ونقلت شبكة روسيا اليوم عن الوزارة، وفقا لوكالة أنباء شينخوا";
  EXPECT_EQ(value_at(matcher, relayed_ar, "شبكة روسيا اليوم", "actor"), "rt");
  EXPECT_EQ(value_at(matcher, relayed_ar, "وكالة أنباء شينخوا", "actor"), "xinhua");
  const std::string_view relayed_ru = "Об этом передает РИА \"Новости\", сообщает Москва 24.";
  EXPECT_EQ(value_at(matcher, relayed_ru, "РИА \"Новости\"", "actor"), "ria-novosti");
  EXPECT_EQ(value_at(matcher, relayed_ru, "Москва 24", "actor"), "m24");
  const std::string_view relayed_en = "according to Xinhua and Massis Post";
  EXPECT_EQ(value_at(matcher, relayed_en, "Xinhua", "actor"), "xinhua");
  EXPECT_EQ(value_at(matcher, relayed_en, "Massis Post", "actor"), "massis-post");

  // A ministry in the usual English forms of its name: possessive, adjectival, "of"
  // (a synthetic sentence).
  const std::string_view ministries =
      "Turkey's defence ministry, India’s Defense Ministry, the Foreign Ministry of Iran, "
      "Syria's Ministry of Defence and the Pakistani Foreign Ministry said.";
  EXPECT_EQ(value_at(matcher, ministries, "Turkey's defence ministry", "actor"), "tr-mod");
  EXPECT_EQ(value_at(matcher, ministries, "India’s Defense Ministry", "actor"), "in-mod");
  EXPECT_EQ(value_at(matcher, ministries, "Foreign Ministry of Iran", "actor"), "ir-mfa");
  EXPECT_EQ(value_at(matcher, ministries, "Syria's Ministry of Defence", "actor"), "sy-mod");
  EXPECT_EQ(value_at(matcher, ministries, "Pakistani Foreign Ministry", "actor"), "pk-mofa");
  const std::string_view armies = "Pakistan's military and India’s army said.";
  EXPECT_EQ(value_at(matcher, armies, "Pakistan's military", "actor"), "pakistan");
  EXPECT_EQ(value_at(matcher, armies, "India’s army", "actor"), "in-army");
  const std::string_view ministries_ru =
      "Министерством обороны Пакистана и представителем украинского МИД было заявлено";
  EXPECT_EQ(value_at(matcher, ministries_ru, "Министерством обороны Пакистана", "actor"), "pk-mod");
  EXPECT_EQ(value_at(matcher, ministries_ru, "украинского МИД", "actor"), "ua-mfa");
  // Names declined like masculine nouns, in the dative and instrumental too.
  const std::string_view declined = "удары по Саракибу и бои под Бахмутом";
  EXPECT_EQ(value_at(matcher, declined, "Саракибу", "place"), "saraqib");
  EXPECT_EQ(value_at(matcher, declined, "Бахмутом", "place"), "bakhmut");
  const std::string_view militias = "وأعلنت قوات دونيتسك وميليشيا جمهورية لوغانسك الشعبية";
  EXPECT_EQ(value_at(matcher, militias, "قوات دونيتسك", "actor"), "dpr-militia");
  EXPECT_EQ(value_at(matcher, militias, "ميليشيا جمهورية لوغانسك الشعبية", "actor"), "lpr-militia");
  const std::string_view ministries_ar =
      "وقالت وزارة الدفاع الباكستانية ووزارة الخارجية الأوكرانية";
  EXPECT_EQ(value_at(matcher, ministries_ar, "وزارة الدفاع الباكستانية", "actor"), "pk-mod");
  EXPECT_EQ(value_at(matcher, ministries_ar, "وزارة الخارجية الأوكرانية", "actor"), "ua-mfa");
  const std::string_view offices =
      "the DPR's representative office in the JCCC and the LPR’s mission to the JCCC said";
  EXPECT_EQ(value_at(matcher, offices, "DPR's representative office in the JCCC", "actor"),
            "dpr-jccc");
  EXPECT_EQ(value_at(matcher, offices, "LPR’s mission to the JCCC", "actor"), "lpr-jccc");
  const std::string_view prosecutors = "the Azerbaijani prosecutor's office said";
  EXPECT_EQ(value_at(matcher, prosecutors, "Azerbaijani prosecutor's office", "actor"),
            "az-prosecutor-general");
}

// --- Bad input: small synthetic tables.

constexpr std::string_view kActors =
    "# id\tkind\tname\tparty\toffice\tvalid_from\tvalid_to\tcountry\tsource\n"
    "armenia\tstate\tRepublic of Armenia\tarmenia\t\t\t\tAM\thttps://www.gov.am\n"
    "am-mod\tministry\tMinistry of Defence of Armenia\tarmenia\t\t\t\tAM\thttps://www.mil.am\n"
    "papikyan\tperson\tSuren Papikyan\tarmenia\tMinister of Defence of Armenia\t2021-11-15\t"
    "\tAM\tArmenpress 2021-11-15\n";

constexpr std::string_view kActorNames =
    "# id\tname\tattributes\n"
    "am-mod\tArmenian Defence Ministry\n"
    "armenia\tYerevan\tmetonym\n";

Result<ActorRegistry> load_tables(std::string_view actors, std::string_view names,
                                  Lexicon& lexicon) {
  TempDir dir;
  std::filesystem::create_directories(dir / "actors/names");
  write_file(dir / "actors/actors.tsv", std::string(actors));
  write_file(dir / "actors/names/en.tsv", std::string(names));
  return ActorRegistry::load(dir.path(), lexicon);
}

TEST(ActorTables, TheSyntheticBaseLoads) {
  Lexicon lexicon;
  Result<ActorRegistry> registry = load_tables(kActors, kActorNames, lexicon);
  ASSERT_TRUE(registry) << registry.error().message;
  EXPECT_EQ(registry->actors().size(), 3U);
  EXPECT_EQ(registry->find("papikyan")->valid_from, day("2021-11-15"));
  EXPECT_FALSE(registry->find("papikyan")->valid_to);
  ASSERT_EQ(lexicon.size(), 2U);
  EXPECT_EQ(lexicon.entry(1).category, "actor");
  EXPECT_EQ(lexicon.entry(1).value, "armenia");
  EXPECT_TRUE(lexicon.entry(1).has_attribute("metonym"));
}

TEST(ActorTables, NothingReachesTheLexiconOnError) {
  Lexicon lexicon;
  std::string names(kActorNames);
  names += "am-mfa\tArmenian Foreign Ministry\n";
  Result<ActorRegistry> registry = load_tables(kActors, names, lexicon);
  ASSERT_FALSE(registry);
  EXPECT_EQ(registry.error().message,
            "actors/names/en.tsv:4: column 1 'id': unknown actor 'am-mfa'");
  EXPECT_EQ(lexicon.size(), 0U);
}

TEST(ActorTables, ACycleOfPartiesIsRejected) {
  Lexicon lexicon;
  std::string actors(kActors);
  actors +=
      "unit-a\tunit\tUnit A\tunit-b\t\t\t\tAM\tsynthetic\n"
      "unit-b\tunit\tUnit B\tunit-a\t\t\t\tAM\tsynthetic\n";
  Result<ActorRegistry> registry = load_tables(actors, kActorNames, lexicon);
  ASSERT_FALSE(registry);
  EXPECT_EQ(registry.error().message,
            "actors/actors.tsv:5: column 4 'party': the parties of 'unit-a' form a cycle");
}

class ActorsBadInput : public testing::TestWithParam<test::BadInput> {};

TEST_P(ActorsBadInput, IsRejected) {
  test::expect_rejected(GetParam(), kActors, [](std::string_view text) {
    Lexicon lexicon;
    return load_tables(text, kActorNames, lexicon);
  });
}

INSTANTIATE_TEST_SUITE_P(
    Actors, ActorsBadInput,
    testing::Values(
        test::BadInput{"duplicate_id", "papikyan\tperson", "am-mod\tperson",
                       "actors.tsv:4: column 1 'id': duplicate id 'am-mod'"},
        test::BadInput{"id_not_a_slug", "papikyan\tperson", "Papikyan\tperson", "not a slug"},
        test::BadInput{"unknown_kind", "\tministry\t", "\tdepartment\t",
                       "column 2 'kind': unknown kind 'department'"},
        test::BadInput{"name_empty", "\tSuren Papikyan\t", "\t\t", "column 3 'name': empty"},
        test::BadInput{"unknown_party", "Papikyan\tarmenia", "Papikyan\tarmenia-gov",
                       "actors.tsv:4: column 4 'party': unknown actor 'armenia-gov'"},
        test::BadInput{"state_not_own_party", "Republic of Armenia\tarmenia",
                       "Republic of Armenia\t", "a state is its own party"},
        test::BadInput{"valid_from_not_a_date", "\t2021-11-15\t", "\t15.11.2021\t",
                       "column 6 'valid_from': '15.11.2021' is not a date"},
        test::BadInput{"valid_from_with_time", "\t2021-11-15\t", "\t2021-11-15T10:00\t",
                       "column 6 'valid_from'"},
        test::BadInput{"valid_to_before_from", "2021-11-15\t\t", "2021-11-15\t2021-08-01\t",
                       "column 7 'valid_to': 2021-08-01 is before valid_from 2021-11-15"},
        test::BadInput{"country_not_a_code", "\tAM\tArmenpress", "\tArmenia\tArmenpress",
                       "column 8 'country'"},
        test::BadInput{"source_empty", "\thttps://www.gov.am", "\t", "column 9 'source'"},
        test::BadInput{"column_missing", "\thttps://www.mil.am", "",
                       "actors.tsv:3: 8 tab-separated columns; expected 9"}),
    [](const auto& test) { return std::string(test.param.name); });

class ActorNamesBadInput : public testing::TestWithParam<test::BadInput> {};

TEST_P(ActorNamesBadInput, IsRejected) {
  test::expect_rejected(GetParam(), kActorNames, [](std::string_view text) {
    Lexicon lexicon;
    return load_tables(kActors, text, lexicon);
  });
}

INSTANTIATE_TEST_SUITE_P(
    Actors, ActorNamesBadInput,
    testing::Values(test::BadInput{"unknown_id", "am-mod\t", "ru-mod\t",
                                   "en.tsv:2: column 1 'id': unknown actor 'ru-mod'"},
                    test::BadInput{"title_date", "metonym", "title;valid_to=2021-02-30",
                                   "valid_to=2021-02-30 is not a date"},
                    test::BadInput{"attribute_syntax", "metonym", "metonym;;",
                                   "column 3 'attributes': empty attribute"}),
    [](const auto& test) { return std::string(test.param.name); });

}  // namespace
}  // namespace truce::extract
