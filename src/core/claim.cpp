#include "core/claim.hpp"

#include <charconv>

namespace truce {
namespace {

// "casualties/3" -> true when 3 < size.
bool is_item_of(std::string_view field, std::string_view list, std::size_t size) {
  if (field.size() <= list.size() + 1 || field.substr(0, list.size()) != list ||
      field[list.size()] != '/') {
    return false;
  }
  std::string_view digits = field.substr(list.size() + 1);
  std::size_t index = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
  return error == std::errc{} && end == digits.data() + digits.size() && index < size &&
         (digits.size() == 1 || digits[0] != '0');
}

}  // namespace

bool is_provenance_field(const Claim& claim, std::string_view field) {
  if (field == "claimant" || field == "event_type" || field == "time" || field == "credibility" ||
      field == "summary") {
    return true;
  }
  if (field == "place") {
    return claim.place.has_value();
  }
  if (field == "perpetrator") {
    return claim.perpetrator.has_value();
  }
  if (field == "target") {
    return claim.target.has_value();
  }
  if (field == "violations") {
    return claim.violations.has_value();
  }
  if (field == "explosions") {
    return claim.explosions.has_value();
  }
  return is_item_of(field, "casualties", claim.casualties.size()) ||
         is_item_of(field, "weapons", claim.weapons.size()) ||
         is_item_of(field, "assets", claim.assets.size()) ||
         is_item_of(field, "actors", claim.actors.size());
}

}  // namespace truce
