// Shared set-up for end-to-end tests: the built binary, a temp database, and
// JSON parsing of what the binary prints.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_command.hpp"

namespace truce::test {

inline const std::filesystem::path kBinary = TRUCE_BINARY;
inline const std::filesystem::path kSourceDir = TRUCE_SOURCE_DIR;
inline const std::filesystem::path kExample = kSourceDir / "data/examples/2021-11-16-kilisali.json";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_ / "truce.db").string();
    auto init = truce({"init", "--db", db_});
    ASSERT_EQ(init.exit_code, 0) << init.err;
  }

  CommandResult truce(const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env = {}) {
    return run_command(kBinary, args, env, dir_.path());
  }

  // Runs with --db and --json and parses standard output.
  nlohmann::json json_of(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db_, "--json"});
    auto result = truce(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }

  long long claim_count() { return json_of({"claims"})["total"].get<long long>(); }

  TempDir dir_;
  std::string db_;
};

}  // namespace truce::test
