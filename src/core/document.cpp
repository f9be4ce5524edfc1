#include "core/document.hpp"

namespace truce {

std::size_t code_point_count(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) {
    // Continuation bytes are 10xxxxxx; every other byte starts a code point.
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
      ++count;
    }
  }
  return count;
}

std::size_t byte_offset_of_code_point(std::string_view utf8, std::size_t index) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0U) != 0x80U) {
      if (seen == index) {
        return i;
      }
      ++seen;
    }
  }
  return utf8.size();
}

std::string_view code_point_slice(std::string_view utf8, std::size_t start, std::size_t end) {
  if (end <= start) {
    return {};
  }
  std::size_t first = byte_offset_of_code_point(utf8, start);
  std::size_t last = byte_offset_of_code_point(utf8, end);
  return utf8.substr(first, last - first);
}

}  // namespace truce
