#include "serial/detail/json_reader.hpp"

#include <algorithm>

namespace truce::serial::detail {
namespace {

std::string unescape_token(std::string_view token) {
  std::string result;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      result += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      result += token[i];
    }
  }
  return result;
}

bool is_index(std::string_view token) {
  return !token.empty() &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The field a pointer names: its last member name, with the indexes that
// follow it. "/claims/3/time/end" -> "end"; "/claims/3/casualties/0" ->
// "casualties/0"; ".../coordinates/0/2/1" -> "coordinates/0/2/1".
std::string field_of(std::string_view pointer) {
  std::string indexes;
  while (!pointer.empty()) {
    std::size_t slash = pointer.rfind('/');
    std::string_view token = pointer.substr(slash + 1);
    if (!is_index(token)) {
      return unescape_token(token) + indexes;
    }
    indexes.insert(0, token);
    indexes.insert(0, 1, '/');
    pointer = pointer.substr(0, slash == std::string_view::npos ? 0 : slash);
  }
  return indexes.empty() ? std::string() : indexes.substr(1);
}

std::string type_name(const Json& value) {
  if (value.is_number_integer()) {
    return "a whole number";
  }
  if (value.is_number()) {
    return value.dump();  // 1.5, or 1e+20: beyond the integers JSON readers keep exact
  }
  if (value.is_null()) {
    return "null";
  }
  if (value.is_boolean()) {
    return value.get<bool>() ? "true" : "false";
  }
  std::string name = value.type_name();
  return (name == "object" || name == "array" ? "an " : "a ") + name;
}

// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`:
// the optimal string alignment distance, which counts "titel" -> "title" as one.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string join(std::span<const std::string_view> words) {
  std::string result;
  for (std::string_view word : words) {
    result += result.empty() ? "" : ", ";
    result += word;
  }
  return result;
}

}  // namespace

void JsonReader::error(std::string_view pointer, std::string_view message) {
  error(pointer, field_of(pointer), message);
}

void JsonReader::error(std::string_view pointer, std::string_view field, std::string_view message) {
  if (full()) {
    return;
  }
  std::string line = file_;
  if (!pointer.empty()) {  // the empty pointer is the whole document
    line += ":" + std::string(pointer);
  }
  line += ": ";
  if (!field.empty()) {
    line += "field '" + std::string(field) + "': ";
  }
  line += message;
  errors_.push_back(std::move(line));
}

Error JsonReader::to_error() const {
  std::string message;
  for (const std::string& line : errors_) {
    message += message.empty() ? "" : "\n";
    message += line;
  }
  if (full()) {
    message += "\n" + file_ + ": stopped after " + std::to_string(kMaxErrors) + " errors";
  }
  return make_error(ErrorCode::kInvalidInput, std::move(message), "serial.json: read");
}

bool JsonReader::object(const Node& node, std::span<const std::string_view> allowed) {
  if (!node->is_object()) {
    type_error(node, "an object");
    return false;
  }
  for (const auto& [name, value] : node->items()) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) {
      continue;
    }
    std::string message = "unknown member; expected one of: " + join(allowed);
    std::vector<std::string> candidates(allowed.begin(), allowed.end());
    if (std::string guess = closest_word(name, candidates); !guess.empty()) {
      message += " (did you mean '" + guess + "'?)";
    }
    error(child_pointer(node.pointer, name), name, message);
  }
  return true;
}

bool JsonReader::array(const Node& node) {
  if (!node->is_array()) {
    type_error(node, "an array");
    return false;
  }
  return true;
}

std::optional<Node> JsonReader::member(const Node& object, std::string_view name) const {
  auto found = object->find(name);
  if (found == object->end()) {
    return std::nullopt;
  }
  return Node{&*found, child_pointer(object.pointer, name)};
}

std::optional<Node> JsonReader::required(const Node& object, std::string_view name) {
  std::optional<Node> found = member(object, name);
  if (!found) {
    error(object.pointer, name, "is missing (required)");
  }
  return found;
}

Node JsonReader::element(const Node& array, std::size_t index) const {
  return Node{&(*array.value)[index], child_pointer(array.pointer, index)};
}

std::optional<std::string> JsonReader::string(const Node& node) {
  if (!node->is_string()) {
    type_error(node, "a string");
    return std::nullopt;
  }
  return node->get<std::string>();
}

std::optional<std::int64_t> JsonReader::integer(const Node& node, std::int64_t min,
                                                std::int64_t max) {
  if (!node->is_number_integer()) {
    type_error(node, "a whole number");
    return std::nullopt;
  }
  // Integers above INT64_MAX arrive as unsigned; they are out of any range we accept.
  bool too_large = node->is_number_unsigned() &&
                   node->get<std::uint64_t>() >
                       static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  std::int64_t value =
      too_large ? std::numeric_limits<std::int64_t>::max() : node->get<std::int64_t>();
  if (too_large || value < min || value > max) {
    error(node.pointer, node->dump() + " is outside the range " + std::to_string(min) + " to " +
                            std::to_string(max));
    return std::nullopt;
  }
  return value;
}

std::optional<double> JsonReader::number(const Node& node) {
  if (!node->is_number()) {
    type_error(node, "a number");
    return std::nullopt;
  }
  return node->get<double>();
}

std::optional<bool> JsonReader::boolean(const Node& node) {
  if (!node->is_boolean()) {
    type_error(node, "true or false");
    return std::nullopt;
  }
  return node->get<bool>();
}

void JsonReader::type_error(const Node& node, std::string_view expected) {
  error(node.pointer, "must be " + std::string(expected) + ", not " + type_name(*node));
}

void JsonReader::unknown_word(const Node& node, std::string_view word, std::string_view words) {
  std::string message = "\"" + std::string(word) + "\" is not one of: " + std::string(words);
  std::vector<std::string> candidates;
  for (std::size_t start = 0; start < words.size();) {
    std::size_t comma = words.find(", ", start);
    std::size_t end = comma == std::string_view::npos ? words.size() : comma;
    candidates.emplace_back(words.substr(start, end - start));
    start = end + 2;
  }
  if (std::string guess = closest_word(word, candidates); !guess.empty()) {
    message += " (did you mean \"" + guess + "\"?)";
  }
  error(node.pointer, message);
}

std::string closest_word(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& candidate : candidates) {
    // A typo changes a few letters, more in a longer word: "casualty" for
    // "casualties" is three edits, "id" for "kind" two and no typo.
    std::size_t longer = std::max(word.size(), candidate.size());
    std::size_t allowed = std::clamp<std::size_t>(longer / 3, 1, 3);
    std::size_t distance = edit_distance(word, candidate);
    if (distance <= allowed && distance < longer && distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

bool is_lower_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_record_id(std::string_view text, std::string_view prefix) {
  return text.size() == prefix.size() + 20 && text.substr(0, prefix.size()) == prefix &&
         is_lower_hex(text.substr(prefix.size()));
}

}  // namespace truce::serial::detail
