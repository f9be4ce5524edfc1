#include "serial/expectation.hpp"

#include "serial/detail/json_parse.hpp"

namespace truce::serial {
namespace {

using detail::Json;

Error problem(std::string_view file, const std::string& pointer, const std::string& message) {
  return Error{ErrorCode::kInvalidInput, std::string(file) + ":" + pointer + ": " + message, {}};
}

// A member's text; for a list of quotes ("evidence": [...]) the first one.
std::string text_of(const Json& object, const char* member) {
  if (!object.is_object() || !object.contains(member)) {
    return {};
  }
  const Json& value = object[member];
  if (value.is_array() && !value.empty() && value[0].is_string()) {
    return value[0].get<std::string>();
  }
  if (!value.is_string()) {
    return {};
  }
  return value.get<std::string>();
}

}  // namespace

Result<Expectation> read_expectation(std::string_view text, std::string_view file_name) {
  auto parsed = detail::parse_json(text, file_name);
  if (!parsed) {
    return std::move(parsed).error();
  }
  const Json& root = parsed.value();
  if (!root.is_object() || !root.contains("claims") || !root["claims"].is_array()) {
    return problem(file_name, "/claims", "an expectation holds a \"claims\" array");
  }
  Expectation expectation;
  expectation.language = text_of(root, "language");
  if (root.contains("source")) {
    expectation.publisher = text_of(root["source"], "publisher");
  }
  if (std::string published = text_of(root, "published"); !published.empty()) {
    expectation.published = parse_civil_time(published);
    if (!expectation.published) {
      return problem(file_name, "/published", "\"" + published + "\" is not a date");
    }
  }
  for (std::size_t i = 0; i < root["claims"].size(); ++i) {
    const Json& item = root["claims"][i];
    const std::string pointer = "/claims/" + std::to_string(i);
    ExpectedClaim claim;
    claim.event_type = text_of(item, "event_type");
    claim.claimant = text_of(item, "claimant");
    if (std::string date = text_of(item, "date"); !date.empty()) {
      claim.date = parse_civil_time(date);
      if (!claim.date) {
        return problem(file_name, pointer + "/date", "\"" + date + "\" is not a date");
      }
    }
    claim.date_basis = text_of(item, "date_basis");
    if (item.contains("place") && item["place"].is_object()) {
      claim.place_name = text_of(item["place"], "name");
      claim.place_id = text_of(item["place"], "id");
    }
    claim.perpetrator = text_of(item, "perpetrator");
    claim.target = text_of(item, "target");
    claim.evidence = text_of(item, "evidence");
    if (item.contains("casualties") && item["casualties"].is_array()) {
      for (std::size_t j = 0; j < item["casualties"].size(); ++j) {
        const Json& figure = item["casualties"][j];
        const std::string at = pointer + "/casualties/" + std::to_string(j);
        if (!figure.contains("min") || !figure["min"].is_number_integer()) {
          return problem(file_name, at + "/min", "is not an integer");
        }
        ExpectedFigure expected{text_of(figure, "side"), text_of(figure, "status"),
                                figure["min"].get<std::int64_t>(), std::nullopt};
        if (figure.contains("max") && figure["max"].is_number_integer()) {
          expected.max = figure["max"].get<std::int64_t>();
        }
        claim.casualties.push_back(std::move(expected));
      }
    }
    expectation.claims.push_back(std::move(claim));
  }
  if (root.contains("not_claims") && root["not_claims"].is_array()) {
    for (const Json& quote : root["not_claims"]) {
      if (quote.is_string()) {
        expectation.not_claims.push_back(quote.get<std::string>());
      }
    }
  }
  return expectation;
}

}  // namespace truce::serial
