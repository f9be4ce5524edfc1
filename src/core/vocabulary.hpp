// The words of the data model as they appear in files, JSON and the database:
// one table per enum, so every reader and writer spells them the same way.
// parse_* return nullopt for an unknown word; callers name the field in the error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/casualties.hpp"
#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/geo.hpp"
#include "core/incident.hpp"
#include "core/source.hpp"
#include "core/time.hpp"

namespace truce {

std::string_view to_string(EventType value);
std::string_view to_string(DateBasis value);
std::string_view to_string(ActorRole value);
std::string_view to_string(WeaponClass value);
std::string_view to_string(AssetKind value);
std::string_view to_string(AssetOutcome value);
std::string_view to_string(CasualtyStatus value);
std::string_view to_string(SideKind value);
std::string_view to_string(TimePrecision value);
std::string_view to_string(GeometryType value);  // GeoJSON's names: "Point", ...
std::string_view to_string(Reliability value);   // "A" ... "F"
std::string_view to_string(AffiliationKind value);
std::string_view to_string(DocumentKind value);
std::string_view to_string(DecisionKind value);
std::string_view to_string(IncidentLinkKind value);

std::optional<EventType> parse_event_type(std::string_view word);
std::optional<DateBasis> parse_date_basis(std::string_view word);
std::optional<ActorRole> parse_actor_role(std::string_view word);
std::optional<WeaponClass> parse_weapon_class(std::string_view word);
std::optional<AssetKind> parse_asset_kind(std::string_view word);
std::optional<AssetOutcome> parse_asset_outcome(std::string_view word);
std::optional<CasualtyStatus> parse_casualty_status(std::string_view word);
std::optional<SideKind> parse_side_kind(std::string_view word);
std::optional<TimePrecision> parse_time_precision(std::string_view word);
std::optional<GeometryType> parse_geometry_type(std::string_view word);
std::optional<Reliability> parse_reliability(std::string_view word);
std::optional<AffiliationKind> parse_affiliation_kind(std::string_view word);
std::optional<DocumentKind> parse_document_kind(std::string_view word);
std::optional<DecisionKind> parse_decision_kind(std::string_view word);
std::optional<IncidentLinkKind> parse_incident_link_kind(std::string_view word);
std::optional<LocationPrecision> parse_location_precision(int where_prec);

// All words of one vocabulary, for error messages ("expected one of: ...").
std::string words_of_event_type();
std::string words_of_date_basis();
std::string words_of_actor_role();
std::string words_of_weapon_class();
std::string words_of_asset_kind();
std::string words_of_asset_outcome();
std::string words_of_casualty_status();
std::string words_of_side_kind();
std::string words_of_time_precision();
std::string words_of_affiliation_kind();
std::string words_of_document_kind();

}  // namespace truce
