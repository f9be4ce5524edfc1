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

namespace {

bool starts_code_point(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0U) != 0x80U;
}

}  // namespace

CodePointIndex::CodePointIndex(std::string_view utf8) : text_(utf8) {
  marks_.reserve(utf8.size() / kStride + 1);
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (starts_code_point(utf8[i])) {
      if (count_ % kStride == 0) {
        marks_.push_back(i);
      }
      ++count_;
    }
  }
}

std::size_t CodePointIndex::byte_offset(std::size_t index) const {
  if (index >= count_) {
    return text_.size();
  }
  std::size_t at = marks_[index / kStride];
  for (std::size_t left = index % kStride; left > 0; --left) {
    ++at;
    while (!starts_code_point(text_[at])) {
      ++at;
    }
  }
  return at;
}

std::string_view CodePointIndex::slice(std::size_t start, std::size_t end) const {
  if (end <= start) {
    return {};
  }
  const std::size_t first = byte_offset(start);
  return text_.substr(first, byte_offset(end) - first);
}

}  // namespace truce
