#!/usr/bin/env bash
# Installs, builds (Release, warnings as errors) and runs every test.
#   scripts/test.sh              the suite CI runs
#   scripts/test.sh --sanitize   also build with AddressSanitizer and UBSan into
#                                build-asan and run the suite there (about 15 minutes
#                                more on 2 cores, so CI leaves it out)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh -DTRUCE_BUILD_TESTS=ON -DTRUCE_WERROR=ON
scripts/check-format.sh
(cd build && ctest --output-on-failure --parallel "$(nproc)" --timeout 600)
if [[ "${1:-}" == "--sanitize" ]]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRUCE_SANITIZE=address,undefined \
    -DTRUCE_WERROR=ON
  cmake --build build-asan --parallel "$(nproc)"
  cd build-asan
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure \
    --parallel "$(nproc)" --timeout 1200
fi
