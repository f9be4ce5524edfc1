#include "extract/detail/document_parts.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>

// find_mark_before reads only the start of a head and looks for a mark that opens with a space
// by what follows the space; it must give what a plain find limited to the start gives.

namespace truce::extract::detail {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

std::size_t plain_find(std::string_view head, std::string_view what, std::size_t from,
                       std::size_t limit) {
  const std::size_t at = head.find(what, from);
  return at < limit ? at : kNone;
}

constexpr std::array<std::string_view, 7> kMarks = {
    " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", ", ", ". ", ":", " "};

TEST(FindMarkBefore, AgreesWithAPlainFindOnRandomHeads) {
  // Pieces that make near misses: spaces without the dash, dashes without a
  // space, the dashes' lead bytes before other characters, marks at the edges.
  constexpr std::array<std::string_view, 12> kPieces = {" ",
                                                        " ",
                                                        "-",
                                                        "a",
                                                        "\xD0\x91",
                                                        ",",
                                                        ".",
                                                        ":",
                                                        "\xE2\x80\x94",
                                                        "\xE2\x80\x93",
                                                        "\xE2\x80\x9C",
                                                        " - "};
  std::mt19937 random(7);
  for (int round = 0; round < 20000; ++round) {
    std::string head;
    const std::size_t pieces = random() % 120;
    for (std::size_t i = 0; i < pieces; ++i) {
      head += kPieces[random() % kPieces.size()];
    }
    const std::string_view mark = kMarks[random() % kMarks.size()];
    const std::size_t limit = random() % 2 == 0 ? random() % (head.size() + 4) : 160;
    const std::size_t from = random() % 3 == 0 ? random() % (head.size() + 4) : 0;
    EXPECT_EQ(find_mark_before(head, mark, from, limit), plain_find(head, mark, from, limit))
        << "head '" << head << "' mark '" << mark << "' from " << from << " limit " << limit;
  }
}

TEST(FindMarkBefore, MarksAtEveryPlaceAroundTheLimit) {
  for (std::string_view mark : kMarks) {
    for (std::size_t at = 0; at < 24; ++at) {
      const std::string head = std::string(at, 'x') + " " + std::string(mark) + "y -";
      for (std::size_t limit = 0; limit < 30; ++limit) {
        for (std::size_t from = 0; from < 4; ++from) {
          EXPECT_EQ(find_mark_before(head, mark, from, limit), plain_find(head, mark, from, limit))
              << "mark '" << mark << "' at " << at << " from " << from << " limit " << limit;
        }
      }
    }
  }
}

}  // namespace
}  // namespace truce::extract::detail
