#include "serial/detail/json_parse.hpp"

#include <optional>
#include <set>
#include <vector>

#include "core/document.hpp"

namespace truce::serial::detail {
namespace {

// Follows the parser's events to know the JSON pointer of every member, so a
// duplicate member name can be reported where it is.
class DuplicateFinder {
 public:
  bool on_event(Json::parse_event_t event, const Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start: frames_.emplace_back().is_array = false; break;
      case Json::parse_event_t::array_start: frames_.emplace_back().is_array = true; break;
      case Json::parse_event_t::key: on_key(parsed.get_ref<const std::string&>()); break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        frames_.pop_back();
        element_done();
        break;
      case Json::parse_event_t::value: element_done(); break;
    }
    return true;
  }

  // The first duplicate: its pointer and name.
  const std::optional<std::pair<std::string, std::string>>& duplicate() const { return duplicate_; }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t index = 0;
    std::string key;
    std::set<std::string> keys;
  };

  void on_key(const std::string& key) {
    Frame& frame = frames_.back();
    frame.key = key;
    if (!frame.keys.insert(key).second && !duplicate_) {
      std::string pointer;
      for (const Frame& each : frames_) {
        pointer =
            each.is_array ? child_pointer(pointer, each.index) : child_pointer(pointer, each.key);
      }
      duplicate_.emplace(pointer, key);
    }
  }

  void element_done() {
    if (!frames_.empty() && frames_.back().is_array) {
      ++frames_.back().index;
    }
  }

  std::vector<Frame> frames_;
  std::optional<std::pair<std::string, std::string>> duplicate_;
};

// nlohmann reports the count of bytes read when it failed; the offending byte
// is the last one read. Lines and columns are what an editor shows.
std::string line_and_column(std::string_view text, std::size_t bytes_read) {
  std::size_t offset = bytes_read == 0 ? 0 : std::min(bytes_read - 1, text.size());
  std::string_view before = text.substr(0, offset);
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t column = code_point_count(before.substr(line_start)) + 1;
  return std::to_string(line) + ":" + std::to_string(column);
}

// Drops nlohmann's "[json.exception.parse_error.101] parse error at line 2,
// column 7: " prefix; we give our own position, in code points.
std::string syntax_message(const std::string& what) {
  std::size_t start = what.find("syntax error");
  if (start != std::string::npos) {
    return what.substr(start);
  }
  std::size_t bracket = what.find("] ");
  return "syntax error: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
}

bool contains_object(const Json& value) {
  if (value.is_object()) {
    return true;
  }
  if (value.is_array()) {
    for (const Json& element : value) {
      if (contains_object(element)) {
        return true;
      }
    }
  }
  return false;
}

std::string scalar_text(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// `value` on one line: {"id": "armenia", "name": "Armenia"}, [45.9, 40.1].
void print_inline(const Json& value, std::string& out) {
  if (value.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, member] : value.items()) {
      out += first ? "" : ", ";
      first = false;
      out += scalar_text(Json(key));
      out += ": ";
      print_inline(member, out);
    }
    out += '}';
  } else if (value.is_array()) {
    out += '[';
    for (std::size_t i = 0; i < value.size(); ++i) {
      out += i == 0 ? "" : ", ";
      print_inline(value[i], out);
    }
    out += ']';
  } else {
    out += scalar_text(value);
  }
}

// Small flat objects (actors, time, counts) read best on one line.
constexpr std::size_t kInlineObjectBytes = 80;

void print(const Json& value, int depth, std::string& out) {
  auto indent = [&out](int level) { out.append(static_cast<std::size_t>(level) * 2, ' '); };
  if (value.is_object()) {
    bool flat = true;
    for (const auto& [key, member] : value.items()) {
      flat = flat && !contains_object(member);
    }
    std::string line;
    if (flat) {
      print_inline(value, line);
    }
    if (flat && line.size() <= kInlineObjectBytes) {
      out += line;
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& [key, member] : value.items()) {
      if (!first) {
        out += ",\n";
      }
      first = false;
      indent(depth + 1);
      out += scalar_text(Json(key));
      out += ": ";
      print(member, depth + 1, out);
    }
    out += '\n';
    indent(depth);
    out += '}';
    return;
  }
  if (value.is_array()) {
    if (!contains_object(value)) {
      print_inline(value, out);
      return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < value.size(); ++i) {
      indent(depth + 1);
      print(value[i], depth + 1, out);
      out += i + 1 < value.size() ? ",\n" : "\n";
    }
    indent(depth);
    out += ']';
    return;
  }
  out += scalar_text(value);
}

}  // namespace

Result<Json> parse_json(std::string_view text, std::string_view file_name) {
  DuplicateFinder finder;
  Json root;
  try {
    root = Json::parse(text.begin(), text.end(),
                       [&finder](int /*depth*/, Json::parse_event_t event, Json& parsed) {
                         return finder.on_event(event, parsed);
                       });
  } catch (const Json::parse_error& e) {
    return make_error(ErrorCode::kInvalidInput,
                      std::string(file_name) + ":" + line_and_column(text, e.byte) + ": " +
                          syntax_message(e.what()),
                      "serial.json: parse");
  }
  if (const auto& duplicate = finder.duplicate()) {
    return make_error(ErrorCode::kInvalidInput,
                      std::string(file_name) + ":" + duplicate->first + ": field '" +
                          duplicate->second + "': appears twice in one object",
                      "serial.json: parse");
  }
  return root;
}

std::string pretty_print(const Json& value) {
  std::string out;
  print(value, 0, out);
  out += '\n';
  return out;
}

std::string child_pointer(std::string_view pointer, std::string_view member) {
  std::string result(pointer);
  result += '/';
  for (char c : member) {
    if (c == '~') {
      result += "~0";
    } else if (c == '/') {
      result += "~1";
    } else {
      result += c;
    }
  }
  return result;
}

std::string child_pointer(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + "/" + std::to_string(index);
}

}  // namespace truce::serial::detail
