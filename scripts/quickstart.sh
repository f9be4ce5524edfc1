#!/usr/bin/env bash
# The main job on the embedded default: install, build, then create a SQLite
# database, ingest the bundled example reports and show the monitoring picture.
#   scripts/quickstart.sh [DATABASE]     (default: truce-demo.db)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DTRUCE_BUILD_TESTS=OFF
build/bin/truce demo --db "${1:-truce-demo.db}"
