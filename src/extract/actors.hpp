// The actor registry: states, their governments, ministries and forces,
// mediators, missions, persons in office and the outlets that publish
// statements, as data (data/actors/actors.tsv) with their names and aliases in
// every language (data/actors/names/<language>.tsv). Every name goes to the
// lexicon as category "actor" with its attributes (adjective, metonym, surname,
// title with valid_from/valid_to), so the extractor can tell "the Armenian side"
// from "Yerevan said" and resolve "Russia's defence minister" at a date.
// Formats: docs/formats/gazetteer-and-actors.md.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actors.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "extract/id_index.hpp"
#include "extract/lexicon.hpp"

namespace truce::extract {

struct Actor {
  std::string id;      // slug ("am-mod")
  std::string kind;    // state, government, head_of_state, ministry, armed_forces, border_guard,
                       // unit, person, organisation, outlet, agency, mission, monitoring_centre
  std::string name;    // English
  std::string party;   // the actor id it belongs to or acts for; a state is its own party
  std::string office;  // persons: the office held from valid_from to valid_to
  std::optional<CivilTime> valid_from;  // absent: open or not known
  std::optional<CivilTime> valid_to;    // inclusive
  std::string country;                  // ISO 3166-1 alpha-2; empty for international bodies
  std::string source;
  std::map<std::string, std::string, std::less<>> names;  // language → preferred name

  // Whether `day` lies within [valid_from, valid_to].
  bool active_on(const CivilTime& day) const;
  // The preferred name in `language`, else `name`.
  std::string_view name_in(std::string_view language) const;
  // An outlet or a news agency: it reports what others say.
  bool is_press() const { return kind == "outlet" || kind == "agency"; }
};

class ActorRegistry {
 public:
  // Reads <data_dir>/actors/actors.tsv and every names/<language>.tsv beside it,
  // and adds every name (except display_only ones) to `lexicon`. Errors name the
  // file relative to data_dir, the line and the column; on error nothing is
  // added to the lexicon.
  static Result<ActorRegistry> load(const std::filesystem::path& data_dir, Lexicon& lexicon);

  const Actor* find(std::string_view id) const;
  // The state or authority the actor acts for, following party links to one that
  // is its own party ("am-mod" → "armenia"); empty for an unknown id and for
  // actors that act for no one.
  const std::string& party_of(std::string_view id) const;
  // The state of a country (ISO 3166-1 alpha-2): the first state of the file
  // with that country that is its own party; empty when there is none.
  const std::string& state_of_country(std::string_view country) const;
  // A reference as claims carry it: the id and the English name; an unknown id
  // keeps its id as the name.
  ActorRef ref(std::string_view id) const;

  const std::vector<Actor>& actors() const { return actors_; }

 private:
  std::string walk_to_party(const Actor* actor) const;

  std::vector<Actor> actors_;
  // Ids to positions in actors_: claim assembly looks actors up by id tens of
  // thousands of times a megabyte.
  IdIndex index_;
  // party_of of each actor, resolved at load: claims ask it tens of thousands
  // of times a megabyte.
  std::vector<std::string> parties_;
  // Country codes and their states, in file order (a dozen: a walk is cheaper than a map).
  std::vector<std::pair<std::string, std::string>> states_;
};

// Whether a lexicon entry applies on `day`: an entry without valid_from and
// valid_to attributes always does ("Putin"); a title does within its dates
// ("Russia's defence minister" names Shoigu until 2024-05-12).
bool entry_valid_on(const LexiconEntry& entry, const CivilTime& day);

}  // namespace truce::extract
