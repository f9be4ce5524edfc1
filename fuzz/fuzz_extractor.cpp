#include "fuzz_extractor.hpp"

#include <cstdio>
#include <cstdlib>

#include "util/data_dir.hpp"

namespace truce::fuzz {
namespace {

extract::Extractor load_or_abort() {
  auto data_dir = util::find_data_dir();
  if (!data_dir) {
    std::fprintf(stderr, "fuzz: no data directory: %s\n", data_dir.error().message.c_str());
    std::abort();
  }
  auto extractor = extract::Extractor::load(*data_dir);
  if (!extractor) {
    std::fprintf(stderr, "fuzz: cannot load the extractor from %s: %s\n",
                 data_dir->string().c_str(), extractor.error().message.c_str());
    std::abort();
  }
  return std::move(extractor).value();
}

}  // namespace

const extract::Extractor& shared_extractor() {
  static const extract::Extractor extractor = load_or_abort();
  return extractor;
}

}  // namespace truce::fuzz
