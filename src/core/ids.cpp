#include "core/ids.hpp"

#include <algorithm>
#include <cstdint>

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
  if (slug.empty()) {
    slug = slug_from_name(name);
  }
  if (slug.empty() && !name.empty()) {
    // FNV-1a, 64 bits: stable across runs and builds, unlike std::hash.
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : name) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    constexpr std::string_view kHex = "0123456789abcdef";
    slug = "outlet-";
    for (int shift = 60; shift >= 0; shift -= 4) {
      slug += kHex[(hash >> shift) & 0xFU];
    }
  }
  return slug;
}

}  // namespace truce
