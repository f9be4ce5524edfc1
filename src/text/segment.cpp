#include "text/segment.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <bit>

#include "text/detail/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace truce::text {
namespace {

// A line this short (in code points) that does not end a sentence is a
// headline, dateline or byline: it is a paragraph of its own.
constexpr std::size_t kShortLineCodePoints = 100;

bool is_sentence_end(char32_t code_point) {
  switch (code_point) {
    case U'.':
    case U'!':
    case U'?':
    case U';':
    case 0x061B:  // Arabic semicolon
    case 0x061F:  // Arabic question mark
    case 0x06D4:  // Arabic full stop (Urdu)
    case 0x2026:  // horizontal ellipsis
    case 0x203C:  // double exclamation mark
    case 0x3002:  // ideographic full stop
      return true;
    default: return false;
  }
}

// Whether the bytes at `at` may begin one of is_sentence_end's code points: the
// ASCII marks, U+061B and U+061F (D8 9B, D8 9F), U+06D4 (DB 94), U+20xx (E2 80)
// or U+30xx (E3). Lets the scan skip other bytes without decoding them; most
// Arabic letters start with D8 too, so the second byte is looked at.
bool may_start_sentence_end(std::string_view text, std::size_t at) {
  const auto next = [&] {
    return at + 1 < text.size() ? static_cast<unsigned char>(text[at + 1]) : 0U;
  };
  switch (static_cast<unsigned char>(text[at])) {
    case '.':
    case '!':
    case '?':
    case ';':
    case 0xE3: return true;
    case 0xD8: return next() == 0x9B || next() == 0x9F;
    case 0xDB: return next() == 0x94;
    case 0xE2: return next() == 0x80;
    default: return false;
  }
}

// A position at or before the first one from `from` on where
// may_start_sentence_end can hold. Sentence ends are a byte in a hundred, and
// looking at every byte in between cost as much as the rest of the splitting:
// this looks at 16 bytes at a time for one that may_start_sentence_end needs to
// see, an ASCII mark, the lead byte DB, E2 or E3, or the second byte of U+061B
// or U+061F (9B, 9F: D8 itself starts most Arabic letters), and steps back one
// byte from it so that a lead byte before it is seen.
std::size_t skip_to_possible_sentence_end(std::string_view text, std::size_t from) {
#if defined(__SSE2__)
  std::size_t at = from;
  while (at + sizeof(__m128i) <= text.size()) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    const auto equals = [&block](unsigned char byte) {
      return _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(byte)));
    };
    const __m128i marks = _mm_or_si128(_mm_or_si128(equals('.'), equals('!')),
                                       _mm_or_si128(equals('?'), equals(';')));
    const __m128i leads = _mm_or_si128(equals(0xDB), _mm_or_si128(equals(0xE2), equals(0xE3)));
    const __m128i seconds = _mm_or_si128(equals(0x9B), equals(0x9F));
    const auto found =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(marks, _mm_or_si128(leads, seconds))));
    if (found != 0) {
      at += static_cast<std::size_t>(std::countr_zero(found));
      break;
    }
    at += sizeof(__m128i);
  }
  return at > from ? at - 1 : from;
#else
  return from;
#endif
}

// Closing quotes and brackets that belong to the sentence before them.
bool is_closer(char32_t code_point) {
  switch (code_point) {
    case U'"':
    case U'\'':
    case U')':
    case U']':
    case 0x00BB:  // right-pointing double angle quotation mark
    case 0x2019:  // right single quotation mark
    case 0x201D:  // right double quotation mark
    case 0x203A:  // single right-pointing angle quotation mark
      return true;
    default: return false;
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

bool is_letter(char32_t code_point) {
  return u_isalpha(static_cast<UChar32>(code_point)) != 0;
}

bool is_letter_or_digit(char32_t code_point) {
  return is_letter(code_point) || u_isdigit(static_cast<UChar32>(code_point)) != 0;
}

// A letter of a script without upper and lower case (Arabic, Hebrew): after a
// full stop with no space ("مع أذربيجان.وقال"), which pages pasted together
// often have, no capital is needed to tell a new sentence from an
// abbreviation.
bool is_caseless_letter(char32_t code_point) {
  const auto c = static_cast<UChar32>(code_point);
  return u_isalpha(c) != 0 && u_isupper(c) == 0 && u_islower(c) == 0 && u_istitle(c) == 0;
}

// The code point that ends just before byte `end` (which must be > begin),
// and where it starts.
std::pair<char32_t, std::size_t> code_point_before(std::string_view text, std::size_t begin,
                                                   std::size_t end) {
  std::size_t at = end - 1;
  while (at > begin && detail::is_continuation_byte(static_cast<unsigned char>(text[at]))) {
    --at;
  }
  return {detail::decode_utf8(text.substr(0, end), at).code_point, at};
}

// The code point before byte `end`, closing quotes and brackets skipped
// ("الانفصاليون".وأضاف); 0 when there is none.
char32_t letter_before_closers(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const auto [code_point, starts_at] = code_point_before(text, begin, end);
    if (!is_closer(code_point)) {
      return code_point;
    }
    end = starts_at;
  }
  return 0;
}

Range trimmed(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end && is_space(text[begin])) {
    ++begin;
  }
  while (end > begin && is_space(text[end - 1])) {
    --end;
  }
  return Range{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
}

// Whether the text [begin, end) ends a sentence: its last code point, closing
// quotes and brackets aside, is sentence-final punctuation.
bool ends_sentence(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const auto [code_point, at] = code_point_before(text, begin, end);
    if (!is_closer(code_point)) {
      return is_sentence_end(code_point);
    }
    end = at;
  }
  return false;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !detail::is_continuation_byte(static_cast<unsigned char>(c));
  }));
}

// The first byte at or after `at` that is not a space (text.size() if none).
std::size_t next_word(std::string_view text, std::size_t at) {
  while (at < text.size() && is_space(text[at])) {
    ++at;
  }
  return at;
}

bool starts_in_lower_case(std::string_view text, std::size_t at) {
  at = next_word(text, at);
  return at < text.size() &&
         u_islower(static_cast<UChar32>(detail::decode_utf8(text, at).code_point)) != 0;
}

bool starts_in_upper_case(std::string_view text, std::size_t at) {
  at = next_word(text, at);
  return at < text.size() &&
         u_isupper(static_cast<UChar32>(detail::decode_utf8(text, at).code_point)) != 0;
}

// Whether a single line break after the line [line_begin, line_end) ends the
// paragraph.
bool line_ends_paragraph(std::string_view text, std::size_t line_begin, std::size_t line_end) {
  if (ends_sentence(text, line_begin, line_end)) {
    return true;
  }
  return code_points(text.substr(line_begin, line_end - line_begin)) < kShortLineCodePoints &&
         !starts_in_lower_case(text, line_end + 1);
}

}  // namespace

std::vector<Range> paragraphs(std::string_view normalized) {
  std::vector<Range> result;
  const auto add = [&](std::size_t begin, std::size_t end) {
    const Range range = trimmed(normalized, begin, end);
    if (range.end > range.begin) {
      result.push_back(range);
    }
  };
  std::size_t paragraph_begin = 0;
  std::size_t line_begin = 0;
  std::size_t at = 0;
  while (at < normalized.size()) {
    const std::size_t line_end = normalized.find('\n', at);
    if (line_end == std::string_view::npos) {
      break;
    }
    std::size_t next = line_end + 1;
    bool blank_line = false;
    while (next < normalized.size() && is_space(normalized[next])) {
      blank_line = blank_line || normalized[next] == '\n';
      ++next;
    }
    if (blank_line || line_ends_paragraph(normalized, line_begin, line_end)) {
      add(paragraph_begin, line_end);
      paragraph_begin = next;
    }
    line_begin = next;
    at = next;
  }
  add(paragraph_begin, normalized.size());
  return result;
}

std::vector<Range> sentences(std::string_view normalized, Range paragraph) {
  return sentences(normalized, paragraph, [normalized](std::size_t at) {
    return u_islower(static_cast<UChar32>(detail::decode_utf8(normalized, at).code_point)) != 0;
  });
}

std::vector<Range> sentences(std::string_view normalized, Range paragraph,
                             const std::function<bool(std::size_t)>& lower_case_at) {
  std::vector<Range> result;
  const std::size_t end = std::min<std::size_t>(paragraph.end, normalized.size());
  std::size_t sentence_begin = std::min<std::size_t>(paragraph.begin, end);
  std::size_t at = sentence_begin;
  while (at < end) {
    if (!may_start_sentence_end(normalized.substr(0, end), at)) {
      at = skip_to_possible_sentence_end(normalized.substr(0, end), at + 1);
      continue;
    }
    const detail::DecodedCodePoint decoded = detail::decode_utf8(normalized.substr(0, end), at);
    std::size_t after = at + decoded.length;
    if (!is_sentence_end(decoded.code_point)) {
      at = after;
      continue;
    }
    // Runs of final punctuation ("?!", "...") and closing quotes stay with it.
    while (after < end) {
      const detail::DecodedCodePoint next = detail::decode_utf8(normalized.substr(0, end), after);
      if (!is_sentence_end(next.code_point) && !is_closer(next.code_point)) {
        break;
      }
      after += next.length;
    }
    bool split = after == end || is_space(normalized[after]);
    // "الطفل […] وأخته", "seven soldiers […] were": an editor's omission mark
    // within brackets stands for cut words, not for the end of a sentence,
    // unless a capital letter opens the next one.
    if (split && after < end && (decoded.code_point == U'.' || decoded.code_point == 0x2026) &&
        at > sentence_begin && (normalized[at - 1] == '[' || normalized[at - 1] == '(') &&
        (normalized[after - 1] == ']' || normalized[after - 1] == ')')) {
      split = starts_in_upper_case(normalized.substr(0, end), after);
    }
    if (!split && decoded.code_point == U'.' && after == at + 1 && at > sentence_begin &&
        is_caseless_letter(detail::decode_utf8(normalized.substr(0, end), after).code_point) &&
        is_caseless_letter(letter_before_closers(normalized, sentence_begin, at))) {
      split = true;
    }
    if (split && decoded.code_point == U'.' && at > sentence_begin) {
      const auto [letter, letter_at] = code_point_before(normalized, sentence_begin, at);
      const bool initial =
          is_letter(letter) &&
          (letter_at == sentence_begin ||
           !is_letter_or_digit(code_point_before(normalized, sentence_begin, letter_at).first));
      const std::size_t word = next_word(normalized.substr(0, end), after);
      split = !initial && !(word < end && lower_case_at(word));
    }
    if (split) {
      const Range range = trimmed(normalized, sentence_begin, after);
      if (range.end > range.begin) {
        result.push_back(range);
      }
      sentence_begin = after;
    }
    at = after;
  }
  const Range rest = trimmed(normalized, sentence_begin, end);
  if (rest.end > rest.begin) {
    result.push_back(rest);
  }
  return result;
}

}  // namespace truce::text
