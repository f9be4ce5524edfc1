#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) on the given sources, or on every source under src/.
# Needs a configured build/ (compile_commands.json).
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  mapfile -t files < <(git ls-files 'src/*.cpp')
fi
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p build --quiet --extra-arg=-Wno-unknown-warning-option
