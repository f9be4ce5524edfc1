#include "text/detail/folding.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <utility>

namespace truce::text::detail {
namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;  // inclusive
};

// Marks that do not change which word is meant: Arabic harakat and tanween
// (U+064B-U+065F), superscript alef, honorific signs and Quranic annotation
// marks; tatweel (a justification stroke); ZWNJ/ZWJ, BOM and soft hyphen.
// A dropped character's code point is added to the end of the character
// before it, so the original span of a word still covers its marks.
constexpr std::array kDropped = {
    CodePointRange{0x00AD, 0x00AD},  // soft hyphen
    CodePointRange{0x0610, 0x061A},  // Arabic honorific and Quranic signs
    CodePointRange{0x0640, 0x0640},  // tatweel
    CodePointRange{0x064B, 0x065F},  // harakat, tanween, shadda, sukun, hamza marks
    CodePointRange{0x0670, 0x0670},  // superscript (dagger) alef
    CodePointRange{0x06D6, 0x06DC},  // Quranic annotation marks
    CodePointRange{0x06DF, 0x06E4}, CodePointRange{0x06E7, 0x06E8},
    CodePointRange{0x06EA, 0x06ED}, CodePointRange{0x200C, 0x200D},  // ZWNJ, ZWJ
    CodePointRange{0xFEFF, 0xFEFF},  // BOM, zero-width no-break space
};

// Letter variants folded onto one letter, applied after NFKC_Casefold (so
// presentation forms and capitals arrive here as base lower-case letters).
// Sorted by the first member; the second is what the first becomes.
constexpr std::array<std::pair<char32_t, char32_t>, 45> kFoldedLetters = {{
    {0x00AB, 0x0022},  // left guillemet -> quotation mark
    {0x00BB, 0x0022},  // right guillemet -> quotation mark
    {0x02BC, 0x0027},  // modifier letter apostrophe -> apostrophe
    {0x0451, 0x0435},  // Cyrillic yo -> ie
    {0x0622, 0x0627},  // alef with madda -> alef
    {0x0623, 0x0627},  // alef with hamza above -> alef
    {0x0624, 0x0648},  // waw with hamza -> waw
    {0x0625, 0x0627},  // alef with hamza below -> alef
    {0x0626, 0x064A},  // yeh with hamza -> yeh
    {0x0629, 0x0647},  // teh marbuta -> heh
    {0x0649, 0x064A},  // alef maksura -> yeh
    {0x066A, 0x0025},  // Arabic percent sign -> %
    {0x066B, 0x002E},  // Arabic decimal separator -> .
    {0x066C, 0x002C},  // Arabic thousands separator -> ,
    {0x0671, 0x0627},  // alef wasla -> alef
    {0x0672, 0x0627},  // alef with wavy hamza above -> alef
    {0x0673, 0x0627},  // alef with wavy hamza below -> alef
    {0x0675, 0x0627},  // high hamza alef -> alef
    {0x0679, 0x062A},  // tteh (Urdu) -> teh
    {0x067E, 0x0628},  // peh -> beh
    {0x0686, 0x062C},  // tcheh -> jeem
    {0x0688, 0x062F},  // ddal (Urdu) -> dal
    {0x0691, 0x0631},  // rreh (Urdu) -> reh
    {0x0698, 0x0632},  // jeh -> zain
    {0x06A4, 0x0641},  // veh -> feh
    {0x06A9, 0x0643},  // keheh (Persian/Urdu kaf) -> kaf
    {0x06AA, 0x0643},  // swash kaf -> kaf
    {0x06AF, 0x0643},  // gaf -> kaf
    {0x06BA, 0x0646},  // noon ghunna (Urdu) -> noon
    {0x06BE, 0x0647},  // heh doachashmee (Urdu) -> heh
    {0x06C0, 0x0647},  // heh with yeh above -> heh
    {0x06C1, 0x0647},  // heh goal (Urdu) -> heh
    {0x06C2, 0x0647},  // heh goal with hamza above -> heh
    {0x06C3, 0x0647},  // teh marbuta goal -> heh
    {0x06CC, 0x064A},  // Farsi yeh -> yeh
    {0x06D2, 0x064A},  // yeh barree (Urdu) -> yeh
    {0x06D3, 0x064A},  // yeh barree with hamza above -> yeh
    {0x2018, 0x0027},  // left single quotation mark -> apostrophe
    {0x2019, 0x0027},  // right single quotation mark (the typographic apostrophe) -> apostrophe
    {0x201A, 0x0027},  // single low-9 quotation mark -> apostrophe
    {0x201B, 0x0027},  // single high-reversed-9 quotation mark -> apostrophe
    {0x201C, 0x0022},  // left double quotation mark -> quotation mark
    {0x201D, 0x0022},  // right double quotation mark -> quotation mark
    {0x201E, 0x0022},  // double low-9 quotation mark -> quotation mark
    {0x201F, 0x0022},  // double high-reversed-9 quotation mark -> quotation mark
}};

constexpr bool sorted_by_first() {
  for (std::size_t i = 1; i < kFoldedLetters.size(); ++i) {
    if (kFoldedLetters[i - 1].first >= kFoldedLetters[i].first) {
      return false;
    }
  }
  return true;
}
static_assert(sorted_by_first(), "kFoldedLetters must be sorted for binary search");

bool is_dropped(char32_t code_point) {
  return std::any_of(kDropped.begin(), kDropped.end(), [&](const CodePointRange& range) {
    return code_point >= range.first && code_point <= range.last;
  });
}

bool is_horizontal_space(char32_t code_point) {
  return code_point == 0x09 || code_point == 0x20 || code_point == 0xA0 || code_point == 0x1680 ||
         (code_point >= 0x2000 && code_point <= 0x200A) || code_point == 0x202F ||
         code_point == 0x205F || code_point == 0x3000;
}

}  // namespace

CharClass classify(char32_t code_point) {
  switch (code_point) {
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x85:
    case 0x2028: return CharClass::kLineBreak;
    case 0x0D: return CharClass::kCarriageReturn;
    case 0x2029: return CharClass::kParagraphBreak;
    default: break;
  }
  if (is_horizontal_space(code_point)) {
    return CharClass::kSpace;
  }
  // Other control characters separate words but carry nothing to match.
  if (code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F)) {
    return CharClass::kSpace;
  }
  if (is_dropped(code_point)) {
    return CharClass::kDropped;
  }
  return CharClass::kKept;
}

char32_t fold_character(char32_t code_point) {
  if (code_point < 0x80) {
    return code_point;
  }
  const auto* found = std::lower_bound(
      kFoldedLetters.begin(), kFoldedLetters.end(), code_point,
      [](const std::pair<char32_t, char32_t>& entry, char32_t key) { return entry.first < key; });
  if (found != kFoldedLetters.end() && found->first == code_point) {
    return found->second;
  }
  const auto value = static_cast<UChar32>(code_point);
  if (u_charType(value) == U_DECIMAL_DIGIT_NUMBER) {
    return U'0' + static_cast<char32_t>(u_charDigitValue(value));
  }
  return code_point;
}

}  // namespace truce::text::detail
