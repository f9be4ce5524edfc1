// Claim ids are hashes of the canonical form (core/validation.hpp), which
// gained members after the first release: the time basis, other actors with
// their roles, agreement references. Those enter it only when set, so every
// claim stored before keeps its id. These are the ids the first release
// derived for the bundled examples, read here through the whole intake path.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/intake.hpp"

namespace truce {
namespace {

struct Example {
  const char* file;                    // under data/examples
  std::vector<std::string> claim_ids;  // sorted
};

const Example kExamples[] = {
    {"2021-11-16-kilisali.json",
     {"clm_30b4a6e06287407bf60f", "clm_4100d5a218e33ffe76cc", "clm_6574109933d418166e5a",
      "clm_9257705c7c991fcca462"}},
    {"2022-09-13-armenia-azerbaijan-border.csv",
     {"clm_209147b0b916b5b2d4e2", "clm_6fccbd69a44b3fcfef9e", "clm_75d7fe1a28f64f5f8215",
      "clm_a212e48fb8226c143a82", "clm_bc2c3dcffb49d5387467", "clm_c8e0454b679a6608cbd7",
      "clm_d2d75151a768e144dd45", "clm_ea89f61f843c1503d6b4"}},
    {"2020-07-tovuz-clashes.geojson",
     {"clm_1551cb75a2ece92d74ff", "clm_2b766c20cf573bbf1295", "clm_4aaf8cfb3ee3cf19a085",
      "clm_81efe4951573513ec4ce", "clm_9e9043b990f4abebb66c", "clm_b179afbb04072caf505a",
      "clm_dfcfdf6505f6f12cee27", "clm_ecae3910cd91abc31f14"}},
};

TEST(ClaimIds, TheBundledExamplesKeepTheIdsOfTheFirstRelease) {
  for (const Example& example : kExamples) {
    SCOPED_TRACE(example.file);
    std::string path = std::string(TRUCE_SOURCE_DIR) + "/data/examples/" + example.file;
    auto intake = ingest::read_intake_file(path, ingest::InputFormat::kAuto);
    ASSERT_TRUE(intake) << intake.error().message;
    std::vector<std::string> ids;
    for (const Claim& claim : intake->batch.claims) {
      ids.push_back(claim.id.str());
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, example.claim_ids);
  }
}

}  // namespace
}  // namespace truce
