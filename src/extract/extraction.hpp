// Reading a document: everything the extractor finds in one text — the
// document's metadata (language, publication date, chain of publishers), its
// claims with provenance, the agreements it mentions, what it set aside and
// why, and warnings about inconsistencies it had to resolve.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/claim.hpp"
#include "core/document.hpp"
#include "core/references.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace truce::extract {

class ActorRegistry;
class Gazetteer;

// What arrives with a text: the caller's metadata, all optional.
struct ExtractionInput {
  std::string text;                    // UTF-8, already stripped of markup
  std::optional<CivilTime> published;  // from an envelope or --published
  std::string published_origin;        // where `published` came from ("--published", "envelope")
  std::string title;                   // when the envelope or HTML gives one
  std::string url;
  std::string publisher;  // as given by the envelope or HTML
  std::string language;   // a hint; detection decides when empty
};

// A problem the extractor resolved by choosing, or could not resolve. Both
// readings and the reason for the choice are kept so a person can check.
struct Warning {
  std::string code;  // "date_conflict", "published_conflict", "weekday_mismatch", ...
  std::string message;
  std::vector<TextSpan> spans;
  std::vector<std::string> readings;  // every candidate, as text ("2020-11-09")
  std::string chosen;                 // the reading used; empty when none was
  std::string reason;                 // why it was chosen
};

// A statement that looks like an event but is not a claim of a new one.
enum class SetAsideReason {
  kHistorical,
  kBackground,
  kNegated,
  kHypothetical,
  kHeadlineRepeat,
  kRepeat,
};

struct SetAside {
  SetAsideReason reason = SetAsideReason::kBackground;
  TextSpan span;       // the sentence or clause
  std::string detail;  // e.g. "dated 2020-11-09, 377 days before publication"
};

struct LanguageRun {
  std::string language;
  TextSpan span;
};

struct Extraction {
  Document document;         // language, published, origin (publisher first), title, text
  std::string publisher_id;  // the actor id of the publisher when the registry knows it
  std::vector<Claim> claims;
  // Claims read in full whose event the text does not date, in a text that
  // gives no publication date to stand in: their `time` means nothing and
  // their `time_basis` is kUnknown with kUndatedWording. Shown, scored, not
  // stored: an incident needs a time.
  std::vector<Claim> undated_claims;
  std::vector<Warning> warnings;
  std::vector<LanguageRun> foreign_spans;  // runs in another language than the document's
  std::vector<SetAside> set_aside;
  std::vector<std::string> unresolved_places;  // place names kept as written, not in the gazetteer
};

struct ExtractorOptions {
  // A dated event older than this before publication is background, not news.
  int recency_days = 30;
};

class Extractor {
 public:
  // Loads lexicons, gazetteer and actors from `data_dir` (the share/truce root)
  // and compiles the matcher. Errors name the data file, line and column.
  static Result<Extractor> load(const std::filesystem::path& data_dir,
                                ExtractorOptions options = {});

  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  // Reads one text. Never fails on text content: an empty or unreadable text
  // gives an extraction without claims. Ids are not assigned here.
  Extraction extract(const ExtractionInput& input) const;

  // The places the extractor knows, for scoring places by distance.
  const Gazetteer& gazetteer() const;
  const ActorRegistry& actors() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

std::string_view to_string(SetAsideReason reason);

inline constexpr std::string_view kUndatedWording =
    "no date in the text and no publication date to anchor one";

}  // namespace truce::extract
