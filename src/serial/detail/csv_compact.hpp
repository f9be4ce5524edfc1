// The compact cell syntaxes of the claims CSV format (docs/formats/csv.md):
// lists of items separated by ';' for weapons, assets, further casualty figures,
// actors, agreements and provenance, and the ' > ' separated origin chain. Inside names and
// free text a backslash makes the next character literal, so the writer
// escapes \ ; , = | : > and blanks at either end of a value.
//
// Parsers take the raw cell and fail with a problem-only message
// ("item 2: \"mortr\" is not a weapon class; ...").
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/casualties.hpp"
#include "core/claim.hpp"
#include "core/result.hpp"

namespace truce::serial::detail {

// Splits at each `separator` not preceded by a backslash; pieces keep escapes.
std::vector<std::string_view> split_unescaped(std::string_view text, char separator);
// Drops unescaped blanks at both ends, then resolves the escapes.
std::string unescape(std::string_view piece);
// Inverse of unescape for a single value.
std::string escape(std::string_view text);

// "mortar:82mm;small_arms": weapon class, then an optional calibre after ':'.
Result<std::vector<Weapon>> parse_weapons(std::string_view cell);
std::string format_weapons(const std::vector<Weapon>& weapons);

// "kind=position,outcome=lost,count=2,owner_id=...,owner_name=...,gainer_id=...,
// gainer_name=...,description=..." per asset.
Result<std::vector<AssetChange>> parse_assets(std::string_view cell);
std::string format_assets(const std::vector<AssetChange>& assets);

// "side_kind=combatants,side_party_id=armenia,side_party_name=Armenia,killed=1,
// captured=13" per item: the side, then figures in the order written.
Result<std::vector<CasualtyFigure>> parse_more_casualties(std::string_view cell);
// Groups consecutive figures of one side, each status once, into one item;
// order is preserved.
std::string format_more_casualties(std::span<const CasualtyFigure> figures);

// "role=mediator,id=russia,name=Russia" per actor; all three are required.
Result<std::vector<ClaimActor>> parse_actors(std::string_view cell);
std::string format_actors(const std::vector<ClaimActor>& actors);

// "name=...,dates=2020-11-09|2020-11-10,registry_id=...,spans=120-131|140-150"
// per agreement reference; only the name is required.
Result<std::vector<AgreementReference>> parse_agreements(std::string_view cell);
std::string format_agreements(const std::vector<AgreementReference>& agreements);

// "casualties/0=120-131;claimant=5-20|30-40": field path, then [start, end) spans.
Result<std::vector<FieldProvenance>> parse_provenance(std::string_view cell);
std::string format_provenance(const std::vector<FieldProvenance>& provenance);

// "Urdu Point > Sputnik": publisher first.
Result<std::vector<std::string>> parse_origin(std::string_view cell);
std::string format_origin(const std::vector<std::string>& origin);

// A casualty side from its three parts, as in the plain columns: the party is
// present when its id or name is given.
Result<Side> make_side(std::string_view kind_word, std::string party_id, std::string party_name);

}  // namespace truce::serial::detail
