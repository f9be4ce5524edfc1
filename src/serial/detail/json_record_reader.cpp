// Reading sources, documents and claims from JSON objects (json_records.hpp).
#include <array>
#include <limits>

#include "core/vocabulary.hpp"
#include "serial/detail/json_agreements.hpp"
#include "serial/detail/json_provenance.hpp"
#include "serial/detail/json_records.hpp"

namespace truce::serial::detail {
namespace {

using Members = std::span<const std::string_view>;

constexpr std::array<std::string_view, 2> kActorMembers{"id", "name"};
constexpr std::array<std::string_view, 5> kSourceMembers{"id", "name", "reliability", "affiliation",
                                                         "url"};
constexpr std::array<std::string_view, 2> kAffiliationMembers{"kind", "actor"};
constexpr std::array<std::string_view, 13> kDocumentMembers{"id",
                                                            "key",
                                                            "source",
                                                            "kind",
                                                            "title",
                                                            "language",
                                                            "published",
                                                            "url",
                                                            "origin",
                                                            "external_ref",
                                                            "content_hash",
                                                            "text",
                                                            "agreement_references"};
constexpr std::array<std::string_view, 20> kReportClaimMembers{
    "id",         "document",    "claimant",    "event_type", "time",
    "time_basis", "place",       "perpetrator", "target",     "actors",
    "casualties", "weapons",     "violations",  "explosions", "assets",
    "agreements", "credibility", "summary",     "provenance", "provenance_quotes"};
// GeoJSON: the id sits on the Feature, the source may come along.
constexpr std::array<std::string_view, 20> kGeoJsonClaimMembers{
    "document",   "source",      "claimant",    "event_type", "time",
    "time_basis", "place",       "perpetrator", "target",     "actors",
    "casualties", "weapons",     "violations",  "explosions", "assets",
    "agreements", "credibility", "summary",     "provenance", "provenance_quotes"};
constexpr std::array<std::string_view, 4> kTimeMembers{"start", "end", "precision", "timezone"};
constexpr std::array<std::string_view, 3> kTimeBasisMembers{"basis", "from_context", "wording"};
constexpr std::array<std::string_view, 3> kClaimActorMembers{"id", "name", "role"};
constexpr std::array<std::string_view, 5> kReportPlaceMembers{"name", "geometry", "precision",
                                                              "country", "admin1"};
constexpr std::array<std::string_view, 4> kGeoJsonPlaceMembers{"name", "precision", "country",
                                                               "admin1"};
constexpr std::array<std::string_view, 4> kCasualtyMembers{"side", "status", "min", "max"};
constexpr std::array<std::string_view, 4> kSideMembers{"kind", "party", "id", "name"};
constexpr std::array<std::string_view, 2> kRangeMembers{"min", "max"};
constexpr std::array<std::string_view, 2> kWeaponMembers{"class", "calibre"};
constexpr std::array<std::string_view, 6> kAssetMembers{"kind",  "outcome", "count",
                                                        "owner", "gainer",  "description"};

// The vocabularies core lists no words_of_* for.
std::string words_of_reliability() {
  std::string words;
  for (Reliability value : {Reliability::kA, Reliability::kB, Reliability::kC, Reliability::kD,
                            Reliability::kE, Reliability::kF}) {
    words += words.empty() ? "" : ", ";
    words += to_string(value);
  }
  return words;
}

void read_string_member(JsonReader& reader, const Node& object, std::string_view name,
                        std::string& out) {
  if (auto node = reader.member(object, name)) {
    if (auto text = reader.string(*node)) {
      out = std::move(*text);
    }
  }
}

std::optional<ActorRef> read_actor(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kActorMembers)) {
    return std::nullopt;
  }
  ActorRef actor;
  if (auto id = reader.required(node, "id")) {
    actor.id = reader.string(*id).value_or("");
  }
  if (auto name = reader.required(node, "name")) {
    actor.name = reader.string(*name).value_or("");
  }
  return mark.clean() ? std::optional(actor) : std::nullopt;
}

void read_actor_member(JsonReader& reader, const Node& object, std::string_view name,
                       std::optional<ActorRef>& out) {
  if (auto node = reader.member(object, name)) {
    out = read_actor(reader, *node);
  }
}

// "min" and "max" members of `object`; max null means open-ended.
std::optional<CountRange> read_range_members(JsonReader& reader, const Node& object) {
  ErrorMark mark(reader);
  CountRange range;
  if (auto min = reader.required(object, "min")) {
    range.min = reader.integer(*min).value_or(0);
  }
  if (auto max = reader.required(object, "max"); max && !(*max)->is_null()) {
    range.max = reader.integer(*max);
  }
  return mark.clean() ? std::optional(range) : std::nullopt;
}

std::optional<CountRange> read_range(JsonReader& reader, const Node& node) {
  if (!reader.object(node, kRangeMembers)) {
    return std::nullopt;
  }
  return read_range_members(reader, node);
}

std::optional<TimeInterval> read_time(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kTimeMembers)) {
    return std::nullopt;
  }
  TimeInterval time;
  if (auto start = reader.required(node, "start")) {
    time.start = read_civil_time(reader, *start).value_or(CivilTime{});
  }
  time.end = time.start;  // an instant or a single day unless said otherwise
  if (auto end = reader.member(node, "end")) {
    time.end = read_civil_time(reader, *end).value_or(CivilTime{});
  }
  if (auto precision = reader.required(node, "precision")) {
    time.precision =
        reader.word<TimePrecision>(*precision, parse_time_precision, words_of_time_precision())
            .value_or(TimePrecision::kDay);
  }
  read_string_member(reader, node, "timezone", time.timezone);
  return mark.clean() ? std::optional(time) : std::nullopt;
}

std::optional<TimeBasis> read_time_basis(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kTimeBasisMembers)) {
    return std::nullopt;
  }
  TimeBasis basis;
  if (auto word = reader.required(node, "basis")) {
    basis.basis = reader.word<DateBasis>(*word, parse_date_basis, words_of_date_basis())
                      .value_or(DateBasis::kUnknown);
  }
  if (auto from_context = reader.member(node, "from_context")) {
    basis.from_context = reader.boolean(*from_context).value_or(false);
  }
  read_string_member(reader, node, "wording", basis.wording);
  return mark.clean() ? std::optional(std::move(basis)) : std::nullopt;
}

// {"id", "name", "role"}: an actor reference with the role beside it.
std::optional<ClaimActor> read_claim_actor(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kClaimActorMembers)) {
    return std::nullopt;
  }
  ClaimActor entry;
  if (auto id = reader.required(node, "id")) {
    entry.actor.id = reader.string(*id).value_or("");
  }
  if (auto name = reader.required(node, "name")) {
    entry.actor.name = reader.string(*name).value_or("");
  }
  if (auto role = reader.required(node, "role")) {
    entry.role = reader.word<ActorRole>(*role, parse_actor_role, words_of_actor_role())
                     .value_or(ActorRole::kParticipant);
  }
  return mark.clean() ? std::optional(std::move(entry)) : std::nullopt;
}

std::optional<Place> read_place(JsonReader& reader, const Node& node, ClaimLayout layout) {
  ErrorMark mark(reader);
  Members members =
      layout == ClaimLayout::kReport ? Members(kReportPlaceMembers) : Members(kGeoJsonPlaceMembers);
  if (!reader.object(node, members)) {
    return std::nullopt;
  }
  Place place;
  read_string_member(reader, node, "name", place.name);
  if (auto geometry = reader.member(node, "geometry"); geometry && layout == ClaimLayout::kReport) {
    place.geometry = read_geometry(reader, *geometry);
  }
  if (auto precision = reader.required(node, "precision")) {
    if (auto code = reader.integer(*precision)) {
      std::optional<LocationPrecision> parsed =
          code >= 1 && code <= 7 ? parse_location_precision(static_cast<int>(*code)) : std::nullopt;
      if (parsed) {
        place.precision = *parsed;
      } else {
        reader.error(precision->pointer, std::to_string(*code) +
                                             " is not a UCDP where_prec code 1-7 (1 exact, 2 near, "
                                             "3 district, 4 province, 5 linear feature, 6 country, "
                                             "7 international)");
      }
    }
  }
  read_string_member(reader, node, "country", place.country);
  read_string_member(reader, node, "admin1", place.admin1);
  return mark.clean() ? std::optional(std::move(place)) : std::nullopt;
}

std::optional<Side> read_side(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kSideMembers)) {
    return std::nullopt;
  }
  Side side;
  if (auto kind = reader.required(node, "kind")) {
    side.kind = reader.word<SideKind>(*kind, parse_side_kind, words_of_side_kind())
                    .value_or(SideKind::kCombatants);
  }
  read_actor_member(reader, node, "party", side.party);
  if (!mark.clean()) {
    return std::nullopt;
  }
  // "id" and "name" are derived; a file that states them must agree, so an
  // edit of the party that forgot them is caught instead of half-applied.
  for (auto [member, derived] : {std::pair{"id", side.id()}, std::pair{"name", side.name()}}) {
    if (auto given = reader.member(node, member)) {
      if (auto text = reader.string(*given); text && *text != derived) {
        reader.error(given->pointer, "is \"" + *text + "\" but kind and party make it \"" +
                                         derived + "\"; correct it or leave it out");
      }
    }
  }
  return mark.clean() ? std::optional(std::move(side)) : std::nullopt;
}

std::optional<CasualtyFigure> read_casualty(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kCasualtyMembers)) {
    return std::nullopt;
  }
  CasualtyFigure figure;
  if (auto side = reader.required(node, "side")) {
    figure.side = read_side(reader, *side).value_or(Side{});
  }
  if (auto status = reader.required(node, "status")) {
    figure.status =
        reader.word<CasualtyStatus>(*status, parse_casualty_status, words_of_casualty_status())
            .value_or(CasualtyStatus::kKilled);
  }
  figure.count = read_range_members(reader, node).value_or(CountRange{});
  return mark.clean() ? std::optional(std::move(figure)) : std::nullopt;
}

std::optional<Weapon> read_weapon(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kWeaponMembers)) {
    return std::nullopt;
  }
  Weapon weapon;
  if (auto weapon_class = reader.required(node, "class")) {
    weapon.weapon_class =
        reader.word<WeaponClass>(*weapon_class, parse_weapon_class, words_of_weapon_class())
            .value_or(WeaponClass::kOther);
  }
  read_string_member(reader, node, "calibre", weapon.calibre);
  return mark.clean() ? std::optional(std::move(weapon)) : std::nullopt;
}

std::optional<AssetChange> read_asset(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kAssetMembers)) {
    return std::nullopt;
  }
  AssetChange asset;
  if (auto kind = reader.required(node, "kind")) {
    asset.kind = reader.word<AssetKind>(*kind, parse_asset_kind, words_of_asset_kind())
                     .value_or(AssetKind::kPosition);
  }
  if (auto outcome = reader.required(node, "outcome")) {
    asset.outcome =
        reader.word<AssetOutcome>(*outcome, parse_asset_outcome, words_of_asset_outcome())
            .value_or(AssetOutcome::kLost);
  }
  if (auto count = reader.member(node, "count")) {
    asset.count = read_range(reader, *count);
  }
  read_actor_member(reader, node, "owner", asset.owner);
  read_actor_member(reader, node, "gainer", asset.gainer);
  read_string_member(reader, node, "description", asset.description);
  return mark.clean() ? std::optional(std::move(asset)) : std::nullopt;
}

template <typename T, typename ReadItem>
std::vector<T> read_list(JsonReader& reader, const Node& object, std::string_view name,
                         ReadItem read_item) {
  std::vector<T> items;
  if (auto list = reader.member(object, name); list && reader.array(*list)) {
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
      if (auto item = read_item(reader, reader.element(*list, i))) {
        items.push_back(std::move(*item));
      }
    }
  }
  return items;
}

void not_a_document_id(JsonReader& reader, const Node& node, std::string_view text) {
  reader.error(node.pointer, "\"" + std::string(text) +
                                 R"(" is not a document id ("doc_" and 20 lowercase hex digits))");
}

// A claim's "document": a key or "doc_" id, or in GeoJSON the document object.
std::optional<DocumentId> read_document_reference(JsonReader& reader, const Node& node,
                                                  ClaimLayout layout,
                                                  const DocumentLookup& lookup) {
  if (layout == ClaimLayout::kGeoJson && node->is_object()) {
    // The object itself is read, and its errors reported, with the documents.
    return peek_document_id(node);
  }
  std::optional<std::string> reference = reader.string(node);
  if (!reference) {
    return std::nullopt;
  }
  if (reference->starts_with("doc_")) {
    if (!is_record_id(*reference, "doc_")) {
      not_a_document_id(reader, node, *reference);
      return std::nullopt;
    }
    return DocumentId(*reference);  // may name a document stored before
  }
  DocumentId id(std::string(kKeyPrefix) + *reference);
  if (lookup.find(id) == nullptr && !lookup.has_errors(id)) {
    reader.error(node.pointer, "\"" + *reference +
                                   "\" is not the key of a document in this file (a stored "
                                   "document is named by its \"doc_\" id)");
    return std::nullopt;
  }
  return id;
}

}  // namespace

std::optional<Source> read_source(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kSourceMembers)) {
    return std::nullopt;
  }
  Source source;
  if (auto id = reader.required(node, "id")) {
    source.id = SourceId(reader.string(*id).value_or(""));
  }
  if (auto name = reader.required(node, "name")) {
    source.name = reader.string(*name).value_or("");
  }
  if (auto reliability = reader.required(node, "reliability")) {
    source.reliability =
        reader.word<Reliability>(*reliability, parse_reliability, words_of_reliability())
            .value_or(Reliability::kF);
  }
  if (auto affiliation = reader.required(node, "affiliation");
      affiliation && reader.object(*affiliation, kAffiliationMembers)) {
    if (auto kind = reader.required(*affiliation, "kind")) {
      source.affiliation.kind =
          reader.word<AffiliationKind>(*kind, parse_affiliation_kind, words_of_affiliation_kind())
              .value_or(AffiliationKind::kNeutral);
    }
    read_actor_member(reader, *affiliation, "actor", source.affiliation.actor);
  }
  read_string_member(reader, node, "url", source.url);
  return mark.clean() ? std::optional(std::move(source)) : std::nullopt;
}

std::optional<Document> read_document(JsonReader& reader, const Node& node) {
  ErrorMark mark(reader);
  if (!reader.object(node, kDocumentMembers)) {
    return std::nullopt;
  }
  Document document;
  std::optional<Node> id = reader.member(node, "id");
  std::optional<Node> key = reader.member(node, "key");
  if (id && key) {
    reader.error(node.pointer, "key", R"(give either "id" or "key", not both)");
  } else if (id) {
    std::string text = reader.string(*id).value_or("");
    if (!is_record_id(text, "doc_")) {
      not_a_document_id(reader, *id, text);
    }
    document.id = DocumentId(text);
  } else if (key) {
    std::string text = reader.string(*key).value_or("");
    if (!is_valid_slug(text) || text.starts_with("doc_")) {
      reader.error(key->pointer, "\"" + text +
                                     "\" is not a key (1-64 characters of a-z, 0-9, '.', '_', "
                                     "'-', starting with a letter or digit, not with \"doc_\")");
    }
    document.id = DocumentId(std::string(kKeyPrefix) + text);
  } else {
    reader.error(node.pointer, "id",
                 "is missing; give \"id\" (a stored document's \"doc_\" id) or \"key\" (a name "
                 "the claims of this file use)");
  }
  if (auto source = reader.required(node, "source")) {
    document.source = SourceId(reader.string(*source).value_or(""));
  }
  if (auto kind = reader.required(node, "kind")) {
    document.kind = reader.word<DocumentKind>(*kind, parse_document_kind, words_of_document_kind())
                        .value_or(DocumentKind::kOther);
  }
  read_string_member(reader, node, "title", document.title);
  read_string_member(reader, node, "language", document.language);
  if (auto published = reader.member(node, "published")) {
    document.published = read_civil_time(reader, *published);
  }
  read_string_member(reader, node, "url", document.url);
  if (auto origin = reader.member(node, "origin"); origin && reader.array(*origin)) {
    for (std::size_t i = 0; i < (*origin)->size(); ++i) {
      document.origin.push_back(reader.string(reader.element(*origin, i)).value_or(""));
    }
  }
  read_string_member(reader, node, "external_ref", document.external_ref);
  if (auto hash = reader.member(node, "content_hash")) {
    document.content_hash = reader.string(*hash).value_or("");
    if (document.content_hash.size() != 64 || !is_lower_hex(document.content_hash)) {
      reader.error(hash->pointer, "is not a SHA-256 in 64 lowercase hex digits");
    }
  }
  read_string_member(reader, node, "text", document.text);
  if (auto references = read_agreement_references(reader, node, "agreement_references",
                                                  CodePointIndex(document.text),
                                                  document_reference(document.id))) {
    document.agreement_references = std::move(*references);
  }
  return mark.clean() ? std::optional(std::move(document)) : std::nullopt;
}

std::optional<DocumentId> peek_document_id(const Node& node) {
  if (!node->is_object()) {
    return std::nullopt;
  }
  auto id = node->find("id");
  auto key = node->find("key");
  if (id != node->end() && id->is_string()) {
    return DocumentId(id->get<std::string>());
  }
  if (key != node->end() && key->is_string()) {
    return DocumentId(std::string(kKeyPrefix) + key->get<std::string>());
  }
  return std::nullopt;
}

std::optional<Claim> read_claim(JsonReader& reader, const Node& node, ClaimLayout layout,
                                const DocumentLookup& lookup) {
  ErrorMark mark(reader);
  Members members =
      layout == ClaimLayout::kReport ? Members(kReportClaimMembers) : Members(kGeoJsonClaimMembers);
  if (!reader.object(node, members)) {
    return std::nullopt;
  }
  Claim claim;
  if (auto id = reader.member(node, "id"); id && layout == ClaimLayout::kReport) {
    claim.id = read_claim_id(reader, *id).value_or(ClaimId());
  }
  if (auto document = reader.required(node, "document")) {
    claim.document =
        read_document_reference(reader, *document, layout, lookup).value_or(DocumentId());
  }
  if (auto claimant = reader.required(node, "claimant")) {
    claim.claimant = read_actor(reader, *claimant).value_or(ActorRef{});
  }
  if (auto event_type = reader.required(node, "event_type")) {
    claim.event_type = reader.word<EventType>(*event_type, parse_event_type, words_of_event_type())
                           .value_or(EventType::kOther);
  }
  if (auto time = reader.required(node, "time")) {
    claim.time = read_time(reader, *time).value_or(TimeInterval{});
  }
  if (auto time_basis = reader.member(node, "time_basis")) {
    claim.time_basis = read_time_basis(reader, *time_basis).value_or(TimeBasis{});
  }
  if (auto place = reader.member(node, "place")) {
    claim.place = read_place(reader, *place, layout);
  }
  read_actor_member(reader, node, "perpetrator", claim.perpetrator);
  read_actor_member(reader, node, "target", claim.target);
  claim.actors = read_list<ClaimActor>(reader, node, "actors", read_claim_actor);
  claim.casualties = read_list<CasualtyFigure>(reader, node, "casualties", read_casualty);
  claim.weapons = read_list<Weapon>(reader, node, "weapons", read_weapon);
  if (auto violations = reader.member(node, "violations")) {
    claim.violations = read_range(reader, *violations);
  }
  if (auto explosions = reader.member(node, "explosions")) {
    claim.explosions = read_range(reader, *explosions);
  }
  claim.assets = read_list<AssetChange>(reader, node, "assets", read_asset);
  if (auto credibility = reader.required(node, "credibility")) {
    // The range 1-6 is core's rule (check_claim); this only keeps the value an int.
    claim.credibility.grade = static_cast<int>(
        reader
            .integer(*credibility, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())
            .value_or(6));
  }
  read_string_member(reader, node, "summary", claim.summary);
  if (!mark.clean()) {
    return std::nullopt;  // provenance needs the document reference, and quotes need the fields
  }
  const Document* document = lookup.find(claim.document);
  if (document == nullptr && lookup.has_errors(claim.document)) {
    return std::nullopt;  // its document's errors are reported; quotes cannot be looked up
  }
  const CodePointIndex& text = lookup.code_points(document);
  if (auto provenance = reader.member(node, "provenance")) {
    claim.provenance =
        read_provenance(reader, *provenance, text.text(), document_reference(claim.document))
            .value_or(std::vector<FieldProvenance>{});
  }
  if (auto quotes = reader.member(node, "provenance_quotes"); quotes && mark.clean()) {
    check_provenance_quotes(reader, *quotes, claim.provenance, text);
  }
  if (auto agreements = read_agreement_references(reader, node, "agreements", text,
                                                  document_reference(claim.document))) {
    claim.agreements = std::move(*agreements);
  }
  return mark.clean() ? std::optional(std::move(claim)) : std::nullopt;
}

std::optional<CivilTime> read_civil_time(JsonReader& reader, const Node& node) {
  std::optional<std::string> text = reader.string(node);
  if (!text) {
    return std::nullopt;
  }
  std::optional<CivilTime> time = parse_civil_time(*text);
  if (!time) {
    reader.error(node.pointer, "\"" + *text +
                                   "\" is not a date (YYYY-MM-DD) or date-time "
                                   "(YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS)");
  }
  return time;
}

std::optional<ClaimId> read_claim_id(JsonReader& reader, const Node& node) {
  std::optional<std::string> text = reader.string(node);
  if (!text) {
    return std::nullopt;
  }
  if (!is_record_id(*text, "clm_")) {
    reader.error(node.pointer,
                 "\"" + *text + R"(" is not a claim id ("clm_" and 20 lowercase hex digits))");
    return std::nullopt;
  }
  return ClaimId(*text);
}

void report_problems(JsonReader& reader, const std::vector<FieldProblem>& problems,
                     std::string_view base, std::string_view geometry_pointer) {
  constexpr std::string_view kGeometry = "place/geometry";
  constexpr std::string_view kProvenance = "provenance/";
  for (const FieldProblem& problem : problems) {
    std::string_view field = problem.field;
    std::string pointer;
    if (!geometry_pointer.empty() && field.starts_with(kGeometry)) {
      pointer = std::string(geometry_pointer) + std::string(field.substr(kGeometry.size()));
    } else if (field.starts_with(kProvenance)) {
      // The rest is one member name that contains '/' ("casualties/0").
      pointer = child_pointer(std::string(base) + "/provenance", field.substr(kProvenance.size()));
    } else {
      pointer = std::string(base) + "/" + std::string(field);
    }
    reader.error(pointer, problem.message);
  }
}

std::optional<std::size_t> text_length(const CodePointIndex& text) {
  if (text.text().empty()) {
    return std::nullopt;
  }
  return text.size();
}

std::string document_reference(const DocumentId& id) {
  const std::string& text = id.str();
  return text.starts_with(kKeyPrefix) ? text.substr(kKeyPrefix.size()) : text;
}

}  // namespace truce::serial::detail
