#include <gtest/gtest.h>

#include "ingest/intake.hpp"

namespace truce::ingest {
namespace {

TEST(TextEncoding, AcceptsUtf8InAnyScript) {
  EXPECT_EQ(text_encoding_problem("plain\nقتل جندي\nпятерых\n🕊"), "");
}

TEST(TextEncoding, NamesTheLineAndByteOfInvalidUtf8) {
  EXPECT_EQ(text_encoding_problem("ok\nab\xff"),
            "line 2, byte 3: invalid UTF-8 (0xff); the input must be UTF-8");
}

TEST(TextEncoding, RejectsOverlongFormsSurrogatesAndTruncatedSequences) {
  EXPECT_NE(text_encoding_problem("\xC0\xAF"), "");          // overlong '/'
  EXPECT_NE(text_encoding_problem("\xE0\x80\xAF"), "");      // overlong, 3 bytes
  EXPECT_NE(text_encoding_problem("\xED\xA0\x80"), "");      // UTF-16 surrogate
  EXPECT_NE(text_encoding_problem("\xF4\x90\x80\x80"), "");  // above U+10FFFF
  EXPECT_NE(text_encoding_problem("\xD9"), "");              // cut in the middle
}

TEST(TextEncoding, RejectsNulBytes) {
  std::string text = "line one\nline two";
  text[12] = '\0';
  EXPECT_EQ(text_encoding_problem(text), "line 2, byte 4: NUL byte (is this a binary file?)");
}

TEST(Sha256, MatchesTheStandardTestVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace truce::ingest
