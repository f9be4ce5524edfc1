// Lexicons: what words mean, as data. Every file under data/lexicon/<language>/
// is a TSV of entries "category, value, phrase, attributes"; gazetteer and actor
// names are added as entries of the categories "place" and "actor". The
// extractor compiles all entries into one matcher (matcher.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace truce::extract {

// A line of a UTF-8 data file (lexicons, gazetteer, actors) that holds data:
// blank lines and lines starting with '#' are skipped, a byte-order mark and
// CR LF line ends are accepted. `number` counts every line of the file from 1.
// Hashes std::string keys and looks them up by std::string_view without a copy:
// the registries of places and actors are looked up for every mention of a text.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const noexcept {
    return std::hash<std::string_view>{}(key);
  }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

struct DataLine {
  std::uint32_t number = 0;
  std::string text;
};

// kUnavailable naming `display_name` when the file cannot be read.
Result<std::vector<DataLine>> read_data_lines(const std::filesystem::path& file,
                                              std::string_view display_name);

struct LexiconEntry {
  std::string category;  // "number", "month", "trigger", "attribution", "place", "actor", ...
  std::string value;     // what the phrase means: "7", "11", "attack", a place or actor id
  std::string phrase;    // matching form (text::matching_form of what the file says);
                         // a '*' ending a word inside it marks that word as a stem
                         // ("удар* с беспилотник"); the final '*' becomes `stem`
  std::string language;  // "ar", "ru", "en"; empty: any language
  bool stem = false;     // the phrase's last word may continue with more letters ("убит*")
  std::vector<std::pair<std::string, std::string>> attributes;  // "gender=f;count=2"
  std::string file;  // where it was defined, for error messages
  std::uint32_t line = 0;

  // The attribute's value, or empty when absent.
  std::string_view attribute(std::string_view key) const;
  bool has_attribute(std::string_view key) const;
};

class Lexicon {
 public:
  // Reads one lexicon file (format: data/lexicon/README.md). Errors name the
  // file as "<language>/<file name>", the line and the column
  // ("ar/numbers.tsv:12: column 'phrase': empty"); nothing is added on error.
  Status load_file(const std::filesystem::path& file, std::string_view language);
  // Reads every *.tsv under `root`/<language>/, languages and files in name
  // order, so entry indices are stable. Nothing is added if any file fails.
  Status load_directory(const std::filesystem::path& root);
  // Adds one entry; `phrase` is turned into its matching form here, and a
  // final '*' is stripped and makes the entry a stem.
  void add(LexiconEntry entry);

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  const LexiconEntry& entry(std::uint32_t index) const { return entries_[index]; }
  std::size_t size() const { return entries_.size(); }

  // The indices of the entries of one category, in load order. The readers of
  // numbers and dates look up their categories for every text; this keeps that
  // from walking the whole lexicon.
  const std::vector<std::uint32_t>& category(std::string_view name) const;
  // A small number for the category of entry `index`, dense from 0 in order of
  // first appearance: per-text tables indexed by it replace maps keyed by the
  // category's name, which cost a string hash per match.
  std::uint32_t category_number(std::uint32_t index) const { return category_numbers_[index]; }
  std::size_t category_count() const { return by_category_.size(); }
  // The number of a category by name; kNoCategory when no entry has it.
  static constexpr std::uint32_t kNoCategory = 0xFFFFFFFFU;
  std::uint32_t category_number(std::string_view name) const;

  // A number that no other lexicon, and no earlier or later state of this
  // one, has: the readers of numbers and dates gather what they need of a
  // lexicon once and keep it by this number. A copy, a move (on both sides)
  // and every change give a new one.
  std::uint64_t revision() const { return revision_.value(); }

 private:
  class Revision {
   public:
    Revision() : value_(next()) {}
    Revision(const Revision& /*other*/) : value_(next()) {}
    Revision(Revision&& other) noexcept : value_(next()) { other.renew(); }
    Revision& operator=(const Revision& /*other*/) {
      renew();
      return *this;
    }
    Revision& operator=(Revision&& other) noexcept {
      renew();
      other.renew();
      return *this;
    }
    ~Revision() = default;
    std::uint64_t value() const { return value_; }
    void renew() { value_ = next(); }

   private:
    static std::uint64_t next();
    std::uint64_t value_;
  };

  void index_from(std::size_t first);

  std::vector<LexiconEntry> entries_;
  std::map<std::string, std::vector<std::uint32_t>, std::less<>> by_category_;
  StringMap<std::uint32_t> number_of_category_;
  std::vector<std::uint32_t> category_numbers_;  // per entry
  Revision revision_;
};

// What a reader gathers from a lexicon (`Words`, built from it), kept for the
// thread's next text of the same lexicon (its revision): the lookups by name
// and attribute cost more than reading the matches of a short text.
template <typename Words>
const Words& gathered_from(const Lexicon& lexicon) {
  thread_local std::optional<Words> words;
  thread_local std::uint64_t revision = 0;
  if (!words || revision != lexicon.revision()) {
    words.emplace(lexicon);
    revision = lexicon.revision();
  }
  return *words;
}

}  // namespace truce::extract
