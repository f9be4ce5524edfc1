#!/usr/bin/env bash
# Installs, builds (Release, warnings as errors) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh -DTRUCE_BUILD_TESTS=ON -DTRUCE_WERROR=ON
scripts/check-format.sh
cd build
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
