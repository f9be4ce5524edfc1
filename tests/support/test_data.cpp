#include "support/test_data.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/run_command.hpp"

namespace truce::test {

std::string test_data_path(const std::string& relative) {
  return std::string(TRUCE_TEST_DATA_DIR) + "/" + relative;
}

std::string read_test_data(const std::string& relative) {
  std::ifstream in(test_data_path(relative), std::ios::binary);
  EXPECT_TRUE(in) << relative;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void expect_golden(const std::string& text, const std::string& relative) {
  if (std::getenv("TRUCE_UPDATE_GOLDEN") != nullptr) {
    write_file(test_data_path(relative), text);
  }
  EXPECT_EQ(text, read_test_data(relative)) << "golden file " << relative;
}

}  // namespace truce::test
