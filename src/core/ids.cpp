#include "core/ids.hpp"

namespace truce {

bool is_valid_slug(std::string_view text) {
  if (text.empty() || text.size() > 64) {
    return false;
  }
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(text.front())) {
    return false;
  }
  for (char c : text) {
    if (!lower_or_digit(c) && c != '.' && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

}  // namespace truce
