// The fictional theatre of the reading tests: the bundled lexicons with a
// gazetteer and actors that name no real place or institution (Ruritania,
// Freedonia), so that a rule is tested on plainly synthetic texts.
#pragma once

#include <filesystem>
#include <string>

#include "e2e.hpp"

namespace truce::test {

// A data directory under `dir` with the bundled lexicons and empty gazetteer
// and actor folders, for a test to fill with fictional places and actors.
inline std::filesystem::path fictional_data_dir(const std::filesystem::path& dir) {
  const std::filesystem::path data = dir / "data";
  std::filesystem::create_directories(data / "gazetteer/names");
  std::filesystem::create_directories(data / "actors/names");
  std::filesystem::copy(kSourceDir / "data/lexicon", data / "lexicon",
                        std::filesystem::copy_options::recursive);
  return data;
}

// A data directory with the bundled lexicons and a fictional theatre, to test
// rules on texts that name no real institution.
class FictionalTheatre : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    data_ = fictional_data_dir(dir_.path());
    write_file(data_ / "gazetteer/places.tsv",
               "ruritania\tcountry\t10.0\t50.0\t6\tRU\t\t\tEurope/Moscow\tno\tfictional\n"
               "grenzdorf\tsettlement\t10.1\t50.1\t1\tRU\t\truritania\tEurope/Moscow\tno\t"
               "fictional\n"
               "nebendorf\tsettlement\t10.15\t50.12\t1\tRU\t\truritania\tEurope/Moscow\tno\t"
               "fictional\n"
               "kleinheim\tsettlement\t10.4\t50.3\t1\tRU\t\truritania\tEurope/Moscow\tno\t"
               "fictional\n"
               "freedonia-land\tcountry\t12.0\t48.0\t6\tFD\t\t\tEurope/Berlin\tno\tfictional\n"
               "ostdorf\tsettlement\t12.1\t48.1\t1\tFD\t\tfreedonia-land\tEurope/Berlin\tno\t"
               "fictional\n"
               "grenzdorf-zone\tarea\t10.1\t50.1\t3\tRU\t\truritania\tEurope/Moscow\tno\t"
               "fictional\n"
               "ru-fd-border\tborder\t11.0\t49.0\t5\tRU;FD\t\truritania\t\tno\tfictional\n"
               "oberland\tadmin1\t10.5\t50.5\t4\tRU\t\truritania\tEurope/Moscow\tno\tfictional\n"
               "unterdorf\tsettlement\t10.6\t50.6\t1\tRU\toberland\toberland\tEurope/Moscow\tno\t"
               "fictional\n"
               "hochdorf\tsettlement\t10.9\t50.9\t1\tRU\toberland\toberland\tEurope/Moscow\tno\t"
               "fictional\n");
    write_file(
        data_ / "gazetteer/names/en.tsv",
        "ruritania\tRuritania\ngrenzdorf\tGrenzdorf\nkleinheim\tKleinheim\nnebendorf\tNebendorf\n"
        "ostdorf\tOstdorf\ngrenzdorf-zone\tGrenzdorf ceasefire zone\n"
        "ru-fd-border\tRuritania-Freedonia border\noberland\tOberland\n"
        "unterdorf\tUnterdorf\nhochdorf\tHochdorf\n");
    write_file(data_ / "gazetteer/names/ar.tsv", "oberland\tأوبرلاند\n");
    write_file(data_ / "gazetteer/names/ru.tsv", "grenzdorf\tГренцдорф*\nkleinheim\tКляйнхайм*\n");
    write_file(data_ / "actors/names/ru.tsv",
               "ru-fictional-mfa\tМИД Руритании\nfd-wire\tФридония Пресс\n"
               "fd-border-guards\tпограничников Фридонии\n");
    write_file(data_ / "actors/names/ar.tsv",
               "ru-fictional-mfa\tوزارة خارجية روريتانيا\nfd-wire\tوكالة فريدونيا\n"
               "freedonia\tفريدونيا\n");
    write_file(data_ / "actors/actors.tsv",
               "ruritania\tstate\tRuritania\truritania\t\t\t\tRU\tfictional\n"
               "ru-fictional-mfa\tministry\tForeign Ministry of Ruritania\truritania\t\t\t\tRU\t"
               "fictional\n"
               "anna-example\tperson\tAnna Example\tru-fictional-mfa\tSpokesperson of the "
               "Foreign Ministry of Ruritania\t\t\tRU\tfictional\n"
               "freedonia\tstate\tFreedonia\tfreedonia\t\t\t\tFD\tfictional\n"
               "fd-fictional-forces\tarmed_forces\tArmed Forces of Freedonia\tfreedonia\t\t\t\tFD\t"
               "fictional\n"
               "fd-wire\tagency\tFreedonia Wire\t\t\t\t\tFD\tfictional\n"
               "border-monitors\tmission\tBorder Monitoring Mission\t\t\t\t\tRU\tfictional\n"
               "ru-fictional-parliament\tgovernment\tParliament of Ruritania\truritania\t\t\t\tRU\t"
               "fictional\n"
               "fd-border-guards\tarmed_forces\tBorder Guards of Freedonia\tfreedonia\t\t\t\tFD\t"
               "fictional\n"
               "fd-fictional-mfa\tministry\tForeign Ministry of Freedonia\tfreedonia\t\t\t\tFD\t"
               "fictional\n"
               "fd-press-service\tagency\tPress Service of the Freedonian Forces\t"
               "fd-fictional-forces\t\t\t\tFD\tfictional\n"
               "ru-monitor-office\tagency\tRuritanian office in the Border Monitoring Mission\t"
               "ruritania\t\t\t\tRU\tfictional\n"
               "grenzland-watch\torganisation\tGrenzland Rights Watch\t\t\t\t\tRU\tfictional\n"
               "fd-peoples-guard\tarmed_forces\tFreedonian People's Guard\tfreedonia\t\t\t\tFD\t"
               "fictional\n");
    write_file(data_ / "actors/names/en.tsv",
               "ruritania\tRuritania\nruritania\tRuritanian\tadjective\n"
               "ru-fictional-mfa\tForeign Ministry of Ruritania\n"
               "anna-example\tAnna Example\n"
               "freedonia\tFreedonia\nfd-fictional-forces\tFreedonian troops\n"
               "fd-wire\tFreedonia Wire\nborder-monitors\tBorder Monitoring Mission\n"
               "ru-fictional-parliament\tRuritanian parliament\n"
               "fd-border-guards\tFreedonian border guards\n"
               "fd-fictional-mfa\tForeign Ministry of Freedonia\n"
               "fd-press-service\tFreedonian forces press service\n"
               "border-monitors\tBMM\n"
               "ru-monitor-office\tRuritanian office in the Border Monitoring Mission\n"
               "grenzland-watch\tGrenzland Rights Watch\n"
               "fd-peoples-guard\tFreedonian People's Guard\n");
  }

  // As an outlet publishes it: the outlet's own voice can become its claim.
  nlohmann::json read_published(const std::string& text,
                                const std::string& publisher = "Ruritanian Daily") {
    return read_enveloped(
        nlohmann::json{{"text", text}, {"publisher", publisher}, {"published", "2030-05-06"}});
  }

  // An outlet's text with no publication date.
  nlohmann::json read_undated(const std::string& text) {
    return read_enveloped(nlohmann::json{{"text", text}, {"publisher", "Ruritanian Daily"}});
  }

  nlohmann::json read_enveloped(const nlohmann::json& envelope) {
    write_file(dir_ / "story.json", envelope.dump());
    auto result =
        truce({"extract", "--json", "--format", "envelope", (dir_ / "story.json").string()},
              {{"TRUCE_DATA", data_.string()}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }

  // The value at `pointer` ("/place/name") of a reading's one claim: null when
  // the claim has none, or when the reading has not exactly one claim (which
  // fails the test).
  static nlohmann::json of_the_one_claim(const nlohmann::json& reading,
                                         const std::string& pointer) {
    EXPECT_EQ(reading["claims"].size(), 1U) << reading.dump(1);
    const nlohmann::json::json_pointer at(pointer);
    if (reading["claims"].size() != 1 || !reading["claims"][0].contains(at)) {
      return nullptr;
    }
    return reading["claims"][0][at];
  }

  // The one casualty figure of a reading's one claim: null (failing the test)
  // when there is not exactly one claim with exactly one figure.
  static nlohmann::json the_one_figure(const nlohmann::json& reading) {
    const nlohmann::json figures = of_the_one_claim(reading, "/casualties");
    EXPECT_EQ(figures.size(), 1U) << reading.dump(1);
    return figures.is_array() && figures.size() == 1 ? figures[0] : nlohmann::json();
  }

  nlohmann::json read(const std::string& text) {
    write_file(dir_ / "story.txt", text);
    auto result =
        truce({"extract", "--json", "--published", "2030-05-06", (dir_ / "story.txt").string()},
              {{"TRUCE_DATA", data_.string()}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }

  std::filesystem::path data_;
};

}  // namespace truce::test
