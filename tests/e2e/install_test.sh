#!/usr/bin/env bash
# Installs the build into a temporary prefix and runs the installed binary
# from elsewhere: it must find its bundled data beside itself.
#   install_test.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
cd "$prefix"
out=$("$prefix/bin/truce" demo --db "$prefix/demo.db")
grep -q "share/truce/examples/2021-11-16-kilisali.json: added 4 claims" <<<"$out" || {
  echo "installed truce did not ingest its bundled examples:"; echo "$out"; exit 1; }
echo "installed truce found its data in $prefix/share/truce"
