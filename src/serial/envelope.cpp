#include "serial/envelope.hpp"

#include "serial/detail/json_parse.hpp"

namespace truce::serial {
namespace {

using detail::Json;

Error problem(std::string_view file, std::string_view member, std::string message) {
  return Error{ErrorCode::kInvalidInput,
               std::string(file) + ":/" + std::string(member) + ": field '" + std::string(member) +
                   "': " + std::move(message),
               {}};
}

// "2021-11-21", "2021-11-21T10:00", "2021-11-21T10:00:00Z", "...+03:00": the
// publisher's calendar date is what anchors relative dates.
std::optional<CivilTime> read_published(std::string_view value) {
  if (value.size() < 10) {
    return std::nullopt;
  }
  auto date = parse_civil_time(value.substr(0, 10));
  if (!date || (value.size() > 10 && value[10] != 'T' && value[10] != ' ')) {
    return std::nullopt;
  }
  return date;
}

}  // namespace

bool looks_like_envelope(std::string_view text) {
  std::size_t at = text.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos || text[at] != '{') {
    return false;
  }
  Json value = Json::parse(text, nullptr, false);
  if (value.is_discarded() || !value.is_object()) {
    return false;
  }
  return !value.contains("format") && (value.contains("text") || value.contains("html"));
}

Result<Envelope> read_envelope(std::string_view text, std::string_view file_name) {
  auto parsed = detail::parse_json(text, file_name);
  if (!parsed) {
    return std::move(parsed).error();
  }
  const Json& value = parsed.value();
  if (!value.is_object()) {
    return Error{
        ErrorCode::kInvalidInput, std::string(file_name) + ": an envelope is a JSON object", {}};
  }
  Envelope envelope;
  for (const auto& [member, item] : value.items()) {
    std::string* target = nullptr;
    if (member == "text") {
      target = &envelope.text;
    }
    if (member == "html") {
      target = &envelope.html;
    }
    if (member == "url") {
      target = &envelope.url;
    }
    if (member == "publisher") {
      target = &envelope.publisher;
    }
    if (member == "title") {
      target = &envelope.title;
    }
    if (member == "language") {
      target = &envelope.language;
    }
    if (member == "published") {
      if (!item.is_string()) {
        return problem(file_name, member, "is not a string");
      }
      envelope.published = read_published(item.get<std::string>());
      if (!envelope.published) {
        return problem(file_name, member,
                       "\"" + item.get<std::string>() + "\" is not a date (YYYY-MM-DD[THH:MM...])");
      }
      continue;
    }
    if (target == nullptr) {
      return problem(file_name, member,
                     "is not an envelope member (text, html, url, published, publisher, title, "
                     "language)");
    }
    if (!item.is_string()) {
      return problem(file_name, member, "is not a string");
    }
    *target = item.get<std::string>();
    // JSON may spell a NUL as \u0000; a text with one is binary data, as a
    // file with a NUL byte is.
    if (const std::size_t nul = target->find('\0'); nul != std::string::npos) {
      return problem(file_name, member,
                     "contains a NUL character (\\u0000) at byte " + std::to_string(nul) +
                         " of its value; texts are UTF-8 without NUL");
    }
  }
  if (envelope.text.empty() == envelope.html.empty()) {
    return problem(file_name, envelope.text.empty() ? "text" : "html",
                   envelope.text.empty() ? R"(is missing (an envelope holds "text" or "html"))"
                                         : R"(an envelope holds "text" or "html", not both)");
  }
  return envelope;
}

}  // namespace truce::serial
