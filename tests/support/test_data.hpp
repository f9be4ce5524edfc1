// Files under tests/data for tests that read fixtures and compare with golden
// files. Paths are relative to tests/data, e.g. "serial/json/empty.report.json".
#pragma once

#include <string>

namespace truce::test {

// The path of `relative` below tests/data in the source tree.
std::string test_data_path(const std::string& relative);

// The bytes of the file; a test failure (and "") if it cannot be opened.
std::string read_test_data(const std::string& relative);

// Compares `text` with a golden file; TRUCE_UPDATE_GOLDEN=1 rewrites the file
// instead, after a deliberate change of the format (review the diff).
void expect_golden(const std::string& text, const std::string& relative);

}  // namespace truce::test
