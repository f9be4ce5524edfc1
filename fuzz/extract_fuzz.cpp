// libFuzzer target: arbitrary bytes straight into Extractor::extract. The CLI
// only hands the extractor valid UTF-8 without NUL bytes (ingest checks it),
// but the extractor promises never to fail on text content, so the bytes go in
// as they are: invalid UTF-8, NULs and all. Inputs of even length get a
// publication date, so relative dates and recency are exercised too.
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "extract/extraction.hpp"
#include "fuzz_extractor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const truce::extract::Extractor& extractor = truce::fuzz::shared_extractor();
  truce::extract::ExtractionInput input;
  input.text.assign(reinterpret_cast<const char*>(data), size);
  if (size % 2 == 0) {
    using namespace std::chrono;
    input.published = truce::CivilTime{year{2021} / November / 21, std::nullopt};
    input.published_origin = "--published";
  }
  (void)extractor.extract(input);
  return 0;
}
