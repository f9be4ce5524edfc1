#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang, AddressSanitizer and UBSan
# in a build directory of their own (the main build uses g++), and runs each
# for a bounded time on the seeds in fuzz/corpus/<name>/.
#   scripts/fuzz.sh [SECONDS]            every target for SECONDS each (default 30)
#   scripts/fuzz.sh --build-dir DIR      build in DIR (default build-fuzz)
#   scripts/fuzz.sh --target NAME        only this target (repeatable):
#                                        extract_fuzz, read_fuzz
# Only the fuzz targets and the libraries they link are built; ccache is used
# when installed. No network is needed. The inputs a run finds interesting
# are kept in DIR/fuzz-work/<target>/ and seed the next run.
# Exit status: 0 when no target failed; 1 when one crashed, hit undefined
# behaviour, leaked, timed out (10 s for one input) or ran out of memory
# (2 GB); the input that did it is printed (kept in DIR/fuzz-artifacts/), and
# `DIR/bin/<target> <input>` reproduces it. 2 when the build is impossible.
# read_fuzz also fails when an extraction breaks the invariants the service
# checks (core/validation); TRUCE_FUZZ_INVARIANTS=0 leaves that check out.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$source_dir/build-fuzz
seconds=30
targets=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --build-dir) build_dir=$2; shift 2 ;;
    --target) targets+=("$2"); shift 2 ;;
    -h | --help) sed -n '2,17p' "$0" | cut -c3-; exit 0 ;;
    *[!0-9]* | '') echo "fuzz: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    *) seconds=$1; shift ;;
  esac
done
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(extract_fuzz read_fuzz)
fi
for tool in clang++ cmake; do
  if ! command -v "$tool" >/dev/null; then
    echo "fuzz: $tool not found; scripts/install-deps.sh --test installs it" >&2
    exit 2
  fi
done

# ccache (used when installed) keys objects with debug line tables by their
# build directory too; this lets every fuzz build directory share them.
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
generator=()
if command -v ninja >/dev/null && [[ ! -f $build_dir/CMakeCache.txt ]]; then
  generator=(-G Ninja)
fi
echo "fuzz: configuring and building ${targets[*]} in $build_dir"
mkdir -p "$build_dir"
cmake -S "$source_dir" -B "$build_dir" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
  -DTRUCE_BUILD_FUZZERS=ON -DTRUCE_BUILD_TESTS=OFF \
  -DTRUCE_BUILD_BENCHMARKS=OFF >"$build_dir/fuzz-configure.log" 2>&1 || {
  cat "$build_dir/fuzz-configure.log" >&2
  exit 2
}
cmake --build "$build_dir" --parallel "${FUZZ_JOBS:-$(nproc)}" --target "${targets[@]}" || exit 2

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for target in "${targets[@]}"; do
  name=${target%_fuzz}
  work=$build_dir/fuzz-work/$target
  artifacts=$build_dir/fuzz-artifacts/$target
  log=$build_dir/fuzz-logs/$target.log
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192
    -artifact_prefix="$artifacts/" -print_final_stats=1)
  if [[ -f $source_dir/fuzz/$name.dict ]]; then
    options+=(-dict="$source_dir/fuzz/$name.dict")
  fi
  echo "fuzz: running $target for ${seconds} s (log: $log)"
  if "$build_dir/bin/$target" "${options[@]}" "$work" "$source_dir/fuzz/corpus/$name" \
    >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz: $target: no failure in ${runs:-?} runs"
  else
    status=1
    echo "fuzz: $target FAILED; the end of its log:" >&2
    tail -n 60 "$log" >&2
    input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    if [[ -n $input ]]; then
      echo "fuzz: $target: the failing input is $input" >&2
      echo "fuzz: reproduce with: $build_dir/bin/$target $input" >&2
    fi
  fi
done
exit "$status"
