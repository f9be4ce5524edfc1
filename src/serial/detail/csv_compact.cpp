#include "serial/detail/csv_compact.hpp"

#include <algorithm>
#include <functional>

#include "core/vocabulary.hpp"
#include "serial/detail/csv_cells.hpp"

namespace truce::serial::detail {
namespace {

constexpr std::string_view kSpecials = "\\;,=|:>";

bool is_blank_char(char c) {
  return c == ' ' || c == '\t';
}

// True when the character at `pos` is escaped by an odd run of backslashes.
bool is_escaped(std::string_view text, std::size_t pos) {
  std::size_t backslashes = 0;
  while (pos > backslashes && text[pos - backslashes - 1] == '\\') {
    ++backslashes;
  }
  return backslashes % 2 == 1;
}

std::size_t find_unescaped(std::string_view text, char wanted) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;  // skip the escaped character
      continue;
    }
    if (text[i] == wanted) {
      return i;
    }
  }
  return std::string_view::npos;
}

Error problem(std::string message) {
  return make_error(ErrorCode::kInvalidInput, std::move(message));
}

// Runs `read` on each non-blank ';' item; prefixes its failure with the item number.
Status for_each_item(std::string_view cell, const std::function<Status(std::string_view)>& read) {
  auto items = split_unescaped(cell, ';');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (trim_blanks(items[i]).empty()) {
      continue;  // tolerate "a;;b" and a trailing ';'
    }
    if (auto status = read(items[i]); !status) {
      return problem("item " + std::to_string(i + 1) + ": " + status.error().message);
    }
  }
  return Status::ok();
}

struct Pair {
  std::string key;
  std::string_view value;  // still escaped
};

Result<std::vector<Pair>> split_pairs(std::string_view item) {
  std::vector<Pair> pairs;
  for (std::string_view piece : split_unescaped(item, ',')) {
    if (trim_blanks(piece).empty()) {
      continue;
    }
    auto equals = find_unescaped(piece, '=');
    if (equals == std::string_view::npos) {
      return problem(quote_cell(trim_blanks(piece)) + " is not a name=value pair");
    }
    std::string key = unescape(piece.substr(0, equals));
    for (const auto& pair : pairs) {
      if (pair.key == key) {
        return problem("'" + key + "' is given twice");
      }
    }
    pairs.push_back(Pair{std::move(key), piece.substr(equals + 1)});
  }
  return pairs;
}

// Writes `value` after a prefix of "," when it is not the item's first pair.
void append_pair(std::string& item, std::string_view key, std::string_view escaped_value) {
  if (!item.empty()) {
    item += ',';
  }
  item.append(key).append("=").append(escaped_value);
}

std::optional<ActorRef> make_actor(std::string id, std::string name) {
  if (id.empty() && name.empty()) {
    return std::nullopt;
  }
  return ActorRef{std::move(id), std::move(name)};
}

void append_actor(std::string& item, std::string_view prefix,
                  const std::optional<ActorRef>& actor) {
  if (!actor) {
    return;
  }
  if (!actor->id.empty()) {
    append_pair(item, std::string(prefix) + "_id", escape(actor->id));
  }
  if (!actor->name.empty()) {
    append_pair(item, std::string(prefix) + "_name", escape(actor->name));
  }
}

template <typename T>
std::string join(const std::vector<T>& items, std::string_view separator,
                 const std::function<std::string(const T&)>& format) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += format(items[i]);
  }
  return out;
}

Status read_asset(std::string_view item, std::vector<AssetChange>& assets) {
  auto pairs = split_pairs(item);
  if (!pairs) {
    return pairs.error();
  }
  AssetChange asset;
  bool has_kind = false;
  bool has_outcome = false;
  std::string owner_id, owner_name, gainer_id, gainer_name;
  for (const auto& [key, raw] : *pairs) {
    std::string value = unescape(raw);
    if (key == "kind") {
      auto kind =
          parse_word<AssetKind>(value, parse_asset_kind, words_of_asset_kind, "an asset kind");
      if (!kind) {
        return problem("kind: " + kind.error().message);
      }
      asset.kind = *kind;
      has_kind = true;
    } else if (key == "outcome") {
      auto outcome = parse_word<AssetOutcome>(value, parse_asset_outcome, words_of_asset_outcome,
                                              "an asset outcome");
      if (!outcome) {
        return problem("outcome: " + outcome.error().message);
      }
      asset.outcome = *outcome;
      has_outcome = true;
    } else if (key == "count") {
      auto count = parse_count(value);
      if (!count) {
        return problem("count: " + count.error().message);
      }
      asset.count = *count;
    } else if (key == "owner_id") {
      owner_id = value;
    } else if (key == "owner_name") {
      owner_name = value;
    } else if (key == "gainer_id") {
      gainer_id = value;
    } else if (key == "gainer_name") {
      gainer_name = value;
    } else if (key == "description") {
      asset.description = value;
    } else {
      return problem("unknown name '" + key +
                     "'; expected kind, outcome, count, owner_id, owner_name, gainer_id, "
                     "gainer_name or description");
    }
  }
  if (!has_kind || !has_outcome) {
    return problem(std::string("kind and outcome are required (e.g. kind=position,outcome=lost)"));
  }
  asset.owner = make_actor(std::move(owner_id), std::move(owner_name));
  asset.gainer = make_actor(std::move(gainer_id), std::move(gainer_name));
  assets.push_back(std::move(asset));
  return Status::ok();
}

Status read_casualty_item(std::string_view item, std::vector<CasualtyFigure>& figures) {
  auto pairs = split_pairs(item);
  if (!pairs) {
    return pairs.error();
  }
  std::string kind_word, party_id, party_name;
  std::vector<std::pair<CasualtyStatus, CountRange>> counts;
  for (const auto& [key, raw] : *pairs) {
    std::string value = unescape(raw);
    if (key == "side_kind") {
      kind_word = value;
    } else if (key == "side_party_id") {
      party_id = value;
    } else if (key == "side_party_name") {
      party_name = value;
    } else if (auto status = parse_casualty_status(key)) {
      auto count = parse_count(value);
      if (!count) {
        return problem(key + ": " + count.error().message);
      }
      counts.emplace_back(*status, *count);
    } else {
      return problem("unknown name '" + key +
                     "'; expected side_kind, side_party_id, side_party_name or one of: " +
                     words_of_casualty_status());
    }
  }
  if (kind_word.empty()) {
    return problem(std::string("side_kind is required (e.g. side_kind=combatants)"));
  }
  if (counts.empty()) {
    return problem("no figure; add one of: " + words_of_casualty_status() + " (e.g. killed=3)");
  }
  auto side = make_side(kind_word, std::move(party_id), std::move(party_name));
  if (!side) {
    return problem("side_kind: " + side.error().message);
  }
  for (const auto& [status, count] : counts) {
    figures.push_back(CasualtyFigure{*side, status, count});
  }
  return Status::ok();
}

// "120-131|140-150": [start, end) spans separated by '|'; blank is none.
Status read_spans(std::string_view spans, std::vector<TextSpan>& out) {
  if (trim_blanks(spans).empty()) {
    return Status::ok();
  }
  for (std::string_view span : split_unescaped(spans, '|')) {
    span = trim_blanks(span);
    auto dash = span.find('-');
    if (dash == std::string_view::npos) {
      return problem(quote_cell(span) + " is not a span start-end (e.g. 120-131)");
    }
    auto start = parse_offset(span.substr(0, dash));
    auto end = parse_offset(span.substr(dash + 1));
    if (!start || !end) {
      return problem(quote_cell(span) +
                     " is not a span start-end of code-point offsets (e.g. 120-131)");
    }
    out.push_back(TextSpan{*start, *end});
  }
  return Status::ok();
}

std::string format_spans(const std::vector<TextSpan>& spans) {
  std::string text;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    text +=
        (i > 0 ? "|" : "") + std::to_string(spans[i].start) + "-" + std::to_string(spans[i].end);
  }
  return text;
}

Status read_provenance_item(std::string_view item, std::vector<FieldProvenance>& provenance) {
  auto equals = find_unescaped(item, '=');
  if (equals == std::string_view::npos) {
    return problem(quote_cell(trim_blanks(item)) +
                   " is not field=start-end (e.g. casualties/0=120-131)");
  }
  FieldProvenance entry;
  entry.field = unescape(item.substr(0, equals));
  if (auto spans = read_spans(item.substr(equals + 1), entry.spans); !spans) {
    return spans;
  }
  provenance.push_back(std::move(entry));
  return Status::ok();
}

Status read_actor_item(std::string_view item, std::vector<ClaimActor>& actors) {
  auto pairs = split_pairs(item);
  if (!pairs) {
    return pairs.error();
  }
  ClaimActor entry;
  bool has_role = false;
  bool has_id = false;
  bool has_name = false;
  for (const auto& [key, raw] : *pairs) {
    std::string value = unescape(raw);
    if (key == "role") {
      auto role =
          parse_word<ActorRole>(value, parse_actor_role, words_of_actor_role, "an actor role");
      if (!role) {
        return problem("role: " + role.error().message);
      }
      entry.role = *role;
      has_role = true;
    } else if (key == "id") {
      entry.actor.id = value;
      has_id = true;
    } else if (key == "name") {
      entry.actor.name = value;
      has_name = true;
    } else {
      return problem("unknown name '" + key + "'; expected role, id or name");
    }
  }
  if (!has_role || !has_id || !has_name) {
    return problem(
        std::string("role, id and name are required (e.g. role=mediator,id=russia,"
                    "name=Russia)"));
  }
  actors.push_back(std::move(entry));
  return Status::ok();
}

Status read_agreement_item(std::string_view item, std::vector<AgreementReference>& agreements) {
  auto pairs = split_pairs(item);
  if (!pairs) {
    return pairs.error();
  }
  AgreementReference reference;
  bool has_name = false;
  for (const auto& [key, raw] : *pairs) {
    if (key == "name") {
      reference.name = unescape(raw);
      has_name = true;
    } else if (key == "dates") {
      for (std::string_view piece : split_unescaped(raw, '|')) {
        if (trim_blanks(piece).empty()) {
          continue;
        }
        auto date = parse_time_cell(unescape(piece));
        if (!date) {
          return problem("dates: " + date.error().message);
        }
        reference.dates.push_back(*date);
      }
    } else if (key == "registry_id") {
      reference.registry_id = unescape(raw);
    } else if (key == "spans") {
      if (auto spans = read_spans(raw, reference.spans); !spans) {
        return problem("spans: " + spans.error().message);
      }
    } else {
      return problem("unknown name '" + key + "'; expected name, dates, registry_id or spans");
    }
  }
  if (!has_name) {
    return problem(std::string("name is required (e.g. name=the trilateral statement)"));
  }
  agreements.push_back(std::move(reference));
  return Status::ok();
}

}  // namespace

std::vector<std::string_view> split_unescaped(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] == separator) {
      pieces.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  pieces.push_back(text.substr(start));
  return pieces;
}

std::string unescape(std::string_view piece) {
  while (!piece.empty() && is_blank_char(piece.front())) {
    piece.remove_prefix(1);
  }
  while (!piece.empty() && is_blank_char(piece.back()) && !is_escaped(piece, piece.size() - 1)) {
    piece.remove_suffix(1);
  }
  std::string out;
  out.reserve(piece.size());
  for (std::size_t i = 0; i < piece.size(); ++i) {
    if (piece[i] == '\\' && i + 1 < piece.size()) {
      ++i;
    }
    out += piece[i];
  }
  return out;
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool edge_blank = is_blank_char(c) && (i == 0 || i + 1 == text.size());
    if (edge_blank || kSpecials.find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

Result<std::vector<Weapon>> parse_weapons(std::string_view cell) {
  std::vector<Weapon> weapons;
  auto status = for_each_item(cell, [&](std::string_view item) -> Status {
    auto parts = split_unescaped(item, ':');
    if (parts.size() > 2) {
      return problem(quote_cell(trim_blanks(item)) +
                     " has more than one ':' (write class:calibre, e.g. mortar:82mm)");
    }
    auto weapon_class = parse_word<WeaponClass>(unescape(parts[0]), parse_weapon_class,
                                                words_of_weapon_class, "a weapon class");
    if (!weapon_class) {
      return weapon_class.error();
    }
    weapons.push_back(Weapon{*weapon_class, parts.size() == 2 ? unescape(parts[1]) : ""});
    return Status::ok();
  });
  if (!status) {
    return status.error();
  }
  return weapons;
}

std::string format_weapons(const std::vector<Weapon>& weapons) {
  return join<Weapon>(weapons, ";", [](const Weapon& weapon) {
    std::string item(to_string(weapon.weapon_class));
    if (!weapon.calibre.empty()) {
      item += ":" + escape(weapon.calibre);
    }
    return item;
  });
}

Result<std::vector<AssetChange>> parse_assets(std::string_view cell) {
  std::vector<AssetChange> assets;
  auto status =
      for_each_item(cell, [&](std::string_view item) { return read_asset(item, assets); });
  if (!status) {
    return status.error();
  }
  return assets;
}

std::string format_assets(const std::vector<AssetChange>& assets) {
  return join<AssetChange>(assets, ";", [](const AssetChange& asset) {
    std::string item;
    append_pair(item, "kind", to_string(asset.kind));
    append_pair(item, "outcome", to_string(asset.outcome));
    if (asset.count) {
      append_pair(item, "count", format_count(*asset.count));
    }
    append_actor(item, "owner", asset.owner);
    append_actor(item, "gainer", asset.gainer);
    if (!asset.description.empty()) {
      append_pair(item, "description", escape(asset.description));
    }
    return item;
  });
}

Result<std::vector<CasualtyFigure>> parse_more_casualties(std::string_view cell) {
  std::vector<CasualtyFigure> figures;
  auto status =
      for_each_item(cell, [&](std::string_view item) { return read_casualty_item(item, figures); });
  if (!status) {
    return status.error();
  }
  return figures;
}

std::string format_more_casualties(std::span<const CasualtyFigure> figures) {
  std::string out;
  for (std::size_t i = 0; i < figures.size();) {
    const Side& side = figures[i].side;
    std::string item;
    append_pair(item, "side_kind", to_string(side.kind));
    if (side.party) {
      append_actor(item, "side_party", side.party);
    }
    // One item per run of one side; a repeated status starts a new item
    // because the reader takes a name given twice in an item for a typo.
    std::vector<CasualtyStatus> statuses;
    for (; i < figures.size() && figures[i].side == side; ++i) {
      if (std::find(statuses.begin(), statuses.end(), figures[i].status) != statuses.end()) {
        break;
      }
      statuses.push_back(figures[i].status);
      append_pair(item, to_string(figures[i].status), format_count(figures[i].count));
    }
    out += (out.empty() ? "" : ";") + item;
  }
  return out;
}

Result<std::vector<FieldProvenance>> parse_provenance(std::string_view cell) {
  std::vector<FieldProvenance> provenance;
  auto status = for_each_item(
      cell, [&](std::string_view item) { return read_provenance_item(item, provenance); });
  if (!status) {
    return status.error();
  }
  return provenance;
}

std::string format_provenance(const std::vector<FieldProvenance>& provenance) {
  return join<FieldProvenance>(provenance, ";", [](const FieldProvenance& entry) {
    return escape(entry.field) + "=" + format_spans(entry.spans);
  });
}

Result<std::vector<ClaimActor>> parse_actors(std::string_view cell) {
  std::vector<ClaimActor> actors;
  auto status =
      for_each_item(cell, [&](std::string_view item) { return read_actor_item(item, actors); });
  if (!status) {
    return status.error();
  }
  return actors;
}

std::string format_actors(const std::vector<ClaimActor>& actors) {
  return join<ClaimActor>(actors, ";", [](const ClaimActor& entry) {
    std::string item;
    append_pair(item, "role", to_string(entry.role));
    append_pair(item, "id", escape(entry.actor.id));
    append_pair(item, "name", escape(entry.actor.name));
    return item;
  });
}

Result<std::vector<AgreementReference>> parse_agreements(std::string_view cell) {
  std::vector<AgreementReference> agreements;
  auto status = for_each_item(
      cell, [&](std::string_view item) { return read_agreement_item(item, agreements); });
  if (!status) {
    return status.error();
  }
  return agreements;
}

std::string format_agreements(const std::vector<AgreementReference>& agreements) {
  return join<AgreementReference>(agreements, ";", [](const AgreementReference& reference) {
    std::string item;
    append_pair(item, "name", escape(reference.name));
    if (!reference.dates.empty()) {
      std::string dates;
      // A date holds no ',', ';', '=' or '|', and ':' separates nothing here.
      for (const CivilTime& date : reference.dates) {
        dates += (dates.empty() ? "" : "|") + format_civil_time(date);
      }
      append_pair(item, "dates", dates);
    }
    if (!reference.registry_id.empty()) {
      append_pair(item, "registry_id", escape(reference.registry_id));
    }
    if (!reference.spans.empty()) {
      append_pair(item, "spans", format_spans(reference.spans));
    }
    return item;
  });
}

Result<std::vector<std::string>> parse_origin(std::string_view cell) {
  std::vector<std::string> origin;
  auto pieces = split_unescaped(cell, '>');
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    std::string name = unescape(pieces[i]);
    if (name.empty()) {
      return problem(
          "name " + std::to_string(i + 1) +
          " of the chain is empty (write publisher > agency, e.g. Urdu Point > Sputnik)");
    }
    origin.push_back(std::move(name));
  }
  return origin;
}

std::string format_origin(const std::vector<std::string>& origin) {
  return join<std::string>(origin, " > ", [](const std::string& name) { return escape(name); });
}

Result<Side> make_side(std::string_view kind_word, std::string party_id, std::string party_name) {
  auto kind = parse_word<SideKind>(trim_blanks(kind_word), parse_side_kind, words_of_side_kind,
                                   "a side kind");
  if (!kind) {
    return kind.error();
  }
  return Side{*kind, make_actor(std::move(party_id), std::move(party_name))};
}

}  // namespace truce::serial::detail
