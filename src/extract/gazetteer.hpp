// The gazetteer: the places a conflict's statements name, as data
// (data/gazetteer/places.tsv) with their names in every language
// (data/gazetteer/names/<language>.tsv). Loading checks every row and hands every
// name to the lexicon as category "place", so the matcher finds places the way it
// finds any other phrase. Formats: docs/formats/gazetteer-and-actors.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/geo.hpp"
#include "core/result.hpp"
#include "extract/id_index.hpp"
#include "extract/lexicon.hpp"

namespace truce::extract {

struct GazetteerPlace {
  std::string id;    // slug ("kilisali")
  std::string type;  // country, admin1, admin2, settlement, mountain, pass, area, border, line,
                     // water, region, road
  std::optional<GeoPoint> point;  // a representative point for areas and lines
  LocationPrecision precision = LocationPrecision::kExact;
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2, upper case; two for a border
  std::string admin1;                  // place id of the first-order division; may be empty
  std::string parent;                  // place id of the containing place; empty for countries
  std::string timezone;                // IANA; empty when the feature spans several zones
  bool approximate = false;
  // Another place bears one of its names (in the same language): only then
  // can a name of it be a homonym (Gazetteer::named_count above 1).
  bool shares_a_name = false;
  std::string source;                                     // where the coordinates come from
  std::map<std::string, std::string, std::less<>> names;  // language → preferred name

  // The preferred name in `language`, else the English one, else the id.
  std::string_view name(std::string_view language) const;
};

class Gazetteer {
 public:
  // Reads every table <data_dir>/gazetteer/*.tsv (places.tsv, countries.tsv …)
  // and every names/<language>[.<part>].tsv beside them, and adds every name
  // (except display_only ones) to `lexicon`. Errors name the file relative to
  // data_dir, the line and the column; on error nothing is added to the lexicon.
  static Result<Gazetteer> load(const std::filesystem::path& data_dir, Lexicon& lexicon);

  const GazetteerPlace* find(std::string_view id) const;
  // Every place that bears a name of `language` whose matching form
  // (text::matching_form, as LexiconEntry::phrase holds it) is `phrase`, in data
  // order: the matcher reports the first; the others are the candidates a
  // document's context chooses from.
  std::vector<const GazetteerPlace*> named(std::string_view language,
                                           std::string_view phrase) const;
  // How many places bear that name: named(...).size() without the list.
  std::size_t named_count(std::string_view language, std::string_view phrase) const;
  // Whether the place `id` bears the name `written` (as a text writes it, any
  // case form the data lists: «Крутой Балки») in `language`.
  bool bears_name(std::string_view id, std::string_view language, std::string_view written) const;
  // The country record of an ISO code ("AM" → armenia), or null.
  const GazetteerPlace* country(std::string_view iso_code) const;
  // Border features shared by the two countries (ISO codes, either order).
  std::vector<const GazetteerPlace*> borders_between(std::string_view country_a,
                                                     std::string_view country_b) const;
  // Whether `ancestor_id` is `place_id` or contains it through parent links.
  bool within(std::string_view place_id, std::string_view ancestor_id) const;
  // Whether two places of a village's or a town's precision lie within
  // 15 km of each other: one place told in more detail, not another.
  bool nearby(std::string_view one_id, std::string_view other_id) const;
  // The place as a claim carries it: `written` is the name as the source wrote
  // it; the country is set when the place lies in one country only, admin1 is
  // the division's English name.
  Place to_place(const GazetteerPlace& place, std::string written) const;

  const std::vector<GazetteerPlace>& places() const { return places_; }

 private:
  std::vector<GazetteerPlace> places_;
  IdIndex index_;  // ids to positions in places_
  // "lang\tname" → indices into places_
  StringMap<std::vector<std::size_t>> named_;
  // The entry of named_ for a language and a phrase, or null; the key is put
  // together on the stack when it is short (every place mention asks).
  const std::vector<std::size_t>* bearers(std::string_view language, std::string_view phrase) const;
  // ISO code → the first place of type "country" of that one country
  StringMap<std::size_t> countries_;
  // The places of type "border", in data order: borders_between looks only at them.
  std::vector<std::size_t> borders_;
};

// --- Data tables and names files, shared with the actor registry (actors.hpp).

// A line of a data table: its number in the file and its tab-separated fields,
// trimmed of spaces.
struct TableLine {
  std::uint32_t number = 0;
  std::vector<std::string> fields;
};

// Reads a UTF-8 table with tab-separated columns; lines whose first non-blank
// character is '#' and blank lines are skipped; a byte-order mark and CRLF line
// ends are accepted. `display_name` names the file in errors.
Result<std::vector<TableLine>> read_table(const std::filesystem::path& file,
                                          std::string_view display_name);

// kInvalidInput "<file>:<line>: column <n> '<name>': <problem>", n counted from 1.
Error table_error(std::string_view file, std::uint32_t line, std::size_t column,
                  std::string_view column_name, std::string_view problem);

// Names files have the form "<id> TAB <name> [TAB <attributes>]"; attributes
// are "key=value;key" as in lexicon files.

struct NameRow {
  std::string id;
  std::string name;           // as written, without the stem mark
  std::string language;       // the file's stem: "ar", "ru", ...
  bool stem = false;          // the name ended in '*'
  bool display_only = false;  // the written form of a name, not matched
  std::vector<std::pair<std::string, std::string>> attributes;  // without display_only
  std::string file;  // as named in errors: "gazetteer/names/ar.tsv"
  std::uint32_t line = 0;
};

// Reads every *.tsv of `directory`, in name order. `display_dir` prefixes file
// names in errors ("gazetteer/names"); `what` names the kind of id ("place");
// `known` says whether an id exists. valid_from and valid_to attributes must be
// dates. A file's language is its stem: 2 or 3 lowercase letters.
Result<std::vector<NameRow>> read_name_files(const std::filesystem::path& directory,
                                             std::string_view display_dir, std::string_view what,
                                             const std::function<bool(std::string_view)>& known);

// The lexicon entry of a name: category `category`, value the id.
LexiconEntry to_lexicon_entry(const NameRow& row, std::string_view category);

}  // namespace truce::extract
