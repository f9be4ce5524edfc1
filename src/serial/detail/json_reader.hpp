// Reading a JSON tree with errors that name the place: every problem becomes
// one line "FILE:POINTER: field 'x': what is wrong". Readers keep going after
// an error, so one run shows up to kMaxErrors problems, then stop.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "serial/detail/json_parse.hpp"

namespace truce::serial::detail {

// Enough to fix a file in one go, few enough to read.
inline constexpr std::size_t kMaxErrors = 20;

// A value in the tree and its JSON pointer.
struct Node {
  const Json* value = nullptr;
  std::string pointer;
  const Json& operator*() const { return *value; }
  const Json* operator->() const { return value; }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view file_name) : file_(file_name) {}

  const std::string& file() const { return file_; }
  // "FILE:/claims/3", the location of a record.
  std::string location(std::string_view pointer) const {
    return file_ + ":" + std::string(pointer);
  }

  // The field named in the message is the pointer's last member name, with
  // its index for list items ("casualties/0").
  void error(std::string_view pointer, std::string_view message);
  void error(std::string_view pointer, std::string_view field, std::string_view message);
  std::size_t error_count() const { return errors_.size(); }
  bool full() const { return errors_.size() >= kMaxErrors; }
  // All errors, one per line, as one kInvalidInput; only when error_count() > 0.
  Error to_error() const;

  // Checks that `node` is an object and every member name is in `allowed`.
  // Returns false (after reporting) if it is not an object.
  bool object(const Node& node, std::span<const std::string_view> allowed);
  // Checks that `node` is an array.
  bool array(const Node& node);
  std::optional<Node> member(const Node& object, std::string_view name) const;
  std::optional<Node> required(const Node& object, std::string_view name);
  Node element(const Node& array, std::size_t index) const;

  std::optional<std::string> string(const Node& node);
  // A whole number (JSON integer) within [min, max].
  std::optional<std::int64_t> integer(const Node& node,
                                      std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                                      std::int64_t max = std::numeric_limits<std::int64_t>::max());
  std::optional<double> number(const Node& node);
  // true or false; "true", 1 and null are type errors.
  std::optional<bool> boolean(const Node& node);

  // A word of a vocabulary: `parse` is one of core's parse_* functions and
  // `words` the list to show ("armed_clash, attack, ...").
  template <typename Enum, typename Parse>
  std::optional<Enum> word(const Node& node, Parse parse, std::string_view words) {
    std::optional<std::string> text = string(node);
    if (!text) {
      return std::nullopt;
    }
    std::optional<Enum> value = parse(*text);
    if (!value) {
      unknown_word(node, *text, words);
    }
    return value;
  }

 private:
  void type_error(const Node& node, std::string_view expected);
  void unknown_word(const Node& node, std::string_view word, std::string_view words);

  std::string file_;
  std::vector<std::string> errors_;
};

// Tracks whether reading a record added errors, so it can be dropped whole.
class ErrorMark {
 public:
  explicit ErrorMark(const JsonReader& reader) : reader_(reader), before_(reader.error_count()) {}
  bool clean() const { return reader_.error_count() == before_; }

 private:
  const JsonReader& reader_;
  std::size_t before_;
};

// The closest of `candidates` to `word` if it is a likely typo, else empty.
std::string closest_word(std::string_view word, const std::vector<std::string>& candidates);

// "doc_" or "clm_" followed by exactly 20 lowercase hex digits.
bool is_record_id(std::string_view text, std::string_view prefix);
bool is_lower_hex(std::string_view text);

}  // namespace truce::serial::detail
