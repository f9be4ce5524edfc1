#!/usr/bin/env bash
# Fails if any C++ file differs from clang-format's output (.clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
  echo "check-format: clang-format not installed; run scripts/install-deps.sh --test" >&2
  exit 1
fi
git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror
