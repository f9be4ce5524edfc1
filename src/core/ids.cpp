#include "core/ids.hpp"

#include <algorithm>

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

std::string slug_from_name(std::string_view name) {
  std::string slug;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
      slug += c;
    } else if (u >= 'A' && u <= 'Z') {
      slug += static_cast<char>(u - 'A' + 'a');
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  constexpr std::size_t kMaxSlug = 64;
  if (slug.size() > kMaxSlug) {
    const std::size_t cut = slug.rfind('-', kMaxSlug);
    slug.resize(cut == std::string::npos || cut == 0 ? kMaxSlug : cut);
  }
  while (!slug.empty() && slug.back() == '-') {
    slug.pop_back();
  }
  return slug;
}

std::string slug_from_publisher(std::string_view name) {
  const std::string_view head = name.substr(0, std::min(name.find(" ("), name.find(", ")));
  std::string slug = slug_from_name(head);
  return slug.empty() ? slug_from_name(name) : slug;
}

}  // namespace truce
