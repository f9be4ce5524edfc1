// Stable, opaque record ids. They are short ASCII strings ("doc_3f9a...")
// safe in URLs, file names and CSV cells, and derived from content, so the
// same record ingested twice, or from an export, gets the same id.
#pragma once

#include <compare>
#include <string>
#include <utility>

namespace truce {

template <typename Tag>
class Id {
 public:
  Id() = default;
  explicit Id(std::string value) : value_(std::move(value)) {}

  const std::string& str() const noexcept { return value_; }
  bool empty() const noexcept { return value_.empty(); }

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 flags the 0 that `a < b` compares to
  friend auto operator<=>(const Id&, const Id&) = default;
  friend bool operator==(const Id&, const Id&) = default;

 private:
  std::string value_;
};

struct SourceTag {};
struct DocumentTag {};
struct ClaimTag {};
struct IncidentTag {};

// Chosen by whoever registers the source ("am-mod"); a slug, see is_valid_slug.
using SourceId = Id<SourceTag>;
// "doc_" + 20 hex digits of a content hash.
using DocumentId = Id<DocumentTag>;
// "clm_" + 20 hex digits of a hash of the claim's canonical form.
using ClaimId = Id<ClaimTag>;
// "inc_" + the 20 hex digits of the smallest member claim id (see docs/fusion.md).
using IncidentId = Id<IncidentTag>;

// Slugs name sources and actors: 1-64 of [a-z0-9._-], starting with [a-z0-9].
bool is_valid_slug(std::string_view text);

// A slug made from a name ("Pakistan Point News" -> "pakistan-point-news"):
// ASCII letters and digits lower-cased, every other run a '-', at most 64
// characters cut at a '-'. Empty when the name has no ASCII letter or digit.
std::string slug_from_name(std::string_view name);

// The slug of a publisher known by name only, as envelopes and pages give it:
// of the name before a site or description in brackets or after a comma
// ("Syria TV (syria.tv)" -> "syria-tv", "inform.sumy.ua, relaying the
// regional head" -> "inform-sumy-ua"); of the whole name when that leaves
// nothing. A name with no ASCII letter or digit ("صحيفة الأيام", "=") gets
// "outlet-" and 16 hex digits of a hash of its bytes: the same name, the same
// id. Empty only for an empty name.
std::string slug_from_publisher(std::string_view name);

}  // namespace truce
