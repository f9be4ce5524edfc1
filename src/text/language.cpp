#include "text/language.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>

#include "text/detail/cld2.hpp"
#include "text/detail/folding.hpp"
#include "text/detail/foreign_letters.hpp"
#include "text/detail/utf8.hpp"
#include "text/detail/word_scan.hpp"

namespace truce::text {
namespace {

using detail::CharClass;
using ScriptId = std::uint8_t;  // a UScriptCode; 0 (Common) means "no script of its own"
static_assert(USCRIPT_CODE_LIMIT <= 256, "UScriptCode must fit in ScriptId");

// How much text CLD2 reads: for the document's main language, and per
// paragraph that may be in another language. CLD2 costs about 1 us a call
// and 15 ns a byte (with tcmalloc; glibc's malloc maps and unmaps its buffers
// each call, 70 us), so it reads samples, and only once per document unless
// a paragraph looks foreign. A sample ends at a space or line break: the
// letters of a cut word are a sequence of no language, and moved CLD2's
// choice (a Russian headline read as Serbian at 128 and 224 bytes cut
// anywhere). Samples cut so, of 128 to 192 bytes, gave the languages that
// 256 and 512 bytes give over the test texts and 60 MB of shuffled copies of
// them; 160 bytes (25 to 30 words) keep a margin either side.
constexpr std::size_t kDocumentSampleBytes = 160;
constexpr std::size_t kParagraphSampleBytes = 256;
// A paragraph in the main script is handed to CLD2 only when more than this
// share of its words have marker letters: Persian or Urdu text has them in
// most words, an Arabic paragraph quoting a name in only a few.
constexpr std::size_t kMarkerShareForCld2Percent = 25;
// Above this share the marker letters are the paragraph's own spelling, and
// CLD2 has judged its language; no marker runs are reported inside it.
constexpr std::size_t kMarkerShareForRunsPercent = 50;
// A word run must have this many words to be reported (single foreign names
// and acronyms are not language spans) unless marker letters say otherwise.
constexpr std::size_t kMinimumRunWords = 2;
constexpr std::size_t kMinimumDistinctMarkers = 2;

enum class Kind : std::uint8_t {
  kOther,
  kWord,
  kSpace,
  kLineBreak,
  kCarriageReturn,
  kParagraphBreak
};

struct CharInfo {
  Kind kind = Kind::kOther;
  ScriptId script = 0;  // of a letter; 0 for marks, joiners and non-letters
  bool marker = false;  // listed in foreign_letters.tsv (lower-cased)
};

CharInfo compute_info(char32_t code_point, const detail::ForeignLetters& letters) {
  CharInfo info;
  switch (detail::classify(code_point)) {
    case CharClass::kSpace: info.kind = Kind::kSpace; return info;
    case CharClass::kLineBreak: info.kind = Kind::kLineBreak; return info;
    case CharClass::kCarriageReturn: info.kind = Kind::kCarriageReturn; return info;
    case CharClass::kParagraphBreak: info.kind = Kind::kParagraphBreak; return info;
    case CharClass::kDropped: info.kind = Kind::kWord; return info;  // marks, joiners
    case CharClass::kKept: break;
  }
  const auto value = static_cast<UChar32>(code_point);
  const auto type = static_cast<UCharCategory>(u_charType(value));
  const bool mark =
      type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
  if (!u_isalpha(value) && !mark) {
    return info;
  }
  info.kind = Kind::kWord;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(value, &status);
  if (U_SUCCESS(status) && !mark && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
    info.script = static_cast<ScriptId>(script);
  }
  info.marker = letters.is_marker(static_cast<char32_t>(u_tolower(value)));
  return info;
}

// Precomputed below U+0800 (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic).
class CharInfoTable {
 public:
  explicit CharInfoTable(const detail::ForeignLetters& letters) : letters_(letters) {
    for (char32_t cp = 0; cp < kTableEnd; ++cp) {
      table_[cp] = compute_info(cp, letters);
    }
    // The ASCII letters are all word characters of one script and no marker
    // (as ICU and the bundled letters have it): then a run of them is read
    // without looking each one up.
    ascii_script_ = table_['a'].script;
    for (char32_t cp = 0; cp < 0x80; ++cp) {
      const bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
      if (letter && (table_[cp].kind != Kind::kWord || table_[cp].script != ascii_script_ ||
                     table_[cp].marker || ascii_script_ == 0)) {
        ascii_script_ = 0;
      }
    }
    // The two-byte characters (U+0080 to U+07FF) that read_word may count
    // without their entry: word characters of a script, no marker.
    for (char32_t cp = 0x80; cp < kTableEnd; ++cp) {
      const CharInfo& info = table_[cp];
      if (info.kind == Kind::kWord && info.script != 0 && !info.marker) {
        two_byte_letter_script_[detail::two_byte_index(cp)] = info.script;
      }
    }
  }
  // The script of every ASCII letter, or 0 when they are not all alike.
  ScriptId ascii_script() const { return ascii_script_; }
  // Whether a two-byte letter that two_byte_letters counts starts at `at`.
  bool two_byte_letter_at(std::string_view text, std::size_t at) const {
    return at + 1 < text.size() && letter_script_of_pair(text, at) != 0;
  }
  // How many two-byte characters from `at` are letters of one script and no
  // marker (most Arabic and Cyrillic words are nothing else), each one code
  // point that decode_utf8 reads as two bytes, as the per-character loop would
  // count them. They must be of `script` if it is not 0; if it is, it becomes
  // the script of the run when there is one.
  std::size_t two_byte_letters(std::string_view text, std::size_t at, ScriptId& script) const {
    if (at + 1 >= text.size()) {
      return 0;
    }
    const ScriptId run_script = script != 0 ? script : letter_script_of_pair(text, at);
    if (run_script == 0) {
      return 0;  // no such letter at `at`, and 0 would match every other pair
    }
    std::size_t end = at;
    while (end + 1 < text.size() && letter_script_of_pair(text, end) == run_script) {
      end += 2;
    }
    // decode_utf8 gives a stray continuation byte to the character before it,
    // so that one is left to the caller.
    if (end > at && end < text.size() &&
        detail::is_continuation_byte(static_cast<unsigned char>(text[end]))) {
      end -= 2;
    }
    if (end > at) {
      script = run_script;
    }
    return (end - at) / 2;
  }
  // A reference into the table, or to `scratch` filled for a rarer code
  // point (a copy of the small struct per character costs a store-forwarding stall).
  const CharInfo& lookup(char32_t code_point, CharInfo& scratch) const {
    if (code_point < kTableEnd) {
      return table_[code_point];
    }
    scratch = compute_info(code_point, letters_);
    return scratch;
  }

 private:
  static constexpr char32_t kTableEnd = 0x800;
  const detail::ForeignLetters& letters_;
  std::array<CharInfo, kTableEnd> table_{};
  ScriptId letter_script_of_pair(std::string_view text, std::size_t at) const {
    return two_byte_letter_script_[detail::two_bytes_at(text.data() + at)];
  }

  static constexpr std::size_t kPairs = 0x10000;
  // By the two bytes of a two-byte character (two_bytes_at): the script of a
  // letter read_word may count without its entry; 0 for any other two bytes
  // (other characters, ASCII, a lead byte alone, an overlong form...). A
  // lookup by the bytes needs no check of them and no decoding; the entries
  // of all two-byte characters lie in 64 of the table's cache lines.
  std::array<ScriptId, kPairs> two_byte_letter_script_{};
  ScriptId ascii_script_ = 0;
};

bool is_ascii_letter(char c) {
  const auto folded = static_cast<unsigned char>(static_cast<unsigned char>(c) | 0x20U);
  return folded >= 'a' && folded <= 'z';
}

// How many bytes from `at` are ASCII letters each followed by another ASCII
// letter: decode_utf8 reads each of them as itself, one byte long (a stray
// continuation byte can only follow the last letter of the run, which is
// left to the caller).
std::size_t ascii_letters_followed_by_letters(std::string_view text, std::size_t at) {
  std::size_t end = at;
#if defined(__SSE2__)
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i a = _mm_set1_epi8('a');
  const __m128i span = _mm_set1_epi8('z' - 'a');
  while (end + 16 <= text.size()) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + end));
    // (byte | 0x20) - 'a', wrapping, is at most 25 exactly for the ASCII letters.
    const __m128i offset = _mm_sub_epi8(_mm_or_si128(block, case_bit), a);
    const __m128i letters = _mm_cmpeq_epi8(_mm_min_epu8(offset, span), offset);
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(letters));
    if (mask != 0xFFFFU) {
      end += static_cast<std::size_t>(std::countr_one(mask));
      return end > at ? end - at - 1 : 0;
    }
    end += 16;
  }
#endif
  while (end < text.size() && is_ascii_letter(text[end])) {
    ++end;
  }
  return end > at ? end - at - 1 : 0;
}

const CharInfoTable& char_info_table() {
  static const CharInfoTable table(detail::bundled_foreign_letters());
  return table;
}

using Word = detail::ScannedWord;

struct Paragraph {
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  std::uint32_t cp_begin = 0;
  std::uint32_t cp_end = 0;
  // Its words in Scanner::words, if kept: only a paragraph with words of two
  // scripts or with marker letters has runs to look for in them.
  std::size_t first_word = 0;
  std::size_t end_word = 0;
  bool words_kept = true;
  ScriptId script = 0;  // the script of most of its letters
  std::uint32_t letters = 0;
};

// Splits the text into paragraphs (blank-line separated) and words (runs of
// letters and marks), in one pass.
class Scanner {
 public:
  // `block_reading` false reads every character on its own (for tests);
  // `all_words` keeps the words of every paragraph.
  enum class Words : std::uint8_t { kOfMixedParagraphs, kAll };
  Scanner(std::string_view text, const CharInfoTable& table, Words kept, bool block_reading = true)
      : text_(text), table_(table), block_reading_(block_reading), kept_(kept) {}

  void run() {
    std::size_t at = detail::first_code_point_offset(text_);
    std::uint32_t index = 0;
    CharInfo scratch;
    while (at < text_.size()) {
      // The space between two words, most of the characters outside words:
      // whitespace() would only note that it is no carriage return. (A stray
      // continuation byte after it belongs to it, so that takes the long way.)
      if (text_[at] == ' ' &&
          (at + 1 == text_.size() ||
           !detail::is_continuation_byte(static_cast<unsigned char>(text_[at + 1])))) {
        previous_was_cr_ = false;
        ++at;
        ++index;
        continue;
      }
      // A word that starts with a two-byte letter (an Arabic or Cyrillic
      // word) needs no decoding here: its first letter is read with the rest.
      if (!block_reading_ || !table_.two_byte_letter_at(text_, at)) {
        const detail::DecodedCodePoint decoded = detail::decode_utf8(text_, at);
        const CharInfo& info = table_.lookup(decoded.code_point, scratch);
        if (info.kind != Kind::kWord) {
          const std::size_t next = at + decoded.length;
          if (info.kind == Kind::kOther) {
            content(at, index);
            content_end_ = {next, index + 1};
          } else {
            whitespace(info.kind, decoded.code_point);
          }
          at = next;
          ++index;
          continue;
        }
      }
      content(at, index);
      read_word(at, index);  // moves `at` and `index` past the word
    }
    close_paragraph();
  }

  std::vector<Word> words;
  std::vector<Paragraph> paragraphs;

 private:
  void content(std::size_t at, std::uint32_t index) {
    if (in_paragraph_ && line_breaks_ >= 2) {
      close_paragraph();
    }
    line_breaks_ = 0;
    previous_was_cr_ = false;
    if (!in_paragraph_) {
      in_paragraph_ = true;
      current_ = Paragraph{at, at, index, index, words.size(), words.size(), true, 0, 0};
      script_letters_.clear();
      marker_in_paragraph_ = false;
    }
  }

  // A run of letters and marks from `at`, in one loop with its counts in
  // locals: most of the text is words, so this is the scanner's hot path.
  void read_word(std::size_t& at, std::uint32_t& index) {
    Word word{at, at, index, index, 0, 0, false};
    CharInfo scratch;
    // A word of ASCII letters, most of an English text's: all but its last
    // letter at once, as the loop below would count them.
    if (block_reading_ && table_.ascii_script() != 0 && is_ascii_letter(text_[at])) {
      const std::size_t run = ascii_letters_followed_by_letters(text_, at);
      if (run > 0) {
        word.letters = static_cast<std::uint32_t>(run);
        word.script = table_.ascii_script();
        at += run;
        index += static_cast<std::uint32_t>(run);
      }
    }
    while (at < text_.size()) {
      // Two-byte letters of the word's script, without decoding each one or
      // reading its entry; what ends the run (a mark, a marker letter, another
      // script, the word's end) goes through the loop's body.
      if (block_reading_) {
        const std::size_t run = table_.two_byte_letters(text_, at, word.script);
        at += 2 * run;
        index += static_cast<std::uint32_t>(run);
        word.letters += static_cast<std::uint32_t>(run);
        // A space ends most words; it is no word character whatever follows it.
        if (at == text_.size() || text_[at] == ' ') {
          break;
        }
      }
      const detail::DecodedCodePoint decoded = detail::decode_utf8(text_, at);
      const CharInfo& info = table_.lookup(decoded.code_point, scratch);
      if (info.kind != Kind::kWord) {
        break;
      }
      if (info.script != 0) {
        ++word.letters;
        if (word.script == 0) {
          word.script = info.script;
        }
      }
      word.has_marker = word.has_marker || info.marker;
      at += decoded.length;
      ++index;
    }
    word.byte_end = at;
    word.cp_end = index;
    content_end_ = {at, index};
    words.push_back(word);
    count_letters(word);
  }

  // The paragraph's letters by script, and whether a word has marker letters,
  // as its words are read. The list is the scanner's, so paragraphs after
  // the first allocate nothing; a paragraph has a handful of scripts.
  void count_letters(const Word& word) {
    marker_in_paragraph_ = marker_in_paragraph_ || word.has_marker;
    if (word.script == 0) {
      return;
    }
    current_.letters += word.letters;
    for (auto& [script, letters] : script_letters_) {
      if (script == word.script) {
        letters += word.letters;
        return;
      }
    }
    script_letters_.emplace_back(word.script, word.letters);
  }

  void whitespace(Kind kind, char32_t code_point) {
    const bool after_cr = previous_was_cr_;
    previous_was_cr_ = kind == Kind::kCarriageReturn;
    const bool lf_after_cr = after_cr && code_point == U'\n';
    if ((kind == Kind::kLineBreak && !lf_after_cr) || kind == Kind::kCarriageReturn) {
      ++line_breaks_;
    } else if (kind == Kind::kParagraphBreak) {
      line_breaks_ += 2;
    }
  }

  void close_paragraph() {
    if (!in_paragraph_) {
      return;
    }
    in_paragraph_ = false;
    current_.byte_end = content_end_.first;
    current_.cp_end = content_end_.second;
    current_.end_word = words.size();
    const auto best =
        std::max_element(script_letters_.begin(), script_letters_.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    current_.script = best == script_letters_.end() ? 0 : best->first;
    // Most paragraphs are of one script without marker letters: their words
    // go, and the next paragraph's take their place while they are in the cache.
    if (kept_ == Words::kOfMixedParagraphs && script_letters_.size() <= 1 &&
        !marker_in_paragraph_) {
      words.resize(current_.first_word);
      current_.end_word = current_.first_word;
      current_.words_kept = false;
    }
    paragraphs.push_back(current_);
  }

  std::string_view text_;
  const CharInfoTable& table_;
  bool block_reading_ = true;
  Words kept_ = Words::kAll;
  bool marker_in_paragraph_ = false;
  bool in_paragraph_ = false;
  bool previous_was_cr_ = false;
  std::uint32_t line_breaks_ = 0;
  Paragraph current_;
  std::pair<std::size_t, std::uint32_t> content_end_{0, 0};
  std::vector<std::pair<ScriptId, std::uint32_t>> script_letters_;  // the paragraph's
};

struct Candidate {
  std::string language;
  TextSpan span;
};

class Detector {
 public:
  Detector(std::string_view text, Scanner::Words kept)
      : text_(text),
        table_(char_info_table()),
        letters_(detail::bundled_foreign_letters()),
        scanner_(text, table_, kept) {}

  LanguageReport run() && {
    scanner_.run();
    LanguageReport report;
    if (scanner_.paragraphs.empty()) {
      return report;
    }
    main_script_ = main_script();
    report.language = main_language();
    main_ = report.language;
    for (const Paragraph& paragraph : scanner_.paragraphs) {
      const std::string language = paragraph_language(paragraph);
      report.paragraphs.push_back(
          LanguageSpan{language, TextSpan{paragraph.cp_begin, paragraph.cp_end}});
      if (!language.empty()) {
        if (language != main_) {
          candidates_.push_back(Candidate{language, {paragraph.cp_begin, paragraph.cp_end}});
        }
        find_runs(paragraph, language);
      }
    }
    report.spans = accepted_spans();
    return report;
  }

 private:
  std::string_view bytes_of(std::size_t begin, std::size_t end) const {
    return text_.substr(begin, end - begin);
  }

  // The script with most letters; on a tie the lowest script code; 0 when no
  // script has letters. Only the paragraphs' scripts are compared, not all 256
  // codes: the others count no letters.
  ScriptId main_script() const {
    std::array<std::uint64_t, 256> letters{};
    for (const Paragraph& paragraph : scanner_.paragraphs) {
      letters[paragraph.script] += paragraph.letters;
    }
    ScriptId best = 0;
    for (const Paragraph& paragraph : scanner_.paragraphs) {
      const ScriptId script = paragraph.script;
      if (script != 0 && letters[script] > 0 &&
          (best == 0 || letters[script] > letters[best] ||
           (letters[script] == letters[best] && script < best))) {
        best = script;
      }
    }
    return best;
  }

  // CLD2 on the first paragraphs written in the main script.
  std::string main_language() const {
    if (main_script_ == 0) {
      return {};
    }
    std::string buffer;
    for (const Paragraph& paragraph : scanner_.paragraphs) {
      if (paragraph.script != main_script_) {
        continue;
      }
      const std::string_view whole = bytes_of(paragraph.byte_begin, paragraph.byte_end);
      const std::string_view taken =
          detail::cld2_sample(whole, kDocumentSampleBytes - buffer.size());
      buffer += taken;
      buffer += '\n';
      if (taken.size() < whole.size() || buffer.size() + 1 >= kDocumentSampleBytes) {
        break;
      }
    }
    return detail::detect_with_cld2(buffer, detail::Cld2Chunks::kNotWanted).language;
  }

  std::string paragraph_language(const Paragraph& paragraph) {
    chunks_.clear();
    if (paragraph.letters == 0) {
      return {};
    }
    if (paragraph.script == main_script_) {
      const detail::ForeignLetterBase* base = letters_.base(main_);
      const std::size_t words = paragraph.end_word - paragraph.first_word;
      if (base == nullptr ||
          100 * marker_words(paragraph, *base) <= kMarkerShareForCld2Percent * words) {
        return main_;
      }
    }
    const std::string_view text = detail::cld2_sample(
        bytes_of(paragraph.byte_begin, paragraph.byte_end), kParagraphSampleBytes);
    detail::Cld2Result detected = detail::detect_with_cld2(text);
    chunks_ = std::move(detected.chunks);
    if (detected.language.empty() && paragraph.script == main_script_) {
      return main_;
    }
    return detected.language;
  }

  // Whether the word contains a letter that `base` lists; adds the letters.
  bool collect_markers(const Word& word, const detail::ForeignLetterBase& base,
                       std::vector<const detail::MarkerLetter*>* found) const {
    if (!word.has_marker) {
      return false;
    }
    bool any = false;
    for (std::size_t at = word.byte_begin; at < word.byte_end;) {
      const detail::DecodedCodePoint decoded = detail::decode_utf8(text_, at);
      at += decoded.length;
      const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(decoded.code_point)));
      if (const detail::MarkerLetter* marker = base.find(lower)) {
        any = true;
        if (found != nullptr && std::find(found->begin(), found->end(), marker) == found->end()) {
          found->push_back(marker);
        }
      }
    }
    return any;
  }

  std::size_t marker_words(const Paragraph& paragraph,
                           const detail::ForeignLetterBase& base) const {
    std::size_t count = 0;
    for (std::size_t w = paragraph.first_word; w < paragraph.end_word; ++w) {
      count += collect_markers(scanner_.words[w], base, nullptr) ? 1 : 0;
    }
    return count;
  }

  void find_runs(const Paragraph& paragraph, const std::string& language) {
    if (const detail::ForeignLetterBase* base = letters_.base(language)) {
      find_marker_runs(paragraph, *base);
    }
    find_script_runs(paragraph, language);
    find_chunk_runs(paragraph, language);
  }

  // Words with letters foreign to the paragraph's language (same script).
  void find_marker_runs(const Paragraph& paragraph, const detail::ForeignLetterBase& base) {
    const std::size_t words = paragraph.end_word - paragraph.first_word;
    if (100 * marker_words(paragraph, base) > kMarkerShareForRunsPercent * words) {
      return;
    }
    std::vector<const detail::MarkerLetter*> markers;
    std::size_t run_begin = 0;
    std::size_t run_words = 0;
    const auto finish_run = [&](std::size_t run_end) {
      if (run_words >= kMinimumRunWords || markers.size() >= kMinimumDistinctMarkers) {
        candidates_.push_back(
            Candidate{marker_language(base, markers),
                      {scanner_.words[run_begin].cp_begin, scanner_.words[run_end - 1].cp_end}});
      }
      markers.clear();
      run_words = 0;
    };
    for (std::size_t w = paragraph.first_word; w < paragraph.end_word; ++w) {
      if (collect_markers(scanner_.words[w], base, &markers)) {
        if (run_words == 0) {
          run_begin = w;
        }
        ++run_words;
      } else if (run_words > 0) {
        finish_run(w);
      }
    }
    if (run_words > 0) {
      finish_run(paragraph.end_word);
    }
  }

  // The language named by most of the distinct marker letters; on a tie the
  // one named first in the table.
  static std::string marker_language(const detail::ForeignLetterBase& base,
                                     const std::vector<const detail::MarkerLetter*>& markers) {
    std::vector<std::uint32_t> votes(base.languages.size(), 0);
    for (const detail::MarkerLetter* marker : markers) {
      for (std::uint8_t language : marker->languages) {
        ++votes[language];
      }
    }
    const auto best = std::max_element(votes.begin(), votes.end());
    return base.languages[static_cast<std::size_t>(best - votes.begin())];
  }

  // Words in another script than the paragraph's, named by CLD2.
  void find_script_runs(const Paragraph& paragraph, const std::string& language) {
    std::size_t w = paragraph.first_word;
    while (w < paragraph.end_word) {
      const ScriptId script = scanner_.words[w].script;
      if (script == 0 || script == paragraph.script) {
        ++w;
        continue;
      }
      std::size_t end = w + 1;
      std::size_t last = w;
      std::size_t count = 1;
      while (end < paragraph.end_word &&
             (scanner_.words[end].script == script || scanner_.words[end].script == 0)) {
        if (scanner_.words[end].script == script) {
          last = end;
          ++count;
        }
        ++end;
      }
      if (count >= kMinimumRunWords) {
        const Word& first_word = scanner_.words[w];
        const Word& last_word = scanner_.words[last];
        const std::string run_language =
            detail::detect_with_cld2(bytes_of(first_word.byte_begin, last_word.byte_end),
                                     detail::Cld2Chunks::kNotWanted)
                .language;
        if (!run_language.empty() && run_language != language) {
          candidates_.push_back(Candidate{run_language, {first_word.cp_begin, last_word.cp_end}});
        }
      }
      w = last + 1;
    }
  }

  // CLD2's own chunks of a paragraph it read, trimmed to whole words.
  void find_chunk_runs(const Paragraph& paragraph, const std::string& language) {
    if (chunks_.empty()) {
      return;
    }
    const std::span<const Word> words = words_of(paragraph);
    for (const detail::Cld2Chunk& chunk : chunks_) {
      if (chunk.language.empty() || chunk.language == language) {
        continue;
      }
      const std::size_t begin = paragraph.byte_begin + chunk.offset;
      const std::size_t end = begin + chunk.length;
      std::optional<std::size_t> first;
      std::size_t last = 0;
      std::size_t count = 0;
      for (std::size_t w = 0; w < words.size(); ++w) {
        if (words[w].byte_begin >= begin && words[w].byte_end <= end) {
          first = first.value_or(w);
          last = w;
          ++count;
        }
      }
      if (first && count >= kMinimumRunWords) {
        candidates_.push_back(
            Candidate{chunk.language, {words[*first].cp_begin, words[last].cp_end}});
      }
    }
  }

  // The paragraph's words: those the scanner kept, or else read again (a
  // paragraph of one script whose language CLD2 read in parts).
  std::span<const Word> words_of(const Paragraph& paragraph) {
    if (paragraph.words_kept) {
      return {scanner_.words.data() + paragraph.first_word,
              paragraph.end_word - paragraph.first_word};
    }
    reread_words_ = detail::scan_paragraph_words(text_, paragraph.byte_begin, paragraph.byte_end,
                                                 paragraph.cp_begin);
    return reread_words_;
  }

  // Candidates in the order found (paragraphs, marker runs, script runs, CLD2
  // chunks); one that overlaps an accepted span of the same language widens
  // it, of another language is dropped. Runs in the main language go.
  std::vector<LanguageSpan> accepted_spans() const {
    std::vector<LanguageSpan> accepted;
    for (const Candidate& candidate : candidates_) {
      if (candidate.language == main_) {
        continue;
      }
      bool keep = true;
      for (LanguageSpan& span : accepted) {
        const bool overlaps =
            candidate.span.start < span.span.end && span.span.start < candidate.span.end;
        if (!overlaps) {
          continue;
        }
        if (span.language == candidate.language) {
          span.span.start = std::min(span.span.start, candidate.span.start);
          span.span.end = std::max(span.span.end, candidate.span.end);
        }
        keep = false;
        break;
      }
      if (keep) {
        accepted.push_back(LanguageSpan{candidate.language, candidate.span});
      }
    }
    std::sort(accepted.begin(), accepted.end(), [](const LanguageSpan& a, const LanguageSpan& b) {
      return a.span.start < b.span.start;
    });
    return accepted;
  }

  std::string_view text_;
  const CharInfoTable& table_;
  const detail::ForeignLetters& letters_;
  Scanner scanner_;
  ScriptId main_script_ = 0;
  std::string main_;
  std::vector<detail::Cld2Chunk> chunks_;
  std::vector<Word> reread_words_;  // words_of's
  std::vector<Candidate> candidates_;
};

}  // namespace

LanguageReport detect_languages(std::string_view utf8) {
  return Detector(utf8, Scanner::Words::kOfMixedParagraphs).run();
}

LanguageReport detail::detect_languages_keeping_every_word(std::string_view utf8) {
  return Detector(utf8, Scanner::Words::kAll).run();
}

std::vector<detail::ScannedWord> detail::scan_paragraph_words(std::string_view text,
                                                              std::size_t byte_begin,
                                                              std::size_t byte_end,
                                                              std::uint32_t cp_begin) {
  Scanner scanner(text.substr(byte_begin, byte_end - byte_begin), char_info_table(),
                  Scanner::Words::kAll);
  scanner.run();
  for (Word& word : scanner.words) {
    word.byte_begin += byte_begin;
    word.byte_end += byte_begin;
    word.cp_begin += cp_begin;
    word.cp_end += cp_begin;
  }
  return std::move(scanner.words);
}

std::vector<detail::ScannedWord> detail::scan_words(std::string_view text, bool block_reading) {
  Scanner scanner(text, char_info_table(), Scanner::Words::kAll, block_reading);
  scanner.run();
  return std::move(scanner.words);
}

}  // namespace truce::text
