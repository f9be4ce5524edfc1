#include "text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "text/detail/folding.hpp"
#include "text/detail/normalize_runs.hpp"
#include "text/detail/utf8.hpp"

namespace truce::text {
namespace {

using detail::CharClass;

// What the normaliser does with one code point of the input.
enum class Action : std::uint8_t {
  kEmit,       // write `bytes`: its NFKC_Casefold form, folded; it composes with nothing
  kDrop,       // nothing; its code point extends the character before it
  kSpace,      // part of a whitespace run
  kCombining,  // no NFKC boundary before it: normalise it with what precedes it
  kComplex,    // normalise it through ICU (its form contains spaces or is long)
};

constexpr std::size_t kEntryBytes = 5;

struct Entry {
  Action action = Action::kComplex;
  CharClass char_class = CharClass::kKept;
  std::uint8_t length = 0;
  std::array<char, kEntryBytes> bytes{};
};

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || normalizer == nullptr) {
      // ICU's data is part of the library; without it nothing can work.
      throw std::runtime_error("ICU NFKC_Casefold data is unavailable");
    }
    return normalizer;
  }();
  return *instance;
}

bool fill_bytes(Entry& entry, const std::string& bytes) {
  if (bytes.size() > entry.bytes.size()) {
    return false;
  }
  std::copy(bytes.begin(), bytes.end(), entry.bytes.begin());
  entry.length = static_cast<std::uint8_t>(bytes.size());
  return true;
}

Entry compute_entry(char32_t code_point) {
  Entry entry;
  entry.char_class = detail::classify(code_point);
  switch (entry.char_class) {
    case CharClass::kDropped: entry.action = Action::kDrop; return entry;
    case CharClass::kSpace:
    case CharClass::kLineBreak:
    case CharClass::kCarriageReturn:
    case CharClass::kParagraphBreak: entry.action = Action::kSpace; return entry;
    case CharClass::kKept: break;
  }
  const icu::Normalizer2& normalizer = nfkc_casefold();
  const auto value = static_cast<UChar32>(code_point);
  if (!normalizer.hasBoundaryBefore(value)) {
    entry.action = Action::kCombining;
    return entry;
  }
  std::string bytes;
  if (normalizer.isInert(value)) {
    detail::append_utf8(bytes, detail::fold_character(code_point));
  } else {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = normalizer.normalize(icu::UnicodeString(value), status);
    if (U_FAILURE(status)) {
      entry.action = Action::kComplex;
      return entry;
    }
    for (std::int32_t i = 0; i < normalized.length(); i = normalized.moveIndex32(i, 1)) {
      const auto part = static_cast<char32_t>(normalized.char32At(i));
      switch (detail::classify(part)) {
        case CharClass::kDropped: break;
        case CharClass::kKept: detail::append_utf8(bytes, detail::fold_character(part)); break;
        default: entry.action = Action::kComplex; return entry;
      }
    }
    if (bytes.empty()) {
      entry.action = Action::kDrop;
      return entry;
    }
  }
  entry.action = fill_bytes(entry, bytes) ? Action::kEmit : Action::kComplex;
  return entry;
}

// Precomputed entries for the code points of Latin, Greek, Cyrillic, Armenian,
// Hebrew and Arabic (below U+0800) and of general punctuation, where nearly
// all news text lives; other code points are computed when met.
class EntryTable {
 public:
  EntryTable() {
    for (char32_t cp = 0; cp < kLowEnd; ++cp) {
      low_[cp] = compute_entry(cp);
    }
    for (char32_t cp = kPunctuationBegin; cp < kPunctuationEnd; ++cp) {
      punctuation_[cp - kPunctuationBegin] = compute_entry(cp);
    }
    plain_pairs_.assign(kPairs, 0);
    for (char32_t cp = 0x80; cp < kLowEnd; ++cp) {
      if (low_[cp].action == Action::kEmit) {
        plain_pairs_[detail::two_byte_index(cp)] = static_cast<std::uint16_t>(cp);
      }
    }
  }

  // An entry below U+0800, which every ASCII and two-byte character is.
  const Entry& low(char32_t code_point) const { return low_[code_point]; }

  // The entry of the two-byte character whose bytes start at `bytes` (a lead
  // byte and a continuation byte, read as they lie in memory) when the table
  // emits it; nullptr for any other two bytes. One load instead of testing
  // both bytes and decoding them.
  const Entry* plain_pair(const unsigned char* bytes) const {
    const std::uint16_t code_point = plain_pairs_[detail::two_bytes_at(bytes)];
    return code_point == 0 ? nullptr : &low_[code_point];
  }

  Entry lookup(char32_t code_point) const {
    if (code_point < kLowEnd) {
      return low_[code_point];
    }
    if (code_point >= kPunctuationBegin && code_point < kPunctuationEnd) {
      return punctuation_[code_point - kPunctuationBegin];
    }
    return compute_entry(code_point);
  }

 private:
  static constexpr char32_t kLowEnd = 0x800;
  static constexpr char32_t kPunctuationBegin = 0x2000;
  static constexpr char32_t kPunctuationEnd = 0x2070;
  std::array<Entry, kLowEnd> low_{};
  std::array<Entry, kPunctuationEnd - kPunctuationBegin> punctuation_{};
  static constexpr std::size_t kPairs = 0x10000;
  // By two_bytes_at: the code point of a two-byte character the table emits, 0
  // for any other two bytes (U+0000 is no two-byte character). A lead byte's
  // pairs lie in one cache line per continuation byte.
  std::vector<std::uint16_t> plain_pairs_;
};

const EntryTable& entry_table() {
  static const EntryTable table;
  return table;
}

// Collects the output, its origins, and the whitespace run in progress. The
// buffers are sized up front and written by index: appending element by
// element costs more than the normalisation itself.
template <bool kKeepOrigins>
class Writer {
 public:
  explicit Writer(std::size_t expected_size) { grow(expected_size); }

  // Starts a character unit read from input byte `input_at`; `retractable`
  // marks a unit that was written from the table and may be normalised again
  // together with a combining character that follows it.
  void start_unit(std::size_t input_at, std::uint32_t origin, bool retractable) {
    flush_space();
    unit_output_at_ = size_;
    unit_input_at_ = input_at;
    unit_origin_ = origin;
    unit_retractable_ = retractable;
    has_unit_ = true;
  }

  void append(const char* bytes, std::size_t length, std::uint32_t begin, std::uint32_t end) {
    if (size_ + length > capacity_) {
      grow(2 * (size_ + length));
    }
    std::copy(bytes, bytes + length, text_.data() + size_);
    if constexpr (kKeepOrigins) {
      std::fill_n(origin_begin_.data() + size_, length, begin);
      std::fill_n(origin_end_.data() + size_, length, end);
    }
    size_ += length;
  }

  // The bytes of a table entry, for one code point: fixed-size copies that
  // may write past `length` into the slack kept at the end of the buffers.
  void append_entry(const std::array<char, kEntryBytes>& bytes, std::size_t length,
                    std::uint32_t origin) {
    if (size_ + kEntryBytes > capacity_) [[unlikely]] {
      grow(2 * (size_ + kEntryBytes));
    }
    std::copy(bytes.begin(), bytes.end(), text_.data() + size_);
    if constexpr (kKeepOrigins) {
      std::fill_n(origin_begin_.data() + size_, kEntryBytes, origin);
      std::fill_n(origin_end_.data() + size_, kEntryBytes, origin + 1);
    }
    size_ += length;
  }

  void add_space(CharClass char_class, char32_t code_point, std::uint32_t begin,
                 std::uint32_t end) {
    if (!space_pending_) {
      space_pending_ = true;
      space_begin_ = begin;
      line_breaks_ = 0;
    }
    space_end_ = end;
    const bool after_cr = previous_was_cr_;
    previous_was_cr_ = char_class == CharClass::kCarriageReturn;
    switch (char_class) {
      case CharClass::kLineBreak:
        if (!(after_cr && code_point == U'\n')) {
          ++line_breaks_;
        }
        break;
      case CharClass::kCarriageReturn: ++line_breaks_; break;
      case CharClass::kParagraphBreak: line_breaks_ += 2; break;
      default: break;
    }
  }

  // A dropped character: its code point joins the unit (or space) before it.
  void extend_last(std::uint32_t end) {
    if (space_pending_) {
      space_end_ = end;
      return;
    }
    if constexpr (kKeepOrigins) {
      if (has_unit_) {
        std::fill(origin_end_.data() + unit_output_at_, origin_end_.data() + size_, end);
      }
    }
  }

  bool last_unit_retractable() const { return has_unit_ && unit_retractable_ && !space_pending_; }

  static constexpr std::size_t kPlainWriteBytes = 8;

  // The entry's bytes at `out`, and up to eight bytes after them (slack).
  static void write_entry_bytes(const Entry& entry, char* out) {
    if constexpr (std::endian::native == std::endian::little && sizeof(Entry) == 8) {
      std::uint64_t packed = 0;
      std::memcpy(&packed, &entry, sizeof packed);
      packed >>= 8U * offsetof(Entry, bytes);
      std::memcpy(out, &packed, sizeof packed);
    } else {
      const std::array<char, kEntryBytes> bytes = entry.bytes;
      std::copy(bytes.begin(), bytes.end(), out);
    }
  }

  // Writes the run of plain characters from input byte `at`: ASCII and
  // two-byte characters that the table emits (each followed by no stray
  // continuation byte), with single spaces between them. Most of a news text
  // is such a run; written with the buffers and sizes in locals it costs a
  // fraction of the character-by-character path, and leaves the writer as
  // that path would. A space is written here only when what follows it is
  // written here too: before a line break, a second space, a dropped or a
  // combining character the space run must stay open. Returns where the run
  // ends; `offsets` gets each code point's input offset.
  std::size_t append_plain_run(std::string_view input, std::size_t at, std::uint32_t& index,
                               const EntryTable& table, std::uint32_t* offsets) {
    if (space_pending_) {
      return at;
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(input.data());
    const std::size_t input_size = input.size();
    char* text = text_.data();
    std::size_t size = size_;
    const std::size_t capacity = capacity_;
    [[maybe_unused]] std::uint32_t* begins = nullptr;
    [[maybe_unused]] std::uint32_t* ends = nullptr;
    if constexpr (kKeepOrigins) {
      begins = origin_begin_.data();
      ends = origin_end_.data();
    }
    // The character at `from`, if plain: its entry and byte length.
    const auto plain = [&](std::size_t from, std::size_t& length) -> const Entry* {
      const unsigned lead = bytes[from];
      const Entry* entry = nullptr;
      if (lead < 0x80U) {
        if (detail::is_continuation_byte(bytes[from + 1])) {
          return nullptr;
        }
        entry = &table.low(lead);
        length = 1;
        return entry->action == Action::kEmit ? entry : nullptr;
      }
      entry = table.plain_pair(bytes + from);  // a two-byte character the table emits
      if (entry == nullptr || detail::is_continuation_byte(bytes[from + 2])) {
        return nullptr;
      }
      length = 2;
      return entry;
    };
    // The last character written: its input and output lengths (0: none yet).
    std::size_t last_input_length = 0;
    std::size_t last_output_length = 0;
    // Three bytes of look-ahead (a space, then a two-byte character and the
    // byte after it) and room for a space and a character's eight-byte writes.
    const std::size_t input_end = input_size > 3 ? input_size - 3 : 0;
    const std::size_t output_end = capacity > kPlainWriteBytes ? capacity - kPlainWriteBytes : 0;
    while (at < input_end && size < output_end) {
      std::size_t length = 0;
      const Entry* entry = nullptr;
      if (bytes[at] == ' ') {
        if (size == 0) {
          break;  // leading whitespace is the long path's
        }
        entry = plain(at + 1, length);  // the character after the space, read once
        if (entry == nullptr) {
          break;
        }
        if constexpr (kKeepOrigins) {
          offsets[index] = static_cast<std::uint32_t>(at);
        }
        text[size] = ' ';
        if constexpr (kKeepOrigins) {
          begins[size] = index;
          ends[size] = index + 1;
        }
        ++size;
        ++at;
        ++index;
      } else {
        entry = plain(at, length);
        if (entry == nullptr) {
          break;
        }
      }
      if constexpr (kKeepOrigins) {
        offsets[index] = static_cast<std::uint32_t>(at);
      }
      // The entry's bytes and origins are written eight wide into the
      // slack: whole-word stores where a five-byte copy became a call.
      write_entry_bytes(*entry, text + size);
      if constexpr (kKeepOrigins) {
        std::fill_n(begins + size, kPlainWriteBytes, index);
        std::fill_n(ends + size, kPlainWriteBytes, index + 1);
      }
      last_input_length = length;
      last_output_length = entry->length;
      size += entry->length;
      at += length;
      ++index;
    }
    size_ = size;
    // A space is written only with the character after it, so what was
    // written last is a character: the unit a combining mark may retract.
    if (last_input_length != 0) {
      unit_output_at_ = size - last_output_length;
      unit_input_at_ = at - last_input_length;
      unit_origin_ = index - 1;
      unit_retractable_ = true;
      has_unit_ = true;
    }
    return at;
  }

  // Removes the last unit's output; returns where its input began.
  std::pair<std::size_t, std::uint32_t> retract_last_unit() {
    size_ = unit_output_at_;
    has_unit_ = false;
    return {unit_input_at_, unit_origin_};
  }

  // Trailing whitespace is dropped like leading whitespace.
  NormalizedText finish() && {
    NormalizedText result;
    text_.resize(size_);
    result.text = std::move(text_);
    if constexpr (kKeepOrigins) {
      origin_begin_.resize(size_);
      origin_end_.resize(size_);
      result.origin_begin = std::move(origin_begin_);
      result.origin_end = std::move(origin_end_);
    }
    return result;
  }

 private:
  void grow(std::size_t capacity) {
    capacity_ = capacity;
    text_.resize(capacity);
    if constexpr (kKeepOrigins) {
      origin_begin_.resize(capacity);
      origin_end_.resize(capacity);
    }
  }

  void flush_space() {
    if (!space_pending_) {
      return;
    }
    space_pending_ = false;
    previous_was_cr_ = false;
    if (size_ == 0) {
      return;  // leading whitespace
    }
    const std::string_view run = line_breaks_ == 0 ? " " : line_breaks_ == 1 ? "\n" : "\n\n";
    append(run.data(), run.size(), space_begin_, space_end_);
    has_unit_ = false;
  }

  std::string text_;
  OriginTable origin_begin_;
  OriginTable origin_end_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;

  bool space_pending_ = false;
  bool previous_was_cr_ = false;
  std::uint32_t line_breaks_ = 0;
  std::uint32_t space_begin_ = 0;
  std::uint32_t space_end_ = 0;

  bool has_unit_ = false;
  bool unit_retractable_ = false;
  std::size_t unit_output_at_ = 0;
  std::size_t unit_input_at_ = 0;
  std::uint32_t unit_origin_ = 0;
};

template <bool kKeepOrigins>
class Normalizer {
 public:
  // `plain_runs` false reads every character on its own (for tests).
  explicit Normalizer(std::string_view input, bool plain_runs = true)
      : input_(input), table_(entry_table()), writer_(input.size() + 16), plain_runs_(plain_runs) {
    if constexpr (kKeepOrigins) {
      offsets_.resize(input.size() + 1);
    }
  }

  NormalizedText run() && {
    std::size_t at = detail::first_code_point_offset(input_);
    std::uint32_t index = 0;  // code points of the input before `at`
    while (at < input_.size()) {
      if (plain_runs_) {
        at = writer_.append_plain_run(input_, at, index, table_, offsets_pointer());
        if (at >= input_.size()) {
          break;
        }
      }
      note_offset(index, at);
      const detail::DecodedCodePoint decoded = detail::decode_utf8(input_, at);
      const Entry entry = table_.lookup(decoded.code_point);
      if (entry.action == Action::kEmit) [[likely]] {
        writer_.start_unit(at, index, true);
        writer_.append_entry(entry.bytes, entry.length, index);
      } else if (entry.action == Action::kSpace) {
        writer_.add_space(entry.char_class, decoded.code_point, index, index + 1);
      } else if (entry.action == Action::kDrop) {
        writer_.extend_last(index + 1);
      } else {
        if (entry.action == Action::kCombining && writer_.last_unit_retractable()) {
          std::tie(at, index) = writer_.retract_last_unit();
        }
        normalize_segment(at, index);
        continue;
      }
      at += decoded.length;
      ++index;
    }
    NormalizedText result = std::move(writer_).finish();
    if constexpr (kKeepOrigins) {
      note_offset(index, input_.size());
      offsets_.resize(index + std::size_t{1});
      result.code_point_offsets = std::move(offsets_);
    }
    return result;
  }

 private:
  // Normalises the code point at `at` together with the combining and dropped
  // code points after it, through ICU; advances `at` and `index` past them.
  void normalize_segment(std::size_t& at, std::uint32_t& index) {
    const std::uint32_t begin = index;
    icu::UnicodeString segment;
    bool first = true;
    while (at < input_.size()) {
      note_offset(index, at);
      const detail::DecodedCodePoint decoded = detail::decode_utf8(input_, at);
      const Action action = table_.lookup(decoded.code_point).action;
      if (!first && action != Action::kCombining && action != Action::kDrop) {
        break;
      }
      if (action != Action::kDrop) {
        segment.append(static_cast<UChar32>(decoded.code_point));
      }
      first = false;
      at += decoded.length;
      ++index;
    }
    const std::uint32_t end = index;

    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString normalized = nfkc_casefold().normalize(segment, status);
    if (U_FAILURE(status)) {
      normalized = segment;
    }
    bool wrote = false;
    std::string bytes;
    for (std::int32_t i = 0; i < normalized.length(); i = normalized.moveIndex32(i, 1)) {
      const auto code_point = static_cast<char32_t>(normalized.char32At(i));
      const CharClass char_class = detail::classify(code_point);
      if (char_class == CharClass::kDropped) {
        continue;
      }
      wrote = true;
      if (char_class != CharClass::kKept) {
        writer_.add_space(char_class, code_point, begin, end);
        continue;
      }
      bytes.clear();
      detail::append_utf8(bytes, detail::fold_character(code_point));
      writer_.start_unit(at, begin, false);
      writer_.append(bytes.data(), bytes.size(), begin, end);
    }
    if (!wrote) {
      writer_.extend_last(end);
    }
  }

  std::uint32_t* offsets_pointer() {
    if constexpr (kKeepOrigins) {
      return offsets_.data();
    }
    return nullptr;
  }

  // Every code point is decoded here (again after a retraction, at the same
  // offset), so its offset is noted on the way; at most one per input byte.
  void note_offset(std::uint32_t index, std::size_t at) {
    if constexpr (kKeepOrigins) {
      offsets_[index] = static_cast<std::uint32_t>(at);
    }
  }

  std::string_view input_;
  const EntryTable& table_;
  Writer<kKeepOrigins> writer_;
  OriginTable offsets_;  // code_point_offsets, sized for the worst case
  bool plain_runs_ = true;
};

}  // namespace

TextSpan NormalizedText::original_span(std::size_t begin, std::size_t end) const {
  end = std::min(end, origin_end.size());
  if (begin >= end) {
    return {};
  }
  return TextSpan{origin_begin[begin], origin_end[end - 1]};
}

namespace {

bool cyrillic_lead(unsigned char byte) {
  return byte == 0xD0 || byte == 0xD1;
}

// "боестолкновения" typed with a Latin ë (U+00EB) for the Cyrillic ё: inside a
// Cyrillic word it is the Cyrillic letter, folded to е as ё is. Both are two
// bytes, so the offsets stay as they are.
void fold_latin_yo_in_cyrillic(std::string& text) {
  for (std::size_t at = text.find('\xC3'); at != std::string::npos && at + 1 < text.size();
       at = text.find('\xC3', at + 1)) {
    if (static_cast<unsigned char>(text[at + 1]) != 0xAB) {
      continue;
    }
    const bool before = at >= 2 && cyrillic_lead(static_cast<unsigned char>(text[at - 2]));
    const bool after =
        at + 2 < text.size() && cyrillic_lead(static_cast<unsigned char>(text[at + 2]));
    if (before || after) {
      text[at] = '\xD0';
      text[at + 1] = '\xB5';
    }
  }
}

}  // namespace

NormalizedText normalize_for_matching(std::string_view utf8) {
  NormalizedText normalized = Normalizer<true>(utf8).run();
  fold_latin_yo_in_cyrillic(normalized.text);
  return normalized;
}

namespace detail {

NormalizedText normalize_for_matching_by_character(std::string_view utf8) {
  NormalizedText normalized = Normalizer<true>(utf8, false).run();
  fold_latin_yo_in_cyrillic(normalized.text);
  return normalized;
}

}  // namespace detail

std::string matching_form(std::string_view utf8) {
  std::string text = std::move(Normalizer<false>(utf8).run().text);
  fold_latin_yo_in_cyrillic(text);
  return text;
}

}  // namespace truce::text
