#include "extract/actors.hpp"

#include <algorithm>
#include <array>

#include "core/ids.hpp"
#include "extract/gazetteer.hpp"

namespace truce::extract {
namespace {

constexpr std::string_view kContext = "extract.actors: load";

constexpr std::array<std::string_view, 9> kColumns = {
    "id", "kind", "name", "party", "office", "valid_from", "valid_to", "country", "source"};
enum Column : std::size_t {
  kId,
  kKind,
  kName,
  kParty,
  kOffice,
  kValidFrom,
  kValidTo,
  kCountry,
  kSource
};

constexpr std::array<std::string_view, 13> kKinds = {
    "state",        "government", "head_of_state",    "ministry",     "armed_forces",
    "border_guard", "unit",       "person",           "organisation", "outlet",
    "agency",       "mission",    "monitoring_centre"};

std::string in_quotes(std::string_view text) {
  return "'" + std::string(text) + "'";
}

Result<Actor> parse_actor(const TableLine& line, const std::string& file) {
  auto error = [&](std::size_t column, const std::string& problem) {
    return table_error(file, line.number, column, kColumns[column], problem);
  };
  const auto& fields = line.fields;
  if (fields.size() != kColumns.size()) {
    return make_error(ErrorCode::kInvalidInput,
                      file + ":" + std::to_string(line.number) + ": " +
                          std::to_string(fields.size()) + " tab-separated columns; expected " +
                          std::to_string(kColumns.size()) +
                          " (id, kind, name, party, office, valid_from, valid_to, country, source)",
                      std::string(kContext));
  }
  Actor actor;
  actor.id = fields[kId];
  if (!is_valid_slug(actor.id)) {
    return error(kId, in_quotes(actor.id) + " is not a slug (1-64 of [a-z0-9._-])");
  }
  actor.kind = fields[kKind];
  if (std::find(kKinds.begin(), kKinds.end(), actor.kind) == kKinds.end()) {
    return error(kKind,
                 "unknown kind " + in_quotes(actor.kind) +
                     " (state, government, head_of_state, ministry, armed_forces, border_guard, "
                     "unit, person, organisation, outlet, agency, mission, "
                     "monitoring_centre)");
  }
  actor.name = fields[kName];
  if (actor.name.empty()) {
    return error(kName, "empty");
  }
  actor.party = fields[kParty];
  if (actor.kind == "state" && actor.party != actor.id) {
    return error(kParty, "a state is its own party: write " + in_quotes(actor.id));
  }
  actor.office = fields[kOffice];
  for (std::size_t column : {std::size_t{kValidFrom}, std::size_t{kValidTo}}) {
    if (fields[column].empty()) {
      continue;
    }
    std::optional<CivilTime> date = parse_civil_time(fields[column]);
    if (!date || date->time_of_day) {
      return error(column, in_quotes(fields[column]) + " is not a date (YYYY-MM-DD)");
    }
    (column == kValidFrom ? actor.valid_from : actor.valid_to) = date;
  }
  if (actor.valid_from && actor.valid_to && *actor.valid_to < *actor.valid_from) {
    return error(kValidTo, fields[kValidTo] + " is before valid_from " + fields[kValidFrom]);
  }
  actor.country = fields[kCountry];
  bool country_code =
      actor.country.size() == 2 && std::all_of(actor.country.begin(), actor.country.end(),
                                               [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!actor.country.empty() && !country_code) {
    return error(kCountry, in_quotes(actor.country) + " is not an ISO 3166-1 alpha-2 code ('AM')");
  }
  actor.source = fields[kSource];
  if (actor.source.empty()) {
    return error(kSource, "empty; say where the facts come from");
  }
  return actor;
}

}  // namespace

bool Actor::active_on(const CivilTime& day) const {
  CivilTime date_only{day.date, std::nullopt};
  return (!valid_from || !(date_only < *valid_from)) && (!valid_to || !(*valid_to < date_only));
}

std::string_view Actor::name_in(std::string_view language) const {
  auto it = names.find(language);
  return it == names.end() ? std::string_view(name) : std::string_view(it->second);
}

Result<ActorRegistry> ActorRegistry::load(const std::filesystem::path& data_dir, Lexicon& lexicon) {
  const std::string actors_file = "actors/actors.tsv";
  Result<std::vector<TableLine>> lines =
      read_table(data_dir / "actors" / "actors.tsv", actors_file);
  if (!lines) {
    return std::move(lines).error();
  }
  ActorRegistry registry;
  std::vector<std::uint32_t> line_of;  // the actors.tsv line of each actor, for later errors
  for (const TableLine& line : *lines) {
    Result<Actor> actor = parse_actor(line, actors_file);
    if (!actor) {
      return std::move(actor).error();
    }
    if (!registry.index_.insert(actor->id, static_cast<std::uint32_t>(registry.actors_.size()))) {
      return table_error(actors_file, line.number, kId, kColumns[kId],
                         "duplicate id " + in_quotes(actor->id));
    }
    registry.actors_.push_back(std::move(actor).value());
    line_of.push_back(line.number);
  }

  for (std::size_t i = 0; i < registry.actors_.size(); ++i) {
    const Actor& actor = registry.actors_[i];
    if (!actor.party.empty() && registry.find(actor.party) == nullptr) {
      return table_error(actors_file, line_of[i], kParty, kColumns[kParty],
                         "unknown actor " + in_quotes(actor.party));
    }
    // A chain of parties longer than the number of actors has a cycle.
    const Actor* step = &actor;
    for (std::size_t steps = 0; step != nullptr && !step->party.empty() && step->party != step->id;
         ++steps) {
      if (steps > registry.actors_.size()) {
        return table_error(actors_file, line_of[i], kParty, kColumns[kParty],
                           "the parties of " + in_quotes(actor.id) + " form a cycle");
      }
      step = registry.find(step->party);
    }
  }
  registry.parties_.reserve(registry.actors_.size());
  for (const Actor& actor : registry.actors_) {
    registry.parties_.push_back(registry.walk_to_party(&actor));
    if (actor.kind == "state" && actor.party == actor.id && !actor.country.empty() &&
        registry.state_of_country(actor.country).empty()) {
      registry.states_.emplace_back(actor.country, actor.id);
    }
  }

  Result<std::vector<NameRow>> names =
      read_name_files(data_dir / "actors" / "names", "actors/names", "actor",
                      [&registry](std::string_view id) { return registry.find(id) != nullptr; });
  if (!names) {
    return std::move(names).error();
  }
  for (const NameRow& row : *names) {
    Actor& actor = registry.actors_[registry.index_.find(row.id)];
    actor.names.emplace(row.language, row.name);  // the first name of a language is preferred
    if (!row.display_only) {
      lexicon.add(to_lexicon_entry(row, "actor"));
    }
  }
  return registry;
}

const Actor* ActorRegistry::find(std::string_view id) const {
  const std::uint32_t position = index_.find(id);
  return position == IdIndex::kAbsent ? nullptr : &actors_[position];
}

const std::string& ActorRegistry::party_of(std::string_view id) const {
  static const std::string none;
  const std::uint32_t position = index_.find(id);
  return position == IdIndex::kAbsent ? none : parties_[position];
}

const std::string& ActorRegistry::state_of_country(std::string_view country) const {
  static const std::string none;
  for (const auto& [code, state] : states_) {
    if (code == country) {
      return state;
    }
  }
  return none;
}

std::string ActorRegistry::walk_to_party(const Actor* actor) const {
  // Load rejected cycles, so the walk ends.
  while (actor != nullptr && !actor->party.empty() && actor->party != actor->id) {
    const Actor* party = find(actor->party);
    if (party == nullptr || party->party.empty()) {
      return actor->party;
    }
    actor = party;
  }
  return actor == nullptr ? std::string() : actor->party;
}

ActorRef ActorRegistry::ref(std::string_view id) const {
  const Actor* actor = find(id);
  return ActorRef{std::string(id), actor == nullptr ? std::string(id) : actor->name};
}

bool entry_valid_on(const LexiconEntry& entry, const CivilTime& day) {
  CivilTime date_only{day.date, std::nullopt};
  if (entry.has_attribute("valid_from")) {
    std::optional<CivilTime> from = parse_civil_time(entry.attribute("valid_from"));
    if (from && date_only < *from) {
      return false;
    }
  }
  if (entry.has_attribute("valid_to")) {
    std::optional<CivilTime> to = parse_civil_time(entry.attribute("valid_to"));
    if (to && *to < date_only) {
      return false;
    }
  }
  return true;
}

}  // namespace truce::extract
