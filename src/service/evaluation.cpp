#include "service/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>
#include <optional>
#include <sstream>
#include <string_view>

#include "core/document.hpp"
#include "core/vocabulary.hpp"
#include "extract/actors.hpp"
#include "extract/gazetteer.hpp"
#include "serial/expectation.hpp"

namespace truce::service {
namespace {

using serial::ExpectedClaim;
using serial::ExpectedFigure;

constexpr const char* kFields[] = {"claim",      "claimant", "event_type",  "date",
                                   "event_date", "place",    "perpetrator", "casualties"};

double km_between(const GeoPoint& a, const GeoPoint& b) {
  constexpr double kEarthRadiusKm = 6371.0;
  const double to_radians = std::numbers::pi / 180.0;
  const double dlat = (b.lat.degrees - a.lat.degrees) * to_radians;
  const double dlon = (b.lon.degrees - a.lon.degrees) * to_radians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat.degrees * to_radians) * std::cos(b.lat.degrees * to_radians) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(h));
}

std::optional<GeoPoint> point_of(const Place& place) {
  if (!place.geometry || place.geometry->parts.empty() || place.geometry->parts[0].empty()) {
    return std::nullopt;
  }
  return place.geometry->parts[0][0];
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

// Code-point range of the evidence in the text, or [0, 0) when absent.
TextSpan evidence_span(const std::string& text, const std::string& evidence) {
  if (evidence.empty()) {
    return {};
  }
  const std::size_t at = text.find(evidence);
  if (at == std::string::npos) {
    return {};
  }
  const auto start = static_cast<std::uint32_t>(code_point_count(text.substr(0, at)));
  return {start, start + static_cast<std::uint32_t>(code_point_count(evidence))};
}

bool inside(const Claim& claim, const TextSpan& evidence) {
  if (evidence.end == 0) {
    return false;
  }
  for (const FieldProvenance& field : claim.provenance) {
    if (field.field != "claimant" && field.field != "event_type") {
      continue;
    }
    for (const TextSpan& span : field.spans) {
      if (span.start >= evidence.start && span.end <= evidence.end) {
        return true;
      }
    }
  }
  return false;
}

// A claim rests on a statement when what it asserts happened is read there:
// its event words or its figures. Being attributed there ("the ministry added
// that ...") does not make a claim of the statement.
bool rests_on(const Claim& claim, const TextSpan& statement) {
  if (statement.end == 0) {
    return false;
  }
  for (const FieldProvenance& field : claim.provenance) {
    if (field.field != "event_type" && !field.field.starts_with("casualties")) {
      continue;
    }
    for (const TextSpan& span : field.spans) {
      if (span.start >= statement.start && span.end <= statement.end) {
        return true;
      }
    }
  }
  return false;
}

std::string figure_text(const std::string& side, const std::string& status, std::int64_t min,
                        std::optional<std::int64_t> max) {
  return side + " " + status + " " + std::to_string(min) +
         (max ? (*max == min ? "" : "-" + std::to_string(*max)) : "+");
}

std::vector<std::string> figures_of(const Claim& claim) {
  std::vector<std::string> figures;
  for (const CasualtyFigure& figure : claim.casualties) {
    figures.push_back(figure_text(figure.side.id(), std::string(to_string(figure.status)),
                                  figure.count.min, figure.count.max));
  }
  return figures;
}

// A side is the party whose people they are: the expected side may name the
// party by its forces ("nk-armed-formations", serving "nk-authorities").
std::string party_side(const extract::ActorRegistry& actors, const std::string& side) {
  const std::string_view civilians = "civilians:";
  const bool of_civilians = side.starts_with(civilians);
  const std::string id = of_civilians ? side.substr(civilians.size()) : side;
  const std::string& party = actors.party_of(id);
  if (party.empty() || party == id) {
    return side;
  }
  return of_civilians ? std::string(civilians) + party : party;
}

std::vector<std::string> figures_of(const ExpectedClaim& claim,
                                    const extract::ActorRegistry& actors) {
  std::vector<std::string> figures;
  for (const ExpectedFigure& figure : claim.casualties) {
    figures.push_back(
        figure_text(party_side(actors, figure.side), figure.status, figure.min, figure.max));
  }
  return figures;
}

struct Scorer {
  const extract::Gazetteer& places;
  const extract::ActorRegistry& actors;
  std::map<std::string, FieldScore> scores;
  TextScore* text = nullptr;
  std::string_view document_text;  // the text read, which provenance spans index
  std::optional<CivilTime> published;

  void count(const std::string& field, bool has_extracted, bool has_expected, bool agree,
             const std::string& extracted, const std::string& expected) {
    FieldScore& score = scores[field];
    if (has_extracted) {
      ++score.extracted;
    }
    if (has_expected) {
      ++score.expected;
    }
    if (has_extracted && has_expected && agree) {
      ++score.matched;
    } else if (has_extracted || has_expected) {
      text->misses.push_back(field + ": expected " + (has_expected ? expected : "-") + ", got " +
                             (has_extracted ? extracted : "-"));
    }
  }

  // Actors agree when they are the same, or when the corpus names a state and
  // the reader an organ of it (its ministry, forces, leader): coders such as
  // ACLED and UCDP code at that level.
  bool same_actor(const std::string& got, const std::string& want) const {
    if (got == want) {
      return true;
    }
    const extract::Actor* wanted = actors.find(want);
    return wanted != nullptr && wanted->kind == "state" && actors.party_of(got) == want;
  }

  // Whether the words a claim's place was read from (its provenance) name
  // `gold`: «направлении села Кеханаби» was read from «Кеханаби».
  bool read_from_a_name_of(const Claim& claim, const extract::GazetteerPlace& gold) const {
    for (const FieldProvenance& field : claim.provenance) {
      if (field.field != "place") {
        continue;
      }
      for (const TextSpan& span : field.spans) {
        if (places.bears_name(gold.id, text->language,
                              code_point_slice(document_text, span.start, span.end))) {
          return true;
        }
      }
    }
    return false;
  }

  bool same_place(const Claim& claim, const ExpectedClaim& expected) const {
    if (!claim.place) {
      return false;
    }
    if (!expected.place_id.empty()) {
      const extract::GazetteerPlace* gold = places.find(expected.place_id);
      const auto point = point_of(*claim.place);
      if (gold != nullptr && gold->point && point) {
        return km_between(*gold->point, *point) <= kPlaceToleranceKm;
      }
      // A place the gazetteer knows no coordinates of («Крутой Балки») is
      // the one expected when its name as written is one of that entry's, or
      // the words it was read from are («направлении села Кеханаби»).
      if (gold != nullptr && text != nullptr &&
          (places.bears_name(gold->id, text->language, claim.place->name) ||
           read_from_a_name_of(claim, *gold))) {
        return true;
      }
    }
    return !expected.place_name.empty() &&
           (claim.place->name.find(expected.place_name) != std::string::npos ||
            expected.place_name.find(claim.place->name) != std::string::npos);
  }

  void compare(const Claim* claim, const ExpectedClaim* expected) {
    const bool has = claim != nullptr;
    const bool want = expected != nullptr;
    count("claimant", has, want, has && want && same_actor(claim->claimant.id, expected->claimant),
          has ? claim->claimant.id : "", want ? expected->claimant : "");
    count("event_type", has, want,
          has && want && to_string(claim->event_type) == expected->event_type,
          has ? std::string(to_string(claim->event_type)) : "", want ? expected->event_type : "");
    const bool has_date = has && claim->time_basis.basis != DateBasis::kUnknown;
    const bool want_date = want && expected->date.has_value();
    const bool same_date = has_date && want_date && claim->time.start.date == expected->date->date;
    const std::string got_date = has_date ? format_civil_time(claim->time.start) : "";
    const std::string want_date_text = want_date ? format_civil_time(*expected->date) : "";
    count("date", has_date, want_date, same_date, got_date, want_date_text);
    // Dates that merely repeat the publication date are counted apart.
    const auto is_event_date = [&](const std::optional<CivilTime>& date) {
      return date && (!published || date->date != published->date);
    };
    const bool has_event_date =
        has_date && is_event_date(std::optional<CivilTime>(claim->time.start));
    const bool want_event_date = want_date && is_event_date(expected->date);
    scores["event_date"].field = "event_date";
    if (has_event_date || want_event_date) {
      count("event_date", has_event_date, want_event_date, same_date, got_date, want_date_text);
    }
    const bool has_place = has && claim->place.has_value();
    const bool want_place = want && (!expected->place_id.empty() || !expected->place_name.empty());
    count("place", has_place, want_place, has_place && want_place && same_place(*claim, *expected),
          has_place ? claim->place->name : "",
          want_place ? (expected->place_name +
                        (expected->place_id.empty() ? "" : " (" + expected->place_id + ")"))
                     : "");
    const bool has_perpetrator = has && claim->perpetrator.has_value();
    const bool want_perpetrator =
        want && !expected->perpetrator.empty() && expected->perpetrator != "unknown";
    count("perpetrator", has_perpetrator, want_perpetrator,
          has_perpetrator && want_perpetrator &&
              same_actor(claim->perpetrator->id, expected->perpetrator),
          has_perpetrator ? claim->perpetrator->id : "", want ? expected->perpetrator : "");
    std::vector<std::string> got = has ? figures_of(*claim) : std::vector<std::string>{};
    std::vector<std::string> wanted =
        want ? figures_of(*expected, actors) : std::vector<std::string>{};
    for (const std::string& figure : got) {
      const auto found = std::find(wanted.begin(), wanted.end(), figure);
      const bool agree = found != wanted.end();
      count("casualties", true, agree, agree, figure, figure);
      if (agree) {
        wanted.erase(found);
      }
    }
    for (const std::string& figure : wanted) {
      count("casualties", false, true, false, "", figure);
    }
  }
};

int match_score(const Claim& claim, const ExpectedClaim& expected, const TextSpan& evidence) {
  int score = 0;
  if (inside(claim, evidence)) {
    score += 4;
  }
  if (claim.claimant.id == expected.claimant) {
    score += 2;
  }
  if (to_string(claim.event_type) == expected.event_type) {
    score += 1;
  }
  if (expected.date && claim.time_basis.basis != DateBasis::kUnknown &&
      claim.time.start.date == expected.date->date) {
    score += 1;
  }
  return score;
}

}  // namespace

Result<Evaluation> evaluate_corpus(const Reader& reader, const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> expectations;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(directory, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.size() > 14 && name.ends_with(".expected.json")) {
      expectations.push_back(it->path());
    }
  }
  if (error) {
    return make_error(ErrorCode::kUnavailable, directory.string() + ": " + error.message());
  }
  if (expectations.empty()) {
    return make_error(ErrorCode::kNotFound,
                      directory.string() + ": holds no *.expected.json files");
  }
  std::sort(expectations.begin(), expectations.end());

  Evaluation evaluation;
  Scorer scorer{
      reader.extractor().gazetteer(), reader.extractor().actors(), {}, nullptr, {}, std::nullopt};
  for (const auto& expected_path : expectations) {
    const std::string expected_name = expected_path.string();
    const auto text_path = std::filesystem::path(
        expected_name.substr(0, expected_name.size() - std::string(".expected.json").size()) +
        ".txt");
    const std::string relative = std::filesystem::relative(text_path, directory).string();
    auto expectation = serial::read_expectation(read_all(expected_path), expected_name);
    if (!expectation) {
      return std::move(expectation).error();
    }
    ingest::TextDocument document;
    document.text = read_all(text_path);
    if (document.text.empty()) {
      return make_error(ErrorCode::kInvalidInput, text_path.string() + ": missing or empty");
    }
    // The page's own date is what an envelope would carry; the text's dateline may correct it.
    document.published = expectation->published;
    document.publisher = expectation->publisher;
    auto reading = reader.read_document(document, relative, ingest::InputFormat::kEnvelope, {});
    if (!reading) {
      return std::move(reading).error();
    }

    TextScore text;
    text.file = relative;
    text.language = expectation->language;
    text.expected_claims = static_cast<int>(expectation->claims.size());
    for (std::size_t i = 0; i < expectation->claims.size(); ++i) {
      const std::string& id = expectation->claims[i].place_id;
      if (!id.empty() && reader.extractor().gazetteer().find(id) == nullptr) {
        text.unknown_places.push_back("/claims/" + std::to_string(i) + "/place/id: \"" + id +
                                      "\" is in no gazetteer file; scored by the place's name");
      }
    }
    // Everything read is scored: a claim the text does not date is still read.
    std::vector<Claim> claims = reading->batch.claims;
    claims.insert(claims.end(), reading->extraction.undated_claims.begin(),
                  reading->extraction.undated_claims.end());
    text.extracted_claims = static_cast<int>(claims.size());
    scorer.text = &text;
    scorer.document_text = document.text;
    scorer.published = reading->extraction.document.published;

    // Pair claims by evidence, claimant, event type and date, the best-scoring
    // pairs first, so that an early expected claim does not take the claim
    // that fits a later one better.
    // Among equal scores, a pair whose claim reads what happened (its event
    // words or figures) in the evidence comes first, not one whose claimant
    // alone is named there: a speaker's two sentences can be one claim read
    // and two expected. Then a pair whose perpetrators agree: one quotation
    // can hold two claims with the same evidence ("they fired on our posts ...
    // and we responded"), which only the perpetrator tells apart.
    struct Pair {
      int score;
      bool rests_on_evidence;
      bool perpetrator_agrees;
      std::size_t expected;
      std::size_t claim;
    };
    std::vector<Pair> pairs;
    for (std::size_t e = 0; e < expectation->claims.size(); ++e) {
      const ExpectedClaim& expected = expectation->claims[e];
      const TextSpan evidence = evidence_span(document.text, expected.evidence);
      for (std::size_t i = 0; i < claims.size(); ++i) {
        const int score = match_score(claims[i], expected, evidence);
        if (score > 1) {
          const bool perpetrator_agrees =
              claims[i].perpetrator && !expected.perpetrator.empty() &&
              scorer.same_actor(claims[i].perpetrator->id, expected.perpetrator);
          pairs.push_back({score, rests_on(claims[i], evidence), perpetrator_agrees, e, i});
        }
      }
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
      if (a.score != b.score) {
        return a.score > b.score;
      }
      if (a.rests_on_evidence != b.rests_on_evidence) {
        return a.rests_on_evidence;
      }
      return a.perpetrator_agrees > b.perpetrator_agrees;
    });
    std::vector<bool> used(claims.size(), false);
    std::vector<std::optional<std::size_t>> paired(expectation->claims.size());
    for (const Pair& pair : pairs) {
      if (!used[pair.claim] && !paired[pair.expected]) {
        used[pair.claim] = true;
        paired[pair.expected] = pair.claim;
      }
    }
    for (std::size_t e = 0; e < expectation->claims.size(); ++e) {
      const ExpectedClaim& expected = expectation->claims[e];
      if (paired[e]) {
        ++text.matched_claims;
        scorer.compare(&claims[*paired[e]], &expected);
      } else {
        text.misses.push_back("claim: not found: " + expected.event_type + " by " +
                              expected.claimant);
        scorer.compare(nullptr, &expected);
      }
    }
    for (std::size_t i = 0; i < claims.size(); ++i) {
      if (used[i]) {
        continue;
      }
      text.misses.push_back("claim: not expected: " + std::string(to_string(claims[i].event_type)) +
                            " by " + claims[i].claimant.id);
      scorer.compare(&claims[i], nullptr);
    }
    // A claim that rests on a statement the corpus rules out (background,
    // negated, hypothetical) is a false claim.
    for (const std::string& quote : expectation->not_claims) {
      const TextSpan span = evidence_span(document.text, quote);
      ++evaluation.not_claims;
      const bool hit = std::any_of(claims.begin(), claims.end(),
                                   [&](const Claim& claim) { return rests_on(claim, span); });
      if (hit) {
        ++evaluation.false_claims;
        text.false_claims.push_back(quote);
      }
    }
    FieldScore& claim_score = scorer.scores["claim"];
    claim_score.matched += text.matched_claims;
    claim_score.extracted += text.extracted_claims;
    claim_score.expected += text.expected_claims;
    evaluation.texts.push_back(std::move(text));
  }
  for (const char* field : kFields) {
    FieldScore score = scorer.scores[field];
    score.field = field;
    if (score.field != "claim") {
      evaluation.overall.matched += score.matched;
      evaluation.overall.extracted += score.extracted;
      evaluation.overall.expected += score.expected;
    }
    evaluation.fields.push_back(score);
  }
  evaluation.overall.field = "overall";
  return evaluation;
}

}  // namespace truce::service
